"""Drafting mode and the never-lose-work promises, through the real app.

State is set directly and only the keys under test are pressed; typing key by key happens
where typing is the point (one form, one text field)."""

import asyncio
import datetime as dt
import os
import re
import threading

from textual.containers import VerticalScroll
from textual.widgets import TextArea

from screens.help import HelpScreen
from screens.parts import PARTS
from screens.preview import SECTION_LINES, PreviewScreen, preview_blocks, preview_sections
from sessions import document, load, save
from sessions.models import ActionItem, Session
from tests.app_helpers import burst, eventually, make_app, settle, shown, typed
from widgets.confirm import ChoiceDialog, Confirm
from widgets.form_dialog import FormDialog
from widgets.rewrite_dialog import RewriteDialog

HOSTILE = "[bold red]boom[/] | `tick` [link=x]y[/link] 🔥 \x07"


def drafting(tmp_path, session=None, **kw):
    return make_app(tmp_path, session, start_mode="drafting", **kw)


async def goto(pilot, key):
    await pilot.app.screen.show_part(key, focus_editor=True)
    await settle(pilot)


async def test_every_part_is_one_key_away_and_shows_hostile_text_literally(tmp_path, example):
    example.metadata.title = HOSTILE
    example.timeline[0].event = HOSTILE
    example.factors[0].factor = HOSTILE
    example.root_cause.whys[0].problem = "[link=x]y[/link]"
    example.root_cause.whys[0].nodes[0].because = HOSTILE
    example.root_cause.fishbone.problem = "[i]fish[/i]"
    example.root_cause.fishbone.categories[0].causes[0].text = HOSTILE
    example.went_well[0].text = "x" * 5000
    app = drafting(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = [app.screen.current_part]
        for part in PARTS[1:]:
            await typed(pilot, "alt+down")
            await eventually(pilot, lambda part=part: app.screen.current_part == part.key)
            seen.append(app.screen.current_part)
            # the part's first editor has the keys, never the box it scrolls in
            assert not isinstance(app.focused, VerticalScroll), part.key
        assert seen == [part.key for part in PARTS]
        await typed(pilot, "alt+down")  # the last part stays: no wrapping round to the first
        assert app.screen.current_part == PARTS[-1].key
        await typed(pilot, "alt+up")
        assert app.screen.current_part == PARTS[-2].key
        assert "[bold red]boom[/]" in app.title  # markup-like text stays literal everywhere
        factors = app.screen.query_one("#table-factors")
        assert "[bold red]boom[/]" in factors.detail(factors.items[0]).plain
        assert "[link=x]y[/link]" in app.screen.query_one("#whys-tree").root.label.plain
        assert "[i]fish[/i]" in app.screen.query_one("#fishbone-tree").root.label.plain


async def test_keys_typed_on_arriving_at_a_part_reach_its_first_editor(tmp_path):
    """A tryout: alt+↓ to Supporting info and a sentence typed went nowhere (the part's
    scrolling box had the focus); in Lessons, "press a to add one" did nothing."""
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "team_sections")
        await typed(pilot, "alt+down", "redis-cli INFO stats")
        assert app.screen.current_part == "supporting"
        assert app.editor.session.supporting.logs == "redis-cli INFO stats"
        await goto(pilot, "action_items")
        await typed(pilot, "alt+down", "a")
        assert isinstance(app.screen, FormDialog)
        assert app.screen.title_text == "New takeaway"


async def test_every_down_in_the_parts_list_counts_while_parts_are_built(tmp_path):
    """The list was set back to each part once it was built, undoing a ↓ pressed meanwhile:
    14 ↓ on a first visit stopped at "5 whys" (a tryout, on a busy machine)."""
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "ctrl+g")
        parts, nav = app.screen.parts, app.screen.query_one("#parts-nav")
        build = parts.build

        async def slow_build(key: str):  # a part as slow to build as on a busy machine
            await asyncio.sleep(0.1)
            return await build(key)

        parts.build = slow_build
        burst(app, "down", "down")
        while app.screen.current_part == "metadata":  # not Pilot's pause: it waits for all
            await asyncio.sleep(0.005)
        burst(app, "down")  # while the next part may still be being built
        await eventually(pilot, lambda: app.screen.current_part == "impact", 2)
        assert nav.highlighted == 3 and app.screen.current_part == "impact"
        # a part the list has moved past before it comes up is not built at all
        nav.highlighted = 5
        nav.highlighted = 6
        await eventually(pilot, lambda: app.screen.current_part == "whys", 2)
        built = [pane.id for pane in parts.children]
        assert "pane-whys" in built and "pane-root_cause" not in built


async def test_e_then_a_on_an_empty_table_opens_one_form_and_a_is_typed_in_it(tmp_path):
    """e on an empty table opens the new-record form; it did so in a worker of its own that
    the keys did not wait for, and the a typed next opened a second form over it."""
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "lessons")
        await typed(pilot, "e", "a")
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-title").value == "a"
        await typed(pilot, "escape", "y")  # discard what was typed
        assert not isinstance(app.screen, FormDialog)


async def test_an_empty_tables_hint_wraps_rather_than_stop_mid_word(tmp_path):
    """At 80×24 the impact table's hint ended "(5,000,00" at the edge (a tryout)."""
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "impact")
        table = app.screen.query_one("#pane-impact RecordTable")
        lines = [table.render_line(y).text.strip() for y in range(1, table.size.height)]
        said = " ".join(line for line in lines if line)
        assert said.startswith("Nothing counted yet") and said.endswith("webhooks queued).")


async def test_a_part_asked_for_later_wins_over_one_slower_to_build(tmp_path):
    """↓ to a part slow to build, then alt+↑ (back where it was): the slow part came up last
    and was shown, the list highlighted another, and the focus sat in a part out of sight
    (review)."""
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "impact")
        await typed(pilot, "ctrl+g")
        parts, nav = app.screen.parts, app.screen.query_one("#parts-nav")
        build = parts.build

        async def slow_build(key: str):
            if key == "timeline":
                await asyncio.sleep(0.2)
            return await build(key)

        parts.build = slow_build
        burst(app, "down", "alt+up")
        await asyncio.sleep(0.3)
        await settle(pilot)
        assert app.screen.current_part == "impact"
        assert nav.highlighted == 3
        assert app.focused is app.screen.query_one("#impact-form")


async def test_metadata_form_validates_as_you_type_and_keeps_the_text(tmp_path):
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(100, 40)) as pilot:
        await goto(pilot, "metadata")
        await typed(pilot, "enter")
        assert isinstance(app.screen, FormDialog)
        title = HOSTILE.replace("\x07", "")
        await typed(pilot, title, "tab", "INC-77", "tab", "2025-02-30")
        assert "YYYY-MM-DD" in shown(app.screen.query_one("#form-status"))
        await typed(pilot, "ctrl+s")  # refused: the form stays, nothing typed is lost
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-date").value == "2025-02-30"
        await typed(pilot, "backspace", "backspace", "28", "ctrl+s")
        await settle(pilot)
        meta = app.editor.session.metadata
        assert meta.title == title.strip()
        assert (meta.incident_id, meta.date) == ("INC-77", dt.date(2025, 2, 28))
        summary = shown(app.screen.query_one("#metadata-form"))
        assert "[bold red]boom[/]" in summary
        assert re.search(r"Time zone +UTC", summary)  # no zone is UTC, as the timeline says
        assert app.title.startswith("INC-77 [bold red]boom[/]")
    assert load(tmp_path / "incident.toml").metadata.incident_id == "INC-77"


async def test_typing_the_summary_autosaves(tmp_path):
    app = drafting(tmp_path, Session())
    async with app.run_test() as pilot:
        await goto(pilot, "summary")
        await typed(pilot, "Checkout failed [30m]")
        await settle(pilot)
        assert load(tmp_path / "incident.toml").summary == "Checkout failed [30m]"
        assert app.sub_title.rstrip() == "saved ✓"


async def test_timeline_add_in_utc_or_with_offset_and_dates_once_it_spans_days(tmp_path):
    session = Session()
    session.metadata.date = dt.date(2025, 1, 15)
    app = drafting(tmp_path, session)
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(pilot, "timeline")
        await typed(pilot, "a", "14:05", "tab", "Alert | fired [x]", "enter")
        await typed(pilot, "a", "2025-01-15 16:30+02:00", "tab", "Paged", "enter")
        await typed(pilot, "a", "25:99", "tab", "Bad")
        assert "not a real time" in shown(app.screen.query_one("#form-status"))
        await typed(pilot, "escape")
        await typed(pilot, "y")  # discard what was typed
        await settle(pilot)
        times = [e.time for e in app.editor.session.timeline]
        assert times == [
            dt.datetime(2025, 1, 15, 14, 5, tzinfo=dt.UTC),
            dt.datetime(2025, 1, 15, 14, 30, tzinfo=dt.UTC),
        ]
        table = app.screen.query_one("#timeline-table")
        assert table.columns[0].show(app.editor.session.timeline[0]) == "14:05"
        await typed(pilot, "a", "2025-01-16 00:20", "tab", "Disk full", "enter")
        await settle(pilot)
        assert table.columns[0].show(app.editor.session.timeline[0]) == "2025-01-15 14:05"
        assert table.columns[0].width >= len("2025-01-15 14:05")
        stats = app.screen.query_one("#timeline-stats")  # redrawn a moment after the edit
        assert await eventually(pilot, lambda: "long gap" in shown(stats))
        assert app.editor.session.timeline[0].event == "Alert | fired [x]"


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
        await typed(pilot, "v")
        app.screen.query_one(TextArea).load_text(logs)
        await typed(pilot, "ctrl+s")
        await settle(pilot)
        events = app.editor.session.timeline
        assert [e.time.strftime("%H:%M:%S") for e in events] == ["14:05:23", "14:05:24", "14:06:00"]
        assert events[0].event == "Database connection timeout after 30s"
        assert (events[2].event, events[2].actor) == ("retrying", "app")
        assert events[2].evidence.startswith("Jan 15 14:06:00")
        assert any("skipped" in n for n in app.notified)
        await typed(pilot, "ctrl+z")
        await settle(pilot)
        assert app.editor.session.timeline == []


async def test_action_items_add_delete_move_undo(tmp_path):
    app = drafting(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "action_items")
        items = app.editor.session.action_items
        count = len(items)
        await typed(pilot, "a", "Add alert for pool > 80%", "ctrl+s")
        await settle(pilot)
        assert len(items) == count + 1 and items[-1].id == count + 1
        await typed(pilot, "ctrl+up")
        assert items[-2].action == "Add alert for pool > 80%"
        await typed(pilot, "d")
        assert len(items) == count
        await typed(pilot, "ctrl+z", "ctrl+z")  # the deletion, then the move
        await settle(pilot)
        assert items[-1].action == "Add alert for pool > 80%"
        await typed(pilot, "ctrl+y")  # the move again
        await settle(pilot)
        assert items[-2].action == "Add alert for pool > 80%" and len(items) == count + 1
        shown = app.screen.query_one("#table-action_items").items  # the table redrew
        assert shown[-2].action == "Add alert for pool > 80%"
    assert len(load(tmp_path / "incident.toml").action_items) == count + 1


async def test_lists_and_text_parts_are_editable(tmp_path):
    """Each list's form saves into the right place (values set, the save key pressed)."""
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(120, 40)) as pilot:
        for part, table, values in [
            ("factors", "#table-factors", {"factor": "No timeout"}),
            ("went_well", "#table-went_well", {"area": "Detection", "text": "Fast"}),
            ("lessons", "#table-recommendations", {"text": "Audit runbooks"}),
            ("appendix", "#table-glossary", {"term": "Pool", "definition": "Connections"}),
            ("supporting", "#table-related", {"incident_id": "INC-1"}),
        ]:
            await goto(pilot, part)
            app.screen.query_one(table).focus()
            await typed(pilot, "a")
            for name, value in values.items():
                app.screen.query_one(f"#f-{name}").value = value
            await typed(pilot, "ctrl+s")
            await settle(pilot)
        await goto(pilot, "impact")
        await typed(pilot, "enter")
        app.screen.query_one("#f-duration_minutes").value = "45"
        await typed(pilot, "ctrl+s")
        await goto(pilot, "root_cause")
        app.screen.query_one("#text-root_cause-what_happened").area.load_text("The pool ran dry")
        await settle(pilot)
    saved = load(tmp_path / "incident.toml")
    assert saved.factors[0].id == "F1" and saved.factors[0].factor == "No timeout"
    assert saved.went_well[0].area == "Detection" and saved.went_well[0].text == "Fast"
    assert saved.lessons.recommendations == ["Audit runbooks"]
    assert saved.appendix.glossary[0].term == "Pool"
    assert saved.supporting.related[0].incident_id == "INC-1"
    assert saved.impact.user.duration_minutes == 45
    assert saved.root_cause.what_happened == "The pool ran dry"


def shown_findings(app):
    return app.screen.query_one("#findings").findings


async def test_blame_is_coached_while_typing_and_rewritten_by_choice(tmp_path):
    app = drafting(tmp_path, Session(), check_delay=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(pilot, "summary")
        await typed(pilot, "Bob forgot to renew the cert because he was careless.")
        field = app.screen.query_one("#text-summary")
        area = field.area
        assert field.has_class("has-finding")  # marked where it stands, after a pause
        blamed = [area.text[start:end] for start, end in area.blamed]
        assert any("forgot" in words for words in blamed)
        assert "ctrl+r: rewrite" in shown(field.query_one(".text-field-findings"))
        await typed(pilot, "ctrl+r")
        dialog = app.screen
        assert isinstance(dialog, RewriteDialog) and dialog.finding.rewrites
        await typed(pilot, "e", "ctrl+u", "The renewal depended on one person remembering.")
        await typed(pilot, "enter")
        await settle(pilot)
        assert app.editor.session.summary == "The renewal depended on one person remembering."
        assert area.text == app.editor.session.summary
        assert not field.has_class("has-finding") and area.blamed == []
        await typed(pilot, "ctrl+z")  # the rewrite is undoable like any edit
        await settle(pilot)
        assert app.editor.session.summary.startswith("Bob forgot")
        # said in the document's words ("Undone: summary: rewritten" named the field path)
        assert "Undone: Executive Summary: rewritten" in app.notified


async def test_a_suggested_rewrite_is_picked_by_its_number(tmp_path):
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(pilot, "summary")
        app.screen.query_one(TextArea).load_text("The developer deployed without testing.")
        await settle(pilot)
        assert any(f.rule.id == "BL007" for f in shown_findings(app))
        await typed(pilot, "ctrl+r")
        first = app.screen.finding.rewrites[0]
        await typed(pilot, "1")
        await settle(pilot)
        assert app.editor.session.summary == first
        assert not any(f.rule.id.startswith("BL") for f in shown_findings(app))


async def test_export_preview_and_help(tmp_path):
    session = Session(summary="The *checkout* service failed.")
    session.metadata.title = "Checkout errors"
    app = drafting(tmp_path, session)  # a short document: the preview draws it all
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        md = tmp_path / "incident.md"
        md.write_text("someone's notes")
        await typed(pilot, "ctrl+e")
        await pilot.pause()
        await typed(pilot, "y")  # an existing .md is replaced only after asking
        await settle(pilot)
        exported = md.read_text(encoding="utf-8")
        assert exported.startswith("# Postmortem: Checkout errors")
        assert any(str(md) in n for n in app.notified)
        await typed(pilot, "ctrl+e")  # our own export: no question the second time
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        await typed(pilot, "f5")
        assert isinstance(app.screen, PreviewScreen)
        assert await eventually(pilot, lambda: "Postmortem: Checkout errors" in preview_text(app))
        await typed(pilot, "escape", "f1")
        assert isinstance(app.screen, HelpScreen)


async def test_an_export_pmtui_wrote_is_replaced_without_asking_after_a_restart(tmp_path):
    """The next day's export asked whether to replace a .md pmtui itself had written (what it
    wrote was remembered in the app only); one changed by hand is still asked about."""
    session = Session(summary="First words.")
    md = tmp_path / "incident.md"
    app = drafting(tmp_path, session)
    async with app.run_test(size=(100, 30)) as pilot:
        await typed(pilot, "ctrl+e")
        assert "First words." in md.read_text(encoding="utf-8")
    session.summary = "Second words."
    app = drafting(tmp_path, session)  # opened again, the summary changed since
    async with app.run_test(size=(100, 30)) as pilot:
        await typed(pilot, "ctrl+e")
        assert not isinstance(app.screen, Confirm)
        assert "Second words." in md.read_text(encoding="utf-8")
        md.write_text(md.read_text(encoding="utf-8") + "\nA reviewer's note.\n")
        app.editor.session.summary = "Third words."
        await typed(pilot, "ctrl+e")
        assert isinstance(app.screen, Confirm)  # someone else's change: asked first
        await typed(pilot, "escape")
        assert "A reviewer's note." in md.read_text(encoding="utf-8")


def preview_text(app) -> str:
    return "\n".join(line.text for line in app.screen.query_one("#preview").lines)


async def test_the_preview_is_drawn_off_the_ui_thread_and_closes_at_once(tmp_path):
    """Escape closes the preview while it is still being drawn (a 5,000-event export took
    more than 10 s, every key waiting), and a drawing that ends later lands nowhere."""
    release = threading.Event()

    def slow_export() -> str:
        release.wait(5)
        return "# Drawn late"

    app = drafting(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(PreviewScreen(slow_export))
        await pilot.pause()
        assert "Drawing the preview" in preview_text(app)
        await typed(pilot, "escape")
        assert not isinstance(app.screen, PreviewScreen)
        release.set()
        await settle(pilot)
        await typed(pilot, "f5")
        assert await eventually(pilot, lambda: "Checkout errors" in preview_text(app))


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
        await goto(pilot, "summary")
        change_on_disk(path, title="Changed by git")
        await typed(pilot, "mine ")
        await settle(pilot)  # the autosave notices; typing is not interrupted
        assert app.save_state == "conflict" and not isinstance(app.screen, ChoiceDialog)
        assert app.editor.session.summary.endswith("mine ")
        app.update_title(80)  # at 80 columns the state is whole: it names the key to press
        assert app.sub_title.endswith("(ctrl+o)")
        assert len(app.title) + 3 + len(app.sub_title) <= 80 - 16, (app.title, app.sub_title)
        await typed(pilot, "ctrl+o")
        assert isinstance(app.screen, ChoiceDialog)
        assert load(path).metadata.title == "Changed by git"
        await typed(pilot, "r")  # reload; my unsaved text is kept in a copy
        await settle(pilot)
        assert app.editor.session.metadata.title == "Changed by git"
        copies = list(tmp_path.glob("incident.mine-*.toml"))
        assert len(copies) == 1 and load(copies[0]).summary.endswith("mine ")
        assert app.screen.query_one(TextArea).text == app.editor.session.summary  # redrawn


async def test_a_reload_of_a_broken_file_quotes_its_value_inert(tmp_path):
    """The error quotes what the file says; "[/bold]" there crashed the toast as markup."""
    app = drafting(tmp_path)
    path = tmp_path / "incident.toml"
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await goto(pilot, "summary")
        text = path.read_text(encoding="utf-8").replace(
            "[metadata]", '[metadata]\nowner = "[/bold]"'
        )
        path.write_text(text, encoding="utf-8")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
        await typed(pilot, "mine ")
        await settle(pilot)
        await typed(pilot, "ctrl+o", "r")
        await settle(pilot)
        assert any("metadata.owner: unknown key" in note for note in app.notified)
        shown = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any("metadata.owner" in toast for toast in shown), shown
        app.notify("a value: [/bold]", severity="error")
        await settle(pilot)
        assert any("[/bold]" in str(toast.render()) for toast in app.screen.query("Toast"))


async def test_save_my_version_as_a_copy(tmp_path):
    app = drafting(tmp_path)
    path = tmp_path / "incident.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        change_on_disk(path, title="Theirs")
        app.check_disk()
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await typed(pilot, "c")
        await settle(pilot)
        copy = app.document.path
        assert copy != path and copy.name.startswith("incident.mine-")
        assert load(path).metadata.title == "Theirs"
        assert load(copy).metadata.title.startswith("Checkout errors")


def refuse(*_args, **_kwargs):
    raise PermissionError(13, "Permission denied")


async def test_a_write_that_fails_keeps_the_edits_and_says_so_once(tmp_path, monkeypatch):
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(pilot, "summary")
        with monkeypatch.context() as broken:  # the disk refuses every write meanwhile
            broken.setattr(document, "write_text_atomic", refuse)
            for word in ("one ", "two ", "three"):
                await typed(pilot, word)
                await settle(pilot)
            assert app.save_state == "failed"
            assert sum("Could not save" in n for n in app.notified) == 1
            assert app.editor.session.summary == "one two three"
        await typed(pilot, "ctrl+s")
        await settle(pilot)
        assert app.save_state == "saved"
    assert load(tmp_path / "incident.toml").summary == "one two three"


async def test_quitting_with_unsaved_changes_asks(tmp_path):
    app = drafting(tmp_path, Session(), autosave_delay=3600)
    async with app.run_test() as pilot:
        await goto(pilot, "summary")
        await typed(pilot, "unsaved")
        await typed(pilot, "ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        await typed(pilot, "s")
        await settle(pilot)
    assert load(tmp_path / "incident.toml").summary == "unsaved"


async def test_quitting_with_a_form_typed_into_asks(tmp_path):
    """ctrl+q over a form quit at once, and what was typed in it was gone (a tryout)."""
    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await typed(pilot, "a", "14:50", "tab", "Support confirmed recovery", "ctrl+q")
        assert isinstance(app.screen, Confirm)
        await typed(pilot, "n")  # keep editing: the form, as it was
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-event").value == "Support confirmed recovery"
        await typed(pilot, "enter")
        await settle(pilot)
    assert "Support confirmed recovery" in [e.event for e in load(app.document.path).timeline]


async def test_palette_commands_and_presentation_theme(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        expected = {"Save", "Undo", "Export Markdown", "Start or pause the timer", "Next section"}
        assert expected <= titles
        await typed(pilot, "ctrl+t")
        assert app.theme == "pmtui-presentation"
        await typed(pilot, "f3")
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
        await typed(pilot, "f4")
        assert app.focused is panel
        panel.highlighted = 1 + next(
            i for i, f in enumerate(panel.findings) if f.rule.id == "AI003"
        )
        await typed(pilot, "x", "Rotation owns it by design", "enter")
        await settle(pilot)
        assert not any(f.rule.id == "AI003" for f in panel.findings)
        await typed(pilot, "escape")  # back to the editor it came from
        assert app.focused is app.screen.query_one("#table-action_items")
    accepted = load(tmp_path / "incident.toml").accepted
    assert [(a.rule, a.where, a.reason) for a in accepted] == [
        ("AI003", "action_items[0].owner", "Rotation owns it by design")
    ]


async def test_a_read_only_file_is_not_replaced_and_the_edits_can_go_elsewhere(tmp_path):
    app = drafting(tmp_path, Session())
    path = tmp_path / "incident.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(pilot, "summary")
        path.chmod(0o444)
        await typed(pilot, "kept")
        assert app.save_state == "failed"
        assert any("read-only" in n and "Save as" in n for n in app.notified)
        await typed(pilot, "ctrl+p")  # the palette offers Save as…; the test answers it
        await typed(pilot, "escape")
        app.action_save_as()
        await pilot.pause()
        app.screen.query_one("#f-path").value = str(tmp_path / "elsewhere.toml")
        await typed(pilot, "enter")
        assert app.document.path == tmp_path / "elsewhere.toml"
        assert app.save_state == "saved"
    assert load(tmp_path / "elsewhere.toml").summary == "kept"
    assert load(path).summary == ""  # the read-only file is as it was


async def test_an_edit_beyond_the_limits_is_saved_and_said(tmp_path):
    app = drafting(tmp_path, Session())
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(pilot, "summary")
        app.screen.query_one(TextArea).load_text("x" * 70_000)
        await settle(pilot)
        assert any("over pmtui's limits" in n for n in app.notified)
    assert "x" * 70_000 in (tmp_path / "incident.toml").read_text()  # the words are on disk


def test_the_preview_cuts_a_long_section_and_says_so():
    markdown = "# T\n\nintro\n\n## Timeline\n\n" + "\n".join(f"| {n} |" for n in range(400))
    markdown += "\n\n## Action Items\n\nnone"
    title, timeline, actions = preview_sections(markdown)
    assert title == "# T\n\nintro\n"
    assert len(timeline.splitlines()) == SECTION_LINES + 2
    assert "103 more lines of this section are not shown here" in timeline
    assert actions == "## Action Items\n\nnone"


def test_the_preview_lays_tables_out_apart_so_they_can_be_wide():
    table = "| ID | Action |\n| --- | --- |\n| 1 | Add a check |"
    section = f"## Action Items\n\nIntro.\n\n{table}\n\nAfter."
    assert preview_blocks(section) == [
        ("## Action Items\n\nIntro.\n", ""),
        (table, "table"),
        ("\nAfter.", ""),
    ]
    fishbone = "```text\n" + "━" * 101 + " ▶ Problem\n```"
    cell = "| Time | Event |\n| --- | --- |\n| 14:22 | roll back<br>_Why:_ tested \\<br> |"
    assert preview_blocks(f"Diagram:\n\n{fishbone}\n\n{cell}") == [
        ("Diagram:\n", ""),
        (fishbone, "code"),
        ("| Time | Event |\n| --- | --- |\n| 14:22 | roll back · _Why:_ tested \\<br> |", "table"),
    ]


async def test_pages_pressed_fast_in_the_preview_each_move_a_page(tmp_path):
    """Four quick PageDowns moved two pages: each started from where the last one's glide was."""
    text = "\n\n".join(f"## Part {n}\n\nLine {n}" for n in range(100))
    app = drafting(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(PreviewScreen(lambda: text))
        assert await eventually(pilot, lambda: "Line 99" in preview_text(app))
        view = app.screen.query_one("#preview")
        await typed(pilot, "pagedown", "pagedown", "pagedown", "pagedown")
        assert view.scroll_offset.y == 4 * view.scrollable_content_region.height
        await typed(pilot, "end")
        assert view.scroll_offset.y == view.max_scroll_y


async def test_a_yes_no_field_says_its_state_in_words(tmp_path):
    app = drafting(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "metadata")
        await typed(pilot, "enter")
        assert isinstance(app.screen, FormDialog)
        box = app.screen.query_one("#f-data_loss")
        assert str(box.label) == "no" and box.size.width >= len("▐X▌ no")
        assert box.render_line(0).text.strip().startswith("▐ ▌ no")  # empty, not an X
        app.screen.set_focus(box)
        await typed(pilot, "space")
        assert box.value and str(box.label) == "yes"
        assert box.render_line(0).text.strip().startswith("▐X▌ yes")


def test_a_heading_inside_a_code_block_does_not_start_a_preview_section():
    runbook = "````bash\n## step 1: drain\n```\n## still code\n````"
    markdown = f"# T\n\n## Background\n\n{runbook}\n\n## Impact\n\nx"
    assert preview_sections(markdown) == [
        "# T\n",
        f"## Background\n\n{runbook}\n",
        "## Impact\n\nx",
    ]


async def test_an_undo_out_of_sight_goes_to_the_part_it_changed(tmp_path):
    """A third ctrl+z in Background undid a rewrite in the Summary, out of sight; the redo
    too (a tryout). Drafting goes to the part an undo or a redo changes."""
    app = make_app(tmp_path, start_mode="drafting")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        with app.editor.edit("summary", "Executive Summary: rewritten"):
            app.editor.session.summary = "Rewritten."
        await app.screen.show_part("background")
        app.screen.query_one("#parts-nav").focus()
        await typed(pilot, "ctrl+z")
        await settle(pilot)
        assert app.screen.current_part == "summary"
        assert app.editor.session.summary != "Rewritten."
        await app.screen.show_part("timeline")
        app.screen.query_one("#parts-nav").focus()
        await typed(pilot, "ctrl+y")
        await settle(pilot)
        assert app.screen.current_part == "summary"
        assert app.editor.session.summary == "Rewritten."
