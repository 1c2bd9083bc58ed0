"""User text on screen: always literal (never markup) and never a terminal control sequence.

Every widget that shows session text builds it here, so the two promises live in one place:
``rich.text.Text`` keeps ``[bold]`` literal but passes ESC through; ``printable`` stops that.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from sessions.textsafe import one_line, printable


def user_text(text: str, style: str = "", *, single_line: bool = False) -> Text:
    """Session text as a Rich ``Text``: literal, with control characters made visible."""
    return Text(one_line(text) if single_line else printable(text), style=style)


def user_content(text: str) -> Content:
    """Session text as a Textual ``Content`` (for Label and Static)."""
    return Content(printable(text))


def append_user(target: Text, text: str, style: str = "", *, single_line: bool = False) -> Text:
    """Append session text to a ``Text`` being assembled; returns ``target``."""
    target.append(one_line(text) if single_line else printable(text), style=style)
    return target
