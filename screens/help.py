"""Every key, by where it works; the focused widget's own keys first (F1)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from widgets.keys_footer import KeysFooter

HelpGroup = tuple[str, str, list[BindingType]]
"""(where, what it is, bindings): one group of the help screen."""


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", "Close help")]

    def __init__(self, groups: list[HelpGroup]) -> None:
        """``groups`` are (where, what it is, bindings)."""
        super().__init__()
        self.groups = groups

    def key_rows(self, bindings: list[BindingType]) -> list[tuple[str, str]]:
        """Keys as the footer shows them ("[" rather than "left_square_bracket")."""
        out = []
        for binding in bindings:
            if isinstance(binding, tuple):
                binding = Binding(*binding)
            if not isinstance(binding, Binding) or not binding.description:
                continue
            keys = binding.key_display or " / ".join(
                self.app.get_key_display(Binding(key.strip(), binding.action))
                for key in binding.key.split(",")
            )
            out.append((keys, binding.tooltip or binding.description))  # the longer words
        return out

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("pmtui — keys", style="bold"), id="help-title")
            for where, about, bindings in self.groups:
                rows = self.key_rows(bindings)
                if not rows:
                    continue
                # The heading first, then what the group is for (it read as the previous
                # group's last line when it stood above the heading).
                title = Text.assemble((where, "bold"), (f"  {about}" if about else "", "italic"))
                table = Table(title=title, title_justify="left", expand=True)
                table.add_column("Key", style="bold cyan", no_wrap=True, width=18)
                table.add_column("What it does")
                for key, description in rows:
                    table.add_row(Text(key), Text(description))
                yield Static(table)
        yield KeysFooter()
