"""The metadata part: a summary of the fields that edits in a form, and the triage."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widget import Widget

from screens.parts.context import PartContext
from screens.parts.scroll import PartScroll
from sessions.checks.triage import deadlines, triage
from sessions.editing import SessionEditor
from sessions.models import Session, Severity, Status
from sessions.part_values import apply_metadata, from_timeline, metadata_values
from sessions.timeline import display_zone
from sessions.timeline_day import day_to_leave, move_events
from sessions.timeparse import canonical_zone
from sessions.wording import counted
from widgets.confirm import Confirm
from widgets.fields import FieldSpec
from widgets.messages import SessionEdited
from widgets.model_form import After, ModelForm, Values

METADATA_SPECS = [
    FieldSpec("title", "Title", required=True, placeholder="Checkout errors from …"),
    FieldSpec("incident_id", "Incident ID", placeholder="INC-1234"),
    FieldSpec("date", "Incident date", kind="date", placeholder="YYYY-MM-DD"),
    FieldSpec(
        "severity",
        "Severity",
        kind="enum",
        choices=tuple(Severity),
        required=True,
        help="unknown: not decided yet, or the source doesn't say",
    ),
    FieldSpec("status", "Status", kind="enum", choices=tuple(Status), required=True),
    FieldSpec("authors", "Authors (comma-separated)", short="Authors", kind="list"),
    FieldSpec("reviewers", "Reviewers (comma-separated)", short="Reviewers", kind="list"),
    FieldSpec("services", "Affected services (comma-separated)", short="Services", kind="list"),
    FieldSpec("tags", "Tags (comma-separated)", short="Tags", kind="list"),
    FieldSpec("data_loss", "Data loss", kind="bool"),
    FieldSpec("security", "Security incident", short="Security", kind="bool"),
    FieldSpec("near_miss", "Near miss that could have been severe", short="Near miss", kind="bool"),
    FieldSpec(
        "time_zone",
        "Time zone the timeline is shown and typed in",
        short="Time zone",
        placeholder="UTC (or e.g. America/Los_Angeles)",
        help="an IANA name; empty for UTC. Times are stored in UTC whatever it says",
        clean=canonical_zone,
        empty="UTC",
    ),
    FieldSpec(
        "archived",
        "Archived: kept for the record, its open actions no longer chased",
        short="Archived",
        kind="bool",
    ),
]


def metadata(context: PartContext) -> Widget:
    def verdict(session: Session) -> Text:
        found = triage(session)
        text = Text.assemble(("Postmortem ", "bold"))
        style = {"required": "bold red", "recommended": "bold yellow"}.get(found.need.value, "")
        text.append(found.need.value.upper(), style=style)
        text.append(": " + "; ".join(found.reasons) + "\n")
        due = deadlines(session)
        if due is None:
            text.append("Set the incident date to see the deadlines.", style="dim")
            return text
        for name, day in (
            ("Draft", due.draft),
            ("Review", due.review),
            ("Publication", due.publication),
            ("Action items", due.action_items),
        ):
            text.append(
                f"{name} due {day.isoformat()}", style="bold red" if day < context.today else ""
            )
            text.append("   ")
        return text

    form = ModelForm(
        "Metadata",
        METADATA_SPECS,
        context.editor,
        "metadata",
        metadata_values,
        apply_metadata,
        extra=verdict,
        suggest=lambda s: {k: v for k, v in from_timeline(s).items() if k == "date"},
        depends_on=frozenset({"timeline", "impact"}),
        after=offer_to_move_events(context.today),
        id="metadata-form",
    )
    # Taller than 80×24 leaves room for; the form, not the scroll, takes the focus.
    return PartScroll(form, id="metadata-part")


def offer_to_move_events(today: dt.date) -> After:
    """After the incident's date is set: the timeline's events, all on the day a bare time
    went to without it (the meeting's, or ``today``), are offered a move to it."""

    async def offer(host: Widget, editor: SessionEditor, before: Values) -> None:
        await _offer(host, editor, before.get("date"), editor.session.meeting.date or today)

    return offer


async def _offer(
    host: Widget, editor: SessionEditor, date_before: dt.date | None, assumed: dt.date
) -> None:
    session = editor.session
    zone = display_zone(session)
    day = day_to_leave(session, date_before, assumed, zone)
    date = session.metadata.date
    if day is None or date is None:
        return
    events = counted(len(session.timeline), "timeline event")
    question = f"Move the {events} to {date.isoformat()}?"
    detail = f"They are on {day.isoformat()}, the day they were typed on; their times stay."
    if not await host.app.push_screen_wait(Confirm(question, detail, yes="Move")):
        return
    with editor.edit("timeline", f"events moved to {date.isoformat()}"):
        moved = move_events(session, date, zone)
    host.post_message(SessionEdited("timeline", f"{counted(moved, 'event')} moved"))
    host.notify(f"{counted(moved, 'event')} moved to {date.isoformat()}. ctrl+z puts them back.")
