"""A one-line field that keeps every line of a paste."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class FieldInput(Input):
    """Textual's Input keeps only the first line of a paste and drops the rest without a
    word (an event pasted from a chat lost its second and third lines, a tryout). Here the
    lines are joined with spaces, and the join is said. A tab is a space too: a row pasted
    from a spreadsheet put "Nina Simone⇥responder" in a name (a tryout)."""

    def __init__(self, *args, joiner: str = " ", **kwargs) -> None:
        """``joiner``: what goes between pasted lines: ", " in a list's field, where a line
        is an item (a list pasted one a line had become one item, a tryout)."""
        super().__init__(*args, **kwargs)
        self.joiner = joiner

    def on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # not Input's own paste, which keeps the first line
        event.stop()
        lines = [line.replace("\t", " ").strip() for line in event.text.splitlines()]
        lines = [line for line in lines if line]
        text = self.joiner.join(lines)
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
        if len(lines) > 1 and self.joiner == " ":
            self.notify(f"{len(lines)} pasted lines joined: this field is one line", timeout=3)
