"""Panes built the first time they are shown, and focus that returns where the user left it.

``show`` awaits the mount, so whoever switches can focus at once: no retry loops, and no
key typed meanwhile reaches a pane that isn't there yet.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import ContentSwitcher


class LazySwitcher(ContentSwitcher):
    """One pane per key; ``builders[key]()`` makes the pane's content on first show."""

    def __init__(
        self, builders: dict[str, Callable[[], Widget]], *, initial: str, id: str | None = None
    ) -> None:
        self.builders = builders
        self._panes = {key: Container(id=f"pane-{key}") for key in builders}
        self._keys = {pane: key for key, pane in self._panes.items()}
        self._last_focus: dict[str, Widget] = {}
        super().__init__(id=id, initial=self._panes[initial].id)

    def compose(self) -> ComposeResult:
        yield from self._panes.values()

    @property
    def current_key(self) -> str:
        for key, pane in self._panes.items():
            if pane.id == self.current:
                return key
        return next(iter(self._panes))

    def pane(self, key: str) -> Container:
        return self._panes[key]

    def is_built(self, key: str) -> bool:
        return bool(self._panes[key].children)

    async def build(self, key: str) -> Container:
        """Make the pane's content now (if it isn't made yet), without showing it."""
        pane = self._panes[key]
        if not pane.children:
            await pane.mount(self.builders[key]())
        return pane

    async def show(self, key: str) -> Container:
        """Build the pane if needed, wait until it is mounted, then show it."""
        pane = await self.build(key)
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
        for pane, key in self._keys.items():
            if pane in event.widget.ancestors:
                self._last_focus[key] = event.widget
                return
