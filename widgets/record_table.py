"""A table of the session's records (events, factors, action items…), drawn row by row.

Only the rows on screen are rendered (Textual's Line API), so a table of 10,000 events
costs what a table of ten does, and an edit touches the list and redraws the screenful.
Columns fit the width they get: flexible columns share what is left, the least important
ones step aside on a narrow terminal, and the detail line below (``RecordPanel``) shows the
highlighted record in full. There is no sideways scrolling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from sessions import wording
from sessions.editing import SessionEditor
from sessions.paths import get_at
from sessions.textsafe import one_line
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.form_status import first_error
from widgets.messages import SessionEdited
from widgets.row_view import Column, RowView, fit_columns
from widgets.user_text import fit_rows

__all__ = ["Column", "RecordPanel", "RecordTable", "fit_columns", "model_maker"]


#: The detail line's rows at most (its style's max-height).
DETAIL_ROWS = 3


class RecordTable(RowView):
    """The records of one list in the session (``part``, a field path such as "timeline").

    Holds no records of its own: it reads the live list through the editor, and every
    change goes through the editor (so it can be undone) and is announced with SessionEdited.
    """

    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_PREFIX = "record-table"
    #: A resize keeps the scroll offset (only ``ListTable`` brings the cursor back in view).
    FOLLOW_CURSOR_ON_RESIZE = False
    COMPONENT_CLASSES = {
        "record-table--header",
        "record-table--cursor",
        "record-table--cursor-blurred",
        "record-table--even",
        "record-table--hint",
    }
    # The cursor keys are RowView's; they are named again because the help screen (F1)
    # lists a widget's own BINDINGS (a key bound twice keeps the subclass's binding).
    BINDINGS = [
        *RowView.BINDINGS,
        Binding("a", "add", "Add"),
        Binding("enter", "edit", "Edit"),
        Binding("e", "edit", "Edit", show=False),
        Binding("d,delete", "delete", "Del", tooltip="Delete the selection (ctrl+z undoes it)"),
        Binding("ctrl+up,K", "move(-1)", "Move up", show=False),
        Binding("ctrl+down,J", "move(1)", "Move down", show=False),
    ]

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
        plural: str = "",
        still_named: Callable[[Any], str] | None = None,
        id: str | None = None,
    ) -> None:
        self.plural = plural or wording.plural(noun)
        #: What still names a record being deleted ("action 1 addresses F2"), said then.
        self.still_named = still_named
        super().__init__(
            columns,
            hint=hint or f"No {self.plural} yet: press a to add one.",
            id=id,
            classes="session-view",
        )
        self.noun = noun
        self.HELP_TITLE = f"{self.plural[0].upper()}{self.plural[1:]}"
        self.editor = editor
        self.part = part
        self.specs = specs
        self.make = make
        self.values_of = values_of or (lambda item: _values(item, specs))
        self.place = place or _append
        self.replace = replace or _replace
        self.row_style = row_style
        self.parts = frozenset({part})

    # --- the records ----------------------------------------------------------------------

    @property
    def items(self) -> list[Any]:
        return get_at(self.editor.session, self.part)

    def where_at_cursor(self) -> str | None:
        """The field path of the highlighted record (as findings name it), if there is one."""
        return f"{self.part}[{self.cursor}]" if self.current is not None else None

    def show_session(self) -> None:
        """Redraw from the model (after an undo, a reload, or an edit elsewhere)."""
        self.set_reactive(RecordTable.cursor, self._clamped(self.cursor))
        self._resize_virtual()
        self.refresh()
        self._announce()

    # --- drawing --------------------------------------------------------------------------

    def on_mount(self) -> None:
        # RowView's on_mount runs too (Textual calls the handler of every class).
        self._announce()

    def detail(self, item: Any, width: int = 0, rows: int = DETAIL_ROWS) -> Text:
        """Every column of ``item`` in full, for the detail line; given the line's
        ``width``, in at most ``rows`` rows, the last ending in "…" when cut (Enter shows
        the rest: the line's last rows were cut off with no sign)."""
        text = self._detail(item)
        if width <= 0:
            return text
        return Text("\n").join(fit_rows(text, width, rows, self.app.console))

    def _detail(self, item: Any) -> Text:
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

    # --- RowView's hooks ------------------------------------------------------------------

    def _rows(self) -> list[Any]:
        return self.items

    def _activate(self) -> None:
        self.action_edit()

    def _row_style(self, rows: Sequence[Any], index: int) -> Style | None:
        if self.row_style is None:
            return None
        extra = self.row_style(rows, index)  # type: ignore[arg-type]  # rows is ``items``
        return Style.parse(extra) if extra else None

    def _cursor_style(self) -> Style:
        return self.style_of("cursor" if self.has_focus else "cursor-blurred")

    def on_focus(self) -> None:
        self.refresh()  # the cursor's row changes colour

    def on_blur(self) -> None:
        self.refresh()

    # --- editing --------------------------------------------------------------------------

    def _edited(self, what: str, index: int | None = None) -> None:
        """Redraw once and announce the cursor's row once: the detail line follows, also
        when the cursor stayed put (a delete). ``go_to`` would announce it a second time."""
        self._resize_virtual()
        self.set_reactive(
            RecordTable.cursor, self._clamped(self.cursor if index is None else index)
        )
        self._scroll_to_cursor()
        self.refresh()
        self._announce()
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
        await self._add()

    async def _add(self) -> None:
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
        if item is None:  # in this worker: keys typed next wait for its form (e then a
            await self._add()  # opened two, another worker's form over this one's)
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
        named = self.still_named(items[self.cursor]) if self.still_named else ""
        with self.editor.edit(self.part, f"{self.noun} deleted"):
            del items[self.cursor]
        self._edited("deleted")
        said = f"Deleted the {self.noun}{f' ({named})' if named else ''}. ctrl+z puts it back."
        self.notify(said, markup=False, timeout=6 if named else 4)

    def action_move(self, step: int) -> None:
        if self.place is not _append:
            self.notify(f"{self.plural.capitalize()} keep their own order", timeout=3)
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
    """A RecordTable with the highlighted record in full below it (``detail=False``: without,
    for a ``RecordGroup`` whose one detail line serves several tables)."""

    DEFAULT_CSS = """
    RecordPanel { height: 1fr; }
    RecordPanel > .record-detail {
        height: auto; max-height: 3; padding: 0 1; background: $panel; color: $text;
    }
    """

    def __init__(self, table: RecordTable, *, id: str | None = None, detail: bool = True) -> None:
        super().__init__(id=id)
        self.table = table
        self.has_detail = detail

    def compose(self) -> ComposeResult:
        yield self.table
        if self.has_detail:
            yield Static("", classes="record-detail")

    def on_record_table_highlighted(self, message: RecordTable.Highlighted) -> None:
        if message.table is not self.table or not self.has_detail:
            return
        self._show_detail(message.item)

    def on_resize(self) -> None:
        """The detail is fitted to the width: laid out anew, fitted anew."""
        if self.has_detail:
            self._show_detail(self.table.current)

    def _show_detail(self, item: Any | None) -> None:
        detail = self.query_one(".record-detail", Static)
        width = detail.content_region.width or self.size.width - 2
        shown = self.table.detail(item, width) if item is not None else Text()
        if shown != detail.content:  # an update lays the screen out again (a frame's work)
            detail.update(shown)
