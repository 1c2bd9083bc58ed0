from sessions import dumps, loads
from sessions.models import Session
from tests.widget_host import Host
from widgets.whys import WhysEditor


async def type_pair(pilot, why, because):
    await pilot.press(*why)
    await pilot.press("tab")
    await pilot.press(*because)
    await pilot.press("enter")
    await pilot.pause()


async def test_build_a_branching_analysis_by_keystrokes_only():
    session = Session()
    app = Host(lambda: WhysEditor(lambda: session.root_cause.whys))
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#whys-tree").focus()
        await pilot.pause()
        await pilot.press("p", *"Errors [500]", "enter")
        await pilot.pause()
        await pilot.press("a")
        await type_pair(pilot, "Why errors?", "Pool exhausted")
        await pilot.press("a")
        await type_pair(pilot, "Why exhausted?", "Slow query")
        await pilot.press("a")
        await type_pair(pilot, "Why slow?", "Missing index")
        await pilot.press("r")
        await pilot.pause()
        # a parallel branch beside "Why slow?"
        await pilot.press("b")
        await type_pair(pilot, "Why so long?", "No timeout")
        await pilot.press("r")
        await pilot.pause()
        whys = session.root_cause.whys
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
        assert app.edits  # every change was announced


async def test_shallow_chain_warns_and_delete_is_undoable():
    session = Session()
    app = Host(lambda: WhysEditor(lambda: session.root_cause.whys))
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#whys-tree").focus()
        await pilot.pause()
        await pilot.press("a")
        await type_pair(pilot, "Why?", "Because [bold]x[/bold]")
        await pilot.press("r")
        await pilot.pause()
        warning = str(app.query_one("#whys-warnings").render())
        assert "shallow" in warning
        await pilot.press("d")
        await pilot.pause()
        assert session.root_cause.whys.nodes == []
        app.undo_stack.pop()()
        await pilot.pause()
        assert session.root_cause.whys.nodes[0].because == "Because [bold]x[/bold]"
