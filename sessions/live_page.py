"""What the attendees' live page shows, read from the session file alone.

The file is the only source of truth: the app autosaves the current section, the time spent
and, while the timer runs, the moment the count was taken (``meeting.running_since``), so
this works the same in a process of its own beside the app. While the timer runs the app
saves at least once a minute; a file that says "running" but has not been written for a
while belongs to an app that was closed or died, and the page says the meeting is paused.

``LivePage.refresh`` re-reads the file when its stat changes and renders it once per
change; readers get prepared bytes, so fifty of them polling cost a dictionary lookup each.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from sessions import limits
from sessions.document import DiskStamp
from sessions.errors import SessionFileError
from sessions.fileio import loads
from sessions.headline import incident_line, title_line
from sessions.markdown import to_markdown
from sessions.meeting_timer import PERSIST_EVERY, WARNING_SECONDS, gone_past
from sessions.models import AgendaSection, Session
from sessions.prose import MD
from sessions.safe_read import decode_utf8, read_regular_file
from sessions.template import GUIDE_TEMPLATE, Template
from sessions.textsafe import one_line, printable

STALE_AFTER = 2.5 * PERSIST_EVERY
"""Seconds after the last save that a "running" file is taken to be left by a closed app."""


def _ms(moment: dt.datetime | None) -> int | None:
    return None if moment is None else int(moment.timestamp() * 1000)


# --- the meeting: where we are and the clock ----------------------------------------------


def meeting_state(session: Session, saved_at: dt.datetime, now: dt.datetime) -> dict[str, Any]:
    """The header of the page: the title, the agenda (done/current/next) and the clock."""
    meeting = session.meeting
    agenda = meeting.agenda
    current = min(meeting.current, len(agenda) - 1) if agenda else -1
    running = meeting.running_since is not None
    stale = running and (now - saved_at).total_seconds() > STALE_AFTER
    section = agenda[current] if agenda else None
    return {
        "title": title_line(session),
        "incident": incident_line(session),
        "agenda": [
            {
                "title": one_line(s.title),
                "minutes": s.planned_minutes,
                "spent": s.spent_seconds,
                "state": _place(index, current),
            }
            for index, s in enumerate(agenda)
        ],
        "current": current,
        "clock": {
            "section": one_line(section.title) if section else "",
            "planned": section.planned_minutes * 60 if section else 0,
            "spent": section.spent_seconds if section else 0,
            # While running: the moment `spent` was counted up to; the page counts on.
            "since": _ms(meeting.running_since) if running and not stale else None,
            "stale": stale,
            "warning": WARNING_SECONDS,
            "revisit": _revisit(agenda, current),
        },
        "started_at": _ms(meeting.started_at),
        "ends_at": _ms(meeting.ends_at),
        "saved_at": _ms(saved_at),
    }


def _revisit(agenda: list[AgendaSection], current: int) -> bool:
    """Back in a section the meeting has gone past: once its plan is used up, the page shows
    the time beyond it as extra, as the facilitator's clock does (``extra_time``); the page
    counts the time on from the file, so it knows when."""
    return current >= 0 and gone_past(agenda, current)


def _place(index: int, current: int) -> str:
    if index < current:
        return "done"
    if index == current:
        return "current"
    return "next" if index == current + 1 else "later"


# --- the document: the export, as HTML, one piece per section -----------------------------


def document_html(markdown: str) -> list[dict[str, str]]:
    """The export as HTML in pieces, one per ``##`` section (the first holds the title), so
    the page replaces only the sections that changed and the reader's place stays put.

    User text is escaped: the parser has raw HTML off, and the export has made everything
    the user typed into safe Markdown already. The one tag the export writes itself, the
    ``<br>`` between lines of a table cell, is put back.
    """
    tokens = MD.parse(markdown)
    pieces: list[tuple[str, list[Token]]] = [("top", [])]
    seen: dict[str, int] = {}
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2" and token.level == 0:
            title = tokens[index + 1].content if index + 1 < len(tokens) else ""
            slug = "s-" + (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section")
            seen[slug] = seen.get(slug, 0) + 1
            pieces.append((slug if seen[slug] == 1 else f"{slug}-{seen[slug]}", []))
        pieces[-1][1].append(token)
    out = []
    for piece_id, piece in pieces:
        body = [t for t in piece if t.type != "hr" or t.level != 0]  # the export's separators
        html = MD.renderer.render(body, MD.options, {})
        html = html.replace("&lt;br&gt;", "<br>")
        html = html.replace("<a href=", '<a rel="noopener noreferrer" target="_blank" href=')
        out.append({"id": piece_id, "html": html})
    return out


# --- the file, watched --------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """What readers are served: the version and prepared JSON of each half of the page."""

    meeting_version: str
    meeting_json: bytes
    doc_version: str
    doc_json: bytes


class LivePage:
    """One session file, re-read and re-rendered when it changes on disk (thread-safe)."""

    def __init__(
        self,
        path: Path,
        template: Template = GUIDE_TEMPLATE,
        *,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.path = Path(path)
        self.template = template
        self.now = now
        self._boot = secrets.token_hex(4)  # versions of another run never match this one's
        self._count = 0
        self._lock = threading.Lock()
        self._stamp: DiskStamp | None = None
        self._session: Session | None = None
        self._saved_at = now()
        self._problem = ""
        self._meeting: dict[str, Any] = {}
        self._doc: list[dict[str, str]] = []
        self.snapshot = Snapshot("", b"{}", "", b"[]")
        self.refresh(strict=True)

    def refresh(self, *, strict: bool = False) -> bool:
        """Re-read the file if it changed, and let a "running" clock go stale; True when
        what readers get changed. ``strict``: a file that can't be read raises (at start)."""
        with self._lock:
            doc_changed = False
            stamp = DiskStamp.read(self.path)
            if stamp != self._stamp or self._session is None:
                self._stamp = stamp
                try:
                    raw = read_regular_file(self.path, limits.MAX_FILE_BYTES)
                    session = loads(decode_utf8(raw, self.path), self.path)
                except SessionFileError as error:
                    if strict:
                        raise
                    self._problem = f"The file can't be read now ({error}); shown as it was."
                else:
                    self._session, self._problem = session, ""
                    self._saved_at = self._mtime(stamp)
                    doc = document_html(printable(to_markdown(session, self.template)))
                    doc_changed = doc != self._doc
                    self._doc = doc
            assert self._session is not None
            meeting = meeting_state(self._session, self._saved_at, self.now())
            meeting["problem"] = one_line(self._problem)
            meeting_changed = meeting != self._meeting
            self._meeting = meeting
            if meeting_changed or doc_changed:
                self._publish(meeting=meeting_changed, doc=doc_changed)
            return meeting_changed or doc_changed

    def _mtime(self, stamp: DiskStamp | None) -> dt.datetime:
        if stamp is None:
            return self.now()
        return dt.datetime.fromtimestamp(stamp.mtime_ns / 1e9, dt.UTC)

    def _version(self) -> str:
        self._count += 1
        return f"{self._boot}.{self._count}"

    def _publish(self, *, meeting: bool, doc: bool) -> None:
        old = self.snapshot
        self.snapshot = Snapshot(
            meeting_version=self._version() if meeting else old.meeting_version,
            meeting_json=_json(self._meeting) if meeting else old.meeting_json,
            doc_version=self._version() if doc else old.doc_version,
            doc_json=_json(self._doc) if doc else old.doc_json,
        )

    def state(self, meeting_version: str = "", doc_version: str = "") -> bytes:
        """The JSON a reader polls for: only the halves newer than the ones it has, and the
        server's clock (the page counts down on it, whatever the reader's clock says)."""
        snap = self.snapshot
        out = [
            b'{"m":',
            _json(snap.meeting_version),
            b',"d":',
            _json(snap.doc_version),
            b',"now":',
            str(_ms(self.now())).encode(),
        ]
        if meeting_version != snap.meeting_version:
            out += [b',"meeting":', snap.meeting_json]
        if doc_version != snap.doc_version:
            out += [b',"doc":', snap.doc_json]
        out.append(b"}")
        return b"".join(out)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
