"""Action items: our tables (one a group, under its heading), lists of actions, and the
"**Why action N**" rationales after them."""

from __future__ import annotations

import datetime as dt
import functools
import re

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import (
    Section,
    cell_text,
    dedent,
    first_inline,
    heading_key,
    lines_source,
    list_items,
    table_rows,
    text_of,
)
from sessions.importing.vocabulary import ACTION_STATUSES
from sessions.markdown import OTHER_GROUP
from sessions.models import ActionItem, Priority


def read_action_items(ctx: ImportContext, section: Section) -> None:
    _actions(ctx, section.blocks, "", "Action items")

    def is_group(child: Section) -> bool:
        return heading_key(child.title) != "action item types" and any(
            g[0].type == "table_open" for g in child.blocks
        )

    titles = [text_of(child.title) for child in section.children if is_group(child)]
    # Beside other groups, "Other" is what the export calls the items without a group.
    others_mean_none = any(title != OTHER_GROUP for title in titles)
    for child in section.children:
        title = text_of(child.title)
        if heading_key(child.title) == "action item types":
            source = lines_source(ctx.lines, child.start, child.end)
            ctx.computed.append(("Action item types", source, functools.partial(_legend, ctx)))
        elif is_group(child):
            group = "" if title == OTHER_GROUP and others_mean_none else title
            _actions(ctx, child.blocks, group, title)
            for grandchild in child.children:
                ctx.section(grandchild, top=False)
        else:
            ctx.section(child, top=False)


def _legend(ctx: ImportContext) -> str:
    match = ctx.in_export(r"### Action Item Types\n(.*?)(?:\n\n---|\n\n##|\Z)")
    return match[1] if match else ""


def _actions(ctx: ImportContext, blocks: list[list[Token]], group_name: str, where: str) -> None:
    for group in blocks:
        kind = group[0].type
        if kind == "table_open" and _action_table(ctx, group, group_name):
            continue
        if kind == "bullet_list_open" and _rationales(ctx, group):
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            for item in list_items(group):
                ctx.session.action_items.append(
                    ActionItem(
                        id=ctx.session.next_action_id(),
                        action=first_inline(item),
                        group=group_name,
                    )
                )
            continue
        ctx.note(where, ctx.block(group))


def _action_table(ctx: ImportContext, group: list[Token], group_name: str) -> bool:
    rows = table_rows(group)
    header = [text_of(c).lower() for c in rows[0]] if rows else []
    names = {"action": "action", "action item": "action", "item": "action"}
    if not any(h in names for h in header):
        return False
    for row in rows[1:]:
        item = ActionItem(id=ctx.session.next_action_id(), action="", group=group_name)
        refs: list[str] = []
        for index, name in enumerate(header):
            value = row[index] if index < len(row) else ""
            text = text_of(value)
            # A placeholder as written: an escaped "\-" is a value that is a dash.
            empty = value.strip() in ("", "—", "-", "n/a", "N/A")
            if name == "id" and re.fullmatch(r"\d+", text) and int(text) >= 1:
                item.id = int(text)
            elif names.get(name) == "action":
                item.action = cell_text(value)
            elif name == "type" and not empty:
                known = {t.lower(): t for t in ctx.template.type_names}
                item.type = known.get(text.lower(), text)
            elif name == "priority" and not empty:
                if text.upper() in Priority.__members__:
                    item.priority = Priority(text.upper())
                else:
                    ctx.note("Action items", f"action {item.id}: priority {text}")
            elif name == "owner" and not empty:
                item.owner = text
            elif name in ("due date", "due", "eta") and not empty:
                try:
                    item.due = dt.date.fromisoformat(text)
                except ValueError:
                    ctx.note("Action items", f"action {item.id}: due {text}")
            elif name == "status" and not empty:
                status = ACTION_STATUSES.get(text.lower())
                if status is None:
                    ctx.note("Action items", f"action {item.id}: status {text}")
                else:
                    item.status = status
            elif name in ("ticket", "bug", "issue", "link") and not empty:
                item.ticket = _ticket(value)
            elif name == "addresses" and not empty:
                refs = [r.strip() for r in text.split(", ") if r.strip()]
            elif name not in ("id",) and not empty:
                ctx.note("Action items", f"action {item.id}: {name}: {text}")
        if refs:
            ctx.factor_refs.append((item, refs))
        ctx.session.action_items.append(item)
    return True


def _rationales(ctx: ImportContext, group: list[Token]) -> bool:
    items = list_items(group)
    heads = [re.fullmatch(r"\*\*Why action (\d+)\*\*", first_inline(i).strip()) for i in items]
    if not items or not all(heads):
        return False
    by_id = {item.id: item for item in ctx.session.action_items}
    list_opens = [t for t in group if t.type == "list_item_open" and t.level == group[0].level + 1]
    for head, opening in zip(heads, list_opens, strict=True):
        assert head is not None and opening.map is not None
        body = "\n".join(ctx.lines[opening.map[0] + 1 : opening.map[1]])
        text = dedent(body).strip("\n")
        target = by_id.get(int(head[1]))
        if target is None:
            ctx.note("Action items", f"{head[0]}\n\n{text}")
        else:
            target.rationale = text
    return True


def _ticket(source: str) -> str:
    match = re.fullmatch(r"<(https?://[^>]+)>", source.strip())
    return match[1] if match else text_of(source)
