"""Opening a screen never makes Textual re-read every style: the app read them beforehand.

A screen that brings a style file the app has not read makes Textual parse every source again
from scratch, in the key that opened it (about 19 ms; the first form took twice as long as
the next). The modes' files are read at start, the dialogs' a moment later."""

from textual.css.stylesheet import Stylesheet
from textual.screen import ModalScreen

from tests.app_helpers import make_app, settle, typed


def _style_files(app) -> set[str]:
    return {str(path) for path, _class_var in app.stylesheet.source if path.endswith(".tcss")}


async def test_every_screen_and_dialog_finds_its_styles_already_read(tmp_path, monkeypatch):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        at_start = _style_files(app)
        opened = []
        for key in ("a", "v", "f1", "f5"):  # a form, the log paste, help, the preview
            await typed(pilot, key)
            assert isinstance(app.screen, ModalScreen), key
            opened.append(type(app.screen).__name__)
            await typed(pilot, "escape")
        await typed(pilot, "f3")
        assert app.current_mode == "drafting"
        assert opened == ["FormDialog", "PasteLogsDialog", "HelpScreen", "PreviewScreen"]
        assert _style_files(app) == at_start


async def test_the_app_starts_on_its_mode_without_parsing_the_styles_again(tmp_path, monkeypatch):
    """Switching to the start mode made Textual parse every style source twice more at start
    (about 30 ms, a third of a bare app's start); the start mode's screen is the first screen."""
    reparsed = []
    reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: reparsed.append(1) or reparse(self))
    for mode in ("meeting", "drafting"):
        reparsed.clear()
        app = make_app(tmp_path, start_mode=mode)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert app.current_mode == mode
            assert app.screen is app.session_screens[0] and app.screen.focused is not None
            assert reparsed == []
            await typed(pilot, "f3" if mode == "meeting" else "f2")
            assert app.current_mode != mode and len(app.session_screens) == 2
            await typed(pilot, "f2" if mode == "meeting" else "f3")
            assert app.current_mode == mode and app.screen is app.session_screens[0]
