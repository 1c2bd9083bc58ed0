"""The postmortem's metadata (title, status, severity, triage flags) and its impact."""

from __future__ import annotations

import zoneinfo
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field

from sessions.models.base import Day, Model, Text


class Status(StrEnum):
    DRAFT = "Draft"
    IN_REVIEW = "In Review"
    FINAL = "Final"


class Severity(StrEnum):
    SEV1 = "SEV1"
    SEV2 = "SEV2"
    SEV3 = "SEV3"
    SEV4 = "SEV4"
    #: Not decided yet, or not stated by the source of an imported postmortem.
    UNKNOWN = "unknown"


def _known_zone(value: str) -> str:
    """A display time zone must be an IANA name ("Europe/Berlin") or empty for UTC."""
    if value:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use an IANA name)") from None
    return value


class Metadata(Model):
    title: Text = ""
    incident_id: Text = ""
    date: Day | None = None
    authors: list[Text] = Field(default_factory=list)
    reviewers: list[Text] = Field(default_factory=list)
    status: Status = Status.DRAFT
    severity: Severity = Severity.UNKNOWN
    services: list[Text] = Field(default_factory=list)
    tags: list[Text] = Field(default_factory=list)
    #: Triage flags from the guide's "When to Write a Postmortem".
    data_loss: bool = False
    security: bool = False
    near_miss: bool = False
    #: The zone the timeline is shown in (IANA name, e.g. "America/Los_Angeles"); times are
    #: stored in UTC whatever it says. Empty: UTC.
    time_zone: Annotated[Text, AfterValidator(_known_zone)] = ""
    #: A postmortem kept for the record: its open action items are no longer chased.
    archived: bool = False


class UserImpact(Model):
    duration_minutes: int | None = Field(default=None, ge=0)
    users_affected: Text = ""
    functionality: list[Text] = Field(default_factory=list)
    #: How much data was lost, in words ("6 hours of database changes, about 5,000 projects").
    data_lost: Text = ""


class BusinessImpact(Model):
    revenue: Text = ""
    complaints: int | None = Field(default=None, ge=0)
    sla_breach: bool | None = None


class SloImpact(Model):
    error_budget_consumed_pct: float | None = Field(default=None, ge=0)
    budget_remaining_pct: float | None = None
    #: What a number can't say: "error budget exceeded several times over".
    note: Text = ""


class ImpactEntry(Model):
    """One counted (or described) effect, per component, region or customer group.

    "5 million webhooks queued" is ``scope="webhooks", measure="queued", amount=5e6``;
    where no number says it, ``note`` does.
    """

    scope: Text = ""
    measure: Text
    amount: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    unit: Text = ""
    note: Text = ""


class Impact(Model):
    #: The impact in the team's words, before the figures.
    description: Text = ""
    user: UserImpact = Field(default_factory=UserImpact)
    business: BusinessImpact = Field(default_factory=BusinessImpact)
    slo: SloImpact = Field(default_factory=SloImpact)
    entries: list[ImpactEntry] = Field(default_factory=list)
