"""An app reads every screen's styles at start-up, so that opening a screen never re-reads all.

When a screen brings a style file the app has not read, Textual parses every style source
again from scratch (no cache): about 19 ms at each first dialog, help or mode, paid in the
key that opened it. Read at start, the file is known and the screen adds nothing. Each path
is the one the screen itself resolves, so Textual recognises it.
"""

from __future__ import annotations

import inspect
from pathlib import Path

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
