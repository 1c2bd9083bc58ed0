"""Meeting mode, driven through the real app with a fake clock."""

from sessions import load
from sessions.models import Session
from tests.app_helpers import FakeClock, make_app, settle, shown
from widgets.countdown import Countdown


def overtime_notices(app) -> list:
    return [n for n in app._notifications if n.title == "Overtime"]


async def test_agenda_runs_to_overtime_with_a_fake_clock(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        countdown = app.screen.query_one(Countdown)
        assert "20:00" in countdown.query_one("Digits").value
        await pilot.press("s")
        clock.advance(minutes=17)
        app.screen.tick()
        assert countdown.has_class("-on-time")
        clock.advance(minutes=2)
        app.screen.tick()
        assert countdown.has_class("-warning")
        clock.advance(minutes=2)
        app.screen.tick()
        app.screen.tick()
        await pilot.pause()
        assert countdown.has_class("-overtime")
        assert "+01:00" in countdown.query_one("Digits").value
        assert len(overtime_notices(app)) == 1  # notifies once, not on every tick
        await pilot.press("plus")  # extend by 5 minutes
        app.screen.tick()
        assert app.session.meeting.agenda[0].planned_minutes == 25
        assert countdown.has_class("-on-time")  # 4 minutes left again
        await pilot.press("n")
        await settle(pilot)
        assert app.session.meeting.current == 1
        assert app.session.meeting.agenda[0].spent_seconds == 21 * 60
        switcher = app.screen.query_one("#section-editor")
        assert switcher.current == "sec-contributing_factors"
        assert "What about the system allowed this?" in shown(app.screen.query_one("#prompts"))
        await pilot.press("P")
        assert app.session.meeting.current == 0
    saved = load(tmp_path / "incident.toml")
    assert saved.meeting.agenda[0].spent_seconds == 21 * 60


async def test_a_paused_meeting_reopens_where_it_was(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("n", "s")
        clock.advance(minutes=7, seconds=30)
        await pilot.press("s")  # pause
        await settle(pilot)
        await pilot.press("ctrl+q")
    again = make_app(tmp_path, clock=FakeClock())
    async with again.run_test() as pilot:
        await settle(pilot)
        assert again.session.meeting.current == 1
        assert not again.timer.running
        assert again.timer.elapsed() == 450
        assert "12:30" in again.screen.query_one("#countdown-digits").value


async def test_running_over_suggests_trimming_the_rest(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        original_plan = app.timer.total_planned()
        await pilot.press("s")
        clock.advance(minutes=30)  # planned 20
        app.screen.tick()
        bar = shown(app.screen.query_one("#agenda-bar"))
        assert "10 min over" in bar
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        timer = app.timer
        assert timer.projected_seconds() <= original_plan  # ends on time again
        assert sum(s.planned_minutes for s in app.session.meeting.agenda[1:]) <= 50


async def test_each_section_shows_its_editor_and_prompts(tmp_path):
    app = make_app(tmp_path)
    expected = [
        ("sec-timeline_review", "#timeline-table", "When did the issue actually start?"),
        ("sec-contributing_factors", "#whys-editor", "Stop when you reach something you can fix"),
        ("sec-went_well", "#table-went_well", "What helped us detect"),
        ("sec-could_improve", "#table-got_lucky", "Where did we get lucky?"),
        ("sec-action_items", "#table-action_items", "Focus on the 3-5 highest-impact items"),
    ]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for index, (container, widget, prompt) in enumerate(expected):
            if index:
                await pilot.press("n")
                await settle(pilot)
            assert app.screen.query_one("#section-editor").current == container
            assert app.screen.query_one(f"#{container}").query(widget)
            assert prompt in shown(app.screen.query_one("#prompts"))


async def test_required_roles_checklist(tmp_path):
    app = make_app(tmp_path, Session(), start_mode="drafting")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.show_part("meeting", focus_editor=True)
        await settle(pilot)
        checklist = shown(app.screen.query_one("#roles-checklist"))
        assert "☐ Facilitator" in checklist
        app.screen.query_one("#table-attendees").focus()
        await pilot.press("a", *"Sam [ops]", "tab")
        await pilot.press("enter")  # open the role list
        await pilot.press("down", "down", "enter")  # responder → service owner → facilitator
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.session.meeting.attendees[0].name == "Sam [ops]"
        assert app.session.meeting.attendees[0].role == "facilitator"
        assert "☑ Facilitator" in shown(app.screen.query_one("#roles-checklist"))


async def test_reordering_the_agenda_keeps_the_timer_on_its_section(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        clock.advance(minutes=3)
        await pilot.press("g")  # the agenda, in drafting mode
        await settle(pilot)
        assert app.screen.current_part == "meeting"
        agenda = app.screen.query_one("#table-agenda")
        agenda.focus()
        await pilot.press("ctrl+down")  # timeline review moves to second place
        await settle(pilot)
        assert app.session.meeting.agenda[1].title == "Timeline review"
        await pilot.press("f2")
        await settle(pilot)
        assert app.session.meeting.current == 1
        clock.advance(minutes=2)
        app.screen.tick()
        assert app.session.meeting.agenda[1].spent_seconds == 300
