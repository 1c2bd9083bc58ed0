"""The weekly review as a timed walk, like the meeting: one item at a time, against the clock.

The review has a time budget (the guide's review meeting takes 30–60 minutes); each item's
share is what is left divided by the items left, so a long discussion early shortens the rest
rather than overrunning the meeting. Times come from a monotonic clock passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sessions.library import Entry, TrackedAction
from sessions.review import Decision, ReviewLog, ReviewPlan, review_agenda


@dataclass
class ReviewWalk:
    """Where a review is: its agenda, the item on screen, what was decided, and the time."""

    plan: ReviewPlan
    agenda: list[TrackedAction]
    log: ReviewLog
    clock: Callable[[], float]
    started: float = 0.0
    position: int = 0
    item_started: float = 0.0
    #: The item's share of the time when it came on screen (seconds).
    item_share: float = 0.0
    finished: bool = False

    @classmethod
    def start(
        cls, entries: list[Entry], plan: ReviewPlan, today: dt.date, clock: Callable[[], float]
    ) -> ReviewWalk:
        agenda = review_agenda(entries, today, owner=plan.owner, overdue=plan.overdue)
        now = clock()
        walk = cls(plan, agenda, ReviewLog(today), clock, started=now, item_started=now)
        walk.item_share = walk.budget / max(len(agenda), 1)
        return walk

    @property
    def budget(self) -> float:
        return self.plan.minutes * 60.0

    @property
    def current(self) -> TrackedAction | None:
        return self.agenda[self.position] if 0 <= self.position < len(self.agenda) else None

    def elapsed(self) -> float:
        return self.clock() - self.started

    def remaining(self) -> float:
        """Seconds left of the review (negative when over)."""
        return self.budget - self.elapsed()

    def item_remaining(self) -> float:
        """Seconds left of this item's share (negative when over)."""
        return self.item_share - (self.clock() - self.item_started)

    def undecided(self) -> int:
        return sum(1 for t in self.agenda if self.log.decided(t) is None)

    def go_to(self, position: int) -> None:
        """Show the item at ``position``; its share is the time left over the items left."""
        self.position = max(min(position, len(self.agenda) - 1), 0)
        self.item_started = self.clock()
        left = max(self.undecided(), 1)
        self.item_share = max(self.remaining(), 0.0) / left

    def next_undecided(self) -> None:
        """On to the next item not decided yet (after this one, wrapping round), or stay."""
        count = len(self.agenda)
        for step in range(1, count + 1):
            position = (self.position + step) % count
            if self.log.decided(self.agenda[position]) is None:
                self.go_to(position)
                return
        self.go_to(self.position)

    def decide(self, decision: Decision) -> None:
        """Write the decision about the current item (``LibraryEditError`` says why not)."""
        tracked = self.current
        if tracked is None:
            return
        self.agenda[self.position] = self.log.decide(tracked, decision)
