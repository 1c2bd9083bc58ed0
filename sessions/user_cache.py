"""The user's cache folder, and how pmtui writes a file there.

Caches live in ``$XDG_CACHE_HOME/pmtui`` (else ``~/.cache/pmtui``), never beside the sessions:
a session folder is the team's git repository, and what a cache keeps means something only on
this machine. Losing a cache costs one slower open, so its writes are not synced to disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path


def cache_root() -> Path:
    """pmtui's cache folder (XDG base directory rules)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "pmtui"


def path_key(path: Path | str) -> str:
    """A cache file name for ``path``: one per real path, whatever name it was opened by."""
    real = os.path.realpath(path)
    return hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:24]


def replace_file(path: Path, data: bytes) -> None:
    """Replace the file in one rename (the folder made if need be). Not synced to disk: a
    cache a crash cuts short fails its check and is rebuilt."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def read_note(kind: str, path: Path | str) -> bytes | None:
    """What pmtui last noted of ``path`` under ``kind`` (the last export, the last mode), or
    None if nothing is noted or the cache can't be read."""
    try:
        return (cache_root() / kind / path_key(path)).read_bytes()
    except OSError:
        return None


def write_note(kind: str, path: Path | str, data: bytes) -> None:
    """Note ``data`` of ``path`` under ``kind``. A cache that can't be written costs what
    the note saves (a question, a key), nothing more."""
    with contextlib.suppress(OSError):
        replace_file(cache_root() / kind / path_key(path), data)
