"""`pmtui actions` and `pmtui stats`: the library's weekly-review views on the command line."""

from __future__ import annotations

import argparse
import datetime as dt

from pmtui import output
from sessions.library import Library, stats, tracked_actions
from sessions.library_report import format_stats


def _open(args: argparse.Namespace) -> Library:
    library = Library.open(args.folder)
    for error in library.errors:
        output.error(error)
    return library


def run_actions(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    library = _open(args)
    items = tracked_actions(
        library.entries,
        today,
        owner=args.owner or "",
        status=args.status or "",
        overdue=args.overdue,
    )
    if args.format == "json":
        output.json_out([t.to_dict(today) for t in items])
        return _status(library)
    for tracked in items:
        item = tracked.item
        meta = tracked.entry.session.metadata
        late = tracked.days_overdue(today)
        when = (
            f"{late} days overdue ({tracked.escalation(today) or 'due'})"
            if late
            else (f"due {item.due}" if item.due else "no due date")
        )
        output.line(
            f"{meta.incident_id or tracked.entry.path.name} #{item.id} [{item.status.value}] "
            f"{item.owner or '(no owner)'}: {item.action} — {when}"
            + (f" — {item.ticket}" if item.ticket else "")
        )
    output.line(f"{len(items)} action item{'s' if len(items) != 1 else ''}")
    return _status(library)


def run_stats(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    library = _open(args)
    figures = stats(library.entries, today, since=args.since)
    if args.format == "json":
        output.json_out(figures)
        return _status(library)
    output.text(format_stats(figures))
    return _status(library)


def _status(library: Library) -> int:
    """2 when a file or folder could not be read (each was named on standard error)."""
    return 2 if library.errors else 0
