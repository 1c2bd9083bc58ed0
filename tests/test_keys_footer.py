"""The footer drawn as one line: what it shows at a width, and what the pointer does."""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from widgets.keys_footer import KeysFooter

GROUP = Binding.Group("timer")


class Keys(App):
    BINDINGS = [
        Binding("a", "note('add')", "Add", tooltip="Add an event below the selection"),
        Binding("d", "note('delete')", "Delete"),
        Binding("x", "note('never')", "Off"),
        Binding("s", "note('start')", "Start", group=GROUP),
        Binding("n", "note('next')", "Next", group=GROUP),
        Binding("z", "note('zoom')", "A long description that cannot fit"),
        Binding("i", "note('park')", "Park", show=False),  # shown where there is room
        Binding("up", "note('up')", "Up", show=False),  # moving: never
    ]

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeysFooter()

    def action_note(self, what: str) -> None:
        self.notes.append(what)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if parameters == ("never",) else True  # shown, but not usable now


async def test_keys_in_order_a_group_before_its_name_and_the_palette_at_the_edge():
    app = Keys()
    async with app.run_test(size=(80, 3)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        line = footer.render().plain
        assert line.startswith("a Add d Delete x Off  s n timer z A long description that")
        assert line.endswith("▏^p palette ") and len(line) == 80
        keys = {key.key: key for key in footer.laid_out()}
        assert (keys["a"].x, keys["a"].width) == (0, len("a Add"))
        assert keys["x"].enabled is False and keys["a"].enabled is True
        # Too narrow for the long one: it is left off whole, never cut.
        narrow = footer.laid_out(50)
        assert "z" not in {key.key for key in narrow} and "n" in {key.key for key in narrow}


async def test_a_click_presses_the_key_and_the_pointer_shows_its_tooltip():
    app = Keys()
    async with app.run_test(size=(80, 3)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        add = next(key for key in footer.laid_out() if key.key == "a")
        await pilot.hover(KeysFooter, offset=(add.x + 1, 0))
        assert footer.tooltip == "Add an event below the selection"
        await pilot.click(KeysFooter, offset=(add.x + 1, 0))
        off = next(key for key in footer.laid_out() if key.key == "x")
        await pilot.click(KeysFooter, offset=(off.x, 0))  # not usable now: a bell, no action
        assert app.notes == ["add"]


async def test_the_row_follows_the_bindings_of_the_focused_widget():
    class Focusable(Static, can_focus=True):
        BINDINGS = [Binding("e", "app.note('edit')", "Edit")]

    class WithEditor(Keys):
        def compose(self) -> ComposeResult:
            yield Focusable("editor", id="editor")
            yield Static("body")
            yield KeysFooter()

    app = WithEditor()
    async with app.run_test(size=(80, 3)) as pilot:
        app.set_focus(None)
        await pilot.pause()
        assert "e Edit" not in app.query_one(KeysFooter).render().plain
        app.set_focus(app.query_one("#editor"))
        await pilot.pause()
        assert app.query_one(KeysFooter).render().plain.startswith("e Edit a Add")


async def test_keys_kept_out_of_the_row_follow_it_where_there_is_room():
    """At 160 columns the row ended at F1 Help with half the screen empty, and the meeting's
    own keys (i, T, C…) were nowhere (a tryout)."""
    app = Keys()
    async with app.run_test(size=(120, 3)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        line = footer.render().plain
        assert "A long description that cannot fit i Park" in line
        assert "Up" not in line and "Focus Next" not in line  # moving and Textual's own
        assert "i" not in {key.key for key in footer.laid_out(80)}  # no room: the row first
