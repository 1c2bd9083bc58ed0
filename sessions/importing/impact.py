"""The impact: its description, the figures (duration, users, budget, …) and the table of
what was affected where."""

from __future__ import annotations

import re

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import (
    Section,
    cell_text,
    first_inline,
    labelled,
    lines_source,
    list_items,
    table_rows,
    text_of,
)
from sessions.importing.times import parse_minutes
from sessions.models import ImpactEntry


def read_impact(ctx: ImportContext, section: Section) -> None:
    """Prose first (its headings nest deeper), then the figures under their subheadings."""
    figures = [child for child in section.children if child.level == section.level + 1]
    if figures:  # pmtui's layout: all before the first subheading is the description
        ctx.session.impact.description = lines_source(ctx.lines, section.start, figures[0].line)
    else:  # written by hand: labelled bullets are figures, the rest is the description
        prose = [
            ctx.block(group)
            for group in section.blocks
            if group[0].type not in ("bullet_list_open", "table_open")
            or not _impact_figures(ctx, group)
        ]
        if len(prose) == len(section.blocks):  # no figures at all: it is all prose
            ctx.session.impact.description = ctx.body(section)
            return
        ctx.session.impact.description = "\n\n".join(prose)
        for child in section.children:
            ctx.section(child, top=False)
    for child in figures:
        for group in child.blocks:
            ok = (group[0].type == "bullet_list_open" and _impact_list(ctx, group)) or (
                group[0].type == "table_open" and _impact_table(ctx, group)
            )
            if not ok:
                ctx.note(text_of(child.title), ctx.block(group))
        for grandchild in child.children:
            ctx.section(grandchild, top=False)


def _impact_figures(ctx: ImportContext, group: list[Token]) -> bool:
    if group[0].type == "table_open":
        return _impact_table(ctx, group)
    return _impact_list(ctx, group)


def _impact_list(ctx: ImportContext, group: list[Token]) -> bool:
    items = [labelled(first_inline(item)) for item in list_items(group)]
    if not items or None in items:
        return False
    known = ("duration", "users affected", "data lost", "revenue impact", "sla breach")
    if not any(label.lower() in known or "budget" in label.lower() for label, _ in items):  # type: ignore[misc]
        return False  # a list of the team's own: prose
    for label, value in items:  # type: ignore[misc]
        if not _impact_field(ctx, label.lower(), value):
            ctx.note("Impact", f"- **{label}**: {value}")
    return True


def _impact_field(ctx: ImportContext, label: str, source: str) -> bool:
    impact = ctx.session.impact
    value = text_of(source)
    if label == "duration":
        minutes = parse_minutes(value)
        if minutes is None:
            return False
        impact.user.duration_minutes = minutes
    elif label in ("users affected", "users"):
        impact.user.users_affected = source
    elif label in ("functionality affected", "functionality", "features affected"):
        impact.user.functionality = [v.strip() for v in value.split(", ") if v.strip()]
    elif label == "data lost":
        impact.user.data_lost = source
    elif label == "revenue impact":
        impact.business.revenue = source
    elif label == "customer complaints":
        match = re.fullmatch(r"(\d+)(?: tickets?(?: filed)?)?", value)
        if not match:
            return False
        impact.business.complaints = int(match[1])
    elif label == "sla breach":
        if value.lower() not in ("yes", "no"):
            return False
        impact.business.sla_breach = value.lower() == "yes"
    elif label in ("error budget consumed", "monthly budget remaining"):
        match = re.fullmatch(r"(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*%", value)
        if not match:
            return False
        name = "error_budget_consumed_pct" if "consumed" in label else "budget_remaining_pct"
        setattr(impact.slo, name, float(match[1]))
    elif label == "error budget":
        impact.slo.note = source
    else:
        return False
    return True


def _impact_table(ctx: ImportContext, group: list[Token]) -> bool:
    rows = table_rows(group)
    header = [text_of(c).lower() for c in rows[0]] if rows else []
    if header[:3] != ["where", "what", "how much"]:
        return False
    for row in rows[1:]:
        row = row + [""] * (4 - len(row))
        amount, unit = _amount(text_of(row[2]))
        ctx.session.impact.entries.append(
            ImpactEntry(
                scope=text_of(row[0]),
                measure=cell_text(row[1]),
                amount=amount,
                unit=unit,
                note=cell_text(row[3]) if len(header) > 3 else "",
            )
        )
    return True


def _amount(text: str) -> tuple[float | None, str]:
    """ "1,200 requests" → (1200.0, "requests"); a dash or no number → (None, "")."""
    match = re.fullmatch(r"([\d,]*\d(?:\.\d+)?(?:e[+-]?\d+)?)\s*(.*)", text.strip())
    if not match or text.strip() in ("—", "-"):
        return None, ""
    try:
        return float(match[1].replace(",", "")), match[2].strip()
    except ValueError:
        return None, ""
