"""Literal text in Markdown: the escaping every renderer falls back to, kept in one place."""

from __future__ import annotations

import re

#: Characters that mean something inline wherever they stand.
_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>|~&])")
_URL_SCHEME = re.compile(r"(?i)(https?|ftp|mailto)(:)")
#: What makes a line something other than paragraph text when it starts it.
_LINE_START = re.compile(r"^([#=+-]|\d{1,9}[.)])")


def escape_text(text: str, *, line_start: bool = True) -> str:
    """Literal text: every character that could start Markdown is escaped."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _escape_underscores(text)
    text = _URL_SCHEME.sub(r"\1\\\2", text)
    if line_start:
        text = _LINE_START.sub(lambda m: _escape_start(m.group(1)), text)
    return text


def _escape_start(start: str) -> str:
    if start[0].isdigit():
        return start[:-1] + "\\" + start[-1]
    return "\\" + start


def _escape_underscores(text: str) -> str:
    """An underscore between two letters or digits can't be emphasis (snake_case stays)."""
    if "_" not in text:
        return text
    out = []
    for index, char in enumerate(text):
        if char == "_":
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if not (before.isalnum() and after.isalnum()):
                out.append("\\_")
                continue
        out.append(char)
    return "".join(out)
