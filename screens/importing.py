"""The in-app import: a Markdown postmortem into a new session file beside the open one.

The open session stays open; the new file is named after the Markdown file (never over an
existing one), so the team's history lands in the same folder, ready for the library.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.app import App

from sessions.errors import SessionFileError
from sessions.import_file import import_beside
from sessions.template import Template
from sessions.wording import counted
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog

SOURCE_SPEC = FieldSpec(
    "path",
    "Markdown file (a path relative to this session's folder, or absolute)",
    short="Markdown file",
    required=True,
    placeholder="old/2019-07-02-outage.md",
)


async def import_markdown_beside(app: App, folder: Path, template: Template) -> Path | None:
    """Ask for a Markdown file, import it into a new session file in ``folder`` and say what
    happened; the file written, or None. Runs in a worker of ``app`` (it waits on a dialog)."""
    values = await app.push_screen_wait(
        FormDialog("Import a Markdown postmortem", [SOURCE_SPEC], {})
    )
    if values is None:
        return None
    source = folder / Path(values["path"]).expanduser()
    try:
        target, result = await asyncio.to_thread(import_beside, source, folder, template)
    except (SessionFileError, OSError) as error:
        app.notify(f"Could not import: {error}", severity="error", markup=False, timeout=10)
        return None
    kept = (
        f" {counted(len(result.unplaced), 'passage')} it could not place"
        f" {'is' if len(result.unplaced) == 1 else 'are'} kept in its Import Notes."
        if result.unplaced
        else ""
    )
    app.notify(
        f"Imported {source.name} into {target}.{kept} Open it with: pmtui {target}",
        title="Imported",
        markup=False,
        timeout=12,
    )
    return target
