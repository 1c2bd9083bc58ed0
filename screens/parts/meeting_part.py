"""The meeting part: attendees with the required-roles check, the agenda, the notes."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Label, Static

from screens.parts.context import PartContext
from screens.parts.scroll import PartScroll
from sessions.editing import SessionEditor
from sessions.models import (
    AgendaSection,
    Attendee,
    Role,
    SectionKind,
    Session,
    role_checks,
)
from widgets.fields import FieldSpec
from widgets.opening import ROLE_NAMES
from widgets.record_table import Column, RecordPanel, RecordTable, model_maker
from widgets.text_field import TextField


def roles_checklist(session: Session) -> Text:
    """The guide's required roles, then the note-taker the meeting's opening also asks for."""
    checks = role_checks(session.meeting.attendees)
    text = Text.assemble(("Required roles: ", "bold"))
    for label, required in (("", True), ("Suggested: ", False)):
        group = [check for check in checks if check.required is required]
        if group and label:
            text.append(label, style="bold")
        for check in group:
            mark, style = (
                ("☑", "green") if check.names else ("☐", "bold red" if required else "yellow")
            )
            text.append(f"{mark} {ROLE_NAMES[check.role]}   ", style=style)
    return text


class RolesChecklist(Static):
    """Who the guide requires in the room, ticked from the attendees."""

    def __init__(self, editor: SessionEditor, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="session-view")
        self.editor = editor
        self.parts = frozenset({"meeting.attendees"})

    def on_mount(self) -> None:
        self.show_session()

    def show_session(self) -> None:
        self.update(roles_checklist(self.editor.session))


ATTENDEE_SPECS = [
    FieldSpec("name", "Name", required=True),
    FieldSpec("role", "Role", kind="enum", choices=tuple(Role), required=True, default=Role.OTHER),
]


def attendees_table(editor: SessionEditor) -> RecordTable:
    return RecordTable(
        "attendee",
        editor,
        "meeting.attendees",
        [
            Column("Name", lambda a: a.name, min_width=20),
            Column("Role", lambda a: a.role.label, width=20),
        ],
        ATTENDEE_SPECS,
        model_maker(Attendee),
        values_of=lambda a: {"name": a.name, "role": a.role.value},
        id="table-attendees",
    )


def agenda_table(editor: SessionEditor) -> RecordTable:
    return RecordTable(
        "agenda section",
        editor,
        "meeting.agenda",
        [
            Column("Section", lambda s: s.title, min_width=20),
            Column("Kind", lambda s: s.kind.value.replace("_", " "), width=20, drop=1),
            Column("Planned", lambda s: f"{s.planned_minutes} min", width=8),
            Column(
                "Spent", lambda s: f"{s.spent_seconds // 60}:{s.spent_seconds % 60:02d}", width=6
            ),
        ],
        [
            FieldSpec("title", "Title", required=True),
            FieldSpec(
                "kind",
                "Kind",
                kind="enum",
                choices=tuple(SectionKind),
                required=True,
                default=SectionKind.OTHER,
            ),
            FieldSpec(
                "planned_minutes", "Planned minutes", short="Minutes", kind="int", required=True
            ),
        ],
        model_maker(AgendaSection),
        values_of=lambda s: {
            "title": s.title,
            "kind": s.kind.value,
            "planned_minutes": s.planned_minutes,
        },
        id="table-agenda",
    )


def meeting(context: PartContext) -> Widget:
    editor = context.editor
    return PartScroll(
        RolesChecklist(editor, id="roles-checklist"),
        Label("Attendees", classes="part-heading"),
        RecordPanel(attendees_table(editor)),
        Label("Agenda (planned minutes; reorder with ctrl+↑/↓)", classes="part-heading"),
        RecordPanel(agenda_table(editor)),
        TextField("Meeting notes", editor, "meeting.notes", id="text-meeting-notes"),
        id="meeting-part",
    )
