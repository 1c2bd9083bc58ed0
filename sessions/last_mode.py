"""The mode each session was last left in, so that it opens there again.

A file only drafted opened on the meeting's first section every time, and F3 was the first
key of every sitting (a tryout). Kept in the user's cache: where one person left a file means
nothing to the team that shares it.
"""

from __future__ import annotations

from pathlib import Path

from sessions.user_cache import read_note, write_note

MODES = frozenset({"meeting", "drafting"})


def last_mode(path: Path) -> str | None:
    """The mode ``path`` was last left in on this machine, if known."""
    noted = read_note("modes", path)
    mode = noted.decode("ascii", "replace") if noted else None
    return mode if mode in MODES else None


def remember_mode(path: Path, mode: str) -> None:
    """``path`` is now shown in ``mode``."""
    if mode in MODES:
        write_note("modes", path, mode.encode("ascii"))
