"""What pmtui last wrote to each Markdown export, so that exporting again asks only when
someone else has changed the file since.

Kept in the user's cache (it means something only on this machine), as a digest of the text
written. Remembered in the app alone, it was lost with the app: the next day's first export
asked whether to replace a file pmtui itself had written (a tryout).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sessions.user_cache import read_note, write_note


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest().encode()


def is_ours(target: Path, text: str) -> bool:
    """Is ``text`` (the file's content now) what pmtui last exported to ``target``?"""
    return read_note("exports", target) == _digest(text)


def remember(target: Path, text: str) -> None:
    """``text`` was just exported to ``target``."""
    write_note("exports", target, _digest(text))


def would_lose(target: Path, text: str) -> bool:
    """Would writing ``text`` to ``target`` lose something: a file there that pmtui did not
    write last, or that was changed since (a reviewer's note added to the .md)? The app's
    ctrl+e asks then, and `pmtui export -o` wants --force. A file that can't be read (a
    folder, say) is left for the write to say what is wrong."""
    try:
        current = target.read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:  # not there, or a folder: nothing to lose, or the write says why
        return False
    return current != text and not is_ours(target, current)
