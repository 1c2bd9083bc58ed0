"""The meeting's clock: time per agenda section from a monotonic clock, written into the session.

Remaining time is always derived from a deadline (never by counting ticks), the clock is
injected so tests are instant, and the spent seconds live in the session model so a paused
meeting reopens where it was.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sessions.models import AgendaSection, Meeting

WARNING_SECONDS = 120.0
EXTEND_MINUTES = 5


class Phase(StrEnum):
    PAUSED = "paused"
    RUNNING = "running"


class Pace(StrEnum):
    ON_TIME = "on-time"
    WARNING = "warning"
    OVERTIME = "overtime"


@dataclass(frozen=True)
class Trim:
    section: AgendaSection
    planned: int
    suggested: int


class MeetingTimer:
    def __init__(
        self,
        meeting: Meeting,
        clock: Callable[[], float] = time.monotonic,
        warning_seconds: float = WARNING_SECONDS,
    ) -> None:
        self.meeting = meeting
        self.clock = clock
        self.warning_seconds = warning_seconds
        self._started_at: float | None = None
        self._base_spent = 0.0
        self._timing: AgendaSection | None = None
        self._overtime_announced: set[int] = set()
        if meeting.agenda and meeting.current >= len(meeting.agenda):
            meeting.current = len(meeting.agenda) - 1

    # --- state --------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return Phase.RUNNING if self._started_at is not None else Phase.PAUSED

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

    def sync(self) -> None:
        """Write the running section's spent time into the model (the session holds the truth)."""
        self.follow()
        section = self.section
        if section is not None and self._started_at is not None:
            section.spent_seconds = round(self._base_spent + self.clock() - self._started_at, 3)

    def elapsed(self) -> float:
        self.sync()
        section = self.section
        return section.spent_seconds if section else 0.0

    def remaining(self) -> float:
        """Seconds left in this section; negative once in overtime."""
        section = self.section
        return section.planned_seconds - self.elapsed() if section else 0.0

    def pace(self) -> Pace:
        left = self.remaining()
        if left < 0:
            return Pace.OVERTIME
        if left <= self.warning_seconds:
            return Pace.WARNING
        return Pace.ON_TIME

    def take_overtime_notice(self) -> bool:
        """True exactly once per section, when it first runs over."""
        if self.pace() is Pace.OVERTIME and self.index not in self._overtime_announced:
            self._overtime_announced.add(self.index)
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

    def pause(self) -> None:
        if self.running:
            self.sync()
            self._started_at = None

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
        self.sync()
        return sum(s.spent_seconds for s in self.meeting.agenda)

    def projected_seconds(self) -> float:
        """Meeting length at the current pace: time spent, plus the plan for what is left."""
        self.sync()
        total = 0.0
        for i, section in enumerate(self.meeting.agenda):
            if i < self.index:
                total += section.spent_seconds
            elif i == self.index:
                total += max(section.spent_seconds, section.planned_seconds)
            else:
                total += (
                    max(section.planned_seconds - section.spent_seconds, 0) + section.spent_seconds
                )
        return total

    def projected_end(self, now: dt.datetime) -> dt.datetime:
        return now + dt.timedelta(seconds=self.projected_seconds() - self.total_elapsed())

    def over_by(self) -> float:
        return max(self.projected_seconds() - self.total_planned(), 0.0)

    def trims(self) -> list[Trim]:
        """How to shorten the sections still to come so the meeting ends on time."""
        over = self.over_by()
        later = self.meeting.agenda[self.index + 1 :]
        pool = sum(s.planned_minutes for s in later)
        if over <= 0 or pool == 0:
            return []
        cut_minutes = over / 60
        out = []
        for section in later:
            share = section.planned_minutes / pool
            suggested = max(int(section.planned_minutes - cut_minutes * share), 1)
            if suggested < section.planned_minutes:
                out.append(Trim(section, section.planned_minutes, suggested))
        return out

    def apply_trims(self) -> int:
        trims = self.trims()
        for trim in trims:
            trim.section.planned_minutes = trim.suggested
        return len(trims)


def mmss(seconds: float) -> str:
    """12:05 for time left, +03:10 for overtime; hours roll into minutes."""
    sign = "+" if seconds < 0 else ""
    total = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    minutes, secs = divmod(total, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"
