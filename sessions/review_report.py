"""The weekly review in Markdown: the agenda before it (for a team that reviews in a document)
and the summary after it (what closed, what moved, what escalated to whom, the completion
rate and its trend), written beside the library."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sessions.library import Entry, TrackedAction
from sessions.markdown import table, ticket_cell
from sessions.models import ReviewDecision
from sessions.prose import cell, plain, plain_cell
from sessions.review import (
    STAGES,
    ReviewLog,
    closed_between,
    completion_rate,
    completion_trend,
    grouped,
    stage_of,
)

DECIDE = (
    "For each item decide: **done** (how was it verified?), **new due date** (why?), "
    "**new owner**, or **still on track**."
)


def _row(tracked: TrackedAction, today: dt.date) -> list[str]:
    item = tracked.item
    late = tracked.days_overdue(today)
    return [
        plain_cell(tracked.entry.name),
        str(item.id),
        cell(item.action),
        plain_cell(item.owner) if plain(item.owner) else "—",
        item.due.isoformat() if item.due else "—",
        f"{late} d" if late else "—",
        ticket_cell(item.ticket),
        cell(tracked.addresses()) if item.addresses else "—",
    ]


AGENDA_COLUMNS = ["Postmortem", "#", "Action", "Owner", "Due", "Overdue", "Ticket", "Addresses"]


def agenda_markdown(agenda: list[TrackedAction], folder: Path, today: dt.date) -> str:
    """`pmtui actions DIR --format markdown`: the review's agenda as a document."""
    overdue = sum(1 for t in agenda if t.days_overdue(today))
    parts = [
        f"# Action item review: agenda for {today.isoformat()}",
        f"Library: {plain(str(folder))} · {len(agenda)} open action item"
        f"{'s' if len(agenda) != 1 else ''}, {overdue} overdue. {DECIDE}",
    ]
    for stage, items in grouped(agenda, today):
        rows = [_row(t, today) for t in items]
        parts.append(f"## {stage.title} ({len(items)})\n\n" + table(AGENDA_COLUMNS, rows))
    if not agenda:
        parts.append("No open action items: nothing to review.")
    return "\n\n".join(parts) + "\n"


def summary_markdown(
    log: ReviewLog,
    agenda: list[TrackedAction],
    entries: list[Entry],
    folder: Path,
    minutes: float | None = None,
) -> str:
    """The review's summary: decisions, escalations, and the completion rate's trend."""
    today = log.today
    rate, total = completion_rate(entries, today)
    trend = completion_trend(entries, today)
    last_week = trend[-2][1] if len(trend) > 1 else None
    took = f" in {minutes:.0f} min" if minutes is not None else ""
    parts = [
        f"# Action item review: {today.isoformat()}",
        f"Library: {plain(str(folder))} · {len(log.outcomes)} of {len(agenda)} open items "
        f"decided{took}.",
        "## Completion\n\n" + "\n".join(_completion(rate, total, last_week, trend, entries, today)),
    ]
    closed = log.of_kind(ReviewDecision.DONE)
    if closed:
        rows = [[*_who(o.tracked), cell(o.note)] for o in closed]
        parts.append(
            f"## Closed ({len(closed)})\n\n"
            + table(["Postmortem", "#", "Action", "Owner", "Verified by"], rows)
        )
    moved = log.of_kind(ReviewDecision.NEW_DUE) + log.of_kind(ReviewDecision.NEW_OWNER)
    if moved:
        rows = [[*_who(o.tracked), o.decision.value, cell(o.note)] for o in moved]
        parts.append(
            f"## Moved ({len(moved)})\n\n"
            + table(["Postmortem", "#", "Action", "Owner", "Change", "From → to: why"], rows)
        )
    parts += _escalated(log, agenda, today)
    on_track = log.of_kind(ReviewDecision.ON_TRACK)
    if on_track:
        rows = [[*_who(o.tracked), o.tracked.item.due.isoformat() if o.tracked.item.due else "—"]
                for o in on_track]  # fmt: skip
        parts.append(
            f"## Still on track ({len(on_track)})\n\n"
            + table(["Postmortem", "#", "Action", "Owner", "Due"], rows)
        )
    skipped = [t for t in agenda if log.decided(t) is None]
    if skipped:
        rows = [_row(t, today) for t in skipped]
        parts.append(
            f"## Not reviewed this time ({len(skipped)})\n\n" + table(AGENDA_COLUMNS, rows)
        )
    return "\n\n".join(parts) + "\n"


def _who(tracked: TrackedAction) -> list[str]:
    item = tracked.item
    owner = plain_cell(item.owner) if plain(item.owner) else "—"
    return [plain_cell(tracked.entry.name), str(item.id), cell(item.action), owner]


def _completion(rate, total, last_week, trend, entries, today) -> list[str]:
    shown = f"{rate:.0%}" if rate is not None else "—"
    change = ""
    if rate is not None and last_week is not None:
        points = round((rate - last_week) * 100)
        change = f" ({points:+d} points on last week)" if points else " (as last week)"
    week_ago = today - dt.timedelta(days=7)
    rates = " · ".join(
        f"{end.isoformat()} {value:.0%}" if value is not None else f"{end.isoformat()} —"
        for end, value in trend
    )
    return [
        f"- Completion rate: {shown} of {total} action items done{change}",
        f"- Closed in the last 7 days: {closed_between(entries, week_ago, today)}",
        f"- Trend, week by week: {rates}",
    ]


def _escalated(log: ReviewLog, agenda: list[TrackedAction], today: dt.date) -> list[str]:
    """Items still open and overdue by a week or more after the review, by whom they go to."""
    out = []
    for stage in STAGES:
        if not stage.to_whom:
            continue
        items = [
            t for t in agenda if t.item.status.is_open and stage_of(t.days_overdue(today)) is stage
        ]
        if items:
            rows = [_row(t, today) for t in items]
            out.append(
                f"### To {stage.to_whom} ({stage.span}: {len(items)})\n\n"
                + table(AGENDA_COLUMNS, rows)
            )
    if not out:
        return []
    return ["## Escalations\n\nStill open and a week or more overdue after the review.", *out]


def summary_path(folder: Path, today: dt.date) -> Path:
    """Where the summary goes: ``review-DATE.md`` in the library folder, beside the
    postmortems (``-2``, ``-3``… when a review ran that day already)."""
    name = f"review-{today.isoformat()}"
    path = folder / f"{name}.md"
    number = 2
    while os.path.lexists(path):
        path = folder / f"{name}-{number}.md"
        number += 1
    return path
