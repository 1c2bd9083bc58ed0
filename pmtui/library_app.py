"""The library app: browse a folder of postmortems; it exits with the path to open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from pmtui.themes import PRESENTATION
from screens.library import ActionsScreen, LibraryScreen, StatsScreen, library_title
from sessions.library import Library


class LibraryApp(App[str | None]):
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("f2", "show('sessions')", "Postmortems"),
        Binding("f3", "show('actions')", "Action items"),
        Binding("f4", "show('stats')", "Stats"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, folder: Path | str, *, today: dt.date | None = None) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.today = today or dt.date.today()
        self.library = Library.open(self.folder)

    def on_mount(self) -> None:
        self.register_theme(PRESENTATION)
        self.title = library_title(self.folder)
        self.add_mode("sessions", lambda: LibraryScreen(self.library))
        self.add_mode("actions", lambda: ActionsScreen(self.library, self.today))
        self.add_mode("stats", lambda: StatsScreen(self.library, self.today))
        self.switch_mode("sessions")

    def action_show(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)
