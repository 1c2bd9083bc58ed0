"""One postmortem as the library sees it: a small summary of the session, not the session.

The library keeps thousands of these in memory and in its index cache, so an entry holds only
what the list, the filters, the action items, the review and the stats read, as plain values.
``to_record`` / ``from_record`` turn it into JSON-ready lists for the cache (positional, so a
10,000-session cache stays small and quick to read).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path

from sessions.models import ActionStatus, Marker, Session, Severity, Status
from sessions.timeline import first_marks

RECORD_VERSION = 1
"""Bumped whenever the record's shape changes: older caches are then rebuilt."""


@dataclass(frozen=True, slots=True)
class ActionSummary:
    """An action item as the library tracks it."""

    id: int
    action: str
    type: str
    priority: str
    owner: str
    due: dt.date | None
    status: ActionStatus
    ticket: str
    addresses: tuple[str, ...]
    completed: dt.date | None
    verification: str


@dataclass(slots=True)
class Entry:
    """One postmortem: what the filters, the action items, the review and the stats need."""

    path: Path
    title: str
    incident_id: str
    #: The incident's date, or the day of its first timeline event.
    date: dt.date | None
    severity: Severity
    status: Status
    services: tuple[str, ...]
    tags: tuple[str, ...]
    archived: bool
    #: Root-cause categories: factor types, and fishbone categories that hold causes (sorted).
    categories: tuple[str, ...]
    #: (id, factor, type) of each contributing factor.
    factors: tuple[tuple[str, str, str], ...]
    meeting_date: dt.date | None
    #: Minutes from "issue started" to "service restored" / "alert fired", where marked.
    restore_minutes: float | None
    detect_minutes: float | None
    actions: tuple[ActionSummary, ...]
    #: Everything the filter's words search, lower-cased once.
    text: str

    @property
    def name(self) -> str:
        """How a list names it: the incident id, else the file's name."""
        return self.incident_id or self.path.stem

    @property
    def open_actions(self) -> int:
        return sum(1 for item in self.actions if item.status.is_open)

    def factor(self, factor_id: str) -> str:
        """The text of factor ``factor_id`` ("" when there is none)."""
        return next((text for fid, text, _type in self.factors if fid == factor_id), "")

    def reload(self, session: Session) -> None:
        """Show ``session`` (the file as it is now, after the library wrote to it)."""
        fresh = summarize(self.path, session)
        for each in fields(self):
            setattr(self, each.name, getattr(fresh, each.name))


def summarize(path: Path, session: Session) -> Entry:
    meta = session.metadata
    date = meta.date
    if date is None and session.timeline:
        date = min(e.time for e in session.timeline).date()
    categories = {f.type.strip() for f in session.factors if f.type.strip()}
    categories |= {c.name for c in session.root_cause.fishbone.categories if c.causes}
    marks = first_marks(session.timeline)
    searched = [meta.title, meta.incident_id, session.summary, session.root_cause.statement]
    searched += meta.services + meta.tags + [f.factor for f in session.factors]
    searched += [item.action for item in session.action_items]
    return Entry(
        path=path,
        title=meta.title,
        incident_id=meta.incident_id,
        date=date,
        severity=meta.severity,
        status=meta.status,
        services=tuple(meta.services),
        tags=tuple(meta.tags),
        archived=meta.archived,
        categories=tuple(sorted(categories)),
        factors=tuple((f.id, f.factor, f.type.strip()) for f in session.factors),
        meeting_date=session.meeting.date,
        restore_minutes=_minutes(marks, Marker.SERVICE_RESTORED),
        detect_minutes=_minutes(marks, Marker.ALERT_FIRED),
        actions=tuple(
            ActionSummary(
                id=item.id,
                action=item.action,
                type=item.type or "",
                priority=item.priority.value if item.priority else "",
                owner=item.owner,
                due=item.due,
                status=item.status,
                ticket=item.ticket,
                addresses=tuple(item.addresses),
                completed=item.completed,
                verification=item.verification,
            )
            for item in session.action_items
        ),
        text="\n".join(searched).lower(),
    )


def _minutes(marks: dict[Marker, dt.datetime], end: Marker) -> float | None:
    if Marker.ISSUE_STARTED in marks and end in marks:
        return (marks[end] - marks[Marker.ISSUE_STARTED]).total_seconds() / 60
    return None


# --- records for the index cache --------------------------------------------------------


def to_record(entry: Entry) -> list:
    """``entry`` without its path, as JSON-ready lists."""
    return [
        entry.title,
        entry.incident_id,
        _day(entry.date),
        entry.severity.value,
        entry.status.value,
        list(entry.services),
        list(entry.tags),
        entry.archived,
        list(entry.categories),
        [list(f) for f in entry.factors],
        _day(entry.meeting_date),
        entry.restore_minutes,
        entry.detect_minutes,
        [
            [
                a.id,
                a.action,
                a.type,
                a.priority,
                a.owner,
                _day(a.due),
                a.status.value,
                a.ticket,
                list(a.addresses),
                _day(a.completed),
                a.verification,
            ]
            for a in entry.actions
        ],
        entry.text,
    ]


def from_record(path: Path, record: list) -> Entry:
    """The entry a record of ``to_record`` holds.

    Records come from the cache this module wrote (its checksum is verified before), so
    shapes are trusted; anything else raises ``TypeError``, ``ValueError`` or ``KeyError``.
    """
    (
        title,
        incident_id,
        date,
        severity,
        status,
        services,
        tags,
        archived,
        categories,
        factors,
        meeting_date,
        restore,
        detect,
        actions,
        text,
    ) = record
    return Entry(
        path,
        title,
        incident_id,
        _from_day(date),
        _SEVERITY[severity],
        _STATUS[status],
        tuple(services),
        tuple(tags),
        archived,
        tuple(categories),
        tuple(map(tuple, factors)),
        _from_day(meeting_date),
        restore,
        detect,
        tuple(map(_action, actions)),
        text,
    )


_SEVERITY = {s.value: s for s in Severity}
_STATUS = {s.value: s for s in Status}
_ACTION_STATUS = {s.value: s for s in ActionStatus}


def _action(record: list) -> ActionSummary:
    number, action, kind, priority, owner, due, status, ticket, addresses, done, verified = record
    return ActionSummary(
        number,
        action,
        kind,
        priority,
        owner,
        _from_day(due),
        _ACTION_STATUS[status],
        ticket,
        tuple(addresses),
        _from_day(done),
        verified,
    )


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _from_day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)
