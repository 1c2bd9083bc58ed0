"""Lessons learned: the key takeaways ("**Title**: text") and the recommendations."""

from __future__ import annotations

import functools

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import (
    Section,
    first_inline,
    heading_key,
    labelled,
    list_items,
)
from sessions.models import Takeaway


def read_lessons(ctx: ImportContext, section: Section) -> None:
    lessons = ctx.session.lessons

    def takeaways(group: list[Token]) -> bool:
        if group[0].type == "paragraph_open":  # a lesson in prose had gone to the notes
            label = labelled(group[1].content)
            title, text = label if label else ("", group[1].content.strip())
            lessons.takeaways.append(Takeaway(title=title, text=text))
            return True
        if group[0].type not in ("ordered_list_open", "bullet_list_open"):
            return False
        for item in list_items(group):
            source = first_inline(item)
            label = labelled(source)
            if label:
                lessons.takeaways.append(Takeaway(title=label[0], text=label[1]))
            else:
                lessons.takeaways.append(Takeaway(title="", text=source))
        return True

    for group in section.blocks:
        if not takeaways(group):
            ctx.note("Lessons learned", ctx.block(group))
    for child in section.children:
        key = heading_key(child.title)
        if key in ("key takeaways", "takeaways"):
            ctx.plain_blocks(child, takeaways)
        elif key.startswith("recommendations"):
            ctx.plain_blocks(child, functools.partial(_recommendations, ctx))
        else:
            ctx.section(child, top=False)


def _recommendations(ctx: ImportContext, group: list[Token]) -> bool:
    if group[0].type not in ("bullet_list_open", "ordered_list_open"):
        return False
    ctx.session.lessons.recommendations += [first_inline(i) for i in list_items(group)]
    return True
