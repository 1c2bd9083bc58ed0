"""Rows under a header, drawn line by line: what ``ListTable`` and ``RecordTable`` share.

Both show lists too long for DataTable at the cost of a screenful (Textual's Line API): a
header line, then the rows from the scroll offset, zebra-striped, the cursor's row
highlighted, and a hint when there is nothing to show. Columns fit the width they get
(``fit_columns``). What differs is left to small hooks: where the rows come from, how a row
is styled and drawn, which message announces the cursor, and what a double click does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sessions.textsafe import one_line


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


class RowView(ScrollView, can_focus=True):
    """A header line over rows with a cursor. A subclass names its component classes
    (``COMPONENT_PREFIX`` + ``--header``, ``--cursor``, ``--even``, ``--hint``), gives its
    rows (``_rows``) and its ``Highlighted`` message."""

    COMPONENT_PREFIX: ClassVar[str]
    #: The subclass's message for a new cursor row, built as ``Highlighted(table, row)``.
    Highlighted: ClassVar[Callable[[Any, Any], Message]]
    #: Scroll the cursor's row back into view when the widget is resized.
    FOLLOW_CURSOR_ON_RESIZE: ClassVar[bool] = True
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(0, repaint=False)
    """Index of the highlighted row (``watch_cursor`` repaints the two rows it concerns)."""

    def __init__(
        self, columns: list[Column], *, hint: str, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = columns
        self.hint = hint
        self._layout: list[tuple[Column, int]] = []

    # --- hooks ----------------------------------------------------------------------------

    def _rows(self) -> Sequence[Any]:
        """The rows shown, read afresh on every draw."""
        raise NotImplementedError

    def _activate(self) -> None:
        """What a double click on a row does (after highlighting it)."""

    def _row_style(self, rows: Sequence[Any], index: int) -> Style | None:
        """A style of the row's own, under the cursor's."""
        return None

    def _cursor_style(self) -> Style:
        return self.style_of("cursor")

    def _cell_text(self, column: Column, row: Any, width: int) -> Text:
        return _cell(column.show(row), width)

    # --- drawing --------------------------------------------------------------------------

    @property
    def current(self) -> Any | None:
        rows = self._rows()
        return rows[self.cursor] if 0 <= self.cursor < len(rows) else None

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"{self.COMPONENT_PREFIX}--{name}")

    def on_mount(self) -> None:
        self._resize_virtual()

    def on_resize(self) -> None:
        self._resize_virtual()
        if self.FOLLOW_CURSOR_ON_RESIZE:
            self._scroll_to_cursor()

    def _resize_virtual(self) -> None:
        width = self.scrollable_content_region.width
        self._layout = fit_columns(self.columns, max(width, 1))
        self.virtual_size = Size(width, len(self._rows()) + 1)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._strip(self._header(), base + self.style_of("header"), width)
        rows = self._rows()
        index = self.scroll_offset.y + y - 1
        if index >= len(rows):
            if not rows:  # the hint, wrapped: cut at the edge it ended mid-number
                hint = Text(self.hint).wrap(self.app.console, max(width, 1))
                if y <= len(hint):
                    return self._strip(hint[y - 1], base + self.style_of("hint"), width)
            return Strip.blank(width, base)
        style = base
        if index % 2:
            style += self.style_of("even")
        own = self._row_style(rows, index)
        if own is not None:
            style += own
        if index == self.cursor:
            style += self._cursor_style()
        return self._strip(self._row_text(rows[index]), style, width)

    def _header(self) -> Text:
        """The columns' labels, then "+2" if two columns stepped aside for want of width
        (Marker, Actor and Evidence went without a sign at 80 columns, a tryout; the line
        under the table shows every field of the row)."""
        cells = [_cell(column.label, width) for column, width in self._layout]
        hidden = len(self.columns) - len(self._layout)
        sign = f" +{hidden}"
        if hidden and cells and self._layout[-1][1] > len(sign) + 2:
            # in the last column's own room: making room for it took a column more
            column, width = self._layout[-1]
            cells[-1] = _cell(column.label, width - len(sign)).append(sign, style="dim")
        return Text(" ").join(cells)

    def _row_text(self, row: Any) -> Text:
        return Text(" ").join(self._cell_text(column, row, width) for column, width in self._layout)

    def _strip(self, text: Text, style: Style, width: int) -> Strip:
        text.truncate(width, pad=True)
        segments = [
            Segment(s.text, style + s.style if s.style else style)
            for s in text.render(self.app.console)
        ]
        return Strip(segments, width)

    # --- moving ---------------------------------------------------------------------------

    def _announce(self) -> None:
        self.post_message(self.Highlighted(self, self.current))

    def watch_cursor(self, old: int, new: int) -> None:
        """An arrow key repaints the row left and the row reached, not every row; a scroll
        repaints what it must by itself."""
        top = self.scroll_offset.y
        self._scroll_to_cursor()
        if self.scroll_offset.y == top:
            for index in (old, new):
                self.refresh_line(index + 1)  # virtual lines: the header is line 0
        else:
            self.refresh()
        self._announce()

    def _scroll_to_cursor(self) -> None:
        rows = max(self.scrollable_content_region.height - 1, 1)
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + rows:
            self.scroll_to(y=self.cursor - rows + 1, animate=False, immediate=True)

    def _clamped(self, index: int) -> int:
        return max(min(index, len(self._rows()) - 1), 0)

    def go_to(self, index: int) -> None:
        """Highlight the row at ``index`` (clamped)."""
        self.cursor = self._clamped(index)

    def action_cursor(self, step: int) -> None:
        self.go_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        self.go_to(self.cursor + step * max(self.scrollable_content_region.height - 2, 1))

    def action_cursor_to(self, index: int) -> None:
        self.go_to(index if index >= 0 else len(self._rows()) - 1)

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self._rows()):
            self.go_to(index)
            if event.chain == 2:
                self._activate()
