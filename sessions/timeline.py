"""What the timeline tells: the guide's key intervals, long gaps, events pasted from logs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sessions.models import Marker, Precision, Session, TimelineEvent
from sessions.timeparse import find_timestamp

#: A gap this long between two events during the incident is worth asking about.
LONG_GAP = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Interval:
    name: str
    start: Marker
    end: Marker
    value: dt.timedelta | None
    #: One of its ends is an approximate time, so the figure is too.
    approximate: bool = False


_INTERVALS: tuple[tuple[str, Marker, Marker], ...] = (
    ("Time to detect", Marker.ISSUE_STARTED, Marker.ALERT_FIRED),
    ("Time to acknowledge", Marker.ALERT_FIRED, Marker.ACKNOWLEDGED),
    ("Time to mitigate", Marker.ISSUE_STARTED, Marker.MITIGATION_STARTED),
    ("Time to restore", Marker.ISSUE_STARTED, Marker.SERVICE_RESTORED),
    ("Total duration", Marker.ISSUE_STARTED, Marker.INCIDENT_CLOSED),
)


def first_marked(events: list[TimelineEvent]) -> dict[Marker, TimelineEvent]:
    """The earliest event carrying each marker."""
    marks: dict[Marker, TimelineEvent] = {}
    for event in events:
        if event.marker is not None and (
            event.marker not in marks or event.time < marks[event.marker].time
        ):
            marks[event.marker] = event
    return marks


def first_marks(events: list[TimelineEvent]) -> dict[Marker, dt.datetime]:
    return {marker: event.time for marker, event in first_marked(events).items()}


def _whole_seconds(moment: dt.datetime) -> dt.datetime:
    """Figures are computed from the times the document shows, never from hidden fractions."""
    return moment.replace(microsecond=0)


def intervals(events: list[TimelineEvent]) -> list[Interval]:
    """The guide's detect / acknowledge / mitigate / restore figures, where markers allow.

    An end known only to the day gives no figure; an approximate end gives an approximate one.
    """
    marks = first_marked(events)
    out = []
    for name, start, end in _INTERVALS:
        first, last = marks.get(start), marks.get(end)
        if first is None or last is None or Precision.DAY in (first.precision, last.precision):
            out.append(Interval(name, start, end, None))
            continue
        value = _whole_seconds(last.time) - _whole_seconds(first.time)
        rough = Precision.APPROXIMATE in (first.precision, last.precision)
        out.append(Interval(name, start, end, value, rough))
    return out


def long_gaps(events: list[TimelineEvent], threshold: dt.timedelta = LONG_GAP) -> set[int]:
    """Indexes (in time order) of events that came a long time after the one before.

    An event known only to the day has no gap before or after it: its time is not a time.
    """
    ordered = sorted(events, key=lambda event: event.time)
    return {
        index
        for index in range(1, len(ordered))
        if Precision.DAY not in (ordered[index].precision, ordered[index - 1].precision)
        and _whole_seconds(ordered[index].time) - _whole_seconds(ordered[index - 1].time)
        >= threshold
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
