"""Paste log lines; each line with a timestamp becomes a timeline event."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea


class PasteLogsDialog(ModalScreen[str | None]):
    CSS_PATH = "paste_logs.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Add events", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    AUTO_FOCUS = "TextArea"  # focused as composed: a paste that comes at once lands in it

    def compose(self) -> ComposeResult:
        with Vertical(id="paste"):
            yield Label("Paste log lines (each line that starts with a timestamp becomes an event)")
            area = TextArea(id="paste-area", soft_wrap=False)
            area.show_line_numbers = True
            yield area
            with Horizontal(id="paste-buttons"):
                yield Button("Cancel [esc]", id="cancel")
                yield Button("Add events [ctrl+s]", id="add", variant="primary")

    def action_submit(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_submit() if event.button.id == "add" else self.action_cancel()
