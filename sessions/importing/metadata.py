"""The metadata: a "Field | Value" table, a list or lines of "**Label**: value" pairs."""

from __future__ import annotations

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import (
    Section,
    first_inline,
    labelled,
    list_items,
    table_rows,
    text_of,
)
from sessions.importing.times import parse_day
from sessions.importing.vocabulary import SEVERITIES, STATUSES
from sessions.models import Severity


def read_metadata(ctx: ImportContext, section: Section) -> None:
    def handled(group: list[Token]) -> bool:
        if group[0].type == "table_open":
            return metadata_table(ctx, group)
        if group[0].type == "bullet_list_open":
            return metadata_list(ctx, group)
        return False

    ctx.rest(section, handled, "Metadata")


def metadata_table(ctx: ImportContext, group: list[Token]) -> bool:
    rows = table_rows(group)
    if not rows or [text_of(c).lower() for c in rows[0]][:2] != ["field", "value"]:
        return False
    for row in rows[1:]:
        if len(row) >= 2:
            _metadata_field(ctx, text_of(row[0]), row[1])
    return True


def metadata_list(ctx: ImportContext, group: list[Token]) -> bool:
    pairs = [labelled(first_inline(item)) for item in list_items(group)]
    if not pairs or None in pairs:
        return False
    for label, value in pairs:  # type: ignore[misc]
        _metadata_field(ctx, label, value)
    return True


def metadata_paragraph(ctx: ImportContext, group: list[Token]) -> bool:
    """ "**Authors:** ana, luis" lines before the first section."""
    lines = group[1].content.split("\n")
    pairs = [labelled(line) for line in lines]
    if not all(pairs):
        return False
    for label, value in pairs:  # type: ignore[misc]
        _metadata_field(ctx, label, value)
    return True


def _metadata_field(ctx: ImportContext, label: str, source: str) -> None:
    meta = ctx.session.metadata
    value = text_of(source)
    name = label.lower().strip(": ")
    names = [v.strip() for v in value.split(", ") if v.strip()]
    if name == "date":
        day = parse_day(value, ctx.clock)
        if day:
            meta.date = ctx.clock.day = day
            return
    elif name in ("authors", "author", "owner", "owners"):
        meta.authors = names
        return
    elif name in ("reviewers", "reviewer"):
        meta.reviewers = names
        return
    elif name == "status" and value.lower() in STATUSES:
        meta.status = STATUSES[value.lower()]
        return
    elif name == "severity" and value.lower() in (*SEVERITIES, "unknown"):
        meta.severity = SEVERITIES.get(value.lower(), Severity.UNKNOWN)
        return
    elif name in ("incident id", "incident", "id"):
        meta.incident_id = value
        return
    elif name in ("services", "service"):
        meta.services = names
        return
    elif name in ("tags", "tag"):
        meta.tags = names
        return
    ctx.note("Metadata", f"**{label}**: {source}")
