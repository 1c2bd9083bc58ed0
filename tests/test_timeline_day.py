"""Events put on a day assumed before the incident's date was set are offered a move to it."""

import datetime as dt
import zoneinfo

from sessions.models import Session, TimelineEvent
from sessions.timeline_day import day_to_leave, move_events

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def session_on(day: dt.date, *hours: int) -> Session:
    session = Session()
    session.timeline = [
        TimelineEvent(time=dt.datetime.combine(day, dt.time(h), tzinfo=BERLIN), event=f"e{h}")
        for h in hours
    ]
    return session


def test_events_on_the_day_assumed_move_to_the_incidents_date_at_their_times():
    typed_on, incident = dt.date(2026, 11, 28), dt.date(2026, 11, 27)
    session = session_on(typed_on, 0, 9, 23)
    session.metadata.date = incident
    assert day_to_leave(session, None, BERLIN) == typed_on  # no date before: offered
    assert day_to_leave(session, typed_on, BERLIN) == typed_on  # the form offered that day
    assert day_to_leave(session, dt.date(2026, 11, 1), BERLIN) is None  # apart on purpose
    assert move_events(session, incident, BERLIN) == 3
    local = [event.time.astimezone(BERLIN) for event in session.timeline]
    assert [(t.date(), t.hour) for t in local] == [(incident, 0), (incident, 9), (incident, 23)]
    assert all(event.time.tzinfo is dt.UTC for event in session.timeline)
    assert day_to_leave(session, typed_on, BERLIN) is None  # there now


def test_events_over_several_days_or_none_are_not_offered_a_move():
    session = session_on(dt.date(2026, 11, 28), 9)
    session.timeline += session_on(dt.date(2026, 11, 29), 1).timeline
    session.metadata.date = dt.date(2026, 11, 27)
    assert day_to_leave(session, None, BERLIN) is None
    assert day_to_leave(Session(), None, BERLIN) is None
