"""Drafting mode and the never-lose-work promises, through the real app."""

import datetime as dt
import os

from textual.widgets import MarkdownViewer, TextArea

from screens.help import HelpScreen
from screens.parts import PARTS
from screens.preview import PreviewScreen
from sessions import load, save
from sessions.models import ActionItem, Session
from tests.app_helpers import make_app, settle, shown
from widgets.confirm import ChoiceDialog
from widgets.form_dialog import FormDialog

HOSTILE = "[bold red]boom[/] | `tick` [link=x]y[/link] 🔥 \x07"


def drafting(tmp_path, session=None, **kw):
    return make_app(tmp_path, session, start_mode="drafting", **kw)


async def goto(pilot, key):
    pilot.app.screen.show_part(key, focus_editor=True)
    await settle(pilot)


async def test_every_part_is_one_key_away(tmp_path):
    app = drafting(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = [app.screen.current_part]
        for _ in PARTS[1:]:
            await pilot.press("alt+down")
            await pilot.pause()
            seen.append(app.screen.current_part)
        assert seen == [part.key for part in PARTS]
        await pilot.press("alt+up")
        assert app.screen.current_part == PARTS[-2].key


async def test_metadata_form_validates_as_you_type_and_keeps_the_text(tmp_path):
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(100, 40)) as pilot:
        await goto(pilot, "metadata")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*HOSTILE.replace("\x07", ""), "tab", *"INC-77", "tab", *"2025-02-30")
        await pilot.pause()
        error = shown(app.screen.query_one("#e-date"))
        assert "YYYY-MM-DD" in error
        await pilot.press("ctrl+s")  # refused: the form stays, nothing typed is lost
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-date").value == "2025-02-30"
        await pilot.press("backspace", "backspace", "2", "8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        meta = app.session.metadata
        assert meta.title == HOSTILE.replace("\x07", "").strip()
        assert (meta.incident_id, meta.date) == ("INC-77", dt.date(2025, 2, 28))
        assert "[bold red]boom[/]" in shown(app.screen.query_one("#metadata-form"))
    assert load(tmp_path / "incident.toml").metadata.incident_id == "INC-77"


async def test_typing_the_summary_autosaves(tmp_path):
    app = drafting(tmp_path, Session())
    async with app.run_test() as pilot:
        await goto(pilot, "summary")
        await pilot.press(*"Checkout failed [30m]")
        await settle(pilot)
        assert load(tmp_path / "incident.toml").summary == "Checkout failed [30m]"
        assert not app.dirty and "saved" in app.sub_title


async def test_timeline_add_in_utc_or_with_offset(tmp_path):
    session = Session()
    session.metadata.date = dt.date(2025, 1, 15)
    app = drafting(tmp_path, session)
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(pilot, "timeline")
        await pilot.press("a", *"14:05", "tab", *"Alert | fired [x]", "ctrl+s")
        await settle(pilot)
        await pilot.press("a", *"2025-01-15 16:30+02:00", "tab", *"Paged", "ctrl+s")
        await settle(pilot)
        await pilot.press("a", *"25:99", "tab", *"Bad")
        await pilot.pause()
        assert "not a real time" in shown(app.screen.query_one("#e-time"))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard what was typed
        await settle(pilot)
        times = [e.time for e in app.session.timeline]
        assert times == [
            dt.datetime(2025, 1, 15, 14, 5, tzinfo=dt.UTC),
            dt.datetime(2025, 1, 15, 14, 30, tzinfo=dt.UTC),
        ]
        assert app.session.timeline[0].event == "Alert | fired [x]"


async def test_pasting_log_lines_creates_events_and_undo_removes_them(tmp_path):
    session = Session()
    session.metadata.date = dt.date(2025, 1, 15)
    app = drafting(tmp_path, session)
    logs = (
        "2025-01-15 14:05:23 ERROR Database connection timeout after 30s\n"
        "not a log line\n"
        "2025-01-15T14:05:24Z ERROR Connection pool exhausted: 50/50 active\n"
        "Jan 15 14:06:00 host app[12]: [warn] retrying\n"
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(pilot, "timeline")
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one(TextArea).load_text(logs)
        await pilot.press("ctrl+s")
        await settle(pilot)
        events = app.session.timeline
        assert [e.time.strftime("%H:%M:%S") for e in events] == ["14:05:23", "14:05:24", "14:06:00"]
        assert events[0].event == "ERROR Database connection timeout after 30s"
        assert events[2].evidence.startswith("Jan 15 14:06:00")
        assert any("skipped" in n.message for n in app._notifications)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.timeline == []


async def test_action_items_add_delete_undo(tmp_path):
    app = drafting(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "action_items")
        count = len(app.session.action_items)
        await pilot.press("a", *"Add alert for pool > 80%", "ctrl+s")
        await settle(pilot)
        assert len(app.session.action_items) == count + 1
        assert app.session.action_items[-1].id == count + 1
        await pilot.press("d")
        await settle(pilot)
        assert len(app.session.action_items) == count
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.action_items[-1].action == "Add alert for pool > 80%"
    assert len(load(tmp_path / "incident.toml").action_items) == count + 1


async def test_lists_and_text_parts_are_editable(tmp_path):
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(120, 40)) as pilot:
        for part, table, keys in [
            ("factors", "#table-factors", ["a", *"No timeout", "ctrl+s"]),
            ("went_well", "#table-went_well", ["a", *"Detection", "tab", *"Fast", "ctrl+s"]),
            ("went_poorly", "#table-went_poorly", ["a", "tab", *"Slow rollback", "ctrl+s"]),
            ("got_lucky", "#table-got_lucky", ["a", "tab", *"Business hours", "ctrl+s"]),
            ("lessons", "#table-recommendations", ["a", *"Audit runbooks", "ctrl+s"]),
            ("appendix", "#table-glossary", ["a", *"Pool", "tab", *"Connections", "ctrl+s"]),
            ("supporting", "#table-related", ["a", *"INC-1", "ctrl+s"]),
        ]:
            await goto(pilot, part)
            app.screen.query_one(table).focus()
            await pilot.press(*keys)
            await settle(pilot)
        await goto(pilot, "impact")
        await pilot.press("enter", *"45", "ctrl+s")
        await settle(pilot)
        await goto(pilot, "root_cause")
        await pilot.press(*"The pool ran dry")
        await settle(pilot)
    saved = load(tmp_path / "incident.toml")
    assert saved.factors[0].id == "F1" and saved.factors[0].factor == "No timeout"
    assert saved.went_well[0].area == "Detection" and saved.went_well[0].text == "Fast"
    assert saved.went_poorly[0].text == "Slow rollback"
    assert saved.got_lucky[0].text == "Business hours"
    assert saved.lessons.recommendations == ["Audit runbooks"]
    assert saved.appendix.glossary[0].term == "Pool"
    assert saved.supporting.related[0].incident_id == "INC-1"
    assert saved.impact.user.duration_minutes == 45
    assert saved.root_cause.what_happened == "The pool ran dry"


async def test_blame_finding_appears_live_and_goes_after_the_reframing(tmp_path):
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(pilot, "summary")
        await pilot.press(*"The developer deployed without testing.")
        await settle(pilot)
        panel = shown_findings(app)
        assert any(f.rule.id == "BL007" for f in panel)
        field = app.screen.query_one("#text-summary")
        assert field.has_class("has-finding")  # marked where it stands
        assert "developer deployed without testing" in shown(
            field.query_one(".text-field-findings")
        )
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.session.summary == ("The deployment process allowed deployment without testing.")
        assert app.screen.query_one(TextArea).text == app.session.summary
        assert not any(f.rule.id.startswith("BL") for f in shown_findings(app))
        assert not field.has_class("has-finding")


def shown_findings(app):
    return app.screen.query_one("#findings").findings


async def test_export_and_preview(tmp_path):
    app = drafting(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        exported = (tmp_path / "incident.md").read_text(encoding="utf-8")
        assert exported.startswith("# Postmortem: Checkout errors")
        assert any(str(tmp_path / "incident.md") in n.message for n in app._notifications)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        assert app.screen.query_one(MarkdownViewer)
        await pilot.press("escape")
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


def change_on_disk(path, **changes):
    session = load(path)
    for key, value in changes.items():
        setattr(session.metadata, key, value)
    save(session, path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


async def test_a_file_changed_on_disk_is_never_overwritten_silently(tmp_path):
    app = drafting(tmp_path)
    path = tmp_path / "incident.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        change_on_disk(path, title="Changed by git")
        await goto(pilot, "summary")
        await pilot.press(*"mine ")
        await settle(pilot)  # the autosave notices; typing is not interrupted
        assert app.conflict and not isinstance(app.screen, ChoiceDialog)
        assert app.session.summary.startswith("mine ")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert load(path).metadata.title == "Changed by git"
        await pilot.press("r")  # reload; my unsaved text is kept in a copy
        await settle(pilot)
        assert app.session.metadata.title == "Changed by git"
        copies = list(tmp_path.glob("incident.mine-*.toml"))
        assert len(copies) == 1 and load(copies[0]).summary.startswith("mine ")


async def test_save_my_version_as_a_copy(tmp_path):
    app = drafting(tmp_path)
    path = tmp_path / "incident.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        change_on_disk(path, title="Theirs")
        app.check_disk()
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("c")
        await settle(pilot)
        assert app.path != path and app.path.name.startswith("incident.mine-")
        assert load(path).metadata.title == "Theirs"
        assert load(app.path).metadata.title.startswith("Checkout errors")


async def test_quitting_with_unsaved_changes_asks(tmp_path):
    app = drafting(tmp_path, Session(), autosave_delay=3600)
    async with app.run_test() as pilot:
        await goto(pilot, "summary")
        await pilot.press(*"unsaved")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("s")
        await settle(pilot)
    assert load(tmp_path / "incident.toml").summary == "unsaved"


async def test_hostile_text_everywhere_is_shown_literally(tmp_path, example):
    example.metadata.title = HOSTILE
    example.timeline[0].event = HOSTILE
    example.factors[0].factor = HOSTILE
    example.root_cause.whys.nodes[0].because = HOSTILE
    example.root_cause.fishbone.categories[0].causes[0].text = HOSTILE
    example.went_well[0].text = "x" * 5000
    app = make_app(tmp_path, example)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        for _ in range(4):
            await pilot.press("n")
            await settle(pilot)
        await pilot.press("f3")
        for _ in PARTS:
            await pilot.press("alt+down")
            await settle(pilot)
        assert "[bold red]boom[/]" in app.title


async def test_palette_commands_and_presentation_theme(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        expected = {"Save", "Undo", "Export Markdown", "Start or pause the timer", "Next section"}
        assert expected <= titles
        await pilot.press("ctrl+t")
        assert app.theme == "pmtui-presentation"
        await pilot.press("f3")
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "Go to: Action items" in titles


async def test_accepting_a_finding_keeps_the_reason_in_the_file(tmp_path):
    session = Session()
    session.action_items = [
        ActionItem(id=1, action="Rotate the on-call runbook review", owner="SRE team")
    ]
    app = drafting(tmp_path, session)
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "action_items")
        panel = app.screen.query_one("#findings")
        assert any(f.rule.id == "AI003" for f in panel.findings)
        panel.focus()
        panel.highlighted = next(i for i, f in enumerate(panel.findings) if f.rule.id == "AI003")
        await pilot.press("x", *"Rotation owns it by design", "enter")
        await settle(pilot)
        assert not any(f.rule.id == "AI003" for f in panel.findings)
    accepted = load(tmp_path / "incident.toml").accepted
    assert [(a.rule, a.where, a.reason) for a in accepted] == [
        ("AI003", "action_items[0].owner", "Rotation owns it by design")
    ]


async def test_times_show_the_date_when_the_incident_spans_days(tmp_path):
    session = Session()
    session.metadata.date = dt.date(2025, 1, 15)
    app = drafting(tmp_path, session)
    async with app.run_test(size=(120, 30)) as pilot:
        await goto(pilot, "timeline")
        await pilot.press("a", *"23:50", "tab", *"Disk filling", "ctrl+s")
        await settle(pilot)
        table = app.screen.query_one("#timeline-table")
        assert str(table.get_row_at(0)[0]) == "23:50"
        await pilot.press("a", *"2025-01-16 00:20", "tab", *"Disk full", "ctrl+s")
        await settle(pilot)
        assert str(table.get_row_at(0)[0]) == "2025-01-15 23:50"
        assert table.ordered_columns[0].width >= len("2025-01-15 23:50")
        assert "long gap" in shown(app.screen.query_one("#timeline-stats"))


async def test_markup_like_text_is_shown_literally_in_tables_and_trees(tmp_path, example):
    """The places that hand user text to DataTable and Tree: it must stay literal."""
    example.factors[0].factor = "[bold red]boom[/]"
    example.root_cause.whys.problem = "[link=x]y[/link]"
    example.root_cause.fishbone.problem = "[i]fish[/i]"
    app = drafting(tmp_path, example)
    async with app.run_test(size=(160, 50)) as pilot:
        await goto(pilot, "factors")
        row = app.screen.query_one("#table-factors").get_row_at(0)
        assert row[1].plain == "[bold red]boom[/]"
        await goto(pilot, "whys")
        assert "[link=x]y[/link]" in app.screen.query_one("#whys-tree").root.label.plain
        await goto(pilot, "fishbone")
        assert "[i]fish[/i]" in app.screen.query_one("#fishbone-tree").root.label.plain


async def test_library_rows_show_markup_like_titles_literally(tmp_path):
    from pmtui.library_app import LibraryApp

    session = Session()
    session.metadata.title = "[bold]Checkout[/bold] | `db`"
    save(session, tmp_path / "a.toml")
    app = LibraryApp(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        row = app.screen.query_one("#library-table").get_row_at(0)
        assert row[2].plain == "[bold]Checkout[/bold] | `db`"
