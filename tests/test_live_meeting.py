"""The live meeting at 80×24: keys sent faster than the app draws are never lost or run as the
wrong command, views stay where the facilitator put them, and every editor is readable."""

import asyncio
import time

import pytest

from screens.agenda_dialog import AgendaDialog
from screens.help import HelpScreen
from sessions import load
from sessions.models import Session
from tests.app_helpers import (
    FakeClock,
    burst,
    eventually,
    footer_keys,
    footer_line,
    go_to_section,
    make_app,
    settle,
    shown,
    typed,
)
from widgets.confirm import Confirm
from widgets.form_dialog import FormDialog
from widgets.record_table import fit_columns


async def test_keys_typed_while_a_dialog_opens_land_in_it_in_order(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "a", "nnnPPs")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-time").value == "nnnPPs"
        assert app.editor.session.meeting.current == 0  # no section change
        assert not app.timer.running  # the timer was not started


async def test_a_newline_typed_before_the_terminal_is_raw_is_enter(tmp_path):
    """Keys typed as the app starts come through the terminal's line discipline, which
    turns Enter into a newline (ctrl+j): the form stayed open and the Enter was lost."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        count = len(app.editor.session.timeline)
        await typed(pilot, "a", "14:31", "tab", "Certificate renewed by hand", "ctrl+j")
        assert not isinstance(app.screen, FormDialog)
        assert len(app.editor.session.timeline) == count + 1


async def test_a_long_text_shows_its_start_once_its_field_is_left(tmp_path):
    """A long title showed only its end once tabbed away from (a tryout)."""
    app = make_app(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        title = "Payments API TLS certificate expired and card payments failed for 25 minutes"
        await typed(pilot, "T", title, "tab")
        assert isinstance(app.screen, FormDialog)
        field = app.screen.query_one("#f-title")
        assert field.value == title
        assert field.render_line(0).text.strip().startswith("Payments API TLS")
        # only the view moved: back in the field, what is typed goes on at its end
        await typed(pilot, "shift+tab", " (all regions)")
        assert field.value == title + " (all regions)"


async def test_a_key_that_comes_while_held_keys_are_handed_on_waits_its_turn(tmp_path, monkeypatch):
    """Keys held while the form opened are handed on one by one; a Tab among them waits for
    the text before it to land. A key arriving meanwhile went out at once, overtook the Tab,
    and landed in the field the Tab was leaving ("14:05Ev" in the time field, seen in tmux).
    A slow text field makes the moment long enough to hit every time."""
    import asyncio

    import pmtui.key_order

    real_drain = pmtui.key_order.drain

    async def slow_drain(widget):
        await asyncio.sleep(0.3)
        await real_drain(widget)

    monkeypatch.setattr(pmtui.key_order, "drain", slow_drain)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "a", "14:05", "tab")
        while not (isinstance(app.screen, FormDialog) and not app.key_order.held):
            await pilot.pause(0.01)
        burst(app, "Ev")  # the Tab is still on its way
        await settle(pilot)
        form = app.screen
        assert form.query_one("#f-time").value == "14:05"
        assert form.query_one("#f-event").value == "Ev"


async def test_keys_after_a_mode_switch_do_not_wait_for_the_guardrails(tmp_path):
    """F3 and F2 start a guardrail run; the keys after them waited for it (2 s in the
    benchmark, the check delay and the run in use) as if it were a dialog about to open."""
    app = make_app(tmp_path, check_delay=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "f3", "f2", "n")
        # The second section's editor on screen, not only the timer moved: a test ending
        # while `n` still built it tore the screen down under it.
        assert await eventually(
            pilot,
            lambda: (
                app.current_mode == "meeting"
                and app.screen.sections.current_key == "contributing_factors"
            ),
            seconds=1.0,
        )


async def test_help_and_rewrite_keys_answer_inside_a_form(tmp_path):
    """F1 works everywhere, a form included; ctrl+r there says where rewrites work."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a", "f1")
        assert isinstance(app.screen, HelpScreen)
        await typed(pilot, "escape", "ctrl+r")
        assert isinstance(app.screen, FormDialog)
        assert "save the form, then ctrl+r on the row" in app.notified[-1]
        # Keys after help closes go to the form at once: they waited two seconds for the
        # form's own worker, which waits on the form, not on help.
        await typed(pilot, "f1")
        start = time.monotonic()
        burst(app, "escape", "1", "4")
        typed_in = lambda: str(getattr(app.focused, "value", "")).endswith("14")  # noqa: E731
        assert await eventually(pilot, typed_in, seconds=3)
        assert isinstance(app.screen, FormDialog)
        assert time.monotonic() - start < 1.0


async def test_a_tall_screen_uses_its_rows_and_a_wide_one_its_columns(tmp_path):
    """At 160×50 the header's extra rows hold the framed countdown and more prompts (the
    rules for it were scoped to the widgets and never matched: four blank rows), and the
    title is whole; at 80×24 the header stays three rows and the title is cut."""
    from widgets.agenda_bar import AgendaBar
    from widgets.countdown import Countdown

    app = make_app(tmp_path, autosave_delay=3600)  # an edit stays unsaved a while
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(Countdown).styles.border_top[0] == "heavy"
        assert app.screen.query_one(AgendaBar).region.height == 7
        assert app.title == "INC-4211 Checkout errors from database connection pool exhaustion"
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.screen.query_one(AgendaBar).region.height == 3
        assert app.title.endswith("…")
        # the save state stays whole beside it (the Header keeps 8 columns a side)
        assert 8 + len(app.title) + len(" — ") + len(app.sub_title) + 8 <= 80
        # and an edit, unsaved for a moment, moves neither the title nor its length
        saved = (app.title, len(app.sub_title))
        await typed(pilot, "d")
        assert app.sub_title.startswith("● unsaved")
        assert (app.title, len(app.sub_title)) == saved


async def test_tab_stays_in_the_form_fields_and_the_buttons_still_click(tmp_path):
    """Tab went on to the Cancel and Save buttons: letters typed there were dropped, and an
    Enter on Cancel asked to discard the form. Tab now cycles through the fields only."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        count = len(app.editor.session.timeline)
        await typed(pilot, "a")
        form = app.screen
        seen = set()
        for _ in range(len(form.specs) + 2):
            seen.add(app.focused.id)
            await typed(pilot, "tab")
        assert seen == {f"f-{spec.name}" for spec in form.specs}
        form.query_one("#f-time").value = "14:40"
        form.query_one("#f-event").value = "Pager acknowledged"
        await pilot.click("#save")
        await settle(pilot)
        assert len(app.editor.session.timeline) == count + 1


async def test_a_fast_typist_fills_the_form_and_the_next_command_runs_after_it(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        count = len(app.editor.session.timeline)
        burst(app, "a", "14:33", "tab", "Pool alarm fired", "tab", "alerting", "enter", "n")
        await settle(pilot)
        events_now = app.editor.session.timeline
        assert len(events_now) == count + 1
        added = next(e for e in events_now if e.event == "Pool alarm fired")
        assert (added.time.strftime("%H:%M"), added.actor) == ("14:33", "alerting")
        assert app.editor.session.meeting.current == 1  # `n` ran after the form closed
        assert app.screen.sections.current_key == "contributing_factors"


async def test_a_paste_of_several_lines_into_a_one_line_field_keeps_every_line(tmp_path):
    """Textual's field kept the first line of a paste: the rest was gone without a word."""
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await typed(pilot, "a", "14:33", "tab")
        app.focused.post_message(events.Paste("Pool alarm fired\n  on db-2\n\nand db-3"))
        await settle(pilot)
        await typed(pilot, "enter")
        texts = [event.event for event in app.editor.session.timeline]
        assert "Pool alarm fired on db-2 and db-3" in texts
        assert any("3 pasted lines joined" in note for note in app.notified)
        await typed(pilot, "a", "14:34", "tab")  # a spreadsheet's row: its tab is a space
        app.focused.post_message(events.Paste("Nina Simone\tresponder"))
        await settle(pilot)
        await typed(pilot, "enter")
        assert "Nina Simone responder" in [e.event for e in app.editor.session.timeline]


async def test_lines_pasted_into_a_lists_field_are_its_items(tmp_path):
    """A list pasted one a line into "Functionality (comma-separated)" became one item, the
    lines joined with spaces (a tryout)."""
    from textual import events

    from widgets.fields import FieldSpec
    from widgets.form_dialog import FormDialog

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        answers = []
        spec = FieldSpec("functionality", "Functionality (comma-separated)", kind="list")
        app.push_screen(FormDialog("Impact", [spec], {}), answers.append)
        await settle(pilot)
        app.focused.post_message(events.Paste("Search\nCheckout\n\nOrder history\n"))
        await settle(pilot)
        await typed(pilot, "ctrl+s")
        assert answers == [{"functionality": ["Search", "Checkout", "Order history"]}]


async def test_escape_and_a_letter_typed_as_one_key_close_the_form_then_run(tmp_path):
    """Escape then n, typed fast, reach the app as alt+n (the terminal sends ESC n): the n
    went into the form, which stayed open."""
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        count = len(app.editor.session.timeline)
        burst(app, "a")  # the form, then "esc n" typed before it was drawn
        app.post_message(events.Key("alt+n", "n"))
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        assert len(app.editor.session.timeline) == count
        assert app.screen.sections.current_key == "contributing_factors"
        burst(app, "a")
        app.post_message(events.Key("alt+shift+p", "P"))  # "esc P": back again
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        assert app.screen.sections.current_key == "timeline_review"


async def test_one_toast_at_a_time_unless_a_warning_is_up(tmp_path):
    """Stacked toasts covered half the timeline and the line under it at 80x24."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        toasts = lambda: [str(t.render()) for t in app.screen.query("Toast")]  # noqa: E731
        app.notify("Parked (1 waiting)")
        app.notify("Parked (2 waiting)")
        await settle(pilot)
        assert len(toasts()) == 1 and "2 waiting" in toasts()[0]
        app.notify("Could not write", severity="error", timeout=30)
        app.notify("Undone: event deleted")
        await settle(pilot)
        assert len(toasts()) == 2  # the error stays up beside the newer toast


async def test_commands_pressed_in_a_burst_run_in_order(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "n", "n", "n", "P", "P", "P", "n")
        await settle(pilot)
        assert app.editor.session.meeting.current == 1
        assert app.screen.sections.current_key == "contributing_factors"
        assert app.focused is app.screen.query_one("#table-factors")


async def test_a_screen_whose_focus_went_does_not_hold_the_next_key(tmp_path):
    """Drafting's team sections part has nothing to focus without a template: the parts list
    takes the keys, and a screen that lost its focus (a click on the background) still runs
    the next key at once (it used to wait two seconds for a dialog that never came)."""
    import time

    app = make_app(tmp_path, start_mode="drafting")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.screen.show_part("team_sections", focus_editor=True)
        await settle(pilot)
        assert app.focused is app.screen.query_one("#parts-nav")
        app.screen.set_focus(None)
        start = time.monotonic()
        burst(app, "alt+down")
        await settle(pilot)
        assert app.screen.current_part == "supporting"
        assert time.monotonic() - start < 1.5


async def test_a_long_meeting_leaves_no_old_footer_keys_behind(tmp_path):
    """Every focus move rebuilds the footer's keys; the old ones must go (Textual kept them
    all, textual#6666), or a two-hour meeting grows the heap and the collector's pauses."""
    import gc

    from textual.widget import Widget

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(6):
            burst(app, "tab")
            await pilot.pause()
        await settle(pilot)
        gc.collect()
        removed = [o for o in gc.get_objects() if isinstance(o, Widget) and not o.is_attached]
        assert len(removed) < 10, removed


async def test_a_screen_mounts_only_the_sections_it_has_shown(tmp_path):
    """Drafting mounted an empty pane for each of its 19 parts at start, and the meeting one
    for each section: two thirds of the widgets, styled and laid out for nothing."""
    app = make_app(tmp_path, start_mode="drafting")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        parts = app.screen.parts
        assert [pane.id for pane in parts.children] == ["pane-metadata"]
        await typed(pilot, "f2")
        sections = app.screen.sections
        assert [pane.id for pane in sections.children] == ["pane-timeline_review"]
        # a section asked for twice at once (two keys before it is up) is built once
        await asyncio.gather(sections.show("went_well"), sections.show("went_well"))
        assert [pane.id for pane in sections.children] == [
            "pane-timeline_review",
            "pane-went_well",
        ]
        assert len(sections.pane("went_well").children) == 1


async def test_views_stay_where_the_facilitator_put_them(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        await typed(pilot, "2")  # the 5 whys tab
        tree = app.screen.query_one("#whys-tree")
        assert app.focused is tree
        tree.cursor_line = 3
        await typed(pilot, "e")
        await typed(pilot, "escape")  # cancelled dialog
        await settle(pilot)
        assert tree.cursor_line == 3
        await typed(pilot, "d")  # delete a step (the cursor goes up a step), then undo it
        await settle(pilot)
        line = tree.cursor_line
        await typed(pilot, "ctrl+z")
        await settle(pilot)
        app.autosave()
        app.recheck()
        await settle(pilot)
        tabs = app.screen.section_tabs()
        assert tabs.current_key == "whys" and app.focused is tree
        assert tree.cursor_line == line
        await typed(pilot, "a")  # and `a` adds a why, not a factor
        await settle(pilot)
        assert app.screen.query_one("#f-why")


async def test_got_lucky_tab_stays_after_a_dialog(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 3)
        await typed(pilot, "2", "a", "Quiet night", "enter")
        await settle(pilot)
        assert app.screen.section_tabs().current_key == "got_lucky"
        assert app.focused is app.screen.query_one("#table-got_lucky")
        assert app.editor.session.got_lucky[-1].text == "Quiet night"


async def test_the_fishbone_diagram_keeps_the_keys_in_the_editor(tmp_path):
    """`v` hides the tree for the diagram: the editor keeps the focus (a hidden tree lost it,
    and letters then ran as meeting commands: a `C` closed the meeting); `v` again gives the
    tree back. A stray `C` before the last section asks first."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        await typed(pilot, "3", "v")
        fishbone = app.screen.query_one("#fishbone")
        assert fishbone.diagram_only and app.focused is fishbone
        await typed(pilot, "C")
        assert isinstance(app.screen, Confirm)
        await typed(pilot, "n")
        assert app.editor.session.meeting.notes == ""
        await typed(pilot, "v")
        assert app.focused is app.screen.query_one("#fishbone-tree")


async def test_the_diagram_key_and_a_tab_key_typed_together_leave_the_keys_in_the_tab_shown(
    tmp_path,
):
    """ "v 2" in one burst left the keys in the hidden fishbone (the focus `v` moved came
    after the `2`), or with nothing at all; while the diagram fills the editor, its keys
    don't edit the hidden tree."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        await typed(pilot, "3", "v", "2")  # diagram on, then the 5 whys
        assert app.focused is app.screen.query_one("#whys-tree")
        await typed(pilot, "3", "v", "2")  # diagram off, then the 5 whys
        assert app.focused is app.screen.query_one("#whys-tree")
        await typed(pilot, "3", "v", "d", "a")
        fishbone = app.screen.query_one("#fishbone")
        assert fishbone.diagram_only and app.focused is fishbone
        assert not isinstance(app.screen, FormDialog)  # `a` added nothing to the hidden tree
        keys = {key.key for key in footer_keys(app)}
        assert "v" in keys and not keys & {"a", "d", "enter"}
        assert not app.editor.can_undo  # `d` deleted nothing either
        # Filling the editor, the diagram shows every word (it cut "Cognitive load during …").
        drawn = str(app.screen.query_one("#fishbone-diagram").render())
        assert "…" not in drawn and "looked noisy" in drawn


async def test_every_section_editor_has_a_key_and_a_palette_entry(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        for key, tab, widget in (
            ("3", "fishbone", "#fishbone-tree"),
            ("1", "factors", "#table-factors"),
        ):
            await typed(pilot, key)
            assert app.screen.section_tabs().current_key == tab
            assert app.focused is app.screen.query_one(widget)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Show Factors", "Show 5 whys", "Show Fishbone"} <= set(titles)
        assert "Agenda: planned minutes and order" in titles
        assert titles.count("Keys") == 0 and titles.count("Help: every key") == 1
        assert "Contributing factors: Add" in titles  # the editor in use, key by key
        # each command once: the screen's own keys came back as "Meeting mode: Next section"
        # beside "Next section", and the tabs' as "Section tabs: Tab 1" beside "Show Factors"
        assert len(titles) == len(set(titles))
        assert not [t for t in titles if t.startswith(("Meeting mode:", "Section tabs:"))]
        from pmtui.commands import help_groups

        where = [group[0].removeprefix("Here: ") for group in help_groups(app)]
        assert len(where) == len(set(where)), where  # F1 lists each place once
        # and says what a key does: "1 Tab 1" and "d / del  Del" said nothing (a tryout)
        described = {b.description for _t, _d, keys in help_groups(app) for b in keys}
        assert "First tab" in described and not {"Tab 1", "Tab 2"} & described
        tips = {
            b.tooltip for _t, _d, keys in help_groups(app) for b in keys if b.action == "delete"
        }
        assert tips == {"Delete the selection (ctrl+z undoes it)"}


async def test_every_editor_is_readable_at_80x24(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        await typed(pilot, "2")
        await pilot.pause()
        tree = app.screen.query_one("#whys-tree")
        assert tree.size.height >= 8 and tree.last_line >= 7  # the problem and 7 steps
        await typed(pilot, "3")
        await pilot.pause()
        fish = app.screen.query_one("#fishbone-tree")
        categories = [fish.get_node_at_line(i) for i in range(fish.size.height)]
        names = [n.label.plain.split()[0] for n in categories if n is not None and len(n.data) == 1]
        assert names == ["PEOPLE", "PROCESS", "TECHNOLOGY", "ENVIRONMENT"]
        assert fish.last_line < fish.size.height  # every cause in view
        assert app.screen.query_one("#findings").size.height == 1  # quiet when idle
        await typed(pilot, "1", "enter")  # the edit form fits, its save key in view
        await pilot.pause()
        buttons = app.screen.query_one("#form-buttons")
        assert 0 < buttons.region.bottom <= 24 and buttons.region.y > 2


@pytest.mark.parametrize("width", [80, 160])
def test_tables_fit_the_width_and_never_cut_a_date(width):
    from screens.parts.context import PartContext
    from screens.parts.lists import action_items
    from sessions.editing import SessionEditor
    from sessions.example import example_session

    panel = action_items(PartContext(SessionEditor(example_session())))
    fitted = dict((c.label, w) for c, w in fit_columns(panel.table.columns, width - 3))
    assert fitted["Due"] == 10 and fitted["Owner"] >= 10 and fitted["Action"] >= 30
    assert sum(fitted.values()) + len(fitted) - 1 <= width - 3
    if width == 160:
        assert {"Status", "Addresses"} <= set(fitted)


async def test_an_ordinary_event_shows_in_full_at_160_columns(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#timeline-table")
        width = dict((c.label, w) for c, w in fit_columns(table.columns, table.size.width))
        longest = max(len(e.event) for e in app.editor.session.timeline)
        assert width["Event"] >= longest
        assert table.virtual_size.width <= table.size.width  # nothing to scroll sideways


async def test_the_file_only_changes_when_the_session_does(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    path = tmp_path / "incident.toml"
    captions = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.watch(app, "sub_title", lambda caption: captions.append(caption))
        await typed(pilot, "s")
        await settle(pilot)
        written = path.read_bytes()
        for _ in range(50):  # 50 seconds of meeting, ticking
            clock.advance(seconds=1)
            app.screen.tick()
        await settle(pilot)
        assert path.read_bytes() == written  # nothing to save yet
        clock.advance(seconds=15)
        app.screen.tick()  # a minute in: the minutes are saved once
        await settle(pilot)
        assert path.read_bytes() != written
        await typed(pilot, "s")
        await settle(pilot)
    saved = load(path)
    assert saved.meeting.agenda[0].spent_seconds == 65
    assert "spent_seconds = 65\n" in path.read_text()
    assert not any("unsaved" in caption for caption in captions)  # no flicker


async def test_an_edit_in_the_table_lays_out_its_detail_line_once(tmp_path):
    """A delete announced the cursor's row three times (the cursor's move, the edit, and the
    timeline's redraw of its table), and each announcement set the detail line again, which
    lays the whole screen out: three layouts, and their frames, for one key."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail = app.screen.query_one("#pane-timeline_review .record-detail")
        table = app.screen.query_one("#pane-timeline_review RecordTable")
        table.go_to(len(table.items) - 1)  # the last row: the cursor moves up as it goes
        await settle(pilot)
        updates = []
        update = detail.update
        detail.update = lambda content: updates.append(content) or update(content)
        count = len(table.items)
        await typed(pilot, "d")
        assert len(table.items) == count - 1 and table.cursor == count - 2
        assert len(updates) == 1
        assert shown(detail).startswith("Time")
        await typed(pilot, "up", "up")
        assert len(updates) == 3  # a move still shows the row reached


async def test_small_things_a_facilitator_hits(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.focused is app.screen.query_one("#timeline-table")  # not the guardrails
        await typed(pilot, "x")  # x is not "+5 min"
        assert app.editor.session.meeting.agenda[0].planned_minutes == 20
        await typed(pilot, "a")
        await typed(pilot, "escape")  # an untouched form closes without asking
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog | Confirm)
        end = app.timer.projected_end()
        await typed(pilot, "n", "P", "n", "P")
        assert app.timer.projected_end() == end  # "ends ~" holds still
        await typed(pilot, "g")
        assert isinstance(app.screen, AgendaDialog)
        await typed(pilot, "ctrl+down")
        await typed(pilot, "escape")
        await settle(pilot)
        await typed(pilot, "ctrl+z")
        assert any("Undone: agenda section moved" in n for n in app.notified)
        assert app.editor.session.meeting.agenda[0].title == "Timeline review"
        await typed(pilot, "s")
        clock.advance(minutes=5)
        await typed(pilot, "s")
        clock.advance(minutes=20)  # a long discussion with the timer paused
        app.screen.tick()
        assert "late" in shown(app.screen.query_one("#agenda-bar"))
        await typed(pilot, "t")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)  # trimming acts on the projected end


async def test_help_names_places_and_keys_as_people_read_them(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        await typed(pilot, "3", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        groups = [where for where, _about, _keys in app.screen.groups]
        assert groups[0] == "Here: Fishbone"
        assert not any("RecordTable" in g or "FormDialog" in g for g in groups)
        help_screen = app.screen
        keys = [k for _w, _a, keys in help_screen.groups for k, _ in help_screen.key_rows(keys)]
        assert "[" in keys and not any("square_bracket" in k for k in keys)
        await typed(pilot, "escape", "f3", "ctrl+g", "f1")  # the parts list says what it is
        assert app.screen.groups[0][0] == "Here: Parts list (↑ ↓ show a part)"


async def test_an_untitled_session_says_so_once(tmp_path):
    app = make_app(tmp_path, Session(), name="cert.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.title == "cert.toml (untitled)"
        assert app.sub_title.rstrip() == "saved ✓"


async def test_findings_show_where_the_team_acts_on_them(tmp_path, example):
    example.action_items = [a for a in example.action_items if "F2" not in a.addresses]
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        panel = app.screen.query_one("#findings")
        assert not any(f.rule.id == "DP004" for f in panel.findings)  # not while on factors
        await go_to_section(app, 4)
        assert any(f.rule.id == "DP004" for f in panel.findings)


async def test_the_timeline_offers_the_date_and_the_duration(tmp_path, example):
    example.metadata.date = None
    example.impact.user.duration_minutes = None
    app = make_app(tmp_path, example, start_mode="drafting")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert "timeline: 2025-01-15" in shown(app.screen.query_one("#metadata-form"))
        await app.screen.show_part("impact", focus_editor=True)
        assert "timeline: 38" in shown(app.screen.query_one("#impact-form"))
        await typed(pilot, "enter")
        await pilot.pause()
        assert app.screen.query_one("#f-duration_minutes").value == "38"
        await typed(pilot, "ctrl+s")
        await settle(pilot)
        assert app.editor.session.impact.user.duration_minutes == 38


async def test_after_no_to_discard_the_next_keys_reach_the_form_at_once(tmp_path):
    """Escape with text typed asks; "n" goes back to the form, and what is typed next lands
    there at once (it waited two seconds for the form's worker, which waits on the form)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "a", "1", "4", "escape")
        assert isinstance(app.screen, Confirm)
        start = time.monotonic()
        burst(app, "n", ":", "0", "5")
        typed_in = lambda: str(getattr(app.focused, "value", "")) == "14:05"  # noqa: E731
        assert await eventually(pilot, typed_in, seconds=3)
        assert time.monotonic() - start < 1.0
        assert isinstance(app.screen, FormDialog)


async def test_a_section_of_text_lets_go_of_the_keys_on_escape(tmp_path):
    """The review meeting's summary is all text: n, + and s went into it, the footer offered
    "+ +5 min" all the same, and nothing led out (a tryout). Escape stops typing; Enter
    goes back to it."""
    from sessions.agendas import MeetingConfig
    from sessions.models import Session

    session = Session()
    session.meeting.agenda = MeetingConfig().new_agenda("review")
    app = make_app(tmp_path, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 1)  # "Author presents the summary"
        await typed(pilot, "Presented. Then n+")
        assert app.editor.session.summary == "Presented. Then n+"
        assert "+5 min" not in footer_line(app)  # "+" is text here: not offered as a key
        await typed(pilot, "escape", "plus", "n")
        assert app.editor.session.summary == "Presented. Then n+"
        assert app.timer.index == 2 and app.editor.session.meeting.agenda[1].planned_minutes == 10
        await typed(pilot, "P", " More.")  # back: arriving, one types again
        assert app.editor.session.summary == "Presented. Then n+ More."
        await typed(pilot, "escape", "enter", " Done.")  # Enter goes back to typing too
        assert app.editor.session.summary == "Presented. Then n+ More. Done."


async def test_keys_typed_before_a_question_showed_wait_for_its_answer(tmp_path):
    """Escape over a typed form, then the next event typed blind: "Discard what you typed?"
    took the n of "done" as its answer, and the rest went into the form kept (a tryout).
    They wait for the answer now, then go on; "Escape y" still answers at once."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        count = len(app.editor.session.timeline)
        await typed(pilot, "a", "14:40", "escape", "a", "14:41", "tab", "Postcheck done", "enter")
        assert isinstance(app.screen, Confirm)  # asked, and not answered by "done"
        await typed(pilot, "y")  # discarded; then the keys typed meanwhile
        events = [e.event for e in app.editor.session.timeline]
        assert len(events) == count + 1 and "Postcheck done" in events
        assert not isinstance(app.screen, FormDialog | Confirm)
        await typed(pilot, "a", "14:50", "escape", "y", "a", "14:51", "tab", "Paged", "enter")
        assert [e.event for e in app.editor.session.timeline].count("Paged") == 1
        assert not isinstance(app.screen, FormDialog | Confirm)


async def test_parked_keys_go_on_however_the_question_is_answered(tmp_path):
    """A click answered the question, and the keys typed before it waited for some later
    key to replay them, wherever the focus was then; a second question's keys replaced
    the first's (a review)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        count = len(app.editor.session.timeline)
        await typed(pilot, "a", "14:40", "escape", "a", "14:41", "tab", "Clicked on", "enter")
        assert isinstance(app.screen, Confirm)
        await pilot.click("#yes")
        assert await eventually(pilot, lambda: len(app.editor.session.timeline) == count + 1)
        await typed(pilot, "a", "14:50", "escape", "a", "14:51", "tab", "Asked twice", "enter")
        first = app.screen
        app.push_screen(Confirm("Another question?"))  # say, the file changed on disk
        await settle(pilot)
        await typed(pilot, "x")  # typed before that one showed: parked too, after the rest
        await typed(pilot, "n")  # the second question, answered
        assert app.screen is first
        await typed(pilot, "y")
        assert await eventually(pilot, lambda: len(app.editor.session.timeline) == count + 2)
        assert "Asked twice" in [e.event for e in app.editor.session.timeline]


async def test_ctrl_q_then_an_answer_typed_fast_over_a_form_answers_the_quit(tmp_path):
    """ctrl+q runs over a dialog, yet the keys after it were not held: the y went into
    the form, and the question stayed open (a review)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await typed(pilot, "a", "14:40", "tab", "Something", "ctrl+q", "n")
        assert isinstance(app.screen, FormDialog)  # kept: "n" answered, it was not typed
        assert app.screen.query_one("#f-event").value == "Something"


async def test_escape_in_a_forms_text_of_several_lines_cancels_the_form(tmp_path):
    """Escape stops typing in a text field of the document; in a form's own it is the
    form's Escape (it did nothing there: a review)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 4)  # action items
        await typed(pilot, "a")
        app.screen.query_one("#f-rationale").focus()
        await typed(pilot, "escape")
        assert not isinstance(app.screen, FormDialog)  # nothing typed: closed at once


async def test_pasted_log_lines_are_asked_about_before_they_go(tmp_path):
    """Escape, or ctrl+q, over pasted log lines dropped them unasked (a review)."""
    from widgets.paste_logs import PasteLogsDialog

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "v")
        assert isinstance(app.screen, PasteLogsDialog)
        app.screen.query_one("#paste-area").load_text("2025-01-15 14:05 pool exhausted")
        await typed(pilot, "escape")
        assert app.screen.question == "Discard the pasted lines?"
        await typed(pilot, "n", "ctrl+q")
        assert app.screen.question == "Quit, and lose what you typed?"
        await typed(pilot, "n")
        assert isinstance(app.screen, PasteLogsDialog)
