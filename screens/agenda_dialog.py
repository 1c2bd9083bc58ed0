"""The agenda over the meeting: planned minutes, order, sections added or removed (g)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from screens.parts.meeting_part import agenda_table
from sessions.agendas import MeetingConfig, apply_preset
from sessions.editing import SessionEditor
from sessions.meeting_timer import MeetingTimer
from widgets.confirm import ChoiceDialog, Confirm
from widgets.messages import SessionEdited
from widgets.record_table import RecordPanel, RecordTable


class AgendaDialog(ModalScreen[None]):
    """Edits go through the session editor like any other (undoable, autosaved)."""

    DEFAULT_CSS = """
    AgendaDialog { align: center middle; }
    AgendaDialog > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    AgendaDialog #agenda-title { text-style: bold; color: $accent; }
    AgendaDialog #agenda-help { width: 100%; color: $text-muted; }  /* wraps: it was cut */
    AgendaDialog RecordPanel { height: auto; max-height: 16; }
    AgendaDialog RecordTable { height: auto; max-height: 12; }
    """
    HELP_TITLE = "Agenda"
    BINDINGS = [Binding("escape,g", "close", "Close"), Binding("p", "preset", "Preset")]

    def __init__(
        self,
        editor: SessionEditor,
        timer: MeetingTimer | None = None,
        presets: MeetingConfig | None = None,
    ) -> None:
        super().__init__()
        self.editor = editor
        self.timer = timer
        self.presets = presets or MeetingConfig()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content("Agenda"), id="agenda-title")
            yield Label(
                Content(
                    "Enter edits a section's minutes or title, a adds one, d removes it, "
                    "ctrl+↑/↓ reorders, p starts from a preset. The timer stays on its section. "
                    "Esc closes."
                ),
                id="agenda-help",
            )
            yield RecordPanel(agenda_table(self.editor))

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#table-agenda"))

    def action_close(self) -> None:
        self.dismiss(None)

    @work(group="agenda-preset")
    async def action_preset(self) -> None:
        """Replace the agenda with a preset (the guide's, the team's); time spent is kept."""
        presets = self.presets.presets[:9]
        choices = [
            (p.name, p.describe(self.presets.opening_minutes), str(n))
            for n, p in enumerate(presets, 1)
        ]
        name = await self.app.push_screen_wait(
            ChoiceDialog("Start the agenda from a preset", "", choices)
        )
        preset = self.presets.preset(name) if name else None
        if preset is None:
            return
        meeting = self.editor.session.meeting
        if meeting.started_at is not None and not await self.app.push_screen_wait(
            Confirm(
                f"The meeting has started. Replace its agenda with {preset.title}?",
                "Time already spent stays with sections of the same kind.",
                yes="Replace",
            )
        ):
            return
        running = self.timer is not None and self.timer.running
        if self.timer is not None:
            self.timer.pause()
        what = f"agenda from the {preset.name} preset"  # undone, the meeting is where it was
        with self.editor.edit("meeting.agenda", what, also=("meeting.current",)):
            apply_preset(meeting, preset.agenda(self.presets.opening_minutes))
        if self.timer is not None:
            self.timer.follow()
            if running:
                self.timer.start()
        table = self.query_one("#table-agenda", RecordTable)
        table.show_session()
        self.post_message(SessionEdited("meeting", f"agenda from the {preset.name} preset"))
        self.notify(f"Agenda: {preset.title}", markup=False, timeout=3)
