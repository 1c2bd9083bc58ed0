"""A new postmortem, the same however it is made (`pmtui new`, or opening a missing file)."""

from __future__ import annotations

from sessions.checks.config import CheckConfig
from sessions.models import Meeting, Metadata, Session


def new_session(
    config: CheckConfig, metadata: Metadata | None = None, agenda: str | None = None
) -> Session:
    """The team's template sections and an agenda from a preset (the team's default when
    ``agenda`` is None), opening step included; ValueError for an unknown preset."""
    return Session(
        metadata=metadata or Metadata(),
        team_sections=config.template.new_sections(),
        meeting=Meeting(agenda=config.meeting.new_agenda(agenda)),
    )
