"""Keys are handled one at a time, in the order they were typed: none lost, none misrouted.

Textual hands each key to the focused widget's queue and runs bindings when the key comes
back up, so a burst of keys can overtake the command it follows: letters typed after `a`
reached the table behind the new-event form and ran as commands there. Here every key goes
through one gate in arrival order. A key with a binding runs its action right away; when
that action opens a dialog (pushes a screen, or starts a worker on its widget that will),
later keys wait and then go, in order, to the dialog once it is mounted and focused.
Characters typed into a text field go straight to it, and a command key first lets the
characters before it land.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Awaitable, Callable

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.worker import Worker

SETTLE_TIMEOUT = 2.0
"""Seconds keys may wait for a dialog an action said it would open."""

DRAIN_TIMEOUT = 0.5
"""Seconds a command key waits for the characters typed before it to land."""

Forward = Callable[[events.Event], Awaitable[None]]


def types_into(widget: Widget | None, event: events.Key) -> bool:
    """Is this key text for the focused field (rather than a command)?"""
    if isinstance(widget, Input):
        return event.is_printable
    if isinstance(widget, TextArea):
        indent = event.key == "tab" and widget.tab_behavior == "indent"
        return not widget.read_only and (event.is_printable or event.key == "enter" or indent)
    return False


async def drain(widget: Widget) -> None:
    """Wait until ``widget`` has handled every message already sent to it."""
    done = asyncio.Event()
    if widget.call_later(done.set):
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), DRAIN_TIMEOUT)


class KeyOrder:
    """The gate every key passes through (see the module docstring)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.held: deque[events.Key] = deque()
        self.waiting = False

    async def handle(self, event: events.Key, forward: Forward) -> None:
        if self.waiting or self.held or not self.app.screen.is_mounted:
            self.held.append(event)
            if not self.waiting:
                self._wait_for(self.app.screen, [], forward)
            return
        await self._dispatch(event, forward)

    async def _dispatch(self, event: events.Key, forward: Forward) -> None:
        app = self.app
        focused = app.focused
        if types_into(focused, event):
            await forward(event)
            return
        if isinstance(focused, Input | TextArea):
            await drain(focused)
        active = app.screen.active_bindings.get(event.key)
        if active is None or not active.enabled:
            await forward(event)
            return
        screen = app.screen
        before = set(app.workers)
        if not await app.run_action(active.binding.action, active.node):
            await forward(event)
            return
        started = [w for w in app.workers if w not in before and w.node is active.node]
        if app.screen is not screen or not app.screen.is_mounted or started:
            self._wait_for(screen, started, forward)

    def _wait_for(self, screen: Screen, started: list[Worker], forward: Forward) -> None:
        self.waiting = True
        self.app.run_worker(self._settle(screen, started, forward), group="key-order")

    def _settled(self, screen: Screen, started: list[Worker]) -> bool:
        current = self.app.screen
        ready = current.is_mounted and (current.focused is not None or not current.focus_chain)
        if current is not screen:
            return ready  # a dialog is up and focused: keys go to it
        return ready and all(worker.is_finished for worker in started)

    async def _settle(self, screen: Screen, started: list[Worker], forward: Forward) -> None:
        deadline = time.monotonic() + SETTLE_TIMEOUT
        while not self._settled(screen, started) and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        self.waiting = False
        while self.held and not self.waiting:
            await self._dispatch(self.held.popleft(), forward)
