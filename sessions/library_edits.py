"""The library's writes: changing one action item in its file (closing it, linking a ticket,
a review's decision), and creating a new postmortem.

The library reads every file once; a file may change on disk afterwards (a teammate's pull,
the app). Changing an item therefore re-reads the file, applies only that change, and writes
it only if the file did not change meanwhile. Every write says what went wrong in a
``LibraryEditError`` the screen shows; nothing here raises anything else for a disk problem.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from sessions.atomic import is_read_only
from sessions.document import ChangedOnDisk, SessionDocument
from sessions.errors import SessionFileError
from sessions.fileio import save
from sessions.library import Entry, close_item
from sessions.models import ActionItem, Metadata, Session
from sessions.safe_read import open_error
from sessions.textsafe import has_controls

MAX_TICKET = 2000
"""The longest ticket key or URL taken (URLs of some trackers run long, none this long)."""


class LibraryEditError(Exception):
    """A change the library could not make; ``str()`` is the message to show."""


def change_item_on_disk(
    path: Path,
    find: Callable[[ActionItem], bool],
    change: Callable[[ActionItem], object],
    *,
    what: str,
    open_only: bool = True,
    named: str = "",
) -> tuple[Session, ActionItem]:
    """Apply ``change`` to the first action item ``find`` accepts, in the file as it is on disk
    now, and save; the file's session after the change, and the item.

    Nothing is written if no item is found (``what`` names it in the message), if it is closed
    already (``open_only``), if ``change`` refuses (``ValueError``), or if the file changes
    while we write. Messages name the file ``named`` (its name by default: the library shows
    the rest; the command line says the path as typed, folder and all).
    """
    named = named or path.name
    try:
        document = SessionDocument.open(path)
    except OSError as error:
        error = open_error(path, error)
        raise LibraryEditError(f"{named} can't be read now: {error.message}") from None
    except SessionFileError as error:
        raise LibraryEditError(f"{named} can't be read now: {error.message}") from None
    session = document.session
    item = next((each for each in session.action_items if find(each)), None)
    if item is None:
        raise LibraryEditError(f"{named}: {what}")
    if open_only and not item.status.is_open:
        raise LibraryEditError(f"action {item.id} is already closed in {named}")
    try:
        change(item)
    except ValueError as error:
        raise LibraryEditError(str(error)) from None
    try:
        document.save_session(session)
    except ChangedOnDisk:
        raise LibraryEditError(f"{named} changed on disk just now; try again") from None
    except OSError as error:
        raise LibraryEditError(f"{named} not saved: {_why(error)}") from None
    return session, item


def change_action_on_disk(
    entry: Entry,
    index: int,
    change: Callable[[ActionItem], object],
    *,
    open_only: bool = True,
) -> tuple[ActionItem, int]:
    """``change`` the action item the library shows at ``entry.actions[index]``, in its file;
    the item, and its index in ``entry.actions`` now.

    The file is read again first, so an edit made on disk since the library was read is kept;
    the item must still be there as shown (same id and action). On success ``entry`` shows
    the file as it is now.
    """
    shown = entry.actions[index]
    session, item = change_item_on_disk(
        entry.path,
        lambda each: each.id == shown.id and each.action == shown.action,
        change,
        what=f"changed on disk: action {shown.id} is not there as shown; reload the library",
        open_only=open_only,
    )
    entry.reload(session)
    return item, next(i for i, each in enumerate(session.action_items) if each is item)


def close_action_on_disk(entry: Entry, index: int, verification: str, today: dt.date) -> ActionItem:
    """Close the item with how it was verified (see ``change_action_on_disk``)."""
    change = lambda item: close_item(item, verification, today)  # noqa: E731
    return change_action_on_disk(entry, index, change)[0]


def link_ticket_on_disk(entry: Entry, index: int, ticket: str) -> ActionItem:
    """Store a ticket key or URL on the item, open or closed (see ``change_action_on_disk``)."""
    change = lambda item: set_ticket(item, ticket)  # noqa: E731
    return change_action_on_disk(entry, index, change, open_only=False)[0]


def link_ticket_in_file(path: Path, item_id: int, ticket: str) -> ActionItem:
    """`pmtui actions link FILE ID TICKET`: the item with that id, in that file."""
    return change_item_on_disk(
        path,
        lambda each: each.id == item_id,
        lambda item: set_ticket(item, ticket),
        what=f"no action item {item_id}",
        open_only=False,
        named=str(path),
    )[1]


def set_ticket(item: ActionItem, ticket: str) -> None:
    """A ticket is one key or URL ("OPS-101", "https://…/issues/7"); empty unlinks it."""
    ticket = ticket.strip()
    if has_controls(ticket) or "\n" in ticket or "\t" in ticket:
        raise ValueError("a ticket is one key or URL, on one line")
    if len(ticket) > MAX_TICKET:
        raise ValueError(f"a ticket is a key or URL of at most {MAX_TICKET} characters")
    item.ticket = ticket


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


def _why(error: OSError) -> str:
    return error.strerror or str(error)
