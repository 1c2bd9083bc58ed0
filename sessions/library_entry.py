"""One postmortem as the library sees it: a small record of the session, not the session.

The library keeps thousands of these in memory and in its index cache, so a record holds only
what the list, the filters, the action items, the review and the stats read, as JSON-ready
values; ``Entry`` reads it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sessions.models import ActionStatus, Marker, Session, Severity, Status
from sessions.timeline import incident_day, intervals

RECORD_VERSION = 2
"""Bumped whenever the record's shape or meaning changes: older caches are then rebuilt.
(2: the restore and detect minutes are the document's figures, none for a day-only end.)"""

RECORD_FIELDS = 15


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


class Entry:
    """One postmortem: what the filters, the action items, the review and the stats need.

    A view over its index record (``record``): opening a library from the cache makes one
    of these per file without decoding anything; a field is decoded when it is first read
    (the action items, once, then kept), so the list is shown before any item is looked at.
    """

    __slots__ = ("_actions", "_date", "path", "record")

    def __init__(self, path: Path, record: list) -> None:
        self.path = path
        self.record = record
        self._date: dt.date | bool | None = False  # False: not decoded yet
        self._actions: tuple[ActionSummary, ...] | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entry) and self.path == other.path and self.record == other.record

    __hash__ = None  # type: ignore[assignment]  # mutable: reload() changes it

    def __repr__(self) -> str:
        return f"Entry({self.path!r}, {self.record[_TITLE]!r})"

    @property
    def title(self) -> str:
        return self.record[_TITLE]

    @property
    def incident_id(self) -> str:
        return self.record[_ID]

    @property
    def date(self) -> dt.date | None:
        """The incident's date, or the day of its first timeline event."""
        if self._date is False:
            self._date = _from_day(self.record[_DATE])
        return self._date  # type: ignore[return-value]

    @property
    def day(self) -> str:
        """The date as ``YYYY-MM-DD`` ("" when unknown): sorts as the date does."""
        return self.record[_DATE] or ""

    @property
    def severity(self) -> Severity:
        return _SEVERITY[self.record[_SEVERITY_AT]]

    @property
    def status(self) -> Status:
        return _STATUS[self.record[_STATUS_AT]]

    @property
    def services(self) -> list[str]:
        return self.record[_SERVICES]

    @property
    def tags(self) -> list[str]:
        return self.record[_TAGS]

    @property
    def archived(self) -> bool:
        return self.record[_ARCHIVED]

    @property
    def categories(self) -> list[str]:
        """Root-cause categories: factor types, and fishbone categories that hold causes
        (sorted)."""
        return self.record[_CATEGORIES]

    @property
    def factors(self) -> list[list[str]]:
        """[id, factor, type] of each contributing factor."""
        return self.record[_FACTORS]

    @property
    def meeting_date(self) -> dt.date | None:
        return _from_day(self.record[_MEETING])

    @property
    def restore_minutes(self) -> float | None:
        """Minutes from "issue started" to "service restored", where both are marked."""
        return self.record[_RESTORE]

    @property
    def detect_minutes(self) -> float | None:
        """Minutes from "issue started" to "alert fired", where both are marked."""
        return self.record[_DETECT]

    @property
    def actions(self) -> tuple[ActionSummary, ...]:
        if self._actions is None:
            self._actions = tuple(map(_action, self.record[_ACTIONS]))
        return self._actions

    @property
    def text(self) -> str:
        """Everything the filter's words search, lower-cased once."""
        return self.record[_TEXT]

    @property
    def name(self) -> str:
        """How a list names it: the incident id, else the file's name."""
        return self.incident_id or self.path.stem

    @property
    def open_actions(self) -> int:
        return sum(1 for item in self.record[_ACTIONS] if item[6] in _OPEN)

    def factor(self, factor_id: str) -> str:
        """The text of factor ``factor_id`` ("" when there is none)."""
        return next((text for fid, text, _type in self.factors if fid == factor_id), "")

    def reload(self, session: Session) -> None:
        """Show ``session`` (the file as it is now, after the library wrote to it)."""
        self.record = to_record(session)
        self._date = False
        self._actions = None


(
    _TITLE,
    _ID,
    _DATE,
    _SEVERITY_AT,
    _STATUS_AT,
    _SERVICES,
    _TAGS,
    _ARCHIVED,
    _CATEGORIES,
    _FACTORS,
    _MEETING,
    _RESTORE,
    _DETECT,
    _ACTIONS,
    _TEXT,
) = range(RECORD_FIELDS)
_SEVERITY = {s.value: s for s in Severity}
_STATUS = {s.value: s for s in Status}
_ACTION_STATUS = {s.value: s for s in ActionStatus}
_OPEN = {s.value for s in ActionStatus if s.is_open}


def summarize(path: Path, session: Session) -> Entry:
    return Entry(path, to_record(session))


def to_record(session: Session) -> list:
    """What the library keeps of ``session``: JSON-ready lists, positional (so a 10,000-
    session cache stays small and quick to read), in the order of the ``_TITLE``… indexes."""
    meta = session.metadata
    date = incident_day(session)
    categories = {f.type.strip() for f in session.factors if f.type.strip()}
    categories |= {c.name for c in session.root_cause.fishbone.categories if c.causes}
    figures = {figure.end: figure.value for figure in intervals(session.timeline)}
    searched = [meta.title, meta.incident_id, session.summary, session.root_cause.statement]
    searched += meta.services + meta.tags + [f.factor for f in session.factors]
    searched += [item.action for item in session.action_items]
    return [
        meta.title,
        meta.incident_id,
        _day(date),
        meta.severity.value,
        meta.status.value,
        list(meta.services),
        list(meta.tags),
        meta.archived,
        sorted(categories),
        [[f.id, f.factor, f.type.strip()] for f in session.factors],
        _day(session.meeting.date),
        _minutes(figures.get(Marker.SERVICE_RESTORED)),
        _minutes(figures.get(Marker.ALERT_FIRED)),
        [
            [
                a.id,
                a.action,
                a.type or "",
                a.priority.value if a.priority else "",
                a.owner,
                _day(a.due),
                a.status.value,
                a.ticket,
                list(a.addresses),
                _day(a.completed),
                a.verification,
            ]
            for a in session.action_items
        ],
        "\n".join(searched).lower(),
    ]


def _minutes(figure: dt.timedelta | None) -> float | None:
    """A figure of the document (none where an end is known only to the day), in minutes."""
    return figure.total_seconds() / 60 if figure is not None else None


# --- decoding -------------------------------------------------------------------------


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
