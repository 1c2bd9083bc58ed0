"""The close of the meeting: what it used of its time, who does what by when, what is left.

The summary is Markdown written into the meeting notes (so it is in the file, in git and in
the export), between a heading and a closing line of its own: closing the meeting again
replaces it instead of adding a second one, and the team's own notes around it stay.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sessions.checks.triage import Deadlines, deadlines
from sessions.close_block import END, HEADING, clock, closed_on, summary_span
from sessions.editing import SessionEditor
from sessions.markdown import table
from sessions.models import ActionItem, AgendaSection, ParkedIdea, Session
from sessions.parking import open_ideas
from sessions.prose import cell, inline, plain, plain_cell


@dataclass(frozen=True)
class CloseSummary:
    """Everything the close shows, computed once from the session."""

    date: dt.date
    sections: list[AgendaSection]
    actions: list[ActionItem]
    parked: list[ParkedIdea]
    deadlines: Deadlines | None

    @property
    def unassigned(self) -> list[ActionItem]:
        """Open items without an owner or a due date: the close asks for both."""
        return [a for a in self.actions if a.status.is_open and not (a.owner.strip() and a.due)]

    @property
    def next_due(self) -> list[ActionItem]:
        """Open items with a due date, soonest first: the next deadlines."""
        dated = [a for a in self.actions if a.status.is_open and a.due is not None]
        return sorted(dated, key=lambda a: (a.due, a.id))

    @property
    def planned_minutes(self) -> int:
        return sum(section.planned_minutes for section in self.sections)

    @property
    def spent_seconds(self) -> int:
        return sum(section.spent_seconds for section in self.sections)

    @property
    def against_plan(self) -> str:
        """The whole meeting's time against its plan, as a section's row says it."""
        return against(self.spent_seconds, self.planned_minutes) if self.spent_seconds else "—"


def close_summary(session: Session, today: dt.date) -> CloseSummary:
    return CloseSummary(
        date=today,
        sections=list(session.meeting.agenda),
        actions=list(session.action_items),
        parked=open_ideas(session.meeting),
        deadlines=deadlines(session),
    )


UNWORKED = ("skipped", "not reached")
"""What a section with no time is said to be, against its plan."""


def against_plans(sections: list[AgendaSection]) -> list[str]:
    """Each section's time against its plan: +3:10 over, −2:00 under, "on plan". Any time
    over counts (the screen said OVERTIME for a section the close called "on plan", a
    tryout); under by less than a minute is on plan. A section with no time is "skipped" if
    the meeting went on to a later one (passed in under a second, it had read "not reached",
    as if the meeting had stopped before it), else "not reached"."""
    worked = [index for index, section in enumerate(sections) if section.spent_seconds]
    last = worked[-1] if worked else -1
    return [
        against(section.spent_seconds, section.planned_minutes)
        if section.spent_seconds
        else UNWORKED[0]
        if index < last
        else UNWORKED[1]
        for index, section in enumerate(sections)
    ]


def against(spent_seconds: int, planned_minutes: int) -> str:
    """+3:10, −2:00 or "on plan": time spent against a plan (a section's, the meeting's)."""
    delta = spent_seconds - planned_minutes * 60
    if -60 < delta <= 0:
        return "on plan"
    return ("+" if delta > 0 else "−") + clock(abs(delta))


def to_markdown(summary: CloseSummary) -> str:
    """The summary as the notes keep it: heading, time table, actions, gaps, ideas, deadlines
    (the action items' next due dates, then the guide's for the document)."""
    parts = [f"{HEADING} ({summary.date.isoformat()})", _time_table(summary)]
    parts.append(_actions(summary))
    missing = summary.unassigned
    if missing:
        parts.append(
            f"**Without an owner or a due date ({len(missing)})**: "
            + "; ".join(f"{item.id} ({_gaps(item)})" for item in missing)
        )
    if summary.parked:
        lines = [f"**Parked ideas left ({len(summary.parked)})**", ""]
        lines += [f"- {_idea(idea)}" for idea in summary.parked]
        parts.append("\n".join(lines))
    parts.append(_deadlines(summary))
    parts.append(END)
    return "\n\n".join(part for part in parts if part)


def _time_table(summary: CloseSummary) -> str:
    rows = [
        [
            plain_cell(section.title),
            f"{section.planned_minutes} min",
            clock(section.spent_seconds) if section.spent_seconds else "—",
            delta,
        ]
        for section, delta in zip(summary.sections, against_plans(summary.sections), strict=True)
    ]
    rows.append(
        [
            "**Total**",
            f"**{summary.planned_minutes} min**",
            f"**{clock(summary.spent_seconds)}**",
            summary.against_plan,
        ]
    )
    return table(["Section", "Planned", "Spent", "Against plan"], rows)


def _gaps(item: ActionItem) -> str:
    gaps = []
    if not item.owner.strip():
        gaps.append("no owner")
    if item.due is None:
        gaps.append("no due date")
    return ", ".join(gaps)


def _actions(summary: CloseSummary) -> str:
    if not summary.actions:
        return "**Action items**: none yet."
    rows = [
        [
            str(item.id),
            cell(item.action),
            plain_cell(item.owner) if item.owner.strip() else "_no owner_",
            item.due.isoformat() if item.due else "_no due date_",
            item.status.value,
        ]
        for item in summary.actions
    ]
    return f"**Action items ({len(rows)})**\n\n" + table(
        ["ID", "Action", "Owner", "Due", "Status"], rows
    )


def _idea(idea: ParkedIdea) -> str:
    said = ", ".join(plain(part) for part in (idea.raised_by, idea.section) if part.strip())
    return f"{inline(idea.idea)} ({said})" if said else inline(idea.idea)


#: How many of the next deadlines the summary names; the table above has them all.
NEXT_SHOWN = 3


def _deadlines(summary: CloseSummary) -> str:
    """The next deadlines (the open action items' due dates), then the document's own."""
    return "\n\n".join([_next_due(summary), _document_deadlines(summary)])


def _next_due(summary: CloseSummary) -> str:
    dated = summary.next_due
    if not dated:
        if not summary.actions:
            return "**Next deadlines**: none — there are no action items yet."
        if any(item.status.is_open for item in summary.actions):
            return "**Next deadlines**: none — no open action item has a due date yet."
        return "**Next deadlines**: none — no action item is still open."
    shown = []
    for item in dated[:NEXT_SHOWN]:
        assert item.due is not None
        owner = f" ({plain(item.owner)})" if item.owner.strip() else ""
        late = " — passed" if item.due < summary.date else ""
        shown.append(f"action {item.id} by {item.due.isoformat()}{owner}{late}")
    later = len(dated) - NEXT_SHOWN
    if later > 0:
        shown.append(f"{later} more later")
    return "**Next deadlines** (open action items): " + "; ".join(shown) + "."


def _document_deadlines(summary: CloseSummary) -> str:
    due = summary.deadlines
    if due is None:
        return (
            "**Postmortem deadlines**: set the incident date to know when the draft, "
            "the review and the publication are due."
        )
    marks = [
        ("draft", due.draft, "48 hours after the incident"),
        ("review", due.review, "5 business days"),
        ("publication", due.publication, "7 business days"),
    ]
    shown = []
    for name, day, rule in marks:
        late = " — passed" if day < summary.date else ""
        shown.append(f"{name} {day.isoformat()} ({rule}){late}")
    return "**Postmortem deadlines** (from the guide): " + "; ".join(shown) + "."


#: What the close summary reports besides the meeting's time: changed after the close, the
#: summary in the notes is written again (it went on saying "set the incident date to know
#: when the draft is due" once the date was set, and so did the export).
SUMMARY_PARTS = frozenset({"metadata", "action_items", "meeting.parking_lot", "timeline"})


def refresh_summary(editor: SessionEditor) -> bool:
    """Write the close summary again, as of the day of the close, if the meeting is closed
    and what it says has changed; True if it did (a change noted, not an undo step: the app
    calls this again after an undo or a redo, so the summary follows them too)."""
    session = editor.session
    meeting = session.meeting
    closed = closed_on(meeting)
    if closed is None:
        return False
    fresh = with_summary(meeting.notes, to_markdown(close_summary(session, closed)))
    if fresh == meeting.notes:
        return False
    meeting.notes = fresh
    editor.note("meeting.notes", "close summary brought up to date")
    return True


def with_summary(notes: str, summary: str) -> str:
    """The notes with ``summary`` in place of an earlier one, or added at the end."""
    lines = notes.split("\n")
    span = summary_span(lines)
    if span is not None:
        start, end = span
        return "\n".join([*lines[:start], *summary.split("\n"), *lines[end + 1 :]])
    kept = notes.rstrip()
    return f"{kept}\n\n{summary}" if kept else summary


def write_summary(editor: SessionEditor, today: dt.date) -> CloseSummary:
    """Write the close summary into the meeting notes (one undo step); the summary."""
    summary = close_summary(editor.session, today)
    meeting = editor.session.meeting
    with editor.edit("meeting.notes", "close summary written into the notes"):
        meeting.notes = with_summary(meeting.notes, to_markdown(summary))
    return summary
