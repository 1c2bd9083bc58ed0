"""The incident in one line, as the opening of the meeting and the live page show it."""

from __future__ import annotations

from sessions.markdown import severity_label
from sessions.models import Session
from sessions.textsafe import one_line


def incident_line(session: Session) -> str:
    """INC-4211 · SEV2 · 2025-01-15 (the parts that are known)."""
    meta = session.metadata
    parts = [one_line(meta.incident_id.strip()), severity_label(meta.severity)]
    if meta.date:
        parts.append(meta.date.isoformat())
    return " · ".join(part for part in parts if part)


def title_line(session: Session) -> str:
    return one_line(session.metadata.title.strip()) or "Untitled postmortem"
