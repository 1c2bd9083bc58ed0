"""The root cause analysis: its statement and prose, then its parts by subheading (what
happened, trigger, the 5 whys, the fishbone)."""

from __future__ import annotations

from sessions.importing.context import ImportContext
from sessions.importing.fishbone import read_fishbone
from sessions.importing.markdown_tree import Section, heading_key
from sessions.importing.plain_sections import set_prose
from sessions.importing.statement import statement
from sessions.importing.vocabulary import SYNONYMS
from sessions.importing.whys import read_whys


def read_root_cause(ctx: ImportContext, section: Section) -> None:
    rc = ctx.session.root_cause
    leftover: list[str] = []
    for group in section.blocks:
        if not statement(ctx, group):
            leftover.append(ctx.block(group))
    if leftover:
        if rc.what_happened:
            ctx.note("Root cause", "\n\n".join(leftover))
        else:
            rc.what_happened = "\n\n".join(leftover)
    parts = {
        "what_happened": read_what_happened,
        "trigger": read_trigger,
        "whys": read_whys,
        "fishbone": read_fishbone,
    }
    for child in section.children:
        key = SYNONYMS.get(heading_key(child.title))
        if key in ("what_happened", "trigger", "whys") or heading_key(child.title) == "fishbone":
            parts[key or "fishbone"](ctx, child)
        else:
            ctx.section(child, top=False)


def read_what_happened(ctx: ImportContext, section: Section) -> None:
    set_prose(ctx, "what_happened", section)


def read_trigger(ctx: ImportContext, section: Section) -> None:
    set_prose(ctx, "trigger", section)
