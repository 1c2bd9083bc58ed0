"""Patterns and trends across the library: the same labelled charts as `pmtui stats`, drawn to
the width of the window (and again when it changes)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from sessions.library import Library
from sessions.library_report import format_stats
from sessions.library_stats import stats
from widgets.keys_footer import KeysFooter
from widgets.user_text import user_text


class StatsScreen(Screen):
    """Patterns and trends across the library, with charts."""

    CSS_PATH = "library.tcss"

    def __init__(self, library: Library, today: dt.date) -> None:
        super().__init__()
        self.library = library
        self.today = today
        self.figures: dict = {}
        #: The width the charts were last drawn to.
        self.drawn_width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static("", id="stats-text")
        yield KeysFooter()

    def on_screen_resume(self) -> None:
        """Figures change when items are closed in another view: recompute on each visit."""
        self.figures = stats(self.library.entries, self.today)
        self.draw()

    def on_resize(self) -> None:
        self.draw()

    def draw(self) -> None:
        if not self.figures:
            return
        width = self.query_one("#stats", VerticalScroll).scrollable_content_region.width
        self.drawn_width = max(width - 1, 40)
        text = format_stats(self.figures, self.drawn_width)
        self.query_one("#stats-text", Static).update(user_text(text))
