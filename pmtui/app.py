"""The facilitator's app: meeting and drafting modes over one session file, saved as you go.

The app wires things together and owns what only an app can: the modes, the keys that work
everywhere, saving (when, in a worker, and what to do when the file changed on disk), the
guardrail runs, undo, and quitting. The file itself is a ``SessionDocument`` and every edit
goes through the ``SessionEditor``; screens contribute their own commands and help.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Protocol, runtime_checkable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Input, TextArea

from pmtui.key_order import OrderedKeysApp
from pmtui.themes import DEFAULT_THEME, PRESENTATION
from screens.drafting import DraftingScreen
from screens.help import HelpGroup, HelpScreen
from screens.importing import import_markdown_beside
from screens.meeting import MeetingScreen
from screens.parts import PartContext
from screens.preview import PreviewScreen
from sessions import ReadOnlyFileError, SessionFileError, dumps, to_markdown
from sessions.checks import Finding, run_checks
from sessions.checks.config import CheckConfig, find_config, load_config
from sessions.document import ChangedOnDisk, SessionDocument
from sessions.editing import EVERYTHING, SessionEditor
from sessions.edits import sort_timeline
from sessions.fileio import to_document, write_text_atomic
from sessions.limits import check_document
from sessions.meeting_timer import MeetingTimer
from sessions.textsafe import one_line, printable
from widgets.confirm import ChoiceDialog, Confirm
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited
from widgets.protocols import HasHelp


class SaveState(StrEnum):
    SAVED = "saved"
    UNSAVED = "unsaved"
    CONFLICT = "conflict"
    FAILED = "failed"

    def caption(self) -> str:
        return {
            SaveState.SAVED: "saved ✓",
            SaveState.UNSAVED: "● unsaved changes",
            SaveState.CONFLICT: "⚠ changed on disk: not saving (ctrl+o)",
            SaveState.FAILED: "⚠ not saved (ctrl+s retries)",
        }[self]


@runtime_checkable
class SessionView(Protocol):
    """What the app asks of its session screens."""

    def redraw(self, changed: set[str]) -> None: ...
    def show_findings(self, findings: list[Finding]) -> None: ...
    def commands(self) -> Iterable[SystemCommand]: ...
    def help_groups(self) -> list[HelpGroup]: ...


class PostmortemApp(OrderedKeysApp, App[int]):
    """Construct with a document (or a path); clocks and delays are injectable for tests."""

    CSS_PATH = "app.tcss"
    TITLE = "pmtui"
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("f2", "mode('meeting')", "Meeting", show=False),
        Binding("f3", "mode('drafting')", "Drafting", show=False),
        Binding("f5", "preview", "Preview", show=False),
        Binding("ctrl+s", "save", "Save", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+e", "export", "Export .md", show=False),
        Binding("ctrl+t", "toggle_presentation", "Presentation theme", show=False),
        Binding("ctrl+o", "resolve_conflict", "Resolve file conflict", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    save_state: var[SaveState] = var(SaveState.SAVED)
    """Whether what is on screen is on disk; the header's subtitle says it."""

    def __init__(
        self,
        source: SessionDocument | Path | str,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        today: dt.date | None = None,
        autosave_delay: float = 2.0,
        check_delay: float = 0.3,
        watch_interval: float = 2.0,
        start_mode: str = "meeting",
    ) -> None:
        super().__init__()
        self.document = (
            source if isinstance(source, SessionDocument) else SessionDocument.open(source)
        )
        session = self.document.session
        sort_timeline(session)
        self.editor = SessionEditor(session)
        self.timer = MeetingTimer(session.meeting, clock=clock, wall=now)
        self.now = now
        self.today = today
        self.config, self._config_error = self._load_config()
        self.context = PartContext(self.editor, today or dt.date.today(), self.config.template)
        self.autosave_delay = autosave_delay
        self.check_delay = check_delay
        self.watch_interval = watch_interval
        self.start_mode = start_mode
        self.saved_revision = 0
        self.findings: list[Finding] = []
        self.session_screens: list[MeetingScreen | DraftingScreen] = []
        self._autosave_timer = None
        self._failure_told = False
        self._exported: str | None = None
        self._told: set[str] = set()

    def _load_config(self) -> tuple[CheckConfig, str]:
        try:
            return load_config(find_config(self.document.path)), ""
        except SessionFileError as error:
            return load_config(None), str(error)

    # --- start-up -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.register_theme(PRESENTATION)
        self.add_mode(
            "meeting", lambda: self._keep(MeetingScreen(self.context, self.timer, self.now))
        )
        self.add_mode("drafting", lambda: self._keep(DraftingScreen(self.context)))
        self.switch_mode(self.start_mode)
        self.update_title()
        self.set_interval(self.watch_interval, self.check_disk)
        self.recheck()
        if self.timer.recovered:  # the file said the timer ran; it is paused now
            self._edited(quiet=True)
        if self._config_error:
            self.notify(self._config_error, severity="error", markup=False)

    def _keep(self, screen: MeetingScreen | DraftingScreen) -> Screen:
        """Remember the session screens the app made, to give them the guardrail results."""
        self.session_screens.append(screen)
        screen.show_findings(self.findings)
        return screen

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """Every toast, whoever raises it, shows session text (a file name, a field) inert."""
        super().notify(printable(str(message)), title=one_line(title), **kwargs)

    def update_title(self) -> None:
        meta = self.editor.session.metadata
        name = " ".join(part for part in (meta.incident_id, meta.title) if part)
        name = name if len(name) <= 48 else name[:47] + "…"
        self.title = one_line(name) or f"{self.document.path.name} (untitled)"
        self.sub_title = self.save_state.caption()

    def watch_save_state(self, state: SaveState) -> None:
        self.sub_title = state.caption()

    # --- edits: autosave and guardrails -------------------------------------------------

    def on_session_edited(self, message: SessionEdited) -> None:
        if message.part.startswith("metadata"):
            self.update_title()
        self._edited(quiet=message.quiet)

    def _edited(self, *, quiet: bool = False) -> None:
        if self.save_state is SaveState.CONFLICT:
            return
        if not quiet:
            self.save_state = SaveState.UNSAVED
            self.recheck()
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        delay = 0 if quiet else self.autosave_delay
        self._autosave_timer = self.set_timer(delay, self.autosave) if delay else None
        if not delay:
            self.call_later(self.autosave)

    def autosave(self) -> None:
        self._autosave_timer = None
        if self.save_state is SaveState.CONFLICT or self.editor.revision == self.saved_revision:
            return
        self.timer.sync()
        self._save_worker(self.editor.snapshot(), self.editor.revision)

    @work(thread=True, exclusive=True, group="save")
    def _save_worker(self, snapshot, revision: int) -> None:
        try:
            check_document(to_document(snapshot), self.document.path)
        except SessionFileError as error:  # saved all the same: never lose the words
            self.call_from_thread(self._over_limits, error)
        try:
            self.document.save(dumps(snapshot))
        except ChangedOnDisk:
            self.call_from_thread(self.on_conflict)
        except OSError as error:
            self.call_from_thread(self._save_failed, error)
        else:
            self.call_from_thread(self._saved, revision)

    def _over_limits(self, error: SessionFileError) -> None:
        """Once per reason: the file is saved, but pmtui would refuse to open it again."""
        if str(error) in self._told:
            return
        self._told.add(str(error))
        self.notify(
            f"{error.field or 'This session'} is over pmtui's limits ({error.message}). It is "
            "saved, but will not open again until it is shortened.",
            severity="error",
            timeout=15,
        )

    def _saved(self, revision: int) -> None:
        self.saved_revision = max(self.saved_revision, revision)
        self._failure_told = False
        if self.document.split_links and "links" not in self._told:
            self._told.add("links")
            self.notify(
                f"{self.document.path.name} had {self.document.split_links} other hard "
                "link(s); they keep the old text (saving replaces the file).",
                severity="warning",
                timeout=10,
            )
        if self.save_state is not SaveState.CONFLICT:
            unsaved = self.saved_revision < self.editor.revision
            if not unsaved or self.save_state is SaveState.FAILED:
                self.save_state = SaveState.UNSAVED if unsaved else SaveState.SAVED

    def _save_failed(self, error: OSError) -> None:
        self.save_state = SaveState.FAILED
        if not self._failure_told:  # once, not on every keystroke's autosave
            self._failure_told = True
            why = (
                "the file is read-only"
                if isinstance(error, ReadOnlyFileError)
                else (error.strerror or str(error))
            )
            self.notify(
                f"Could not save {self.document.path}: {why}. Your edits are kept here; "
                "ctrl+s retries, or Save as… (command palette) writes them elsewhere.",
                severity="error",
                timeout=12,
                markup=False,
            )

    def save_now(self) -> bool:
        """Save on the UI thread (explicit save, quit); False if it could not."""
        self.timer.sync()
        try:
            self.document.save(dumps(self.editor.session))
        except ChangedOnDisk:
            self.on_conflict()
            return False
        except OSError as error:
            self._failure_told = False
            self._save_failed(error)
            return False
        self._saved(self.editor.revision)
        return True

    def action_save(self) -> None:
        if self.save_state is SaveState.CONFLICT:
            self.action_resolve_conflict()
        elif self.save_now():
            self.notify(f"Saved {self.document.path.name}", markup=False, timeout=2)

    @work(exclusive=True, group="checks")
    async def recheck(self) -> None:
        """The guardrails, off the UI thread on a snapshot, shortly after the last edit."""
        await asyncio.sleep(self.check_delay)
        snapshot = self.editor.snapshot()
        try:
            findings = await asyncio.to_thread(
                run_checks, snapshot, today=self.today, config=self.config
            )
        except Exception as error:  # a rule must not take the meeting down with it
            self.notify(f"The guardrails failed: {error!r}", severity="error", markup=False)
            return
        self.findings = findings
        for screen in self.session_screens:
            screen.show_findings(findings)

    def action_undo(self) -> None:
        change = self.editor.undo()
        if change is None:
            self.notify("Nothing to undo", timeout=2)
            return
        self.timer.follow()
        if isinstance(self.screen, SessionView):
            self.screen.redraw({change.part})
        self._edited()
        self.notify(f"Undone: {change.what}", markup=False, timeout=3)

    # --- someone else changed the file ----------------------------------------------------

    def check_disk(self) -> None:
        if self.save_state is not SaveState.CONFLICT and self.document.changed_on_disk():
            self.on_conflict()

    def on_conflict(self) -> None:
        """Stop saving and tell the user; ask at once unless they are typing (keys must not
        land in a dialog they did not see coming)."""
        first = self.save_state is not SaveState.CONFLICT
        self.save_state = SaveState.CONFLICT
        if isinstance(self.focused, TextArea | Input):
            if first:
                self.notify(
                    f"{self.document.path.name} changed on disk. Not saving until you choose: "
                    "ctrl+o",
                    severity="error",
                    timeout=15,
                    markup=False,
                )
            return
        self.action_resolve_conflict()

    @work(exclusive=True, group="conflict")
    async def action_resolve_conflict(self) -> None:
        if self.save_state is not SaveState.CONFLICT:
            self.notify("The file on disk is as pmtui last saved it", timeout=3)
            return
        mine = "your unsaved changes" if self.unsaved else "the version on screen"
        answer = await self.push_screen_wait(
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
            self.reload_from_disk()
        elif answer == "copy":
            self.save_copy()
        elif answer == "overwrite":
            self._write(lambda text: self.document.save(text, overwrite=True), "Overwrote")
        else:
            self.notify("Not saving until you reload or save a copy (ctrl+o)", timeout=6)

    @property
    def unsaved(self) -> bool:
        return self.editor.revision != self.saved_revision

    def _write(self, write: Callable[[str], object], done: str) -> bool:
        """Run one write of the session; say what failed and keep the edits if it fails."""
        self.timer.sync()
        try:
            write(dumps(self.editor.session))
        except OSError as error:
            self.notify(
                f"Could not write: {error.strerror or error}. Your edits are kept here.",
                severity="error",
                timeout=10,
                markup=False,
            )
            return False
        self._saved(self.editor.revision)
        self.save_state = SaveState.SAVED
        self.notify(f"{done} {self.document.path.name}", markup=False, timeout=4)
        return True

    def save_copy(self) -> None:
        copy = self.document.copy_path()

        def write(text: str) -> None:
            self.document.write_copy(text, copy)
            self.document.move_to(copy)

        if self._write(write, "Saved your version as"):
            self.update_title()

    def reload_from_disk(self) -> None:
        if self.unsaved:
            try:
                kept = self.document.write_copy(dumps(self.editor.session))
            except OSError as error:
                self.notify(
                    f"Not reloading: could not keep a copy of your edits ({error.strerror}).",
                    severity="error",
                    markup=False,
                )
                return
            self.notify(f"Your version is kept in {kept.name}", markup=False, timeout=8)
        try:
            fresh = self.document.reload()
        except SessionFileError as error:
            self.notify(str(error), severity="error", markup=False, timeout=10)
            return
        self.timer.pause()
        sort_timeline(fresh)
        self.editor.replace(fresh)
        self.timer.meeting = self.editor.session.meeting
        self.saved_revision = self.editor.revision
        self.save_state = SaveState.SAVED
        if isinstance(self.screen, SessionView):
            self.screen.redraw({EVERYTHING})
        self.update_title()
        self.recheck()
        self.notify(f"Reloaded {self.document.path.name} from disk", markup=False)

    @work(exclusive=True, group="save-as")
    async def action_save_as(self) -> None:
        spec = [FieldSpec("path", "Save as (a new file)", short="File", required=True)]
        answer = await self.push_screen_wait(
            FormDialog("Save as", spec, {"path": str(self.document.copy_path())})
        )
        if answer is None:
            return
        target = Path(answer["path"]).expanduser()
        if target.exists():
            self.notify(f"{target} exists already: choose a new name", severity="warning")
            return

        def write(text: str) -> None:
            self.document.write_copy(text, target)
            self.document.move_to(target)

        if self._write(write, "Saved as"):
            self.update_title()

    # --- views ------------------------------------------------------------------------------

    def action_mode(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_preview(self) -> None:
        if isinstance(self.screen, PreviewScreen):
            self.pop_screen()
            return
        self.push_screen(PreviewScreen(self.markdown()))

    def markdown(self) -> str:
        """The export, with the team's template (its sections, its action types)."""
        return to_markdown(self.editor.session, self.config.template)

    @work(exclusive=True, group="export")
    async def action_export(self) -> None:
        target = self.document.path.with_suffix(".md")
        text = self.markdown()
        if target.exists() and target.read_text(errors="replace") not in (self._exported, text):
            question = f"{target.name} exists and was not written by this export. Replace it?"
            if not await self.push_screen_wait(Confirm(question, yes="Replace")):
                return
        try:
            write_text_atomic(target, text)
        except OSError as error:
            self.notify(f"Could not export: {error}", severity="error", markup=False)
            return
        self._exported = text
        self.notify(f"Exported the postmortem to {target}", markup=False, timeout=6)

    @work(exclusive=True, group="import")
    async def action_import_markdown(self) -> None:
        await import_markdown_beside(self, self.document.path.parent, self.config.template)

    def action_toggle_presentation(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == PRESENTATION.name else PRESENTATION.name

    def action_help(self) -> None:
        groups: list[HelpGroup] = []
        for widget in [self.focused, *(self.focused.ancestors if self.focused else [])]:
            if isinstance(widget, HasHelp) and not isinstance(widget, App):
                groups.append((f"Here: {widget.HELP_TITLE}", "", list(widget.BINDINGS)))
        groups.append(("Everywhere", "", [*self.BINDINGS, Binding("ctrl+p", "", "Commands")]))
        screen = self.screen
        if isinstance(screen, SessionView):
            groups.extend(screen.help_groups())
            seen = {
                type(w) for w in [self.focused, *(self.focused.ancestors if self.focused else [])]
            }
            for widget in screen.query("*"):
                if isinstance(widget, HasHelp) and type(widget) not in seen:
                    seen.add(type(widget))
                    groups.append((widget.HELP_TITLE, "", list(widget.BINDINGS)))
        self.push_screen(HelpScreen(groups))

    # --- the command palette ----------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Keys":  # F1 (Help) shows every key, by place
                yield command
        yield SystemCommand("Help: every key", "By where it works (F1)", self.action_help)
        yield SystemCommand("Save", "Save the session file now (ctrl+s)", self.action_save)
        yield SystemCommand(
            "Save as…", "Write the session to a new file and edit that", self.action_save_as
        )
        yield SystemCommand("Undo", "Undo the last change (ctrl+z)", self.action_undo)
        yield SystemCommand(
            "Meeting mode", "The timed agenda walk (F2)", lambda: self.action_mode("meeting")
        )
        yield SystemCommand(
            "Drafting mode", "Edit the whole document (F3)", lambda: self.action_mode("drafting")
        )
        yield SystemCommand("Preview Markdown", "The exported postmortem (F5)", self.action_preview)
        yield SystemCommand(
            "Export Markdown", "Write the .md beside the session (ctrl+e)", self.action_export
        )
        yield SystemCommand(
            "Import Markdown…",
            "A Markdown postmortem into a new session file beside this one",
            self.action_import_markdown,
        )
        yield SystemCommand(
            "Presentation theme",
            "High contrast for screen sharing (ctrl+t)",
            self.action_toggle_presentation,
        )
        yield SystemCommand(
            "Resolve file conflict",
            "Reload, save a copy or overwrite (ctrl+o)",
            self.action_resolve_conflict,
        )
        if isinstance(screen, SessionView):
            yield from screen.commands()
        yield from self._focused_commands(screen)

    def _focused_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the editor in use, hidden from the footer or not, by name."""
        for active in screen.active_bindings.values():
            node, binding = active.node, active.binding
            if not isinstance(node, HasHelp) or not binding.description or not active.enabled:
                continue
            key = self.get_key_display(binding)
            yield SystemCommand(
                f"{node.HELP_TITLE}: {binding.description}",
                f"({key})",
                lambda node=node, action=binding.action: self.run_action(action, node),
            )

    # --- leaving ----------------------------------------------------------------------------

    @work(exclusive=True, group="quit")
    async def action_quit(self) -> None:
        self.timer.pause()
        if not self.unsaved:
            self.exit(0)
            return
        answer = await self.push_screen_wait(
            ChoiceDialog(
                "Save your changes before quitting?",
                str(self.document.path),
                [("save", "Save and quit", "s"), ("discard", "Quit without saving", "d")],
            )
        )
        if (answer == "save" and self.save_now()) or answer == "discard":
            self.exit(0)
