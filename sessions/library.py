"""A folder of session files as a postmortem database: index, filters, action items, stats.

No server: the folder (usually a git repository) is the database. Files that can't be read
are listed with their one-line error and never stop the rest from loading.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sessions.checks.actions import escalation_stage
from sessions.errors import SessionFileError
from sessions.fileio import load
from sessions.folder import session_files
from sessions.models import ActionItem, ActionStatus, Marker, Session
from sessions.timeline import first_marks

RECURRING_AT = 3


@dataclass
class Entry:
    """One postmortem as the library sees it (what the filters and the stats need)."""

    path: Path
    session: Session

    @property
    def date(self) -> dt.date | None:
        if self.session.metadata.date:
            return self.session.metadata.date
        if self.session.timeline:
            return min(e.time for e in self.session.timeline).date()
        return None

    @property
    def categories(self) -> set[str]:
        """Root-cause categories: factor types, and fishbone categories that hold causes."""
        found = {f.type.strip() for f in self.session.factors if f.type.strip()}
        found |= {c.name for c in self.session.root_cause.fishbone.categories if c.causes}
        return found

    @property
    def open_actions(self) -> int:
        return sum(1 for item in self.session.action_items if item.status.is_open)

    def minutes_between(self, start: Marker, end: Marker) -> float | None:
        marks = first_marks(self.session.timeline)
        if start in marks and end in marks:
            return (marks[end] - marks[start]).total_seconds() / 60
        return None

    def text(self) -> str:
        """Everything searchable, lower-cased once."""
        s = self.session
        parts = [s.metadata.title, s.metadata.incident_id, s.summary, s.root_cause.statement]
        parts += s.metadata.services + s.metadata.tags + [f.factor for f in s.factors]
        parts += [item.action for item in s.action_items]
        return "\n".join(parts).lower()


@dataclass
class Library:
    folder: Path
    entries: list[Entry] = field(default_factory=list)
    errors: list[SessionFileError] = field(default_factory=list)

    @classmethod
    def open(cls, folder: Path) -> Library:
        """Every session below ``folder``; what could not be read (files, folders) in ``errors``."""
        library = cls(folder)
        found = session_files([folder])
        library.errors.extend(found.problems)
        for path in found.files:
            try:
                library.entries.append(Entry(path, load(path)))
            except SessionFileError as error:
                library.errors.append(error)
        library.entries.sort(key=lambda e: (e.date or dt.date.min, str(e.path)), reverse=True)
        return library


@dataclass(frozen=True)
class Filter:
    text: str = ""
    service: str = ""
    category: str = ""
    severity: str = ""
    status: str = ""
    tag: str = ""
    since: dt.date | None = None
    until: dt.date | None = None

    def matches(self, entry: Entry) -> bool:
        meta = entry.session.metadata
        if self.severity and meta.severity.value != self.severity.upper():
            return False
        if self.status and meta.status.value.lower() != self.status.lower():
            return False
        if self.service and self.service.lower() not in (s.lower() for s in meta.services):
            return False
        if self.tag and self.tag.lower() not in (t.lower() for t in meta.tags):
            return False
        if self.category and self.category.lower() not in (c.lower() for c in entry.categories):
            return False
        day = entry.date
        if self.since and (day is None or day < self.since):
            return False
        if self.until and (day is None or day > self.until):
            return False
        return all(word in entry.text() for word in self.text.lower().split())


def parse_query(query: str) -> Filter:
    """`service:checkout sev:SEV1 status:final tag:db cat:process since:2025-01-01 words…`."""
    fields: dict[str, object] = {}
    words = []
    keys = {
        "service": "service",
        "svc": "service",
        "category": "category",
        "cat": "category",
        "severity": "severity",
        "sev": "severity",
        "status": "status",
        "tag": "tag",
        "since": "since",
        "until": "until",
    }
    for token in query.split():
        key, sep, value = token.partition(":")
        if sep and key.lower() in keys and value:
            name = keys[key.lower()]
            if name in ("since", "until"):
                try:
                    fields[name] = dt.date.fromisoformat(value)
                except ValueError:
                    raise ValueError(f"{key}: not a date (YYYY-MM-DD): {value}") from None
            else:
                fields[name] = value.replace("_", " ") if name == "status" else value
        else:
            words.append(token)
    return Filter(text=" ".join(words), **fields)  # type: ignore[arg-type]


# --- action items across the library ------------------------------------------------------


@dataclass(frozen=True)
class TrackedAction:
    entry: Entry
    index: int

    @property
    def item(self) -> ActionItem:
        return self.entry.session.action_items[self.index]

    def days_overdue(self, today: dt.date) -> int:
        item = self.item
        if not item.status.is_open or item.due is None or item.due >= today:
            return 0
        return (today - item.due).days

    def escalation(self, today: dt.date) -> str:
        return escalation_stage(self.days_overdue(today))

    def to_dict(self, today: dt.date) -> dict[str, object]:
        item = self.item
        meta = self.entry.session.metadata
        return {
            "postmortem": str(self.entry.path),
            "incident_id": meta.incident_id,
            "id": item.id,
            "action": item.action,
            "owner": item.owner,
            "due": item.due.isoformat() if item.due else None,
            "status": item.status.value,
            "ticket": item.ticket,
            "days_overdue": self.days_overdue(today),
            "escalation": self.escalation(today),
        }


def tracked_actions(
    entries: Iterable[Entry],
    today: dt.date,
    *,
    owner: str = "",
    status: str = "",
    overdue: bool = False,
) -> list[TrackedAction]:
    out = []
    for entry in entries:
        for index, item in enumerate(entry.session.action_items):
            tracked = TrackedAction(entry, index)
            if owner and owner.lower().lstrip("@") not in item.owner.lower():
                continue
            if status and item.status.value.lower() != status.lower():
                continue
            if overdue and not tracked.days_overdue(today):
                continue
            out.append(tracked)
    out.sort(key=lambda t: (-t.days_overdue(today), t.item.due or dt.date.max))
    return out


def close_action(entry: Entry, index: int, verification: str, today: dt.date) -> ActionItem:
    """Mark done with the verification (the guide: close completed items with verification)."""
    if not verification.strip():
        raise ValueError("say how the fix was verified before closing it")
    item = entry.session.action_items[index]
    item.status = ActionStatus.DONE
    item.completed = today
    item.verification = verification.strip()
    return item


# --- patterns and trends ------------------------------------------------------------------


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def stats(entries: list[Entry], today: dt.date, since: dt.date | None = None) -> dict:
    """Every figure of the stats view, as plain data (the CLI prints it, the screen charts it)."""
    chosen = [e for e in entries if since is None or (e.date is not None and e.date >= since)]
    by_severity = Counter(e.session.metadata.severity.value for e in chosen)
    by_month = Counter(_month(e.date) for e in chosen if e.date)
    categories = Counter(c for e in chosen for c in e.categories)
    factor_types = Counter(
        f.type.strip() for e in chosen for f in e.session.factors if f.type.strip()
    )
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in chosen:
        for service in set(entry.session.metadata.services):
            for category in entry.categories:
                pairs[(service, category)].append(
                    entry.session.metadata.incident_id or entry.path.name
                )
    recurring = [
        {"service": s, "category": c, "count": len(ids), "postmortems": sorted(ids)}
        for (s, c), ids in sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        if len(ids) >= RECURRING_AT
    ]
    items = [(e, item) for e in chosen for item in e.session.action_items]
    done = [(e, i) for e, i in items if i.status is ActionStatus.DONE]
    durations = [
        (i.completed - (e.session.meeting.date or e.date)).days
        for e, i in done
        if i.completed and (e.session.meeting.date or e.date)
    ]
    overdue = sum(1 for _e, i in items if i.status.is_open and i.due and i.due < today)
    mttr: dict[str, list[float]] = defaultdict(list)
    ttd: dict[str, list[float]] = defaultdict(list)
    for entry in chosen:
        if entry.date is None:
            continue
        restore = entry.minutes_between(Marker.ISSUE_STARTED, Marker.SERVICE_RESTORED)
        detect = entry.minutes_between(Marker.ISSUE_STARTED, Marker.ALERT_FIRED)
        if restore is not None:
            mttr[_month(entry.date)].append(restore)
        if detect is not None:
            ttd[_month(entry.date)].append(detect)
    return {
        "postmortems": len(chosen),
        "by_severity": dict(sorted(by_severity.items())),
        "by_month": dict(sorted(by_month.items())),
        "root_cause_categories": dict(categories.most_common()),
        "factor_types": dict(factor_types.most_common()),
        "recurring": recurring,
        "action_items": {
            "total": len(items),
            "done": len(done),
            "completion_rate": len(done) / len(items) if items else None,
            "average_days_to_complete": _mean([float(d) for d in durations]),
            "overdue": overdue,
        },
        "mttr_minutes_by_month": {m: _mean(v) for m, v in sorted(mttr.items())},
        "ttd_minutes_by_month": {m: _mean(v) for m, v in sorted(ttd.items())},
        "quarters": quarterly(chosen),
    }


def quarterly(entries: list[Entry]) -> dict[str, list[dict]]:
    """Per quarter, the categories behind 3+ postmortems: systemic issues worth a
    cross-cutting fix (more so when they span several services)."""
    found: dict[str, dict[str, dict]] = defaultdict(dict)
    for entry in entries:
        if entry.date is None:
            continue
        quarter = _quarter(entry.date)
        for category in entry.categories:
            slot = found[quarter].setdefault(
                category, {"category": category, "count": 0, "services": set(), "open_actions": 0}
            )
            slot["count"] += 1
            slot["services"] |= set(entry.session.metadata.services)
            slot["open_actions"] += entry.open_actions
    out: dict[str, list[dict]] = {}
    for quarter in sorted(found):
        systemic = [
            {
                **slot,
                "services": sorted(slot["services"]),
                "cross_cutting": len(slot["services"]) > 1,
            }
            for slot in found[quarter].values()
            if slot["count"] >= RECURRING_AT
        ]
        out[quarter] = sorted(systemic, key=lambda s: (-s["count"], s["category"]))
    return out


BARS = " ▁▂▃▄▅▆▇█"


def sparkline(values: list[float | None]) -> str:
    """A one-line chart; gaps for months without data."""
    present = [v for v in values if v is not None]
    if not present:
        return ""
    top = max(present) or 1.0
    return "".join(" " if v is None else BARS[max(1, round(v / top * 8))] for v in values)


def bar(count: int, largest: int, width: int = 30) -> str:
    return "█" * max(1, round(count / largest * width)) if largest and count else ""
