"""The facilitator's prompts for the current section, straight from the guide."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from sessions.models import SectionKind
from sessions.prompts import PROMPTS
from widgets._css import css_beside


class PromptsPanel(Static):
    """Compact: prompts run on as bullets so several fit in a few lines at 80 columns."""

    DEFAULT_CSS = css_beside(__file__)

    def show(self, kind: SectionKind) -> None:
        text = Text.assemble(("Ask: ", "bold"))
        for prompt in PROMPTS[kind]:
            text.append("• ", style="bold")
            text.append(prompt + "  ")
        self.update(text)
