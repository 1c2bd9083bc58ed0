"""The document's other sections: metadata, impact, observations, lessons, supporting
information, appendix and the meeting's notes and parking lot."""

from __future__ import annotations

import datetime as dt

from sessions.close_block import without_summary
from sessions.export.formatting import (
    UNNAMED,
    format_amount,
    format_minutes,
    link,
    names,
    severity_label,
    table,
)
from sessions.models import IdeaStatus, Observation, Session
from sessions.prose import block, cell, code_block, inline, plain, plain_cell

LUCKY_INTRO = "Things that could have made this worse but didn't:"
PARKING_HEADING = "Parking Lot"
PARKING_INTRO = "Ideas parked during the meeting, not yet an action item or dropped:"
PARKING_COLUMNS = ("Idea", "Raised by", "During")
MEETING_DATE_LABEL = "Date"
ATTENDEES_LABEL = "Attendees"
CLOSED_LABEL = "Meeting closed"


def metadata_section(session: Session) -> str:
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


def _labelled(label: str, text: str) -> str:
    """A bullet with an optional bold label: ``- **Area**: text`` or ``- text``."""
    label = plain(label)
    if label:
        return f"- **{label}**: {text}".rstrip()
    return f"- {text}".rstrip()


def observations_section(items: list[Observation]) -> str:
    return "\n".join(_labelled(item.area, inline(item.text)) for item in items)


def got_lucky_section(session: Session) -> str:
    if not session.got_lucky:
        return ""
    return f"{LUCKY_INTRO}\n\n{observations_section(session.got_lucky)}"


# --- impact -------------------------------------------------------------------------------


def impact_section(session: Session) -> str:
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


# --- the meeting -------------------------------------------------------------------------


def closed_line(session: Session, day: dt.date) -> str:
    """The close in one line. Its summary in the notes is the meeting's own record: its
    time table, a second copy of the action items and of the parked ideas, and pmtui's note
    about rewriting it read as a tool's log at the end of the document (a tryout)."""
    agenda = session.meeting.agenda
    minutes = round(sum(section.spent_seconds for section in agenda) / 60)
    planned = sum(section.planned_minutes for section in agenda)
    return f"**{CLOSED_LABEL}** on {day.isoformat()}, after {minutes} of {planned} planned minutes."


def meeting_section(session: Session) -> str:
    """When it was held and who was there (a reader asks who decided), that it was closed
    and when, the notes as written, then the ideas still waiting in the parking lot."""
    meeting = session.meeting
    parts = []
    if meeting.date:
        parts.append(f"**{MEETING_DATE_LABEL}**: {meeting.date.isoformat()}")
    # Only people with a name: a blank one read " (responder)", and came back from an import
    # as an attendee named "(responder), ".
    named = [(plain(person.name), person.role) for person in meeting.attendees]
    people = ", ".join(f"{name} ({role.label.lower()})" for name, role in named if name)
    if people:
        parts.append(f"**{ATTENDEES_LABEL}**: {people}")
    written, closed = without_summary(session.meeting)
    if closed is not None:
        parts.append(closed_line(session, closed))
    notes = block(written, 2)
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


def lessons_section(session: Session) -> str:
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


def supporting_section(session: Session) -> str:
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


def appendix_section(session: Session) -> str:
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
