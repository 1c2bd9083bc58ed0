"""A read-only table over any list of rows, drawn line by line (Textual's Line API).

For lists too long for DataTable (a library of 10,000 postmortems): only the rows on screen
are rendered, and a new list is shown by handing it over, not by adding rows one by one.
Columns fit the width as ``RecordTable``'s do (``fit_columns``: flexible columns share the
spare width, low-priority ones step aside, fixed ones such as dates are never cut).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

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

from widgets._css import css_beside
from widgets.record_table import Column, _cell, fit_columns


@dataclass(frozen=True)
class StyledColumn(Column):
    """A column whose cells may each have a style ("bold red" for a late item)."""

    style: Callable[[Any], str] | None = None


class ListTable(ScrollView, can_focus=True):
    """Rows of ``rows`` under a header; posts ``Highlighted`` and ``Selected`` (Enter, or a
    double click). It never holds the focus it does not need: a screen may drive it from a
    filter field with ``action_cursor`` / ``action_page``."""

    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_CLASSES = {
        "list-table--header",
        "list-table--cursor",
        "list-table--even",
        "list-table--hint",
    }
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    cursor: reactive[int] = reactive(0, layout=False)
    """Index of the highlighted row."""

    @dataclass
    class Highlighted(Message):
        """The highlighted row changed (None: the list is empty)."""

        table: ListTable
        row: Any | None

        @property
        def control(self) -> ListTable:
            return self.table

    @dataclass
    class Selected(Message):
        """Enter (or a double click) on a row."""

        table: ListTable
        row: Any

        @property
        def control(self) -> ListTable:
            return self.table

    def __init__(
        self, columns: list[Column], *, hint: str = "Nothing to show.", id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.columns = columns
        self.hint = hint
        self.rows: Sequence[Any] = ()
        self._layout: list[tuple[Column, int]] = []

    @property
    def current(self) -> Any | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def show_rows(self, rows: Sequence[Any], cursor: int | None = None) -> None:
        """Show ``rows`` (kept, not copied), highlighting ``cursor`` (default: where it was)."""
        self.rows = rows
        self._resize_virtual()
        self.set_reactive(ListTable.cursor, _clamp(self.cursor if cursor is None else cursor, rows))
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    # --- drawing --------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._resize_virtual()

    def on_resize(self) -> None:
        self._resize_virtual()
        self._scroll_to_cursor()

    def _resize_virtual(self) -> None:
        width = self.scrollable_content_region.width
        self._layout = fit_columns(self.columns, max(width, 1))
        self.virtual_size = Size(width, len(self.rows) + 1)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            header = Text(" ").join(_cell(c.label, w) for c, w in self._layout)
            return _strip(self, header, base + self._style("header"), width)
        index = self.scroll_offset.y + y - 1
        if index >= len(self.rows):
            if not self.rows and y == 1:
                return _strip(self, Text(self.hint), base + self._style("hint"), width)
            return Strip.blank(width, base)
        style = base + self._style("even") if index % 2 else base
        if index == self.cursor:
            style += self._style("cursor")
        row = self.rows[index]
        cells = []
        for column, column_width in self._layout:
            cell = _cell(column.show(row), column_width)
            if isinstance(column, StyledColumn) and column.style is not None:
                cell.stylize(column.style(row))
            cells.append(cell)
        return _strip(self, Text(" ").join(cells), style, width)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"list-table--{name}")

    # --- moving ---------------------------------------------------------------------------

    def watch_cursor(self) -> None:
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
        self.cursor = _clamp(index, self.rows)

    def action_cursor(self, step: int) -> None:
        self.go_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        self.go_to(self.cursor + step * max(self.scrollable_content_region.height - 2, 1))

    def action_cursor_to(self, index: int) -> None:
        self.go_to(index if index >= 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self, self.current))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self.rows):
            self.go_to(index)
            if event.chain == 2:
                self.action_select()


def _clamp(index: int, rows: Sequence[Any]) -> int:
    return max(min(index, len(rows) - 1), 0)


def _strip(widget: ScrollView, text: Text, style: Style, width: int) -> Strip:
    text.truncate(width, pad=True)
    segments = [
        Segment(s.text, style + s.style if s.style else style)
        for s in text.render(widget.app.console)
    ]
    return Strip(segments, width)
