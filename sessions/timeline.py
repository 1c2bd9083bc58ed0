"""What the timeline tells: the guide's key intervals, long gaps, events pasted from logs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sessions.models import Marker, Session, TimelineEvent
from sessions.timeparse import find_timestamp

#: A gap this long between two events during the incident is worth asking about.
LONG_GAP = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Interval:
    name: str
    start: Marker
    end: Marker
    value: dt.timedelta | None


_INTERVALS: tuple[tuple[str, Marker, Marker], ...] = (
    ("Time to detect", Marker.ISSUE_STARTED, Marker.ALERT_FIRED),
    ("Time to acknowledge", Marker.ALERT_FIRED, Marker.ACKNOWLEDGED),
    ("Time to mitigate", Marker.ISSUE_STARTED, Marker.MITIGATION_STARTED),
    ("Time to restore", Marker.ISSUE_STARTED, Marker.SERVICE_RESTORED),
    ("Total duration", Marker.ISSUE_STARTED, Marker.INCIDENT_CLOSED),
)


def first_marks(events: list[TimelineEvent]) -> dict[Marker, dt.datetime]:
    marks: dict[Marker, dt.datetime] = {}
    for event in events:
        if event.marker is not None and (
            event.marker not in marks or event.time < marks[event.marker]
        ):
            marks[event.marker] = event.time
    return marks


def intervals(events: list[TimelineEvent]) -> list[Interval]:
    """The guide's detect / acknowledge / mitigate / restore figures, where markers allow."""
    marks = first_marks(events)
    out = []
    for name, start, end in _INTERVALS:
        value = marks[end] - marks[start] if start in marks and end in marks else None
        out.append(Interval(name, start, end, value))
    return out


def long_gaps(events: list[TimelineEvent], threshold: dt.timedelta = LONG_GAP) -> set[int]:
    """Indexes (in time order) of events that came a long time after the one before."""
    ordered = sorted(events, key=lambda event: event.time)
    return {
        index
        for index in range(1, len(ordered))
        if ordered[index].time - ordered[index - 1].time >= threshold
    }


def spans_days(events: list[TimelineEvent]) -> bool:
    days = {event.time.date() for event in events}
    return len(days) > 1


def events_from_logs(text: str, default_date: dt.date | None) -> tuple[list[TimelineEvent], int]:
    """One event per log line that starts with a timestamp; returns them and the lines skipped."""
    events, skipped = [], 0
    for line in text.splitlines():
        if not line.strip():
            continue
        found = find_timestamp(line, default_date)
        if found is None:
            skipped += 1
            continue
        moment, rest = found
        events.append(
            TimelineEvent(
                time=moment, event=rest or line.strip(), actor="logs", evidence=line.strip()
            )
        )
    return events, skipped


def incident_day(session: Session) -> dt.date | None:
    if session.metadata.date:
        return session.metadata.date
    if session.timeline:
        return min(event.time for event in session.timeline).date()
    return None
