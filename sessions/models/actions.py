"""Action items: their type, priority and status, and the weekly reviews' decisions."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from sessions.models.base import Day, Model, Text


class ActionType(StrEnum):
    """The guide's action types: the default list, which a team may replace in `.pmtui.toml`."""

    PREVENT = "Prevent"
    DETECT = "Detect"
    MITIGATE = "Mitigate"
    DOCUMENT = "Document"


class Priority(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class ActionStatus(StrEnum):
    TODO = "TODO"
    IN_PROGRESS = "In Progress"
    DONE = "Done"
    WONT_DO = "Won't Do"

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.TODO, ActionStatus.IN_PROGRESS)


ROOT_CAUSE_REF = "root-cause"


class ReviewDecision(StrEnum):
    """What the weekly review decided about an open action item (the guide's tracking)."""

    DONE = "done"
    NEW_DUE = "new due date"
    NEW_OWNER = "new owner"
    ON_TRACK = "on track"


class ActionReview(Model):
    """One decision of a weekly review, kept on the item so the file tells its history."""

    date: Day
    decision: ReviewDecision
    #: How it was verified (done), why it moved and from when (new due date), from whom (new
    #: owner); empty for "on track".
    note: Text = ""


class ActionItem(Model):
    id: int = Field(ge=1)
    action: Text
    #: One of the team's action types (the guide's four unless `.pmtui.toml` says otherwise).
    type: Text | None = None
    priority: Priority | None = None
    owner: Text = ""
    due: Day | None = None
    status: ActionStatus = ActionStatus.TODO
    ticket: Text = ""
    #: Factor ids, or "root-cause", that this action addresses.
    addresses: list[Text] = Field(default_factory=list)
    completed: Day | None = None
    verification: Text = ""
    #: The group the action belongs to ("Technical", "Organisational"); the export groups by it.
    group: Text = ""
    #: Why this action, at whatever length it takes.
    rationale: Text = ""
    #: The weekly reviews' decisions about this item, oldest first.
    reviews: list[ActionReview] = Field(default_factory=list)
