"""Sections that are prose as written: summary, background, detection, resolution, …"""

from __future__ import annotations

import re

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import Section, text_of
from sessions.importing.statement import without_statement


def read_summary(ctx: ImportContext, section: Section) -> None:
    set_prose(ctx, "summary", section)
    # The guide's template labels its summary paragraph; the label is not the summary.
    ctx.session.summary = re.sub(r"^\*\*One-paragraph summary\*\*:\s*", "", ctx.session.summary)


def read_background(ctx: ImportContext, section: Section) -> None:
    set_prose(ctx, "background", section)


def read_detection(ctx: ImportContext, section: Section) -> None:
    set_prose(ctx, "detection", section)


def read_resolution(ctx: ImportContext, section: Section) -> None:
    set_prose(ctx, "resolution", section)


def read_customer_communication(ctx: ImportContext, section: Section) -> None:
    set_prose(ctx, "customer_communication", section)


def set_prose(ctx: ImportContext, name: str, section: Section) -> None:
    """The section as the field's text; a second section for a field filled goes to notes."""
    target = ctx.session.root_cause if name in ("what_happened", "trigger") else ctx.session
    text = ctx.body(section)
    if target is ctx.session.root_cause:
        text = without_statement(ctx, text)
    if getattr(target, name):
        ctx.note(text_of(section.title), text)
    else:
        setattr(target, name, text)
