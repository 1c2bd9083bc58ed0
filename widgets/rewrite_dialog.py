"""Pick a blameless rewrite of a sentence, or write your own: a suggestion, never a swap.

The sentence is shown with the words that carry the blame marked; the rewrites are
numbered (1–9 picks one); `e` opens the chosen one (or the sentence) to edit in your own
words; where no rewrite is safe, the guide's questions are there to ask the room.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from sessions.checks import Finding
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.user_text import append_user, user_text


def marked_sentence(finding: Finding) -> Text:
    """The sentence, with the blamed words in reverse red."""
    sentence = finding.sentence or finding.quote
    text = Text()
    quote = finding.quote
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return append_user(text, sentence)
    append_user(text, sentence[:at])
    append_user(text, quote, "bold reverse red")
    return append_user(text, sentence[at + len(quote) :])


class RewriteDialog(ModalScreen[str | None]):
    """Dismisses with the new sentence, or None."""

    DEFAULT_CSS = """
    RewriteDialog { align: center middle; }
    RewriteDialog > Vertical {
        width: 92; max-width: 100%; height: auto; max-height: 100%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    RewriteDialog .title { text-style: bold; color: $warning; }
    RewriteDialog #sentence { margin: 1 0; }
    RewriteDialog OptionList, RewriteDialog OptionList:focus {
        height: auto; max-height: 10; border: none; padding: 0;
    }
    RewriteDialog #questions { color: $text-muted; margin-top: 1; }
    RewriteDialog #keys { color: $text-muted; margin-top: 1; }
    """
    HELP_TITLE = "Rewrite"
    BINDINGS = [
        Binding("e", "edit", "Edit it myself"),
        Binding("escape", "dismiss(None)", "Cancel"),
        *[Binding(str(n), f"pick({n - 1})", f"Rewrite {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding

    def compose(self) -> ComposeResult:
        finding = self.finding
        with Vertical():
            yield Label(Content(f"{finding.rule.id}: {finding.rule.summary}"), classes="title")
            yield Static(marked_sentence(finding), id="sentence")
            if finding.rewrites:
                yield OptionList(
                    *[
                        Option(Text.assemble((f"{n} ", "bold"), user_text(rewrite)))
                        for n, rewrite in enumerate(finding.rewrites, 1)
                    ],
                    id="rewrites",
                )
            else:
                yield Label(Content("No rewrite fits this one: ask the room."), id="none")
            if finding.questions:
                questions = Text()
                for question in finding.questions:
                    questions.append(f"• {question}\n")
                yield Static(questions, id="questions")
            hint = "1–9 or Enter picks · e edits in your own words · Esc cancels"
            yield Label(Content(hint), id="keys")

    def on_mount(self) -> None:
        options = self.query(OptionList)
        if options:
            options.first().highlighted = 0
            self.set_focus(options.first())

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.finding.rewrites):
            self.dismiss(self.finding.rewrites[index])

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(event.option_index)

    @work(group="rewrite-edit")
    async def action_edit(self) -> None:
        options = self.query(OptionList)
        index = options.first().highlighted if options else None
        start = self.finding.rewrites[index] if index is not None else self.finding.sentence
        spec = [FieldSpec("sentence", "In your own words", short="Sentence", required=True)]
        values = await self.app.push_screen_wait(
            FormDialog("Rewrite the sentence", spec, {"sentence": start})
        )
        if values is not None:
            self.dismiss(values["sentence"])
