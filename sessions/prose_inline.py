"""Writing an inline token list back as Markdown: one line, a table cell, or several lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from sessions.prose_escape import escape_text


def _code_span(content: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith(("`", " ")) or content.endswith(("`", " ")) else ""
    if content.strip(" ") == "":
        pad = ""
    return f"{fence}{pad}{content}{pad}{fence}"


def _safe_url(url: str) -> str:
    return (
        url.replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
        .replace("\\", "%5C")
    )


class _Inline:
    """Writes an inline token list back as Markdown, one line per softbreak (or spaces)."""

    def __init__(self, *, one_line: bool, cell: bool) -> None:
        self.one_line = one_line
        self.cell = cell

    def render(self, tokens: Sequence[Token]) -> str:
        out: list[str] = []
        at_line_start = True
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "text":
                out.append(escape_text(token.content, line_start=at_line_start))
            elif kind in ("softbreak", "hardbreak"):
                if self.one_line:
                    out.append(" ")
                else:
                    out.append("\\\n" if kind == "hardbreak" else "\n")
                    at_line_start = True
                    index += 1
                    continue
            elif kind == "code_inline":
                span = _code_span(token.content)
                out.append(span.replace("|", "\\|") if self.cell else span)
            elif kind in ("em_open", "em_close"):
                out.append("*")
            elif kind in ("strong_open", "strong_close"):
                out.append("**")
            elif kind in ("s_open", "s_close"):
                out.append("~~")
            elif kind == "link_open":
                close = _matching_close(tokens, index, "link_close")
                out.append(self._link(token, tokens[index + 1 : close]))
                index = close
            elif kind == "image":
                alt = self.render(token.children or [])
                out.append(f"![{alt}]({_safe_url(str(token.attrs.get('src', '')))})")
            else:  # anything unforeseen is shown, never interpreted
                out.append(escape_text(token.content, line_start=at_line_start))
            at_line_start = False
            index += 1
        return "".join(out)

    def _link(self, token: Token, inner: Sequence[Token]) -> str:
        href = str(token.attrs.get("href", ""))
        if token.markup in ("autolink", "linkify"):
            return f"<{_safe_url(href)}>"
        text = self.render(inner)
        return f"[{text}]({_safe_url(href)})"


_DELICATE = frozenset(("em_open", "strong_open", "s_open", "link_open", "image"))


def delicate(children: Sequence[Token]) -> bool:
    """Emphasis and links depend on their neighbours; only they need the second parse."""
    return any(token.type in _DELICATE for token in children)


def _matching_close(tokens: Sequence[Token], start: int, close: str) -> int:
    for index in range(start + 1, len(tokens)):
        if tokens[index].type == close:
            return index
    return len(tokens) - 1


ONE_LINE = _Inline(one_line=True, cell=False)
CELL = _Inline(one_line=True, cell=True)
LINES = _Inline(one_line=False, cell=False)
