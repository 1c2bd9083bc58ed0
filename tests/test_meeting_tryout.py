"""What a tester found running a whole meeting at 80×24, through the real app: the detail
line under the action items and the parked ideas, a bare time in a session with no date, the
5-whys form's answer field, the palette's entries for the editor in use, and cut why labels."""

import datetime as dt

import pytest
from rich.cells import cell_len
from rich.table import Table
from textual.widgets import Digits

from pmtui.commands import help_groups
from screens.meeting import MeetingScreen
from sessions import load
from sessions.agendas import MeetingConfig
from sessions.example import example_session
from sessions.models import Meeting, SectionKind, Session, TimelineEvent, WhyNode
from sessions.parking import park
from sessions.prompts import PROMPTS
from sessions.timeparse import parse_when
from tests.app_helpers import (
    TODAY,
    FakeClock,
    eventually,
    footer_keys,
    footer_line,
    go_to_section,
    make_app,
    settle,
    shown,
    typed,
)
from widgets.agenda_bar import AgendaBar
from widgets.findings_panel import FindingsPanel
from widgets.form_dialog import FormDialog


def _details(app) -> list[str]:
    """Every detail line the action-items section shows."""
    part = app.screen.query_one("#action-items-part")
    return [shown(line) for line in part.query(".record-detail") if line.display]


async def test_the_detail_line_describes_what_enter_acts_on(tmp_path, example):
    """With the parked ideas under the action items, the detail line is the focused table's
    highlighted row, and follows the focus from one table to the other (the parked idea's
    line stayed on screen while Enter edited action 1)."""
    park(example.meeting, "Add a TLS expiry monitor", "Tom Okafor", "Timeline review")
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 4)
        await settle(pilot)
        actions = app.screen.query_one("#table-action_items")
        ideas = app.screen.query_one("#table-parking_lot")
        assert app.focused is actions and app.screen.query_one("#parking-lot").display
        details = _details(app)
        assert details and all(line.startswith("ID: 1  ·  Action: ") for line in details)
        await typed(pilot, "enter")
        assert isinstance(app.screen, FormDialog)
        assert app.screen.title_text == "Edit action item"
        await typed(pilot, "escape")
        app.screen.set_focus(ideas)
        await settle(pilot)
        details = _details(app)
        idea = "Idea: Add a TLS expiry monitor"
        assert details and all(line.startswith(idea) for line in details)
        # The footer says what a adds here: "a Add" read as a new action item.
        keys = {key.key: key.description for key in footer_keys(app)}
        assert keys["a"] == "Park idea"
        await typed(pilot, "enter")
        assert app.screen.title_text == "Action item from a parked idea"
        await typed(pilot, "escape")
        app.screen.set_focus(actions)
        await typed(pilot, "down")
        details = _details(app)
        assert details and all(line.startswith("ID: 2  ·  Action: ") for line in details)
        app.screen.set_focus(ideas)
        await typed(pilot, "d")  # the last idea deleted: the lot goes, the line follows
        assert not app.screen.query_one("#parking-lot").display
        assert app.focused is actions
        assert [line[:18] for line in _details(app)] == ["ID: 2  ·  Action: "]


def _fresh(**meeting) -> Session:
    """What `pmtui new FILE` makes without --date: no incident date, no events."""
    return Session(meeting=Meeting(agenda=MeetingConfig().new_agenda(), current=1, **meeting))


async def test_a_bare_time_works_in_a_session_with_no_date(tmp_path):
    """The time field's placeholder suggests 14:05: in a session with no incident date it
    falls on today (the facilitator is told once, and how to change it), and the next bare
    time follows the first event's day."""
    app = make_app(tmp_path, _fresh())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.sections.current_key == "timeline_review"
        await typed(pilot, "a", "14:05", "tab", "Alert fired", "enter")
        assert not isinstance(app.screen, FormDialog)
        events = app.editor.session.timeline
        assert [e.time for e in events] == [dt.datetime(2025, 1, 20, 14, 5, tzinfo=dt.UTC)]
        told = [m for m in app.notified if "2025-01-20 (today)" in m]
        assert len(told) == 1 and told[0].startswith("14:05 put on") and "⏎ edits it" in told[0]
        await typed(pilot, "a", "14:10", "tab", "Paged", "enter")
        assert events[-1].time == dt.datetime(2025, 1, 20, 14, 10, tzinfo=dt.UTC)
        assert len([m for m in app.notified if "no date" in m or "(today)" in m]) == 1
        assert app.editor.session.metadata.date is None  # assumed, not written
    saved = load(tmp_path / "incident.toml").timeline
    assert [e.event for e in saved] == ["Alert fired", "Paged"]


async def test_a_bare_time_takes_the_meeting_date_before_today(tmp_path):
    app = make_app(tmp_path, _fresh(date=dt.date(2025, 1, 17)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a", "09:30", "tab", "Deploy", "enter")
        assert app.editor.session.timeline[0].time.date() == dt.date(2025, 1, 17)
        assert any("2025-01-17 (the meeting's date)" in m for m in app.notified)


async def test_a_bare_time_in_a_dated_incident_is_on_its_date_as_before(tmp_path):
    session = _fresh()
    session.metadata.date = dt.date(2025, 1, 15)
    app = make_app(tmp_path, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a", "14:05", "tab", "Alert fired", "enter")
        assert app.editor.session.timeline[0].time.date() == dt.date(2025, 1, 15)
        assert app.editor.session.timeline[0].time.date() != TODAY
        assert not [m for m in app.notified if "no date" in m]


async def test_the_why_form_asks_for_the_answer_first(tmp_path):
    """`a` in the 5 whys: the first field is the answer (what the export writes as "Because
    …"), and a step without one is refused; the question is optional."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        await typed(pilot, "2")
        whys = app.editor.session.root_cause.whys[0]
        count = len(whys.nodes)
        await typed(pilot, "a")
        form = app.screen
        assert isinstance(form, FormDialog)
        labels = [shown(label) for label in form.query(".field-label")]
        assert labels[0].startswith("Because") and labels[0].endswith("*")
        assert app.focused is form.query_one("#f-because")
        await typed(pilot, "tab", "Why did checkout fail?", "enter")
        assert app.screen is form  # no answer: not saved
        assert app.focused is form.query_one("#f-because")  # back to the answer
        await typed(pilot, "Payments gateway presented an expired certificate")
        await typed(pilot, "enter")
        added = app.editor.session.root_cause.whys[0].nodes[-1]
        assert len(app.editor.session.root_cause.whys[0].nodes) == count + 1
        assert added.because == "Payments gateway presented an expired certificate"
        assert added.why == "Why did checkout fail?"


async def test_the_palette_lists_each_editor_action_once_and_no_cursor_moves(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.focused is app.screen.query_one("#timeline-table")
        commands = list(app.get_system_commands(app.screen))
        titles = [c.title for c in commands]
        assert len(titles) == len(set(titles)), [t for t in titles if titles.count(t) > 1]
        events = {c.title: c.help for c in commands if c.title.startswith("Events: ")}
        assert events["Events: Edit"] == "(⏎, e)"
        assert events["Events: Delete the selection (ctrl+z undoes it)"] == "(d, del)"
        moves = ("Up", "Down", "Page up", "Page down", "First", "Last")
        assert not {f"Events: {name}" for name in moves} & set(events)
        await go_to_section(app, 1)
        await typed(pilot, "2")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert (
            titles.count("5 whys: Edit") == 1
            and titles.count("5 whys: Delete the selection (ctrl+z undoes it)") == 1
        )


async def test_a_why_cut_to_fit_ends_in_an_ellipsis(tmp_path, example):
    because = "Nobody renewed it: the renewal was a manual calendar reminder nobody owned"
    example.root_cause.whys[0].nodes = [
        WhyNode(id="w1", why="Why did the certificate expire?", because=because)
    ]
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        await typed(pilot, "2", "down")
        tree = app.screen.query_one("#whys-tree")
        line = tree.render_line(1).text.rstrip()
        assert "Why did the certificate expire?" in line
        assert line.endswith("…") and len(line) <= tree.size.width
        assert because in shown(app.screen.query_one("#whys-detail"))  # in full below


async def test_a_new_forms_first_hint_is_shown_whole_at_80x24(tmp_path):
    """The time field's hint is two rows at 80 columns; the first hint, written while the
    dialog was laid out for the first time, was cut to one ("…for an event known")."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a")
        assert isinstance(app.screen, FormDialog)
        status = app.screen.query_one("#form-status")
        assert status.size.height == 2
        assert "known only to the day" in " ".join(shown(status).split())


async def test_the_marker_and_type_hints_are_shown_whole_at_80x24(tmp_path):
    """The hint stopped at two rows: the markers after "service restored," and the action
    types after "Detect" were missing (the type's choices were also listed twice)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a", "tab", "tab", "tab", "tab")  # the new event's marker
        status = app.screen.query_one("#form-status")
        # by the names the table shows: in full they were cut at 160 columns too (a tryout)
        assert "non-event, declared, status" in " ".join(shown(status).split())
        assert status.size.height <= 3 and not shown(status).rstrip().endswith("…")
        await typed(pilot, "escape")
        await go_to_section(app, 4)
        await typed(pilot, "enter", "tab")  # action 1's type
        status = app.screen.query_one("#form-status")
        hint = " ".join(shown(status).split())
        assert status.size.height == 3
        assert hint.startswith("Type — Prevent:") and "Document: Improve" in hint
        assert "one of" not in hint
        buttons = app.screen.query_one("#form-buttons")
        assert buttons.region.bottom <= 24


async def test_the_findings_line_follows_the_record_in_use_and_ends_in_an_ellipsis(
    tmp_path, example
):
    """The one-line findings bar showed the section's first finding whatever row was in use,
    and was cut mid-word at 80 columns."""
    example.action_items[1].due = TODAY - dt.timedelta(days=30)
    example.action_items[3].due = TODAY - dt.timedelta(days=60)
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 4)
        await settle(pilot)
        panel = app.screen.query_one(FindingsPanel)

        def line() -> str:
            return panel.render_line(0).text.rstrip()

        assert "action 2: 30 days overdue" in line()  # row 1 has none: the most serious here
        await typed(pilot, "down", "down", "down")
        # What is wrong first, the field's path after it: the end of the line gives way.
        assert line().startswith("⚠ AI012 action 4: 60 days overdue (review in the leadership")
        assert line().endswith("…") and len(line()) <= 80
        await typed(pilot, "down")
        assert "action 2: 30 days overdue" in line()
        await typed(pilot, "up", "f4")  # the open list starts on that row's finding
        assert app.focused is panel
        assert str(panel.highlighted_option.prompt).endswith("· action_items[3].due")
        # Opened, the list began with a summary repeating the first finding ("⚠ 1  AI012: …"
        # over "⚠ AI012 …"), under a title saying "0 errors" or "1 errors": it counts in words.
        summary = str(panel.get_option_at_index(0).prompt)
        assert not any(finding.rule.id in summary for finding in panel.findings), summary
        assert "2 warnings" in summary
        assert panel.border_title.endswith(", 0 errors")

        # opened to be read, a finding is whole: the line ending "…" wraps instead
        def opened() -> str:  # once laid out open (a busy machine takes a frame or two)
            return " ".join(panel.render_line(y).text.strip() for y in range(panel.size.height))

        whole = "(review in the leadership meeting)  · action_items[3].due"
        assert await eventually(pilot, lambda: whole in opened()), opened()


async def test_a_due_date_in_the_past_is_remarked_on_as_it_is_typed(tmp_path, example):
    """A due date in the past (a typo for next year, often) went in without a word; the
    warning came only after saving, in the findings. The form says so as it is typed, and
    still saves: the team may mean it."""
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 4)
        await typed(pilot, "a")
        form = app.screen
        assert isinstance(form, FormDialog)
        status = form.query_one("#form-status")
        form.set_focus(form.query_one("#f-due"))
        await typed(pilot, "2025-01-10")
        assert "2025-01-10 is 10 days ago, in the past" in shown(status)
        assert status.has_class("-advice") and not status.has_class("-error")
        await typed(pilot, *["backspace"] * 10, "2025-01-31")
        assert "ago" not in shown(status) and not status.has_class("-advice")
        await typed(pilot, *["backspace"] * 10, "2025-03-31")  # the meeting was 2025-01-17
        assert "73 days after the meeting; the guide asks for 30" in shown(status)
        await typed(pilot, *["backspace"] * 10, "2025-01-10", "tab")  # on, before reading it
        # A fast typist's change comes after the Tab that left the field: still typed.
        form.set_focus(form.query_one("#f-action"))
        form.query_one("#f-due").value = "2025-01-09"
        form.query_one("#f-action").value = "Add a pending-migration check to CI"
        await typed(pilot, "enter")
        assert not isinstance(app.screen, FormDialog)
        assert app.editor.session.action_items[-1].due == dt.date(2025, 1, 9)
        # said again as it is saved: it had not shown in the field
        assert app.notified[-1] == "Due date: 2025-01-09 is 11 days ago, in the past"


async def test_drafting_hints_and_the_whys_footer_are_whole_at_80x24(tmp_path, example):
    """The summary's hint and the 5-whys hint were cut mid-word in drafting's pane at 80
    columns, and the 5-whys footer lost its last keys."""
    app = make_app(tmp_path, example, start_mode="drafting")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.screen.show_part("summary", focus_editor=True)
        await settle(pilot)
        hint = app.screen.query_one(".text-field-hint")
        assert hint.size.height == 2 and hint.region.right <= 80
        await app.screen.show_part("whys", focus_editor=True)
        await settle(pilot)
        hint = app.screen.query_one("#whys-hint")
        assert hint.size.height == 2 and hint.region.right <= 80
        keys = {key.key: key for key in footer_keys(app)}
        assert "alt+down" in keys and "f1" in keys
        assert keys["f1"].right <= 80 - len("▏^p palette")


async def test_escape_from_the_findings_reached_by_tab_goes_back_to_the_text(tmp_path, example):
    """Tab from a text part reached the findings panel; Escape then sent the focus to the
    parts list, and the words typed next went nowhere. An empty panel is no Tab stop."""
    example.summary = "Bob forgot to run the migration. It broke checkout."
    app = make_app(tmp_path, example, start_mode="drafting")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.screen.show_part("summary", focus_editor=True)
        await settle(pilot)
        area = app.focused
        await typed(pilot, "tab")
        assert isinstance(app.focused, FindingsPanel)
        await typed(pilot, "escape", "Fixed. ")  # its x opened "accept with a reason"
        assert not isinstance(app.screen, FormDialog)
        assert app.focused is area and "Fixed. " in app.editor.session.summary
        await app.screen.show_part("background", focus_editor=True)
        await settle(pilot)
        panel = app.screen.query_one(FindingsPanel)
        assert not panel.findings and not panel.can_focus
        await typed(pilot, "f4")
        assert app.focused is not panel and "No guardrail findings here" in app.notified[-1]


async def test_a_choice_is_completed_only_once_it_is_one_and_errors_fit_the_form(tmp_path):
    """'i' showed 'issue started' as if chosen, and Enter then asked "which one?"; the
    list of markers in an error was cut off mid-list with nothing to say so."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a")
        form = app.screen
        marker = form.query_one("#f-marker")
        form.set_focus(marker)
        await typed(pilot, "i")
        await pilot.pause(0.05)  # the suggester is a worker
        assert marker.render_line(0).text.strip() == "i"
        await typed(pilot, "ss")
        await pilot.pause(0.05)
        assert marker.render_line(0).text.strip() == "issue started"
        await typed(pilot, "backspace", "backspace", "backspace", "zz", "enter")
        status = form.query_one("#form-status")
        rows = shown(status).split("\n")
        assert rows[0] == "⚠ Time (UTC): required" and len(rows) <= 3
        assert rows[-1].startswith("⚠ Event: required")
        form.set_focus(marker)
        await settle(pilot)
        rows = shown(status).split("\n")
        assert rows[0].startswith("⚠ Marker: one of issue started") and len(rows) == 3
        assert rows[1].endswith("…") and rows[2] == "⚠ Time (UTC): required"
        assert all(len(row) <= 76 for row in rows)


async def test_the_preview_says_it_scrolls_sideways(tmp_path, example):
    """Tables wider than 80 columns scroll sideways in the preview, but the only key in
    its footer was Escape: a tryout read the cut Due and Status columns as lost."""
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "f5")
        assert await eventually(pilot, lambda: app.screen.query_one("#preview").max_scroll_x > 0)
        keys = {key.key: key.description for key in footer_keys(app)}
        assert {"left", "right", "pagedown", "escape"} <= set(keys)
        await typed(pilot, "right", "right")
        assert app.screen.query_one("#preview").scroll_offset.x == 8


async def test_the_findings_line_says_checking_until_the_first_run_is_back(tmp_path, example):
    """On opening a file, the line said "No findings here" for a second or two, then showed
    its findings."""
    app = make_app(tmp_path, example, check_delay=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(FindingsPanel)
        assert "checking the guardrails" in panel.render_line(0).text
        await pilot.press("n")  # a section switch shows what is known: nothing yet
        assert app.editor.session.meeting.current == 1
        assert "checking the guardrails" in panel.render_line(0).text
        app.check_delay = 0
        app.recheck()
        assert await eventually(pilot, lambda: "checking" not in panel.render_line(0).text)


async def test_a_long_record_s_detail_line_ends_in_an_ellipsis(tmp_path, example):
    """The detail line keeps to three rows; a longer record was cut mid-sentence there with
    nothing to say there was more."""
    example.action_items[0].action = "Add a pending-migration check " + "and more " * 40
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 4)
        await settle(pilot)
        (line,) = _details(app)
        rows = line.split("\n")
        assert len(rows) == 3 and rows[-1].endswith("…") and rows[0].startswith("ID: 1")
        await typed(pilot, "down")
        (line,) = _details(app)
        assert "…" not in line and line.startswith("ID: 2")


async def test_the_markers_stay_in_the_timeline_at_80x24_once_it_spans_days(tmp_path):
    """A warning a week before the outage put dates in the time column, and the Marker column
    (started, detectable, alert…: what the timeline review is about) stepped aside for them."""
    session = example_session()
    first = session.timeline[0].time
    session.timeline.append(
        TimelineEvent(time=first - dt.timedelta(days=7), event="Expiry warning sent to a list")
    )
    app = make_app(tmp_path, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#timeline-table")
        header = table.render_line(0).text.split()
        assert header[:5] == ["Time", "UTC", "Marker", "Event", "Actor"], header
        assert table.render_line(1).text.startswith("2025-01-08 ")


async def test_help_in_the_meeting_puts_the_timer_keys_before_the_apps(tmp_path):
    """F1 at a section listed its editor's keys under "Here", then every app key: the timer's keys
    (s n P +), what a facilitator asks for first, were on the second page. And each group's
    line of what it is for stood above its heading, as if it ended the group before."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [title for title, _about, _keys in help_groups(app)]
        assert titles.index("Meeting mode") < titles.index("Everywhere"), titles
        await typed(pilot, "f1")
        headings = [
            static.content.title.plain
            for static in app.screen.query("Static")
            if isinstance(static.content, Table)
        ]
        assert "Meeting mode  The timed agenda walk." in headings, headings


async def test_the_palette_key_ends_the_footer_at_the_screens_edge(tmp_path):
    """In the compact footer the palette key kept a one-cell margin at the right edge: when
    the keys ran past the width, one of their letters showed there ("▏^p palettev")."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        palette = next(key for key in footer_keys(app) if key.palette)
        assert palette.right == 80, palette
        assert footer_line(app).endswith("▏^p palette ")


async def test_every_prompt_is_read_whole_beside_the_clock_at_80x24(tmp_path):
    """The prompt to read aloud was cut ("Ask why again for each answer, until you reach a
    syst…"): every section's prompts fit the bar at 80×24, the key for the next one after
    them as far as it fits."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 1)
        await settle(pilot)
        bar = app.screen.query_one(AgendaBar)
        width = bar.content_size.width
        too_long = [p for ps in PROMPTS.values() for p in ps if cell_len(f"Ask: {p}") > width]
        assert too_long == []
        shown_prompts = []
        for _ in PROMPTS[SectionKind.CONTRIBUTING_FACTORS]:
            shown_prompts.append(shown(bar).splitlines()[2])
            await typed(pilot, "question_mark")
        # A question is asked; a tip is not read out as one ("Ask: Multiple branches are OK").
        assert "Ask: What about the system allowed this?  (? more)" in shown_prompts
        assert "Tip: Ask why of each answer, down to a systemic issue.  (?)" in shown_prompts
        assert [line for line in shown_prompts if "…" in line or "(?" not in line] == []


async def test_the_header_holds_still_as_the_section_runs_over(tmp_path):
    """The clock gained a "+" digit at overtime and pushed the agenda bar three columns right,
    with the room watching: in the first ten minutes over it is as wide as before."""
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        digits = app.screen.query_one("#countdown-digits", Digits)
        bar = app.screen.query_one(AgendaBar)
        left = bar.region.x
        await typed(pilot, "s")
        faces = []
        for minutes, seconds in ((0, 1), (19, 58), (0, 6), (9, 54)):
            clock.advance(minutes=minutes, seconds=seconds)
            app.screen.tick()
            await settle(pilot)
            faces.append((digits.value, bar.region.x))
        assert faces == [("19:59", left), ("00:01", left), ("+0:05", left), ("+9:59", left)]


async def test_the_meeting_total_stays_on_the_bar_paused_or_running_at_80x24(tmp_path):
    """At 80 columns the total was shown while paused and dropped once the timer ran
    ("▶ running" is a column longer): the end is said short before the total gives way."""
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 1)
        await settle(pilot)
        bar = app.screen.query_one(AgendaBar)
        lines = [shown(bar).splitlines()[1]]
        await typed(pilot, "s")
        clock.advance(minutes=1, seconds=5.6)
        app.screen.tick()
        await settle(pilot)
        lines.append(shown(bar).splitlines()[1])
        await typed(pilot, "s")  # paused: the time spent does not go back a second
        lines.append(shown(bar).splitlines()[1])
        states = [line.split(" · ")[0] for line in lines]
        assert states == ["⏸ paused", "▶ running", "⏸ paused"]
        assert all(" · total " in line and " · ends ~" in line for line in lines), lines
        assert [line.split(" · ")[1] for line in lines] == ["00:00/20m", "01:05/20m", "01:05/20m"]


async def test_the_factors_name_the_action_items_that_address_them_by_id(tmp_path, example):
    """ "Actions: 1, 5" read as counts: the ids are written #1 #5."""
    example.factors[3].id = "F9"  # no action item addresses it now
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 1)
        await settle(pilot)
        table = app.screen.query_one("#table-factors")
        actions = [table.columns[-1].show(factor) for factor in table.items]
        assert actions == ["#1 #5", "#2", "#3", "⚠ none"]
        assert "Actions: #1 #5" in table.detail(table.items[0]).plain
        # Deleted, a factor an action item addresses says so, and its id is not given to
        # the next one (action 4 had then addressed a factor it was never about: a tryout).
        table.focus()
        table.cursor = 2  # F3, which action #3 addresses
        await typed(pilot, "d")
        assert app.notified[-1] == (
            "Deleted the contributing factor (action #3 still addresses F3; "
            "1 fishbone cause still links it). ctrl+z puts it back."
        )
        assert app.editor.session.next_factor_id() not in {"F3", "F1", "F2", "F9"}


async def test_typing_in_an_edit_form_adds_to_the_text_it_does_not_replace_it(tmp_path):
    """The edit form selected the whole field: " on order lookup" typed to add to a cause
    replaced it."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 1)
        await settle(pilot)
        await typed(pilot, "enter", " (no default)", "tab", "tab", "enter")
        assert app.editor.session.factors[0].factor == "Missing migration check (no default)"


def _f1_cut(app) -> list[str]:
    """The footer's keys if F1 Help is not whole before the palette key, else []."""
    keys = {key.key: key for key in footer_keys(app) if not key.palette}
    palette = next(key for key in footer_keys(app) if key.palette)
    if "f1" in keys and keys["f1"].right < palette.x:
        return []
    return [key.key for key in keys.values()]


async def test_f1_help_is_in_the_footer_beside_every_meeting_editor_at_80x24(tmp_path, example):
    """Beside the 5 whys' keys, the footer ran out at "^q Q": F1 Help, the way to every
    other key, was off the screen; so it was in the guardrails and the parked ideas."""
    park(example.meeting, "Add a TLS expiry monitor", "Tom Okafor", "Timeline review")
    example.timeline[0].event = "Bob forgot to renew the cert because he was careless"
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        cut = []
        for section, tabs in ((0, ""), (1, "123"), (2, ""), (3, "12"), (4, "")):
            await go_to_section(app, section)
            for tab in tabs or " ":
                if tab.strip():
                    await typed(pilot, tab)
                await settle(pilot)
                cut += [(section, tab, keys) for keys in [_f1_cut(app)] if keys]
        app.screen.set_focus(app.screen.query_one("#table-parking_lot"))
        await settle(pilot)
        cut += [("parked ideas", keys) for keys in [_f1_cut(app)] if keys]
        await go_to_section(app, 0)
        await settle(pilot)
        app.screen.action_focus_findings()  # the blamed first event's finding, to rewrite
        await settle(pilot)
        assert isinstance(app.focused, FindingsPanel)
        cut += [("guardrails", keys) for keys in [_f1_cut(app)] if keys]
        assert cut == []


async def test_a_group_an_owner_and_a_factor_type_typed_short_are_the_known_ones(tmp_path):
    """ "org" in the Group field made an export heading of its own ("### org" beside
    "### Other") while "prev" in Type became Prevent; "Lena" made a second owner beside
    "Lena Ortiz" in the close summary; a factor's type "Conf" went to the export as typed."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 4)
        await settle(pilot)
        await typed(pilot, "a")
        app.screen.query_one("#f-action").value = "Review the alert routes every quarter"
        app.screen.query_one("#f-owner").value = "priya"
        app.screen.query_one("#f-group").value = "org"
        await typed(pilot, "ctrl+s")
        added = app.editor.session.action_items[-1]
        assert (added.owner, added.group) == ("Priya Raman", "Organisational")
        await go_to_section(app, 1)
        await settle(pilot)
        await typed(pilot, "a")
        app.screen.query_one("#f-factor").value = "Cache size not derived from the pod"
        app.screen.query_one("#f-type").value = "conf"
        await typed(pilot, "ctrl+s")
        assert app.editor.session.factors[-1].type == "Configuration"


async def test_the_title_is_set_without_leaving_the_meeting(tmp_path):
    """A new incident's header said "Untitled postmortem" to the room until drafting: the
    palette had nothing for "title"."""
    app = make_app(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.title == "incident.toml (untitled)"
        commands = [command.title for command in app.screen.commands()]
        assert "Title and details" in commands
        await typed(pilot, "T")
        assert isinstance(app.screen, FormDialog) and app.screen.title_text == "Metadata"
        app.screen.query_one("#f-title").value = "DNS resolver crash loop"
        await typed(pilot, "ctrl+s")
        assert app.editor.session.metadata.title == "DNS resolver crash loop"
        assert "DNS resolver crash loop" in app.title
        assert isinstance(app.screen, MeetingScreen)
    assert load(tmp_path / "incident.toml").metadata.title == "DNS resolver crash loop"


async def test_the_section_to_announce_next_is_whole_at_80x24(tmp_path, example):
    """ "next: What wen…": when the numbered agenda leaves no room for the next section's
    name, the bar says where the meeting is as "2/5" instead."""
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 0)
        await settle(pilot)
        bar = app.screen.query_one(AgendaBar)
        assert (
            shown(bar).splitlines()[0] == " ▶ 1/5 Timeline review   next: Contributing factors 20m"
        )
        await go_to_section(app, 1)
        await settle(pilot)
        assert (
            shown(bar).splitlines()[0] == " ▶ 2/5 Contributing factors   next: What went well 10m"
        )


async def test_enter_on_a_form_part_in_the_parts_list_opens_its_form(tmp_path):
    """The metadata box says "Enter to edit", but Enter on Metadata in the parts list only
    moved the focus: it took a second Enter. A title typed right after it lands in the form."""
    app = make_app(tmp_path, Session(), start_mode="drafting")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.focused is app.screen.query_one("#parts-nav")
        await typed(pilot, "enter", "DNS crash loop", "ctrl+s")
        assert app.editor.session.metadata.title == "DNS crash loop"
        assert not isinstance(app.screen, FormDialog)
        await typed(pilot, "alt+down")  # stepping to a part moves there; it opens nothing
        assert app.screen.current_part == "summary" and not isinstance(app.screen, FormDialog)


async def test_typing_in_a_text_part_goes_on_from_its_end_and_ctrl_e_exports_there(tmp_path):
    """Back in the summary, a sentence typed went in front of the paragraph; ctrl+e there
    moved to the line's end instead of exporting; an empty field showed nothing to type in."""
    session = Session()
    session.summary = "Webhooks were delayed."
    app = make_app(tmp_path, session, start_mode="drafting")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.screen.show_part("summary", focus_editor=True)
        await settle(pilot)
        await typed(pilot, " Merchants saw delays.", "ctrl+e")
        assert app.editor.session.summary == "Webhooks were delayed. Merchants saw delays."
        assert "Merchants saw delays." in (tmp_path / "incident.md").read_text()
        await app.screen.show_part("background", focus_editor=True)
        await settle(pilot)
        assert app.focused.text == "" and str(app.focused.placeholder) == "Type here…"


async def test_the_went_well_form_asks_what_first(tmp_path):
    app = make_app(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 2)
        await settle(pilot)
        await typed(pilot, "a", "Lag alert paged within a minute", "enter")
        await typed(pilot, "a", "Revert was one line", "enter")
        assert [o.text for o in app.editor.session.went_well] == [
            "Lag alert paged within a minute",
            "Revert was one line",
        ]
        # the table in the form's order: typed in the table's (Area, What), they swapped
        table = app.screen.query_one("#table-went_well")
        assert [column.label for column in table.columns] == ["What", "Area"]


def test_a_time_refused_names_both_forms_the_field_takes():
    """The message named only "YYYY-MM-DD HH:MM[:SS]" under a field whose example is 14:05."""
    with pytest.raises(ValueError, match="use HH:MM or YYYY-MM-DD HH:MM"):
        parse_when("half past two", dt.date(2025, 1, 15))


async def test_pasted_log_times_with_no_zone_are_the_timelines_unless_said_utc(tmp_path):
    """Pasted lines were read as UTC in a CET timeline, without a word: the backlog's peak
    landed an hour late, after the recovery. The dialog says which zone, and asks."""
    session = Session()
    session.metadata.time_zone = "Europe/Berlin"
    session.metadata.date = dt.date(2025, 3, 14)
    app = make_app(tmp_path, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "v")
        assert "(no: CET, the timeline's)" in shown(app.screen.query_one("#paste-zone-label"))
        app.screen.query_one("#paste-area").text = "2025-03-14 10:50 Queue depth peaked\nnoise\n"
        # what the lines will add, before they are added (a tryout)
        said = "1 event, 2025-03-14 10:50:00; 1 line with no time, left out"
        preview = app.screen.query_one("#paste-preview")
        assert await eventually(pilot, lambda: shown(preview) == said)
        await typed(pilot, "ctrl+s")
        event = app.editor.session.timeline[0]
        assert event.time == dt.datetime(2025, 3, 14, 9, 50, tzinfo=dt.UTC)  # 10:50 CET
        assert "1 time with no zone read as CET" in app.notified[-1]
        await typed(pilot, "v")
        app.screen.query_one("#paste-area").text = "10:55 Finance flagged delays\n"
        await typed(pilot, "tab", "space", "ctrl+s")  # server logs: UTC
        times = sorted(event.time for event in app.editor.session.timeline)
        assert times[-1] == dt.datetime(2025, 3, 14, 10, 55, tzinfo=dt.UTC)
        assert "Added 1 event from the logs, 1 time with no zone read as UTC" in app.notified[-1]
        await typed(pilot, "v")  # the box as it was left: server logs come again
        assert app.screen.query_one("#paste-utc").value is True
        # times that name their zone are not said to have been read in another
        app.screen.query_one("#paste-area").text = "2025-03-14T10:58:00Z ERROR tls expired\n"
        await typed(pilot, "ctrl+s")
        assert app.notified[-1] == "Added 1 event from the logs"


async def test_the_agenda_line_keeps_one_form_through_the_meeting(tmp_path):
    """Picked section by section, the agenda line went from numbers to names and back as the
    meeting moved on, at 80 and at 160 columns (a tryout): the room saw the header jump."""

    def form(line: str) -> str:
        if "/6 " in line:
            return "where"
        return "numbers" if " · " in line else "names"

    for size in ((80, 24), (160, 50)):
        session = Session(meeting=Meeting(agenda=MeetingConfig().new_agenda()))
        session.meeting.agenda[2].title = "Contributing factors and conditions"
        app = make_app(tmp_path, session)
        async with app.run_test(size=size) as pilot:
            forms = []
            for index in range(6):
                await go_to_section(app, index)
                await settle(pilot)
                forms.append(form(shown(app.screen.query_one(AgendaBar)).split("\n")[0]))
            assert len(set(forms)) == 1, (size, forms)


def test_the_outage_lasts_the_same_minutes_in_the_impact_and_the_triage():
    """The impact's form offered 44 minutes from the timeline; the triage said 43."""
    from sessions.checks.triage import incident_minutes
    from sessions.part_values import from_timeline

    start = dt.datetime(2025, 3, 11, 10, 0, tzinfo=dt.UTC)
    session = Session(
        timeline=[
            TimelineEvent(time=start, event="Resolvers fail", marker="issue_started"),
            TimelineEvent(
                time=start + dt.timedelta(minutes=43, seconds=40),
                event="Rolled back",
                marker="service_restored",
            ),
        ]
    )
    assert incident_minutes(session) == from_timeline(session)["duration_minutes"] == 44


async def test_the_addresses_hint_names_the_factors_there_are(tmp_path):
    """ "Factor ids and/or root-cause, e.g. F1, F2" did not say which factors there were
    (a tryout)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 4)
        await typed(pilot, "a")
        form = app.screen
        form.query_one("#f-addresses").focus()
        await settle(pilot)
        hint = " ".join(shown(form.query_one("#form-status")).split())
        assert "F1: Missing migration check" in hint and "F4: Runbook outdated" in hint
