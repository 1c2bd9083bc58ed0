"""The fishbone editor alone: built by keystrokes, and reorder/delete/undo set up directly."""

from sessions import dumps, loads
from sessions.fishbone_art import wrap
from sessions.models import ActionItem, Factor, Session
from tests.app_helpers import eventually, footer_keys, go_to_section, make_app, typed
from tests.widget_host import Host
from widgets.fishbone import FishboneEditor
from widgets.form_dialog import FormDialog


async def test_build_a_fishbone_by_keystrokes_only():
    session = Session(
        factors=[Factor(id="F1", factor="No query timeout")],
        action_items=[ActionItem(id=3, action="Add a timeout", addresses=["F1"])],
    )
    app = Host(session, lambda editor: FishboneEditor(editor, id="fishbone"))
    async with app.run_test(size=(100, 40)) as pilot:
        app.query_one("#fishbone-tree").focus()
        await typed(
            pilot,
            "p", "Checkout errors", "enter",
            "down", "down",  # People, Process
            "a", "No migration check | `deploy`", "enter",
            "b", "Manual runs 🔥", "enter",  # a sub-cause of the selected cause
            "up", "l", "f", "1", "enter",  # link the cause to F1 (typing "f1")
            "right_square_bracket",  # move the cause to Technology
        )  # fmt: skip
        detail = str(app.query_one("#fishbone-detail").render())
        assert "↔ F1: No query timeout · action items #3" in detail  # an id, not a count
        # the problem renamed from a cause leaves the cause selected (the next l linked
        # nothing: the selection had gone to the problem, a tryout)
        await typed(pilot, "p", "ctrl+u", "Checkout errors for 38 min", "enter", "l")
        assert isinstance(app.screen, FormDialog) and app.screen.title_text.startswith("Link")
        await typed(pilot, "escape")
        await typed(pilot, "c", "Measurement", "enter")
        fishbone = session.root_cause.fishbone
        assert fishbone.problem == "Checkout errors for 38 min"
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
    app = Host(session, lambda editor: FishboneEditor(editor, id="fishbone"))
    async with app.run_test(size=(80, 30)) as pilot:
        tree = app.query_one("#fishbone-tree")
        tree.focus()
        tree.cursor_line = 1
        await typed(pilot, "ctrl+down")
        names = [c.name for c in session.root_cause.fishbone.categories]
        assert names[:2] == ["Process", "People"]
        await typed(pilot, "d")
        assert len(session.root_cause.fishbone.categories) == 3
        app.editor.undo()
        assert [c.name for c in session.root_cause.fishbone.categories] == names
        await typed(pilot, "ctrl+up", "ctrl+up")  # at the top: nothing to undo for it
        assert app.editor.undo().what == "moved"


async def test_what_was_just_added_is_scrolled_into_view(example):
    """At 80x24 a cause added to the last category was selected below the tree's bottom edge:
    the room saw nothing happen."""
    app = Host(example, lambda editor: FishboneEditor(editor, id="fishbone"))
    async with app.run_test(size=(80, 14)) as pilot:
        tree = app.query_one("#fishbone-tree")
        tree.focus()
        await typed(pilot, "end", "up", "c", "Measurement", "enter")
        assert tree.cursor_node.data == (4,)
        assert tree.scroll_offset.y <= tree.cursor_line < tree.scroll_offset.y + tree.size.height
        await typed(pilot, "home", "a", "Pool metric sampled each minute", "enter")
        assert tree.cursor_node.data[0] == 0  # added up top: the view goes back up to it
        assert tree.scroll_offset.y <= tree.cursor_line < tree.scroll_offset.y + tree.size.height


async def test_the_diagram_in_place_of_the_tree_scrolls_with_the_arrow_keys(example):
    app = Host(example, lambda editor: FishboneEditor(editor, id="fishbone"))
    async with app.run_test(size=(80, 12)) as pilot:
        app.query_one("#fishbone-tree").focus()
        await typed(pilot, "v", "down", "down")  # typed with `v`, before the view is drawn
        view = app.query_one("#fishbone-diagram-view")
        assert app.query_one("#fishbone").diagram_only
        assert view.max_scroll_y > 2 and view.scroll_offset.y == 2
        await typed(pilot, "pagedown", "pagedown", "up")
        assert view.scroll_offset.y == view.max_scroll_y - 1


async def test_two_causes_typed_one_after_the_other_are_both_causes(example):
    """`a` on the cause just added nested the next one under it (two tryouts): `a` adds one
    more like the selection, `b` a sub-cause."""
    technology = example.root_cause.fishbone.categories[2]
    before = [cause.text for cause in technology.causes]
    app = Host(example, lambda editor: FishboneEditor(editor, id="fishbone"))
    async with app.run_test(size=(100, 40)) as pilot:
        tree = app.query_one("#fishbone-tree")
        tree.focus()
        tree.move_cursor(tree.root.children[2].children[0])  # the first cause in Technology
        await typed(pilot, "a", "Cache sizes not derived", "enter", "a", "No backoff", "enter")
        texts = [cause.text for cause in technology.causes]
        assert texts == [before[0], "Cache sizes not derived", "No backoff", *before[1:]]
        await typed(pilot, "b", "Unit file copied", "enter", "a", "Nobody reviewed", "enter")
        assert technology.causes[2].sub_causes == ["Unit file copied", "Nobody reviewed"]
        tree.move_cursor(tree.root.children[2])  # a category has no sub-causes
        await typed(pilot, "b")
        assert not isinstance(app.screen, FormDialog)
        assert tree.cursor_node.data == (2,)


async def test_the_scrolled_diagram_shows_the_head_whole_at_80x24(tmp_path, example):
    """In the meeting at 80x24 the scroll bar took the head's last cells ("▶ Payment
    webhoo", a tryout)."""
    fishbone = example.root_cause.fishbone
    fishbone.problem = "Payment webhooks delayed up to 2h"
    fishbone.categories[0].causes[0].sub_causes += [f"Sub-cause {n}" for n in range(8)]
    app = make_app(tmp_path, example)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_section(app, 1)
        await typed(pilot, "3", "v")
        view = app.screen.query_one("#fishbone-diagram-view")
        await eventually(pilot, lambda: view.max_scroll_y > 0)
        assert view.max_scroll_y > 0  # it scrolls: the bar is there
        diagram = app.screen.query_one("#fishbone-diagram")
        drawn = str(diagram.render())
        width = diagram.size.width  # inside its padding, beside the scroll bar
        assert all(len(line) <= width for line in drawn.splitlines()), width
        assert "▶ Payment webhooks" in drawn
        # the footer names the way back ("v Diagram" stayed over the diagram)
        assert {k.key: k.description for k in footer_keys(app)}["v"] == "Tree"
        await typed(pilot, "v")
        assert {k.key: k.description for k in footer_keys(app)}["v"] == "Diagram"


def test_a_word_too_long_for_its_line_is_split_with_a_hyphen():
    """Split bare, "synchronous" over "ly" read as two words (a tryout)."""
    assert wrap("calls ledger synchronously", 11) == ["calls", "ledger", "synchronou-", "sly"]
    assert wrap("short words", 11) == ["short words"]


async def test_a_new_category_is_asked_with_a_short_label_and_an_example(example):
    """'Category (e.g. / Measurement, / Materials) *' wrapped over three lines at 80x24."""
    app = Host(example, lambda editor: FishboneEditor(editor, id="fishbone"))
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#fishbone-tree").focus()
        await typed(pilot, "c")
        assert isinstance(app.screen, FormDialog)
        label = app.screen.query_one(".field-label")
        assert label.size.height == 1 and str(label.render()) == "Category *"
        assert app.screen.query_one("#f-text").placeholder.startswith("e.g. Measurement")


async def test_the_problem_is_offered_from_the_5_whys():
    """The 5 whys' problem had to be typed again for the fishbone (a tryout)."""
    session = Session()
    session.root_cause.whys[0].problem = "Checkout returned 502s for 27 minutes"
    app = Host(session, lambda editor: FishboneEditor(editor, id="fishbone"))
    async with app.run_test(size=(100, 40)) as pilot:
        app.query_one("#fishbone-tree").focus()
        await typed(pilot, "p")
        assert app.screen.query_one("#f-text").value == "Checkout returned 502s for 27 minutes"
        await typed(pilot, "enter")
        assert session.root_cause.fishbone.problem == "Checkout returned 502s for 27 minutes"
        session.root_cause.fishbone.problem = ""
        await typed(pilot, "p", "Errors", "enter")  # typed over: the offer is not kept
        assert session.root_cause.fishbone.problem == "Errors"


def test_the_link_form_names_every_factor_in_its_three_lines():
    """With four long factors the hint showed F1 to F3 and "…": F4 could not be seen (a
    tryout)."""
    from sessions.models import Factor
    from widgets.fields import factors_named as _factors_named

    text = "The certificate rotation job did not include the intermediate certificate"
    factors = [Factor(id=f"F{n}", factor=text) for n in range(1, 7)]
    named = _factors_named(factors)
    assert all(f"F{n}: The cert" in named for n in range(1, 7)) and len(named) <= 170
