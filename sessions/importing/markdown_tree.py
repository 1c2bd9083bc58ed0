"""A Markdown document as a tree of sections, and the small readers of what a block says.

The Markdown is read as markdown-it-py's token stream; prose is kept as its Markdown source
(the lines of the document a block came from), names and values as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from sessions.prose import MD

# --- the document as sections -------------------------------------------------------------


@dataclass
class Section:
    title: str  # the heading's Markdown source
    level: int
    line: int  # the heading's line
    start: int  # first line of the body
    end: int  # line after the body (children included)
    blocks: list[list[Token]] = field(default_factory=list)  # top-level blocks before children
    children: list[Section] = field(default_factory=list)


def blocks_of(tokens: list[Token]) -> list[list[Token]]:
    """Top-level blocks: each a list of tokens from an opening at nesting 0 to its close."""
    out: list[list[Token]] = []
    depth = 0
    for token in tokens:
        if depth == 0:
            out.append([])
        out[-1].append(token)
        depth += token.nesting
    return out


def section_tree(tokens: list[Token], lines: list[str]) -> tuple[str, list[Token], Section]:
    """The title (first h1), the blocks before the first section, and the section tree."""
    blocks = blocks_of(tokens)
    root = Section("", 0, 0, 0, len(lines))
    stack = [root]
    title = ""
    for group in blocks:
        first = group[0]
        if first.type == "heading_open":
            level = int(first.tag[1])
            text = group[1].content
            if level == 1 and not title and root.children == [] and not root.blocks:
                title = text
                continue
            start = first.map[1] if first.map else 0
            while stack[-1].level >= level and len(stack) > 1:
                stack[-1].end = first.map[0] if first.map else 0
                stack.pop()
            section = Section(text, level, first.map[0] if first.map else 0, start, len(lines))
            stack[-1].children.append(section)
            stack.append(section)
        elif first.type != "hr":
            target = stack[-1]
            if target.children:  # text after a subsection belongs to that subsection
                target = target.children[-1]
                while target.children:
                    target = target.children[-1]
            target.blocks.append(group)
    for section in stack[1:]:
        section.end = len(lines)
    return title, [], root


# --- small readers ------------------------------------------------------------------------


def text_of(source: str) -> str:
    """What inline Markdown says, as plain text (names, ids, dates)."""
    children = MD.parseInline(source)[0].children or []
    return plain_text(children)


def plain_text(children: list[Token]) -> str:
    out = []
    for token in children:
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type == "image":
            out.append(plain_text(token.children or []))
    return "".join(out).strip()


def heading_key(title: str) -> str:
    """A heading reduced for matching: "3. What Went Wrong?" → "what went wrong"; "Timeline
    (all times UTC)" → "timeline" (its events had gone to a section of their own)."""
    text = text_of(title).lower()
    text = re.sub(r"^[\d.)\s]+", "", text)
    text = re.sub(r"\s*[(\[][^)\]]*[)\]]\s*$", "", text)
    return re.sub(r"[^a-z0-9 ]+", "", text).strip()


_LABELLED = re.compile(r"^\*\*(?P<label>.+?)\*\*(?P<colon>:)?(?:\s+(?P<rest>.*))?$", re.DOTALL)


def labelled(source: str, *, bare: bool = False) -> tuple[str, str] | None:
    """``**Label**: rest`` (or ``**Label:** rest``; with ``bare``, ``**Label**`` alone)."""
    match = _LABELLED.match(source.strip())
    if not match:
        return None
    label, rest = match["label"], (match["rest"] or "").strip()
    if not match["colon"]:
        if label.endswith(":") and rest:  # "**Label:** rest"
            label = label.removesuffix(":")
        elif rest or not bare:
            return None  # bold words opening a sentence, not a label
    return text_of(f"**{label}**"), rest


def list_items(group: list[Token]) -> list[list[Token]]:
    """The items of a list block, each the tokens inside it (nested lists included)."""
    items: list[list[Token]] = []
    depth = 0
    for token in group[1:-1]:
        if token.type == "list_item_open" and depth == 0:
            items.append([])
        elif token.type == "list_item_close" and depth == 1:
            depth -= 1
            continue
        if items:
            items[-1].append(token)
        depth += token.nesting
    return [item[1:] for item in items]


def first_inline(item: list[Token]) -> str:
    for token in item:
        if token.type == "inline":
            return token.content
        if token.type.endswith("_list_open"):
            break
    return ""


def table_rows(group: list[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for token in group:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content)
    return rows


_BR = re.compile(r"(?<!\\)((?:\\\\)*)<br>")


def split_br(source: str) -> list[str]:
    """The lines of a cell: split at each <br> that is not escaped (an even run of \\ before)."""
    return _BR.sub(lambda m: m[1] + "\x00", source).split("\x00")


def cell_text(source: str) -> str:
    """A cell's Markdown as the field's text: <br> back to line breaks."""
    return "\n".join(part.strip() for part in split_br(source))


def lines_source(lines: list[str], start: int, end: int) -> str:
    body = lines[start:end]
    while body and (not body[-1].strip() or re.fullmatch(r"\s*(-{3,}|\*{3,}|_{3,})\s*", body[-1])):
        body.pop()
    return "\n".join(body).strip("\n")


def block_source(lines: list[str], group: list[Token]) -> str:
    first = group[0]
    if first.map is None:
        return ""
    end = max((t.map[1] for t in group if t.map), default=first.map[1])
    return "\n".join(lines[first.map[0] : end]).strip("\n")


def dedent(text: str) -> str:
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)
