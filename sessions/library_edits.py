"""The library's two writes: closing an action item in its file, and creating a new postmortem.

The library reads every file once; a file may change on disk afterwards (a teammate's pull,
the app). Closing an item therefore re-reads the file, applies only that change, and writes
it only if the file did not change meanwhile. Both writes say what went wrong in a
``LibraryEditError`` the screen shows; nothing here raises anything else for a disk problem.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sessions.atomic import is_read_only
from sessions.errors import SessionFileError
from sessions.fileio import load, save
from sessions.library import Entry, close_action
from sessions.models import ActionItem, Metadata, Session
from sessions.safe_read import open_error


class LibraryEditError(Exception):
    """A change the library could not make; ``str()`` is the message to show."""


def close_action_on_disk(entry: Entry, index: int, verification: str, today: dt.date) -> ActionItem:
    """Close ``entry``'s action item ``index`` in the file as it is on disk now.

    On success ``entry.session`` becomes the file's session with the item closed (so an edit
    made on disk since the library was read is kept, and shown). If the item is no longer in
    the file as the library showed it, or the file changes while we write, nothing is written.
    """
    shown = entry.session.action_items[index]
    try:
        stamp = _stamp(entry.path)
        session = load(entry.path)
    except OSError as error:
        error = open_error(entry.path, error)
        raise LibraryEditError(f"{entry.path.name} can't be read now: {error.message}") from None
    except SessionFileError as error:
        raise LibraryEditError(f"{entry.path.name} can't be read now: {error.message}") from None
    matches = [
        i
        for i, item in enumerate(session.action_items)
        if item.id == shown.id and item.action == shown.action
    ]
    if not matches:
        raise LibraryEditError(
            f"{entry.path.name} changed on disk: action {shown.id} is not there as shown; "
            "reload the library"
        )
    if not session.action_items[matches[0]].status.is_open:
        raise LibraryEditError(f"action {shown.id} is already closed in {entry.path.name}")
    try:
        item = close_action(Entry(entry.path, session), matches[0], verification, today)
    except ValueError as error:
        raise LibraryEditError(str(error)) from None
    try:
        if _stamp(entry.path) != stamp:
            raise LibraryEditError(f"{entry.path.name} changed on disk just now; try again")
        save(session, entry.path)
    except OSError as error:
        raise LibraryEditError(f"{entry.path.name} not saved: {_why(error)}") from None
    entry.session = session
    return item


def create_in_library(folder: Path, name: str, metadata: Metadata) -> Path:
    """A new session file ``name`` (``.toml`` added) in ``folder`` or a sub-folder of it.

    Refused: a name outside the folder (``../x``, an absolute path, a symlinked sub-folder that
    leads elsewhere), a hidden name (the library would not list it), a sub-folder that does
    not exist, a read-only folder, and a file that exists already (never overwritten).
    """
    name = name.strip()
    if not name:
        raise LibraryEditError("give the file a name")
    relative = Path(name if name.endswith(".toml") else f"{name}.toml")
    if relative.is_absolute() or ".." in relative.parts:
        raise LibraryEditError(f"{name}: the file must be inside the library folder")
    if any(part.startswith(".") for part in relative.parts):
        raise LibraryEditError(f"{name}: a hidden name would not show in the library")
    path = folder / relative
    parent = path.parent
    if not parent.is_dir():
        raise LibraryEditError(f"{relative.parent}: no such folder in the library")
    if not parent.resolve().is_relative_to(folder.resolve()):
        raise LibraryEditError(f"{relative.parent}: leads outside the library folder")
    if is_read_only(parent, parent.stat()):
        raise LibraryEditError(f"{parent}: the folder is read-only")
    try:
        # Claim the name first, so that a file created meanwhile is never overwritten.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise LibraryEditError(f"{relative} already exists") from None
    except OSError as error:
        raise LibraryEditError(f"{relative} not created: {_why(error)}") from None
    try:
        save(Session(metadata=metadata), path)
    except OSError as error:
        path.unlink(missing_ok=True)
        raise LibraryEditError(f"{relative} not created: {_why(error)}") from None
    return path


def _stamp(path: Path) -> tuple[int, int, int]:
    info = os.stat(path)
    return info.st_ino, info.st_size, info.st_mtime_ns


def _why(error: OSError) -> str:
    return error.strerror or str(error)
