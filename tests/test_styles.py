"""Opening a screen never makes Textual re-read every style: the app read them beforehand.

A screen that brings a style file the app has not read makes Textual parse every source again
from scratch, in the key that opened it (about 19 ms; the first form took twice as long as
the next). The modes' files are read at start, the dialogs' a moment later."""

from textual.screen import ModalScreen

from pmtui import styles
from tests.app_helpers import make_app, settle, typed


def _style_files(app) -> set[str]:
    return {str(path) for path, _class_var in app.stylesheet.source if path.endswith(".tcss")}


async def test_every_screen_and_dialog_finds_its_styles_already_read(tmp_path, monkeypatch):
    monkeypatch.setattr(styles, "LATER", 0.01)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.05)
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
