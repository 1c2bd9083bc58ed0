"""Big session files' parsed form, kept in the user's cache folder so they open without parsing.

``tomllib`` reads about 3 MB a second here: a 10,000-event session (1.4 MB) takes 0.4 s to
parse, most of what opening it costs, while the same session validated from JSON takes 0.06 s.
So a file of ``MIN_BYTES`` or more is kept here as JSON, beside the SHA-256 of the exact bytes
it stands for, when it is read and when pmtui writes it (from the session it wrote). A file
changed by anyone else has other bytes: its entry is not used, and is replaced when the file
is next read. A smaller file parses faster than its entry could be checked.

One entry per real path, in ``<cache folder>/sessions``. The first line says the format, the
digest of the file and a CRC-32 of the JSON after it: an entry cut short or damaged is
detected there, and the JSON is validated like any input. An entry that can't be read or
written is ignored: losing one costs one slower open.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import zlib
from pathlib import Path

from pydantic import ValidationError

from sessions.models import SCHEMA_VERSION, Session
from sessions.user_cache import cache_root, path_key, replace_file

MIN_BYTES = 128 * 1024
"""Files this big or bigger are kept (about 40 ms to parse; the example is 20 KB)."""

FORMAT = f"pmtui-parsed-session 1/{SCHEMA_VERSION}"
"""Written first in an entry: an entry of another format is not read."""


def entry_path(path: Path | str) -> Path:
    """Where the parsed form of the session file at ``path`` is kept."""
    return cache_root() / "sessions" / f"{path_key(path)}.json"


def _header(raw: bytes, body: bytes) -> dict:
    return {"format": FORMAT, "sha256": hashlib.sha256(raw).hexdigest(), "crc32": zlib.crc32(body)}


def recall(path: Path | str, raw: bytes) -> Session | None:
    """The session ``raw`` (the bytes of the file at ``path``) parses to, if it is kept."""
    if len(raw) < MIN_BYTES:
        return None
    try:
        entry = entry_path(path).read_bytes()
    except OSError:
        return None
    header, _, body = entry.partition(b"\n")
    try:
        if json.loads(header) != _header(raw, body):
            return None
        return Session.model_validate_json(body)
    except (ValueError, ValidationError):
        return None


def keep(path: Path | str, raw: bytes, session: Session) -> None:
    """Keep ``session`` as what the file at ``path``, holding ``raw``, parses to."""
    if len(raw) < MIN_BYTES:
        return
    body = session.model_dump_json().encode("utf-8")
    header = json.dumps(_header(raw, body)).encode("ascii")
    with contextlib.suppress(OSError):
        replace_file(entry_path(path), header + b"\n" + body)
