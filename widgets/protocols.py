"""What screens may ask of the widgets they hold, declared rather than guessed with getattr."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.binding import BindingType


@runtime_checkable
class ShowsSession(Protocol):
    """A view of some parts of the session, redrawn when they change."""

    #: Field paths of the parts it shows ("timeline", "root_cause.whys", …).
    parts: frozenset[str]

    #: False until it has been composed and mounted (a Widget's own flag).
    is_mounted: bool

    def show_session(self) -> None:
        """Redraw from the model."""


@runtime_checkable
class HasHelp(Protocol):
    """A widget that names itself in the help screen (instead of its class name)."""

    HELP_TITLE: str
    BINDINGS: list[BindingType]
