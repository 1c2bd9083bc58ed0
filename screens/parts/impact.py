"""The impact part: the figures (a summary that edits in a form), the impact in words, and a
table of what was hit where ("5 million webhooks queued", "EU region: 40% of requests")."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Label

from screens.parts.context import PartContext
from screens.parts.scroll import PartScroll
from sessions.markdown import amount_text
from sessions.models import ImpactEntry
from sessions.part_values import apply_impact, from_timeline, impact_values
from widgets.fields import FieldSpec
from widgets.model_form import ModelForm
from widgets.record_table import Column, RecordPanel, RecordTable, model_maker
from widgets.text_field import TextField

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
    FieldSpec(
        "data_lost",
        "Data lost, in words",
        short="Data lost",
        placeholder="6 hours of database changes (empty: none)",
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
    FieldSpec(
        "note",
        "Error budget, in words (what a number can't say)",
        short="Budget note",
        placeholder="exceeded several times over",
    ),
]

ENTRY_SPECS = [
    FieldSpec(
        "scope",
        "Where: a component, region or customer group",
        short="Where",
        placeholder="webhooks / eu-west-1 / free-tier customers",
    ),
    FieldSpec("measure", "What happened to it", short="What", required=True, placeholder="queued"),
    FieldSpec("amount", "How much (a number)", short="Amount", kind="float", placeholder="5e6"),
    FieldSpec("unit", "Unit", placeholder="webhooks, %, GB, requests"),
    FieldSpec("note", "Note (what the number can't say)", short="Note"),
]


def _amount(entry: ImpactEntry) -> str:
    return amount_text(entry.amount, entry.unit) if entry.amount is not None else entry.unit


def entries_table(context: PartContext) -> RecordTable:
    return RecordTable(
        "impact entry",
        context.editor,
        "impact.entries",
        [
            Column("Where", lambda e: e.scope, min_width=12, weight=2),
            Column("What", lambda e: e.measure, min_width=12, weight=2),
            Column("How much", _amount, min_width=12, weight=1),
            Column("Note", lambda e: e.note, min_width=12, weight=3, drop=1),
        ],
        ENTRY_SPECS,
        model_maker(ImpactEntry),
        hint="Nothing counted yet: a adds what was hit where (5,000,000 webhooks queued).",
        id="table-impact-entries",
    )


def impact(context: PartContext) -> Widget:
    form = ModelForm(
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
    return PartScroll(
        form,
        TextField(
            "The impact in words",
            context.editor,
            "impact.description",
            hint="Who was hit and how, before the figures.",
            id="text-impact-description",
        ),
        Label("By component, region or customer group", classes="part-heading"),
        RecordPanel(entries_table(context), id="panel-impact-entries"),
        id="impact-part",
    )
