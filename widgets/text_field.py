"""A labelled multi-line text bound to one text field of the session."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static, TextArea

from sessions.editing import SessionEditor
from sessions.paths import get_at, set_at
from widgets._css import css_beside
from widgets.messages import SessionEdited
from widgets.user_text import append_user


class FieldArea(TextArea):
    """A TextArea whose ctrl+z undoes typing while there is typing to undo, and otherwise
    leaves the key to the app's undo (a reframing, a deleted row…)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return bool(self.history.undo_stack)
        return super().check_action(action, parameters)


class TextField(Vertical):
    """Typing writes straight into the model (TextArea keeps its own undo while focused)."""

    DEFAULT_CSS = css_beside(__file__)
    HELP_TITLE = "Text"

    def __init__(
        self, label: str, editor: SessionEditor, path: str, *, hint: str = "", id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="text-field session-view")
        self.label = label
        self.editor = editor
        self.where = path
        self.hint = hint
        self.parts = frozenset({path})

    def compose(self) -> ComposeResult:
        yield Label(Content(self.label), classes="text-field-label")
        if self.hint:
            yield Label(Content(self.hint), classes="text-field-hint")
        area = FieldArea(self.text, soft_wrap=True, tab_behavior="focus", compact=True)
        area.show_line_numbers = False
        yield area
        yield Static("", classes="text-field-findings")

    @property
    def text(self) -> str:
        return get_at(self.editor.session, self.where)

    @property
    def area(self) -> TextArea:
        return self.query_one(TextArea)

    def show_session(self) -> None:
        """Show the model's text again (after an undo, a reframing or a reload)."""
        if self.area.text != self.text:
            self.area.load_text(self.text)

    def mark(self, quotes: list[tuple[str, str]]) -> None:
        """Blame phrasing where it stands: the field turns red and the words are quoted under
        it with the reframing (ctrl+r applies it)."""
        self.set_class(bool(quotes), "has-finding")
        targets = self.query(".text-field-findings")
        if not targets:  # not composed yet: the next check run marks it
            return
        text = Text()
        for quote, replacement in quotes:
            if text:
                text.append("\n")
            text.append("⚠ ", style="bold red")
            append_user(text, quote, "bold reverse red", single_line=True)
            if replacement:
                text.append("  → ", style="dim")
                append_user(text, replacement, "bold green", single_line=True)
                text.append("  (ctrl+r)", style="dim")
        targets.first(Static).update(text)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        typed = event.text_area.text
        if typed != self.text:
            set_at(self.editor.session, self.where, typed)
            self.editor.note(self.where, "typing")
            self.post_message(SessionEdited(self.where, "typing", self))
