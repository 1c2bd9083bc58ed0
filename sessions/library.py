"""A folder of session files as a postmortem database: the entries, filters and action items.

No server: the folder (usually a git repository) is the database. Files that can't be read
are listed with their one-line error and never stop the rest from loading. Opening reads
through the index cache (``library_index``), so a library opened before costs about what
listing its files costs. Every list here has one order, whatever the run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sessions.checks.actions import escalation_stage
from sessions.errors import SessionFileError
from sessions.library_entry import ActionSummary, Entry
from sessions.library_index import Index, cache_path, index_folder
from sessions.models import ActionItem, ActionStatus

__all__ = [
    "ActionSummary",
    "Entry",
    "Filter",
    "Library",
    "TrackedAction",
    "close_item",
    "parse_query",
    "tracked_actions",
]


@dataclass
class Library:
    folder: Path
    entries: list[Entry] = field(default_factory=list)
    errors: list[SessionFileError] = field(default_factory=list)
    #: How the last open went (files parsed, summaries reused, the cache file).
    index: Index | None = None

    @classmethod
    def open(cls, folder: Path, *, cached: bool = True, cache_dir: Path | None = None) -> Library:
        """Every session below ``folder``; what could not be read (files, folders) in ``errors``.

        Through the index cache unless ``cached`` is False; ``cache_dir`` is where caches are
        kept (default: the user's cache folder, see ``library_index``).
        """
        folder = Path(folder)
        index = index_folder(folder, cache_path(folder, cache_dir) if cached else None)
        library = cls(folder, index.entries, index.errors, index)
        library.entries.sort(key=lambda e: (e.day, str(e.path)), reverse=True)
        return library

    @property
    def folder_problems(self) -> list[SessionFileError]:
        """The folders below the library that could not be searched."""
        return [e for e in self.errors if e.message.startswith("folder not searched")]

    def problem_summary(self) -> str:
        """ "2 files could not be read, 1 folder not searched" ("" when all went well)."""
        folders = len(self.folder_problems)
        files = len(self.errors) - folders
        parts = []
        if files:
            parts.append(f"{files} file{'s' if files != 1 else ''} could not be read")
        if folders:
            parts.append(f"{folders} folder{'s' if folders != 1 else ''} not searched")
        return ", ".join(parts)


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
        if self.severity and entry.severity.value != self.severity.upper():
            return False
        if self.status and entry.status.value.lower() != self.status.lower():
            return False
        if self.service and self.service.lower() not in (s.lower() for s in entry.services):
            return False
        if self.tag and self.tag.lower() not in (t.lower() for t in entry.tags):
            return False
        if self.category and self.category.lower() not in (c.lower() for c in entry.categories):
            return False
        day = entry.date
        if self.since and (day is None or day < self.since):
            return False
        if self.until and (day is None or day > self.until):
            return False
        return all(word in entry.text for word in self.text.lower().split())


QUERY_KEYS = {
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


def parse_query(query: str) -> Filter:
    """`service:checkout sev:SEV1 status:final tag:db cat:process since:2025-01-01 words…`."""
    fields: dict[str, object] = {}
    words = []
    for token in query.split():
        key, sep, value = token.partition(":")
        if sep and key.lower() in QUERY_KEYS and value:
            name = QUERY_KEYS[key.lower()]
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
    def item(self) -> ActionSummary:
        return self.entry.actions[self.index]

    def days_overdue(self, today: dt.date) -> int:
        """Days past due of an open item (0 in an archived postmortem: no longer chased)."""
        item = self.item
        if not item.status.is_open or item.due is None or item.due >= today:
            return 0
        if self.entry.archived:
            return 0
        return (today - item.due).days

    def escalation(self, today: dt.date) -> str:
        return escalation_stage(self.days_overdue(today))

    def addresses(self) -> str:
        """The factors it addresses, with their text: "F1 The pool had no alert"."""
        return "; ".join(f"{ref} {self.entry.factor(ref)}".strip() for ref in self.item.addresses)

    def sort_key(self, today: dt.date) -> tuple:
        """Most overdue first, then soonest due, then by file and id: one order every run."""
        item = self.item
        return (-self.days_overdue(today), item.due or dt.date.max, str(self.entry.path), item.id)

    def to_dict(self, today: dt.date) -> dict[str, object]:
        item = self.item
        return {
            "postmortem": str(self.entry.path),
            "incident_id": self.entry.incident_id,
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
        for index, item in enumerate(entry.actions):
            tracked = TrackedAction(entry, index)
            if owner and owner.lower().lstrip("@") not in item.owner.lower():
                continue
            if status and item.status.value.lower() != status.lower():
                continue
            if overdue and not tracked.days_overdue(today):
                continue
            out.append(tracked)
    out.sort(key=lambda t: t.sort_key(today))
    return out


def close_item(item: ActionItem, verification: str, today: dt.date) -> ActionItem:
    """Mark done with the verification (the guide: close completed items with verification)."""
    if not verification.strip():
        raise ValueError("say how the fix was verified before closing it")
    item.status = ActionStatus.DONE
    item.completed = today
    item.verification = verification.strip()
    return item
