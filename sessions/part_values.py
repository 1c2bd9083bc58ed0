"""The flat field values the metadata and impact forms show, and how they go back into the
models (validated by the models), plus what the timeline already says about them."""

from __future__ import annotations

from typing import Any

from sessions.models import Impact, Marker, Metadata, Session
from sessions.timeline import first_marks

Values = dict[str, Any]


def metadata_values(session: Session) -> Values:
    return session.metadata.model_dump()


def apply_metadata(session: Session, values: Values) -> None:
    session.metadata = Metadata.model_validate({**session.metadata.model_dump(), **values})


def impact_values(session: Session) -> Values:
    impact = session.impact
    breach = impact.business.sla_breach
    return {
        **impact.user.model_dump(),
        **impact.business.model_dump(),
        **impact.slo.model_dump(),
        "sla_breach": None if breach is None else ("Yes" if breach else "No"),
    }


def apply_impact(session: Session, values: Values) -> None:
    """The form's figures into the impact; its description and entries (edited elsewhere)
    stay as they are."""
    breach = values.get("sla_breach")
    impact = session.impact
    figures = Impact.model_validate(
        {
            "user": {k: values.get(k) for k in ("duration_minutes", "users_affected")}
            | {
                "functionality": values.get("functionality") or [],
                "data_lost": values.get("data_lost") or "",
            },
            "business": {
                "revenue": values.get("revenue") or "",
                "complaints": values.get("complaints"),
                "sla_breach": None if breach in (None, "") else breach == "Yes",
            },
            "slo": {
                "error_budget_consumed_pct": values.get("error_budget_consumed_pct"),
                "budget_remaining_pct": values.get("budget_remaining_pct"),
                "note": values.get("note") or "",
            },
        }
    )
    session.impact = figures.model_copy(
        update={"description": impact.description, "entries": impact.entries}
    )


def from_timeline(session: Session) -> Values:
    """What the timeline already knows: the incident date (the day the issue started, or
    of the first event) and the user-impact duration (issue started → service restored)."""
    events = session.timeline
    if not events:
        return {}
    marks = first_marks(events)
    start = marks.get(Marker.ISSUE_STARTED) or min(event.time for event in events)
    out: Values = {"date": start.date()}
    restored = marks.get(Marker.SERVICE_RESTORED)
    if restored is not None and restored > start:
        out["duration_minutes"] = round((restored - start).total_seconds() / 60)
    return out
