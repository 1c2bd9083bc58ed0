"""Paste log lines; each line with a timestamp becomes a timeline event."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from widgets.confirm import Confirm
from widgets.form_inputs import YesNoBox


@dataclass(frozen=True)
class PastedLogs:
    """The lines pasted, and whether a time that names no zone is UTC (else the timeline's)."""

    text: str
    utc: bool


class PasteLogsDialog(ModalScreen[PastedLogs | None]):
    """``zone``: the timeline's zone as its header names it ("CET"). When it is not UTC, the
    dialog asks which of the two a time with no zone is in: read as UTC without a word,
    lines typed in CET landed an hour off, after the recovery (a tryout)."""

    CSS_PATH = "paste_logs.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Add events", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    AUTO_FOCUS = "TextArea"  # focused as composed: a paste that comes at once lands in it

    def __init__(self, zone: str = "UTC", *, utc: bool = False) -> None:
        """``utc``: the box as it was left last time (server logs are pasted again)."""
        super().__init__()
        self.zone = zone
        self.utc = utc

    def compose(self) -> ComposeResult:
        with Vertical(id="paste"):
            yield Label("Paste log lines (each line that starts with a timestamp becomes an event)")
            area = TextArea(id="paste-area", soft_wrap=False)
            area.show_line_numbers = True
            yield area
            if self.zone != "UTC":
                with Horizontal(id="paste-zone"):
                    yield Label(
                        Content(f"Times that name no zone are in UTC (else {self.zone}):"),
                        id="paste-zone-label",
                    )
                    yield YesNoBox(self.utc, id="paste-utc")
            with Horizontal(id="paste-buttons"):
                # Content, not markup: "[esc]" was read as a style tag and dropped.
                yield Button(Content("Cancel  esc"), id="cancel", compact=True)
                yield Button(
                    Content("Add events  ctrl+s"), id="add", variant="primary", compact=True
                )

    def action_submit(self) -> None:
        boxes = self.query("#paste-utc")
        utc = self.zone == "UTC" or bool(boxes and boxes.first(YesNoBox).value)
        self.dismiss(PastedLogs(self.query_one(TextArea).text, utc))

    def typed_anything(self) -> bool:
        return bool(self.query_one(TextArea).text.strip())

    @work
    async def action_cancel(self) -> None:
        """Pasted lines are asked about before they go, as a form's typing is."""
        if self.typed_anything() and not await self.app.push_screen_wait(
            Confirm("Discard the pasted lines?", yes="Discard", no="Keep them")
        ):
            return
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_submit() if event.button.id == "add" else self.action_cancel()
