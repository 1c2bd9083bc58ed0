from sessions import dumps, loads
from sessions.models import Factor, Session
from tests.widget_host import Host
from widgets.fishbone import FishboneEditor


def editor_for(session):
    return FishboneEditor(
        lambda: session.root_cause.fishbone, lambda: session.factors, id="fishbone"
    )


async def test_build_a_fishbone_by_keystrokes_only():
    session = Session(factors=[Factor(id="F1", factor="No query timeout")])
    app = Host(lambda: editor_for(session))
    async with app.run_test(size=(100, 40)) as pilot:
        app.query_one("#fishbone-tree").focus()
        await pilot.pause()
        await pilot.press("p", *"Checkout errors", "enter")
        await pilot.press("down")  # People
        await pilot.press("down")  # Process
        await pilot.press("a", *"No migration check | `deploy`", "enter")
        await pilot.pause()
        await pilot.press("a", *"Manual runs 🔥", "enter")  # sub-cause of the selected cause
        await pilot.pause()
        await pilot.press("up")  # back on the cause
        await pilot.press("l", "enter")  # open the factor list
        await pilot.pause()
        await pilot.press("down", "enter")  # choose F1
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("right_square_bracket")  # move the cause to Technology
        await pilot.pause()
        await pilot.press("c", *"Measurement", "enter")
        await pilot.pause()
        fishbone = session.root_cause.fishbone
        assert fishbone.problem == "Checkout errors"
        assert [c.name for c in fishbone.categories][-1] == "Measurement"
        technology = fishbone.categories[2]
        assert technology.causes[0].text == "No migration check | `deploy`"
        assert technology.causes[0].sub_causes == ["Manual runs 🔥"]
        assert technology.causes[0].factor == "F1"
        assert fishbone.categories[1].causes == []
        assert loads(dumps(session)) == session
        diagram = str(app.query_one("#fishbone-diagram").render())
        assert "TECHNOLOGY" in diagram and "Checkout errors" in diagram


async def test_rename_reorder_delete_and_undo():
    session = Session()
    app = Host(lambda: editor_for(session))
    async with app.run_test(size=(80, 30)) as pilot:
        app.query_one("#fishbone-tree").focus()
        await pilot.pause()
        await pilot.press("down", "e", "end", *" [x]", "enter")
        await pilot.pause()
        assert session.root_cause.fishbone.categories[0].name == "People [x]"
        await pilot.press("ctrl+down")
        await pilot.pause()
        names = [c.name for c in session.root_cause.fishbone.categories]
        assert names[:2] == ["Process", "People [x]"]
        await pilot.press("d")
        await pilot.pause()
        assert len(session.root_cause.fishbone.categories) == 3
        app.undo_stack.pop()()
        await pilot.pause()
        assert [c.name for c in session.root_cause.fishbone.categories][:2] == names[:2]
