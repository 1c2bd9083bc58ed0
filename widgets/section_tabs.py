"""Several parts in one meeting section, one tab each, switched with 1, 2, 3."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from widgets.lazy_switcher import LazySwitcher


class SectionTabs(Vertical):
    """A one-line tab bar over a LazySwitcher; the tab keys work from anywhere inside."""

    DEFAULT_CSS = """
    SectionTabs { height: 1fr; }
    SectionTabs > .section-tab-bar { height: 1; padding: 0 1; background: $panel; }
    SectionTabs > LazySwitcher { height: 1fr; }
    SectionTabs > LazySwitcher > Container { height: 1fr; }
    """
    HELP_TITLE = "Section tabs"
    IN_PALETTE = False  # the screen names each tab there ("Show Factors"), not "Tab 1"
    BINDINGS = [
        Binding("1", "tab(0)", "First tab", show=False),
        Binding("2", "tab(1)", "Second tab", show=False),
        Binding("3", "tab(2)", "Third tab", show=False),
    ]

    def __init__(self, tabs: list[tuple[str, str, Callable[[], Widget]]], *, id: str | None = None):
        """``tabs`` are (key, title, builder)."""
        super().__init__(id=id)
        self.tabs = tabs
        self.switcher = LazySwitcher(
            {key: build for key, _title, build in tabs}, initial=tabs[0][0]
        )

    def compose(self) -> ComposeResult:
        yield Static(self._bar(), classes="section-tab-bar")
        yield self.switcher

    @property
    def current_key(self) -> str:
        return self.switcher.current_key

    def titles(self) -> list[tuple[str, str]]:
        return [(key, title) for key, title, _build in self.tabs]

    def _bar(self) -> Text:
        current = self.switcher.current_key
        text = Text()
        for number, (key, title, _build) in enumerate(self.tabs, 1):
            style = "bold reverse" if key == current else "dim"
            text.append(f" {number} {title} ", style=style)
            text.append("  ")
        return text

    async def show_tab(self, key: str, *, focus: bool = True) -> None:
        """Switch to the tab ``key`` (built on first use) and focus where the user was."""
        if await self.switcher.show(key) is None:
            return  # another tab was asked for while this one was built
        self.query_one(".section-tab-bar", Static).update(self._bar())
        if focus:
            self.switcher.focus_pane()

    async def action_tab(self, index: int) -> None:
        if index < len(self.tabs):
            await self.show_tab(self.tabs[index][0])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "tab":
            return parameters[0] < len(self.tabs)  # type: ignore[operator]
        return True

    @work
    async def on_click(self, event: events.Click) -> None:
        if event.widget is not self.query_one(".section-tab-bar"):
            return
        x = event.x - 1  # the bar's padding
        for key, title, _build in self.tabs:
            width = len(title) + 6
            if x < width:
                await self.show_tab(key)
                return
            x -= width
