"""The timeline: our table, or events written as lines or a list ("14:05 — text"), under
date lines or date headings, in the zone an "All times in …" line names."""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import (
    Section,
    first_inline,
    heading_key,
    labelled,
    lines_source,
    list_items,
    split_br,
    table_rows,
    text_of,
)
from sessions.importing.times import parse_day, parse_time, zone_named
from sessions.importing.vocabulary import MARKERS
from sessions.markdown import GAP_TIME, RATIONALE
from sessions.models import TimelineEvent


def read_timeline(ctx: ImportContext, section: Section) -> None:
    meta = ctx.session.metadata
    ctx.clock.day = meta.date
    ctx.clock.year = meta.date.year if meta.date else None

    def handled(group: list[Token]) -> bool:
        kind = group[0].type
        if kind == "paragraph_open":
            return _timeline_paragraph(ctx, group)
        if kind == "table_open":
            return _timeline_table(ctx, group)
        if kind in ("bullet_list_open", "ordered_list_open"):
            return _timeline_list(ctx, group)
        return False

    for group in section.blocks:
        if not handled(group):
            ctx.note("Timeline", ctx.block(group))
    for child in section.children:
        if heading_key(child.title) == "key intervals":
            source = lines_source(ctx.lines, child.start, child.end)
            compute = functools.partial(_key_intervals, ctx)
            ctx.computed.append(("Timeline, key intervals", source, compute))
        elif parse_day(text_of(child.title), ctx.clock):
            ctx.clock.day = parse_day(text_of(child.title), ctx.clock)
            for group in child.blocks:
                if not handled(group):
                    ctx.note("Timeline", ctx.block(group))
        else:
            ctx.section(child, top=False)


def _key_intervals(ctx: ImportContext) -> str:
    match = ctx.in_export(r"### Key Intervals\n\n(.*?)(?:\n\n---|\n\n##|\Z)")
    return match[1] if match else ""


def _timeline_paragraph(ctx: ImportContext, group: list[Token]) -> bool:
    source = group[1].content
    plain = text_of(source)
    match = re.match(r"All times (?:are )?in (?P<zone>[\w/+-]+)", plain)
    on = re.search(r"\bon (\d{4}-\d{2}-\d{2})\b", plain)
    if match and on:
        ctx.clock.day = dt.date.fromisoformat(on[1])
    if match:
        zone = match["zone"]
        if zone.upper() != "UTC":
            try:
                ctx.clock.zone = zoneinfo.ZoneInfo(zone)
                ctx.session.metadata.time_zone = zone
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                fixed = zone_named(zone, dt.UTC)
                if fixed is None:
                    return False
                ctx.clock.zone = fixed
        return True
    day = parse_day(plain.rstrip(":").split(" (")[0], ctx.clock)
    if day is not None:  # a date line heading the events after it
        ctx.clock.day = day
        return True
    lines = source.split("\n")
    events = [_event_line(ctx, line) for line in lines]
    if all(events):
        ctx.session.timeline.extend(e for e in events if e)
        return True
    return False


def _event_line(ctx: ImportContext, source: str) -> TimelineEvent | None:
    """ "14:05 — text", "**14:05** text", "[2019-07-10 16:35 UTC] text", "12 May: text"."""
    line = re.sub(r"^\[([^\]]+)\]\s*", r"\1 ", source.strip())
    line = re.sub(r"^\*\*([^*]+)\*\*:?\s*", r"\1 ", line)
    parsed = parse_time(line, ctx.clock)
    if parsed is None:
        return None
    moment, precision, rest = parsed
    return TimelineEvent(time=moment, precision=precision, event=rest)


def _timeline_list(ctx: ImportContext, group: list[Token]) -> bool:
    events = []
    for item in list_items(group):
        source = first_inline(item)
        event = _event_line(ctx, source)
        if event is None:
            return False
        events.append(event)
    ctx.session.timeline.extend(events)
    return True


def _timeline_table(ctx: ImportContext, group: list[Token]) -> bool:
    rows = table_rows(group)
    header = [text_of(c).lower() for c in rows[0]] if rows else []
    if len(header) < 2 or not header[0].startswith(("time", "when", "date")):
        return False
    column = {name: i for i, name in enumerate(header)}
    for row in rows[1:]:
        if text_of(row[0]) == GAP_TIME:
            continue  # the export's mark of a long gap: not an event
        parsed = parse_time(text_of(row[0]), ctx.clock)
        if parsed is None:
            ctx.note("Timeline", " | ".join(row))
            continue
        moment, precision, _ = parsed
        event = _event_cell(row[1] if len(row) > 1 else "")
        event.time, event.precision = moment, precision
        if "actor" in column and column["actor"] < len(row):
            event.actor = text_of(row[column["actor"]])
        if "evidence" in column and column["evidence"] < len(row):
            event.evidence = text_of(row[column["evidence"]])
        ctx.session.timeline.append(event)
    return True


def _event_cell(source: str) -> TimelineEvent:
    """The event column of our table: marker, text and rationale (the time comes after)."""
    parts = split_br(source)
    rationale: list[str] = []
    for index, part in enumerate(parts):
        if part.startswith(RATIONALE):
            rationale = [part[len(RATIONALE) :], *parts[index + 1 :]]
            parts = parts[:index]
            break
    head = parts[0] if parts else ""
    marker = None
    marked = labelled(head)
    if marked and marked[0].lower() in MARKERS:
        marker = MARKERS[marked[0].lower()]
        head = marked[1]
    # "(after a gap of 11 min)", and "(after a 15 min gap)", in older exports
    gap = re.compile(r"\s*_\(after a (?:gap of [^)]*|[^)]*gap)\)_$")
    if len(parts) > 1:
        parts[-1] = gap.sub("", parts[-1])
    head = gap.sub("", head) if len(parts) <= 1 else head
    lines = [head, *parts[1:]]
    return TimelineEvent(
        time=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        event="\n".join(line.strip() for line in lines),
        marker=marker,
        rationale="\n".join(line.strip() for line in rationale),
    )
