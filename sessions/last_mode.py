"""The mode each session was last left in (and drafting's part), so that it opens there again.

A file only drafted opened on the meeting's first section every time, and F3 was the first
key of every sitting (a tryout). Kept in the user's cache: where one person left a file means
nothing to the team that shares it.
"""

from __future__ import annotations

from pathlib import Path

from sessions.close_block import closed_on
from sessions.models import Session, Status
from sessions.user_cache import read_note, write_note

MODES = frozenset({"meeting", "drafting"})


def _noted(path: Path) -> tuple[str, str]:
    noted = read_note("modes", path)
    mode, _, part = (noted.decode("ascii", "replace") if noted else "").partition(":")
    return (mode, part) if mode in MODES else ("", "")


def last_mode(path: Path) -> str | None:
    """The mode ``path`` was last left in on this machine, if known."""
    return _noted(path)[0] or None


def last_part(path: Path) -> str | None:
    """The part drafting was last left on (a file reopened on Metadata: a tryout)."""
    return _noted(path)[1] or None


def remember_mode(path: Path, mode: str, part: str = "") -> None:
    """``path`` is now shown in ``mode`` (on ``part``, in drafting)."""
    if mode in MODES and part.isascii() and ":" not in part:
        write_note("modes", path, f"{mode}:{part}".encode() if part else mode.encode())


def first_mode(session: Session) -> str:
    """The mode for a file never left here: drafting for a document past its meeting (final,
    or its meeting closed), else the meeting (a draft, or one in review: the meeting is
    where it is reviewed). An imported final postmortem opened on the meeting's timeline
    review (a tryout)."""
    done = session.metadata.status is Status.FINAL or closed_on(session.meeting)
    return "drafting" if done else "meeting"
