"""The session's file: what was read, what was written, and whether anyone else changed it.

The app never compares timestamps itself. It asks the document, which keeps the stat of the
file as it wrote it (taken before the rename, so no other write can slip in between) and the
digest of the bytes, and which does one thing at a time under a lock: a check for outside
changes can never see a half-finished save of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sessions import limits, parsed_cache
from sessions.errors import SessionFileError
from sessions.fileio import document_text, load_with_bytes, to_document, write_text_atomic
from sessions.models import Session
from sessions.safe_read import read_regular_file


class ChangedOnDisk(Exception):
    """The file is not what this document last read or wrote: someone else changed it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} changed on disk")
        self.path = path


@dataclass(frozen=True)
class DiskStamp:
    """Enough of a file's stat to notice a rewrite: inode (renames), times and size. The
    change time too: `cp -p` or `rsync -t` over the file restore the modification time,
    and a same-size rewrite would pass unseen (the disk's ctime can't be set back). Our own
    rename moves it as well: the next look reads the file once and sees our bytes."""

    inode: int
    mtime_ns: int
    ctime_ns: int
    size: int

    @classmethod
    def of(cls, stat: os.stat_result) -> DiskStamp:
        return cls(stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size)

    @classmethod
    def read(cls, path: Path) -> DiskStamp | None:
        try:
            return cls.of(path.stat())
        except OSError:
            return None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class SessionDocument:
    """One session file. Thread-safe: saves run in a worker while the UI checks the disk."""

    def __init__(self, path: Path, session: Session, raw: bytes) -> None:
        self.path = Path(path)
        self.session = session
        self._digest = _digest(raw)
        self._stamp = DiskStamp.read(self.path)
        self._lock = threading.Lock()
        self._tidied = False
        #: Other hard links the last save split from this file (they keep the old text).
        self.split_links = 0

    @classmethod
    def open(cls, path: Path | str) -> SessionDocument:
        """Read and parse once; SessionFileError says why a file can't be used."""
        session, raw = load_with_bytes(path)
        return cls(Path(path), session, raw)

    # --- outside changes ------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """True when the file is no longer what we read or wrote; False while a save runs
        (the save checks for itself)."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            return self._changed()
        finally:
            self._lock.release()

    def _changed(self) -> bool:
        stamp = DiskStamp.read(self.path)
        if stamp is not None and stamp == self._stamp:
            return False
        try:
            current = read_regular_file(self.path, limits.MAX_FILE_BYTES)
        except (OSError, SessionFileError):
            return True  # gone, unreadable or no longer a session-sized regular file
        if _digest(current) == self._digest:
            self._stamp = stamp  # touched, or rewritten with the same bytes
            return False
        return True

    # --- writing --------------------------------------------------------------------------

    def save(self, text: str, *, overwrite: bool = False) -> None:
        """Write ``text`` over the file; ChangedOnDisk unless it is still ours (or
        ``overwrite``); OSError when it can't be written (the caller keeps the edits)."""
        data = text.encode("utf-8")
        with self._lock:
            if not overwrite and self._changed():
                raise ChangedOnDisk(self.path)
            written = write_text_atomic(self.path, text, tidy=not self._tidied)
            self._tidied = True
            self._digest = _digest(data)
            self._stamp = DiskStamp.of(written.stat) if written.stat else None
            self.split_links = written.split_links

    def save_document(
        self, document: dict[str, Any], session: Session | None, *, overwrite: bool = False
    ) -> None:
        """``save`` the TOML of ``document``, made from ``session``, which is then kept as the
        file's parsed form if it is big (it opens without parsing: `sessions.parsed_cache`).
        ``session`` is None when the document is over the limits (the caller checked): it is
        written all the same, and the file is parsed when next read."""
        text = document_text(document)
        self.save(text, overwrite=overwrite)
        if session is not None:
            parsed_cache.keep_written(self.path, text, session)

    def save_session(self, session: Session, *, overwrite: bool = False) -> None:
        document = to_document(session)
        try:
            limits.check_document(document, self.path)
        except SessionFileError:
            session = None
        self.save_document(document, session, overwrite=overwrite)

    def copy_path(self, now: dt.datetime | None = None) -> Path:
        """Beside the file, named for the moment: ``incident.mine-20250117-150000.toml``."""
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        candidate = self.path.with_name(f"{self.path.stem}.mine-{stamp}{self.path.suffix}")
        n = 2
        while candidate.exists():
            candidate = self.path.with_name(f"{self.path.stem}.mine-{stamp}-{n}{self.path.suffix}")
            n += 1
        return candidate

    def write_copy(self, text: str, path: Path | None = None) -> Path:
        """Write ``text`` to a new file beside this one (never over an existing file)."""
        target = path or self.copy_path()
        write_text_atomic(target, text)
        return target

    def move_to(self, path: Path) -> None:
        """Go on editing ``path`` (a copy just written): it becomes the document's file."""
        with self._lock:
            raw = read_regular_file(Path(path), limits.MAX_FILE_BYTES)
            self.path = Path(path)
            self._digest = _digest(raw)
            self._stamp = DiskStamp.read(self.path)

    def reload(self) -> Session:
        """Read the file again and take it as ours; SessionFileError if it can't be used."""
        with self._lock:
            session, raw = load_with_bytes(self.path)
            self._digest = _digest(raw)
            self._stamp = DiskStamp.read(self.path)
        return session
