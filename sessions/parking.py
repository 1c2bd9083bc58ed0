"""The parking lot: ideas raised off-topic, kept for the action items without derailing the
section they came up in (the facilitation guides' "park remediation ideas during the timeline").

Records are replaced, never changed in place (see ``sessions.edits``).
"""

from __future__ import annotations

from typing import Any

from sessions.models import ActionItem, IdeaStatus, Meeting, ParkedIdea


def park(meeting: Meeting, idea: str, raised_by: str = "", section: str = "") -> int:
    """Park an idea; its index in the lot."""
    meeting.parking_lot.append(
        ParkedIdea(idea=idea.strip(), raised_by=raised_by.strip(), section=section)
    )
    return len(meeting.parking_lot) - 1


def open_ideas(meeting: Meeting) -> list[ParkedIdea]:
    """Ideas not yet turned into an action item or dropped."""
    return [idea for idea in meeting.parking_lot if idea.status is IdeaStatus.OPEN]


def action_values(idea: ParkedIdea) -> dict[str, Any]:
    """What the new action item's form starts with: the idea's words."""
    return {"action": idea.idea}


def made_action(meeting: Meeting, index: int, item: ActionItem) -> None:
    """The idea at ``index`` became action item ``item``."""
    lot = meeting.parking_lot
    lot[index] = lot[index].model_copy(
        update={"status": IdeaStatus.ACTION, "action_id": item.id, "reason": ""}
    )


def dropped(meeting: Meeting, index: int, reason: str) -> None:
    """The idea at ``index`` is not going to be done, and why."""
    lot = meeting.parking_lot
    lot[index] = lot[index].model_copy(
        update={"status": IdeaStatus.DROPPED, "reason": reason.strip(), "action_id": None}
    )


def describe(idea: ParkedIdea) -> str:
    """Where the idea is now, in a few words: "open", "action 4", "dropped: …"."""
    if idea.status is IdeaStatus.ACTION:
        return f"action {idea.action_id}" if idea.action_id else "action"
    if idea.status is IdeaStatus.DROPPED:
        return f"dropped: {idea.reason}" if idea.reason else "dropped"
    return "open"
