"""The section countdown: big digits readable from across the room, coloured by pace."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Digits, Label

from sessions.close import closed_on
from sessions.meeting_timer import MeetingTimer, Pace, mmss
from widgets._css import css_beside

STATE_TEXT = {
    Pace.ON_TIME: "▶ running",
    Pace.WARNING: "▶ wrap up",
    Pace.OVERTIME: "▶ OVERTIME",
}


def state_text(timer: MeetingTimer, closed: bool | None = None) -> str:
    """running / wrap up / OVERTIME / paused / closed, for the countdown and the agenda bar.
    Closed while its summary is in the notes and the clock is stopped: after C the bar went
    on saying "paused" and when the meeting would end (a tryout). ``closed``: if the caller
    has looked already (four times a second, once is enough)."""
    if timer.section is None:
        return "no agenda"
    if timer.running:
        return STATE_TEXT[timer.pace()]
    if closed is None:
        closed = closed_on(timer.meeting) is not None
    return "■ closed" if closed else "⏸ paused"


def clock_face(seconds: float) -> str:
    """12:05 left, +3:10 over: in its first ten minutes overtime is as wide as the time left
    was, so the header beside the clock does not move as the section runs over."""
    text = mmss(seconds)
    return "+" + text[2:] if text.startswith("+0") else text


class Countdown(Vertical):
    """Shows what the timer says; it holds no time of its own. The state line shows only
    where there is room (the agenda bar says it otherwise)."""

    DEFAULT_CSS = css_beside(__file__)
    SCOPED_CSS = False  # its `.-roomy` rules follow a class on the screen, outside it

    def compose(self) -> ComposeResult:
        yield Digits("00:00", id="countdown-digits")
        yield Label("", id="countdown-state")

    def show(self, timer: MeetingTimer) -> None:
        """After the close the digits tell the meeting's length, as the bar's total does:
        the last section's time left, in its overtime red, read as if it still ran."""
        closed = not timer.running and closed_on(timer.meeting) is not None
        seconds = timer.total_elapsed() if closed else timer.remaining()
        self.query_one(Digits).update(mmss(seconds) if closed else clock_face(seconds))
        pace = None if closed else timer.pace()
        for state in Pace:
            self.set_class(state is pace, f"-{state.value}")
        self.set_class(not timer.running, "-paused")
        self.set_class(closed, "-closed")
        state = state_text(timer, closed)
        label = self.query_one("#countdown-state", Label)
        if label.content != state:
            label.update(Content(state), layout=False)
