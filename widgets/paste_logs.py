"""Paste log lines; each line with a timestamp becomes a timeline event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Label, TextArea

from sessions.models import TimelineEvent
from sessions.timeparse import format_in
from sessions.wording import counted
from widgets.confirm import Confirm
from widgets.form_inputs import YesNoBox

PREVIEW_DELAY = 0.1
"""Seconds after the last change to the pasted lines before the preview reads them."""


@dataclass(frozen=True)
class PastedLogs:
    """The lines pasted, and whether a time that names no zone is UTC (else the timeline's)."""

    text: str
    utc: bool


def what_pasting_adds(events: list[TimelineEvent], skipped: int, zone: dt.tzinfo) -> str:
    """The dialog's preview: "3 events, 2026-11-26 22:44:10 to 23:05:00; 1 line with no
    time, left out", the times as the timeline shows them (a day in a line at 80 columns)."""
    if not events:
        return "No line starts with a timestamp yet."
    times = sorted(event.time for event in events)
    first = format_in(times[0], zone, with_date=True, seconds=True)
    same_day = times[0].astimezone(zone).date() == times[-1].astimezone(zone).date()
    last = format_in(times[-1], zone, with_date=not same_day, seconds=True)
    said = f"{counted(len(events), 'event')}, {first}" + (f" to {last}" if len(events) > 1 else "")
    return said + (f"; {counted(skipped, 'line')} with no time, left out" if skipped else "")


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

    def __init__(
        self,
        zone: str = "UTC",
        *,
        utc: bool = False,
        preview: Callable[[str, bool], str] | None = None,
    ) -> None:
        """``utc``: the box as it was left last time (server logs are pasted again);
        ``preview``: what the lines would add, in a line (the text, and ``utc``)."""
        super().__init__()
        self.zone = zone
        self.utc = utc
        self.preview = preview
        self._preview_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="paste"):
            yield Label("Paste log lines (each line that starts with a timestamp becomes an event)")
            area = TextArea(id="paste-area", soft_wrap=False)
            area.show_line_numbers = True
            yield area
            if self.zone != "UTC":
                with Horizontal(id="paste-zone"):
                    yield Label(
                        Content(
                            f"Times that name no zone are UTC (no: {self.zone}, the timeline's):"
                        ),
                        id="paste-zone-label",
                    )
                    yield YesNoBox(self.utc, id="paste-utc")
            # what the lines will add, before they are added (a tryout had no way to know)
            yield Label("", id="paste-preview", markup=False)
            with Horizontal(id="paste-buttons"):
                # Content, not markup: "[esc]" was read as a style tag and dropped.
                yield Button(Content("Cancel  esc"), id="cancel", compact=True)
                yield Button(
                    Content("Add events  ctrl+s"), id="add", variant="primary", compact=True
                )

    def _utc(self) -> bool:
        boxes = self.query("#paste-utc")
        return self.zone == "UTC" or bool(boxes and boxes.first(YesNoBox).value)

    def action_submit(self) -> None:
        self.dismiss(PastedLogs(self.query_one(TextArea).text, self._utc()))

    def on_text_area_changed(self) -> None:
        self._preview_soon()

    def on_checkbox_changed(self) -> None:
        self._preview_soon()

    def _preview_soon(self) -> None:
        """Once the typing pauses: the preview reads every line, and a key each time over
        a long paste cost as much (a review)."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self._show_preview)

    def _show_preview(self) -> None:
        self._preview_timer = None
        text = self.query_one(TextArea).text
        said = self.preview(text, self._utc()) if self.preview and text.strip() else ""
        self.query_one("#paste-preview", Label).update(said)

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
