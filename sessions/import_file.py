"""A Markdown postmortem into a new session file: what `pmtui import` and the app's import
command share (the reading, the template's sections, a name that overwrites nothing)."""

from __future__ import annotations

from pathlib import Path

from sessions.fileio import save
from sessions.importer import ImportResult, import_markdown
from sessions.limits import MAX_FILE_BYTES
from sessions.safe_read import decode_utf8, read_regular_file
from sessions.team_sections import add_missing
from sessions.template import Template

MAX_NAME_TRIES = 1000
"""`name-2.toml` … `name-1000.toml`: past that, something else is wrong."""


def import_text(text: str, template: Template, fallback_title: str = "") -> ImportResult:
    """The session a Markdown text describes, with the template's sections it lacks."""
    result = import_markdown(text, template=template, fallback_title=fallback_title)
    add_missing(result.session.team_sections, template)
    return result


def read_markdown(path: Path) -> str:
    """The text of a Markdown file, read like a session file: a regular file, UTF-8, within
    the session file's size limit (a FIFO or a device is refused without blocking)."""
    return decode_utf8(read_regular_file(path, MAX_FILE_BYTES), path)


def free_name(folder: Path, stem: str) -> Path:
    """``folder/stem.toml``, or the first of ``stem-2.toml``, ``stem-3.toml``… not taken."""
    for number in range(1, MAX_NAME_TRIES + 1):
        candidate = folder / (f"{stem}.toml" if number == 1 else f"{stem}-{number}.toml")
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise FileExistsError(f"{folder / stem}.toml and {MAX_NAME_TRIES - 1} more names are taken")


def import_beside(source: Path, folder: Path, template: Template) -> tuple[Path, ImportResult]:
    """Import ``source`` into a new session file in ``folder`` named after it; the file
    written and the result. SessionFileError or OSError when it can't be read or written."""
    result = import_text(read_markdown(source), template, source.stem)
    target = free_name(folder, source.stem)
    save(result.session, target)
    return target, result
