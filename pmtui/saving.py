"""When and how the open session reaches its file, and what happens when the file changed.

The file itself is the ``SessionDocument`` (no UI there); this is the app's side of it:
autosave a moment after each edit, in a worker, from a snapshot; explicit saves; saying once
what went wrong (read-only, split hard links, beyond the limits) and keeping the edits; and
the question to ask when someone else changed the file: reload, keep mine as a copy, or
overwrite. The app owns the dialogs' keys and the ``save_state`` its header shows.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widgets import Input, TextArea

from sessions import ReadOnlyFileError, SessionFileError, dumps
from sessions.document import ChangedOnDisk, SessionDocument
from sessions.editing import SessionEditor
from sessions.edits import sort_timeline
from sessions.fileio import to_document
from sessions.limits import check_document
from sessions.meeting_timer import MeetingTimer
from sessions.models import Session
from sessions.wording import counted
from widgets.confirm import ChoiceDialog
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from pmtui.app import PostmortemApp


class SaveState(StrEnum):
    SAVED = "saved"
    UNSAVED = "unsaved"
    CONFLICT = "conflict"
    FAILED = "failed"

    def caption(self) -> str:
        return {
            SaveState.SAVED: "saved ✓",
            SaveState.UNSAVED: "● unsaved",  # as short as "saved ✓": the title keeps its room
            SaveState.CONFLICT: "⚠ changed on disk: not saving (ctrl+o)",
            SaveState.FAILED: "⚠ not saved (ctrl+s retries)",
        }[self]


class Saver:
    """The app's saving: ``edited`` after every change, the rest on keys and timers."""

    def __init__(
        self,
        app: PostmortemApp,
        document: SessionDocument,
        editor: SessionEditor,
        timer: MeetingTimer,
        autosave_delay: float,
    ) -> None:
        self.app = app
        self.document = document
        self.editor = editor
        self.timer = timer
        self.autosave_delay = autosave_delay
        self.saved_revision = 0
        self._autosave_timer: Timer | None = None
        self._failure_told = False
        self._told: set[str] = set()

    @property
    def state(self) -> SaveState:
        return self.app.save_state

    @state.setter
    def state(self, value: SaveState) -> None:
        self.app.save_state = value

    @property
    def unsaved(self) -> bool:
        return self.editor.revision != self.saved_revision

    # --- autosave -------------------------------------------------------------------------

    def edited(self, *, quiet: bool = False) -> None:
        """An edit happened: save shortly (at once, quietly, for the meeting clock's own)."""
        if self.state is SaveState.CONFLICT:
            return
        if not quiet:
            self.state = SaveState.UNSAVED
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        if quiet or not self.autosave_delay:
            self.app.call_later(self.autosave)
        else:
            self._autosave_timer = self.app.set_timer(self.autosave_delay, self.autosave)

    def autosave(self) -> None:
        self._autosave_timer = None
        if self.state is SaveState.CONFLICT or not self.unsaved:
            return
        self.timer.sync()
        snapshot, revision = self.editor.snapshot(), self.editor.revision
        self.app.run_worker(
            lambda: self._save(snapshot, revision), thread=True, exclusive=True, group="save"
        )

    def _save(self, snapshot: Session, revision: int) -> None:
        """In a worker thread, on a snapshot: the UI goes on meanwhile."""
        call = self.app.call_from_thread
        document = to_document(snapshot)
        parsed: Session | None = snapshot
        try:
            check_document(document, self.document.path)
        except SessionFileError as error:  # saved all the same: never lose the words
            call(self._over_limits, error)
            parsed = None  # and not kept as what the file reads as: reading refuses it
        try:
            self.document.save_document(document, parsed)
        except ChangedOnDisk:
            call(self.on_conflict)
        except OSError as error:
            call(self._failed, error)
        else:
            call(self._saved, revision)

    def save_now(self) -> bool:
        """Save on the UI thread (ctrl+s, quitting); False if it could not."""
        self.timer.sync()
        try:
            self.document.save_session(self.editor.session)
        except ChangedOnDisk:
            self.on_conflict()
            return False
        except OSError as error:
            self._failure_told = False
            self._failed(error)
            return False
        self._saved(self.editor.revision)
        return True

    # --- saying what happened, once ---------------------------------------------------------

    def _tell_once(self, key: str, message: str, severity: str) -> None:
        if key not in self._told:
            self._told.add(key)
            self.app.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]

    def _over_limits(self, error: SessionFileError) -> None:
        self._tell_once(
            str(error),
            f"{error.field or 'This session'} is over pmtui's limits ({error.message}). It is "
            "saved, but will not open again until it is shortened.",
            "error",
        )

    def _saved(self, revision: int) -> None:
        self.saved_revision = max(self.saved_revision, revision)
        self._failure_told = False
        if self.document.split_links:
            self._tell_once(
                "links",
                f"{self.document.path.name} had "
                f"{counted(self.document.split_links, 'other hard link')}; they keep the old "
                "text (saving replaces the file).",
                "warning",
            )
        if self.state is not SaveState.CONFLICT and (
            not self.unsaved or self.state is SaveState.FAILED
        ):
            self.state = SaveState.UNSAVED if self.unsaved else SaveState.SAVED

    def _failed(self, error: OSError) -> None:
        self.state = SaveState.FAILED
        if self._failure_told:  # once, not on every keystroke's autosave
            return
        self._failure_told = True
        why = (
            "the file is read-only"
            if isinstance(error, ReadOnlyFileError)
            else (error.strerror or str(error))
        )
        self.app.notify(
            f"Could not save {self.document.path}: {why}. Your edits are kept here; ctrl+s "
            "retries, or Save as… (command palette) writes them elsewhere.",
            severity="error",
            timeout=12,
        )

    # --- someone else changed the file ------------------------------------------------------

    def check_disk(self) -> None:
        if self.state is not SaveState.CONFLICT and self.document.changed_on_disk():
            self.on_conflict()

    def on_conflict(self) -> None:
        """Stop saving and tell the user; ask at once unless they are typing (keys must not
        land in a dialog they did not see coming)."""
        first = self.state is not SaveState.CONFLICT
        self.state = SaveState.CONFLICT
        if isinstance(self.app.focused, TextArea | Input):
            if first:
                self.app.notify(
                    f"{self.document.path.name} changed on disk. Not saving until you choose: "
                    "ctrl+o",
                    severity="error",
                    timeout=15,
                )
            return
        self.app.action_resolve_conflict()

    async def resolve_conflict(self) -> str | None:
        """Ask (in the app's worker) what to do about a file changed on disk; what was done:
        "reload", "copy" or "overwrite" (None if nothing)."""
        if self.state is not SaveState.CONFLICT:
            self.app.notify("The file on disk is as pmtui last saved it", timeout=3)
            return None
        mine = "your unsaved changes" if self.unsaved else "the version on screen"
        answer = await self.app.push_screen_wait(
            ChoiceDialog(
                f"{self.document.path.name} changed on disk (another editor, or git).",
                f"pmtui will not overwrite it silently. Reload it (a copy of {mine} is kept), "
                "keep working on a copy, or overwrite it.",
                [
                    ("reload", "Reload from disk", "r"),
                    ("copy", "Save mine as a copy", "c"),
                    ("overwrite", "Overwrite", "o"),
                ],
            )
        )
        if answer == "reload":
            done = self.reload()
        elif answer == "copy":
            # From now on the copy is what is edited; the file on disk is left as it was.
            mine = "Your version is saved, and edited from now on, as"
            done = self.write_to(self.document.copy_path(), mine)
        elif answer == "overwrite":
            overwrite = lambda text: self.document.save(text, overwrite=True)  # noqa: E731
            done = self._write(overwrite, "Overwrote")
        else:
            self.app.notify("Not saving until you reload or save a copy (ctrl+o)", timeout=6)
            done = False
        return answer if done else None

    def _write(self, write: Callable[[str], object], done: str) -> bool:
        """One write of the session; say what failed and keep the edits if it fails."""
        self.timer.sync()
        try:
            write(dumps(self.editor.session))
        except OSError as error:
            self.app.notify(
                f"Could not write: {error.strerror or error}. Your edits are kept here.",
                severity="error",
                timeout=10,
            )
            return False
        self._saved(self.editor.revision)
        self.state = SaveState.SAVED
        self.app.notify(f"{done} {self.document.path.name}", timeout=4)
        return True

    def write_to(self, target: Path, done: str) -> bool:
        """Write the session to a new file and go on editing that one."""

        def write(text: str) -> None:
            self.document.write_copy(text, target)
            self.document.move_to(target)

        return self._write(write, done)

    async def save_as(self) -> bool:
        """Ask where, then write there (a new file only) and edit that file."""
        spec = [FieldSpec("path", "Save as (a new file)", short="File", required=True)]
        answer = await self.app.push_screen_wait(
            FormDialog("Save as", spec, {"path": str(self.document.copy_path())})
        )
        if answer is None:
            return False
        target = Path(answer["path"]).expanduser()
        if target.exists():
            self.app.notify(f"{target} exists already: choose a new name", severity="warning")
            return False
        return self.write_to(target, "Saved as")

    def reload(self) -> bool:
        """Take the file as it is on disk (a copy of unsaved edits is kept first)."""
        if self.unsaved:
            try:
                kept = self.document.write_copy(dumps(self.editor.session))
            except OSError as error:
                self.app.notify(
                    f"Not reloading: could not keep a copy of your edits ({error.strerror}).",
                    severity="error",
                )
                return False
            self.app.notify(f"Your version is kept in {kept.name}", timeout=8)
        try:
            fresh = self.document.reload()
        except SessionFileError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return False
        self.timer.pause()
        sort_timeline(fresh)
        self.editor.replace(fresh)
        self.timer.meeting = self.editor.session.meeting
        self.saved_revision = self.editor.revision
        self.state = SaveState.SAVED
        self.app.notify(f"Reloaded {self.document.path.name} from disk")
        return True
