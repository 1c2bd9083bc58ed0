"""Events put on a day assumed before the incident's date was set are offered a move to it."""

import datetime as dt
import zoneinfo

from sessions.models import Session, TimelineEvent
from sessions.timeline_day import day_to_leave, move_events
from tests.app_helpers import TODAY, make_app, settle, typed

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
    assert day_to_leave(session, None, typed_on, BERLIN) == typed_on  # no date before
    assert day_to_leave(session, dt.date(2026, 11, 1), typed_on, BERLIN) is None  # on purpose
    # on a day of their own (pasted logs' timestamps), not the one assumed: left alone
    assert day_to_leave(session, None, dt.date(2026, 11, 30), BERLIN) is None
    assert move_events(session, typed_on, incident, BERLIN) == 3
    local = [event.time.astimezone(BERLIN) for event in session.timeline]
    assert [(t.date(), t.hour) for t in local] == [(incident, 0), (incident, 9), (incident, 23)]
    assert all(event.time.tzinfo is dt.UTC for event in session.timeline)
    assert day_to_leave(session, None, typed_on, BERLIN) is None  # there now


def test_a_nights_events_move_together_and_keep_their_order():
    """Over midnight (00:10 after 23:50 is the next day) the move was not offered, and moved
    to one day, 00:10 would have come before 23:50 (a tryout)."""
    typed_on, incident = dt.date(2026, 11, 28), dt.date(2025, 1, 15)
    session = session_on(typed_on, 23)
    session.timeline += session_on(typed_on + dt.timedelta(days=1), 0).timeline
    session.metadata.date = incident
    assert day_to_leave(session, None, typed_on, BERLIN) == typed_on
    move_events(session, typed_on, incident, BERLIN)
    local = [event.time.astimezone(BERLIN) for event in session.timeline]
    assert [(t.date(), t.hour) for t in local] == [
        (incident, 23),
        (incident + dt.timedelta(days=1), 0),
    ]


def test_events_over_several_days_or_none_are_not_offered_a_move():
    session = session_on(dt.date(2026, 11, 28), 9)
    session.timeline += session_on(dt.date(2026, 11, 30), 1).timeline  # days of their own
    session.metadata.date = dt.date(2026, 11, 27)
    assert day_to_leave(session, None, dt.date(2026, 11, 28), BERLIN) is None
    assert day_to_leave(Session(), None, dt.date(2026, 11, 28), BERLIN) is None


def test_moved_onto_the_night_the_clocks_change_the_events_stay_in_time_order():
    """On the night the clocks go forward in New York, 02:10 and 02:40 don't happen: they
    land an hour on, after 03:20, and the list is sorted again (a review found it left
    out of time order, which the gap figures rely on)."""
    new_york = zoneinfo.ZoneInfo("America/New_York")
    session = Session()
    day = dt.date(2027, 3, 20)
    session.timeline = [
        TimelineEvent(time=dt.datetime.combine(day, t, tzinfo=new_york), event=str(t))
        for t in (dt.time(1, 50), dt.time(2, 10), dt.time(2, 40), dt.time(3, 20))
    ]
    move_events(session, day, dt.date(2027, 3, 14), new_york)
    times = [event.time for event in session.timeline]
    assert times == sorted(times)


async def test_drafting_offers_the_move_in_a_zone_where_the_utc_day_differs(tmp_path):
    """The metadata form offers the timeline's first day (in UTC) as the date: taken for the
    date before, it hid the offer in Tokyo, where 08:00 is the day before in UTC (a review)."""
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    session = Session()
    session.metadata.time_zone = "Asia/Tokyo"
    session.timeline = [
        TimelineEvent(time=dt.datetime.combine(TODAY, dt.time(8), tzinfo=tokyo), event="alert")
    ]
    app = make_app(tmp_path, session, start_mode="drafting")
    async with app.run_test(size=(100, 30)) as pilot:
        await app.screen.show_part("metadata", focus_editor=True)
        await typed(pilot, "enter")
        await date_the_incident(pilot, "2025-01-17")
        await typed(pilot, "y")
        moved = app.editor.session.timeline[0].time.astimezone(tokyo)
        assert (moved.date(), moved.hour) == (dt.date(2025, 1, 17), 8)


async def date_the_incident(pilot, date: str) -> None:
    """In the metadata form just opened: a title and the incident's ``date``, saved; the
    offer to move the events comes up."""
    from widgets.confirm import Confirm

    pilot.app.screen.query_one("#f-title").value = "Checkout errors"
    pilot.app.screen.query_one("#f-date").value = date
    await typed(pilot, "ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, Confirm)


async def test_events_typed_before_the_incident_date_are_offered_a_move_to_it(tmp_path):
    """Typed before the date was known, the events stayed on the day they were typed on
    (today), a day after the incident, and the table showed bare times (a tryout)."""
    app = make_app(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a", "09:00", "tab", "First thing", "enter")
        await typed(pilot, "a", "09:10", "tab", "Second thing", "enter")
        await typed(pilot, "T")
        await date_the_incident(pilot, "2025-01-17")
        assert app.screen.question == "Move the 2 timeline events to 2025-01-17?"
        await typed(pilot, "y")
        await settle(pilot)
        times = [event.time for event in app.editor.session.timeline]
        assert [t.date().isoformat() for t in times] == ["2025-01-17", "2025-01-17"]
        assert [t.strftime("%H:%M") for t in times] == ["09:00", "09:10"]
        said = "2 events moved to 2025-01-17. ctrl+z undoes this and the metadata edit."
        assert said in app.notified
        table = app.screen.query_one("#timeline-table")
        assert table.columns[0].show(app.editor.session.timeline[0]) == "09:00"
        # one action, one undo step: the date and the move (a tryout had undone the move
        # alone, and the form's edit took a second ctrl+z)
        await typed(pilot, "ctrl+z")
        assert app.editor.session.metadata.date is None
        assert [e.time.date().isoformat() for e in app.editor.session.timeline] == [
            "2025-01-20",
            "2025-01-20",
        ]
        assert "Undone: metadata edited; events moved to 2025-01-17" in app.notified
        await typed(pilot, "ctrl+y")  # and back again, both
        assert app.editor.session.metadata.date == dt.date(2025, 1, 17)
        assert table.columns[0].show(app.editor.session.timeline[0]) == "09:00"


def test_a_small_hour_typed_after_a_late_evening_is_the_next_day():
    """00:10 typed after 23:50 went a day back: the timeline read 00:10, 00:40, 23:50."""
    from sessions.timeline import after_midnight

    day = dt.date(2026, 11, 28)
    late = dt.datetime.combine(day, dt.time(23, 50), tzinfo=BERLIN)
    typed_at = dt.datetime.combine(day, dt.time(0, 10), tzinfo=BERLIN)
    evening = dt.datetime.combine(day, dt.time(20, 0), tzinfo=BERLIN)
    moved = after_midnight(typed_at, (evening, late), BERLIN).astimezone(BERLIN)
    assert (moved.date(), moved.time()) == (dt.date(2026, 11, 29), dt.time(0, 10))
    afternoon = dt.datetime.combine(day, dt.time(15, 0), tzinfo=BERLIN)
    assert after_midnight(typed_at, (afternoon, afternoon), BERLIN) == typed_at  # filled in
    morning = dt.datetime.combine(day, dt.time(9, 0), tzinfo=BERLIN)
    assert after_midnight(morning, (evening, late), BERLIN) == morning  # not a small hour
    early = dt.datetime.combine(day, dt.time(2, 0), tzinfo=BERLIN)
    assert after_midnight(early, (afternoon, afternoon), BERLIN) == early  # that morning
    # a day that began in its small hours (01:00 to 19:30): 02:30 is that day's (a review)
    small = dt.datetime.combine(day, dt.time(1, 0), tzinfo=BERLIN)
    evening_end = dt.datetime.combine(day, dt.time(19, 30), tzinfo=BERLIN)
    two_thirty = dt.datetime.combine(day, dt.time(2, 30), tzinfo=BERLIN)
    assert after_midnight(two_thirty, (small, evening_end), BERLIN) == two_thirty


async def test_times_typed_across_midnight_stay_in_the_order_typed(tmp_path):
    app = make_app(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a", "23:50", "tab", "Deploy started", "enter")
        await typed(pilot, "a", "00:10", "tab", "Errors begin", "enter")
        await typed(pilot, "a", "00:40", "tab", "Rolled back", "enter")  # the 21st too
        await typed(pilot, "a", "23:55", "tab", "Filled in", "enter")  # the evening before
        await typed(pilot, "a", "2025-01-20 00:05", "tab", "Typed with its date", "enter")
        events = [e.event for e in app.editor.session.timeline]
        assert events == [
            "Typed with its date",
            "Deploy started",
            "Filled in",
            "Errors begin",
            "Rolled back",
        ]
        table = app.screen.query_one("#timeline-table")
        assert table.columns[0].show(app.editor.session.timeline[3]) == "2025-01-21 00:10"


async def test_setting_the_zone_offers_to_keep_the_clock_times_typed(tmp_path):
    """Times typed while the timeline was in UTC turned from 14:00 into 06:00 without a word
    when the zone was set to Los Angeles (a tryout)."""
    from sessions.example import example_session
    from widgets.confirm import Confirm

    los_angeles = zoneinfo.ZoneInfo("America/Los_Angeles")
    app = make_app(tmp_path, example_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = app.editor.session.timeline[0].time
        await typed(pilot, "T")
        app.screen.query_one("#f-time_zone").value = "America/Los_Angeles"
        await typed(pilot, "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        events = len(app.editor.session.timeline)
        assert app.screen.question == (
            f"Keep the {events} timeline events at the clock times typed "
            f"({first.strftime('%H:%M')}), in America/Los_Angeles?"
        )
        await typed(pilot, "y")
        moved = app.editor.session.timeline[0].time.astimezone(los_angeles)
        assert moved.strftime("%H:%M") == first.strftime("%H:%M")
        await typed(pilot, "ctrl+z")  # the zone and the times, in one step
        assert app.editor.session.timeline[0].time == first
        assert app.editor.session.metadata.time_zone == ""


async def test_a_time_typed_alone_put_on_another_day_than_the_incidents_says_so_once(tmp_path):
    """Filling in 12:30 after the next morning's closing event put it on that next day, and
    nothing said so (a tryout): the first time for a day, a toast names it."""
    from sessions.models import Metadata

    session = Session(metadata=Metadata(title="Search index stale", date=dt.date(2026, 11, 20)))
    app = make_app(tmp_path, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a", "2026-11-21 09:00", "tab", "Incident closed", "enter")
        await typed(pilot, "a", "12:30", "tab", "Search team confirmed", "enter")
        await typed(pilot, "a", "13:00", "tab", "Backfill done", "enter")
        days = [e.time.date().isoformat() for e in app.editor.session.timeline]
        assert days == ["2026-11-21"] * 3
        told = [n for n in app.notified if "the day the timeline has reached" in n]
        assert told == ["12:30 put on 2026-11-21, the day the timeline has reached. ⏎ edits it."]


async def test_a_time_with_seconds_is_shown_whole_in_the_time_column(tmp_path):
    """A pasted log's 22:44:10 on another day read "2026-11-26 22:4…" at 80 and 160 columns
    (a tryout)."""
    from widgets.row_view import fit_columns

    session = Session(
        timeline=[
            TimelineEvent(time=dt.datetime(2026, 11, 26, 21, 44, 10, tzinfo=dt.UTC), event="a"),
            TimelineEvent(time=dt.datetime(2026, 11, 27, 0, 5, tzinfo=dt.UTC), event="b"),
        ]
    )
    app = make_app(tmp_path, session)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#timeline-table")
        shown = table.columns[0].show(app.editor.session.timeline[0])
        assert shown == "2026-11-26 21:44:10" and len(shown) <= table.columns[0].width
        await pilot.resize_terminal(80, 24)  # narrow: the seconds go to the detail line, and
        await settle(pilot)  # the Marker column stays (it had stepped aside for them)
        assert table.columns[0].show(app.editor.session.timeline[0]) == "2026-11-26 21:44"
        width = table.scrollable_content_region.width
        assert "Marker" in [column.label for column, _ in fit_columns(table.columns, width)]


def test_keeping_clock_times_leaves_a_log_lines_own_time_with_its_zone():
    """Setting the zone moved log lines pasted with their own "Z" an hour, with the typed
    events, and the question said all were read in UTC (a tryout)."""
    from sessions.timeline_day import keep_clock_times, read_in_zone

    typed = TimelineEvent(time=dt.datetime(2025, 3, 14, 21, 40, tzinfo=dt.UTC), event="typed")
    line = "2025-03-15T02:30:44Z ERROR backlog"
    logged = TimelineEvent(
        time=dt.datetime(2025, 3, 15, 2, 30, 44, tzinfo=dt.UTC), event="backlog", evidence=line
    )
    bare = TimelineEvent(  # a log line naming no zone was read in the timeline's: it moves
        time=dt.datetime(2025, 3, 15, 3, 5, tzinfo=dt.UTC), event="job", evidence="03:05:00 job"
    )
    session = Session(timeline=[typed, logged, bare])
    assert [read_in_zone(e) for e in session.timeline] == [True, False, True]
    assert keep_clock_times(session, dt.UTC, BERLIN) == 2
    assert logged in session.timeline  # its own time, untouched


async def test_over_midnight_at_80_columns_the_markers_stay(tmp_path):
    """Once the dates showed, the Marker column stepped aside before the Actor's, and the
    markers were seen only in the detail line (a tryout)."""
    from widgets.row_view import fit_columns

    start = dt.datetime(2025, 3, 14, 22, 0, tzinfo=dt.UTC)
    events = [
        TimelineEvent(time=start + dt.timedelta(minutes=7 * n), event=f"step {n}", actor="ops")
        for n in range(40)  # over midnight, and a scroll bar
    ]
    events[3] = events[3].model_copy(update={"precision": "approximate"})  # "≈ " too
    app = make_app(tmp_path, Session(timeline=events))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#timeline-table")
        width = table.scrollable_content_region.width
        labels = [column.label for column, _ in fit_columns(table.columns, width)]
        assert "Marker" in labels and labels[0].startswith("Time")
