"""The section countdown: big digits readable from across the room, coloured by pace."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Digits, Label

from sessions.meeting_timer import MeetingTimer, Pace, mmss
from widgets._css import css_beside

STATE_TEXT = {
    Pace.ON_TIME: "running",
    Pace.WARNING: "wrap up",
    Pace.OVERTIME: "OVERTIME",
}


class Countdown(Vertical):
    """Shows what the timer says; it holds no time of its own."""

    DEFAULT_CSS = css_beside(__file__)

    def compose(self) -> ComposeResult:
        yield Digits("00:00", id="countdown-digits")
        yield Label("", id="countdown-state")

    def show(self, timer: MeetingTimer) -> None:
        section = timer.section
        remaining = timer.remaining()
        pace = timer.pace()
        self.query_one(Digits).update(mmss(remaining))
        for state in Pace:
            self.set_class(state is pace, f"-{state.value}")
        self.set_class(not timer.running, "-paused")
        if section is None:
            state = "no agenda"
        elif not timer.running:
            state = "⏸ paused"
        else:
            state = "▶ " + STATE_TEXT[pace]
        self.query_one("#countdown-state", Label).update(Content(state))
