"""The Markdown export, previewed inside the app."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import MarkdownViewer

from widgets.keys_footer import KeysFooter


class PreviewScreen(ModalScreen[None]):
    CSS_PATH = "preview.tcss"
    BINDINGS = [Binding("escape,f5", "app.pop_screen", "Close preview")]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(self.markdown, show_table_of_contents=False, id="preview")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(MarkdownViewer))
