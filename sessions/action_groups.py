"""The groups the export sorts action items under: two to start from, and the team's own."""

from __future__ import annotations

from sessions.completion import known
from sessions.models import Session

STARTING_GROUPS = ("Technical", "Organisational")


def known_groups(session: Session) -> tuple[str, ...]:
    """The starting groups, then each group the session's items use, once (any case)."""
    return known(STARTING_GROUPS, (item.group for item in session.action_items))


def known_people(session: Session) -> tuple[str, ...]:
    """Who can own an action item: the meeting's attendees, then the owners already named."""
    attendees = (person.name for person in session.meeting.attendees)
    return known(attendees, (item.owner for item in session.action_items))
