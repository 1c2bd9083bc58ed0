"""The questions in a modal: the safe answer first, and answers that fit the dialog."""

from textual.app import App

from widgets.confirm import ChoiceDialog


async def test_a_question_with_answers_shows_cancel_first_and_stacks_long_answers():
    """'Save your changes before quitting?' showed only Save and Quit, with the focus (and
    Enter) on saving and quitting; the agenda's presets ran off the dialog's edge."""
    answers: list[str | None] = []

    class Asks(App):
        def on_mount(self) -> None:
            choices = [("save", "Save and quit", "s"), ("discard", "Quit without saving", "d")]
            self.push_screen(ChoiceDialog("Save first?", "", choices), answers.append)

    app = Asks()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert (
            app.focused.id == "cancel"
            and "-stacked" not in app.screen.query_one("#answers").classes
        )
        await pilot.press("enter")
        assert answers == [None]
        long = [
            (str(n), f"A preset described at length, number {n}, 60 min", str(n)) for n in (1, 2)
        ]
        app.push_screen(ChoiceDialog("Preset?", "", long), answers.append)
        await pilot.pause()
        buttons = list(app.screen.query("#answers Button"))
        assert "-stacked" in app.screen.query_one("#answers").classes
        assert [str(b.label) for b in buttons][1].startswith("1  A preset")
        await pilot.press("2")
        assert answers == [None, "2"]
