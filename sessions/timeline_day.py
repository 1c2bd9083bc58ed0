"""Events typed before the incident's date or zone was set: the day a bare time went to
(the meeting's, or today) and the zone it was read in (UTC) were assumed. Set afterwards,
the events are offered a move to the incident's day, or to the same clock times in the new
zone (a tryout's timeline stayed a day after its incident, and one turned 14:00 into 06:00
when the zone was set)."""

from __future__ import annotations

import datetime as dt

from sessions.models import Session, TimelineEvent
from sessions.timeparse import find_timestamp


def typed_days(session: Session, zone: dt.tzinfo) -> dt.date | None:
    """The day the events start on, if they lie on it or run on into the next (a night:
    00:10 typed after 23:50 goes on the next day), as the clock in ``zone`` reads; or None."""
    events = session.timeline
    if not events:
        return None
    first = min(event.time for event in events).astimezone(zone).date()
    last = max(event.time for event in events).astimezone(zone).date()
    return first if (last - first).days <= 1 else None


def day_to_leave(
    session: Session, date_before: dt.date | None, assumed: dt.date, zone: dt.tzinfo
) -> dt.date | None:
    """The day the events start on, if they should be offered a move to the incident's
    date just set: they start on ``assumed``, the day a bare time went to while there was
    no date (the meeting's, or today), and the incident had no date or that one. Events on
    another day have their own dates (pasted logs): moved, real timestamps would be wrong.
    A night's events (over midnight) are offered too: a tryout's were not."""
    date = session.metadata.date
    day = typed_days(session, zone)
    if date is None or day is None or day == date or day != assumed:
        return None
    return day if date_before in (None, day) else None


def move_events(session: Session, from_day: dt.date, to_day: dt.date, zone: dt.tzinfo) -> int:
    """Move every event by the days from ``from_day`` to ``to_day``, at the same time of day
    (in ``zone``): a night's events keep their order over midnight. How many moved; records
    are replaced, not changed, as every edit of a list does."""
    shift = to_day - from_day
    if not shift:
        return 0
    moved = 0
    for index, event in enumerate(session.timeline):
        local = event.time.astimezone(zone)
        day = local.date() + shift
        there = dt.datetime.combine(day, local.time().replace(tzinfo=None), tzinfo=zone)
        session.timeline[index] = event.model_copy(update={"time": there.astimezone(dt.UTC)})
        moved += 1
    # A time the clocks skip that night lands an hour on: the list stays in time order.
    session.timeline.sort(key=lambda event: event.time)
    return moved


def read_in_zone(event: TimelineEvent) -> bool:
    """Was the event's time read in the timeline's zone (typed, or a log line naming no
    zone), not a log's own time with its zone ("…T02:30:44Z")? Only those keep their clock
    times when the zone is set: a tryout's UTC log lines had moved an hour."""
    found = find_timestamp(event.evidence, None) if event.evidence else None
    return not (found and found[2] and found[0] == event.time)


def keep_clock_times(session: Session, was: dt.tzinfo, now: dt.tzinfo) -> int:
    """Each event read in zone ``was`` (``read_in_zone``) at the clock time it showed there,
    now read in zone ``now`` (14:00 typed while the timeline was in UTC stays 14:00 in Los
    Angeles); how many moved. Kept in time order (a time the clocks skip lands an hour on)."""
    moved = 0
    for index, event in enumerate(session.timeline):
        if not read_in_zone(event):
            continue
        shown = event.time.astimezone(was).replace(tzinfo=None)
        there = dt.datetime.combine(shown.date(), shown.time(), now).astimezone(dt.UTC)
        if there != event.time:
            session.timeline[index] = event.model_copy(update={"time": there})
            moved += 1
    session.timeline.sort(key=lambda event: event.time)
    return moved
