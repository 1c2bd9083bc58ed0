"""User text on screen: always literal (never markup) and never a terminal control sequence.

Every widget that shows session text builds it here, so the two promises live in one place:
``rich.text.Text`` keeps ``[bold]`` literal but passes ESC through; ``printable`` stops that.
"""

from __future__ import annotations

from rich.console import Console
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


def fit_rows(text: Text, width: int, rows: int, console: Console) -> list[Text]:
    """``text`` wrapped to ``width`` cells in at most ``rows`` rows, the last ending in "…"
    when cut: a line with a height limit was cut off with no sign there was more."""
    lines = list(text.wrap(console, max(width, 2)))
    if len(lines) > rows:
        lines = lines[:rows]
        lines[-1].truncate(max(width, 2) - 1)
        lines[-1].rstrip()
        lines[-1].append("…")
    return lines
