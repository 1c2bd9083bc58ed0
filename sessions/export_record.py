"""What pmtui last wrote to each Markdown export, so that exporting again asks only when
someone else has changed the file since.

Kept in the user's cache (it means something only on this machine), as a digest of the text
written. Remembered in the app alone, it was lost with the app: the next day's first export
asked whether to replace a file pmtui itself had written (a tryout).
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from sessions.user_cache import cache_root, path_key, replace_file


def _record(target: Path) -> Path:
    return cache_root() / "exports" / path_key(target)


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest().encode()


def is_ours(target: Path, text: str) -> bool:
    """Is ``text`` (the file's content now) what pmtui last exported to ``target``?"""
    try:
        return _record(target).read_bytes() == _digest(text)
    except OSError:
        return False


def remember(target: Path, text: str) -> None:
    """``text`` was just exported to ``target``. A cache that can't be written costs a
    question next time, nothing more."""
    with contextlib.suppress(OSError):
        replace_file(_record(target), _digest(text))
