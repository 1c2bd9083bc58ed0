"""Every key, by where it works; the focused widget's own keys first (F1)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static


def _keys(bindings: list[BindingType]) -> list[tuple[str, str]]:
    out = []
    for binding in bindings:
        if isinstance(binding, Binding):
            keys = binding.key_display or binding.key.replace(",", " / ")
            out.append((keys, binding.description or binding.action))
        elif isinstance(binding, tuple) and len(binding) >= 3:
            out.append((binding[0], binding[2]))
    return out


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", "Close help")]

    def __init__(self, groups: list[tuple[str, str, list[BindingType]]]) -> None:
        """``groups`` are (where, what it is, bindings)."""
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("pmtui — keys", style="bold"), id="help-title")
            for where, about, bindings in self.groups:
                table = Table(title=Text(where, style="bold"), title_justify="left", expand=True)
                table.add_column("Key", style="bold cyan", no_wrap=True, width=22)
                table.add_column("What it does")
                for key, description in _keys(bindings):
                    table.add_row(Text(key), Text(description))
                if about:
                    yield Static(Text(about, style="italic"), classes="help-about")
                yield Static(table)
        yield Footer()
