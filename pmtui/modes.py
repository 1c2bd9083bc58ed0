"""Apps that open on one of their modes without switching to it.

Switching to a mode at start makes Textual parse every style source twice more, all of it
from scratch: about 30 ms, a third of a bare app's start. Textual's own first screen costs no
parse, so the start mode's screen is made as that first screen (``get_default_screen``), under
the start mode's name (``DEFAULT_MODE``). The modes are added once it is up, so Textual keeps
that screen as the start mode's own and never calls the mode's factory for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.app import App
from textual.screen import Screen
from textual.widget import AwaitMount


class StartsInMode(App):
    """Call ``start_in(mode)`` before ``App.__init__`` and ``await add_modes()`` in on_mount."""

    def start_in(self, mode: str) -> None:
        """Name the first screen's mode; Textual reads it in its ``__init__``."""
        self.DEFAULT_MODE = mode

    def mode_screens(self) -> Mapping[str, Callable[[], Screen]]:
        """Each mode's name and what makes its screen."""
        raise NotImplementedError

    def get_default_screen(self) -> Screen:
        return self.mode_screens()[self.DEFAULT_MODE]()

    async def add_modes(self) -> None:
        """Add the modes, then wait until the first screen's widgets are mounted: the app is
        ready (to a test's pilot, too) only when the start mode's editors are there."""
        for mode, make in self.mode_screens().items():
            self.add_mode(mode, make)
        await AwaitMount(self.screen, [self.screen])
