"""Drive the real app with a fake clock and fixed dates, so tests are instant and repeatable."""

import contextlib
import datetime as dt
import io
import time
from pathlib import Path

from rich.console import Console
from textual import events
from textual.keys import Keys, key_to_character
from textual.worker import WorkerCancelled, WorkerFailed

from pmtui.app import PostmortemApp
from sessions import save
from sessions.example import example_session
from sessions.models import Session

NOW = dt.datetime(2025, 1, 17, 15, 0, tzinfo=dt.UTC)
TODAY = dt.date(2025, 1, 20)


class FakeClock:
    """A monotonic clock the test moves by hand; its wall clock (``now``) moves with it."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def now(self) -> dt.datetime:
        return NOW + dt.timedelta(seconds=self.t - 1000.0)

    def advance(self, minutes: float = 0, seconds: float = 0) -> None:
        self.t += minutes * 60 + seconds


def make_app(
    folder: Path,
    session: Session | None = None,
    *,
    clock: FakeClock | None = None,
    name: str = "incident.toml",
    **kwargs,
) -> PostmortemApp:
    path = folder / name
    if not path.exists() or session is not None:
        save(session if session is not None else example_session(), path)
    clock = clock or FakeClock()
    options = {
        "clock": clock,
        "now": clock.now,
        "today": TODAY,
        "autosave_delay": 0,
        "check_delay": 0,
        "watch_interval": 3600,
    }
    options.update(kwargs)
    app = PostmortemApp(path, **options)
    app.clock = options["clock"]
    app.notified = record_notifications(app)
    return app


_KEY_NAMES = {
    " ": "space",
    ":": "colon",
    "-": "minus",
    "+": "plus",
    ".": "full_stop",
    ",": "comma",
    "?": "question_mark",
    "[": "left_square_bracket",
    "]": "right_square_bracket",
    "|": "vertical_line",
    "`": "grave_accent",
    "/": "slash",
    ">": "greater_than_sign",
    "%": "percent_sign",
    "'": "apostrophe",
    "(": "left_parenthesis",
    ")": "right_parenthesis",
    "{": "left_curly_bracket",
    "}": "right_curly_bracket",
}


def keys(*parts: str) -> list[tuple[str, str | None]]:
    """(key, character) for a mix of key names ("enter", "tab") and text ("Why errors?")."""
    out: list[tuple[str, str | None]] = []
    for part in parts:
        if _is_key_name(part):
            out.append((part, key_to_character(part)))  # "enter", "ctrl+s", "f1"
        else:
            out.extend((_KEY_NAMES.get(ch, ch), ch) for ch in part)
    return out


def _is_key_name(part: str) -> bool:
    if len(part) < 2 or " " in part:
        return False
    return "+" in part or part in _NAMED_KEYS or part in _KEY_NAMES.values()


_NAMED_KEYS = {key.value for key in Keys} | {f"f{n}" for n in range(1, 25)}


def burst(app, *parts: str) -> None:
    """Send keys the way a fast typist and a terminal do: all at once, without waiting for the
    app to draw (Pilot's press waits for the app to go idle after every key)."""
    for key, character in keys(*parts):
        app.post_message(events.Key(key, character))


async def go_to_section(app, index: int) -> None:
    """The meeting at agenda section ``index`` (0 = the first), its editor built and focused,
    the way ``n``/``P`` leave it: a test starts where it tests, without the keys between."""
    app.timer.go_to(index)
    await app.screen.show_section()


async def typed(pilot, *parts: str) -> None:
    """``burst`` the keys, then let the app catch up."""
    burst(pilot.app, *parts)
    await settle(pilot)


async def eventually(pilot, condition, seconds: float = 5.0) -> bool:
    """Let the app work until ``condition()`` holds (False if it never does): for state an
    awaited action sets, which Pilot's idle check can return before."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        await pilot.pause(0.01)
    return True


def record_notifications(app) -> list[str]:
    """Every message the app shows as a toast, in order (a seam over the public notify)."""
    seen: list[str] = []
    original = app.notify

    def notify(message, *args, **kwargs):
        seen.append(str(message))
        return original(message, *args, **kwargs)

    app.notify = notify
    return seen


BACKGROUND = {"save", "checks", "key-order"}
"""Worker groups that finish on their own (a dialog's worker waits for an answer instead)."""


async def settle(pilot) -> None:
    """Let saves, guardrail runs, held keys and messages run to completion (as often as they
    start one another, and no more: each round costs an idle wait). A burst that opens five
    dialogs starts a run of the key order for each: five rounds were not always enough."""
    app = pilot.app
    order = getattr(app, "key_order", None)
    for _ in range(50):
        await pilot.pause()
        pending = [w for w in app.workers if w.group in BACKGROUND and not w.is_finished]
        if not pending and not (order is not None and (order.held or order.waiting)):
            return
        for worker in pending:
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()


def shown(widget) -> str:
    """The plain text a Static or Label is showing (Text, Content or any Rich renderable)."""
    content = widget.content
    plain = getattr(content, "plain", None)
    if plain is not None:
        return plain
    if isinstance(content, str):
        return content
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def footer_keys(app) -> list:
    """The keys the screen's footer shows, each with where it is (``x``, ``right``)."""
    from widgets.keys_footer import KeysFooter

    return app.screen.query_one(KeysFooter).laid_out()


def footer_line(app) -> str:
    """The footer's line as it reads."""
    from widgets.keys_footer import KeysFooter

    return app.screen.query_one(KeysFooter).render().plain
