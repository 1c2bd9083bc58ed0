"""Reading a file that may be hostile: only regular files, never blocking, never more than asked.

A FIFO, ``/dev/zero`` or a symlink to one named ``*.toml`` would block a plain ``read_bytes()``
forever or fill the memory; a symlink loop would be taken for a missing file. Here each is
one clear ``SessionFileError``.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from sessions.errors import SessionFileError

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a session file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a session file"),
    (stat.S_ISCHR, "is a character device, not a session file"),
    (stat.S_ISBLK, "is a block device, not a session file"),
    (stat.S_ISSOCK, "is a socket, not a session file"),
)

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)


def not_regular(mode: int) -> str:
    """Why a file of this mode is no session ("" for a regular file)."""
    if stat.S_ISREG(mode):
        return ""
    for test, why in _KINDS:
        if test(mode):
            return why
    return "is not a regular file"


def open_error(path: Path, error: OSError) -> SessionFileError:
    """The one-line error for a file that could not be opened or looked at."""
    if error.errno == errno.ENOENT:
        why = "a symlink to a missing file" if os.path.islink(path) else "no such file"
    elif error.errno == errno.ELOOP:
        why = "a symlink loop"
    elif error.errno in (errno.EACCES, errno.EPERM):
        why = "permission denied"
    elif error.errno == errno.ENOTDIR:
        why = "no such file (a part of the path is not a folder)"
    else:
        why = error.strerror or str(error)
    return SessionFileError(path, why)


def read_regular_file(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else is refused.

    The kind is checked before opening (opening some devices has effects) and again on the
    open descriptor (the path may have been swapped meanwhile); the open never blocks.
    """
    path = Path(path)
    try:
        why = not_regular(os.stat(path).st_mode)
        if why:
            raise SessionFileError(path, why)
        fd = os.open(path, _FLAGS)
    except OSError as error:
        raise open_error(path, error) from None
    try:
        info = os.fstat(fd)
        why = not_regular(info.st_mode)
        if why:
            raise SessionFileError(path, why)
        if info.st_size > limit:
            raise SessionFileError(path, too_large(info.st_size, limit))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while we read
            raise SessionFileError(path, too_large(size, limit))
        return b"".join(chunks)
    except OSError as error:
        raise SessionFileError(path, error.strerror or str(error)) from None
    finally:
        os.close(fd)


def too_large(size: int, limit: int) -> str:
    return f"too large: {_size(size)}, over the limit of {_size(limit)}"


def _size(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MiB"
    return f"{size / 1024:.0f} KiB" if size >= 1024 else f"{size} bytes"


def decode_utf8(raw: bytes, path: Path | str) -> str:
    """The text of a UTF-8 file; a byte-order mark (Windows editors write one) is dropped."""
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise SessionFileError(
            path, "not UTF-8 text (a session file is UTF-8 TOML)", line=line, column=column
        ) from None
