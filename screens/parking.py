"""Parking an idea from any section of the meeting (i): one short form, and back to work."""

from __future__ import annotations

from textual.screen import Screen

from sessions.editing import SessionEditor
from sessions.parking import open_ideas, park
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited


def park_specs(editor: SessionEditor) -> list[FieldSpec]:
    """The idea, and who raised it (the attendees are offered as you type)."""
    people = tuple(a.name for a in editor.session.meeting.attendees if a.name.strip())
    return [
        FieldSpec(
            "idea",
            "Idea for the action items",
            short="Idea",
            required=True,
            placeholder="Add a TLS expiry monitor",
        ),
        FieldSpec(
            "raised_by",
            "Raised by",
            suggestions=people,
            help=("e.g. " + ", ".join(people[:3])) if people else "",
        ),
    ]


async def ask_and_park(screen: Screen, editor: SessionEditor, section: str) -> None:
    """Ask for the idea over ``screen``, park it (undoable), and say how many wait."""
    title = f"Park an idea (during {section})" if section else "Park an idea"
    values = await screen.app.push_screen_wait(FormDialog(title, park_specs(editor), {}))
    if values is None:
        return
    meeting = editor.session.meeting
    with editor.edit("meeting.parking_lot", "idea parked"):
        park(meeting, values["idea"], values["raised_by"] or "", section)
    screen.post_message(SessionEdited("meeting.parking_lot", "idea parked"))
    waiting = len(open_ideas(meeting))
    screen.notify(f"Parked for the action items ({waiting} waiting there)", markup=False, timeout=3)
