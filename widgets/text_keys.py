"""Which keys a focused field takes as text: the key order sends them to it, and the footer
does not offer them as commands there."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input, TextArea


def takes_as_text(widget: Widget | None, key: str, printable: bool) -> bool:
    """Is ``key`` (``printable`` if it types a character) text for ``widget`` rather than
    a command? An Input takes characters; an editable TextArea Enter too, and Tab where
    Tab indents."""
    if isinstance(widget, Input):
        return printable
    if isinstance(widget, TextArea):
        indent = key == "tab" and widget.tab_behavior == "indent"
        return not widget.read_only and (printable or key == "enter" or indent)
    return False
