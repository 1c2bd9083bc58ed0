"""The action items section: one table per group, the rationales, the types' legend."""

from __future__ import annotations

from sessions.export.formatting import names, table, ticket_cell
from sessions.models import ROOT_CAUSE_REF, ActionItem, Session
from sessions.prose import block, cell, inline, plain, plain_cell
from sessions.template import Template

OTHER_GROUP = "Other"
"""The heading of the action items without a group, after the groups (the importer reads a
table under it back as items without a group when other groups are there too)."""

ACTION_COLUMNS = (
    "ID", "Action", "Type", "Priority", "Owner", "Due Date", "Status", "Ticket", "Addresses"
)  # fmt: skip
"""Columns with nothing in them are left out, except ID, Action and Status."""


def actions_section(session: Session, template: Template) -> str:
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
