"""The meeting bar: the agenda, the pace of the section and the meeting, and a prompt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from sessions.clock_text import clock_time, spent
from sessions.meeting_timer import MeetingTimer
from sessions.models import AgendaSection
from sessions.prompts import PROMPTS
from widgets._css import css_beside
from widgets.countdown import state_text
from widgets.user_text import append_user

CLOSE_NEXT = "the close (n)"
"""What comes after the last section: n there closes the meeting."""

MORE_HINTS = ("  (? more)", "  (?)")
"""The key for the next prompt, in the words that fit after the prompt (or none)."""


def _label(prompt: str) -> str:
    """A question is asked ("Ask: When did it start?"); the others are the facilitator's
    tips ("Tip: Focus on process and system, not people."), not to be read as questions."""
    return "Ask: " if prompt.rstrip().endswith("?") else "Tip: "


class AgendaBar(Static):
    """Three lines that fit 80 columns: where we are in the agenda, how we are doing for
    time, and one of the facilitator's prompts for the section (? shows the next one)."""

    DEFAULT_CSS = css_beside(__file__)
    SCOPED_CSS = False  # its `.-roomy` rules follow a class on the screen, outside it

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.prompt_index = 0
        self._section = -1
        self._shown: Text | None = None
        self._last: tuple[MeetingTimer, dt.datetime, dt.date | None] | None = None
        self._form_for: tuple[tuple, AgendaLine] | None = None

    def on_resize(self) -> None:
        if self._last is not None:
            self.show(*self._last)

    def next_prompt(self) -> str:
        """Move to the section's next prompt; returns it."""
        self.prompt_index += 1
        if self._last is not None:
            self.show(*self._last)
        return self._prompt(self._last[0]) if self._last else ""

    def show(self, timer: MeetingTimer, now: dt.datetime, closed: dt.date | None) -> None:
        """``closed``: the day of the close while the meeting is closed (the screen looks
        once a tick, for the countdown too)."""
        if timer.index != self._section:
            self._section, self.prompt_index = timer.index, 0
        self._last = (timer, now, closed)
        width = max(self.size.width, 20)  # the content area: inside the padding
        line = self._form(timer.meeting.agenda, width)
        agenda = line(timer.meeting.agenda, timer.index, closing=closed is None)
        prompts = max(self.size.height - 2, 1)
        lines = [
            agenda,
            self._pace(timer, now, width, closed),
            *self._prompt_lines(timer, prompts, width),
        ]
        for line in lines:
            line.truncate(width, overflow="ellipsis")
        shown = Text("\n").join(lines)
        if shown != self._shown:  # four times a second, usually the same: no redraw then
            self._shown = shown
            self.update(shown, layout=False)

    @staticmethod
    def _pace(timer: MeetingTimer, now: dt.datetime, width: int, closed: dt.date | None) -> Text:
        """State, the section's time, the projected end and lateness, then the meeting's
        total: the first to give way on a narrow screen, whole (cut, "total 00:00/8…" read
        as a broken number). Before it gives way the end is said short ("ends ~"): at 80
        columns the total came and went as the state changed from paused to running."""
        total = f" · total {spent(timer.total_elapsed())}/{spent(timer.total_planned())}"
        if closed is not None:  # its time is told: no end to foresee
            text = Text()
            text.append(state_text(timer, True), style="bold")
            text.append(f" {closed.isoformat()}", style="bold")
            text.append(total)
            text.append(" · s resumes it", style="dim")
            return text
        # What the clock says is worked out once a tick; only the wording is tried twice.
        head = Text()
        head.append(state_text(timer, False), style="bold")
        if timer.section is not None:
            head.append(f" · {spent(timer.elapsed())}/{timer.section.planned_minutes}m")
        end = clock_time(timer.projected_end(now))
        over = timer.over_by(now)
        late = f" · {over / 60:.0f} min late" if over >= 60 else ""
        trims = bool(late) and bool(timer.trims(now))
        for ends in (" · meeting ends ~", " · ends ~"):
            text = head.copy()
            text.append(f"{ends}{end}")
            text.append(late, style="bold red")
            # the trims' key only in the room the total leaves ("(t trims)" took it at 80)
            if trims and text.cell_len + len(" (t trims)") + len(total) <= width:
                text.append(" (t trims)", style="italic")  # whole or not at all: "(t t…"
            if text.cell_len + len(total) <= width:
                text.append(total)
                break
        return text

    def _prompt(self, timer: MeetingTimer, offset: int = 0) -> str:
        section = timer.section
        prompts = PROMPTS[section.kind] if section else ()
        return prompts[(self.prompt_index + offset) % len(prompts)] if prompts else ""

    def _prompt_lines(self, timer: MeetingTimer, count: int, width: int) -> list[Text]:
        """The prompts, the last followed by the key for the next one, as much of it as
        fits: the prompt is read out whole, the key is also in F1 and the palette."""
        section = timer.section
        count = min(count, len(PROMPTS[section.kind]) if section else 1)
        lines = []
        for offset in range(count):
            prompt = self._prompt(timer, offset)
            text = Text(_label(prompt) if offset == 0 else "     ", style="bold")
            text.append(prompt, style="italic")
            lines.append(text)
        last = lines[-1]
        for hint in MORE_HINTS:
            if last.cell_len + len(hint) <= width:
                last.append(hint, style="dim")
                break
        return lines

    def _form(self, agenda: list[AgendaSection], width: int) -> AgendaLine:
        """The fullest agenda line that fits for every section, not only this one: picked
        section by section, the bar went from names to numbers and back as the meeting moved
        on ("✓1 · ▶ 2. Timeline review · 3" then "✓ Set the stage  ✓ Timeline review ▶ 3. …",
        a tryout). Picked again only when the width or the agenda changes."""
        key = (width, tuple((section.title, section.planned_minutes) for section in agenda))
        if self._form_for is None or self._form_for[0] != key:
            form = _where
            for candidate in (_names, _numbers):
                if all(candidate(agenda, at).cell_len <= width for at in range(len(agenda))):
                    form = candidate
                    break
            self._form_for = (key, form)
        return self._form_for[1]


AgendaLine = Callable[..., Text]
"""An agenda line for section ``at`` of an agenda; ``closing``: the close is still ahead
(measured with it, the widest)."""


def _where(agenda: list[AgendaSection], at: int, *, closing: bool = True) -> Text:
    """The tightest agenda line, "▶ 2/5 Contributing factors  next: What went well 10m":
    the section to announce next was cut to "next: What wen…" at 80 columns."""
    line = Text()
    if not agenda:
        return line
    line.append(f" ▶ {at + 1}/{len(agenda)} ", style="bold reverse")
    append_user(line, agenda[at].title + " ", "bold reverse", single_line=True)
    _append_next(line, agenda, at, closing)
    return line


def _names(agenda: list[AgendaSection], at: int, *, closing: bool = True) -> Text:
    """ "✓ Timeline review  ▶ 2. Contributing factors  3. What went well 10m  …"."""
    return _agenda(agenda, at, compact=False, closing=closing)


def _numbers(agenda: list[AgendaSection], at: int, *, closing: bool = True) -> Text:
    """ "✓1 · ▶ 2. Contributing factors · 3 · 4 · 5  next: What went well 10m"."""
    return _agenda(agenda, at, compact=True, closing=closing)


def _agenda(agenda: list[AgendaSection], at: int, *, compact: bool, closing: bool) -> Text:
    line = Text()
    for index, section in enumerate(agenda):
        if index:
            line.append(" · " if compact else "  ")
        number = index + 1
        if index < at:
            line.append(f"✓{number}" if compact else "✓ ", style="dim")
            if not compact:
                append_user(line, section.title, "dim", single_line=True)
        elif index == at:
            line.append(f" ▶ {number}. ", style="bold reverse")
            append_user(line, section.title + " ", "bold reverse", single_line=True)
        elif compact:
            line.append(f"{number}", style="bold" if index == at + 1 else "")
        else:
            style = "bold" if index == at + 1 else ""
            line.append(f"{number}. ", style=style)
            append_user(line, section.title, style, single_line=True)
            line.append(f" {section.planned_minutes}m", style=style)
    if compact:
        _append_next(line, agenda, at, closing)
    return line


def _append_next(line: Text, agenda: list[AgendaSection], at: int, closing: bool) -> None:
    """ "  next: What went well 10m", the section to announce next; after the last, the
    close and its key (at 80 columns the footer has no room for C, and a tryout found no
    way to end the meeting)."""
    if at + 1 < len(agenda):
        upcoming = agenda[at + 1]
        line.append("  next: ", style="bold")
        append_user(line, upcoming.title, "bold", single_line=True)
        line.append(f" {upcoming.planned_minutes}m", style="bold")
    elif agenda and closing:  # after the close, nothing is next
        line.append("  next: ", style="bold")
        line.append(CLOSE_NEXT, style="bold")
