"""The agenda over the meeting: planned minutes, order, sections added or removed (g)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from screens.parts.meeting_part import agenda_table
from sessions.editing import SessionEditor
from widgets.record_table import RecordPanel


class AgendaDialog(ModalScreen[None]):
    """Edits go through the session editor like any other (undoable, autosaved)."""

    DEFAULT_CSS = """
    AgendaDialog { align: center middle; }
    AgendaDialog > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    AgendaDialog #agenda-title { text-style: bold; color: $accent; }
    AgendaDialog #agenda-help { color: $text-muted; }
    AgendaDialog RecordPanel { height: auto; max-height: 16; }
    AgendaDialog RecordTable { height: auto; max-height: 12; }
    """
    HELP_TITLE = "Agenda"
    BINDINGS = [Binding("escape,g", "close", "Close")]

    def __init__(self, editor: SessionEditor) -> None:
        super().__init__()
        self.editor = editor

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content("Agenda"), id="agenda-title")
            yield Label(
                Content(
                    "Enter edits a section's minutes or title, a adds one, d removes it, "
                    "ctrl+↑/↓ reorders. The timer stays on its section. Esc closes."
                ),
                id="agenda-help",
            )
            yield RecordPanel(agenda_table(self.editor))

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#table-agenda"))

    def action_close(self) -> None:
        self.dismiss(None)
