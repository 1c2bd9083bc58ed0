"""Big session files' parsed form, kept in the user's cache folder so they open without parsing.

``tomli``, compiled, reads about 7 MB a second here: a 10,000-event session (1.4 MB) takes
0.2 s to parse, the largest part of what opening it costs, while the same session validated
from JSON takes 0.06 s.
So a file of ``MIN_BYTES`` or more is kept here as JSON, beside the SHA-256 of the exact bytes
it stands for, when it is read and when pmtui writes it (from the session it wrote). A file
changed by anyone else has other bytes: its entry is not used, and is replaced when the file
is next read. A smaller file parses faster than its entry could be checked.

An entry is what the file would read as, or nothing:
- only a file that reads back is kept: within the limits, and of the current schema (a
  migration's result is not kept, so a fixed migration is never hidden by an old entry);
- the format names a digest of the code that decides what a file reads as (the models, the
  migrations, the limits, this module): another pmtui's entries are not used;
- the first line holds the format, the file's digest and a CRC-32 of the JSON after it, and
  is compared byte for byte: an entry cut short, damaged or hostile is turned away there, and
  is read only if it is a regular file of a session's size;
- a session holding an infinite or undefined SLO figure is not kept (JSON has no such number).

One entry per real path, in ``<cache folder>/sessions``, at most ``MAX_ENTRIES`` (the least
recently used go). An entry that can't be read or written is ignored: losing one costs one
slower open.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import os
import zlib
from pathlib import Path

from sessions import limits
from sessions.errors import SessionFileError
from sessions.models import SCHEMA_VERSION, Session
from sessions.safe_read import read_regular_file
from sessions.user_cache import cache_root, path_key, replace_file

MIN_BYTES = 128 * 1024
"""Files this big or bigger are kept (about 20 ms to parse; the example is 20 KB)."""

MAX_ENTRIES = 16
"""Entries kept at most; each is about 1.3 times its file."""

_PACKAGE = Path(__file__).parent


@functools.cache
def _format() -> bytes:
    """The entries' format: this module's, for this schema, and for this code."""
    sources = [*sorted((_PACKAGE / "models").glob("*.py"))]
    sources += [_PACKAGE / "migrations.py", _PACKAGE / "limits.py", Path(__file__)]
    code = hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()[:16]
    return f"pmtui-parsed-session 2/{SCHEMA_VERSION}/{code}".encode("ascii")


def entry_path(path: Path | str) -> Path:
    """Where the parsed form of the session file at ``path`` is kept (RuntimeError when the
    user has no home folder to keep it in)."""
    return cache_root() / "sessions" / f"{path_key(path)}.json"


def _header(raw: bytes, body: bytes) -> bytes:
    said = {"format": _format().decode(), "sha256": hashlib.sha256(raw).hexdigest()}
    return json.dumps({**said, "crc32": zlib.crc32(body)}).encode("ascii")


def recall(path: Path | str, raw: bytes) -> Session | None:
    """The session ``raw`` (the bytes of the file at ``path``) reads as, if it is kept."""
    if len(raw) < MIN_BYTES:
        return None
    try:
        entry = entry_path(path)
        kept = read_regular_file(entry, 2 * limits.MAX_FILE_BYTES)
        header, _, body = kept.partition(b"\n")
        if header != _header(raw, body):
            return None
        session = Session.model_validate_json(body)
        os.utime(entry)  # recently used
    except (OSError, RuntimeError, SessionFileError, ValueError):
        return None
    return session


def keep(path: Path | str, raw: bytes, session: Session) -> None:
    """Keep ``session`` as what the file at ``path``, holding ``raw``, reads as (the caller
    knows it does: see ``keep_written`` for a file just written)."""
    if len(raw) < MIN_BYTES or not _finite(session):
        return
    body = session.model_dump_json().encode("utf-8")
    with contextlib.suppress(OSError, RuntimeError):
        entry = entry_path(path)
        replace_file(entry, _header(raw, body) + b"\n" + body)
        _forget_old(entry.parent)


def keep_written(path: Path | str, text: str, session: Session) -> None:
    """Keep ``session``, whose TOML ``text`` was just written to ``path``, if the file will
    read back. The caller has found its document within the limits (`limits.check_document`);
    the text's own limits, which reading checks first, are looked at here."""
    raw = text.encode("utf-8")
    if len(raw) < MIN_BYTES:
        return
    try:
        limits.scan_toml(text, path)
    except SessionFileError:
        return
    keep(path, raw, session)


def _finite(session: Session) -> bool:
    """False when an SLO figure is infinite or undefined (JSON would write it as null); the
    other numbers of a session can't be (tests/test_parsed_cache.py checks the models)."""
    slo = session.impact.slo
    figures = (slo.error_budget_consumed_pct, slo.budget_remaining_pct)
    return all(figure is None or math.isfinite(figure) for figure in figures)


def _forget_old(folder: Path) -> None:
    """Remove the least recently used entries beyond ``MAX_ENTRIES``."""
    entries = sorted(folder.glob("*.json"), key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[:-MAX_ENTRIES]:
        entry.unlink(missing_ok=True)
