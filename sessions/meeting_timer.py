"""The meeting's clock: time per agenda section from a monotonic clock, written into the session.

Remaining time is always derived from a deadline (never by counting ticks), the clocks are
injected so tests are instant, and the time spent lives in the session model in whole
seconds, so a paused meeting reopens where it was and git diffs stay quiet.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sessions.models import AgendaSection, Meeting, SectionKind

WARNING_SECONDS = 120.0
"""A section turns to "wrap up" this long before its planned end."""

EXTEND_MINUTES = 5
"""What one press of + gives the current section."""

PASSED = 15
"""Seconds under which a section was only passed through (``n`` by a slip), not worked in:
a quick section of forty seconds was worked in. One rule for both "how far the meeting has
got" and "is a section behind it done": with two (60 s and 15 s), going back over two quick
sections still moved "ends ~" half an hour (a review)."""

PERSIST_EVERY = 60.0
"""Seconds of meeting time between saves of the time spent, so git diffs stay quiet."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Pace(StrEnum):
    ON_TIME = "on-time"
    WARNING = "warning"
    OVERTIME = "overtime"
    EXTRA = "extra"
    """Back in a section that had used its plan up, after the meeting went past it: its
    time now is extra, beyond every plan."""


@dataclass(frozen=True)
class Trim:
    section: AgendaSection
    planned: int
    suggested: int


def furthest_worked(agenda: list[AgendaSection], current: int) -> int:
    """The furthest section the meeting has worked in, or ``current`` (going back doesn't
    lower it); one only passed through, under ``PASSED``, doesn't count: ``n`` by a slip and
    ``P`` back made the section left "revisited", its clock "extra time" (a review)."""
    visited = [i for i, s in enumerate(agenda) if s.spent_seconds >= PASSED]
    return max([current, *visited])


def extra_time(agenda: list[AgendaSection], current: int, spent: float) -> bool:
    """Is the time in section ``current`` extra, beyond every plan? When the meeting has gone
    past it and its time (``spent``, now) has used its plan up: the clock counts the time
    beyond the plan, without the overtime bell. With plan left, coming back resumes its
    countdown (a section left at 01:10 of 20 minutes had counted "+0:03 extra time", a
    tryout). Read from the file alone, so the attendees' live page says the same."""
    return spent >= agenda[current].planned_seconds and gone_past(agenda, current)


def gone_past(agenda: list[AgendaSection], current: int) -> bool:
    """Has the meeting worked in a section after ``current``?"""
    return current < furthest_worked(agenda, current)


class MeetingTimer:
    """Times the current section of ``meeting``; the model holds whole seconds spent."""

    def __init__(
        self,
        meeting: Meeting,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], dt.datetime] = _utc_now,
        warning_seconds: float = WARNING_SECONDS,
    ) -> None:
        self.meeting = meeting
        self.clock = clock
        self.wall = wall
        self.warning_seconds = warning_seconds
        self._started_at: float | None = None
        self._started_wall: dt.datetime | None = None
        self._base_spent = 0
        self._last_persist = 0.0
        self._timing: AgendaSection | None = None
        self._overtime_announced: set[int] = set()
        if meeting.agenda and meeting.current >= len(meeting.agenda):
            meeting.current = len(meeting.agenda) - 1
        #: True when the file said "running" but this timer starts paused (the app that ran
        #: it was closed or died): the file should be told.
        self.recovered = meeting.running_since is not None
        meeting.running_since = None

    # --- state --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def index(self) -> int:
        return self.meeting.current

    @property
    def section(self) -> AgendaSection | None:
        agenda = self.meeting.agenda
        return agenda[self.meeting.current] if agenda else None

    def follow(self) -> None:
        """Stay on the section being timed when the agenda is reordered under the timer."""
        agenda = self.meeting.agenda
        if self._timing is None or not agenda:
            return
        for index, section in enumerate(agenda):
            if section is self._timing:
                self.meeting.current = index
                return
        self.meeting.current = min(self.meeting.current, len(agenda) - 1)
        self._timing = agenda[self.meeting.current]

    def _run_seconds(self) -> float:
        return self.clock() - self._started_at if self._started_at is not None else 0.0

    def sync(self) -> None:
        """Write the running section's whole seconds into the model.

        ``running_since`` moves on by the seconds written, so that the file read alone says
        the same as the clock: spent + (now − running_since) is the time on the section.
        """
        self.follow()
        section = self.section
        if section is not None and self.running:
            counted = int(self._run_seconds())
            section.spent_seconds = self._base_spent + counted
            if self._started_wall is not None:
                self.meeting.running_since = self._started_wall + dt.timedelta(seconds=counted)

    def elapsed(self) -> float:
        """Seconds spent on the current section, to the fraction (for the countdown)."""
        self.follow()
        section = self.section
        if section is None:
            return 0.0
        if self.running:
            return self._base_spent + self._run_seconds()
        return float(section.spent_seconds)

    def remaining(self) -> float:
        """Seconds left in this section; negative once in overtime."""
        section = self.section
        return section.planned_seconds - self.elapsed() if section else 0.0

    def revisiting(self) -> bool:
        """Back in a section whose plan is used up, with the meeting gone past it: the clock
        counts the extra time, and the projected end counts none of it (the clock had shown
        a plan's time left that "ends ~" allowed none of). See ``extra_time``."""
        agenda = self.meeting.agenda
        return bool(agenda) and extra_time(agenda, self.index, self.elapsed())

    def extra(self) -> float:
        """Seconds spent in this section beyond its plan (see ``revisiting``)."""
        return max(-self.remaining(), 0.0)

    def pace(self) -> Pace:
        if self.revisiting():
            return Pace.EXTRA
        left = self.remaining()
        if left < 0:
            return Pace.OVERTIME
        if left <= self.warning_seconds:
            return Pace.WARNING
        return Pace.ON_TIME

    def take_overtime_notice(self) -> bool:
        """True exactly once per section, when it first runs over while the clock runs (not
        on going back, paused, to a section that ran over)."""
        if not self.running:
            return False
        if self.pace() is Pace.OVERTIME and self.index not in self._overtime_announced:
            self._overtime_announced.add(self.index)
            return True
        return False

    def take_persist_due(self) -> bool:
        """True once every PERSIST_EVERY seconds of running time: time to save the minutes."""
        if not self.running:
            return False
        total = self.total_elapsed()
        if total - self._last_persist >= PERSIST_EVERY:
            self._last_persist = total
            return True
        return False

    # --- control ------------------------------------------------------------------------

    def start(self) -> None:
        section = self.section
        if section is None or self.running:
            return
        self._base_spent = section.spent_seconds
        self._started_at = self.clock()
        self._timing = section
        self._last_persist = self.total_elapsed()
        now = self.wall().replace(microsecond=0)  # whole seconds in the file, like the rest
        self._started_wall = now
        self.meeting.running_since = now
        if self.meeting.started_at is None:
            self.meeting.started_at = now
            self.meeting.ends_at = now + dt.timedelta(seconds=self.total_planned())
            if self.meeting.date is None:
                # The day it is held, on the facilitator's calendar: the action items' 30
                # days run from it (they ran from the incident, months back, and all were late).
                self.meeting.date = now.astimezone().date()

    def pause(self) -> None:
        if self.running:
            self.sync()
            self._started_at = None
            self.meeting.running_since = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def go_to(self, index: int) -> None:
        if not self.meeting.agenda:
            return
        index = max(0, min(index, len(self.meeting.agenda) - 1))
        was_running = self.running
        self.pause()
        self.meeting.current = index
        self._timing = self.meeting.agenda[index]
        if was_running:
            self.start()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def extend(self, minutes: int = EXTEND_MINUTES) -> None:
        section = self.section
        if section is not None:
            section.planned_minutes = min(section.planned_minutes + minutes, 600)
            if self.pace() is not Pace.OVERTIME:
                self._overtime_announced.discard(self.index)

    # --- the whole meeting --------------------------------------------------------------

    def total_planned(self) -> float:
        return sum(s.planned_seconds for s in self.meeting.agenda)

    def total_elapsed(self) -> float:
        agenda = self.meeting.agenda
        spent = sum(s.spent_seconds for i, s in enumerate(agenda) if i != self.index)
        return spent + self.elapsed()

    def reached(self) -> int:
        return furthest_worked(self.meeting.agenda, self.index)

    def _ahead(self, index: int, section: AgendaSection, reached: int) -> bool:
        """Is a section after the current one still to do? One beyond where the meeting has
        been is; so is one only passed through on the way (``n n`` by a slip, then ``P``):
        counted as done with every section before it, the projected end came half an hour
        early (a tryout). One worked in briefly is done: counted again, going back three
        sections moved "ends ~" 25 minutes later (another)."""
        return index > reached or section.spent_seconds < PASSED

    def remaining_plan(self) -> float:
        """Planned seconds still ahead: the rest of the current section and of every section
        still to do after it. Revisiting a section worked in before adds none (its time is
        extra), so stepping back and forth doesn't move the projected end."""
        reached = self.reached()
        left = 0.0
        for index, section in enumerate(self.meeting.agenda):
            if index == self.index:  # its plan left (none once its time is extra)
                left += max(section.planned_seconds - self.elapsed(), 0.0)
            elif index > self.index and (index == reached or self._ahead(index, section, reached)):
                left += max(section.planned_seconds - section.spent_seconds, 0.0)
        return left

    def projected_seconds(self) -> float:
        """Meeting length at the current pace: time spent plus the plan still ahead."""
        return self.total_elapsed() + self.remaining_plan()

    def projected_end(self, now: dt.datetime | None = None) -> dt.datetime:
        return (now or self.wall()) + dt.timedelta(seconds=self.remaining_plan())

    def planned_end(self) -> dt.datetime | None:
        """When the meeting should end (set when it first started)."""
        return self.meeting.ends_at

    def over_by(self, now: dt.datetime | None = None) -> float:
        """Seconds the meeting is projected to run past its planned end: overruns of timed
        sections, and pauses too once the meeting has started."""
        timed = self.projected_seconds() - self.total_planned()
        planned_end = self.planned_end()
        late = (self.projected_end(now) - planned_end).total_seconds() if planned_end else 0.0
        return max(timed, late, 0.0)

    def trims(self, now: dt.datetime | None = None) -> list[Trim]:
        """How to shorten the sections still to come so the meeting ends on time: the whole
        minutes it is late, shared by the other sections first, in proportion to their plans,
        each keeping ``TRIM_FLOOR``; the action items only if they can't absorb it all (the
        guide drives the meeting toward them: a tryout saw them halved first)."""
        over = self.over_by(now)
        reached = self.reached()
        later = [  # the sections still to do after this one (not the one left half done)
            section
            for index, section in enumerate(self.meeting.agenda)
            if index > self.index and self._ahead(index, section, reached)
        ]
        if over < 30 or not later:
            return []
        left = -(-int(over) // 60)  # whole minutes, rounded up: end on time, not after
        out = []
        for kept_last in (False, True):
            group = [s for s in later if (s.kind is SectionKind.ACTION_ITEMS) is kept_last]
            cuts = _shares(group, left)
            left -= sum(cuts)
            out += [
                Trim(s, s.planned_minutes, s.planned_minutes - c)
                for s, c in zip(group, cuts, strict=True)
                if c
            ]
        return sorted(out, key=lambda trim: later.index(trim.section))

    def apply_trims(self, now: dt.datetime | None = None) -> int:
        trims = self.trims(now)
        for trim in trims:
            trim.section.planned_minutes = trim.suggested
        return len(trims)


TRIM_FLOOR = 2
"""Minutes a trimmed section keeps at least."""


def _shares(sections: list[AgendaSection], minutes: int) -> list[int]:
    """Minutes to take from each section, in proportion to what each can give above the
    floor, adding up to ``minutes`` exactly (or to all they can give): largest remainders
    get the odd minutes, so 21 minutes late is 21 minutes cut, not 22."""
    room = [max(section.planned_minutes - TRIM_FLOOR, 0) for section in sections]
    total = sum(room)
    minutes = min(minutes, total)
    if minutes <= 0:
        return [0] * len(sections)
    exact = [minutes * r / total for r in room]
    cuts = [int(e) for e in exact]
    by_remainder = sorted(range(len(sections)), key=lambda i: cuts[i] - exact[i])
    for i in by_remainder[: minutes - sum(cuts)]:
        cuts[i] += 1
    return cuts
