"""What went well, what went poorly, where we got lucky: lists of "**Area**: text"."""

from __future__ import annotations

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import Section, first_inline, labelled, list_items, text_of
from sessions.markdown import LUCKY_INTRO
from sessions.models import Observation


def read_went_well(ctx: ImportContext, section: Section) -> None:
    _observations(ctx, "went_well", section)


def read_went_poorly(ctx: ImportContext, section: Section) -> None:
    _observations(ctx, "went_poorly", section)


def read_got_lucky(ctx: ImportContext, section: Section) -> None:
    _observations(ctx, "got_lucky", section)


def _observations(ctx: ImportContext, name: str, section: Section) -> None:
    items: list[Observation] = getattr(ctx.session, name)

    def handled(group: list[Token]) -> bool:
        kind = group[0].type
        if kind == "paragraph_open" and text_of(group[1].content) == LUCKY_INTRO:
            return True
        if kind not in ("bullet_list_open", "ordered_list_open"):
            return False
        for item in list_items(group):
            items.append(_observation(first_inline(item)))
            extra = [t for t in item if t.type == "inline"][1:]
            for token in extra:
                ctx.note(text_of(section.title), token.content)
        return True

    ctx.rest(section, handled, text_of(section.title))


def _observation(source: str) -> Observation:
    label = labelled(source)
    if label:
        return Observation(area=label[0], text=label[1])
    return Observation(text=source.strip())
