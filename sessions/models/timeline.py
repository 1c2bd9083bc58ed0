"""The timeline: events, how exactly their time is known, and the moments the guide asks for."""

from __future__ import annotations

from enum import StrEnum

from sessions.models.base import LabelledEnum, Model, Text, UtcDatetime


class Marker(LabelledEnum):
    """The moments of an incident the guide's timeline asks for."""

    ISSUE_STARTED = "issue_started"
    FIRST_DETECTABLE = "first_detectable"
    ALERT_FIRED = "alert_fired"
    ACKNOWLEDGED = "acknowledged"
    ESCALATED = "escalated"
    ROOT_CAUSE_IDENTIFIED = "root_cause_identified"
    MITIGATION_STARTED = "mitigation_started"
    SERVICE_RESTORED = "service_restored"
    INCIDENT_CLOSED = "incident_closed"
    DECISION_POINT = "decision_point"
    NON_EVENT = "non_event"
    INCIDENT_DECLARED = "incident_declared"
    #: A status page or customer update (its colour or wording in the event text).
    STATUS_UPDATE = "status_update"


class Precision(StrEnum):
    """How much of an event's time the source knew."""

    EXACT = "exact"
    #: "±17:20": about this time.
    APPROXIMATE = "approximate"
    #: Only the day is known; the time is midnight of that day in the display zone.
    DAY = "day"


class TimelineEvent(Model):
    time: UtcDatetime
    precision: Precision = Precision.EXACT
    event: Text
    actor: Text = ""
    evidence: Text = ""
    marker: Marker | None = None
    #: Why a decision was taken (for decision points), as the people knew it then.
    rationale: Text = ""
