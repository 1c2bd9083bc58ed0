"""The close of the meeting: the summary it ends on, as just written into its notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from sessions.close import CloseSummary
from widgets.close_summary import CloseSummaryView
from widgets.keys_footer import KeysFooter


class CloseScreen(ModalScreen[None]):
    """Minutes per section against plan, who does what by when, what has no owner or date,
    the parked ideas left and the next deadlines."""

    DEFAULT_CSS = """
    CloseScreen { background: $background; }
    CloseScreen #close-title {
        width: 1fr; padding: 0 1; margin-bottom: 1; background: $panel; text-style: bold;
    }
    """
    HELP_TITLE = "Close of the meeting"
    BINDINGS = [Binding("escape", "back", "Back to the meeting")]

    def __init__(self, summary: CloseSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        yield Label(
            Content(
                f"Close of the meeting, {self.summary.date.isoformat()}: in the notes and the "
                "export; ctrl+z undoes"
            ),
            id="close-title",
        )
        yield CloseSummaryView(self.summary, id="close-summary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(CloseSummaryView))

    def action_back(self) -> None:
        self.dismiss(None)
