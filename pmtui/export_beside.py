"""ctrl+e: the export written beside the session file, never over a file it did not write."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from sessions import export_record
from sessions.fileio import write_text_atomic
from widgets.confirm import Confirm


async def export_beside(app: App, session_path: Path, text: str) -> None:
    """Write ``text`` to the session's name with ``.md``: a file there this export did not
    write (the team's own notes, say) is replaced only if the user says so. Call it from a
    worker."""
    target = session_path.with_suffix(".md")
    if export_record.would_lose(target, text):
        question = f"{target.name} exists and was not written by this export. Replace it?"
        if not await app.push_screen_wait(Confirm(question, yes="Replace")):
            return
    try:
        write_text_atomic(target, text)
    except OSError as error:
        app.notify(f"Could not export: {error}", severity="error", markup=False)
        return
    export_record.remember(target, text)
    app.notify(f"Exported the postmortem to {target}", markup=False, timeout=6)
