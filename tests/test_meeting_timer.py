"""The meeting clock, on injected clocks: whole seconds, a stable projection, trims that end
the meeting on time (pauses included)."""

import datetime as dt

from sessions.clock_text import mmss
from sessions.meeting_timer import PERSIST_EVERY, MeetingTimer, Pace
from sessions.models import Meeting, SectionKind

START = dt.datetime(2025, 1, 17, 14, 0, tzinfo=dt.UTC)


class Clocks:
    """A monotonic clock and a wall clock that move together (or not, for pauses)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def mono(self) -> float:
        return self.t

    def wall(self) -> dt.datetime:
        return START + dt.timedelta(seconds=self.t - 1000.0)

    def advance(self, minutes: float = 0, seconds: float = 0) -> None:
        self.t += minutes * 60 + seconds


def timer(meeting: Meeting | None = None) -> tuple[MeetingTimer, Clocks]:
    clocks = Clocks()
    return MeetingTimer(meeting or Meeting(), clock=clocks.mono, wall=clocks.wall), clocks


def test_time_is_kept_in_whole_seconds_and_in_the_file_while_running():
    t, c = timer()
    t.start()
    assert t.meeting.running_since == START and t.meeting.started_at == START
    c.advance(seconds=77.347)
    assert abs(t.elapsed() - 77.347) < 1e-6  # the countdown is smooth
    t.pause()
    assert t.meeting.agenda[0].spent_seconds == 77  # the file is not
    assert t.meeting.running_since is None
    assert mmss(t.remaining()) == "18:43"


def test_the_file_alone_says_how_long_the_section_has_run():
    """What `pmtui share` computes from the file matches the clock after every save."""
    t, c = timer()
    t.start()
    for step in (61.5, 59.7, 0.4, 125.0):
        c.advance(seconds=step)
        t.sync()  # what every save writes
        meeting = t.meeting.model_copy(deep=True)
        section = meeting.agenda[meeting.current]
        read = section.spent_seconds + (c.wall() - meeting.running_since).total_seconds()
        assert abs(read - t.elapsed()) < 1e-6


def test_a_file_left_running_reopens_paused_and_says_so():
    meeting = Meeting(running_since=START)
    t, _ = timer(meeting)
    assert t.recovered and not t.running and meeting.running_since is None


def test_time_is_persisted_once_a_minute_while_running():
    t, c = timer()
    t.start()
    due = 0
    for _ in range(300):
        c.advance(seconds=1)
        due += t.take_persist_due()
    assert due == int(300 // PERSIST_EVERY)
    t.pause()
    c.advance(minutes=5)
    assert not t.take_persist_due()


def test_overtime_and_extend():
    t, c = timer()
    t.start()
    c.advance(minutes=19)
    assert t.pace() is Pace.WARNING
    c.advance(minutes=2)
    assert t.pace() is Pace.OVERTIME
    assert t.take_overtime_notice() and not t.take_overtime_notice()
    t.extend()
    assert t.pace() is Pace.ON_TIME and t.section.planned_minutes == 25


def _into_the_second_section(seconds: float) -> tuple[MeetingTimer, Clocks]:
    """The timeline review done early (10 of 20 minutes), and ``seconds`` into the next."""
    t, c = timer()
    t.start()
    c.advance(minutes=10)
    t.next()
    c.advance(seconds=seconds)
    return t, c


def test_back_in_a_section_with_plan_left_its_countdown_resumes_and_ends_allows_it():
    """Back in a section left at 01:10 of 20 minutes, the clock counted "+0:03 extra time"
    as if it were over (a tryout). Its plan left counts down again, and "ends ~" counts it
    while the meeting is in it, so the two never disagree."""
    t, c = _into_the_second_section(5 * 60)
    end = t.projected_end()
    t.previous()
    assert not t.revisiting() and t.pace() is Pace.ON_TIME and t.remaining() == 10 * 60
    assert t.projected_end() == end + dt.timedelta(minutes=10)
    c.advance(minutes=3)  # time within its plan: the end holds
    assert t.projected_end() == end + dt.timedelta(minutes=10)
    t.next()  # on again: the section's plan left is given up, as when it was left
    assert t.projected_end() == end + dt.timedelta(minutes=3)


def test_sections_worked_briefly_on_the_way_stay_done_when_going_back():
    """Going back three sections counted the two between, worked in for under a minute,
    as still to do: "ends ~" jumped 25 minutes (a tryout)."""
    t, c = timer()
    t.start()
    c.advance(minutes=10)
    t.next()
    c.advance(seconds=40)  # a quick section, done
    t.next()
    c.advance(minutes=5)
    end = t.projected_end()
    t.previous()
    t.previous()
    assert t.projected_end() == end + dt.timedelta(minutes=10)  # the first one's plan left
    # the furthest section reached a quick one too: one threshold for both (a review had
    # "ends ~" jump 29:20 with a minute for "reached" and 15 s for "done")
    t, c = timer()
    t.start()
    c.advance(minutes=10)
    for _ in range(2):
        t.next()
        c.advance(seconds=40)
    end = t.projected_end()
    t.previous()
    t.previous()
    assert t.projected_end() == end + dt.timedelta(minutes=10)


def test_trim_acts_on_the_projected_end_including_pauses():
    t, c = timer()
    t.start()
    c.advance(minutes=15)
    t.pause()
    assert t.trims() == []  # on plan
    c.advance(minutes=12)  # a 12-minute discussion with the timer paused
    assert t.over_by() == 12 * 60  # ends 12 minutes late although no section overran
    trims = t.trims()
    assert trims and trims[0].section is t.meeting.agenda[1]
    t.apply_trims()
    assert t.projected_end() <= t.planned_end()


def test_trim_after_an_overrun_ends_on_time():
    t, c = timer()
    plan = t.total_planned()
    t.start()
    c.advance(minutes=30)  # planned 20
    assert t.over_by() == 600
    t.apply_trims()
    assert t.projected_seconds() <= plan


def test_trims_spare_the_action_items_and_cut_the_minutes_late_exactly():
    """A tryout was offered 22 minutes of cuts for 20:19 late, half of them from the action
    items (10→4, 15→7, 15→7): the others give first, to the minute, keeping two each."""
    t, c = timer()
    t.start()
    c.advance(minutes=20 + 20, seconds=19)  # the first section, 20 planned, ran 40:19
    trims = {trim.section.kind: (trim.planned, trim.suggested) for trim in t.trims()}
    assert sum(planned - suggested for planned, suggested in trims.values()) == 21
    assert SectionKind.ACTION_ITEMS not in trims
    c.advance(minutes=25)  # 45:19 late: more than the others can give (18 + 8 + 13)
    trims = {trim.section.kind: (trim.planned, trim.suggested) for trim in t.trims()}
    assert [
        suggested for kind, (_, suggested) in trims.items() if kind != SectionKind.ACTION_ITEMS
    ] == [2, 2, 2]
    assert trims[SectionKind.ACTION_ITEMS] == (15, 15 - (46 - 39))


def test_reordering_keeps_the_timer_on_its_section():
    t, c = timer()
    t.start()
    c.advance(minutes=3)
    agenda = t.meeting.agenda
    agenda[0], agenda[1] = agenda[1], agenda[0]
    c.advance(minutes=2)
    t.sync()
    assert t.index == 1 and agenda[1].spent_seconds == 300


def test_old_files_with_fractional_seconds_load():
    meeting = Meeting.model_validate(
        {"agenda": [{"kind": "other", "title": "x", "planned_minutes": 5, "spent_seconds": 77.9}]}
    )
    assert meeting.agenda[0].spent_seconds == 77


def test_starting_the_meeting_dates_it_unless_it_has_a_date():
    """The action items' 30 days run from the meeting's date; a meeting run in pmtui had none,
    so they ran from the incident, months back, and every new item was "late"."""
    t, c = timer()
    assert t.meeting.date is None
    t.start()
    assert t.meeting.date == START.astimezone().date()
    t.pause()
    c.advance(minutes=60 * 24 * 3)
    t.start()  # later sittings keep the first day
    assert t.meeting.date == START.astimezone().date()
    planned = Meeting(date=dt.date(2025, 1, 20))
    t, _ = timer(planned)
    t.start()
    assert t.meeting.date == dt.date(2025, 1, 20)


def test_going_back_paused_to_a_section_that_ran_over_raises_no_alarm():
    """Back, paused, in a section that ran over (a file opened again): no bell until the
    clock runs there again."""
    t, c = timer()
    t.start()
    c.advance(minutes=21)
    t.next()
    t.pause()
    t.previous()
    assert t.pace() is Pace.OVERTIME and not t.take_overtime_notice()
    t.start()
    assert t.take_overtime_notice()


def test_a_section_only_passed_through_is_still_ahead():
    """n n pressed once too often, then P P back: the section skipped and the one passed
    through counted as done and the projected end came half an hour early (a tryout)."""
    t, c = _into_the_second_section(34)
    end = t.projected_end()
    t.next()
    t.next()  # two sections on, by a slip
    c.advance(seconds=3)
    t.previous()
    t.previous()
    assert t.index == 1
    assert t.projected_end() == end  # the slip's seconds came out of its section's plan


def test_stepping_back_keeps_the_end_unless_to_a_section_skipped():
    """Back within a minute of moving on is a slip undone: the section goes on with its own
    plan, and the end is where it was before the ``n`` (the section's clock had turned to
    "extra time": a review). Back to a section skipped by a slip, after a while in the
    next, that section's plan was left out though it is now being done."""
    t, c = timer()
    t.start()
    c.advance(minutes=10)  # the timeline review, 10 of its 20 minutes used
    end = t.projected_end()
    t.next()
    c.advance(seconds=30)
    t.previous()  # back within a minute: a slip, not a revisit
    assert t.projected_end() == end and t.remaining() == 10 * 60 and not t.revisiting()
    t, c = timer()
    t.start()
    t.next()  # the timeline review skipped by a slip
    c.advance(minutes=2)
    end = t.projected_end()
    t.previous()  # and done after all: its 20 minutes are ahead again
    assert t.projected_end() == end + dt.timedelta(minutes=20)


def test_time_spent_and_time_left_add_up_on_screen():
    """Time left counts up to the next second, time spent and overtime down: "+0:58" beside
    "01:59/1m" did not add up, and pausing at 42.6 s turned 00:43 into 00:42 (a tryout)."""
    from sessions.clock_text import mmss, spent

    assert (spent(42.6), mmss(20 * 60 - 42.6)) == ("00:42", "19:18")
    assert (spent(118.7), mmss(60 - 118.7)) == ("01:58", "+00:58")
    assert spent(42.0) == "00:42"


def test_late_the_bar_keeps_the_total_before_the_trims_key():
    """ "(t trims)" took the total's room at 80 columns once the meeting ran late."""
    from widgets.agenda_bar import AgendaBar

    t, c = timer()
    t.start()
    c.advance(minutes=31)  # the first section, 20 planned: 11 minutes late
    for width in (76, 78):  # at 62 (the bar at 80x24) lateness comes first: no room
        pace = AgendaBar._pace(t, c.wall(), width, None).plain
        assert " min late" in pace and " · total " in pace and len(pace) <= width, pace
    assert "(t trims)" in AgendaBar._pace(t, c.wall(), 120, None).plain


def test_back_in_a_section_that_used_its_plan_the_clock_counts_the_extra_time():
    """Back in the timeline review, its 20 minutes used, the clock would have said 00:00
    left, or overtime: the time there is extra, and counted as such."""
    t, c = timer()
    t.start()
    c.advance(minutes=20)
    t.next()
    c.advance(minutes=5)
    assert not t.revisiting() and t.pace() is Pace.ON_TIME
    end = t.projected_end()
    t.previous()
    assert t.revisiting() and t.pace() is Pace.EXTRA and t.extra() == 0
    c.advance(minutes=12)  # past its own plan too: still extra, no overtime bell
    assert t.extra() == 12 * 60 and t.pace() is Pace.EXTRA
    assert not t.take_overtime_notice()
    assert t.projected_end() == end + dt.timedelta(minutes=12)  # the extra time, and no more
    t.next()  # on again: the section's own time left
    assert not t.revisiting() and t.remaining() == 15 * 60
    assert t.projected_end() == end + dt.timedelta(minutes=12)


def test_a_slip_forward_and_back_is_not_a_revisit():
    """n by a slip, 3 s, P: the section left counted as revisited, its clock "extra time"
    and its 15 minutes left out of the projected end (a review)."""
    t, c = timer()
    t.start()
    c.advance(minutes=5)
    end = t.projected_end()
    t.next()
    c.advance(seconds=3)
    t.previous()
    assert not t.revisiting() and t.pace() is Pace.ON_TIME
    assert t.remaining() == 15 * 60
    assert t.projected_end() == end  # the slip's seconds came out of the next one's plan
