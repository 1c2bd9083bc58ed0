"""A tiny app that mounts one editor alone over a session, with the editor service and the
same key order as pmtui's apps."""

from textual.app import ComposeResult

from pmtui.key_order import OrderedKeysApp
from sessions.editing import SessionEditor
from sessions.models import Session
from widgets.keys_footer import KeysFooter
from widgets.messages import SessionEdited


class Host(OrderedKeysApp):
    def __init__(self, session: Session, make_widget):
        super().__init__()
        self.editor = SessionEditor(session)
        self.make_widget = make_widget
        self.edits: list[str] = []

    def compose(self) -> ComposeResult:
        yield self.make_widget(self.editor)
        yield KeysFooter()

    def on_session_edited(self, message: SessionEdited) -> None:
        self.edits.append(message.what)
