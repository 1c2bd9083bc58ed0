"""The metadata part: a summary of the fields that edits in a form, and the triage."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from screens.parts.context import PartContext
from screens.parts.metadata_followup import after_metadata
from screens.parts.scroll import PartScroll
from sessions.checks.triage import deadlines, triage
from sessions.models import Session, Severity, Status
from sessions.part_values import apply_metadata, from_timeline, metadata_values
from sessions.timeparse import canonical_zone
from widgets.fields import FieldSpec
from widgets.model_form import ModelForm

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
        after=after_metadata(context.today),
        id="metadata-form",
    )
    # Taller than 80×24 leaves room for; the form, not the scroll, takes the focus.
    return PartScroll(form, id="metadata-part")
