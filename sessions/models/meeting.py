"""The meeting: who attends in which role, the agenda and its timer, the parking lot."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field, field_validator

from sessions.models.base import Day, LabelledEnum, Model, Text, UtcDatetime


class Role(LabelledEnum):
    RESPONDER = "responder"
    SERVICE_OWNER = "service_owner"
    FACILITATOR = "facilitator"
    #: Writes down what the meeting says, so the facilitator can facilitate.
    NOTE_TAKER = "note_taker"
    TEAM_REPRESENTATIVE = "team_representative"
    MANAGEMENT = "management"
    OTHER = "other"


REQUIRED_ROLES: tuple[Role, ...] = (Role.RESPONDER, Role.SERVICE_OWNER, Role.FACILITATOR)

ROLES_CHECK: tuple[Role, ...] = (
    Role.FACILITATOR,
    Role.NOTE_TAKER,
    Role.RESPONDER,
    Role.SERVICE_OWNER,
)
"""Who the opening of the meeting looks for: the guide's required roles and a note-taker."""


@dataclass(frozen=True)
class RoleCheck:
    """One role the meeting looks for, and the named attendees in it."""

    role: Role
    names: tuple[str, ...]
    required: bool


def role_checks(attendees: list[Attendee]) -> list[RoleCheck]:
    """The roles the meeting looks for, in ``ROLES_CHECK`` order: the opening and drafting's
    Meeting part both tick them from this (they disagreed on the note-taker)."""
    return [
        RoleCheck(
            role,
            tuple(a.name for a in attendees if a.role is role and a.name.strip()),
            role in REQUIRED_ROLES,
        )
        for role in ROLES_CHECK
    ]


class SectionKind(LabelledEnum):
    """What a meeting section is about; it decides which editor the meeting shows."""

    #: Setting the stage: the blameless reminder, the incident, the agenda, who is here.
    OPENING = "opening"
    TIMELINE_REVIEW = "timeline_review"
    CONTRIBUTING_FACTORS = "contributing_factors"
    WENT_WELL = "went_well"
    COULD_IMPROVE = "could_improve"
    ACTION_ITEMS = "action_items"
    #: The author presents the summary (the review meeting for sharing learnings).
    SUMMARY = "summary"
    #: Lessons for the broader organisation (the review meeting).
    LESSONS = "lessons"
    OTHER = "other"


class Attendee(Model):
    name: Text
    role: Role = Role.OTHER


class AgendaSection(Model):
    kind: SectionKind
    title: Text
    planned_minutes: int = Field(ge=0, le=600)
    #: Time actually spent, in whole seconds (the meeting timer writes it).
    spent_seconds: int = Field(default=0, ge=0)

    @field_validator("spent_seconds", mode="before")
    @classmethod
    def _whole_seconds(cls, value: object) -> object:
        """Files from before whole seconds hold floats such as 77.347."""
        return int(value) if isinstance(value, float) and value >= 0 else value

    @property
    def planned_seconds(self) -> float:
        return self.planned_minutes * 60.0

    @property
    def actual_minutes(self) -> float:
        return self.spent_seconds / 60.0


DEFAULT_AGENDA: tuple[tuple[SectionKind, str, int], ...] = (
    (SectionKind.TIMELINE_REVIEW, "Timeline review", 20),
    (SectionKind.CONTRIBUTING_FACTORS, "Contributing factors", 20),
    (SectionKind.WENT_WELL, "What went well", 10),
    (SectionKind.COULD_IMPROVE, "What could be improved", 15),
    (SectionKind.ACTION_ITEMS, "Action items", 15),
)


def default_agenda() -> list[AgendaSection]:
    return [AgendaSection(kind=k, title=t, planned_minutes=m) for k, t, m in DEFAULT_AGENDA]


class IdeaStatus(StrEnum):
    """Where a parked idea went."""

    OPEN = "open"
    #: Turned into an action item (``action_id``).
    ACTION = "action"
    #: Dropped, with a reason.
    DROPPED = "dropped"


class ParkedIdea(Model):
    """An idea raised off-topic ("add a TLS expiry monitor"), kept for the action items."""

    idea: Text
    raised_by: Text = ""
    #: The agenda section it came up in.
    section: Text = ""
    status: IdeaStatus = IdeaStatus.OPEN
    #: The action item it became.
    action_id: int | None = Field(default=None, ge=1)
    #: Why it was dropped.
    reason: Text = ""


class Meeting(Model):
    date: Day | None = None
    attendees: list[Attendee] = Field(default_factory=list)
    agenda: list[AgendaSection] = Field(default_factory=default_agenda)
    #: Index of the section the meeting is on; the meeting reopens paused there.
    current: int = Field(default=0, ge=0)
    #: When the timer first started (UTC).
    started_at: UtcDatetime | None = None
    #: When the meeting should end (UTC): set at the first start from the agenda, like the
    #: slot in the calendar; extending or trimming sections doesn't move it.
    ends_at: UtcDatetime | None = None
    #: While the timer runs, the moment (UTC) up to which the current section's
    #: ``spent_seconds`` counts; it has run on since. A reader of the file counts down too:
    #: left = planned − spent − (now − running_since). Empty while paused.
    running_since: UtcDatetime | None = None
    notes: Text = ""
    #: Ideas parked during the meeting, to turn into action items or drop.
    parking_lot: list[ParkedIdea] = Field(default_factory=list)
