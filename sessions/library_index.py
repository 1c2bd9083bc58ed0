"""The library's index: every session below a folder, summarised, with a cache of the summaries.

Parsing is what opening a library costs (about a millisecond a session); listing the files
costs a few microseconds each. The cache keeps each file's summary (``library_entry``) with
the file's stamp — size, modification time, change time and inode, from the one ``stat``
the listing needs anyway — and a file is parsed again whenever its stamp differs. Change
time and inode catch what size and mtime alone miss: a file replaced by a copy that kept
its mtime (``cp -p``, ``rsync -t``, a ``touch -d``) or made readable again by ``chmod``.

A file changed within ``RACY_SECONDS`` of the listing is not cached (it is read again next
time): its next change could land in the same clock tick and leave the stamp as it was.

Where: in the user's cache folder (``$XDG_CACHE_HOME/pmtui/library``, else
``~/.cache/pmtui/library``), one file per library folder, named by a hash of its real path.
Not in the library folder: that is the team's git repository (a cache there would show in
``git status``, conflict on every merge and go stale on every pull), it may be read-only or
shared, and the stamps it keeps mean something only on this machine. Losing the cache costs
one slower open; a cache that can't be read or written is ignored (it is rebuilt).
"""

from __future__ import annotations

import json
import os
import stat
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from sessions.collector import collector_paused
from sessions.errors import SessionFileError
from sessions.fileio import load
from sessions.folder import session_files
from sessions.library_entry import RECORD_FIELDS, RECORD_VERSION, Entry, to_record
from sessions.models import SCHEMA_VERSION
from sessions.safe_read import open_error
from sessions.user_cache import cache_root, path_key, replace_file

RACY_SECONDS = 2.0
"""Files changed this recently are read again on the next open (see the module docstring)."""

FORMAT = f"pmtui-library-index {RECORD_VERSION}/{SCHEMA_VERSION}"
"""Written first in the cache: a cache of another format is rebuilt, not read."""


def cache_home() -> Path:
    """The user's cache folder for library indexes (XDG base directory rules)."""
    return cache_root() / "library"


def cache_path(folder: Path, home: Path | None = None) -> Path:
    """The cache file for the library in ``folder`` (one per real folder path)."""
    return (home or cache_home()) / f"{path_key(folder)}.json"


@dataclass
class Index:
    """What an open found: the entries, what could not be read, and how it was done."""

    entries: list[Entry] = field(default_factory=list)
    errors: list[SessionFileError] = field(default_factory=list)
    #: Files parsed this time, and files whose summary came from the cache.
    parsed: int = 0
    reused: int = 0
    #: The cache file used, or None when caching is off; why it could not be used, if so.
    cache: Path | None = None
    cache_problem: str = ""


def index_folder(folder: Path, cache: Path | None) -> Index:
    """Every session below ``folder``, parsing only files the cache ``cache`` doesn't hold as
    they are now; the cache is rewritten when anything changed (``None``: no cache)."""
    with collector_paused():  # summaries hold no cycles: see sessions.collector
        return _index(folder, cache)


def _index(folder: Path, cache: Path | None) -> Index:
    found = session_files([folder])
    index = Index(errors=list(found.problems), cache=cache)
    old = _read_cache(cache, index) if cache is not None else {}
    new: dict[str, list] = {}
    racy_after = time.time_ns() - int(RACY_SECONDS * 1e9)
    prefix = len(os.path.join(folder, ""))
    for path in found.files:
        key = str(path)[prefix:]  # the walk gives paths below ``folder``
        try:
            info = os.stat(path)
        except OSError as error:
            index.errors.append(open_error(path, error))
            continue
        stamp = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
        kept = old.get(key)
        if type(kept) is list and kept[0] == stamp and _remember(path, kept[1], index):
            new[key] = kept
            index.reused += 1
            continue
        record = _parse(path, index)
        index.parsed += 1
        if stat.S_ISREG(info.st_mode) and max(info.st_mtime_ns, info.st_ctime_ns) < racy_after:
            new[key] = [stamp, record]
    if cache is not None and (index.parsed or new.keys() != old.keys()):
        _write_cache(cache, new, index)
    return index


def _parse(path: Path, index: Index) -> list:
    """Read and summarise one file; its record for the cache (an entry or an error)."""
    try:
        record = to_record(load(path))
    except SessionFileError as error:
        index.errors.append(error)
        return ["error", error.message, error.line, error.column, error.field]
    index.entries.append(Entry(path, record))
    return ["entry", record]


def _remember(path: Path, record: list, index: Index) -> bool:
    """Add what a cached record says about ``path``; False if it is not a record."""
    try:
        kind, *rest = record
        if kind == "entry" and type(rest[0]) is list and len(rest[0]) == RECORD_FIELDS:
            index.entries.append(Entry(path, rest[0]))  # decoded as it is read
            return True
        if kind == "error":
            message, line, column, where = rest
            index.errors.append(
                SessionFileError(path, message, line=line, column=column, field=where)
            )
            return True
    except (TypeError, ValueError, KeyError):  # a record of an older pmtui that kept FORMAT
        pass
    return False


def _read_cache(cache: Path, index: Index) -> dict[str, list]:
    """The cached records by file, or {} when there is no usable cache (it is rebuilt).

    The first line is a header with the format and a CRC-32 of the rest: a cache cut short,
    damaged or edited by hand is detected there, before any record is trusted.
    """
    try:
        with open(cache, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return {}
    except OSError as error:
        index.cache_problem = f"cache not read: {error.strerror or error}; rebuilt"
        return {}
    header, _, body = raw.partition(b"\n")
    try:
        said = json.loads(header)
        if said != {"format": FORMAT, "crc32": zlib.crc32(body)}:
            raise ValueError("another format, or damaged")
        files = json.loads(body)
        if not isinstance(files, dict):
            raise ValueError("not a cache")
    except ValueError as error:
        index.cache_problem = f"cache not used ({error}); rebuilt"
        return {}
    return files


def _write_cache(cache: Path, records: dict[str, list], index: Index) -> None:
    # ASCII: a file name that is not UTF-8 holds lone surrogates, which only escapes can carry
    body = json.dumps(records, separators=(",", ":")).encode("ascii")
    header = json.dumps({"format": FORMAT, "crc32": zlib.crc32(body)}).encode("ascii")
    try:
        replace_file(cache, header + b"\n" + body)
    except OSError as error:
        index.cache_problem = f"cache not written: {error.strerror or error}"
