"""User text as Markdown, made safe for the export.

Prose fields are Markdown: lists, code, emphasis, links and tables written in them come out
as such. Nothing the user types can break the document around it: raw HTML is shown as
text, headings are nested below the section they are in, bare URLs become links, control
characters become visible, and text in a table cell can't end the cell or the row.

The text is parsed with markdown-it-py (CommonMark plus tables, strikethrough and bare-URL
links) and the token stream is written back as Markdown, so what comes out is exactly what
the parser understood, normalised. Writing it back is idempotent: ``block(block(x)) ==
block(x)``, which is what lets an export be imported and exported again unchanged. When a
rare input would not survive a second parse unchanged, the text is escaped literally instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sessions.textsafe import printable


def visible_controls(text: str) -> str:
    """Control characters made visible and inert (C0 as ␇-style pictures, DEL, C1 and the
    one-byte CSI too); tab and LF stay. One rule for every output: ``sessions.textsafe``."""
    return printable(text)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"linkify": True, "html": False})
    md.enable(["table", "strikethrough", "linkify"])
    # Only URLs with a scheme become links: "setup.py" and "www.x" stay text.
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": False})
    return md


MD = _parser()
"""The one parser of user text, also used by the importer and the tests."""

#: Characters that mean something inline wherever they stand.
_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>|~&])")
_URL_SCHEME = re.compile(r"(?i)(https?|ftp|mailto)(:)")
#: What makes a line something other than paragraph text when it starts it.
_LINE_START = re.compile(r"^([#=+-]|\d{1,9}[.)])")
#: Cheap test: one line without any of these has no inline Markdown: escaping it is enough.
_MAYBE_INLINE = re.compile(r"[`*_\[\]<~\\&!]|(?i:https?:|ftp:|mailto:)")
#: Cheap test: text without any of these can't be Markdown and needs no parsing.
_MAYBE_MARKUP = re.compile(r"[\\`*_\[\]<>|~&#=+!:-]|^\s*\d|\n\s*\d|^\s{4}|\n\s{4}|\n")


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


def _delicate(children: Sequence[Token]) -> bool:
    """Emphasis and links depend on their neighbours; only they need the second parse."""
    return any(token.type in _DELICATE for token in children)


def _matching_close(tokens: Sequence[Token], start: int, close: str) -> int:
    for index in range(start + 1, len(tokens)):
        if tokens[index].type == close:
            return index
    return len(tokens) - 1


_ONE_LINE = _Inline(one_line=True, cell=False)
_CELL = _Inline(one_line=True, cell=True)
_LINES = _Inline(one_line=False, cell=False)


class _Blocks:
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
                out.append(_LINES.render(tokens[index + 1].children or []))
                index += 3
            elif kind == "heading_open":
                text = _ONE_LINE.render(tokens[index + 1].children or [])
                level = max(int(token.tag[1]), self.level + 1)
                out.append(f"{'#' * level} {text}" if level <= 6 else f"**{text}**")
                index += 3
            elif kind in ("fence", "code_block"):
                out.append(_fenced(token.content, token.info if kind == "fence" else ""))
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
                    out.append(_literal_block(token.content))
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


def _fenced(content: str, info: str = "") -> str:
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
            rows[-1].append(_CELL.render(tokens[index + 1].children or []) or " ")
        index += 1
    width = len(aligns)
    delimiter = {"left": ":---", "right": "---:", "center": ":---:"}
    lines = ["| " + " | ".join(rows[0]) + " |"]
    lines.append("| " + " | ".join(delimiter.get(a, "---") for a in aligns) + " |")
    for row in rows[1:]:
        row = (row + [" "] * width)[:width]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines), index + 1


def _literal_block(text: str) -> str:
    """Text shown as it is written: paragraphs kept, each line escaped, lines kept apart."""
    paragraphs = re.split(r"\n[ \t]*\n", text.strip("\n"))
    out = []
    for paragraph in paragraphs:
        lines = [escape_text(line.strip()) for line in paragraph.split("\n") if line.strip()]
        if lines:
            out.append("\\\n".join(lines))
    return "\n\n".join(out)


def _prepared(text: str) -> str:
    return visible_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


@lru_cache(maxsize=4096)
def block(text: str, level: int = 2) -> str:
    """Multi-line prose as Markdown, inside a section whose heading is at ``level``."""
    text = _prepared(text).strip("\n")
    if not text.strip():
        return ""
    if not _MAYBE_MARKUP.search(text):
        return text.strip()
    blocks = _Blocks(level)
    first = blocks.render(MD.parse(text))
    if blocks.render(MD.parse(first)) != first:
        return _literal_block(text)
    return first


@lru_cache(maxsize=8192)
def inline(text: str) -> str:
    """One line of Markdown (emphasis, code, links), safe inside a paragraph or list item."""
    flat = " ".join(_prepared(text).split("\n")).strip()
    if not _MAYBE_MARKUP.search(flat):
        return flat
    if not _MAYBE_INLINE.search(flat):
        return escape_text(flat)
    children = MD.parseInline(flat)[0].children or []
    first = _ONE_LINE.render(children)
    if _delicate(children) and _ONE_LINE.render(MD.parseInline(first)[0].children or []) != first:
        return escape_text(flat)
    return first


def cell(text: str) -> str:
    """Markdown inside a table cell: line breaks as <br>, no pipe ends the cell early."""
    lines = [_cell_line(line.strip()) for line in _prepared(text).split("\n") if line.strip()]
    return "<br>".join(lines) or " "


@lru_cache(maxsize=8192)
def _cell_line(line: str) -> str:
    if not _MAYBE_MARKUP.search(line):
        return line
    if not _MAYBE_INLINE.search(line):
        return escape_text(line)
    children = MD.parseInline(line)[0].children or []
    first = _CELL.render(children)
    # <br> separates the lines of a cell, so a code span can't hold one
    if "<br>" in first or (_delicate(children) and _in_table(first) != first):
        return escape_text(line)
    return first


def _in_table(text: str) -> str:
    """The cell ``text`` read back as a table would: the table takes ``\\|`` as ``|`` first."""
    return _CELL.render(MD.parseInline(text.replace("\\|", "|"))[0].children or [])


def plain(text: str, *, links: bool = True) -> str:
    """A name or an identifier: shown literally, nothing in it is Markdown; a web address
    in it stays a link (escaped, evidence read "https\\://ci.example.com/run/8812"), except
    with ``links=False`` (a link's own text: links don't nest)."""
    flat = " ".join(_prepared(text).split("\n")).strip()
    if not links or ":" not in flat or not MD.linkify.test(flat):
        return escape_text(flat)
    out, done = [], 0
    for match in MD.linkify.match(flat) or []:
        url = flat[match.index : match.last_index]
        if not _reads_back(url):
            continue
        out.append(escape_text(flat[done : match.index], line_start=not done))
        out.append(f"<{url}>")
        done = match.last_index
    out.append(escape_text(flat[done:], line_start=not done))
    return "".join(out)


@lru_cache(maxsize=1024)
def _reads_back(url: str) -> bool:
    """Whether ``<url>`` is read as exactly this address, to the character: no space or
    bracket in it, no pipe (it ends a table cell), nothing a reader would decode (%20)."""
    if any(char in url for char in " <>\\|%"):
        return False
    children = MD.parseInline(f"<{url}>")[0].children or []
    return [t.type for t in children] == ["link_open", "text", "link_close"] and (
        children[1].content == url
    )


def plain_cell(text: str) -> str:
    """A name or identifier inside a table cell."""
    return plain(text) or " "


def code_block(text: str, info: str = "") -> str:
    """Text shown exactly as written (logs, diagrams) in a fence no backtick run can end."""
    return _fenced(visible_controls(text).rstrip(), info)
