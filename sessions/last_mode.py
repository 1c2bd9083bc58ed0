"""The mode each session was last left in, so that it opens there again.

A file only drafted opened on the meeting's first section every time, and F3 was the first
key of every sitting (a tryout). Kept in the user's cache: where one person left a file means
nothing to the team that shares it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from sessions.user_cache import cache_root, path_key, replace_file

MODES = frozenset({"meeting", "drafting"})


def _record(path: Path) -> Path:
    return cache_root() / "modes" / path_key(path)


def last_mode(path: Path) -> str | None:
    """The mode ``path`` was last left in on this machine, if known."""
    try:
        mode = _record(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return mode if mode in MODES else None


def remember_mode(path: Path, mode: str) -> None:
    """``path`` is now shown in ``mode``. A cache that can't be written costs a key next
    time, nothing more."""
    if mode in MODES:
        with contextlib.suppress(OSError):
            replace_file(_record(path), mode.encode("ascii"))
