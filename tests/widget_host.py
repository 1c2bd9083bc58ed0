"""A tiny app that mounts one widget alone, as the analysis-editors issue asks."""

from textual.app import App, ComposeResult
from textual.widgets import Footer

from widgets.messages import SessionEdited, Undoable


class Host(App):
    def __init__(self, make_widget):
        super().__init__()
        self.make_widget = make_widget
        self.edits: list[str] = []
        self.undo_stack: list = []

    def compose(self) -> ComposeResult:
        yield self.make_widget()
        yield Footer()

    def on_session_edited(self, message: SessionEdited) -> None:
        self.edits.append(message.what)

    def on_undoable(self, message: Undoable) -> None:
        self.undo_stack.append(message.undo)
