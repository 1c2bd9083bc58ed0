"""Action items with the parking lot below them: the parked ideas are turned into action
items (prefilled) or dropped, in the section where actions are decided. The lot shows only
once an idea is parked, so a meeting without one looks as before. One detail line under both
tables shows the highlighted row of the one in use (the focused one), so it always describes
what Enter acts on."""

from __future__ import annotations

from typing import Any

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label

from screens.parts import lists
from screens.parts.context import PartContext
from sessions.models import ActionItem
from widgets._css import css_beside
from widgets.parking_table import PART, ParkingLotTable
from widgets.record_group import RecordGroup
from widgets.record_table import RecordPanel, RecordTable


class ParkingLot(Vertical):
    """The parked ideas under their heading, shown once there is one."""

    DEFAULT_CSS = css_beside(__file__)

    def __init__(self, context: PartContext) -> None:
        super().__init__(id="parking-lot", classes="session-view")
        self.editor = context.editor
        self.parts = frozenset({PART})

        def make_action(values: dict[str, Any]) -> ActionItem:
            base = {"id": context.editor.session.next_action_id()}
            return ActionItem.model_validate({**base, **values})

        self.table = ParkingLotTable(
            context.editor,
            lists.action_specs(context),
            make_action,
            id="table-parking_lot",
        )

    def compose(self):
        yield Label(
            "Parked ideas: ⏎ makes one an action item, x drops one (with why)",
            classes="part-heading",
        )
        yield RecordPanel(self.table, detail=False)  # the part's detail line is under it

    def on_mount(self) -> None:
        self.show_session()

    def show_session(self) -> None:
        shown = bool(self.editor.session.meeting.parking_lot)
        if shown != self.display:
            self.display = shown
            self.table.show_session()  # the part's detail line follows (the lot came or went)


class ActionsAndIdeas(RecordGroup):
    """The action items over the parked ideas. An idea made an action item is shown where it
    went, highlighted and in use: the room sees its owner and date, and ``a`` adds the next
    action item (the focus left in the lot made ``a`` park an idea instead)."""

    def on_parking_lot_table_action_made(self, message: ParkingLotTable.ActionMade) -> None:
        actions = self.query_one("#table-action_items", RecordTable)
        actions.go_to(message.index)
        self.screen.set_focus(actions)  # now, not after the next key


def action_items(context: PartContext) -> Widget:
    return ActionsAndIdeas(
        lists.action_items(context, detail=False), ParkingLot(context), id="action-items-part"
    )
