"""The meeting's opening step: the stage set (widgets.opening), where a role shown missing
can be filled at once (a adds an attendee)."""

from __future__ import annotations

from textual import work
from textual.binding import Binding

from screens.parts.context import PartContext
from screens.parts.meeting_part import ATTENDEE_SPECS
from sessions.models import Attendee
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited
from widgets.opening import OpeningView


class OpeningPart(OpeningView):
    HELP_TITLE = "Set the stage"
    BINDINGS = [Binding("a", "add_attendee", "Add attendee")]

    def on_mount(self) -> None:  # OpeningView's on_mount runs too (Textual calls each class's)
        self.hint("a adds an attendee · T sets the title, date, severity · n goes on")

    @work(group="record-dialog")
    async def action_add_attendee(self) -> None:
        values = await self.app.push_screen_wait(FormDialog("New attendee", ATTENDEE_SPECS, {}))
        if values is None:
            return
        attendee = Attendee.model_validate(values)
        with self.editor.edit("meeting.attendees", "attendee added"):
            self.editor.session.meeting.attendees.append(attendee)
        self.show_session()
        self.post_message(SessionEdited("meeting.attendees", "attendee added", self))


def opening(context: PartContext) -> OpeningPart:
    return OpeningPart(context.editor, id="opening")
