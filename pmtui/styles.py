"""Style files read before Textual would read them: at start for the modes, once the first
screen is drawn for the dialogs.

When a screen brings a style file the app has not read, Textual parses every style source
again from scratch, in the key that opened the screen: about 19 ms for each first dialog,
help and preview. A mode's first screen parses them all once more whatever it brings. So the
modes' files are read with the app's own, and the dialogs' just after the first screen is
drawn, parsed alone, while the facilitator is still reading it. Each path is the one the
screen resolves itself, so Textual knows it has it.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from textual.app import App
from textual.screen import Screen


def styles_of(*screens: type[Screen]) -> list[Path]:
    """The style files the given screens name in their ``CSS_PATH``, in order, once each."""
    paths: list[Path] = []
    for screen in screens:
        named = screen.CSS_PATH
        for name in [named] if isinstance(named, str | Path) else list(named or ()):
            path = (Path(inspect.getfile(screen)).parent / name).resolve()
            if path not in paths:
                paths.append(path)
    return paths


def read_styles_later(app: App, *screens: type[Screen]) -> None:
    """Read the screens' style files once the screen is drawn, the ones not read yet, and
    parse only them. (A second after start was too late for a quick first key: each test's
    first form paid a full parse in its key.)"""

    def read() -> None:
        stylesheet = app.stylesheet
        new = [path for path in styles_of(*screens) if not stylesheet.has_source(str(path))]
        for path in new:
            stylesheet.read(path)
        if new:
            # Only the new files are parsed: ``reparse`` (what Textual does) starts a fresh
            # stylesheet and parses every source again (5 ms here against 25). Nor is what is
            # on screen restyled: each file's rules name its own screen, shown or not yet.
            stylesheet.parse()

    app.call_after_refresh(read)
