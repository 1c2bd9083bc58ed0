"""Writing a block token stream back as Markdown: paragraphs, headings, lists, tables, code."""

from __future__ import annotations

import re

from markdown_it.token import Token

from sessions.prose_escape import escape_text
from sessions.prose_inline import CELL, LINES, ONE_LINE


class Blocks:
    """Writes a block token stream back as Markdown, headings nested below ``level``."""

    def __init__(self, level: int) -> None:
        self.level = level

    def render(self, tokens: list[Token]) -> str:
        blocks, _ = self._blocks(tokens, 0, None)
        return "\n\n".join(blocks)

    def _blocks(self, tokens: list[Token], index: int, until: str | None) -> tuple[list[str], int]:
        """Blocks from ``index`` up to the closing token ``until``; returns them and the end."""
        out: list[str] = []
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if until is not None and kind == until:
                return out, index
            if kind == "paragraph_open":
                out.append(LINES.render(tokens[index + 1].children or []))
                index += 3
            elif kind == "heading_open":
                text = ONE_LINE.render(tokens[index + 1].children or [])
                level = max(int(token.tag[1]), self.level + 1)
                out.append(f"{'#' * level} {text}" if level <= 6 else f"**{text}**")
                index += 3
            elif kind in ("fence", "code_block"):
                out.append(fenced(token.content, token.info if kind == "fence" else ""))
                index += 1
            elif kind == "hr":
                out.append("* * *")
                index += 1
            elif kind == "blockquote_open":
                inner, index = self._blocks(tokens, index + 1, "blockquote_close")
                out.append(_prefix("\n\n".join(inner), "> ", "> ", blank=">"))
                index += 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                text, index = self._list(tokens, index)
                out.append(text)
            elif kind == "table_open":
                text, index = _table(tokens, index)
                out.append(text)
            else:  # html_block and anything unforeseen: shown as text
                if token.content.strip():
                    out.append(literal_block(token.content))
                index += 1
        return out, index

    def _list(self, tokens: list[Token], index: int) -> tuple[str, int]:
        opening = tokens[index]
        ordered = opening.type == "ordered_list_open"
        close = "ordered_list_close" if ordered else "bullet_list_close"
        number = int(opening.attrs.get("start", 1)) if ordered else 0
        tight = _is_tight(tokens, index)
        items: list[str] = []
        index += 1
        while tokens[index].type != close:
            item_open = tokens[index]
            inner, index = self._blocks(tokens, index + 1, "list_item_close")
            marker = f"{number}{item_open.markup}" if ordered else item_open.markup
            number += 1
            body = ("\n\n" if not tight else "\n").join(inner)
            pad = " " * (len(marker) + 1)
            items.append(_prefix(body, marker + " ", pad, blank="") if body else marker)
            index += 1
        return ("\n" if tight else "\n\n").join(items), index + 1


def _is_tight(tokens: list[Token], index: int) -> bool:
    """markdown-it hides the paragraphs of a tight list; a list without any is tight too."""
    level = tokens[index].level
    for token in tokens[index + 1 :]:
        if token.level == level and token.type.endswith("_list_close"):
            return True
        if token.type == "paragraph_open" and token.level == level + 2:
            return token.hidden
    return True


def _prefix(text: str, first: str, rest: str, *, blank: str) -> str:
    lines = text.split("\n")
    out = [first + lines[0] if lines[0] else first.rstrip()]
    for line in lines[1:]:
        out.append(rest + line if line else blank)
    return "\n".join(out)


def fenced(content: str, info: str = "") -> str:
    longest = max((len(run) for run in re.findall(r"`{3,}", content)), default=0)
    fence = "`" * max(3, longest + 1)
    info = info.replace("`", "").strip()
    return (
        f"{fence}{info}\n{content.rstrip(chr(10))}\n{fence}"
        if content.strip("\n")
        else (f"{fence}{info}\n{fence}")
    )


def _table(tokens: list[Token], index: int) -> tuple[str, int]:
    rows: list[list[str]] = []
    aligns: list[str] = []
    index += 1
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            if token.type == "th_open":
                style = str(token.attrs.get("style", ""))
                aligns.append(style.removeprefix("text-align:"))
            rows[-1].append(CELL.render(tokens[index + 1].children or []) or " ")
        index += 1
    width = len(aligns)
    delimiter = {"left": ":---", "right": "---:", "center": ":---:"}
    lines = ["| " + " | ".join(rows[0]) + " |"]
    lines.append("| " + " | ".join(delimiter.get(a, "---") for a in aligns) + " |")
    for row in rows[1:]:
        row = (row + [" "] * width)[:width]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines), index + 1


def literal_block(text: str) -> str:
    """Text shown as it is written: paragraphs kept, each line escaped, lines kept apart."""
    paragraphs = re.split(r"\n[ \t]*\n", text.strip("\n"))
    out = []
    for paragraph in paragraphs:
        lines = [escape_text(line.strip()) for line in paragraph.split("\n") if line.strip()]
        if lines:
            out.append("\\\n".join(lines))
    return "\n\n".join(out)
