"""When a postmortem is required, and the guide's deadlines for writing and acting on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sessions.checks.findings import Finding, Level, Rule
from sessions.models import Marker, Session, Severity, Status
from sessions.timeline import first_marks

VERDICT = Rule("TR001", Level.INFO, "whether a postmortem is required")
DRAFT_LATE = Rule("DL001", Level.WARNING, "the draft is past its 48-hour deadline")
REVIEW_LATE = Rule("DL002", Level.WARNING, "the review is past its 5-business-day deadline")
PUBLISH_LATE = Rule("DL003", Level.WARNING, "publication is past its 7-business-day deadline")

RULES = (VERDICT, DRAFT_LATE, REVIEW_LATE, PUBLISH_LATE)


class Need(StrEnum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"
    OPTIONAL = "optional"


@dataclass(frozen=True)
class Triage:
    need: Need
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Deadlines:
    draft: dt.date
    review: dt.date
    publication: dt.date
    action_items: dt.date


def incident_minutes(session: Session) -> int | None:
    """How long the incident lasted: the impact's duration, else from the timeline markers."""
    if session.impact.user.duration_minutes is not None:
        return session.impact.user.duration_minutes
    marks = first_marks(session.timeline)
    start = marks.get(Marker.ISSUE_STARTED)
    end = marks.get(Marker.SERVICE_RESTORED) or marks.get(Marker.INCIDENT_CLOSED)
    if start and end and end >= start:
        # Rounded as the impact's form offers it from the timeline (that said 44 where this
        # said 43 minutes for the same outage, a tryout).
        return round((end - start).total_seconds() / 60)
    return None


def triage(session: Session) -> Triage:
    """The guide's "When to Write a Postmortem" table applied to this incident."""
    meta = session.metadata
    minutes = incident_minutes(session)
    required = []
    if meta.severity is Severity.SEV1:
        required.append("SEV1 incident (any duration)")
    if meta.severity is Severity.SEV2:
        if minutes is None:
            # said as what it is: an assumption ("required if it lasted over 30 minutes"
            # under "Postmortem REQUIRED" read as a contradiction, a tryout)
            required.append("SEV2 incident, its length not known yet (taken as over 30 minutes)")
        elif minutes > 30:
            required.append(f"SEV2 incident lasting {minutes} minutes (> 30)")
    if meta.data_loss:
        required.append("data loss")
    if meta.security:
        required.append("security incident")
    if meta.near_miss:
        required.append("near-miss that could have been severe")
    if required:
        return Triage(Need.REQUIRED, tuple(required))
    if meta.severity is Severity.UNKNOWN:
        # Without a severity the guide's table can't decide; writing it is the safe side.
        return Triage(
            Need.RECOMMENDED,
            (
                "severity unknown: a SEV1, or a SEV2 over 30 minutes, would make it required; "
                "set the severity to know",
            ),
        )
    if meta.severity is Severity.SEV3:
        return Triage(
            Need.RECOMMENDED, ("SEV3 incident: worth it when there is something to learn",)
        )
    if meta.severity is Severity.SEV2:
        return Triage(
            Need.RECOMMENDED,
            (f"SEV2 incident lasting {minutes} minute{'' if minutes == 1 else 's'} (≤ 30)",),
        )
    return Triage(Need.OPTIONAL, ("minor incident",))


def plus_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, or the last date there is: a deadline past 9999-12-31 never comes."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


def add_business_days(day: dt.date, count: int) -> dt.date:
    while count > 0 and day < dt.date.max:
        day = plus_days(day, 1)
        if day.weekday() < 5:
            count -= 1
    return day


def deadlines(session: Session) -> Deadlines | None:
    day = session.metadata.date
    if day is None:
        return None
    action_base = session.meeting.date or day
    return Deadlines(
        draft=plus_days(day, 2),
        review=add_business_days(day, 5),
        publication=add_business_days(day, 7),
        action_items=plus_days(action_base, 30),
    )


def check_triage(session: Session, today: dt.date) -> list[Finding]:
    verdict = triage(session)
    findings = [
        Finding(
            VERDICT,
            "metadata.severity",
            f"postmortem {verdict.need.value}: " + "; ".join(verdict.reasons),
        )
    ]
    due = deadlines(session)
    if due is None or session.metadata.archived:  # an archived postmortem has no deadlines
        return findings
    status = session.metadata.status
    if today > due.draft and not session.summary.strip():
        findings.append(
            Finding(
                DRAFT_LATE,
                "summary",
                f"the draft was due {due.draft} (48 hours after the incident)",
            )
        )
    if today > due.review and status is Status.DRAFT:
        findings.append(
            Finding(
                REVIEW_LATE, "metadata.status", f"the review was due {due.review} (5 business days)"
            )
        )
    if today > due.publication and status is not Status.FINAL:
        findings.append(
            Finding(
                PUBLISH_LATE,
                "metadata.status",
                f"publication was due {due.publication} (7 business days)",
            )
        )
    return findings
