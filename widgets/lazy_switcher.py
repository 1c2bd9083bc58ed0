"""Panes built the first time they are shown, and focus that returns where the user left it.

``show`` awaits the mount, so whoever switches can focus at once: no retry loops, and no
key typed meanwhile reaches a pane that isn't there yet.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import ContentSwitcher


class LazySwitcher(ContentSwitcher):
    """One pane per key; ``builders[key]()`` makes the pane's content on first show. A pane
    is mounted only then too, with its content: the drafting screen's 19 parts, mounted empty
    at start, were two thirds of its widgets, each styled and laid out for nothing."""

    def __init__(
        self, builders: dict[str, Callable[[], Widget]], *, initial: str, id: str | None = None
    ) -> None:
        self.builders = builders
        self._first_key = initial
        self._panes: dict[str, Container] = {}
        #: Panes on their way in: a second ``show`` of the key waits for the first.
        self._adding: dict[str, asyncio.Future[None]] = {}
        self._last_focus: dict[str, Widget] = {}
        #: The key the last ``show`` asked for: an earlier one, slower to build, gives way.
        self._wanted = initial
        super().__init__(id=id, initial=self._pane_id(initial))

    @staticmethod
    def _pane_id(key: str) -> str:
        return f"pane-{key}"

    def compose(self) -> ComposeResult:
        """The first pane is composed with the switcher: no second pass to mount it."""
        pane = Container(self.builders[self._first_key](), id=self._pane_id(self._first_key))
        self._panes[self._first_key] = pane
        yield pane

    @property
    def current_key(self) -> str:
        for key, pane in self._panes.items():
            if pane.id == self.current:
                return key
        return self._first_key

    def pane(self, key: str) -> Container | None:
        """The key's pane, if it has been shown."""
        return self._panes.get(key)

    def is_built(self, key: str) -> bool:
        return key in self._panes and key not in self._adding

    async def build(self, key: str) -> Container:
        """Make the pane and its content now (if not made yet), without showing it."""
        pane = self._panes.get(key)
        if pane is None:
            pane = self._panes[key] = Container(self.builders[key](), id=self._pane_id(key))
            self._adding[key] = adding = asyncio.get_running_loop().create_future()
            try:
                await self.add_content(pane)
            except BaseException:
                del self._panes[key]  # not there: the next show builds it again
                raise
            finally:
                del self._adding[key]
                adding.set_result(None)
        elif key in self._adding:
            await asyncio.shield(self._adding[key])
        return pane

    async def show(self, key: str) -> Container | None:
        """Build the pane if needed, wait until it is mounted, then show it. None if another
        ``show`` was asked for meanwhile: a slow build finishing last showed its pane over
        the one asked for after it (↓ then alt+↑ in drafting: the list, the pane shown and
        the focus each on a different part)."""
        self._wanted = key
        pane = await self.build(key)
        if self._wanted != key:
            return None
        self.current = pane.id
        return pane

    def focus_pane(self) -> Widget | None:
        """Focus where the user was in the current pane, or its first focusable widget."""
        key = self.current_key
        pane = self._panes[key]
        target = self._last_focus.get(key)
        if target is None or not target.is_attached or not target.focusable:
            target = next((w for w in self.screen.focus_chain if pane in w.ancestors), None)
        if target is not None:
            self.screen.set_focus(target)
        return target

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for key, pane in self._panes.items():
            if pane in event.widget.ancestors:
                self._last_focus[key] = event.widget
                return
