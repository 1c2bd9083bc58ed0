"""The parking lot in the action-items section: each idea becomes an action item (its form
prefilled with the idea) or is dropped with a reason; resolved ideas stay, dimmed, for the
record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from textual import work
from textual.binding import Binding
from textual.message import Message

from sessions.editing import SessionEditor
from sessions.models import ActionItem, IdeaStatus, ParkedIdea
from sessions.parking import action_values, describe, dropped, made_action
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.form_status import first_error
from widgets.messages import SessionEdited
from widgets.record_table import Column, RecordTable, model_maker

PART = "meeting.parking_lot"

IDEA_SPECS = [
    FieldSpec("idea", "Idea", required=True, placeholder="Add a TLS expiry monitor"),
    FieldSpec("raised_by", "Raised by"),
    FieldSpec("section", "During (agenda section)", short="During"),
]


class ParkingLotTable(RecordTable):
    """Parked ideas; ``make_action`` builds an action item from the form's values."""

    HELP_TITLE = "Parked ideas"
    BINDINGS = [
        # Said as what it adds: under the action items, "a Add" read as a new action item.
        # Short in the footer (at 80 columns F1 Help fell off it), in full in F1 and the palette.
        Binding("a", "add", "Park idea"),
        Binding("enter", "make_action", "To action", tooltip="Make it an action item"),
        Binding("x", "drop", "Drop", tooltip="Drop it, saying why"),
        Binding("e", "edit", "Edit idea", show=False),
    ]

    class ActionMade(Message):
        """An idea became the action item at ``index`` (for whoever shows the action items)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(
        self,
        editor: SessionEditor,
        action_specs: list[FieldSpec],
        make_action: Callable[[dict[str, Any]], ActionItem],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(
            "parked idea",
            editor,
            PART,
            [
                Column("Idea", lambda i: i.idea, min_width=24, weight=3),
                Column("Raised by", lambda i: i.raised_by, min_width=10, drop=2),
                Column("During", lambda i: i.section, min_width=10, drop=3),
                Column("Now", describe, min_width=10, weight=1, drop=1),
            ],
            IDEA_SPECS,
            model_maker(ParkedIdea),
            row_style=lambda items, index: "" if items[index].status is IdeaStatus.OPEN else "dim",
            hint="No ideas parked: press i anywhere in the meeting to park one.",
            id=id,
        )
        self.action_specs = action_specs
        self.make_action = make_action

    def _open_idea(self) -> tuple[int, ParkedIdea] | None:
        idea = self.current
        if idea is None:
            return None
        if idea.status is not IdeaStatus.OPEN:
            self.notify(f"This idea is {describe(idea)} already", timeout=3, markup=False)
            return None
        return self.cursor, idea

    @work(group="record-dialog")
    async def action_make_action(self) -> None:
        """Turn the highlighted idea into an action item, its form prefilled."""
        found = self._open_idea()
        if found is None:
            return
        index, idea = found
        values = await self.app.push_screen_wait(
            FormDialog("Action item from a parked idea", self.action_specs, action_values(idea))
        )
        if values is None:
            return
        try:
            item = self.make_action(values)
        except (ValidationError, ValueError) as error:
            self.notify(first_error(error), severity="error", markup=False)
            return
        session = self.editor.session
        if index >= len(session.meeting.parking_lot) or session.meeting.parking_lot[index] != idea:
            self.notify("That idea changed meanwhile", severity="warning")
            return
        what = f"parked idea made action item {item.id}"
        with self.editor.edit("action_items", what, also=(PART,)):  # one step to undo
            session.action_items.append(item)
            made_action(session.meeting, index, item)
        self.post_message(SessionEdited("action_items", f"action item {item.id} added", self))
        self._edited(f"made action item {item.id}", index)
        self.post_message(self.ActionMade(len(session.action_items) - 1))
        self.notify(f"Action item {item.id} added from the parked idea", markup=False, timeout=3)

    @work(group="record-dialog")
    async def action_drop(self) -> None:
        """Drop the highlighted idea, saying why (kept in the file)."""
        found = self._open_idea()
        if found is None:
            return
        index, idea = found
        spec = [FieldSpec("reason", "Why drop it?", short="Reason", required=True)]
        values = await self.app.push_screen_wait(FormDialog(f"Drop: {idea.idea}", spec, {}))
        if values is None:
            return
        with self.editor.edit(PART, "parked idea dropped"):
            dropped(self.editor.session.meeting, index, values["reason"])
        self._edited("dropped", index)
