"""Supporting information (logs, graphs, related incidents) and the appendix (glossary,
references): material behind the document, mostly lists of links."""

from __future__ import annotations

import re

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import (
    Section,
    first_inline,
    heading_key,
    labelled,
    list_items,
    plain_text,
    text_of,
)
from sessions.models import GlossaryEntry, Link, RelatedIncident


def read_supporting(ctx: ImportContext, section: Section) -> None:
    info = ctx.session.supporting

    def logs(group: list[Token]) -> bool:
        if group[0].type not in ("fence", "code_block") or info.logs:
            return False
        info.logs = group[0].content.rstrip("\n")
        return True

    def metrics(group: list[Token]) -> bool:
        if group[0].type == "paragraph_open":  # images or links on their own
            children = [c for c in group[1].children or [] if c.type != "softbreak"]
            images = [c for c in children if c.type == "image"]
            if images and len(images) == len(children):
                info.metrics += [
                    Link(title=plain_text(c.children or []), url=str(c.attrs["src"]))
                    for c in images
                ]
                return True
            return False
        links = _links(group)
        if links is None:
            return False
        info.metrics += links
        return True

    def related(group: list[Token]) -> bool:
        if group[0].type != "bullet_list_open":
            return False
        for item in list_items(group):
            inline = next((t for t in item if t.type == "inline"), None)
            if inline is None:
                info.related.append(RelatedIncident(incident_id=""))
                continue
            link, rest = _link_and_rest(inline)
            summary = re.sub(r"^\s*[-—–]\s*", "", rest)
            info.related.append(
                RelatedIncident(incident_id=link.title, url=link.url, summary=summary)
            )
        return True

    handlers = {
        "relevant logs": logs,
        "logs": logs,
        "relevant metrics": metrics,
        "metrics": metrics,
        "graphs": metrics,
        "related incidents": related,
    }
    for group in section.blocks:
        if not (logs(group) or metrics(group)):
            ctx.note("Supporting information", ctx.block(group))
    for child in section.children:
        handler = handlers.get(heading_key(child.title))
        if handler is None:
            ctx.section(child, top=False)
        else:
            ctx.plain_blocks(child, handler)


def read_appendix(ctx: ImportContext, section: Section) -> None:
    appendix = ctx.session.appendix

    def glossary(group: list[Token]) -> bool:
        if group[0].type != "bullet_list_open":
            return False
        for item in list_items(group):
            label = labelled(first_inline(item))
            term, definition = label if label else ("", first_inline(item))
            appendix.glossary.append(GlossaryEntry(term=term, definition=definition))
        return True

    def references(group: list[Token]) -> bool:
        links = _links(group)
        if links is None:
            return False
        appendix.references += links
        return True

    for group in section.blocks:
        if not references(group):
            ctx.note("Appendix", ctx.block(group))
    for child in section.children:
        key = heading_key(child.title)
        if key == "glossary":
            ctx.plain_blocks(child, glossary)
        elif key in ("references", "links"):
            ctx.plain_blocks(child, references)
        else:
            ctx.section(child, top=False)


def _links(group: list[Token]) -> list[Link] | None:
    if group[0].type != "bullet_list_open":
        return None
    out = []
    for item in list_items(group):
        inline = next((t for t in item if t.type == "inline"), None)
        if inline is None:
            out.append(Link(title=""))
            continue
        link, rest = _link_and_rest(inline)
        if rest:
            link.title = text_of(inline.content)
            link.url = link.url if not rest else ""
            if link.url == "":
                link = Link(title=text_of(inline.content))
        out.append(link)
    return out


def _link_and_rest(inline: Token) -> tuple[Link, str]:
    """The first link (or image) of an item and the Markdown after it."""
    children = inline.children or []
    source = inline.content
    if children and children[0].type == "link_open":
        close = next(i for i, t in enumerate(children) if t.type == "link_close")
        title = plain_text(children[1:close])
        rest = _rest_after_link(source)
        return Link(title=title, url=str(children[0].attrs.get("href", ""))), rest
    if children and children[0].type == "image":
        rest = _rest_after_link(source)
        return Link(
            title=plain_text(children[0].children or []), url=str(children[0].attrs["src"])
        ), rest
    parts = re.split(r"\s+-\s+", source, maxsplit=1)
    return Link(title=text_of(parts[0])), (" - " + parts[1] if len(parts) > 1 else "")


def _rest_after_link(source: str) -> str:
    match = re.match(r"!?\[(?:\\.|[^\]\\])*\]\([^)]*\)", source)
    return source[match.end() :].strip() if match else ""
