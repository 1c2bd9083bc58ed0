"""Markdown export that follows the guide's template, safe whatever the user typed.

User text is escaped so it can never become a heading, link, HTML or a broken table; the
document still reads well as plain text.
"""

from __future__ import annotations

import re

from sessions.fishbone_art import render_fishbone
from sessions.models import ROOT_CAUSE_REF, ActionType, Observation, Session
from sessions.textsafe import printable
from sessions.timeline import intervals, long_gaps, spans_days
from sessions.timeparse import format_duration, format_utc

MISSING = "_⚠ Not written yet._"

_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>|~&])")
_LONE_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_LINE_START = re.compile(r"^(\s*)([#>+=]|\d+[.)]|-(?=\S)|-$)")
_LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
_RULE_LINE = re.compile(r"^\s*([-=_*])(\s*\1)*\s*$")

ACTION_TYPE_LEGEND = {
    ActionType.PREVENT: "Stop this class of incident from happening",
    ActionType.DETECT: "Find this faster next time",
    ActionType.MITIGATE: "Reduce impact when it happens",
    ActionType.DOCUMENT: "Improve understanding/procedures",
}


def _escape_line(line: str) -> str:
    if _RULE_LINE.match(line):
        return "\\" + line.lstrip()
    line = _INLINE_SPECIAL.sub(r"\\\1", line)
    line = _LONE_UNDERSCORE.sub(r"\\_", line)
    return _LINE_START.sub(
        lambda m: (
            m.group(1)
            + (
                "\\" + m.group(2)
                if not m.group(2)[0].isdigit()
                else m.group(2)[:-1] + "\\" + m.group(2)[-1]
            )
        ),
        line,
    )


def inline(text: str) -> str:
    """One line of user text, safe inside a paragraph or list item."""
    return _escape_line(printable(" ".join(text.split("\n"))).strip())


def block(text: str) -> str:
    """Multi-line user text: paragraphs kept, single newlines kept as hard line breaks."""
    paragraphs = re.split(r"\n\s*\n", printable(text).strip("\n"))
    out = []
    for paragraph in paragraphs:
        lines = [_escape_line(line.rstrip()) for line in paragraph.split("\n") if line.strip()]
        joined = ""
        for index, line in enumerate(lines):
            if index:
                starts_item = _LIST_ITEM.match(lines[index])
                joined += "\n" if starts_item else "\\\n"
            joined += line
        out.append(joined)
    return "\n\n".join(p for p in out if p)


def cell(text: str) -> str:
    """User text inside a table cell: pipes, newlines and backticks can't break the table."""
    lines = [_escape_line(line.strip()) for line in printable(text).split("\n")]
    return "<br>".join(line for line in lines if line) or " "


def code_block(text: str, info: str = "") -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{printable(text).rstrip()}\n{fence}"


def _link(title: str, url: str) -> str:
    if not url:
        return inline(title)
    safe_url = (
        printable(url)
        .strip()
        .replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
    )
    return f"[{inline(title)}]({safe_url})"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("-" * (len(h) + 2) for h in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _observations(items: list[Observation]) -> str:
    out = []
    for item in items:
        if item.area:
            out.append(f"- **{inline(item.area)}**: {inline(item.text)}")
        else:
            out.append(f"- {inline(item.text)}")
    return "\n".join(out)


def _or_missing(text: str) -> str:
    return text if text.strip() else MISSING


def to_markdown(session: Session) -> str:
    """The postmortem document, in the guide's template order."""
    parts: list[str] = []
    meta = session.metadata
    parts.append(f"# Postmortem: {inline(meta.title) if meta.title.strip() else MISSING}")
    parts.append(
        "## Metadata\n\n"
        + _table(
            ["Field", "Value"],
            [
                ["**Date**", meta.date.isoformat() if meta.date else MISSING],
                ["**Authors**", cell(", ".join(meta.authors)) if meta.authors else MISSING],
                ["**Reviewers**", cell(", ".join(meta.reviewers)) if meta.reviewers else MISSING],
                ["**Status**", meta.status.value],
                ["**Severity**", meta.severity.value],
                ["**Incident ID**", cell(meta.incident_id) if meta.incident_id else MISSING],
            ]
            + ([["**Services**", cell(", ".join(meta.services))]] if meta.services else [])
            + ([["**Tags**", cell(", ".join(meta.tags))]] if meta.tags else []),
        )
    )
    parts.append("## Executive Summary\n\n" + _or_missing(block(session.summary)))
    parts.append("## Impact\n\n" + _impact(session))
    parts.append("## Timeline\n\n" + _timeline(session))
    parts.append("## Root Cause Analysis\n\n" + _root_cause(session))
    parts.append("## Contributing Factors\n\n" + _factors(session))
    parts.append("## What Went Well\n\n" + (_observations(session.went_well) or MISSING))
    parts.append("## What Went Poorly\n\n" + (_observations(session.went_poorly) or MISSING))
    if session.got_lucky:
        parts.append(
            "## Where We Got Lucky\n\nThings that could have made this worse but didn't:\n\n"
            + _observations(session.got_lucky)
        )
    parts.append("## Action Items\n\n" + _actions(session))
    lessons = _lessons(session)
    if lessons:
        parts.append("## Lessons Learned\n\n" + lessons)
    supporting = _supporting(session)
    if supporting:
        parts.append("## Supporting Information\n\n" + supporting)
    appendix = _appendix(session)
    if appendix:
        parts.append("## Appendix\n\n" + appendix)
    return parts[0] + "\n\n" + "\n\n---\n\n".join(parts[1:]) + "\n"


def _impact(session: Session) -> str:
    user, business, slo = session.impact.user, session.impact.business, session.impact.slo
    duration = user.duration_minutes
    if duration is None:
        duration_text = MISSING
    elif duration >= 60:
        duration_text = f"{duration // 60} hours {duration % 60} minutes"
    else:
        duration_text = f"{duration} minutes"
    lines = [
        "### User Impact",
        f"- **Duration**: {duration_text}",
        f"- **Users affected**: {inline(user.users_affected) if user.users_affected else MISSING}",
        "- **Functionality affected**: "
        + (", ".join(inline(f) for f in user.functionality) if user.functionality else MISSING),
    ]
    business_lines = []
    if business.revenue:
        business_lines.append(f"- **Revenue impact**: {inline(business.revenue)}")
    if business.complaints is not None:
        business_lines.append(f"- **Customer complaints**: {business.complaints} tickets filed")
    if business.sla_breach is not None:
        business_lines.append(f"- **SLA breach**: {'Yes' if business.sla_breach else 'No'}")
    if business_lines:
        lines += ["", "### Business Impact", *business_lines]
    slo_lines = []
    if slo.error_budget_consumed_pct is not None:
        slo_lines.append(f"- **Error budget consumed**: {slo.error_budget_consumed_pct:g}%")
    if slo.budget_remaining_pct is not None:
        slo_lines.append(f"- **Monthly budget remaining**: {slo.budget_remaining_pct:g}%")
    if slo_lines:
        lines += ["", "### SLO Impact", *slo_lines]
    return "\n".join(lines)


def _timeline(session: Session) -> str:
    events = session.sorted_timeline()
    if not events:
        return "All times in UTC.\n\n" + MISSING
    with_date = spans_days(events)
    with_extra = any(event.actor or event.evidence for event in events)
    gaps = long_gaps(events)
    rows = []
    for index, event in enumerate(events):
        what = cell(event.event)
        if event.marker is not None:
            what = f"**{event.marker.label}**: {what}"
        if index in gaps:
            gap = event.time - events[index - 1].time
            what += f" _(after a {format_duration(gap)} gap)_"
        row = [format_utc(event.time, with_date=with_date), what]
        if with_extra:
            row += [cell(event.actor), cell(event.evidence)]
        rows.append(row)
    header = ["Time", "Event"] + (["Actor", "Evidence"] if with_extra else [])
    text = "All times in UTC.\n\n" + _table(header, rows)
    figures = [
        f"- **{i.name}**: {format_duration(i.value)}"
        for i in intervals(events)
        if i.value is not None
    ]
    if figures:
        text += "\n\n### Key Intervals\n\n" + "\n".join(figures)
    return text


def _root_cause(session: Session) -> str:
    rc = session.root_cause
    parts = ["### What Happened\n\n" + _or_missing(block(rc.what_happened))]
    whys = rc.whys
    why_text = "### Why It Happened\n\n"
    chains = whys.chains()
    if whys.problem:
        why_text += f"Problem: {inline(whys.problem)}\n\n"
    if not chains:
        why_text += MISSING
    elif len(chains) == 1:
        why_text += _chain(chains[0], {})
    else:
        sections = []
        shown: dict[str, str] = {}
        for number, chain in enumerate(chains, 1):
            shared = _shared_steps(chain, shown)
            note = f"Steps 1–{shared} are shared with the chains above.\n\n" if shared else ""
            sections.append(f"#### Chain {number}\n\n{note}" + _chain(chain, shown))
        why_text += "\n\n".join(sections)
    parts.append(why_text)
    marked = [n for n in whys.nodes if n.root_cause]
    statement = rc.statement.strip()
    if statement:
        parts.append(f"**Root Cause**: {inline(statement)}")
    elif marked:
        parts.append("**Root Cause**: " + "; ".join(inline(n.because) for n in marked))
    else:
        parts.append(f"**Root Cause**: {MISSING}")
    if not rc.fishbone.is_empty:
        fishbone = [
            "### Fishbone",
            "",
            code_block("\n".join(render_fishbone(rc.fishbone, 100)), "text"),
        ]
        for category in rc.fishbone.categories:
            if not category.causes:
                continue
            fishbone += ["", f"**{inline(category.name)}**", ""]
            for cause in category.causes:
                link = f" _(factor {inline(cause.factor)})_" if cause.factor else ""
                fishbone.append(f"- {inline(cause.text)}{link}")
                fishbone += [f"  - {inline(sub)}" for sub in cause.sub_causes]
        parts.append("\n".join(fishbone))
    return "\n\n".join(parts)


def _shared_steps(chain, shown: dict[str, str]) -> int:
    """How many first steps of ``chain`` an earlier chain already showed. Chains are paths
    from the problem down a tree, so a step shown before comes with all the steps above it."""
    count = 0
    while count < len(chain) and chain[count].id in shown:
        count += 1
    return count


def _chain(chain, steps: dict[str, str]) -> str:
    """The numbered steps; ``steps`` keeps each step's text, as chains share their first steps."""
    for node in chain:
        if node.id not in steps:
            steps[node.id] = _step(node)
    return "\n\n".join(f"{number}. {steps[node.id]}" for number, node in enumerate(chain, 1))


def _step(node) -> str:
    mark = " **(root cause)**" if node.root_cause else ""
    question = inline(node.why) or MISSING
    if question.lower().startswith("why "):
        question = "**Why**" + question[3:]
    else:
        question = f"**Why**: {question}"
    because = inline(node.because) or MISSING
    if not because.lower().startswith("because"):
        because = f"Because {_lower_first(because)}" if because != MISSING else because
    return f"{question}\n   - {because}{mark}"


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _factors(session: Session) -> str:
    if not session.factors:
        return MISSING
    rows = [[cell(f.factor), cell(f.description), cell(f.type)] for f in session.factors]
    return "Factors that made the incident possible or worse:\n\n" + _table(
        ["Factor", "Description", "Type"], rows
    )


def _actions(session: Session) -> str:
    if not session.action_items:
        return MISSING
    factor_names = {f.id: f.factor for f in session.factors}
    rows = []
    with_ticket = any(item.ticket for item in session.action_items)
    with_refs = any(item.addresses for item in session.action_items)
    for item in session.action_items:
        row = [
            str(item.id),
            cell(item.action),
            item.type.value if item.type else "—",
            item.priority.value if item.priority else "—",
            cell(item.owner) if item.owner else "—",
            item.due.isoformat() if item.due else "—",
            item.status.value,
        ]
        if with_ticket:
            row.append(cell(item.ticket) if item.ticket else "—")
        if with_refs:
            names = [
                "Root cause" if ref == ROOT_CAUSE_REF else factor_names.get(ref, ref)
                for ref in item.addresses
            ]
            row.append(cell(", ".join(names)) if names else "—")
        rows.append(row)
    header = ["ID", "Action", "Type", "Priority", "Owner", "Due Date", "Status"]
    header += (["Ticket"] if with_ticket else []) + (["Addresses"] if with_refs else [])
    legend = "\n".join(f"- **{t.value}**: {meaning}" for t, meaning in ACTION_TYPE_LEGEND.items())
    return _table(header, rows) + "\n\n### Action Item Types\n" + legend


def _lessons(session: Session) -> str:
    lessons = session.lessons
    parts = []
    if lessons.takeaways:
        items = []
        for number, takeaway in enumerate(lessons.takeaways, 1):
            text = f" {inline(takeaway.text)}" if takeaway.text else ""
            items.append(f"{number}. **{inline(takeaway.title)}**:{text}")
        parts.append("### Key Takeaways\n\n" + "\n\n".join(items))
    if lessons.recommendations:
        parts.append(
            "### Recommendations for Broader Organization\n\n"
            + "\n".join(f"- {inline(r)}" for r in lessons.recommendations)
        )
    return "\n\n".join(parts)


def _supporting(session: Session) -> str:
    info = session.supporting
    parts = []
    if info.logs.strip():
        parts.append("### Relevant Logs\n\n" + code_block(info.logs))
    if info.metrics:
        parts.append(
            "### Relevant Metrics\n\n"
            + "\n".join(f"- {_link(m.title, m.url)}" for m in info.metrics)
        )
    if info.related:
        lines = []
        for rel in info.related:
            summary = f" - {inline(rel.summary)}" if rel.summary else ""
            lines.append(f"- {_link(rel.incident_id, rel.url)}{summary}")
        parts.append("### Related Incidents\n\n" + "\n".join(lines))
    return "\n\n".join(parts)


def _appendix(session: Session) -> str:
    appendix = session.appendix
    parts = []
    if appendix.glossary:
        parts.append(
            "### Glossary\n\n"
            + "\n".join(
                f"- **{inline(g.term)}**: {inline(g.definition)}" for g in appendix.glossary
            )
        )
    if appendix.references:
        parts.append(
            "### References\n\n"
            + "\n".join(f"- {_link(r.title, r.url)}" for r in appendix.references)
        )
    return "\n\n".join(parts)
