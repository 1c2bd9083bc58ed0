"""The postmortem meeting: its notes as written, and the parking lot's table of open ideas."""

from __future__ import annotations

import datetime as dt
import re

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import (
    Section,
    cell_text,
    heading_key,
    labelled,
    lines_source,
    table_rows,
    text_of,
)
from sessions.markdown import (
    ATTENDEES_LABEL,
    MEETING_DATE_LABEL,
    PARKING_COLUMNS,
    PARKING_HEADING,
    PARKING_INTRO,
)
from sessions.models import Attendee, ParkedIdea, Role


def read_meeting(ctx: ImportContext, section: Section) -> None:
    """The date and attendees lines pmtui writes first, then notes as written; the last
    "Parking Lot" with its table is the open ideas."""
    start = section.start
    for group in section.blocks:
        if group[0].type != "paragraph_open" or not _date_or_attendees(ctx, group[1].content):
            break
        start = group[0].map[1] if group[0].map else start
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
    ctx.session.meeting.notes = lines_source(ctx.lines, start, end)
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


_ROLES = {role.label.lower(): role for role in Role}
#: "Name (role)" and the ", " after it; a name may hold commas ("Raman, Priya").
_PERSON = re.compile(
    r"(?P<name>\S.*?) \((?P<role>" + "|".join(map(re.escape, _ROLES)) + r")\)(?:, |$)",
    re.IGNORECASE,
)


def _date_or_attendees(ctx: ImportContext, source: str) -> bool:
    """Read "**Date**: YYYY-MM-DD" or "**Attendees**: Name (role), …" into the meeting;
    False (the line stays in the notes) when it is neither, or not all of it reads."""
    found = labelled(source)
    if found is None:
        return False
    label, rest = found
    value = text_of(rest)
    if label == MEETING_DATE_LABEL and not ctx.session.meeting.date:
        try:
            ctx.session.meeting.date = dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if label != ATTENDEES_LABEL or ctx.session.meeting.attendees:
        return False
    people, done = [], 0
    for match in _PERSON.finditer(value):
        if match.start() != done:
            return False
        people.append(Attendee(name=match["name"], role=_ROLES[match["role"].lower()]))
        done = match.end()
    if done != len(value) or not people:
        return False
    ctx.session.meeting.attendees = people
    return True
