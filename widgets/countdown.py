"""The section countdown: big digits readable from across the room, coloured by pace."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Digits, Label, Static

from sessions.clock_text import mmss, spent
from sessions.meeting_timer import MeetingTimer, Pace
from widgets._css import css_beside
from widgets.big_clock import big_clock

STATE_TEXT = {
    Pace.ON_TIME: "▶ running",
    Pace.WARNING: "▶ wrap up",
    Pace.OVERTIME: "▶ OVERTIME",
    Pace.EXTRA: "▶ extra time",
}


def state_text(timer: MeetingTimer, closed: bool) -> str:
    """running / wrap up / OVERTIME / paused / closed, for the countdown and the agenda bar.
    ``closed``: the close summary is in the notes and the clock stopped (the meeting screen
    looks once a tick); after C the bar had gone on saying "paused" (a tryout)."""
    if timer.section is None:
        return "no agenda"
    if timer.running:
        return STATE_TEXT[timer.pace()]
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
        # on a big screen, in its place (drawn from the start: a face still "00:00" had
        # left it blank, a review)
        yield Static(big_clock("00:00"), id="countdown-big", markup=False)
        yield Label("", id="countdown-state")

    def show(self, timer: MeetingTimer, closed: bool) -> None:
        """After the close (``closed``: the screen has looked, once a tick for the bar too)
        the digits tell the meeting's length, as the bar's total does: the last section's
        time left, in its overtime red, read as if it still ran."""
        pace = None if closed else timer.pace()
        if closed:
            face = spent(timer.total_elapsed())
        elif pace is Pace.EXTRA:  # back in a section: the extra time counts up from +0:00
            face = "+" + spent(timer.extra()).removeprefix("0")
        else:
            face = clock_face(timer.remaining())
        digits = self.query_one(Digits)
        if digits.value != face:
            digits.update(face)
            self.query_one("#countdown-big", Static).update(big_clock(face))
        for state in Pace:
            self.set_class(state is pace, f"-{state.value}")
        self.set_class(not timer.running and not closed, "-paused")
        self.set_class(closed, "-closed")
        state = state_text(timer, closed)
        label = self.query_one("#countdown-state", Label)
        if label.content != state:
            label.update(Content(state), layout=False)
