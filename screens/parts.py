"""The parts of the postmortem and the editor each one needs, shared by meeting and drafting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.containers import Container, VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, TabbedContent, TabPane

from sessions.checks.triage import deadlines, triage
from sessions.models import (
    FACTOR_TYPES,
    REQUIRED_ROLES,
    ActionItem,
    ActionStatus,
    ActionType,
    AgendaSection,
    Attendee,
    Factor,
    GlossaryEntry,
    Link,
    Observation,
    Priority,
    RelatedIncident,
    Role,
    SectionKind,
    Session,
    Severity,
    Status,
    Takeaway,
)
from widgets.fields import FieldSpec
from widgets.fishbone import FishboneEditor
from widgets.model_form import ModelForm
from widgets.record_table import Column, RecordTable, model_maker
from widgets.text_field import TextField
from widgets.timeline_editor import TimelineEditor
from widgets.whys import WhysEditor


@dataclass(frozen=True)
class Part:
    key: str
    title: str


PARTS: tuple[Part, ...] = (
    Part("metadata", "Metadata"),
    Part("summary", "Summary"),
    Part("impact", "Impact"),
    Part("timeline", "Timeline"),
    Part("root_cause", "Root cause"),
    Part("whys", "5 whys"),
    Part("fishbone", "Fishbone"),
    Part("factors", "Factors"),
    Part("went_well", "Went well"),
    Part("went_poorly", "Went poorly"),
    Part("got_lucky", "Got lucky"),
    Part("action_items", "Action items"),
    Part("lessons", "Lessons"),
    Part("supporting", "Supporting info"),
    Part("appendix", "Appendix"),
    Part("meeting", "Meeting"),
)
PART_TITLES = {part.key: part.title for part in PARTS}

#: Which parts each meeting section works on.
SECTION_PARTS: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.TIMELINE_REVIEW: ("timeline",),
    SectionKind.CONTRIBUTING_FACTORS: ("factors", "whys", "fishbone"),
    SectionKind.WENT_WELL: ("went_well",),
    SectionKind.COULD_IMPROVE: ("went_poorly", "got_lucky"),
    SectionKind.ACTION_ITEMS: ("action_items",),
    SectionKind.OTHER: ("meeting",),
}


def part_of(where: str) -> str:
    """The part a finding's field path belongs to."""
    if where.startswith("root_cause.whys"):
        return "whys"
    if where.startswith("root_cause.fishbone"):
        return "fishbone"
    head = where.split(".", 1)[0].split("[", 1)[0]
    return head if head in PART_TITLES else "metadata"


def build_part(key: str, session: Session, today: dt.date | None = None) -> Widget:
    """The editor for one part; every editor reads and writes ``session`` in place."""
    if key == "metadata":
        return _metadata(session, today)
    return _BUILDERS[key](session)


def build_section(kind: SectionKind, session: Session, today: dt.date | None = None) -> Widget:
    keys = SECTION_PARTS[kind]
    if len(keys) == 1:
        return build_part(keys[0], session, today)
    return _SectionTabs(kind, session, today)


class _SectionTabs(Container):
    """Several parts in one meeting section, one tab each."""

    def __init__(self, kind: SectionKind, session: Session, today: dt.date | None) -> None:
        super().__init__(id=f"section-{kind.value}")
        self.kind, self.session, self.today = kind, session, today

    def compose(self):
        with TabbedContent():
            for key in SECTION_PARTS[self.kind]:
                with TabPane(PART_TITLES[key], id=f"tab-{key}"):
                    yield build_part(key, self.session, self.today)


# --- metadata and impact ------------------------------------------------------------------


def _metadata(session: Session, today: dt.date | None = None) -> Widget:
    meta = session.metadata
    specs = [
        FieldSpec("title", "Title", required=True, placeholder="Checkout errors from …"),
        FieldSpec("incident_id", "Incident ID", placeholder="INC-1234"),
        FieldSpec("date", "Incident date", kind="date", placeholder="YYYY-MM-DD"),
        FieldSpec("severity", "Severity", kind="enum", choices=tuple(Severity), required=True),
        FieldSpec("status", "Status", kind="enum", choices=tuple(Status), required=True),
        FieldSpec("authors", "Authors (comma-separated)", short="Authors", kind="list"),
        FieldSpec("reviewers", "Reviewers (comma-separated)", short="Reviewers", kind="list"),
        FieldSpec("services", "Affected services", short="Services", kind="list"),
        FieldSpec("tags", "Tags", kind="list"),
        FieldSpec("data_loss", "Data loss", kind="bool"),
        FieldSpec("security", "Security incident", short="Security", kind="bool"),
        FieldSpec(
            "near_miss", "Near miss that could have been severe", short="Near miss", kind="bool"
        ),
    ]

    def apply(values: dict[str, Any]) -> None:
        session.metadata = type(meta).model_validate({**session.metadata.model_dump(), **values})

    def extra() -> Text:
        verdict = triage(session)
        text = Text.assemble(("Postmortem ", "bold"))
        style = {"required": "bold red", "recommended": "bold yellow"}.get(verdict.need.value, "")
        text.append(verdict.need.value.upper(), style=style)
        text.append(": " + "; ".join(verdict.reasons) + "\n")
        due = deadlines(session)
        if due is None:
            text.append("Set the incident date to see the deadlines.", style="dim")
            return text
        now = today or dt.date.today()
        for name, day in (
            ("Draft", due.draft),
            ("Review", due.review),
            ("Publication", due.publication),
            ("Action items", due.action_items),
        ):
            late = day < now
            text.append(f"{name} due {day.isoformat()}", style="bold red" if late else "")
            text.append("   ")
        return text

    return ModelForm(
        "Metadata",
        specs,
        lambda: session.metadata.model_dump(),
        apply,
        where="metadata",
        extra=extra,
        id="metadata-form",
    )


def _impact(session: Session) -> Widget:
    specs = [
        FieldSpec(
            "duration_minutes",
            "User impact: duration (minutes)",
            short="Duration (min)",
            kind="int",
        ),
        FieldSpec("users_affected", "Users affected", placeholder="12% of users / 8,400 users"),
        FieldSpec(
            "functionality",
            "Functionality affected (comma-separated)",
            short="Functionality",
            kind="list",
        ),
        FieldSpec("revenue", "Revenue impact", placeholder="$18,000 (if applicable)"),
        FieldSpec("complaints", "Customer complaints (tickets)", short="Complaints", kind="int"),
        FieldSpec("sla_breach", "SLA breach", kind="enum", choices=("Yes", "No")),
        FieldSpec(
            "error_budget_consumed_pct",
            "Error budget consumed (%)",
            short="Budget used %",
            kind="float",
        ),
        FieldSpec(
            "budget_remaining_pct",
            "Monthly budget remaining (%)",
            short="Budget left %",
            kind="float",
        ),
    ]

    def values() -> dict[str, Any]:
        impact = session.impact
        breach = impact.business.sla_breach
        return {
            **impact.user.model_dump(),
            **impact.business.model_dump(),
            **impact.slo.model_dump(),
            "sla_breach": None if breach is None else ("Yes" if breach else "No"),
        }

    def apply(v: dict[str, Any]) -> None:
        impact = type(session.impact).model_validate(
            {
                "user": {k: v[k] for k in ("duration_minutes", "users_affected", "functionality")},
                "business": {
                    "revenue": v["revenue"],
                    "complaints": v["complaints"],
                    "sla_breach": None if v["sla_breach"] is None else v["sla_breach"] == "Yes",
                },
                "slo": {
                    "error_budget_consumed_pct": v["error_budget_consumed_pct"],
                    "budget_remaining_pct": v["budget_remaining_pct"],
                },
            }
        )
        session.impact = impact

    return ModelForm("Impact", specs, values, apply, where="impact", id="impact-form")


# --- text parts ---------------------------------------------------------------------------


def _text(label: str, where: str, obj: Any, attr: str, hint: str = "") -> TextField:
    return TextField(
        label,
        lambda: getattr(obj() if callable(obj) else obj, attr),
        lambda value: setattr(obj() if callable(obj) else obj, attr, value),
        where=where,
        hint=hint,
        id=f"text-{where.replace('.', '-')}",
    )


def _summary(session: Session) -> Widget:
    return _text(
        "Executive summary",
        "summary",
        session,
        "summary",
        "One paragraph: what happened, how long it lasted, the impact, what we're doing about it.",
    )


def _root_cause(session: Session) -> Widget:
    return VerticalScroll(
        _text(
            "What happened",
            "root_cause.what_happened",
            lambda: session.root_cause,
            "what_happened",
            "The immediate cause, the sequence of events, the technical details.",
        ),
        _text(
            "Root cause statement",
            "root_cause.statement",
            lambda: session.root_cause,
            "statement",
            "A system or process gap, e.g. 'Deployment process lacks verification of …'.",
        ),
        id="root-cause-part",
    )


# --- lists --------------------------------------------------------------------------------


def _observations(session: Session, name: str, noun: str) -> Widget:
    return RecordTable(
        noun,
        lambda: getattr(session, name),
        [Column("Area", lambda o: o.area, width=18), Column("What", lambda o: o.text)],
        [
            FieldSpec("area", "Area (Detection, Response, Communication…)"),
            FieldSpec("text", "What", required=True),
        ],
        model_maker(Observation),
        id=f"table-{name}",
    )


def _factors(session: Session) -> Widget:
    def make(values: dict[str, Any], old: Factor | None) -> Factor:
        base = old.model_dump() if old else {"id": session.next_factor_id()}
        return Factor.model_validate({**base, **values})

    def addressed_by(factor: Factor) -> str:
        ids = [str(i.id) for i in session.action_items if factor.id in i.addresses]
        return ", ".join(ids) if ids else "⚠ none"

    return RecordTable(
        "contributing factor",
        lambda: session.factors,
        [
            Column("ID", lambda f: f.id, width=4),
            Column("Factor", lambda f: f.factor),
            Column("Description", lambda f: f.description),
            Column("Type", lambda f: f.type, width=14),
            Column("Actions", addressed_by, width=8),
        ],
        [
            FieldSpec("factor", "Factor", required=True, placeholder="No query timeout"),
            FieldSpec("description", "Description"),
            FieldSpec("type", "Type", help="e.g. " + ", ".join(FACTOR_TYPES)),
        ],
        make,
        id="table-factors",
    )


def _action_items(session: Session) -> Widget:
    def make(values: dict[str, Any], old: ActionItem | None) -> ActionItem:
        base = old.model_dump() if old else {"id": session.next_action_id()}
        return ActionItem.model_validate({**base, **values})

    refs = "Factor ids and/or root-cause, e.g. F1, root-cause"
    return RecordTable(
        "action item",
        lambda: session.action_items,
        [
            Column("ID", lambda a: str(a.id), width=3),
            Column("Action", lambda a: a.action, width=34),
            Column("Type", lambda a: a.type.value if a.type else "—", width=9),
            Column("Pri", lambda a: a.priority.value if a.priority else "—", width=3),
            Column("Owner", lambda a: a.owner or "—", width=14),
            Column("Due", lambda a: a.due.isoformat() if a.due else "—", width=10),
            Column("Status", lambda a: a.status.value, width=11),
            Column("Addresses", lambda a: ", ".join(a.addresses) or "⚠", width=10),
        ],
        [
            FieldSpec("action", "Action (specific and measurable)", required=True),
            FieldSpec("type", "Type", kind="enum", choices=tuple(ActionType)),
            FieldSpec("priority", "Priority", kind="enum", choices=tuple(Priority)),
            FieldSpec("owner", "Owner (one person, not a team)"),
            FieldSpec("due", "Due date", kind="date", placeholder="YYYY-MM-DD (within 30 days)"),
            FieldSpec("status", "Status", kind="enum", choices=tuple(ActionStatus), required=True),
            FieldSpec("ticket", "Ticket link"),
            FieldSpec("addresses", "Addresses", kind="list", help=refs),
            FieldSpec("completed", "Completed on", kind="date"),
            FieldSpec("verification", "Verification (how we know it works)"),
        ],
        make,
        values_of=lambda a: a.model_dump() | {"status": a.status.value},
        id="table-action_items",
    )


def _strings(noun: str, items: Any, label: str, id: str) -> RecordTable:
    return RecordTable(
        noun,
        items,
        [Column(label, lambda s: s)],
        [FieldSpec("text", label, required=True)],
        lambda values, old: values["text"],
        values_of=lambda s: {"text": s},
        id=id,
    )


def _lessons(session: Session) -> Widget:
    return VerticalScroll(
        Label("Key takeaways", classes="part-heading"),
        RecordTable(
            "takeaway",
            lambda: session.lessons.takeaways,
            [Column("Takeaway", lambda t: t.title, width=30), Column("Why", lambda t: t.text)],
            [FieldSpec("title", "Takeaway", required=True), FieldSpec("text", "Explanation")],
            model_maker(Takeaway),
            id="table-takeaways",
        ),
        Label("Recommendations for the broader organisation", classes="part-heading"),
        _strings(
            "recommendation",
            lambda: session.lessons.recommendations,
            "Recommendation",
            "table-recommendations",
        ),
        id="lessons-part",
    )


def _links(noun: str, items: Any, id: str) -> RecordTable:
    return RecordTable(
        noun,
        items,
        [Column("Title", lambda link: link.title, width=30), Column("Link", lambda link: link.url)],
        [FieldSpec("title", "Title", required=True), FieldSpec("url", "Link")],
        model_maker(Link),
        id=id,
    )


def _supporting(session: Session) -> Widget:
    return VerticalScroll(
        _text("Relevant logs", "supporting.logs", lambda: session.supporting, "logs"),
        Label("Relevant metrics", classes="part-heading"),
        _links("metric", lambda: session.supporting.metrics, "table-metrics"),
        Label("Related incidents", classes="part-heading"),
        RecordTable(
            "related incident",
            lambda: session.supporting.related,
            [
                Column("Incident", lambda r: r.incident_id, width=12),
                Column("Summary", lambda r: r.summary),
                Column("Link", lambda r: r.url),
            ],
            [
                FieldSpec("incident_id", "Incident ID", required=True),
                FieldSpec("summary", "Summary"),
                FieldSpec("url", "Link"),
            ],
            model_maker(RelatedIncident),
            id="table-related",
        ),
        id="supporting-part",
    )


def _appendix(session: Session) -> Widget:
    return VerticalScroll(
        Label("Glossary", classes="part-heading"),
        RecordTable(
            "glossary entry",
            lambda: session.appendix.glossary,
            [
                Column("Term", lambda g: g.term, width=24),
                Column("Definition", lambda g: g.definition),
            ],
            [FieldSpec("term", "Term", required=True), FieldSpec("definition", "Definition")],
            model_maker(GlossaryEntry),
            id="table-glossary",
        ),
        Label("References", classes="part-heading"),
        _links("reference", lambda: session.appendix.references, "table-references"),
        id="appendix-part",
    )


def roles_checklist(session: Session) -> Text:
    present = {a.role for a in session.meeting.attendees}
    text = Text.assemble(("Required roles: ", "bold"))
    for role in REQUIRED_ROLES:
        ok = role in present
        text.append(f"{'☑' if ok else '☐'} {role.label}   ", style="green" if ok else "bold red")
    return text


class _MeetingPart(VerticalScroll):
    """Attendees, agenda and notes; the required-roles checklist follows the attendees."""

    def __init__(self, session: Session, *children: Widget) -> None:
        super().__init__(*children, id="meeting-part")
        self.session = session

    def on_session_edited(self) -> None:
        self.reload_from_model()

    def reload_from_model(self) -> None:
        self.query_one("#roles-checklist", Label).update(roles_checklist(self.session))


def _meeting(session: Session) -> Widget:
    return _MeetingPart(
        session,
        Label(roles_checklist(session), id="roles-checklist"),
        Label("Attendees", classes="part-heading"),
        RecordTable(
            "attendee",
            lambda: session.meeting.attendees,
            [Column("Name", lambda a: a.name, width=28), Column("Role", lambda a: a.role.label)],
            [
                FieldSpec("name", "Name", required=True),
                FieldSpec("role", "Role", kind="enum", choices=tuple(Role), required=True),
            ],
            model_maker(Attendee),
            values_of=lambda a: {"name": a.name, "role": a.role.value},
            id="table-attendees",
        ),
        Label("Agenda (planned minutes; reorder with ctrl+up/down)", classes="part-heading"),
        RecordTable(
            "agenda section",
            lambda: session.meeting.agenda,
            [
                Column("Section", lambda s: s.title, width=28),
                Column("Planned", lambda s: f"{s.planned_minutes} min", width=8),
                Column("Spent", lambda s: f"{s.actual_minutes:.1f} min", width=9),
            ],
            [
                FieldSpec("title", "Title", required=True),
                FieldSpec("kind", "Kind", kind="enum", choices=tuple(SectionKind), required=True),
                FieldSpec("planned_minutes", "Planned minutes", kind="int", required=True),
            ],
            model_maker(AgendaSection),
            values_of=lambda s: {
                "title": s.title,
                "kind": s.kind.value,
                "planned_minutes": s.planned_minutes,
            },
            id="table-agenda",
        ),
        _text("Meeting notes", "meeting.notes", lambda: session.meeting, "notes"),
    )


_BUILDERS = {
    "summary": _summary,
    "impact": _impact,
    "timeline": lambda s: TimelineEditor(lambda: s, id="timeline-editor"),
    "root_cause": _root_cause,
    "whys": lambda s: WhysEditor(lambda: s.root_cause.whys, id="whys-editor"),
    "fishbone": lambda s: FishboneEditor(
        lambda: s.root_cause.fishbone,
        lambda: s.factors,
        lambda: s.action_items,
        id="fishbone-editor",
    ),
    "factors": _factors,
    "went_well": lambda s: _observations(s, "went_well", "thing that went well"),
    "went_poorly": lambda s: _observations(s, "went_poorly", "thing that went poorly"),
    "got_lucky": lambda s: _observations(s, "got_lucky", "lucky break"),
    "action_items": _action_items,
    "lessons": _lessons,
    "supporting": _supporting,
    "appendix": _appendix,
    "meeting": _meeting,
}
