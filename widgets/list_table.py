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

from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from widgets._css import css_beside
from widgets.row_view import Column, RowView


@dataclass(frozen=True)
class StyledColumn(Column):
    """A column whose cells may each have a style ("bold red" for a late item)."""

    style: Callable[[Any], str] | None = None


class ListTable(RowView):
    """Rows of ``rows`` under a header; posts ``Highlighted`` and ``Selected`` (Enter, or a
    double click). It never holds the focus it does not need: a screen may drive it from a
    filter field with ``action_cursor`` / ``action_page``."""

    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_PREFIX = "list-table"
    COMPONENT_CLASSES = {
        "list-table--header",
        "list-table--cursor",
        "list-table--even",
        "list-table--hint",
    }
    BINDINGS = [Binding("enter", "select", "Open", show=False)]

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
        super().__init__(columns, hint=hint, id=id)
        self.rows: Sequence[Any] = ()

    def show_rows(self, rows: Sequence[Any], cursor: int | None = None) -> None:
        """Show ``rows`` (kept, not copied), highlighting ``cursor`` (default: where it was)."""
        self.rows = rows
        self._resize_virtual()
        self.set_reactive(
            ListTable.cursor, self._clamped(self.cursor if cursor is None else cursor)
        )
        self._scroll_to_cursor()
        self.refresh()
        self._announce()

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self, self.current))

    # --- RowView's hooks ------------------------------------------------------------------

    def _rows(self) -> Sequence[Any]:
        return self.rows

    def _activate(self) -> None:
        self.action_select()

    def _cell_text(self, column: Column, row: Any, width: int) -> Text:
        cell = super()._cell_text(column, row, width)
        if isinstance(column, StyledColumn) and column.style is not None:
            cell.stylize(column.style(row))
        return cell
