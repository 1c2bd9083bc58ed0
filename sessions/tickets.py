"""Tickets for open action items, made by the team's own tools: pmtui holds no token and
reaches no network.

``jira_csv``: a CSV for Jira's CSV importer as it is (its column names, its default date
format ``dd/MMM/yy h:mm a``, one ``Labels`` column per label, every field quoted).
``gh_script``: a shell script of ``gh issue create`` commands that stores each new issue's
URL back on its item with ``pmtui actions link``. Both describe each item with a link back to
its postmortem (the path in the library, or a URL under ``link_base``).
"""

from __future__ import annotations

import csv
import io
import re
import shlex
from pathlib import Path
from urllib.parse import quote

from sessions.library import TrackedAction
from sessions.textsafe import one_line, printable

JIRA_PRIORITY = {"P1": "High", "P2": "Medium", "P3": "Low"}
"""pmtui's P1–P3 as Jira's default priority names (Highest and Lowest are left unused)."""

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

SUMMARY_LIMIT = 255
"""Jira's longest summary."""

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""Cell starts a spreadsheet runs as a formula (the CSV may be opened in one before Jira)."""

_HANDLE = re.compile(r"@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))")


def postmortem_link(tracked: TrackedAction, folder: Path, link_base: str = "") -> str:
    """Where the item's postmortem is: its path in the library, under ``link_base`` if given."""
    try:
        relative = tracked.entry.path.relative_to(folder).as_posix()
    except ValueError:
        relative = tracked.entry.path.as_posix()
    if link_base:
        return link_base.rstrip("/") + "/" + quote(relative)
    return relative


def title(tracked: TrackedAction) -> str:
    """ "[INC-4211] Add migration check to deployment pipeline", on one line, Jira's length."""
    said = one_line(f"[{tracked.entry.name}] {tracked.item.action}")
    return said if len(said) <= SUMMARY_LIMIT else said[: SUMMARY_LIMIT - 1] + "…"


def description(tracked: TrackedAction, link: str) -> str:
    """The ticket's body: the item, why it exists, and the way back to the postmortem."""
    item, entry = tracked.item, tracked.entry
    lines = [
        printable(item.action),
        "",
        f"Action item {item.id} of the postmortem {one_line(entry.name)}"
        + (f" ({one_line(entry.title)})" if entry.title else "")
        + (f", {entry.date.isoformat()}" if entry.date else "")
        + ".",
        f"Postmortem: {link}",
    ]
    facts = [
        ("Owner", item.owner),
        ("Due", item.due.isoformat() if item.due else ""),
        ("Priority", item.priority),
        ("Type", item.type),
        ("Addresses", tracked.addresses()),
    ]
    lines += [f"{name}: {one_line(value)}" for name, value in facts if value]
    lines += [
        "",
        "Close it with how the fix was verified (the guide: close completed items with "
        "verification).",
    ]
    return "\n".join(lines)


def labels(tracked: TrackedAction) -> list[str]:
    """ "postmortem", the incident, the action's type: words without spaces (Jira's rule)."""
    found = ["postmortem", tracked.entry.name, tracked.item.type.lower()]
    out: list[str] = []
    for label in found:
        label = re.sub(r"\s+", "-", one_line(label).strip())
        if label and label not in out:
            out.append(label)
    return out


def jira_date(day) -> str:
    """Jira's default CSV date format, ``dd/MMM/yy h:mm a``, in English whatever the locale."""
    return f"{day.day:02d}/{MONTHS[day.month - 1]}/{day.year % 100:02d} 12:00 AM"


def jira_csv(items: list[TrackedAction], folder: Path, *, link_base: str = "") -> str:
    """The items as rows for Jira's CSV importer (see the module docstring)."""
    every = [labels(t) for t in items]
    width = max((len(found) for found in every), default=1)
    header = ["Summary", "Issue Type", "Description", "Assignee", "Due Date", "Priority"]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header + ["Labels"] * width)
    for tracked, found in zip(items, every, strict=True):
        item = tracked.item
        row = [
            title(tracked),
            "Task",
            description(tracked, postmortem_link(tracked, folder, link_base)),
            item.owner.strip().removeprefix("@"),
            jira_date(item.due) if item.due else "",
            JIRA_PRIORITY.get(item.priority, ""),
        ]
        writer.writerow([_inert(cell) for cell in row + found + [""] * (width - len(found))])
    return out.getvalue()


def _inert(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA) else cell


def gh_script(
    items: list[TrackedAction], folder: Path, *, link_base: str = "", pmtui: str = "pmtui"
) -> str:
    """A bash script that opens one GitHub issue per item and links it back to the item."""
    every = sorted({label for t in items for label in labels(t)})
    lines = [
        "#!/usr/bin/env bash",
        f"# {len(items)} GitHub issue(s) for open action items of the postmortem library",
        f"# {one_line(str(folder))}, written by `pmtui actions --format gh`.",
        "# Run it in a clone of the repository the issues belong in (or set GH_REPO=owner/name).",
        "# Each new issue's URL is stored on its action item with `pmtui actions link`; after a",
        "# partial run, write the script again: items that have a ticket are left out.",
        "set -u -o pipefail",
        f'PMTUI="${{PMTUI:-{pmtui}}}"',
        "failed=0",
    ]
    if every:
        quoted = " ".join(shlex.quote(label) for label in every)
        lines.append(
            f'for label in {quoted}; do gh label create "$label" >/dev/null 2>&1 || true; done'
        )
    for tracked in items:
        item = tracked.item
        body = description(tracked, postmortem_link(tracked, folder, link_base))
        command = [
            "gh issue create",
            f"--title {shlex.quote(title(tracked))}",
            f"--body {shlex.quote(body)}",
        ]
        command += [f"--label {shlex.quote(label)}" for label in labels(tracked)]
        handle = _HANDLE.fullmatch(item.owner.strip())
        if handle:
            command.append(f"--assignee {shlex.quote(handle.group(1))}")
        where = shlex.quote(str(tracked.entry.path.resolve()))
        lines += [
            "",
            f"# {one_line(tracked.entry.name)} action {item.id}",
            f"if url=$({' '.join(command)}); then",
            f'  "$PMTUI" actions link {where} {item.id} "$url" || failed=1',
            "else",
            f"  echo {shlex.quote(f'not created: {title(tracked)}')} >&2; failed=1",
            "fi",
        ]
    lines += ["", 'exit "$failed"', ""]
    return "\n".join(lines)
