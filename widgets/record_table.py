"""A table of the session's records (events, factors, action items…), drawn row by row.

Only the rows on screen are rendered (Textual's Line API), so a table of 10,000 events
costs what a table of ten does, and an edit touches the list and redraws the screenful.
Columns fit the width they get: flexible columns share what is left, the least important
ones step aside on a narrow terminal, and the detail line below (``RecordPanel``) shows the
highlighted record in full. There is no sideways scrolling.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from sessions.editing import SessionEditor
from sessions.paths import get_at
from sessions.textsafe import one_line
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog, first_error
from widgets.messages import SessionEdited


@dataclass(frozen=True)
class Column:
    """How one column shows a record."""

    label: str
    #: The cell's text for a record (user text: shown literally, on one line).
    show: Callable[[Any], str]
    #: A fixed width in cells; None makes the column share the spare width.
    width: int | None = None
    #: The narrowest a shared column gets.
    min_width: int = 8
    #: The share of spare width a flexible column takes, against the others.
    weight: int = 1
    #: 0 = always shown; on a narrow screen the highest numbers step aside first.
    drop: int = 0


def fit_columns(columns: list[Column], width: int) -> list[tuple[Column, int]]:
    """The columns that fit in ``width`` cells (one-cell gaps) and the width of each."""
    shown = list(columns)

    def needed(cols: list[Column]) -> int:
        return sum(c.width or c.min_width for c in cols) + max(len(cols) - 1, 0)

    while needed(shown) > width:
        droppable = [c for c in shown if c.drop > 0]
        if not droppable:
            break
        shown.remove(max(droppable, key=lambda c: (c.drop, shown.index(c))))
    widths = [c.width or c.min_width for c in shown]
    spare = width - needed(shown)
    flexible = [i for i, c in enumerate(shown) if c.width is None]
    if spare > 0 and flexible:
        total = sum(shown[i].weight for i in flexible)
        given = 0
        for i in flexible:
            share = spare * shown[i].weight // total
            widths[i] += share
            given += share
        widths[flexible[0]] += spare - given
    return list(zip(shown, widths, strict=True))


def _cell(text: str, width: int) -> Text:
    cell = Text(one_line(text), no_wrap=True)
    cell.truncate(width, overflow="ellipsis", pad=True)
    return cell


class RecordTable(ScrollView, can_focus=True):
    """The records of one list in the session (``part``, a field path such as "timeline").

    Holds no records of its own: it reads the live list through the editor, and every
    change goes through the editor (so it can be undone) and is announced with SessionEdited.
    """

    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_CLASSES = {
        "record-table--header",
        "record-table--cursor",
        "record-table--cursor-blurred",
        "record-table--even",
        "record-table--hint",
    }
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("a", "add", "Add"),
        Binding("enter", "edit", "Edit"),
        Binding("e", "edit", "Edit", show=False),
        Binding("d,delete", "delete", "Del"),
        Binding("ctrl+up,K", "move(-1)", "Move up", show=False),
        Binding("ctrl+down,J", "move(1)", "Move down", show=False),
    ]

    cursor: reactive[int] = reactive(0, layout=False)
    """Index of the highlighted record."""

    @dataclass
    class Highlighted(Message):
        """The highlighted record changed (for the detail line)."""

        table: RecordTable
        item: Any | None

    def __init__(
        self,
        noun: str,
        editor: SessionEditor,
        part: str,
        columns: list[Column],
        specs: list[FieldSpec],
        make: Callable[[dict[str, Any], Any | None], Any],
        *,
        values_of: Callable[[Any], dict[str, Any]] | None = None,
        place: Callable[[list[Any], Any], int] | None = None,
        replace: Callable[[list[Any], int, Any], int] | None = None,
        row_style: Callable[[list[Any], int], str] | None = None,
        hint: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="session-view")
        self.noun = noun
        self.HELP_TITLE = f"{noun[0].upper()}{noun[1:]}s"
        self.editor = editor
        self.part = part
        self.columns = columns
        self.specs = specs
        self.make = make
        self.values_of = values_of or (lambda item: _values(item, specs))
        self.place = place or _append
        self.replace = replace or _replace
        self.row_style = row_style
        self.hint = hint or f"No {noun}s yet: press a to add one."
        self._layout: list[tuple[Column, int]] = []
        self.parts = frozenset({part})

    # --- the records ----------------------------------------------------------------------

    @property
    def items(self) -> list[Any]:
        return get_at(self.editor.session, self.part)

    @property
    def current(self) -> Any | None:
        items = self.items
        return items[self.cursor] if 0 <= self.cursor < len(items) else None

    def show_session(self) -> None:
        """Redraw from the model (after an undo, a reload, or an edit elsewhere)."""
        count = len(self.items)
        self.set_reactive(RecordTable.cursor, max(min(self.cursor, count - 1), 0))
        self._resize_virtual()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    # --- drawing --------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._resize_virtual()
        self.post_message(self.Highlighted(self, self.current))

    def on_resize(self) -> None:
        self._resize_virtual()

    def _resize_virtual(self) -> None:
        width = self.scrollable_content_region.width
        self._layout = fit_columns(self.columns, max(width, 1))
        self.virtual_size = Size(width, len(self.items) + 1)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._strip(self._header(), base + self.style_of("header"), width)
        items = self.items
        index = self.scroll_offset.y + y - 1
        if index >= len(items):
            if not items and y == 1:
                return self._strip(Text(self.hint), base + self.style_of("hint"), width)
            return Strip.blank(width, base)
        style = base
        if index % 2:
            style += self.style_of("even")
        if self.row_style is not None:
            extra = self.row_style(items, index)
            if extra:
                style += Style.parse(extra)
        if index == self.cursor:
            style += self.style_of("cursor" if self.has_focus else "cursor-blurred")
        return self._strip(self._row(items[index]), style, width)

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"record-table--{name}")

    def _header(self) -> Text:
        return Text(" ").join(_cell(column.label, width) for column, width in self._layout)

    def _row(self, item: Any) -> Text:
        return Text(" ").join(_cell(column.show(item), width) for column, width in self._layout)

    def _strip(self, text: Text, style: Style, width: int) -> Strip:
        text.truncate(width, pad=True)
        segments = [
            Segment(s.text, style + s.style if s.style else style)
            for s in text.render(self.app.console)
        ]
        return Strip(segments, width)

    def detail(self, item: Any) -> Text:
        """Every column of ``item`` in full, for the detail line."""
        text = Text()
        for column in self.columns:
            value = one_line(column.show(item))
            if not value:
                continue
            if text:
                text.append("  ·  ", style="dim")
            text.append(f"{column.label}: ", style="bold")
            text.append(value)
        return text

    # --- moving ---------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    def _scroll_to_cursor(self) -> None:
        rows = max(self.scrollable_content_region.height - 1, 1)
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + rows:
            self.scroll_to(y=self.cursor - rows + 1, animate=False, immediate=True)

    def go_to(self, index: int) -> None:
        """Highlight the record at ``index`` (clamped)."""
        count = len(self.items)
        self.cursor = max(min(index, count - 1), 0)

    def action_cursor(self, step: int) -> None:
        self.go_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        self.go_to(self.cursor + step * max(self.scrollable_content_region.height - 2, 1))

    def action_cursor_to(self, index: int) -> None:
        self.go_to(index if index >= 0 else len(self.items) - 1)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self.items):
            self.go_to(index)
            if event.chain == 2:
                self.action_edit()

    # --- editing --------------------------------------------------------------------------

    def _edited(self, what: str, index: int | None = None) -> None:
        self._resize_virtual()
        if index is not None:
            self.go_to(index)
        else:
            self.go_to(self.cursor)
        self.refresh()
        self.post_message(SessionEdited(self.part, f"{self.noun} {what}", self))

    def _made(self, values: dict[str, Any], old: Any | None) -> Any | None:
        try:
            return self.make(values, old)
        except (ValidationError, ValueError) as error:
            self.notify(first_error(error), severity="error", markup=False)
            return None

    def form_specs(self, item: Any | None) -> list[FieldSpec]:
        """The form's fields for ``item`` (None: a new record); a table whose choices depend
        on the record overrides this."""
        return self.specs

    @work(group="record-dialog")
    async def action_add(self) -> None:
        values = await self.app.push_screen_wait(
            FormDialog(f"New {self.noun}", self.form_specs(None), {})
        )
        if values is None or (item := self._made(values, None)) is None:
            return
        with self.editor.edit(self.part, f"{self.noun} added"):
            index = self.place(self.items, item)
        self._edited("added", index)

    @work(group="record-dialog")
    async def action_edit(self) -> None:
        item = self.current
        if item is None:
            self.action_add()
            return
        values = await self.app.push_screen_wait(
            FormDialog(f"Edit {self.noun}", self.form_specs(item), self.values_of(item))
        )
        if values is None or (new := self._made(values, item)) is None:
            return
        items = self.items
        position = next((i for i, x in enumerate(items) if x is item), None)
        if position is None:
            self.notify(f"That {self.noun} was deleted meanwhile", severity="warning")
            return
        with self.editor.edit(self.part, f"{self.noun} edited"):
            index = self.replace(items, position, new)
        self._edited("edited", index)

    def action_delete(self) -> None:
        items = self.items
        if not items:
            return
        with self.editor.edit(self.part, f"{self.noun} deleted"):
            del items[self.cursor]
        self._edited("deleted")
        self.notify(f"Deleted the {self.noun}. ctrl+z puts it back.", markup=False, timeout=4)

    def action_move(self, step: int) -> None:
        if self.place is not _append:
            self.notify(f"{self.noun.capitalize()}s keep their own order", timeout=3)
            return
        items = self.items
        index, target = self.cursor, self.cursor + step
        if not (0 <= index < len(items) and 0 <= target < len(items)):
            return
        with self.editor.edit(self.part, f"{self.noun} moved"):
            items[index], items[target] = items[target], items[index]
        self._edited("moved", target)


def _append(items: list[Any], item: Any) -> int:
    items.append(item)
    return len(items) - 1


def _replace(items: list[Any], index: int, item: Any) -> int:
    items[index] = item
    return index


def _values(item: Any, specs: list[FieldSpec]) -> dict[str, Any]:
    if isinstance(item, BaseModel):
        return {spec.name: getattr(item, spec.name) for spec in specs}
    return {specs[0].name: item}


def model_maker(model: type[BaseModel], **fixed: Any) -> Callable[[dict[str, Any], Any], Any]:
    """Build or update a pydantic record from form values, validated by the model."""

    def make(values: dict[str, Any], old: Any) -> Any:
        base = old.model_dump() if old is not None else {}
        base.update(fixed)
        base.update(values)
        return model.model_validate(base)

    return make


class RecordPanel(Vertical):
    """A RecordTable with the highlighted record in full below it."""

    DEFAULT_CSS = """
    RecordPanel { height: 1fr; }
    RecordPanel > .record-detail {
        height: auto; max-height: 3; padding: 0 1; background: $panel; color: $text;
    }
    """

    def __init__(self, table: RecordTable, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table = table

    def compose(self) -> ComposeResult:
        yield self.table
        yield Static("", classes="record-detail")

    def on_record_table_highlighted(self, message: RecordTable.Highlighted) -> None:
        if message.table is not self.table:
            return
        message.stop()
        detail = self.query_one(".record-detail", Static)
        detail.update(self.table.detail(message.item) if message.item is not None else "")
