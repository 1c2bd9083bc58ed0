"""Questions in a modal: for quitting, conflicts, trimming and throwing away typed text."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from widgets._css import css_beside


class ChoiceDialog(ModalScreen[str | None]):
    """A question with several answers, each on its own key; Escape answers None."""

    DEFAULT_CSS = css_beside(__file__)
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


class ConfirmDialog(ChoiceDialog):
    """A yes/no question: y or n, Escape for no; the safe answer has the focus."""

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__(question, detail, [("no", no, "n"), ("yes", yes, "y")])

    def dismiss(self, result: str | None = None):  # type: ignore[override]
        return super().dismiss(result == "yes")
