"""The metadata and impact parts: a summary of the fields that edits in a form."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from screens.parts.context import PartContext
from sessions.checks.triage import deadlines, triage
from sessions.models import Session, Severity, Status
from sessions.part_values import (
    apply_impact,
    apply_metadata,
    from_timeline,
    impact_values,
    metadata_values,
)
from widgets.fields import FieldSpec
from widgets.model_form import ModelForm

METADATA_SPECS = [
    FieldSpec("title", "Title", required=True, placeholder="Checkout errors from …"),
    FieldSpec("incident_id", "Incident ID", placeholder="INC-1234"),
    FieldSpec("date", "Incident date", kind="date", placeholder="YYYY-MM-DD"),
    FieldSpec("severity", "Severity", kind="enum", choices=tuple(Severity), required=True),
    FieldSpec("status", "Status", kind="enum", choices=tuple(Status), required=True),
    FieldSpec("authors", "Authors (comma-separated)", short="Authors", kind="list"),
    FieldSpec("reviewers", "Reviewers (comma-separated)", short="Reviewers", kind="list"),
    FieldSpec("services", "Affected services (comma-separated)", short="Services", kind="list"),
    FieldSpec("tags", "Tags (comma-separated)", short="Tags", kind="list"),
    FieldSpec("data_loss", "Data loss", kind="bool"),
    FieldSpec("security", "Security incident", short="Security", kind="bool"),
    FieldSpec("near_miss", "Near miss that could have been severe", short="Near miss", kind="bool"),
]

IMPACT_SPECS = [
    FieldSpec(
        "duration_minutes", "User impact: duration (minutes)", short="Duration (min)", kind="int"
    ),
    FieldSpec("users_affected", "Users affected", placeholder="12% of users / 8,400 users"),
    FieldSpec(
        "functionality",
        "Functionality affected (comma-separated)",
        short="Functionality",
        kind="list",
    ),
    FieldSpec("revenue", "Revenue impact", short="Revenue", placeholder="$18,000 (if any)"),
    FieldSpec("complaints", "Customer complaints (tickets)", short="Complaints", kind="int"),
    FieldSpec("sla_breach", "SLA breach", kind="enum", choices=("Yes", "No")),
    FieldSpec(
        "error_budget_consumed_pct",
        "Error budget consumed (%)",
        short="Budget used %",
        kind="float",
    ),
    FieldSpec(
        "budget_remaining_pct", "Monthly budget remaining (%)", short="Budget left %", kind="float"
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

    return ModelForm(
        "Metadata",
        METADATA_SPECS,
        context.editor,
        "metadata",
        metadata_values,
        apply_metadata,
        extra=verdict,
        suggest=lambda s: {k: v for k, v in from_timeline(s).items() if k == "date"},
        depends_on=frozenset({"timeline", "impact"}),
        id="metadata-form",
    )


def impact(context: PartContext) -> Widget:
    return ModelForm(
        "Impact",
        IMPACT_SPECS,
        context.editor,
        "impact",
        impact_values,
        apply_impact,
        suggest=lambda s: {k: v for k, v in from_timeline(s).items() if k == "duration_minutes"},
        depends_on=frozenset({"timeline"}),
        id="impact-form",
    )
