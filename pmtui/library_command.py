"""`pmtui actions`, `pmtui actions link` and `pmtui stats`: the library on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
from collections import Counter
from collections.abc import Callable

from pmtui import output
from sessions.library import Library, TrackedAction, tracked_actions
from sessions.library_report import format_stats
from sessions.library_stats import stats
from sessions.wording import counted


def _open(args: argparse.Namespace) -> Library:
    library = Library.open(args.folder)
    for error in library.errors:
        output.error(error)
    return library


def run_actions(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    library = _open(args)
    if args.format in ("markdown", "csv", "gh"):
        _review_formats(args, library, today)
        return _status(library)
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
    label = _labeller(library)
    for tracked in items:
        output.line(_one_line(tracked, today, label(tracked)))
    output.line(f"{len(items)} action item{'s' if len(items) != 1 else ''}")
    return _status(library)


def _labeller(library: Library) -> Callable[[TrackedAction], str]:
    """An item's postmortem by its incident id, and by its file too where two files share the
    id (a copy, a draft beside the final): their lines had read the same."""
    shared = Counter(entry.incident_id for entry in library.entries if entry.incident_id)

    def label(tracked: TrackedAction) -> str:
        entry = tracked.entry
        if not entry.incident_id:
            return entry.path.name
        if shared[entry.incident_id] == 1:
            return entry.incident_id
        try:
            where = entry.path.relative_to(library.folder)
        except ValueError:  # reached through a linked folder
            where = entry.path
        return f"{entry.incident_id} ({where})"

    return label


def _one_line(tracked: TrackedAction, today: dt.date, label: str) -> str:
    item = tracked.item
    late = tracked.days_overdue(today)
    when = (
        f"{late} days overdue ({tracked.escalation(today) or 'due'})"
        if late
        else (f"due {item.due}" if item.due else "no due date")
    )
    return (
        f"{label} #{item.id} "
        f"[{item.status.value}] {item.owner or '(no owner)'}: {item.action} — {when}"
        + (f" — {item.ticket}" if item.ticket else "")
    )


def _review_formats(args: argparse.Namespace, library: Library, today: dt.date) -> None:
    """The review's agenda in Markdown, or its items without a ticket as tickets to make."""
    from sessions.review import review_agenda

    agenda = review_agenda(library.entries, today, owner=args.owner or "", overdue=args.overdue)
    if args.status:
        agenda = [t for t in agenda if t.item.status.value.lower() == args.status.lower()]
    if args.format == "markdown":
        from sessions.review_report import agenda_markdown

        output.text(agenda_markdown(agenda, library.folder, today))
        return
    from sessions.tickets import gh_script, jira_csv

    linked = [t for t in agenda if t.item.ticket]
    wanted = [t for t in agenda if not t.item.ticket]
    if linked:
        verb = "has" if len(linked) == 1 else "have"
        output.note(f"{counted(len(linked), 'open item')} already {verb} a ticket: left out")
    make = jira_csv if args.format == "csv" else gh_script
    output.text(make(wanted, library.folder, link_base=args.link_base))


def run_link(args: argparse.Namespace) -> int:
    """`pmtui actions link FILE ID TICKET`."""
    from sessions.library_edits import LibraryEditError, link_ticket_in_file

    try:
        item = link_ticket_in_file(args.file, args.id, args.ticket)
    except LibraryEditError as error:
        output.error(error)
        return 2
    if item.ticket:
        output.note(f"{args.file}: action {item.id} → {item.ticket}")
    else:
        output.note(f"{args.file}: action {item.id} has no ticket now")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    library = _open(args)
    figures = stats(library.entries, today, since=args.since)
    if args.format == "json":
        output.json_out(figures)
        return _status(library)
    width = args.width or shutil.get_terminal_size((80, 24)).columns
    output.text(format_stats(figures, width))
    return _status(library)


def _status(library: Library) -> int:
    """2 when a file or folder could not be read (each was named on standard error)."""
    return 2 if library.errors else 0
