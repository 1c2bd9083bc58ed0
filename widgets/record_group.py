"""Record tables on one screen with one detail line under them all (the action items and the
parked ideas): it shows the highlighted record of the table in use, the focused one (else the
last one focused, else the first shown), so it always describes what Enter acts on. Two
detail lines read as one, and the one nearest the footer could describe the other table."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from widgets._css import css_beside
from widgets.record_table import RecordTable


class RecordGroup(Vertical):
    """``children`` hold RecordTables (in ``RecordPanel(table, detail=False)``); the detail
    line comes after them."""

    DEFAULT_CSS = css_beside(__file__)

    def __init__(self, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self._last_focused: RecordTable | None = None

    def compose(self) -> ComposeResult:
        yield Static("", classes="record-detail")  # under the children given

    @property
    def in_use(self) -> RecordTable | None:
        """The table Enter acts on: the focused one, else the last focused, else the first
        one shown."""
        tables = [table for table in self.query(RecordTable) if self._shown(table)]
        if self._last_focused in tables:
            return self._last_focused
        return tables[0] if tables else None

    def _shown(self, widget: Widget) -> bool:
        node: Widget | None = widget
        while node is not None and node is not self:
            if not node.display:
                return False
            node = node.parent if isinstance(node.parent, Widget) else None
        return True

    def show_detail(self) -> None:
        table = self.in_use
        gone = self._last_focused  # when it is no longer ``in_use``, it was hidden
        if table is not None and gone not in (None, table) and self.screen.focused in (None, gone):
            table.focus()  # the focused table went: Enter acts on the one shown
        item = table.current if table is not None else None
        detail = self.query_one(".record-detail", Static)
        width = detail.content_region.width or self.size.width - 2
        detail.update(table.detail(item, width) if table is not None and item is not None else "")

    def on_resize(self) -> None:
        """The detail is fitted to the width: laid out anew, fitted anew."""
        self.show_detail()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, RecordTable):
            self._last_focused = event.widget
            self.show_detail()

    def on_record_table_highlighted(self, message: RecordTable.Highlighted) -> None:
        """Any of the tables moved or changed (or one was hidden): the line follows the one
        in use (the screen hears of it too: its findings line follows the record in use)."""
        self.show_detail()
