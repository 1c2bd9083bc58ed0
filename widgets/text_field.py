"""A labelled multi-line text bound to one field of the session."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static, TextArea

from widgets._css import css_beside
from widgets.messages import SessionEdited


class TextField(Vertical):
    """Edits write straight into the model; the app autosaves from the SessionEdited message."""

    DEFAULT_CSS = css_beside(__file__)

    def __init__(
        self,
        label: str,
        get: Callable[[], str],
        set: Callable[[str], None],
        *,
        where: str,
        hint: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="text-field")
        self.label = label
        self.get = get
        self.set = set
        self.where = where
        self.hint = hint

    def compose(self) -> ComposeResult:
        yield Label(Content(self.label), classes="text-field-label")
        if self.hint:
            yield Label(Content(self.hint), classes="text-field-hint")
        area = TextArea(self.get(), soft_wrap=True, tab_behavior="focus")
        area.show_line_numbers = False
        yield area
        yield Static("", classes="text-field-findings")

    @property
    def area(self) -> TextArea:
        return self.query_one(TextArea)

    def reload_from_model(self) -> None:
        """Show the model's text again (after an undo, a reframing or a reload)."""
        text = self.get()
        if self.area.text != text:
            self.area.load_text(text)

    def mark(self, quotes: list[tuple[str, str]]) -> None:
        """Show blame phrasing where it stands: the field turns red and the words are quoted
        under it with the reframing (ctrl+r applies it)."""
        self.set_class(bool(quotes), "has-finding")
        targets = self.query(".text-field-findings")
        if not targets:  # not composed yet; the next check run marks it
            return
        text = Text()
        for quote, replacement in quotes:
            if text:
                text.append("\n")
            text.append("⚠ ", style="bold red")
            text.append(quote, style="bold reverse red")
            if replacement:
                text.append("  → ", style="dim")
                text.append(replacement, style="bold green")
                text.append("  (ctrl+r)", style="dim")
        targets.first(Static).update(text)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if event.text_area.text != self.get():
            self.set(event.text_area.text)
            self.post_message(SessionEdited(self.where))
