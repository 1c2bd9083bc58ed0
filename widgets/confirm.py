"""Questions in a modal: quitting, conflicts, trimming, throwing away typed text.

Each answer has its own key, shown on its button; Escape is the safe answer.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from widgets._css import css_beside
from widgets.user_text import user_content

_CSS = css_beside(__file__)


class ChoiceDialog(ModalScreen[str | None]):
    """A question with several answers; dismisses with the chosen answer, or None."""

    DEFAULT_CSS = _CSS
    BINDINGS = [Binding("escape", "choose('')", "Cancel")]

    def __init__(self, question: str, detail: str, choices: list[tuple[str, str, str]]) -> None:
        """``choices`` are (answer, button label, key)."""
        super().__init__()
        self.question, self.detail, self.choices = question, detail, choices

    def compose(self) -> ComposeResult:
        with Vertical(id="choice"):
            yield Label(user_content(self.question), id="question")
            if self.detail:
                yield Label(user_content(self.detail), id="detail")
            labels = ["Cancel  esc", *(f"{label}  {key}" for _answer, label, key in self.choices)]
            # One row while they fit the dialog (72 cells); else one answer a line, its key
            # first (the agenda's presets ran off the dialog's edge, keys and all).
            fits = sum(len(label) + 2 for label in labels) <= 66
            if not fits:
                labels = [
                    "esc  Cancel",
                    *(f"{key}  {label}" for _answer, label, key in self.choices),
                ]
            with Horizontal(id="answers", classes="" if fits else "-stacked"):
                # The safe answer, on screen and focused: with only "Save and quit" and "Quit
                # without saving" shown, there seemed no way back (a tryout), and Enter quit.
                yield Button(Content(labels[0]), id="cancel", compact=True)
                for (answer, _label, _key), label in zip(self.choices, labels[1:], strict=True):
                    yield Button(Content(label), id=f"choice-{answer}", compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#cancel", Button))

    def takes_as_answer(self, key: str) -> bool:
        return key == "escape" or any(key == own for _answer, _label, own in self.choices)

    def on_key(self, event: events.Key) -> None:
        for answer, _label, key in self.choices:
            if event.key == key:
                event.stop()
                self.action_choose(answer)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        answer = (event.button.id or "").removeprefix("choice-")
        self.action_choose("" if answer == "cancel" else answer)

    def action_choose(self, answer: str) -> None:
        self.dismiss(answer or None)


class Confirm(ModalScreen[bool]):
    """A yes/no question: y or n, Escape for no; the safe answer has the focus."""

    DEFAULT_CSS = _CSS
    AUTO_FOCUS = "#no"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question, self.detail, self.yes, self.no = question, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="choice"):
            yield Label(user_content(self.question), id="question")
            if self.detail:
                yield Label(user_content(self.detail), id="detail")
            with Horizontal(id="answers"):
                yield Button(f"{self.no}  n", id="no", compact=True)
                yield Button(f"{self.yes}  y", id="yes", variant="warning", compact=True)

    def takes_as_answer(self, key: str) -> bool:
        return key in ("y", "n", "escape")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
