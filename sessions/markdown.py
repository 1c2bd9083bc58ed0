"""Markdown export: the postmortem as a finished document, in the guide's template order.

Prose is Markdown (see ``sessions.prose``); names and identifiers are shown literally. Parts
with nothing in them are left out — `pmtui check`, not the document, says what is missing.
The layout is one ``sessions.importer`` reads back: export, import and export again gives
the same document.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable

from sessions.fishbone_art import render_fishbone
from sessions.models import (
    ROOT_CAUSE_REF,
    ActionItem,
    Fishbone,
    FishboneCategory,
    FiveWhys,
    IdeaStatus,
    Observation,
    Precision,
    Session,
    Severity,
    TimelineEvent,
    WhyNode,
)
from sessions.prose import block, cell, code_block, inline, plain, plain_cell, visible_controls
from sessions.template import GUIDE_TEMPLATE, Template
from sessions.timeline import display_zone, intervals, long_gaps
from sessions.timeparse import format_duration, format_in

TITLE_PREFIX = "Postmortem: "
UNNAMED = "(unnamed)"
APPROXIMATE = "≈ "
RATIONALE = "_Rationale:_ "
LUCKY_INTRO = "Things that could have made this worse but didn't:"
FACTORS_INTRO = "Factors that made the incident possible or worse:"
MEETING_HEADING = "Postmortem Meeting"
"""The meeting's notes (the close summary among them) and its parking lot, last."""
PARKING_HEADING = "Parking Lot"
PARKING_INTRO = "Ideas parked during the meeting, not yet an action item or dropped:"
PARKING_COLUMNS = ("Idea", "Raised by", "During")
OTHER_GROUP = "Other"
"""The heading of the action items without a group, after the groups (the importer reads a
table under it back as items without a group when other groups are there too)."""
SEPARATOR = "\n\n---\n\n"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
SAFE_SCHEMES = ("http://", "https://", "mailto:")

#: The standard headings, also what the importer looks for.
HEADINGS = {
    "summary": "Executive Summary",
    "background": "Background",
    "impact": "Impact",
    "timeline": "Timeline",
    "root_cause": "Root Cause Analysis",
    "factors": "Contributing Factors",
    "detection": "Detection",
    "resolution": "Resolution",
    "customer_communication": "Customer Communication",
    "went_well": "What Went Well",
    "went_poorly": "What Went Poorly",
    "got_lucky": "Where We Got Lucky",
    "action_items": "Action Items",
    "lessons": "Lessons Learned",
    "supporting": "Supporting Information",
    "appendix": "Appendix",
}

#: Words that start a sentence but not a name: lowered after "Because" ("Because the pool…").
_SENTENCE_WORDS = frozenset(
    "a an the this that these those our we it its there they their no none some one each every"
    " all any nobody nothing two three several many most".split()
)


def to_markdown(session: Session, template: Template = GUIDE_TEMPLATE) -> str:
    """The postmortem document; ``template`` gives the meaning of the team's action types."""
    parts = [_title(session), "## Metadata\n\n" + _metadata(session)]
    bodies: dict[str, Callable[[Session], str]] = {
        "summary": lambda s: block(s.summary),
        "background": lambda s: block(s.background),
        "impact": _impact,
        "timeline": _timeline,
        "root_cause": _root_cause,
        "factors": _factors,
        "detection": lambda s: block(s.detection),
        "resolution": lambda s: block(s.resolution),
        "customer_communication": lambda s: block(s.customer_communication),
        "went_well": lambda s: _observations(s.went_well),
        "went_poorly": lambda s: _observations(s.went_poorly),
        "got_lucky": _got_lucky,
        "action_items": lambda s: _actions(s, template),
        "lessons": _lessons,
        "supporting": _supporting,
        "appendix": _appendix,
    }
    for section_id, body in bodies.items():
        text = body(session)
        if text:
            parts.append(f"## {HEADINGS[section_id]}\n\n{text}")
        for team in session.team_sections:
            if (team.after or "lessons") == section_id and block(team.text):
                parts.append(f"## {plain(team.title) or 'Notes'}\n\n{block(team.text)}")
    meeting = _meeting(session)
    if meeting:
        parts.append(f"## {MEETING_HEADING}\n\n{meeting}")
    return parts[0] + "\n\n" + SEPARATOR.join(parts[1:]) + "\n"


def _title(session: Session) -> str:
    title = inline(session.metadata.title)
    if not title:
        return "# Postmortem"
    if title.lower().startswith("postmortem"):
        return f"# {title}"
    return f"# {TITLE_PREFIX}{title}"


def severity_label(severity: Severity) -> str:
    return "Unknown" if severity is Severity.UNKNOWN else severity.value


def _metadata(session: Session) -> str:
    meta = session.metadata
    rows = []
    if meta.date:
        rows.append(["**Date**", meta.date.isoformat()])
    if names(meta.authors):
        rows.append(["**Authors**", plain_cell(names(meta.authors))])
    if names(meta.reviewers):
        rows.append(["**Reviewers**", plain_cell(names(meta.reviewers))])
    rows.append(["**Status**", meta.status.value])
    rows.append(["**Severity**", severity_label(meta.severity)])
    if plain(meta.incident_id):
        rows.append(["**Incident ID**", plain_cell(meta.incident_id)])
    if names(meta.services):
        rows.append(["**Services**", plain_cell(names(meta.services))])
    if names(meta.tags):
        rows.append(["**Tags**", plain_cell(names(meta.tags))])
    return table(["Field", "Value"], rows)


def names(items: list[str]) -> str:
    """A list of names on one line, the empty ones left out."""
    return ", ".join(name for name in (plain_text(item) for item in items) if name)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("-" * (len(h) + 2) for h in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _labelled(label: str, text: str) -> str:
    """A bullet with an optional bold label: ``- **Area**: text`` or ``- text``."""
    label = plain(label)
    if label:
        return f"- **{label}**: {text}".rstrip()
    return f"- {text}".rstrip()


def _observations(items: list[Observation]) -> str:
    return "\n".join(_labelled(item.area, inline(item.text)) for item in items)


def _got_lucky(session: Session) -> str:
    if not session.got_lucky:
        return ""
    return f"{LUCKY_INTRO}\n\n{_observations(session.got_lucky)}"


# --- impact -------------------------------------------------------------------------------


def format_minutes(minutes: int) -> str:
    """1451 → "24 hours 11 minutes": every minute the team wrote down is shown."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def amount_text(amount: float, unit: str = "") -> str:
    """5000000, "webhooks" → "5,000,000 webhooks"; 12.5, "%" → "12.5%" (the unit as given)."""
    number = f"{int(amount):,}" if amount.is_integer() else f"{amount:,}"
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def format_amount(amount: float, unit: str = "") -> str:
    return amount_text(amount, plain(unit))


def _impact(session: Session) -> str:
    impact = session.impact
    user, business, slo = impact.user, impact.business, impact.slo
    description = block(impact.description, 3)  # its headings nest below the figures' ones
    parts = [description] if description else []
    lines = []
    if user.duration_minutes is not None:
        lines.append(f"- **Duration**: {format_minutes(user.duration_minutes)}")
    if inline(user.users_affected):
        lines.append(f"- **Users affected**: {inline(user.users_affected)}")
    if names(user.functionality):
        lines.append("- **Functionality affected**: " + plain(names(user.functionality)))
    if inline(user.data_lost):
        lines.append(f"- **Data lost**: {inline(user.data_lost)}")
    if lines:
        parts.append("### User Impact\n" + "\n".join(lines))
    lines = []
    if inline(business.revenue):
        lines.append(f"- **Revenue impact**: {inline(business.revenue)}")
    if business.complaints is not None:
        lines.append(f"- **Customer complaints**: {business.complaints} tickets filed")
    if business.sla_breach is not None:
        lines.append(f"- **SLA breach**: {'Yes' if business.sla_breach else 'No'}")
    if lines:
        parts.append("### Business Impact\n" + "\n".join(lines))
    lines = []
    if slo.error_budget_consumed_pct is not None:
        lines.append(f"- **Error budget consumed**: {slo.error_budget_consumed_pct:g}%")
    if slo.budget_remaining_pct is not None:
        lines.append(f"- **Monthly budget remaining**: {slo.budget_remaining_pct:g}%")
    if inline(slo.note):
        lines.append(f"- **Error budget**: {inline(slo.note)}")
    if lines:
        parts.append("### SLO Impact\n" + "\n".join(lines))
    if impact.entries:
        with_notes = any(inline(entry.note) for entry in impact.entries)
        rows = []
        for entry in impact.entries:
            amount = format_amount(entry.amount, entry.unit) if entry.amount is not None else "—"
            row = [plain_cell(entry.scope), cell(entry.measure), amount]
            rows.append([*row, cell(entry.note)] if with_notes else row)
        header = ["Where", "What", "How much"] + (["Notes"] if with_notes else [])
        parts.append("### Impact by Component or Region\n\n" + table(header, rows))
    return "\n\n".join(parts)


# --- timeline -----------------------------------------------------------------------------


def zone_sentence(session: Session, events: list[TimelineEvent]) -> str:
    name = session.metadata.time_zone
    if not name:
        return "All times in UTC."
    at = events[0].time.astimezone(zoneinfo.ZoneInfo(name))
    offset = at.strftime("%z")
    return f"All times in {name} ({at.tzname()}, UTC{offset[:3]}:{offset[3:]})."


def timeline_needs_dates(session: Session, events: list[TimelineEvent]) -> bool:
    """Dates are shown unless every event is on the incident's date (in the display zone)."""
    zone = display_zone(session)
    days = {event.time.astimezone(zone).date() for event in events}
    return days != {session.metadata.date}


def format_event_time(event: TimelineEvent, zone: dt.tzinfo, with_date: bool) -> str:
    if event.precision is Precision.DAY:
        return event.time.astimezone(zone).date().isoformat()
    text = format_in(event.time, zone, with_date=with_date, seconds=bool(event.time.second))
    local = event.time.astimezone(zone)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        offset = local.strftime("%z")  # the hour a clock change repeats: say which one
        text += f" UTC{offset[:3]}:{offset[3:]}"
    return APPROXIMATE + text if event.precision is Precision.APPROXIMATE else text


def _timeline(session: Session) -> str:
    events = session.sorted_timeline()
    if not events:
        return ""
    zone = display_zone(session)
    with_date = timeline_needs_dates(session, events)
    with_extra = any(plain(event.actor) or plain(event.evidence) for event in events)
    gaps = long_gaps(events)
    rows = []
    for index, event in enumerate(events):
        what = cell(event.event).strip()
        if event.marker is not None:
            what = f"**{event.marker.label}**: {what}".rstrip()
        if index in gaps:
            gap = event.time.replace(microsecond=0) - events[index - 1].time.replace(microsecond=0)
            what += f" _(after a {format_duration(gap)} gap)_"
        if inline(event.rationale):
            what += "<br>" + RATIONALE + cell(event.rationale)
        row = [format_event_time(event, zone, with_date), what.strip() or " "]
        if with_extra:
            row += [plain_cell(event.actor), plain_cell(event.evidence)]
        rows.append(row)
    header = ["Time", "Event"] + (["Actor", "Evidence"] if with_extra else [])
    text = zone_sentence(session, events) + "\n\n" + table(header, rows)
    figures = [
        f"- **{i.name}**: {'about ' if i.approximate else ''}{format_duration(i.value)}"
        for i in intervals(events)
        if i.value is not None
    ]
    if figures:
        text += "\n\n### Key Intervals\n\n" + "\n".join(figures)
    return text


# --- root cause ---------------------------------------------------------------------------


def _root_cause(session: Session) -> str:
    rc = session.root_cause
    parts = []
    if block(rc.what_happened, 3):
        parts.append("### What Happened\n\n" + block(rc.what_happened, 3))
    if block(rc.trigger, 3):
        parts.append("### Trigger\n\n" + block(rc.trigger, 3))
    analyses = [whys for whys in rc.whys if not _blank_analysis(whys)]
    if analyses:
        parts.append("### Why It Happened\n\n" + _analyses(analyses))
    statement = inline(rc.statement)
    if not statement:
        statement = inline("; ".join(n.because.strip() for n in rc.marked() if inline(n.because)))
    if statement:
        parts.append(f"**Root Cause**: {statement}")
    fishbone = display_fishbone(rc.fishbone)
    if fishbone is not None:
        parts.append(_fishbone(fishbone, session))
    return "\n\n".join(parts)


def _blank_analysis(whys: FiveWhys) -> bool:
    return not inline(whys.problem) and not whys.nodes


def _analyses(analyses: list[FiveWhys]) -> str:
    if len(analyses) == 1:
        whys = analyses[0]
        problem = inline(whys.problem)
        head = f"**Problem**: {problem}\n\n" if problem else ""
        return head + _chains(whys)
    out = []
    for number, whys in enumerate(analyses, 1):
        problem = inline(whys.problem)
        heading = f"#### Problem {number}" + (f": {problem}" if problem else "")
        out.append(heading + ("\n\n" + _chains(whys) if whys.nodes else ""))
    return "\n\n".join(out)


def _chains(whys: FiveWhys) -> str:
    """Each chain once; a branch starts where it leaves the chain it shares steps with."""
    chains = whys.chains()
    if len(chains) == 1:
        return _steps(chains[0], 1)
    out = []
    printed: dict[str, int] = {}  # step id → the chain that printed it
    for number, chain in enumerate(chains, 1):
        shared, source = _shared_prefix(chain, printed)
        for node in chain[shared:]:
            printed[node.id] = number
        if shared:
            label = f"**Chain {number}**, from step {shared} of chain {source}:"
        else:
            label = f"**Chain {number}**"
        out.append(label + "\n\n" + _steps(chain[shared:], shared + 1))
    return "\n\n".join(out)


def _shared_prefix(chain: list[WhyNode], printed: dict[str, int]) -> tuple[int, int]:
    """How many first steps ``chain`` shares with the chains before it, and which chain
    printed the last of them (1-based): the deepest step already printed, found from the
    end, so the whole analysis costs its size, not its size times its chains."""
    for depth in range(len(chain), 0, -1):
        source = printed.get(chain[depth - 1].id)
        if source is not None:
            return depth, source
    return 0, 0


def _steps(nodes: list[WhyNode], first: int) -> str:
    steps = []
    for number, node in enumerate(nodes, first):
        mark = " **(root cause)**" if node.root_cause else ""
        question = inline(node.why)
        if not question:
            question = "**Why?**"
        elif question.lower().startswith("why "):
            question = "**Why**" + question[3:]
        else:
            question = f"**Why**: {question}"
        because = inline(node.because)
        step = f"{number}. {question}"
        if because:
            if not because.lower().startswith("because"):
                because = inline("Because " + _sentence_case(node.because.strip()))
            step += f"\n   - {because}{mark}"
        elif mark:
            step += f"\n   - {mark.strip()}"
        steps.append(step)
    return "\n\n".join(steps)


def _sentence_case(text: str) -> str:
    """Lower the first word after "Because" only when it is an ordinary word, never a name."""
    first, _, rest = text.partition(" ")
    if (
        first.lower() in _SENTENCE_WORDS
        and first[:1].isupper()
        and not any(c.isupper() for c in first[1:])
    ):
        return first.lower() + (" " + rest if rest else "")
    return text


def display_fishbone(fishbone: Fishbone) -> Fishbone | None:
    """The fishbone as the document shows it (names flattened, blanks named), or None if empty.

    The diagram is drawn from this copy, so the importer, which reads the names from the
    lists, gets back exactly what the diagram was drawn from.
    """
    has_causes = any(category.causes for category in fishbone.categories)
    problem = plain_text(fishbone.problem)
    if not has_causes and not problem:
        return None
    categories = [
        FishboneCategory(
            name=plain_text(category.name) or UNNAMED,
            causes=[
                cause.model_copy(
                    update={
                        "text": plain_text(cause.text) or UNNAMED,
                        "sub_causes": [plain_text(sub) or UNNAMED for sub in cause.sub_causes],
                    }
                )
                for cause in category.causes
            ],
        )
        for category in fishbone.categories
    ]
    return Fishbone(problem=problem, categories=categories)


def plain_text(text: str) -> str:
    """What ``plain`` shows, as text: one line, controls visible, ends trimmed."""
    flat = " ".join(visible_controls(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n"))
    return flat.strip()


def _fishbone(fishbone: Fishbone, session: Session) -> str:
    factor_names = {f.id: f.factor for f in session.factors}
    out = ["### Fishbone", ""]
    if fishbone.problem:
        out += [f"**Problem**: {plain(fishbone.problem)}", ""]
    out.append(code_block("\n".join(render_fishbone(fishbone, 100, full=True)), "text"))
    for category in fishbone.categories:
        if not category.causes:
            out += ["", f"**{plain(category.name)}**: _none named_"]
            continue
        out += ["", f"**{plain(category.name)}**", ""]
        for cause in category.causes:
            link = ""
            if cause.factor:
                name = plain(factor_names.get(cause.factor, cause.factor))
                link = f" _(factor: {name})_"
            out.append(f"- {plain(cause.text)}{link}")
            out += [f"  - {plain(sub)}" for sub in cause.sub_causes]
    return "\n".join(out)


# --- factors and actions ------------------------------------------------------------------


def _factors(session: Session) -> str:
    if not session.factors:
        return ""
    rows = [
        [plain_cell(f.factor), cell(f.description), plain_cell(f.type)] for f in session.factors
    ]
    return f"{FACTORS_INTRO}\n\n" + table(["Factor", "Description", "Type"], rows)


ACTION_COLUMNS = (
    "ID", "Action", "Type", "Priority", "Owner", "Due Date", "Status", "Ticket", "Addresses"
)  # fmt: skip
"""Columns with nothing in them are left out, except ID, Action and Status."""


def _actions(session: Session, template: Template) -> str:
    items = session.action_items
    if not items:
        return ""
    factor_names = {f.id: f.factor for f in session.factors}
    columns = [
        c
        for c in ACTION_COLUMNS
        if c in ("ID", "Action", "Status")
        or any(_action_cell(item, c, factor_names) != "—" for item in items)
    ]
    parts = []
    for group, members in action_groups(items):
        rows = [[_action_cell(item, c, factor_names) for c in columns] for item in members]
        text = table(columns, rows)
        why = [item for item in members if block(item.rationale, 4)]
        if why:
            text += "\n\n" + "\n\n".join(_rationale(item) for item in why)
        parts.append(f"### {group}\n\n{text}" if group else text)
    used = {str(item.type) for item in items if item.type}
    if used:
        legend = [
            f"- **{plain(spec.name)}**: {inline(spec.meaning)}".rstrip(": ")
            if spec.meaning
            else f"- **{plain(spec.name)}**"
            for spec in template.action_types
        ]
        parts.append("### Action Item Types\n" + "\n".join(legend))
    return "\n\n".join(parts)


def action_groups(items: list[ActionItem]) -> list[tuple[str, list[ActionItem]]]:
    """The items by group, as the export shows them: (heading, items), "" for no heading.

    Without any group, one table with no heading. Otherwise each group under its heading in
    the order it first appears, and the items without a group last, under "Other" (with a
    group of that name, if there is one), so none reads as belonging to the section intro.
    """
    if not any(plain(item.group) for item in items):
        return [("", list(items))]
    groups: dict[str, list[ActionItem]] = {}
    for item in items:
        groups.setdefault(plain(item.group) or OTHER_GROUP, []).append(item)
    other = groups.pop(OTHER_GROUP, None)
    ordered = list(groups.items())
    return [*ordered, (OTHER_GROUP, other)] if other else ordered


def _rationale(item: ActionItem) -> str:
    body = block(item.rationale, 4)
    indented = "\n".join(("  " + line) if line else "" for line in body.split("\n"))
    return f"- **Why action {item.id}**\n\n{indented}"


def ticket_cell(ticket: str) -> str:
    """A ticket URL is a link; a ticket key ("OPS-101") is text."""
    ticket = ticket.strip()
    if re.fullmatch(r"https?://[^\s<>|\\\x00-\x1f\x7f]+", ticket):
        return f"<{ticket}>"
    return plain_cell(ticket) if plain(ticket) else "—"


def _action_cell(item: ActionItem, column: str, factor_names: dict[str, str]) -> str:
    if column == "ID":
        return str(item.id)
    if column == "Action":
        return cell(item.action)
    if column == "Type":
        return plain_cell(str(item.type)) if item.type and plain(str(item.type)) else "—"
    if column == "Priority":
        return item.priority.value if item.priority else "—"
    if column == "Owner":
        return plain_cell(item.owner) if plain(item.owner) else "—"
    if column == "Due Date":
        return item.due.isoformat() if item.due else "—"
    if column == "Status":
        return item.status.value
    if column == "Ticket":
        return ticket_cell(item.ticket)
    refs = names(
        [
            "Root cause" if ref == ROOT_CAUSE_REF else factor_names.get(ref, ref)
            for ref in item.addresses
        ]
    )
    return plain_cell(refs) if refs else "—"


# --- the meeting -------------------------------------------------------------------------


def _meeting(session: Session) -> str:
    """The notes as written, then the ideas still waiting in the parking lot."""
    parts = []
    notes = block(session.meeting.notes, 2)
    if notes:
        parts.append(notes)
    waiting = [i for i in session.meeting.parking_lot if i.status is IdeaStatus.OPEN]
    if waiting:
        rows = [[cell(i.idea), plain_cell(i.raised_by), plain_cell(i.section)] for i in waiting]
        parts.append(
            f"### {PARKING_HEADING}\n\n{PARKING_INTRO}\n\n" + table(list(PARKING_COLUMNS), rows)
        )
    return "\n\n".join(parts)


# --- lessons, supporting information, appendix --------------------------------------------


def _lessons(session: Session) -> str:
    lessons = session.lessons
    parts = []
    if lessons.takeaways:
        items = []
        for number, takeaway in enumerate(lessons.takeaways, 1):
            title, text = plain(takeaway.title), inline(takeaway.text)
            body = " ".join(part for part in (f"**{title}**:" if title else "", text) if part)
            items.append(f"{number}. {body}".rstrip())
        parts.append("### Key Takeaways\n\n" + "\n\n".join(items))
    if lessons.recommendations:
        parts.append(
            "### Recommendations for Broader Organization\n\n"
            + "\n".join(f"- {inline(r)}".rstrip() for r in lessons.recommendations)
        )
    return "\n\n".join(parts)


def link(title: str, url: str) -> str:
    """A link when the URL is one a reader can follow; otherwise the title and URL as text."""
    url = url.strip()
    if not url:
        return plain(title)
    if not url.lower().startswith(SAFE_SCHEMES) and not re.match(r"^[\w./#-]+$", url):
        return plain(f"{title} ({url})")
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    safe = safe.replace("<", "%3C").replace(">", "%3E").replace("\\", "%5C")
    text = plain(title) or plain(url)
    image = "!" if url.lower().endswith(IMAGE_SUFFIXES) else ""
    return f"{image}[{text}]({safe})"


def _supporting(session: Session) -> str:
    info = session.supporting
    parts = []
    if info.logs.strip():
        parts.append("### Relevant Logs\n\n" + code_block(info.logs))
    if info.metrics:
        parts.append(
            "### Relevant Metrics\n\n"
            + "\n".join(f"- {link(m.title, m.url)}".rstrip() for m in info.metrics)
        )
    if info.related:
        lines = []
        for rel in info.related:
            summary = f" - {inline(rel.summary)}" if inline(rel.summary) else ""
            incident = rel.incident_id if plain(rel.incident_id) else UNNAMED
            lines.append(f"- {link(incident, rel.url)}{summary}".rstrip())
        parts.append("### Related Incidents\n\n" + "\n".join(lines))
    return "\n\n".join(parts)


def _appendix(session: Session) -> str:
    appendix = session.appendix
    parts = []
    if appendix.glossary:
        parts.append(
            "### Glossary\n\n"
            + "\n".join(_labelled(g.term, inline(g.definition)) for g in appendix.glossary)
        )
    if appendix.references:
        parts.append(
            "### References\n\n"
            + "\n".join(f"- {link(r.title, r.url)}".rstrip() for r in appendix.references)
        )
    return "\n\n".join(parts)
