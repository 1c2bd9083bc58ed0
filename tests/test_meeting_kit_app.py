"""The facilitator's kit through the real app, on a fake clock: the opening, the parking lot,
the close and the agenda presets. State is set directly; only the keys under test are pressed
(typing is posted at once, as a terminal sends it)."""

import http.client
import re
from urllib.parse import urlsplit

from textual.widgets import Digits

from screens.agenda_dialog import AgendaDialog
from screens.close import CloseScreen
from sessions import load, to_markdown
from sessions.agendas import MeetingConfig
from sessions.close import END, write_summary
from sessions.models import Attendee, IdeaStatus, Role, SectionKind
from sessions.parking import park
from tests.app_helpers import FakeClock, burst, go_to_section, make_app, settle, shown, typed
from widgets.agenda_bar import AgendaBar
from widgets.confirm import ChoiceDialog
from widgets.countdown import Countdown
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited


def with_opening(session):
    session.meeting.agenda = MeetingConfig().new_agenda()
    return session


async def test_the_opening_sets_the_stage_and_fills_a_missing_role(tmp_path, example):
    app = make_app(tmp_path, with_opening(example))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.editor.session.meeting.agenda[0].kind is SectionKind.OPENING
        view = app.screen.query_one("#opening")
        assert app.focused is view
        reminder = view.query_one("#opening-rule").content
        assert " ".join(reminder.lines) == "We focus on what happened and how, not who."
        assert "did the best job they could" in shown(view.query_one("#opening-directive"))
        facts = shown(view.query_one("#opening-facts"))
        assert "INC-4211 · SEV2 · 2025-01-15" in facts and "= 83 min" in facts
        assert "✓ Facilitator Priya Raman" in facts and "○ Note-taker (suggested)" in facts
        assert "✓ Responders Tom Okafor, Jonas Berg" in facts
        burst(app, "a", "Lena", "tab", "note", "enter")
        await settle(pilot)
        assert app.editor.session.meeting.attendees[-1] == Attendee(
            name="Lena", role=Role.NOTE_TAKER
        )
        assert "✓ Note-taker Lena" in shown(view.query_one("#opening-facts"))
        assert app.focused is view  # back where the facilitator was


async def test_the_opening_names_everyone_here_and_keeps_its_keys_in_view(tmp_path, example):
    """A team representative and a manager were not shown at all, and with a dozen attendees
    the line of keys scrolled out of view at 80×24 (a tryout)."""
    example.meeting.attendees += [
        Attendee(name="Dana Levi", role=Role.TEAM_REPRESENTATIVE),
        Attendee(name="Eli Novak", role=Role.MANAGEMENT),
    ] + [Attendee(name=f"Responder {n}", role=Role.RESPONDER) for n in range(8)]
    app = make_app(tmp_path, with_opening(example))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.screen.query_one("#opening")
        facts = shown(view.query_one("#opening-facts"))
        assert "Dana Levi (team representative), Eli Novak (management)" in facts
        assert re.search(r"✓ Facilitator Priya Raman *\n", facts)  # a role a line
        hint = view.query_one("#opening-hint")
        assert view.max_scroll_y > 0  # the stage is taller than the screen
        assert hint.region.bottom <= view.region.bottom and hint.region.height == 1
        view.scroll_end(animate=False)
        await settle(pilot)
        assert hint.region.bottom <= view.region.bottom


async def test_roles_typed_as_the_roles_check_writes_them(tmp_path, example):
    """The roles check says "Note-taker"; a fast typist types it so, entry after entry. The
    form refused the hyphen, stayed open, and the next entries went into it and were lost."""
    app = make_app(tmp_path, with_opening(example))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "a", "Omar Haddad", "tab", "note-taker", "enter")
        burst(app, "a", "Dana Kim", "tab", "service owner", "enter")
        await settle(pilot)
        added = app.editor.session.meeting.attendees[-2:]
        assert added == [
            Attendee(name="Omar Haddad", role=Role.NOTE_TAKER),
            Attendee(name="Dana Kim", role=Role.SERVICE_OWNER),
        ]


async def test_back_to_the_opening_of_a_meeting_reopened_past_it(tmp_path, example):
    """A meeting saved in its second section reopens there; `P` builds the opening while the
    section change redraws the views (the half-built opening was redrawn, and the app died)."""
    session = with_opening(example)
    session.meeting.current = 1
    app = make_app(tmp_path, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "P")
        await settle(pilot)
        assert app.screen.sections.current_key == "opening"
        assert "Roles" in shown(app.screen.query_one("#opening-facts"))


async def test_an_idea_is_parked_from_the_timeline_without_leaving_it(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.focused
        table.cursor = 3
        burst(app, "i", "Add a TLS expiry monitor", "tab", "Tom Okafor", "enter")
        await settle(pilot)
        parked = app.editor.session.meeting.parking_lot
        assert [(i.idea, i.raised_by, i.section) for i in parked] == [
            ("Add a TLS expiry monitor", "Tom Okafor", "Timeline review")
        ]
        assert app.editor.session.meeting.current == 0
        assert app.focused is table and table.cursor == 3
        assert any("Parked for the action items (1 waiting" in n for n in app.notified)
        assert load(tmp_path / "incident.toml").meeting.parking_lot == parked
        await typed(pilot, "ctrl+z")
        assert app.editor.session.meeting.parking_lot == []


async def test_parked_ideas_become_action_items_or_are_dropped(tmp_path, example):
    park(example.meeting, "Add a TLS expiry monitor", "Tom Okafor", "Timeline review")
    park(example.meeting, "Rewrite the pool in Rust", "Jonas Berg", "Contributing factors")
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 4)
        lot = app.screen.query_one("#parking-lot")
        assert lot.display
        table = app.screen.query_one("#table-parking_lot")
        app.screen.set_focus(table)
        await typed(pilot, "enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        assert form.query_one("#f-action").value == "Add a TLS expiry monitor"  # prefilled
        form.query_one("#f-owner").value = "Ana Silva"
        form.query_one("#f-due").value = "2025-01-31"
        await typed(pilot, "ctrl+s")
        await settle(pilot)
        session = app.editor.session
        item = session.action_items[-1]
        assert (item.id, item.action, item.owner) == (6, "Add a TLS expiry monitor", "Ana Silva")
        assert session.meeting.parking_lot[0].status is IdeaStatus.ACTION
        assert session.meeting.parking_lot[0].action_id == 6
        actions = app.screen.query_one("#table-action_items")
        assert len(actions.items) == 6  # redrawn
        # The new item is shown, highlighted and in use: a adds the next action item.
        assert app.focused is actions and actions.current is item
        # One action, one undo: the item goes and the idea is open again (after one ctrl+z
        # the item had stayed, and turning the idea again made a second one: a tryout).
        await typed(pilot, "ctrl+z")
        assert len(session.action_items) == 5 and len(actions.items) == 5
        assert session.meeting.parking_lot[0].status is IdeaStatus.OPEN
        assert app.notified[-1] == "Undone: parked idea made action item 6"
        await typed(pilot, "ctrl+y")
        assert session.action_items[-1].id == 6 and len(actions.items) == 6
        assert session.meeting.parking_lot[0].action_id == 6
        app.screen.set_focus(table)
        table.cursor = 1
        burst(app, "x", "Out of scope", "enter")
        await settle(pilot)
        dropped = session.meeting.parking_lot[1]
        assert (dropped.status, dropped.reason) == (IdeaStatus.DROPPED, "Out of scope")
        assert app.focused is table
    assert "### Parking Lot" not in to_markdown(load(tmp_path / "incident.toml"))


async def test_the_close_summary_follows_an_undo_and_a_redo_after_the_close(tmp_path, example):
    """An owner set after the close, then undone, stayed in the summary: the document's
    action items said no owner and its meeting notes named one."""
    example.action_items[0] = example.action_items[0].model_copy(update={"owner": ""})
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        write_summary(app.editor, app.context.today)  # closed
        with app.editor.edit("action_items", "owner set") as session:
            session.action_items[0] = session.action_items[0].model_copy(
                update={"owner": "Omar Haddad"}
            )
        app.screen.post_message(SessionEdited("action_items", "owner set"))
        await settle(pilot)
        assert "Omar Haddad" in app.editor.session.meeting.notes
        await typed(pilot, "ctrl+z")
        assert "Omar Haddad" not in app.editor.session.meeting.notes
        assert "Without an owner or a due date" in app.editor.session.meeting.notes
        await typed(pilot, "ctrl+y")
        assert "Omar Haddad" in app.editor.session.meeting.notes


async def test_the_close_at_the_end_of_the_agenda_writes_the_summary_once(tmp_path, example):
    park(example.meeting, "Add a TLS expiry monitor", "Tom Okafor", "Timeline review")
    example.action_items[1] = example.action_items[1].model_copy(update={"owner": ""})
    example.meeting.notes = "Notes from the room."
    clock = FakeClock()
    app = make_app(tmp_path, example, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 4)
        await typed(pilot, "s")
        # the bar says what n does here (at 80 columns the footer has no room for C)
        where = shown(app.screen.query_one(AgendaBar)).split("\n")[0]
        assert where.endswith("Action items   next: the close (n)")
        clock.advance(minutes=17)
        await typed(pilot, "n")  # past the last section: the close
        await settle(pilot)
        assert isinstance(app.screen, CloseScreen)
        assert not app.timer.running
        left = shown(app.screen.query_one("#close-left"))
        assert "Without an owner or a due date (1): 2" in left
        assert "Parked ideas left (1): Add a TLS expiry monitor" in left
        assert "draft 2025-01-17 (passed)" in left and "review 2025-01-22" in left
        assert "Next deadlines: action " in left  # the open items' due dates, soonest first
        assert "+2:00" in shown(app.screen.query_one("#close-time"))
        notes = app.editor.session.meeting.notes
        assert notes.startswith("Notes from the room.\n\n### Close of the meeting (2025-01-20)")
        await typed(pilot, "escape", "C")  # closing again rewrites the summary
        await settle(pilot)
        assert isinstance(app.screen, CloseScreen)
        assert app.editor.session.meeting.notes.count(END) == 1
        # Changed after the close, what the summary reports follows (it kept asking for
        # the incident date once it was set): the date of the close stays.
        app.editor.session.action_items[0] = app.editor.session.action_items[0].model_copy(
            update={"owner": "Lena Ortiz"}
        )
        app.screen.post_message(SessionEdited("action_items", "owner set"))
        await settle(pilot)
        notes = app.editor.session.meeting.notes
        assert "### Close of the meeting (2025-01-20)" in notes and "Lena Ortiz" in notes
        assert notes.count(END) == 1
        await typed(pilot, "escape")  # back to the meeting: it says it is closed
        where, bar = shown(app.screen.query_one(AgendaBar)).split("\n")[:2]
        assert bar.startswith("■ closed 2025-01-20 · total ") and "meeting ends" not in bar
        assert "next:" not in where  # the close is behind it, not next
        # the big clock tells the meeting's length too, not the last section's overtime
        countdown = app.screen.query_one(Countdown)
        total = bar.removeprefix("■ closed 2025-01-20 · total ").split("/")[0]
        assert countdown.query_one(Digits).value == total
        assert countdown.has_class("-closed") and not countdown.has_class("-overtime")
        await typed(pilot, "s")  # resumed: the clock runs again
        assert "closed" not in shown(app.screen.query_one(AgendaBar))
        assert countdown.query_one(Digits).value == "+2:00"
        assert countdown.has_class("-overtime") and not countdown.has_class("-closed")
        clock.advance(minutes=2)
        await typed(pilot, "s")  # paused again, after the close: paused, not closed
        bar = shown(app.screen.query_one(AgendaBar))
        assert "⏸ paused" in bar and "closed" not in bar
    saved = load(tmp_path / "incident.toml")
    assert saved.meeting.notes.count("### Close of the meeting") == 1
    assert "| Action items | 15 min | 17:00 | +2:00 |" in saved.meeting.notes
    assert "| **Total** | **80 min** | **17:00** | −63:00 |" in saved.meeting.notes
    # Resumed after its close, the meeting is not closed: the export does not say it was,
    # and keeps the summary as the notes have it (sessions/close_block.without_summary).
    exported = to_markdown(saved)
    assert "**Meeting closed**" not in exported and "### Close of the meeting" in exported


async def test_a_preset_replaces_the_agenda_from_the_agenda_editor(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 2)
        await typed(pilot, "g")
        await settle(pilot)
        assert isinstance(app.screen, AgendaDialog)
        await typed(pilot, "p")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await typed(pilot, "3")  # the review meeting
        await settle(pilot)
        agenda = app.editor.session.meeting.agenda
        assert [s.planned_minutes for s in agenda] == [3, 5, 15, 10]
        assert agenda[1].kind is SectionKind.SUMMARY
        assert app.screen.query_one("#table-agenda").items == agenda
        await typed(pilot, "escape")
        await settle(pilot)
        assert app.screen.sections.current_key == "opening"
        assert load(tmp_path / "incident.toml").meeting.agenda[0].title == "Set the stage"
        await typed(pilot, "ctrl+z")  # the agenda back, and the section it was on (not 1/5)
        assert len(app.editor.session.meeting.agenda) == 5 and app.timer.index == 2
        await settle(pilot)
        assert app.screen.sections.current_key == "went_well"


async def test_f6_shares_the_session_until_stopped(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "f6")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await typed(pilot, "l")  # this machine only
        for _ in range(200):
            await pilot.pause(0.05)
            if app.sharing.url:
                break
        url = urlsplit(app.sharing.url)
        assert url.hostname == "127.0.0.1" and any(app.sharing.url in n for n in app.notified)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
        connection.request("GET", "/state")
        assert b"Checkout errors" in connection.getresponse().read()
        connection.close()
        process = app.sharing.process
        await typed(pilot, "f6", "s")  # again: stop sharing
        await settle(pilot)
        assert not app.sharing.running and process.poll() is not None
