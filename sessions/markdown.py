"""Markdown export: the postmortem as a finished document, in the guide's template order.

Prose is Markdown (see ``sessions.prose``); names and identifiers are shown literally. Parts
with nothing in them are left out — `pmtui check`, not the document, says what is missing.
The layout is one ``sessions.importer`` reads back: export, import and export again gives
the same document.
"""

from __future__ import annotations

from collections.abc import Callable

from sessions.export.actions import ACTION_COLUMNS, OTHER_GROUP, action_groups, actions_section
from sessions.export.analysis import (
    FACTORS_INTRO,
    PLAIN_WHY,
    display_fishbone,
    factors_section,
    root_cause_section,
)
from sessions.export.formatting import (
    IMAGE_SUFFIXES,
    SAFE_SCHEMES,
    UNNAMED,
    amount_text,
    format_amount,
    format_minutes,
    link,
    names,
    plain_text,
    severity_label,
    table,
    ticket_cell,
)
from sessions.export.sections import (
    ATTENDEES_LABEL,
    LUCKY_INTRO,
    MEETING_DATE_LABEL,
    PARKING_COLUMNS,
    PARKING_HEADING,
    PARKING_INTRO,
    appendix_section,
    got_lucky_section,
    impact_section,
    lessons_section,
    meeting_section,
    metadata_section,
    observations_section,
    supporting_section,
)
from sessions.export.timeline import (
    APPROXIMATE,
    GAP_TIME,
    RATIONALE,
    format_event_time,
    timeline_needs_dates,
    timeline_section,
    zone_sentence,
)
from sessions.models import Session
from sessions.prose import block, inline, plain
from sessions.template import GUIDE_TEMPLATE, Template

#: The names the rest of the app reads from here, wherever in sessions.export they live.
__all__ = [
    "ACTION_COLUMNS",
    "APPROXIMATE",
    "ATTENDEES_LABEL",
    "FACTORS_INTRO",
    "GAP_TIME",
    "HEADINGS",
    "IMAGE_SUFFIXES",
    "LUCKY_INTRO",
    "MEETING_DATE_LABEL",
    "MEETING_HEADING",
    "OTHER_GROUP",
    "PARKING_COLUMNS",
    "PARKING_HEADING",
    "PARKING_INTRO",
    "PLAIN_WHY",
    "RATIONALE",
    "SAFE_SCHEMES",
    "SEPARATOR",
    "TITLE_PREFIX",
    "UNNAMED",
    "action_groups",
    "amount_text",
    "display_fishbone",
    "format_amount",
    "format_event_time",
    "format_minutes",
    "link",
    "names",
    "plain_text",
    "severity_label",
    "table",
    "ticket_cell",
    "timeline_needs_dates",
    "to_markdown",
    "zone_sentence",
]

TITLE_PREFIX = "Postmortem: "
MEETING_HEADING = "Postmortem Meeting"
"""The meeting's notes (the close summary among them) and its parking lot, last."""
SEPARATOR = "\n\n---\n\n"

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


def to_markdown(session: Session, template: Template = GUIDE_TEMPLATE) -> str:
    """The postmortem document; ``template`` gives the meaning of the team's action types."""
    parts = [_title(session), "## Metadata\n\n" + metadata_section(session)]
    bodies: dict[str, Callable[[Session], str]] = {
        "summary": lambda s: block(s.summary),
        "background": lambda s: block(s.background),
        "impact": impact_section,
        "timeline": timeline_section,
        "root_cause": root_cause_section,
        "factors": factors_section,
        "detection": lambda s: block(s.detection),
        "resolution": lambda s: block(s.resolution),
        "customer_communication": lambda s: block(s.customer_communication),
        "went_well": lambda s: observations_section(s.went_well),
        "went_poorly": lambda s: observations_section(s.went_poorly),
        "got_lucky": got_lucky_section,
        "action_items": lambda s: actions_section(s, template),
        "lessons": lessons_section,
        "supporting": supporting_section,
        "appendix": appendix_section,
    }
    for section_id, body in bodies.items():
        text = body(session)
        if text:
            parts.append(f"## {HEADINGS[section_id]}\n\n{text}")
        for team in session.team_sections:
            if (team.after or "lessons") == section_id and block(team.text):
                parts.append(f"## {plain(team.title) or 'Notes'}\n\n{block(team.text)}")
    meeting = meeting_section(session)
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
