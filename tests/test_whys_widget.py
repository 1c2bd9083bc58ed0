"""The 5-whys editor alone: built by keystrokes (the one typing test), and edits set up
directly where typing is not the point."""

from sessions import dumps, loads
from sessions.models import Session, WhyNode
from tests.app_helpers import eventually, typed
from tests.widget_host import Host
from widgets.whys import WhysEditor


async def test_build_a_branching_analysis_by_keystrokes_only():
    session = Session()
    app = Host(session, lambda editor: WhysEditor(editor, id="whys"))
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#whys-tree").focus()
        await typed(
            pilot,
            "p", "Errors [500]", "enter",
            "a", "Pool exhausted", "tab", "Why errors?", "enter",  # the answer first
            "a", "Slow query", "tab", "Why exhausted?", "enter",
            "a", "Missing index", "tab", "Why slow?", "enter", "r",
            "b", "No timeout", "tab", "Why so long?", "enter", "r",
        )  # fmt: skip
        whys = session.root_cause.whys[0]
        assert whys.problem == "Errors [500]"
        assert [(n.why, n.because) for n in whys.nodes][:3] == [
            ("Why errors?", "Pool exhausted"),
            ("Why exhausted?", "Slow query"),
            ("Why slow?", "Missing index"),
        ]
        chains = whys.chains()
        assert len(chains) == 2 and [len(c) for c in chains] == [3, 3]
        assert [n.because for n in whys.nodes if n.root_cause] == ["Missing index", "No timeout"]
        assert loads(dumps(session)) == session
        # The edits are in the model before their messages reach the app.
        assert await eventually(pilot, lambda: "why added" in app.edits)


async def test_shallow_chain_warns_and_delete_is_undoable():
    session = Session()
    session.root_cause.whys[0].nodes = [WhyNode(id="w1", why="Why?", because="Because [bold]x[/]")]
    app = Host(session, lambda editor: WhysEditor(editor, id="whys"))
    async with app.run_test(size=(100, 30)) as pilot:
        tree = app.query_one("#whys-tree")
        tree.focus()
        tree.cursor_line = 1
        await typed(pilot, "r")
        assert session.root_cause.whys[0].nodes[0].root_cause
        assert "under 3 whys" in str(app.query_one("#whys-warnings").render())
        assert "[bold]x[/]" in tree.get_node_at_line(1).label.plain  # literal, not markup
        await typed(pilot, "d")
        assert session.root_cause.whys[0].nodes == []
        assert app.editor.undo().what == "why deleted"
        assert session.root_cause.whys[0].nodes[0].because == "Because [bold]x[/]"


async def test_a_step_added_below_the_view_is_scrolled_into_it(example):
    app = Host(example, lambda editor: WhysEditor(editor, id="whys"))
    async with app.run_test(size=(80, 12)) as pilot:
        tree = app.query_one("#whys-tree")
        tree.focus()
        await typed(pilot, "end", "a", "Nobody owned the template", "tab", "Why?", "enter")
        assert "Nobody owned the template" in str(tree.cursor_node.label)
        assert tree.scroll_offset.y <= tree.cursor_line < tree.scroll_offset.y + tree.size.height
        # Undone, the step goes and the cursor stays near where it was: it jumped to the
        # problem at the top (a tryout).
        line = tree.cursor_line
        assert app.editor.undo().what == "why added"
        app.query_one(WhysEditor).show_session()
        assert tree.cursor_line == line - 1 and tree.cursor_line > 0


async def test_the_step_form_says_which_why_it_answers(example):
    """The form was titled "Why #2" whether it added a step, a parallel chain or edited one,
    and its examples were another incident's words, read by the room as filled in."""
    app = Host(example, lambda editor: WhysEditor(editor, id="whys"))
    async with app.run_test(size=(100, 30)) as pilot:
        tree = app.query_one("#whys-tree")
        tree.focus()
        await typed(pilot, "down", "down", "b")  # beside step 2: another answer to step 1
        form = app.screen
        assert form.title_text == "New parallel why #2"
        first = example.root_cause.whys[0].nodes[0].because
        assert form.specs[0].help == f"why this happened: {first}"
        assert all(spec.placeholder.startswith("e.g. ") for spec in form.specs)
        await typed(pilot, "escape", "enter")
        assert app.screen.title_text == "Edit why #2"
