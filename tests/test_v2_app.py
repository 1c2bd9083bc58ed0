"""The v2 editors through the real app: several problems in the 5 whys, the new prose, the
team's sections and types, impact entries, the timeline in its own zone, import and export.

State is set directly; only the keys under test are pressed."""

import datetime as dt

from textual.widgets import TextArea

from sessions import load
from sessions.models import ActionItem, Marker, Precision, Session, TimelineEvent
from tests.app_helpers import go_to_section, make_app, settle, shown, typed
from tests.test_app_drafting import drafting, goto
from tests.test_checks_time import TEAM_CONFIG
from widgets.fields import to_text
from widgets.form_dialog import FormDialog


async def fill(pilot, **values) -> None:
    """Fill the open form's fields and save it."""
    for name, value in values.items():
        field = pilot.app.screen.query_one(f"#f-{name}")
        if isinstance(field, TextArea):
            field.load_text(value)
        else:
            field.value = value
    await typed(pilot, "ctrl+s")
    await settle(pilot)


async def test_several_problems_added_switched_moved_and_deleted_in_the_meeting(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to_section(app, 1)
        await typed(pilot, "2")
        tree = app.screen.query_one("#whys-tree")
        assert app.focused is tree
        whys = app.editor.session.root_cause.whys
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"5 whys: problems: New problem", "5 whys: problems: Next problem"} <= titles
        await typed(pilot, "N")
        assert isinstance(app.screen, FormDialog)
        await fill(pilot, problem="Backups could not be restored")
        assert [w.problem for w in whys][1] == "Backups could not be restored"
        assert "Backups could not be restored" in tree.root.label.plain
        bar = shown(app.screen.query_one("#whys-problems-bar"))
        assert "1 The checkout" in bar and "2 Backups" in bar
        await typed(pilot, "left_square_bracket")
        assert "checkout" in tree.root.label.plain and app.focused is tree
        await typed(pilot, "right_curly_bracket")  # the checkout problem moves after backups
        assert whys[1].problem.startswith("The checkout") and len(whys[1].nodes) == 7
        await typed(pilot, "D")
        assert [w.problem for w in whys] == ["Backups could not be restored"]
        assert "Backups" in tree.root.label.plain
        await typed(pilot, "ctrl+z", "right_square_bracket")
        await settle(pilot)
        assert len(whys) == 2 and "checkout" in tree.root.label.plain
        assert tree.last_line == 7  # the problem and its 7 steps are back
    saved = load(tmp_path / "incident.toml").root_cause.whys
    assert [w.problem[:7] for w in saved] == ["Backups", "The che"]


async def test_drafting_prose_team_sections_impact_metadata_and_the_timeline_in_its_zone(
    tmp_path,
):
    (tmp_path / ".pmtui.toml").write_text(TEAM_CONFIG)
    session = Session()
    session.metadata.title = "Checkout outage"
    session.metadata.date = dt.date(2025, 1, 15)
    session.impact.description = "Checkout was *slow* for everyone."
    start = dt.datetime(2025, 1, 15, 17, 37, tzinfo=dt.UTC)
    session.timeline = [TimelineEvent(time=start, event="Errors", marker=Marker.ISSUE_STARTED)]
    app = drafting(tmp_path, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "team_sections")
        assert any("Our Apology" in n for n in app.notified)  # added from the template
        field = app.screen.query_one("#team-0")
        assert "★ required" in shown(field.query_one(".text-field-label"))
        assert "customers this hurt" in shown(field.query_one(".text-field-hint"))
        assert any(f.rule.id == "RQ002" for f in app.screen.query_one("#findings").findings)
        field.area.load_text("We are sorry.")
        for part, path in [
            ("background", "background"),
            ("response", "customer_communication"),
            ("root_cause", "root_cause.trigger"),
        ]:
            await app.screen.show_part(part)
            area = app.screen.query_one(f"#text-{path.replace('.', '-')}").area
            area.load_text(f"The {path}.")
        await app.screen.show_part("impact")
        figures = shown(app.screen.query_one("#impact-form"))
        assert "Data lost" in figures and "Budget note" in figures
        table = app.screen.query_one("#table-impact-entries")
        table.focus()
        await typed(pilot, "a")
        await fill(pilot, scope="webhooks", measure="queued", amount="5e6", unit="webhooks")
        assert table.columns[2].show(table.items[0]) == "5,000,000 webhooks"
        await goto(pilot, "metadata")
        await typed(pilot, "enter")
        await fill(pilot, time_zone="mars/olympus")  # refused: the form stays open
        assert "unknown time zone" in shown(app.screen.query_one("#form-status"))
        app.screen.query_one("#f-archived").value = True
        await fill(pilot, time_zone="america/los_angeles", severity="unk")
        await typed(pilot, "n")  # the events keep their moments, not their clock times
        await goto(pilot, "timeline")  # now shown, and typed, in Pacific time
        timeline = app.screen.query_one("#timeline-table")
        assert timeline.columns[0].label == "Time PST"
        assert timeline.columns[0].show(timeline.items[0]) == "09:37"
        assert to_text(timeline.specs[0], start) == "2025-01-15 09:37"
        assert shown(app.screen.query_one("#timeline-stats")).startswith("America/Los_Angeles")
        await typed(pilot, "a")
        await fill(
            pilot,
            time="10:00",
            event="Incident declared",
            marker="incident decl",
            precision="approx",
            rationale="Two teams saw errors",
        )
        added = app.editor.session.timeline[-1]
        assert added.time == dt.datetime(2025, 1, 15, 18, 0, tzinfo=dt.UTC)
        assert [column.show(added) for column in timeline.columns[:3]] == [
            "≈ 10:00",
            "declared",
            "Incident declared — why: Two teams saw errors",
        ]
    saved = load(tmp_path / "incident.toml")
    assert (saved.team_sections[0].id, saved.team_sections[0].text) == ("apology", "We are sorry.")
    assert saved.background == "The background."
    assert saved.customer_communication == "The customer_communication."
    assert saved.root_cause.trigger == "The root_cause.trigger."
    assert saved.impact.description == "Checkout was *slow* for everyone."
    assert (saved.impact.entries[0].scope, saved.impact.entries[0].amount) == ("webhooks", 5e6)
    meta = saved.metadata
    assert (meta.time_zone, meta.archived, meta.severity.value) == (
        "America/Los_Angeles",
        True,
        "unknown",
    )
    assert (saved.timeline[-1].precision, saved.timeline[-1].rationale) == (
        Precision.APPROXIMATE,
        "Two teams saw errors",
    )


async def test_team_action_types_groups_the_preview_the_export_and_the_import(tmp_path):
    (tmp_path / ".pmtui.toml").write_text(TEAM_CONFIG)
    session = Session()
    session.action_items = [ActionItem(id=1, action="Keep the old type", type="Legacy")]
    old = tmp_path / "old" / "2019-outage.md"
    old.parent.mkdir()
    old.write_text("# Regex outage\n\n## Executive Summary\n\nA regex ate the CPU.\n")
    app = drafting(tmp_path, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "action_items")
        table = app.screen.query_one("#table-action_items")
        await typed(pilot, "a")
        type_spec = next(spec for spec in app.screen.specs if spec.name == "type")
        assert type_spec.choices == ("Prevent", "Detect", "Process")
        assert "Process: Change how we work" in type_spec.hint
        await fill(
            pilot,
            action="Write a regex review checklist",
            type="proc",
            group="Organisational",
            rationale="Regexes are code.\n\nReview them as code.",
        )
        added = app.editor.session.action_items[-1]
        assert (added.type, added.group) == ("Process", "Organisational")
        assert added.rationale == "Regexes are code.\n\nReview them as code."
        legacy = app.editor.session.action_items[0]  # its type stays choosable when edited
        assert table.form_specs(legacy)[1].choices == ("Prevent", "Detect", "Process", "Legacy")
        preview = app.markdown()  # what F5 shows and ctrl+e writes
        assert "- **Process**: Change how we work" in preview and "### Organisational" in preview
        await typed(pilot, "ctrl+e")
        await settle(pilot)
        assert (tmp_path / "incident.md").read_text() == preview
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Import Markdown…" in titles
        app.action_import_markdown()  # what the palette's command runs
        await pilot.pause()
        await fill(pilot, path="old/2019-outage.md")
        assert any("Imported 2019-outage.md" in n for n in app.notified)
    imported = load(tmp_path / "2019-outage.toml")
    assert imported.summary == "A regex ate the CPU." and imported.team_sections[0].id == "apology"
