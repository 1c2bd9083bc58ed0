"""The v2 editors through the real app: several problems in the 5 whys, the new prose, the
team's sections and types, impact entries, the timeline in its own zone, import and export.

State is set directly; only the keys under test are pressed."""

from textual.widgets import TextArea

from sessions import load
from tests.app_helpers import make_app, settle, shown
from widgets.form_dialog import FormDialog


async def fill(pilot, **values) -> None:
    """Fill the open form's fields and save it."""
    for name, value in values.items():
        field = pilot.app.screen.query_one(f"#f-{name}")
        if isinstance(field, TextArea):
            field.load_text(value)
        else:
            field.value = value
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_several_problems_added_switched_moved_and_deleted_in_the_meeting(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.timer.go_to(1)
        await app.screen.show_section()
        await pilot.press("2")
        tree = app.screen.query_one("#whys-tree")
        assert app.focused is tree
        whys = app.editor.session.root_cause.whys
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"5 whys: problems: New problem", "5 whys: problems: Next problem"} <= titles
        await pilot.press("N")
        assert isinstance(app.screen, FormDialog)
        await fill(pilot, problem="Backups could not be restored")
        assert [w.problem for w in whys][1] == "Backups could not be restored"
        assert "Backups could not be restored" in tree.root.label.plain
        bar = shown(app.screen.query_one("#whys-problems-bar"))
        assert "1 The checkout" in bar and "2 Backups" in bar
        await pilot.press("left_square_bracket")
        assert "checkout" in tree.root.label.plain and app.focused is tree
        await pilot.press("right_curly_bracket")  # the checkout problem moves after backups
        assert whys[1].problem.startswith("The checkout") and len(whys[1].nodes) == 7
        await pilot.press("D")
        await settle(pilot)
        assert [w.problem for w in whys] == ["Backups could not be restored"]
        assert "Backups" in tree.root.label.plain
        await pilot.press("ctrl+z", "right_square_bracket")
        await settle(pilot)
        assert len(whys) == 2 and "checkout" in tree.root.label.plain
        assert tree.last_line == 7  # the problem and its 7 steps are back
    saved = load(tmp_path / "incident.toml").root_cause.whys
    assert [w.problem[:7] for w in saved] == ["Backups", "The che"]
