"""Meeting mode through the real app, on a fake clock: state is set directly, and only the
keys under test are pressed."""

from sessions import load
from sessions.models import Session
from tests.app_helpers import FakeClock, eventually, go_to_section, make_app, settle, shown, typed
from widgets.countdown import Countdown


async def test_agenda_runs_to_overtime_with_a_fake_clock(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        countdown = app.screen.query_one(Countdown)
        assert "20:00" in countdown.query_one("Digits").value
        await typed(pilot, "s")
        for minutes, state in ((17, "-on-time"), (2, "-warning"), (2, "-overtime")):
            clock.advance(minutes=minutes)
            app.screen.tick()
            assert countdown.has_class(state)
        app.screen.tick()
        assert "+1:00" in countdown.query_one("Digits").value
        assert sum("over time" in n for n in app.notified) == 1  # once, not every tick
        await settle(pilot)
        assert app.screen.query("Toast")
        await typed(pilot, "plus")  # extend by 5 minutes
        assert app.editor.session.meeting.agenda[0].planned_minutes == 25
        assert countdown.has_class("-on-time")  # 4 minutes left again
        clock.advance(minutes=5)  # over again, and on to the next section
        app.screen.tick()
        await settle(pilot)
        assert app.screen.query("Toast")
        await typed(pilot, "n")
        await settle(pilot)
        assert not app.screen.query("Toast")  # it covered the next section's table
        assert app.editor.session.meeting.current == 1
        assert app.editor.session.meeting.agenda[0].spent_seconds == 26 * 60
        assert app.screen.sections.current_key == "contributing_factors"
        assert "What about the system allowed this?" in shown(app.screen.query_one("#agenda-bar"))
        await typed(pilot, "s", "P")  # paused, back to the section that ran over: no alarm
        assert app.editor.session.meeting.current == 0
        assert sum("over time" in n for n in app.notified) == 2
    saved = load(tmp_path / "incident.toml")
    assert saved.meeting.agenda[0].spent_seconds == 26 * 60


async def test_a_paused_meeting_reopens_where_it_was(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test() as pilot:
        await settle(pilot)
        app.timer.go_to(1)
        await typed(pilot, "s")
        clock.advance(minutes=7, seconds=30)
        await typed(pilot, "s")  # pause
        await settle(pilot)
    again = make_app(tmp_path, clock=FakeClock())
    async with again.run_test() as pilot:
        await settle(pilot)
        assert again.editor.session.meeting.current == 1
        assert not again.timer.running
        assert again.timer.elapsed() == 450
        assert "12:30" in again.screen.query_one("#countdown-digits").value


async def test_running_over_suggests_trimming_the_rest(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        original_plan = app.timer.total_planned()
        await typed(pilot, "s")
        clock.advance(minutes=30)  # planned 20
        app.screen.tick()
        assert "10 min late" in shown(app.screen.query_one("#agenda-bar"))
        await typed(pilot, "t")
        await settle(pilot)
        await typed(pilot, "y")
        await settle(pilot)
        assert app.timer.projected_seconds() <= original_plan  # ends on time again
        assert sum(s.planned_minutes for s in app.editor.session.meeting.agenda[1:]) <= 50


async def test_each_section_shows_its_editor_and_prompts(tmp_path):
    app = make_app(tmp_path)
    expected = [
        ("timeline_review", "#timeline-table", "When did the issue actually start?"),
        ("contributing_factors", "#table-factors", "What about the system allowed this?"),
        ("went_well", "#table-went_well", "What helped us detect"),
        ("could_improve", "#table-went_poorly", "What went poorly: detection"),
        ("action_items", "#table-action_items", "Focus on the 3-5 highest-impact items"),
    ]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for index, (key, editor, prompt) in enumerate(expected):
            await go_to_section(app, index)
            assert app.screen.sections.current_key == key
            assert app.focused is app.screen.query_one(editor)  # ready to type into
            assert prompt in shown(app.screen.query_one("#agenda-bar"))


async def test_required_roles_checklist(tmp_path):
    app = make_app(tmp_path, Session(), start_mode="drafting")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await app.screen.show_part("meeting", focus_editor=True)
        checklist = shown(app.screen.query_one("#roles-checklist"))
        assert "☐ Facilitator" in checklist and "Suggested: ☐ Note-taker" in checklist
        app.screen.query_one("#table-attendees").focus()
        await typed(pilot, "a", "Sam [ops]", "tab", "fac", "enter")  # a unique start will do
        await settle(pilot)
        attendee = app.editor.session.meeting.attendees[0]
        assert (attendee.name, attendee.role) == ("Sam [ops]", "facilitator")
        assert "☑ Facilitator" in shown(app.screen.query_one("#roles-checklist"))


async def test_reordering_the_agenda_keeps_the_timer_on_its_section(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await typed(pilot, "s")
        clock.advance(minutes=3)
        await typed(pilot, "g")  # the agenda, over the meeting
        await settle(pilot)
        await typed(pilot, "ctrl+down")  # timeline review moves to second place
        await typed(pilot, "escape")
        await settle(pilot)
        assert app.editor.session.meeting.agenda[1].title == "Timeline review"
        assert app.editor.session.meeting.current == 1
        clock.advance(minutes=2)
        app.timer.sync()
        assert app.editor.session.meeting.agenda[1].spent_seconds == 300
        assert app.screen.sections.current_key == "timeline_review"  # still on its editor


async def test_back_in_a_section_worked_in_the_big_clock_counts_extra_time(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await typed(pilot, "s")
        clock.advance(minutes=21)  # the timeline review's plan used up
        await go_to_section(app, 1)
        clock.advance(minutes=5)
        await typed(pilot, "P")
        clock.advance(seconds=45)
        app.screen.tick()
        countdown = app.screen.query_one(Countdown)
        # the time beyond its plan, as extra (no overtime bell), as the live page says it
        assert countdown.query_one("Digits").value == "+1:45"
        assert countdown.has_class("-extra") and not countdown.has_class("-on-time")
        assert "▶ extra time · 21:45/20m" in shown(app.screen.query_one("AgendaBar"))
        await typed(pilot, "plus")  # five more minutes of plan: 03:15 of it left
        assert app.notified[-1] == "Timeline review: now 25 min"
        assert countdown.query_one("Digits").value == "03:15"
        stats = app.screen.query_one("#timeline-stats")  # whole at 80 columns, the gap too
        assert await eventually(pilot, lambda: shown(stats).endswith("⚠ 1 long gap"))
        assert len(shown(stats)) <= stats.content_region.width


async def test_t_says_why_there_is_nothing_to_trim(tmp_path):
    """ "The meeting is on plan: nothing to trim" stood beside "▶ OVERTIME" in the last
    section, and beside an end past a shortened plan (a tryout): it says what it compares."""
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        agenda = app.editor.session.meeting.agenda
        for section in agenda[:-1]:
            section.spent_seconds = 5 * 60  # every section done early
        await go_to_section(app, len(agenda) - 1)
        agenda[-1].planned_minutes = 1
        await typed(pilot, "s")
        clock.advance(minutes=3)
        app.screen.tick()
        await typed(pilot, "t")
        assert app.notified[-1].startswith("This section is over, but the meeting ends on plan")
        bar_end = shown(app.screen.query_one("AgendaBar")).split("ends ~")[1][:5]
        assert f"(~{bar_end})" in app.notified[-1]  # the bar's end, to the same minute
        agenda[0].spent_seconds = 90 * 60  # the first one ran an hour and more over
        await typed(pilot, "t")
        assert "past its plan" in app.notified[-1]
        assert app.notified[-1].endswith(
            "the sections still to come have no time to give: nothing to trim"
        )


async def test_on_a_big_screen_the_clock_is_five_rows_high(tmp_path):
    """At 160×50 the clock stayed three rows high, as at 80×24, with half the screen empty
    (a tryout)."""
    from widgets.big_clock import big_clock

    app = make_app(tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        big = app.screen.query_one("#countdown-big")
        assert big.display and not app.screen.query_one("#countdown-digits").display
        assert big.size.height == 5 and shown(big) == big_clock("20:00")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not big.display and app.screen.query_one("#countdown-digits").display


async def test_the_big_clock_is_drawn_with_no_agenda(tmp_path):
    """With no agenda the face stays "00:00", and the five-row clock had stayed blank (a
    review)."""
    from widgets.big_clock import big_clock

    session = Session()
    session.meeting.agenda = []
    app = make_app(tmp_path, session)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert shown(app.screen.query_one("#countdown-big")) == big_clock("00:00")


async def test_t_says_a_meeting_well_ahead_is_ahead_of_plan(tmp_path):
    """ "on plan" read oddly for a meeting 47 minutes early (a tryout)."""
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "s")
        clock.advance(minutes=1)
        await typed(pilot, "n", "t")  # the timeline review left 19 minutes early
        assert app.notified[-1].startswith("The meeting is ahead of plan (ends ~")
