"""The session: the whole file, the document and the meeting in one model."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from pydantic import Field, model_validator

from sessions.models.actions import ActionItem
from sessions.models.analysis import Factor, RootCause
from sessions.models.base import Model, Text, next_free_id
from sessions.models.meeting import Meeting
from sessions.models.metadata import Impact, Metadata
from sessions.models.sections import Appendix, Lessons, Observation, Supporting, TeamSection
from sessions.models.timeline import Precision, TimelineEvent

SCHEMA_VERSION = 2


class AcceptedFinding(Model):
    """A guardrail finding the team looked at and accepted, with its reason."""

    rule: Text
    where: Text = ""
    reason: Text


class Session(Model):
    schema_version: int = SCHEMA_VERSION
    metadata: Metadata = Field(default_factory=Metadata)
    summary: Text = ""
    #: Context and architecture a reader needs first.
    background: Text = ""
    impact: Impact = Field(default_factory=Impact)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    root_cause: RootCause = Field(default_factory=RootCause)
    factors: list[Factor] = Field(default_factory=list)
    #: How the incident was noticed (alerts, customers, luck).
    detection: Text = ""
    #: How service was restored and the incident closed.
    resolution: Text = ""
    #: What customers were told and when: status page, emails, the apology.
    customer_communication: Text = ""
    went_well: list[Observation] = Field(default_factory=list)
    went_poorly: list[Observation] = Field(default_factory=list)
    got_lucky: list[Observation] = Field(default_factory=list)
    action_items: list[ActionItem] = Field(default_factory=list)
    lessons: Lessons = Field(default_factory=Lessons)
    supporting: Supporting = Field(default_factory=Supporting)
    appendix: Appendix = Field(default_factory=Appendix)
    team_sections: list[TeamSection] = Field(default_factory=list)
    meeting: Meeting = Field(default_factory=Meeting)
    accepted: list[AcceptedFinding] = Field(default_factory=list)

    @model_validator(mode="after")
    def _days_at_midnight(self) -> Session:
        """A day-only event is stored at midnight of its day in the display zone (in UTC)."""
        zone = zoneinfo.ZoneInfo(self.metadata.time_zone) if self.metadata.time_zone else dt.UTC
        for event in self.timeline:
            if event.precision is Precision.DAY:
                day = event.time.astimezone(zone).date()
                midnight = dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
                if midnight != event.time:
                    event.time = midnight
        return self

    def sorted_timeline(self) -> list[TimelineEvent]:
        return sorted(self.timeline, key=lambda event: event.time)

    def next_action_id(self) -> int:
        return max((item.id for item in self.action_items), default=0) + 1

    def next_factor_id(self) -> str:
        """A new factor's id: none a factor has, nor one an action item or a fishbone cause
        still names (a deleted F2's id went to the next factor, and its action item then
        addressed the new one: a tryout)."""
        named = [f for item in self.action_items for f in item.addresses if f != "root-cause"]
        linked = [c.factor for cat in self.root_cause.fishbone.categories for c in cat.causes]
        taken = [factor.id for factor in self.factors]
        return next_free_id("F", taken, reserved=[*named, *linked])
