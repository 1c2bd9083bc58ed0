"""Setting the stage: the blameless reminder, the incident, the agenda, and who is here.

The first step of the meeting, read out before the timeline: the guide's "focus on what
happened and how, not who" (three rows high where the screen is wide enough) and the
Retrospective Prime Directive; then the incident in one line, the agenda, and the roles the
meeting needs, present or missing, from the attendees.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from sessions.editing import SessionEditor
from sessions.headline import incident_line, title_line
from sessions.models import ROLES_CHECK, Role, Session, role_checks
from sessions.prompts import BLAMELESS_LINES, PRIME_DIRECTIVE
from widgets._css import css_beside
from widgets.big_text import BigText
from widgets.user_text import append_user

ROLE_NAMES = {
    Role.FACILITATOR: "Facilitator",
    Role.NOTE_TAKER: "Note-taker",
    Role.RESPONDER: "Responders",
    Role.SERVICE_OWNER: "Service owner",
}


def directive() -> Text:
    text = Text(f"“{PRIME_DIRECTIVE}”", style="italic")
    text.append("\n— the Retrospective Prime Directive", style="dim")
    return text


def roles_check(session: Session) -> Text:
    """✓ Facilitator Priya Raman  ✗ Service owner missing  ○ Note-taker (suggested)  … from
    the attendees: the guide's three required roles, and a note-taker asked for."""
    text = Text()
    for check in role_checks(session.meeting.attendees):
        if text:
            text.append("\n")  # a role a line: wrapped in one, a mark had ended a line alone
        role = ROLE_NAMES[check.role]
        if check.names:
            text.append(f"✓ {role} ", style="bold green")
            append_user(text, ", ".join(check.names), single_line=True)
        elif check.required:
            text.append(f"✗ {role} missing", style="bold red")
        else:
            text.append(f"○ {role} (suggested)", style="yellow")
    return text


def others_here(session: Session) -> Text:
    """Everyone the roles check does not name, with their role: the opening is who is
    here, and a team representative or a manager had not shown at all."""
    checked = set(ROLES_CHECK)
    text = Text()
    for attendee in session.meeting.attendees:
        if attendee.role in checked or not attendee.name.strip():
            continue
        if text:
            text.append(", ")
        append_user(text, attendee.name, single_line=True)
        text.append(f" ({attendee.role.label.lower()})", style="dim")
    return text


def agenda_line(session: Session) -> Text:
    text = Text()
    agenda = session.meeting.agenda
    for number, section in enumerate(agenda, 1):
        if number > 1:
            text.append(" · ", style="dim")
        text.append(f"{number} ", style="bold")
        append_user(text, section.title, single_line=True)
        text.append(f" {section.planned_minutes}m")
    total = sum(section.planned_minutes for section in agenda)
    text.append(f"  = {total} min", style="bold")
    return text


def facts(session: Session) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    incident = Text(incident_line(session), style="bold")
    incident.append("  ")
    append_user(incident, title_line(session), single_line=True)
    grid.add_row("Incident", incident)
    grid.add_row("Agenda", agenda_line(session))
    grid.add_row("Roles", roles_check(session))
    others = others_here(session)
    if others:
        grid.add_row("Also here", others)
    return grid


class OpeningView(VerticalScroll):
    """What the room reads first; redrawn when the incident, agenda or attendees change."""

    DEFAULT_CSS = css_beside(__file__)
    SCOPED_CSS = False  # its `.-roomy` rules follow a class on the screen, outside it

    def __init__(self, editor: SessionEditor, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="session-view")
        self.editor = editor
        self.parts = frozenset({"metadata", "meeting.attendees", "meeting.agenda"})

    def compose(self) -> ComposeResult:
        with Vertical(id="opening-reminder"):
            yield Static(BigText(list(BLAMELESS_LINES)), id="opening-rule")
            yield Static(directive(), id="opening-directive")
        yield Static("", id="opening-facts")
        yield Static("", id="opening-hint")

    def on_mount(self) -> None:
        self.show_session()

    def show_session(self) -> None:
        self.query_one("#opening-facts", Static).update(facts(self.editor.session))

    def hint(self, text: str) -> None:
        """A line under the facts: what the keys here do."""
        self.query_one("#opening-hint", Static).update(Text(text, style="dim italic"))
