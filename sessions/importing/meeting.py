"""The postmortem meeting: its notes as written, and the parking lot's table of open ideas."""

from __future__ import annotations

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import (
    Section,
    cell_text,
    heading_key,
    lines_source,
    table_rows,
    text_of,
)
from sessions.markdown import PARKING_COLUMNS, PARKING_HEADING, PARKING_INTRO
from sessions.models import ParkedIdea


def read_meeting(ctx: ImportContext, section: Section) -> None:
    """Notes as written; the last "Parking Lot" with its table is the open ideas."""
    lot = next(
        (
            child
            for child in reversed(section.children)
            if heading_key(child.title) == heading_key(PARKING_HEADING)
            and any(_parking_table(ctx, group, dry=True) for group in child.blocks)
        ),
        None,
    )
    end = lot.line if lot is not None else section.end
    ctx.session.meeting.notes = lines_source(ctx.lines, section.start, end)
    if lot is None:
        return
    for group in lot.blocks:
        intro = group[0].type == "paragraph_open" and text_of(group[1].content) == PARKING_INTRO
        if not intro and not _parking_table(ctx, group):
            ctx.note(PARKING_HEADING, ctx.block(group))
    for child in section.children[section.children.index(lot) + 1 :]:
        ctx.section(child, top=False)
    for child in lot.children:
        ctx.section(child, top=False)


def _parking_table(ctx: ImportContext, group: list[Token], *, dry: bool = False) -> bool:
    if group[0].type != "table_open":
        return False
    rows = table_rows(group)
    header = tuple(text_of(c) for c in rows[0]) if rows else ()
    if header != PARKING_COLUMNS:
        return False
    for row in [] if dry else rows[1:]:
        idea, raised_by, during = (*row, "", "", "")[:3]
        ctx.session.meeting.parking_lot.append(
            ParkedIdea(idea=cell_text(idea), raised_by=text_of(raised_by), section=text_of(during))
        )
    return True
