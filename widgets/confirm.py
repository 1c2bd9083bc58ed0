"""A yes/no question in a modal: for quitting, reloading and throwing away typed text."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ConfirmDialog(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 64; max-width: 95%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    ConfirmDialog #question { width: 100%; margin-bottom: 1; text-style: bold; }
    ConfirmDialog #detail { width: 100%; margin-bottom: 1; color: $text-muted; }
    ConfirmDialog Horizontal { height: auto; align: right middle; }
    ConfirmDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "Cancel"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question, self.detail, self.yes, self.no = question, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(self.question), id="question")
            if self.detail:
                yield Label(Content(self.detail), id="detail")
            with Horizontal():
                yield Button(f"{self.no} [n]", id="no")
                yield Button(f"{self.yes} [y]", id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ChoiceDialog(ModalScreen[str | None]):
    """A question with several answers, each on its own key; Escape answers None."""

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > Vertical {
        width: 72; max-width: 95%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    ChoiceDialog #question { width: 100%; margin-bottom: 1; text-style: bold; }
    ChoiceDialog #detail { width: 100%; margin-bottom: 1; }
    ChoiceDialog Horizontal { height: auto; align: right middle; }
    ChoiceDialog Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "choose('')", "Cancel")]

    def __init__(self, question: str, detail: str, choices: list[tuple[str, str, str]]) -> None:
        """``choices`` are (answer, button label, key)."""
        super().__init__()
        self.question, self.detail, self.choices = question, detail, choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(self.question), id="question")
            if self.detail:
                yield Label(Content(self.detail), id="detail")
            with Horizontal():
                for answer, label, key in self.choices:
                    yield Button(f"{label} [{key}]", id=f"choice-{answer}")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_key(self, event: events.Key) -> None:
        for answer, _label, key in self.choices:
            if event.key == key:
                event.stop()
                self.dismiss(answer)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_choose(self, answer: str) -> None:
        self.dismiss(answer or None)
