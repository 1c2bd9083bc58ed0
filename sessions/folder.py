"""Finding the session files below folders: the one walk `check`, `stats`, `actions` and the
library share, which says what it could not look into instead of skipping it silently."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sessions.errors import SessionFileError
from sessions.safe_read import open_error


@dataclass
class Found:
    """The session files found, and the folders that could not be listed."""

    files: list[Path] = field(default_factory=list)
    problems: list[SessionFileError] = field(default_factory=list)


def session_files(paths: Iterable[Path]) -> Found:
    """Files named are taken as they are; folders are searched for ``*.toml``.

    Hidden names (``.git``, the team's ``.pmtui.toml``) are left out. Symlinked folders are
    not followed, so a link can neither loop nor lead the walk out of the folder; a symlinked
    file is listed and its reader says what it is. A ``*.toml`` that is a FIFO or a device is
    listed too: reading refuses it without blocking, so it is reported like any unreadable file.
    """
    found = Found()
    for path in paths:
        if path.is_dir():  # a folder named is searched even through a symlink: it was chosen
            _walk(path, found)
        else:
            found.files.append(path)
    return found


def _walk(root: Path, found: Found) -> None:
    files: list[Path] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(Path(entry.path))
                    elif entry.name.endswith(".toml") and not _is_linked_folder(entry):
                        files.append(Path(entry.path))
        except OSError as error:
            problem = open_error(folder, error)
            found.problems.append(
                SessionFileError(folder, f"folder not searched: {problem.message}")
            )
    found.files.extend(sorted(files))


def _is_linked_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink() and entry.is_dir()
    except OSError:
        return False
