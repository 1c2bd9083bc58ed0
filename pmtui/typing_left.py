"""Quitting over a dialog typed into: what is typed there is not in the session yet."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.app import App

from widgets.confirm import Confirm


@runtime_checkable
class HoldsTyping(Protocol):
    """A dialog whose typing is not in the session until it is answered (a form, a paste)."""

    def typed_anything(self) -> bool: ...


async def may_drop_typing(app: App) -> bool:
    """True when no open dialog holds typing, or the user says to lose it (ctrl+q over a
    form had quit at once, and the typing was gone: a tryout). Call it from a worker."""
    if not any(isinstance(s, HoldsTyping) and s.typed_anything() for s in app.screen_stack):
        return True
    return await app.push_screen_wait(
        Confirm("Quit, and lose what you typed?", yes="Quit", no="Keep editing")
    )
