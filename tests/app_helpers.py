"""Drive the real app with a fake clock and fixed dates, so tests are instant and repeatable."""

import datetime as dt
import io
from pathlib import Path

from rich.console import Console

from pmtui.app import PostmortemApp
from sessions import save
from sessions.example import example_session
from sessions.models import Session

NOW = dt.datetime(2025, 1, 17, 15, 0, tzinfo=dt.UTC)
TODAY = dt.date(2025, 1, 20)


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

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
    options = {
        "clock": clock or FakeClock(),
        "now": lambda: NOW,
        "today": TODAY,
        "autosave_delay": 0,
        "check_delay": 0,
        "watch_interval": 3600,
    }
    options.update(kwargs)
    return PostmortemApp(path, **options)


async def settle(pilot) -> None:
    """Let timers, workers and messages run to completion."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown(widget) -> str:
    """The plain text a Static or Label is showing (Text, Content or any Rich renderable)."""
    visual = widget.render()
    plain = getattr(visual, "plain", None)
    if plain is not None:
        return plain
    renderable = getattr(visual, "_renderable", None)
    if renderable is None:
        return str(visual)
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()
