"""How editors tell the screen and the app about a change they made through the editor."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widget import Widget


@dataclass
class SessionEdited(Message):
    """``part`` of the session changed (the editor holds the undo step): save, recheck, and
    redraw the other views of that part; ``origin`` has redrawn itself already."""

    part: str
    what: str
    origin: Widget | None = None
    #: The meeting clock's own bookkeeping: saved at once, without "unsaved" in the title.
    quiet: bool = False
