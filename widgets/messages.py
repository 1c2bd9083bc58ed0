"""How widgets tell the app about the session: they edit the model, then post these."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message


class SessionEdited(Message):
    """The session model changed; the app autosaves and views that depend on it refresh."""

    def __init__(self, what: str = "") -> None:
        super().__init__()
        self.what = what


class Undoable(Message):
    """A change the user can take back with the undo key (deletions, moves)."""

    def __init__(self, description: str, undo: Callable[[], None]) -> None:
        super().__init__()
        self.description = description
        self.undo = undo
