"""Patterns and trends across the library, as plain data: the CLI prints it, the screen charts it.

Every count is ordered the same way in every run and every view (largest first, then by
name), so ``pmtui stats --format json`` diffs cleanly and the app shows what the CLI shows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from sessions.collector import collector_paused
from sessions.library_entry import Entry
from sessions.models import ActionStatus

RECURRING_AT = 3


def ranked(counts: Counter[str]) -> dict[str, int]:
    """Largest first; equal counts by name (never by the order they were met in)."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def month_count(first: str, last: str) -> int:
    """How many months from ``first`` to ``last`` ("2025-01"), both included."""
    return (int(last[:4]) * 12 + int(last[5:])) - (int(first[:4]) * 12 + int(first[5:])) + 1


def months_between(first: str, last: str, at_most: int | None = None) -> list[str]:
    """Every month from ``first`` to ``last`` ("2025-01"), both included; only the latest
    ``at_most`` of them when given (a chart draws a few dozen, whatever the span)."""
    if at_most is not None and month_count(first, last) > at_most:
        index = int(last[:4]) * 12 + int(last[5:]) - 1 - (at_most - 1)
        first = f"{index // 12:04d}-{index % 12 + 1:02d}"
    year, number = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{number:02d}" <= last:
        out.append(f"{year:04d}-{number:02d}")
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return out


def _quarter(day: str) -> str:
    """ "2025-Q1" for "2025-02-14"."""
    return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def stats(entries: Iterable[Entry], today: dt.date, since: dt.date | None = None) -> dict:
    """Every figure of the stats view."""
    with collector_paused():
        return _stats(entries, today, since)


def _stats(entries: Iterable[Entry], today: dt.date, since: dt.date | None) -> dict:
    chosen = [e for e in entries if since is None or (e.date is not None and e.date >= since)]
    chosen.sort(key=lambda e: str(e.path))
    this_month = today.isoformat()[:7]
    future = [e for e in chosen if e.day and e.day[:7] > this_month]
    by_severity = Counter(e.severity.value for e in chosen)
    by_month = Counter(e.day[:7] for e in chosen if e.day and e.day[:7] <= this_month)
    categories = Counter(c for e in chosen for c in e.categories)
    factor_types = Counter(kind for e in chosen for _id, _text, kind in e.factors if kind)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in chosen:
        for service in sorted(set(entry.services)):
            for category in entry.categories:
                pairs[(service, category)].append(entry.incident_id or entry.path.name)
    recurring = [
        {"service": s, "category": c, "count": len(ids), "postmortems": sorted(ids)}
        for (s, c), ids in sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        if len(ids) >= RECURRING_AT
    ]
    items = [(e, item) for e in chosen for item in e.actions]
    done = [(e, i) for e, i in items if i.status is ActionStatus.DONE]
    durations = [
        (i.completed - (e.meeting_date or e.date)).days
        for e, i in done
        if i.completed and (e.meeting_date or e.date)
    ]
    overdue = sum(
        1 for e, i in items if i.status.is_open and i.due and i.due < today and not e.archived
    )
    mttr: dict[str, list[float]] = defaultdict(list)
    ttd: dict[str, list[float]] = defaultdict(list)
    for entry in chosen:
        if not entry.day or entry.day[:7] > this_month:  # a date after today is a typo
            continue
        if entry.restore_minutes is not None:
            mttr[entry.day[:7]].append(entry.restore_minutes)
        if entry.detect_minutes is not None:
            ttd[entry.day[:7]].append(entry.detect_minutes)
    return {
        "postmortems": len(chosen),
        "by_severity": dict(sorted(by_severity.items())),
        "by_month": dict(sorted(by_month.items())),
        "dated_after_today": sorted(str(e.path) for e in future),
        "root_cause_categories": ranked(categories),
        "factor_types": ranked(factor_types),
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
        if not entry.day:
            continue
        quarter = _quarter(entry.day)
        still_open = entry.open_actions
        for category in entry.categories:
            slot = found[quarter].setdefault(
                category, {"category": category, "count": 0, "services": set(), "open_actions": 0}
            )
            slot["count"] += 1
            slot["services"] |= set(entry.services)
            slot["open_actions"] += still_open
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
