"""Keys are handled one at a time, in the order they were typed: none lost, none misrouted.

Textual hands each key to the focused widget's queue and runs bindings when the key comes
back up, so a burst of keys can overtake the command it follows: letters typed after `a`
reached the table behind the new-event form and ran as commands there. Here every key goes
through one gate in arrival order. A key with a binding runs its action right away; when
that action opens a dialog (pushes a screen, or starts a worker on its widget that will),
later keys wait and then go, in order, to the dialog once it is mounted and focused.
Characters typed into a text field go straight to it, and a command key first lets the
characters before it land. A paste takes its place in the same queue: sent while a form
was opening, it had gone into the first field ahead of the keys typed before it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Protocol, runtime_checkable

from textual import events
from textual.app import App, ScreenStackError
from textual.binding import Binding
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.worker import Worker

from widgets.text_keys import takes_as_text

SETTLE_TIMEOUT = 5.0
"""Seconds keys may wait for a dialog an action said it would open. Long: with six pmtui
running on two cores a form took over two seconds to come up, and the keys typed into it
ran as the table's commands instead (a tryout); an action that opens nothing ends its
worker, and the wait with it, long before."""

FOCUS_GRACE = 0.3
"""Seconds keys wait for a screen that lost its focus to get it back."""

DRAIN_TIMEOUT = 2.0
"""Seconds a command key waits for the characters typed before it to land (long, for a
loaded machine: Escape that overtook them found the form empty, and closed it unasked)."""

BACKGROUND = frozenset({"save", "checks", "key-order", "key-park"})
"""Worker groups that run on their own (saving, the guardrails): keys never wait for them."""

Forward = Callable[[events.Event], Awaitable[None]]


@runtime_checkable
class Question(Protocol):
    """A dialog that asks (yes or no, one of several): the keys that answer it."""

    def takes_as_answer(self, key: str) -> bool: ...


def split_escape(event: events.Key) -> list[events.Key]:
    """Escape and then a letter typed fast arrive as one key, alt+letter (the terminal sends
    ESC n), and the letter went into the form Escape was to close (a tryout). pmtui binds
    no alt+letter or digit: such a key is the two keys it was. (Only letters and digits
    get the alt: Textual names "ESC P" alt+shift+p, and the key of "P" alone is "P".)"""
    character = event.character
    if event.key.startswith("alt+") and character and len(character) == 1 and character.isalnum():
        return [events.Key("escape", "\x1b"), events.Key(character, character)]
    return [event]


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
        self.held: deque[events.Key | events.Paste] = deque()
        self.waiting = False
        self.releasing = False
        """Held keys are being handed on: a key that comes now joins the queue behind them.
        (Handed on at once, a letter overtook the Tab before it, still waiting for the text
        typed before the Tab to land, and went into the field the Tab was leaving.)"""
        self._seen_ready: weakref.WeakSet[Screen] = weakref.WeakSet()
        self._unfocused_since: float | None = None
        #: Keys typed before a question showed, each run with its question, oldest first:
        #: they go on, in order, once every one of those questions is answered.
        self.parked: list[tuple[Screen, list[events.Key | events.Paste]]] = []
        self._asked: weakref.WeakSet[Screen] = weakref.WeakSet()

    async def handle(self, event: events.Key | events.Paste, forward: Forward) -> None:
        busy = self.waiting or self.releasing
        if busy or self.held or not self._ready():
            self.held.append(event)
            if not busy:
                self._wait_for(len(self.app.screen_stack), [], forward)
            return
        await self._dispatch(event, forward)

    async def _dispatch(self, event: events.Key | events.Paste, forward: Forward) -> None:
        app = self.app
        focused = app.focused
        if isinstance(event, events.Paste) or takes_as_text(focused, event.key, event.is_printable):
            await forward(event)
            return
        if isinstance(focused, Input | TextArea):
            await drain(focused)
        active = app.screen.active_bindings.get(event.key)
        if active is not None and active.enabled:
            node, action = active.node, active.binding.action
        elif active is None and (priority := _app_priority(app, event.key)) is not None:
            node, action = app, priority.action  # over a dialog too: ctrl+q
        else:
            await forward(event)
            return
        depth = len(app.screen_stack)
        running = [w for w in app.workers if not w.is_finished and w.group not in BACKGROUND]
        if not await app.run_action(action, node):
            await forward(event)
            return
        started = [
            w
            for w in app.workers
            if w not in running
            and w.node is node
            and not w.is_finished
            and w.group not in BACKGROUND  # a guardrail run the action set off is no dialog
        ]
        after = len(app.screen_stack)
        if after > depth:  # the action opened a dialog: keys wait until it can take them
            self._wait_for(depth, [], forward)
        elif after < depth:  # it closed one: keys wait until its answer has been used
            self._wait_for(after, [*started, *self._answered(running)], forward)
        elif started or not self._ready():  # a worker of its own will open one, or not
            self._wait_for(depth, started, forward)

    def _answered(self, running: list[Worker]) -> list[Worker]:
        """The workers that may have been waiting on the dialog that just closed: those of
        the app and of the screen now on top. One of a screen further down waits on another
        dialog still open (the form under a help screen): waiting for it held every key for
        the full two seconds after F1 was closed over a form."""
        top = self.app.screen
        return [worker for worker in running if _screen_of(worker) in (None, top)]

    def _ready(self) -> bool:
        """Can the screen on top take keys? When it has focused a widget (or has none to
        focus). A screen that had focus and has none now is usually about to get it back (a
        dialog just closed): keys wait for that, but only a moment, since some screens
        really have nothing focused (a part with nothing to edit, a click on the background)."""
        try:
            screen = self.app.screen
        except ScreenStackError:  # the app is closing
            return False
        if not screen.is_mounted:
            return False
        if screen.focused is not None or not screen.focus_chain:
            self._unfocused_since = None
            return True
        if screen not in self._seen_ready:
            return False
        now = time.monotonic()
        if self._unfocused_since is None:
            self._unfocused_since = now
        return now - self._unfocused_since >= FOCUS_GRACE

    def focused_in(self, screen: Screen) -> None:
        """A widget of ``screen`` took focus: from now on the screen takes keys."""
        self._seen_ready.add(screen)

    def _settled(self, depth: int, workers: list[Worker]) -> bool:
        if not self._ready():
            return False
        if len(self.app.screen_stack) > depth:
            return True  # a dialog is up and focused: keys go to it
        return all(worker.is_finished for worker in workers)

    def _wait_for(self, depth: int, workers: list[Worker], forward: Forward) -> None:
        self.waiting = True
        self.app.run_worker(self._settle(depth, workers, forward), group="key-order")

    async def _settle(self, depth: int, workers: list[Worker], forward: Forward) -> None:
        deadline = time.monotonic() + SETTLE_TIMEOUT
        while not self._settled(depth, workers) and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        self.waiting = False
        self._unpark()
        self._park_typed_ahead(forward)
        self.releasing = True
        try:
            while self.held and not self.waiting:
                await self._dispatch(self.held.popleft(), forward)
        finally:
            self.releasing = False

    def _park_typed_ahead(self, forward: Forward) -> None:
        """A question come up mid-burst ("Discard what you typed?" after Escape over a
        form) is not answered by the keys typed before it showed: the n of "done" kept
        the form (a tryout). The first of them answers it if it is one of its answers
        ("Escape y" is a habit); if not, they wait for the answer, however it is given
        (a key, a click, Enter on a button), then go on in order."""
        top = self.app.screen
        if not self.held or not isinstance(top, Question) or top in self._asked:
            return
        self._asked.add(top)
        first = self.held[0]
        if isinstance(first, events.Key) and top.takes_as_answer(first.key):
            return
        self.parked.append((top, list(self.held)))
        self.held.clear()
        self.app.run_worker(self._after_answers(forward), group="key-park")

    async def _after_answers(self, forward: Forward) -> None:
        """Wait for the parked keys' questions to go, then hand the keys on."""
        while self.parked and not self._unpark():
            await asyncio.sleep(0.02)
        if self.held and not (self.waiting or self.releasing):
            # and for what was waiting on the answer: the form a Discard closes is still up
            # for a moment, and the keys went into it as it went (a flaky test)
            app = self.app
            running = [w for w in app.workers if not w.is_finished and w.group not in BACKGROUND]
            self._wait_for(len(app.screen_stack), self._answered(running), forward)

    def _unpark(self) -> bool:
        """Once every question keys were parked for is answered, they go first, oldest
        first (a second question's keys were typed after the first's); True if they did."""
        if not self.parked:
            return False
        stack = self.app.screen_stack
        if any(question in stack for question, _keys in self.parked):
            return False
        keys = [key for _question, run in self.parked for key in run]
        self.held.extendleft(reversed(keys))
        self.parked.clear()
        return True


def _app_priority(app: App, key: str) -> Binding | None:
    """The app's priority binding for ``key``: a dialog's bindings leave it out, yet Textual
    runs it over the dialog (ctrl+q), and the keys after it went on into the form."""
    for cls in type(app).__mro__:
        for binding in vars(cls).get("BINDINGS", ()):
            keys = binding.key.split(",") if isinstance(binding, Binding) else ()
            if keys and binding.priority and key in (part.strip() for part in keys):
                return binding
    return None


def _screen_of(worker: Worker) -> Screen | None:
    """The screen a worker's widget is on (None for the app's own workers)."""
    node = worker.node
    if not isinstance(node, Widget):
        return None
    try:
        return node.screen
    except NoScreen:
        return None


class OrderedKeysApp(App):
    """An App whose keys all go through the key order (pmtui's apps, and test hosts)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.key_order = KeyOrder(self)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if event.key == "ctrl+j":
                # A newline is Enter: keys typed while the app starts pass through the
                # terminal's line discipline, which makes Enter a newline (a form typed
                # into at once stayed open, its Enter lost: a tryout).
                event = events.Key("enter", "\r")
            for key in split_escape(event):
                await self.key_order.handle(key, super().on_event)
            return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            await self.key_order.handle(event, super().on_event)
            return
        if isinstance(event, events.DescendantFocus):
            with contextlib.suppress(NoScreen):  # focused, then removed before this came
                self.key_order.focused_in(event.widget.screen)
        await super().on_event(event)
