"""Saving a file so that no crash, kill or full disk leaves it half-written, and nothing is
replaced that should not be.

The text goes to a temporary file in the same folder, is flushed to disk, and is renamed over
the file; the folder is flushed too. Around that:

* a symlink is followed: its target is written and the link stays a link;
* a read-only file (no write bit, or not writable by us) or a folder we can't write in is
  not touched: ``ReadOnlyFileError`` is raised, so the caller can offer to save elsewhere;
* a file with other hard links is saved as a new file (renaming is what makes the save safe),
  so the other names keep the old text: ``Written.split_links`` says how many, to tell once;
* permissions (and, where allowed, owner and group) are kept;
* temporary files left by saves that were killed are removed on the next save: those of a
  process on this machine that is gone, or any older than ``STALE_AFTER``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import socket
import stat
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

STALE_AFTER = 60.0
"""Seconds after which any temporary file of ours is an orphan: a save takes milliseconds."""

_HOST = f"{zlib.crc32(socket.gethostname().encode()):08x}"


class ReadOnlyFileError(PermissionError):
    """The file is read-only, or its folder does not let us create the new version: nothing
    was written. An ``OSError`` (``errno.EACCES``), so existing handlers still catch it."""

    def __init__(self, path: Path, why: str = "read-only file: not replaced") -> None:
        super().__init__(errno.EACCES, why, str(path))


@dataclass(frozen=True)
class Written:
    """What a save did."""

    path: Path
    """The file written: the target of a symlink, an absolute path."""
    split_links: int = 0
    """Other hard links to the file before the save; they keep the old text."""
    stat: os.stat_result | None = None
    """The new file's stat, taken before the rename (which keeps inode and mtime), so a
    caller can tell its own write from any write that comes after it."""


def write_text_atomic(path: Path | str, text: str, *, tidy: bool = True) -> Written:
    """Write ``text`` (UTF-8) to ``path`` atomically; see the module for what is kept.
    ``tidy``: also remove what killed saves of it left (a look through the whole folder:
    a document that saves every few seconds does it on its first save only)."""
    target = resolve_target(Path(path))
    try:
        before: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        before = None
    if before is not None and is_read_only(target, before):
        raise ReadOnlyFileError(target)
    folder = target.parent
    fd, temp = _create_temp(folder, target.name, before)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
            written = os.fstat(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _fsync_folder(folder)
    if tidy:
        remove_stale_temps(folder, target.name)
    return Written(target, before.st_nlink - 1 if before is not None else 0, written)


def resolve_target(path: Path) -> Path:
    """The file a save to ``path`` must write: symlinks followed, even to a missing target.
    A symlink loop raises ``OSError`` (``errno.ELOOP``)."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(path))


def is_read_only(path: Path, info: os.stat_result) -> bool:
    """No write permission bit at all (which even root respects here), or none for us."""
    return not info.st_mode & 0o222 or not os.access(path, os.W_OK)


def _create_temp(folder: Path, name: str, before: os.stat_result | None) -> tuple[int, Path]:
    """A new temporary file named ``.NAME.HOST-PID-RANDOM.tmp``: the name says whose it is."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temp = folder / f".{name}.{_HOST}-{os.getpid()}-{secrets.token_hex(4)}.tmp"
        try:
            # A new file gets 0666 less the umask, as any file the user creates would.
            fd = os.open(temp, flags, 0o600 if before is not None else 0o666)
            break
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise ReadOnlyFileError(folder, "folder not writable: nothing saved") from None
            raise
    if before is not None:
        try:
            os.fchmod(fd, stat.S_IMODE(before.st_mode))
            with contextlib.suppress(OSError):  # only root (or the owner, for the group) may
                os.fchown(fd, before.st_uid, before.st_gid)
        except BaseException:
            os.close(fd)
            os.unlink(temp)
            raise
    return fd, temp


def remove_stale_temps(folder: Path, name: str) -> list[Path]:
    """Remove the orphaned temporary files of saves of ``name`` that were killed; the removed.

    Only files named like ours; a live save's file (its process is running, and it is young)
    is left alone.
    """
    prefix, removed = f".{name}.", []
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix)]
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.endswith(".tmp"):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if _orphaned(entry.name[len(prefix) : -len(".tmp")], age):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already (another save cleaned it), or not ours to remove
    return removed


def _orphaned(tag: str, age: float) -> bool:
    host, _, rest = tag.partition("-")
    pid = rest.partition("-")[0]
    if age > STALE_AFTER:
        return True
    return host == _HOST and pid.isdigit() and not _running(int(pid))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process, or not a pid we can ask about
    return True


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
