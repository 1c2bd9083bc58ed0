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

The writers are ``prose_inline`` and ``prose_blocks``; the literal escaping, ``prose_escape``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

from sessions.prose_blocks import Blocks, fenced, literal_block
from sessions.prose_escape import escape_text
from sessions.prose_inline import CELL, ONE_LINE, delicate
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

#: Cheap test: one line without any of these has no inline Markdown: escaping it is enough.
_MAYBE_INLINE = re.compile(r"[`*_\[\]<~\\&!]|(?i:https?:|ftp:|mailto:)")
#: Cheap test: text without any of these can't be Markdown and needs no parsing.
_MAYBE_MARKUP = re.compile(r"[\\`*_\[\]<>|~&#=+!:-]|^\s*\d|\n\s*\d|^\s{4}|\n\s{4}|\n")


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
    blocks = Blocks(level)
    first = blocks.render(MD.parse(text))
    if blocks.render(MD.parse(first)) != first:
        return literal_block(text)
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
    first = ONE_LINE.render(children)
    if delicate(children) and ONE_LINE.render(MD.parseInline(first)[0].children or []) != first:
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
    first = CELL.render(children)
    # <br> separates the lines of a cell, so a code span can't hold one
    if "<br>" in first or (delicate(children) and _in_table(first) != first):
        return escape_text(line)
    return first


def _in_table(text: str) -> str:
    """The cell ``text`` read back as a table would: the table takes ``\\|`` as ``|`` first."""
    return CELL.render(MD.parseInline(text.replace("\\|", "|"))[0].children or [])


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
    return fenced(visible_controls(text).rstrip(), info)
