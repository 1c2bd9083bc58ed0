"""The timeline's one-pass figures say what their definitions say, on any events."""

import datetime as dt
import zoneinfo

from hypothesis import given
from hypothesis import strategies as st

from sessions.models import Precision, TimelineEvent
from sessions.timeline import LONG_GAP, gap_before, long_gaps, spans_days

START = dt.datetime(2024, 3, 9, 20, 0, tzinfo=dt.UTC)  # the night US clocks change
#: Steps around the long-gap threshold and its whole-second edge, and small ones.
STEPS = st.sampled_from([0, 0.3, 3, 599, 599.5, 599.9999, 600, 600.0001, 600.5, 601, 1200, 86400])
events = st.lists(
    st.tuples(STEPS, st.integers(0, 999_999), st.sampled_from(list(Precision))),
    max_size=14,
).map(
    lambda steps: [
        TimelineEvent(
            time=START
            + dt.timedelta(seconds=sum(s for s, _, _ in steps[: i + 1]), microseconds=us),
            event=f"e{i}",
            precision=precision,
        )
        for i, (_, us, precision) in enumerate(steps)
    ]
)


@given(events, st.randoms())
def test_long_gaps_are_the_gaps_before_each_event_in_time_order(timeline, random):
    random.shuffle(timeline)
    ordered = sorted(timeline, key=lambda event: event.time)
    expected = {i for i in range(1, len(ordered)) if gap_before(ordered, i, LONG_GAP)}
    assert long_gaps(timeline, LONG_GAP) == expected
    relative = {i for i in range(1, len(ordered)) if gap_before(ordered, i)}
    assert long_gaps(timeline) == relative <= expected  # a long timeline marks fewer


def test_a_gap_is_long_against_the_timeline_it_is_in():
    """Eleven minutes is a gap in an hour's incident, not in a day's (7 rows of 9 marked)."""
    from sessions.timeline import gap_threshold

    def at(minutes: float) -> TimelineEvent:
        return TimelineEvent(time=START + dt.timedelta(minutes=minutes), event="e")

    hour = [at(0), at(11), at(60)]
    day = [at(0), at(11), at(20 * 60)]
    assert gap_threshold(hour) == LONG_GAP and long_gaps(hour) == {1, 2}
    assert gap_threshold(day) == dt.timedelta(hours=1) and long_gaps(day) == {2}
    known_to_the_day = [
        TimelineEvent(time=START - dt.timedelta(days=30), event="d", precision=Precision.DAY)
    ]
    assert gap_threshold(known_to_the_day + hour) == LONG_GAP  # its time is not a time
    # eleven events 10 to 34 minutes apart: every gap was long ("⚠ 10 long gaps", a tryout);
    # the ones that stand out against the usual gap are
    minutes = [0, 11, 22, 36, 48, 60, 94, 105, 118, 130, 155]
    steady = [at(m) for m in minutes]
    assert long_gaps(steady) == {6, 10}  # 34 and 25 minutes, against a mean of 15.5


@given(events, st.sampled_from(["UTC", "America/New_York", "Pacific/Chatham", "Asia/Kolkata"]))
def test_spans_days_is_more_than_one_calendar_day_in_the_zone(timeline, name):
    zone = zoneinfo.ZoneInfo(name)
    days = {event.time.astimezone(zone).date() for event in timeline}
    assert spans_days(timeline, zone) is (len(days) > 1)


def test_the_time_to_declare_is_a_figure_when_the_incident_declared_is_marked():
    from sessions.models import Marker
    from sessions.timeline import intervals

    events = [
        TimelineEvent(time=START, event="errors", marker=Marker.ISSUE_STARTED),
        TimelineEvent(
            time=START + dt.timedelta(minutes=25), event="SEV2", marker=Marker.INCIDENT_DECLARED
        ),
    ]
    figures = {i.name: i.value for i in intervals(events)}
    assert figures["Time to declare"] == dt.timedelta(minutes=25)
    assert figures["Time to detect"] is None  # no alert fired: not made up from the declaration


def test_the_figures_line_says_less_before_the_gaps_warning_is_cut():
    """At 80 columns "⚠ 1 long gap (yellow)" fell past the edge of the figures line."""
    from sessions.example import example_session
    from sessions.timeline import intervals
    from widgets.timeline_figures import figures_line

    found = intervals(example_session().timeline)
    wide = figures_line("UTC", found, 1, 160).plain
    assert wide.startswith("UTC  detect 13 min  ack 2 min") and wide.endswith("gap (yellow)")
    at_80 = figures_line("UTC", found, 1, 78).plain
    assert at_80 == "UTC  detect 13m  ack 2m  mitigate 33m  restore 38m  total 53m  ⚠ 1 long gap"
    narrow = figures_line("America/Los_Angeles", found, 2, 50).plain
    assert narrow == "detect 13m  restore 38m  total 53m  ⚠ 2 long gaps"
    assert figures_line("UTC", found, 0, 0).plain == wide.removesuffix("  ⚠ 1 long gap (yellow)")


def test_two_events_have_no_gap_between_them():
    """A new incident's first two events, ten minutes apart: "⚠ 1 long gap" (a tryout)."""
    first = TimelineEvent(time=START, event="alert")
    second = TimelineEvent(time=START + dt.timedelta(minutes=10), event="ack")
    assert long_gaps([first, second]) == set() and not gap_before([first, second], 1)
    third = TimelineEvent(time=START + dt.timedelta(minutes=11), event="fix")
    assert long_gaps([first, second, third]) == {1}
