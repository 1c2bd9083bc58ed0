"""The fishbone: the problem, "**Category**" paragraphs each with its list of causes, and
the diagram (drawn again from them, so kept only if it was written otherwise)."""

from __future__ import annotations

import functools
import re

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import Section, first_inline, labelled, list_items, text_of
from sessions.models import Cause, Fishbone, FishboneCategory


def read_fishbone(ctx: ImportContext, section: Section) -> None:
    fishbone = Fishbone(categories=[])
    category: FishboneCategory | None = None
    for group in section.blocks:
        kind = group[0].type
        if kind == "paragraph_open":
            label = labelled(group[1].content)
            if label and label[0] == "Problem":
                fishbone.problem = text_of(label[1])
                continue
            label = labelled(group[1].content, bare=True)
            if label:
                name, rest = label
                category = FishboneCategory(name=name)
                fishbone.categories.append(category)
                if rest and rest != "_none named_":
                    ctx.note("Fishbone", rest)
                continue
        if kind == "fence":
            ctx.fishbone_art = group[0].content
            continue
        if kind == "bullet_list_open" and category is not None:
            for item in list_items(group):
                category.causes.append(_cause(ctx, item))
            continue
        ctx.note("Fishbone", ctx.block(group))
    ctx.session.root_cause.fishbone = fishbone
    ctx.computed.append(("Fishbone diagram", ctx.fishbone_art or "", functools.partial(_art, ctx)))
    for child in section.children:
        ctx.section(child, top=False)


def _art(ctx: ImportContext) -> str:
    match = ctx.in_export(r"```text\n(.*?)\n```")
    return match[1] + "\n" if match else ""


def _cause(ctx: ImportContext, item: list[Token]) -> Cause:
    source = first_inline(item)
    match = re.search(r"\s*_\(factor: (.*)\)_$", source)
    if match:
        source = source[: match.start()]
    subs = [t.content for t in item if t.type == "inline"][1:]
    cause = Cause(text=text_of(source), sub_causes=[text_of(s) for s in subs])
    if match:
        ctx.factor_refs.append((cause, [text_of(match[1])]))
    return cause
