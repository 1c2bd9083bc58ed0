"""Edits of the session's lists and analyses, as domain operations the editors call.

Records in a list are replaced, never changed in place, so an undo snapshot of a list is a
cheap shallow copy (see ``sessions.editing``). Each operation returns what the editor needs
to put its cursor back: an index, an id or a path.
"""

from __future__ import annotations

import bisect
from typing import Any

from sessions.models import (
    Cause,
    Fishbone,
    FishboneCategory,
    FiveWhys,
    Session,
    TimelineEvent,
    WhyNode,
)

# --- lists --------------------------------------------------------------------------------


def move(items: list[Any], index: int, step: int) -> int | None:
    """Swap the item at ``index`` with its neighbour ``step`` away; its new index, or None."""
    target = index + step
    if not (0 <= index < len(items) and 0 <= target < len(items)):
        return None
    items[index], items[target] = items[target], items[index]
    return target


def insert_event(events: list[TimelineEvent], event: TimelineEvent) -> int:
    """Insert in time order (after events at the same moment); the index it went to."""
    index = bisect.bisect_right(events, event.time, key=lambda e: e.time)
    events.insert(index, event)
    return index


def replace_event(events: list[TimelineEvent], index: int, event: TimelineEvent) -> int:
    """Replace the event at ``index``; it moves if its time changed. Its new index."""
    del events[index]
    return insert_event(events, event)


def sort_timeline(session: Session) -> None:
    """Events in time order, as the timeline shows and the file keeps them (stable)."""
    session.timeline.sort(key=lambda event: event.time)


def addressed_by(session: Session, factor_id: str) -> list[int]:
    """Ids of the action items that address a contributing factor (or "root-cause")."""
    return [item.id for item in session.action_items if factor_id in item.addresses]


# --- 5 whys -------------------------------------------------------------------------------


def _index(whys: FiveWhys, node_id: str) -> int:
    for index, node in enumerate(whys.nodes):
        if node.id == node_id:
            return index
    raise KeyError(node_id)


def find_why(whys: FiveWhys, node_id: str) -> WhyNode | None:
    return next((node for node in whys.nodes if node.id == node_id), None)


def add_why(whys: FiveWhys, parent: str, why: str = "", because: str = "") -> WhyNode:
    """A new step under ``parent`` ("" = under the problem)."""
    node = WhyNode(id=whys.next_id(), parent=parent, why=why, because=because)
    whys.nodes.append(node)
    return node


def branch_parent(whys: FiveWhys, node_id: str) -> str:
    """Where a parallel branch of ``node_id`` hangs: beside it, under the same parent."""
    node = find_why(whys, node_id)
    return node.parent if node else ""


def update_why(whys: FiveWhys, node_id: str, **changes: Any) -> WhyNode:
    """Replace the step with a copy carrying ``changes`` (why, because, root_cause)."""
    index = _index(whys, node_id)
    node = whys.nodes[index].model_copy(update=changes)
    whys.nodes[index] = node
    return node


def toggle_root_cause(whys: FiveWhys, node_id: str) -> bool:
    """Mark or unmark a step as a root cause; True when it is marked now."""
    node = find_why(whys, node_id)
    if node is None:
        raise KeyError(node_id)
    return update_why(whys, node_id, root_cause=not node.root_cause).root_cause


def subtree(whys: FiveWhys, node_id: str) -> set[str]:
    """The step and every step below it."""
    kids: dict[str, list[str]] = {}
    for node in whys.nodes:
        kids.setdefault(node.parent, []).append(node.id)
    out, stack = set(), [node_id]
    while stack:
        current = stack.pop()
        out.add(current)
        stack.extend(kids.get(current, []))
    return out


def remove_why(whys: FiveWhys, node_id: str) -> int:
    """Remove a step and everything below it; how many steps went."""
    doomed = subtree(whys, node_id)
    whys.nodes[:] = [node for node in whys.nodes if node.id not in doomed]
    return len(doomed)


# --- fishbone -----------------------------------------------------------------------------

CausePath = tuple[int, ...]
"""(category,) / (category, cause) / (category, cause, sub-cause); () is the problem."""


def add_category(fishbone: Fishbone, name: str) -> CausePath:
    fishbone.categories.append(FishboneCategory(name=name))
    return (len(fishbone.categories) - 1,)


def add_cause(fishbone: Fishbone, category: int, text: str, after: int | None = None) -> CausePath:
    """A cause at the end of the category, or just ``after`` the cause at that index."""
    causes = fishbone.categories[category].causes
    index = len(causes) if after is None else after + 1
    causes.insert(index, Cause(text=text))
    return (category, index)


def add_sub_cause(
    fishbone: Fishbone, category: int, cause: int, text: str, after: int | None = None
) -> CausePath:
    """A sub-cause at the end of the cause's, or just ``after`` the one at that index."""
    subs = fishbone.categories[category].causes[cause].sub_causes
    index = len(subs) if after is None else after + 1
    subs.insert(index, text)
    return (category, cause, index)


def text_at(fishbone: Fishbone, path: CausePath) -> str:
    if not path:
        return fishbone.problem
    category = fishbone.categories[path[0]]
    if len(path) == 1:
        return category.name
    cause = category.causes[path[1]]
    return cause.text if len(path) == 2 else cause.sub_causes[path[2]]


def set_text_at(fishbone: Fishbone, path: CausePath, text: str) -> None:
    """Rename a category, or edit a cause or sub-cause (or the problem, for ``()``)."""
    if not path:
        fishbone.problem = text
        return
    category = fishbone.categories[path[0]]
    if len(path) == 1:
        category.name = text
    elif len(path) == 2:
        category.causes[path[1]].text = text
    else:
        category.causes[path[1]].sub_causes[path[2]] = text


def siblings(fishbone: Fishbone, path: CausePath) -> list[Any]:
    """The list ``path`` points into: categories, a category's causes, or sub-causes."""
    if len(path) == 1:
        return fishbone.categories
    if len(path) == 2:
        return fishbone.categories[path[0]].causes
    return fishbone.categories[path[0]].causes[path[1]].sub_causes


def remove_at(fishbone: Fishbone, path: CausePath) -> CausePath:
    """Remove what ``path`` points at; the path to put the cursor on afterwards."""
    items = siblings(fishbone, path)
    index = path[-1]
    del items[index]
    if items:
        return (*path[:-1], min(index, len(items) - 1))
    return path[:-1]


def reorder(fishbone: Fishbone, path: CausePath, step: int) -> CausePath | None:
    """Move an item up or down among its siblings; its new path, or None."""
    target = move(siblings(fishbone, path), path[-1], step)
    return None if target is None else (*path[:-1], target)


def move_to_category(fishbone: Fishbone, path: CausePath, step: int) -> CausePath | None:
    """Move a cause to the previous or next category (at its end); its new path, or None."""
    if len(path) != 2:
        return None
    categories = fishbone.categories
    target = path[0] + step
    if not 0 <= target < len(categories):
        return None
    cause = categories[path[0]].causes.pop(path[1])
    categories[target].causes.append(cause)
    return (target, len(categories[target].causes) - 1)


def link_factor(fishbone: Fishbone, path: CausePath, factor_id: str) -> None:
    """Say which contributing factor a cause is ("" to unlink)."""
    fishbone.categories[path[0]].causes[path[1]].factor = factor_id
