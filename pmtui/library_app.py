"""The library app: browse a folder of postmortems, track action items, review them weekly.

It exits with the path of a postmortem to open (the command line runs the session app on it,
then starts the library again with ``resume``, so it comes back as it was left).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from pmtui.key_order import OrderedKeysApp
from pmtui.modes import StartsInMode
from pmtui.styles import read_styles_later, styles_of
from pmtui.themes import PRESENTATION
from pmtui.toasts import InertToasts
from screens.library import LibraryScreen, library_title
from screens.library_actions import ActionsScreen
from screens.library_state import LibraryState
from screens.library_stats import StatsScreen
from screens.review import ReviewScreen
from sessions.library import Library
from sessions.review import ReviewPlan
from sessions.review_walk import ReviewWalk
from widgets.form_dialog import FormDialog


class LibraryApp(OrderedKeysApp, StartsInMode, InertToasts, App[str | None]):
    CSS_PATH = [
        "app.tcss",
        *styles_of(LibraryScreen, ActionsScreen, StatsScreen, ReviewScreen),
    ]
    BINDINGS = [
        Binding("f2", "show('sessions')", "Postmortems"),
        Binding("f3", "show('actions')", "Action items"),
        Binding("f4", "show('stats')", "Stats"),
        Binding("f5", "show('review')", "Weekly review"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        folder: Path | str,
        *,
        today: dt.date | None = None,
        start: str = "sessions",
        plan: ReviewPlan | None = None,
        resume: LibraryState | None = None,
        message: str = "",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.state = resume or LibraryState(mode=start)
        self.start_in(self.state.mode)
        super().__init__()
        self.folder = Path(folder)
        self.today = today or dt.date.today()
        if plan is not None:
            self.state.plan = plan
        self.message = message
        self.clock = clock
        self.library = Library.open(self.folder)

    def mode_screens(self) -> dict[str, Callable[[], Screen]]:
        return {
            "sessions": lambda: LibraryScreen(self.library, self.state),
            "actions": lambda: ActionsScreen(self.library, self.state, self.today),
            "stats": lambda: StatsScreen(self.library, self.today),
            "review": self._review_screen,
        }

    async def on_mount(self) -> None:
        self.register_theme(PRESENTATION)
        self.title = library_title(self.folder)
        read_styles_later(self, FormDialog)
        if self.message:
            self.notify(self.message, severity="error", markup=False)
        await self.add_modes()

    def _review_screen(self) -> ReviewScreen:
        """The review under way, or a new one over the library as it is now."""
        walk = self.state.walk
        if walk is None or walk.finished:
            walk = ReviewWalk.start(self.library.entries, self.state.plan, self.today, self.clock)
            self.state.walk = walk
        return ReviewScreen(self.library, walk)

    def action_show(self, mode: str) -> None:
        if self.current_mode != mode:
            self.state.mode = mode
            self.switch_mode(mode)

    @on(ReviewScreen.Finished)
    def _review_finished(self) -> None:
        """A finished review leaves; the next F5 starts a new one."""
        self.state.walk = None
        self.action_show("actions")
        self.remove_mode("review")
        self.add_mode("review", self._review_screen)
