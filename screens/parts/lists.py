"""The parts that are lists of records: factors, observations, action items, lessons, links."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import Label

from screens.parts.context import PartContext
from screens.parts.scroll import PartScroll
from sessions.action_groups import known_groups, known_people
from sessions.checks.actions import due_advice
from sessions.completion import complete, known
from sessions.edits import addressed_by
from sessions.models import (
    FACTOR_TYPES,
    ActionItem,
    ActionStatus,
    Factor,
    GlossaryEntry,
    Link,
    Observation,
    Priority,
    RelatedIncident,
    Takeaway,
)
from sessions.wording import counted
from widgets.fields import FieldSpec, factors_named
from widgets.record_table import Column, RecordPanel, RecordTable, model_maker
from widgets.text_field import TextField


def _panel(table: RecordTable, *, detail: bool = True) -> RecordPanel:
    return RecordPanel(table, id=f"panel-{table.id}", detail=detail)


def factors(context: PartContext) -> Widget:
    session = lambda: context.editor.session  # noqa: E731 - read at edit time, not build time

    def make(values: dict[str, Any], old: Factor | None) -> Factor:
        base = old.model_dump() if old else {"id": session().next_factor_id()}
        return Factor.model_validate({**base, **values})

    def actions(factor: Factor) -> str:
        ids = addressed_by(session(), factor.id)  # "#1 #5": action ids, not counts
        return " ".join(f"#{number}" for number in ids) if ids else "⚠ none"

    def still_named(factor: Factor) -> str:
        ids = addressed_by(session(), factor.id)
        fishbone = session().root_cause.fishbone
        causes = sum(c.factor == factor.id for cat in fishbone.categories for c in cat.causes)
        said = []
        if ids:
            which = ", ".join(f"#{number}" for number in ids)
            verb = "addresses" if len(ids) == 1 else "address"
            said.append(f"action {which} still {verb} {factor.id}")
        if causes:
            said.append(
                f"{counted(causes, 'fishbone cause')} still {'links' if causes == 1 else 'link'} it"
            )
        return "; ".join(said)

    table = RecordTable(
        "contributing factor",
        context.editor,
        "factors",
        [
            Column("ID", lambda f: f.id, width=4),
            Column("Factor", lambda f: f.factor, min_width=18, weight=2),
            Column("Description", lambda f: f.description, min_width=12, weight=3, drop=2),
            Column("Type", lambda f: f.type, width=13, drop=1),
            Column("Actions", actions, width=8),
        ],
        [
            FieldSpec("factor", "Factor", required=True, placeholder="No query timeout"),
            FieldSpec("description", "Description"),
            FieldSpec(
                "type",
                "Type",
                help="e.g. " + ", ".join(FACTOR_TYPES),
                suggestions=FACTOR_TYPES,
                clean=lambda typed: complete(
                    typed, known(FACTOR_TYPES, (f.type for f in session().factors))
                ),
            ),
        ],
        make,
        still_named=still_named,
        id="table-factors",
    )
    table.parts = frozenset({"factors", "action_items"})
    return _panel(table)


def _observations(context: PartContext, name: str, noun: str, plural: str) -> Widget:
    return _panel(
        RecordTable(
            noun,
            context.editor,
            name,
            [  # in the form's order (What first): typed in the table's, they swapped
                Column("What", lambda o: o.text, min_width=24),
                Column("Area", lambda o: o.area, width=16, drop=1),
            ],
            # What comes first, as the prompt asks it ("What helped…?"): with Area first, a
            # fast typist's sentence went into the area and the next `a` into What (a tryout).
            [
                FieldSpec("text", "What", required=True),
                FieldSpec("area", "Area (Detection, Response, Communication…)", short="Area"),
            ],
            model_maker(Observation),
            plural=plural,
            id=f"table-{name}",
        )
    )


def went_well(context: PartContext) -> Widget:
    return _observations(context, "went_well", "thing that went well", "things that went well")


def went_poorly(context: PartContext) -> Widget:
    return _observations(
        context, "went_poorly", "thing that went poorly", "things that went poorly"
    )


def got_lucky(context: PartContext) -> Widget:
    return _observations(context, "got_lucky", "lucky break", "lucky breaks")


def _naming(name: str, label: str, names: tuple[str, ...], **details: Any) -> FieldSpec:
    """A free-text field that offers ``names`` as you type and saves a short or
    differently-cased spelling of one as that name."""
    return FieldSpec(
        name, label, suggestions=names, clean=lambda typed: complete(typed, names), **details
    )


def _addressable(context: PartContext) -> str:
    """What an action item can address, by the ids this session has: "e.g. F1, F2" had not
    said which factors there were (a tryout)."""
    factors = context.editor.session.factors
    if not factors:
        return "root-cause, or add factors"
    return "factor ids and/or root-cause:  " + factors_named(factors, room=140)


def action_specs(context: PartContext, keep: str | None = None) -> list[FieldSpec]:
    """The action item's form: the type is one of the team's types (``keep``, an item's own
    type from outside the list, stays choosable so editing the item doesn't force a change).
    A due date in the past or beyond the guide's 30 days is remarked on as it is typed."""
    template = context.template
    types = template.type_names
    if keep and keep not in types:
        types = (*types, keep)
    meanings = "; ".join(f"{t.name}: {t.meaning}" for t in template.action_types if t.meaning)
    groups = known_groups(context.editor.session)
    people = known_people(context.editor.session)
    return [
        FieldSpec("action", "Action (specific and measurable)", short="Action", required=True),
        FieldSpec("type", "Type", kind="enum", choices=types, help=meanings),
        FieldSpec("priority", "Priority", kind="enum", choices=tuple(Priority)),
        _naming("owner", "Owner (one person, not a team)", people, short="Owner"),
        FieldSpec(
            "due",
            "Due date",
            kind="date",
            placeholder="YYYY-MM-DD (within 30 days)",
            advice=lambda day: due_advice(day, context.today, context.editor.session),
        ),
        FieldSpec(
            "status",
            "Status",
            kind="enum",
            choices=tuple(ActionStatus),
            required=True,
            default=ActionStatus.TODO,
        ),
        _naming(
            "group", "Group", groups, placeholder="Technical / Organisational (the export groups)"
        ),
        FieldSpec("ticket", "Ticket link", short="Ticket"),
        FieldSpec("addresses", "Addresses", kind="list", help=_addressable(context)),
        FieldSpec("completed", "Completed on", kind="date"),
        FieldSpec("verification", "Verification (how we know it works)", short="Verification"),
        FieldSpec("rationale", "Rationale: why this action", short="Rationale", kind="multiline"),
    ]


class ActionTable(RecordTable):
    """The action items, typed from the team's list of action types."""

    def __init__(self, context: PartContext, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.context = context

    def form_specs(self, item: ActionItem | None) -> list[FieldSpec]:
        return action_specs(self.context, item.type if item is not None else None)


def action_items(context: PartContext, *, detail: bool = True) -> Widget:
    """The action items (``detail=False``: without a detail line of their own, for a
    ``RecordGroup`` that has one for them and the parked ideas)."""

    def make(values: dict[str, Any], old: ActionItem | None) -> ActionItem:
        base = old.model_dump() if old else {"id": context.editor.session.next_action_id()}
        return ActionItem.model_validate({**base, **values})

    return _panel(
        ActionTable(
            context,
            "action item",
            context.editor,
            "action_items",
            [
                Column("ID", lambda a: str(a.id), width=3),
                Column("Action", lambda a: a.action, min_width=30, weight=4),
                Column("Type", lambda a: a.type or "—", width=8, drop=3),
                Column("Pri", lambda a: a.priority.value if a.priority else "—", width=3, drop=4),
                Column("Owner", lambda a: a.owner or "—", min_width=10, weight=1, drop=1),
                Column("Due", lambda a: a.due.isoformat() if a.due else "—", width=10),
                Column("Status", lambda a: a.status.value, width=11, drop=6),
                Column("Addresses", lambda a: ", ".join(a.addresses) or "⚠", min_width=9, drop=5),
                Column("Group", lambda a: a.group, min_width=12, drop=7),
            ],
            action_specs(context),
            make,
            values_of=lambda a: a.model_dump() | {"status": a.status.value},
            id="table-action_items",
        ),
        detail=detail,
    )


def _strings(context: PartContext, noun: str, path: str, label: str, id: str) -> RecordTable:
    return RecordTable(
        noun,
        context.editor,
        path,
        [Column(label, lambda s: s)],
        [FieldSpec("text", label, required=True)],
        lambda values, old: values["text"],
        values_of=lambda s: {"text": s},
        id=id,
    )


def _links(context: PartContext, noun: str, path: str, id: str) -> RecordTable:
    return RecordTable(
        noun,
        context.editor,
        path,
        [
            Column("Title", lambda link: link.title, min_width=20),
            Column("Link", lambda link: link.url, min_width=20, drop=1),
        ],
        [FieldSpec("title", "Title", required=True), FieldSpec("url", "Link")],
        model_maker(Link),
        id=id,
    )


def _heading(text: str) -> Label:
    return Label(text, classes="part-heading")


def lessons(context: PartContext) -> Widget:
    return PartScroll(
        _heading("Key takeaways"),
        _panel(
            RecordTable(
                "takeaway",
                context.editor,
                "lessons.takeaways",
                [
                    Column("Takeaway", lambda t: t.title, min_width=20),
                    Column("Why", lambda t: t.text, min_width=20, weight=2, drop=1),
                ],
                [
                    FieldSpec("title", "Takeaway", required=True),
                    FieldSpec("text", "Explanation"),
                ],
                model_maker(Takeaway),
                id="table-takeaways",
            )
        ),
        _heading("Recommendations for the broader organisation"),
        _panel(
            _strings(
                context,
                "recommendation",
                "lessons.recommendations",
                "Recommendation",
                "table-recommendations",
            )
        ),
        id="lessons-part",
    )


def supporting(context: PartContext) -> Widget:
    return PartScroll(
        TextField("Relevant logs", context.editor, "supporting.logs", id="text-supporting-logs"),
        _heading("Relevant metrics"),
        _panel(_links(context, "metric", "supporting.metrics", "table-metrics")),
        _heading("Related incidents"),
        _panel(
            RecordTable(
                "related incident",
                context.editor,
                "supporting.related",
                [
                    Column("Incident", lambda r: r.incident_id, width=12),
                    Column("Summary", lambda r: r.summary, min_width=20, weight=2),
                    Column("Link", lambda r: r.url, min_width=16, drop=1),
                ],
                [
                    FieldSpec("incident_id", "Incident ID", required=True),
                    FieldSpec("summary", "Summary"),
                    FieldSpec("url", "Link"),
                ],
                model_maker(RelatedIncident),
                id="table-related",
            )
        ),
        id="supporting-part",
    )


def appendix(context: PartContext) -> Widget:
    return PartScroll(
        _heading("Glossary"),
        _panel(
            RecordTable(
                "glossary entry",
                context.editor,
                "appendix.glossary",
                [
                    Column("Term", lambda g: g.term, width=24),
                    Column("Definition", lambda g: g.definition, min_width=20),
                ],
                [FieldSpec("term", "Term", required=True), FieldSpec("definition", "Definition")],
                model_maker(GlossaryEntry),
                id="table-glossary",
            )
        ),
        _heading("References"),
        _panel(_links(context, "reference", "appendix.references", "table-references")),
        id="appendix-part",
    )
