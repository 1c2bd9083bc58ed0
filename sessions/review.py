"""The guide's weekly review of open action items: the agenda, the decisions, the figures.

The agenda is every open item of the postmortems still chased (not archived), most overdue
first, grouped by the guide's escalation stage. Each decision is written into the item's own
file at once (re-read first, never overwriting a change made meanwhile, see
``library_edits``) with the date, in the item's ``reviews``; ``ReviewLog`` remembers what
this review decided, for the summary (``review_report``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sessions.checks.actions import ESCALATION
from sessions.library import Entry, TrackedAction, tracked_actions
from sessions.library_edits import change_action_on_disk
from sessions.models import ActionItem, ActionReview, ActionStatus, ReviewDecision


@dataclass(frozen=True)
class Stage:
    """One group of the agenda: items at least ``since`` days overdue (the guide's escalation)."""

    name: str
    span: str
    #: Who the item goes to at this stage ("" below the first escalation).
    to_whom: str
    since: int
    #: The stage in a table cell.
    short: str

    @property
    def title(self) -> str:
        return f"{self.name}: {self.span}"


_LEADERSHIP, _MANAGER, _OWNER = (days for days, _step in ESCALATION)  # the guide's days
STAGES = (
    Stage(
        "Leadership review",
        f"{_LEADERSHIP}+ days overdue",
        "the leadership meeting",
        _LEADERSHIP,
        "leadership",
    ),
    Stage(
        "Escalate to the manager",
        f"{_MANAGER}–{_LEADERSHIP - 1} days overdue",
        "the owner's manager",
        _MANAGER,
        "manager",
    ),
    Stage(
        "Remind the owner",
        f"{_OWNER}–{_MANAGER - 1} days overdue",
        "the owner",
        _OWNER,
        "remind owner",
    ),
    Stage("Overdue", "less than a week", "", 1, "overdue"),
    Stage("On schedule", "not due yet, or no due date", "", 0, ""),
)


@dataclass(frozen=True)
class ReviewPlan:
    """How a review runs: the time it has, and which items it takes."""

    minutes: int = 30
    owner: str = ""
    overdue: bool = False


def stage_of(days_overdue: int) -> Stage:
    return next(stage for stage in STAGES if days_overdue >= stage.since)


def review_agenda(
    entries: Iterable[Entry], today: dt.date, *, owner: str = "", overdue: bool = False
) -> list[TrackedAction]:
    """The open items to review, most overdue first (then soonest due); archived postmortems'
    items are no longer chased."""
    chased = [entry for entry in entries if not entry.archived]
    return [
        tracked
        for tracked in tracked_actions(chased, today, owner=owner, overdue=overdue)
        if tracked.item.status.is_open
    ]


def grouped(agenda: list[TrackedAction], today: dt.date) -> list[tuple[Stage, list[TrackedAction]]]:
    """The agenda's items by stage, in the agenda's order; empty stages left out."""
    groups: dict[Stage, list[TrackedAction]] = {}
    for tracked in agenda:
        groups.setdefault(stage_of(tracked.days_overdue(today)), []).append(tracked)
    return [(stage, groups[stage]) for stage in STAGES if stage in groups]


# --- decisions --------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What the review decided about one item, with what the decision asks for."""

    kind: ReviewDecision
    #: How it was verified (done), why it moved (new due date), why (new owner, optional).
    note: str = ""
    due: dt.date | None = None
    owner: str = ""


def apply_decision(item: ActionItem, decision: Decision, today: dt.date) -> ActionReview:
    """Change ``item`` as decided and note the decision on it; ``ValueError`` when the decision
    lacks what it needs (a verification, a reason, a new date or owner)."""
    note = decision.note.strip()
    kind = decision.kind
    if kind is ReviewDecision.DONE:
        if not note:
            raise ValueError("say how the fix was verified before closing it")
        item.status = ActionStatus.DONE
        item.completed = today
        item.verification = note
    elif kind is ReviewDecision.NEW_DUE:
        if decision.due is None or decision.due <= today:
            raise ValueError("the new due date must be after today")
        if not note:
            raise ValueError("say why the due date moves")
        before = item.due.isoformat() if item.due else "no due date"
        note = f"{before} → {decision.due.isoformat()}: {note}"
        item.due = decision.due
    elif kind is ReviewDecision.NEW_OWNER:
        owner = decision.owner.strip()
        if not owner or owner == item.owner:
            raise ValueError("name the new owner (one person)")
        moved = f"{item.owner or 'no owner'} → {owner}"
        note = f"{moved}: {note}" if note else moved
        item.owner = owner
    review = ActionReview(date=today, decision=kind, note=note)
    item.reviews.append(review)
    return review


@dataclass(frozen=True)
class Outcome:
    """One decision of this review: the item as it was shown, and as the file holds it now."""

    tracked: TrackedAction
    before_days_overdue: int
    decision: ReviewDecision
    note: str


@dataclass
class ReviewLog:
    """What a review decided, in order; the summary is written from it."""

    today: dt.date
    outcomes: list[Outcome] = field(default_factory=list)

    def decide(self, tracked: TrackedAction, decision: Decision) -> TrackedAction:
        """Write ``decision`` into the item's file (``LibraryEditError`` says why not); the item
        as the library tracks it now (the file may have moved it)."""
        late = tracked.days_overdue(self.today)
        notes: list[ActionReview] = []
        _item, index = change_action_on_disk(
            tracked.entry,
            tracked.index,
            lambda item: notes.append(apply_decision(item, decision, self.today)),
        )
        now = TrackedAction(tracked.entry, index)
        (review,) = notes
        self.outcomes = [o for o in self.outcomes if _key(o.tracked) != _key(now)]
        self.outcomes.append(Outcome(now, late, review.decision, review.note))
        return now

    def decided(self, tracked: TrackedAction) -> Outcome | None:
        """This review's decision about ``tracked`` (the last one, if it was decided twice)."""
        return next((o for o in self.outcomes if _key(o.tracked) == _key(tracked)), None)

    def of_kind(self, kind: ReviewDecision) -> list[Outcome]:
        return [o for o in self.outcomes if o.decision is kind]


def _key(tracked: TrackedAction) -> tuple:
    return tracked.entry.path, tracked.item.id


# --- the figures ------------------------------------------------------------------------


def completion_rate(entries: Iterable[Entry], on: dt.date) -> tuple[float | None, int]:
    """The share of action items done by ``on``, of those that existed by then (items the team
    decided not to do are left out), and how many there were."""
    done = total = 0
    for entry in entries:
        born = entry.meeting_date or entry.date
        if born is not None and born > on:
            continue
        for item in entry.actions:
            if item.status is ActionStatus.WONT_DO:
                continue
            total += 1
            if item.status is ActionStatus.DONE and (item.completed or born or on) <= on:
                done += 1
    return (done / total if total else None), total


def completion_trend(entries: list[Entry], today: dt.date, weeks: int = 8) -> list[tuple]:
    """(week's end, rate) for the last ``weeks`` weeks, oldest first, today last."""
    ends = [today - dt.timedelta(days=7 * back) for back in range(weeks - 1, -1, -1)]
    return [(end, completion_rate(entries, end)[0]) for end in ends]


def closed_between(entries: Iterable[Entry], start: dt.date, end: dt.date) -> int:
    """Items completed after ``start``, up to ``end``."""
    return sum(
        1
        for entry in entries
        for item in entry.actions
        if item.status is ActionStatus.DONE and item.completed and start < item.completed <= end
    )
