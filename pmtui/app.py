"""The facilitator's app: meeting and drafting modes over one session file, saved as you go."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, TextArea

from pmtui.themes import DEFAULT_THEME, PRESENTATION
from screens.base import SessionScreen
from screens.drafting import DraftingScreen
from screens.help import HelpScreen
from screens.meeting import MeetingScreen
from screens.parts import PARTS
from screens.preview import PreviewScreen
from sessions import Session, SessionFileError, dumps, load, to_markdown
from sessions.checks.config import find_config, load_config
from sessions.fileio import write_text_atomic
from sessions.meeting_timer import MeetingTimer
from widgets.confirm import ChoiceDialog
from widgets.messages import SessionEdited, Undoable


@dataclass(frozen=True)
class DiskStamp:
    """What the file on disk looked like when we last read or wrote it."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> DiskStamp | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(stat.st_mtime_ns, stat.st_size)


class PostmortemApp(App[int]):
    """Construct with the session's path; clock, wall time and delays are injectable for tests."""

    CSS_PATH = "app.tcss"
    TITLE = "pmtui"
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("f2", "mode('meeting')", "Meeting"),
        Binding("f3", "mode('drafting')", "Drafting"),
        Binding("f5", "preview", "Preview"),
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+z", "undo", "Undo"),
        Binding("ctrl+e", "export", "Export .md"),
        Binding("ctrl+t", "toggle_presentation", "Presentation theme", show=False),
        Binding("ctrl+o", "resolve_conflict", "Resolve file conflict", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        path: Path | str,
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
        self.path = Path(path)
        self.session: Session = load(self.path)
        self.stamp = DiskStamp.of(self.path)
        self.last_written = self.path.read_bytes()
        self.clock = clock
        self.now = now
        self.today = today
        self.autosave_delay = autosave_delay
        self.check_delay = check_delay
        self.watch_interval = watch_interval
        self.start_mode = start_mode
        self.dirty = False
        self.conflict = False
        self.edit_serial = 0
        self.undo_stack: list[Undoable] = []
        self.session_screens: list[MeetingScreen | DraftingScreen] = []
        self._autosave_timer: Timer | None = None
        self.timer = MeetingTimer(self.session.meeting, clock=clock)
        try:
            self.check_config = load_config(find_config(self.path))
        except SessionFileError as error:
            self.check_config = load_config(None)
            self._config_error = str(error)
        else:
            self._config_error = ""

    # --- start-up -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.register_theme(PRESENTATION)
        common = {"check_delay": self.check_delay, "today": self.today, "config": self.check_config}
        self.add_mode(
            "meeting",
            lambda: self._keep(MeetingScreen(self.session, self.timer, self.now, **common)),
        )
        self.add_mode("drafting", lambda: self._keep(DraftingScreen(self.session, **common)))
        self.switch_mode(self.start_mode)
        self.update_title()
        self.set_interval(self.watch_interval, self.check_disk)
        if self._config_error:
            self.notify(self._config_error, severity="error", markup=False)

    def _keep(self, screen: MeetingScreen | DraftingScreen) -> MeetingScreen | DraftingScreen:
        """Remember the session screens the app made, to refresh them after undo or reload."""
        self.session_screens.append(screen)
        return screen

    def update_title(self) -> None:
        meta = self.session.metadata
        name = " ".join(part for part in (meta.incident_id, meta.title) if part) or self.path.name
        self.title = f"pmtui — {name}"
        if self.conflict:
            self.sub_title = "⚠ file changed on disk — not saving"
        elif self.dirty:
            self.sub_title = "● unsaved changes"
        else:
            self.sub_title = f"saved ✓ {self.path.name}"

    # --- edits, undo, autosave ----------------------------------------------------------

    def on_session_edited(self, message: SessionEdited) -> None:
        self.edit_serial += 1
        self.dirty = True
        self.update_title()
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        if self.autosave_delay <= 0:
            self.call_later(self.autosave)
        else:
            self._autosave_timer = self.set_timer(self.autosave_delay, self.autosave)

    def on_undoable(self, message: Undoable) -> None:
        self.undo_stack.append(message)
        del self.undo_stack[:-100]

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo")
            return
        change = self.undo_stack.pop()
        change.undo()
        self._reload_screens()
        self.on_session_edited(SessionEdited(f"undo {change.description}"))
        self.notify(f"Undone: {change.description}", markup=False)

    def autosave(self) -> None:
        if self.dirty and not self.conflict:
            self._save_worker(dumps(self.session), self.edit_serial)

    @work(thread=True, exclusive=True, group="save")
    def _save_worker(self, text: str, serial: int) -> None:
        if self._changed_on_disk():
            self.call_from_thread(self.on_conflict)
            return
        try:
            write_text_atomic(self.path, text)
        except OSError as error:
            self.call_from_thread(
                self.notify, f"Could not save {self.path}: {error}", severity="error", markup=False
            )
            return
        self.call_from_thread(self._saved, text.encode("utf-8"), serial)

    def _saved(self, written: bytes, serial: int) -> None:
        self.last_written = written
        self.stamp = DiskStamp.of(self.path)
        if serial == self.edit_serial:
            self.dirty = False
        self.update_title()

    def save_now(self) -> bool:
        """Save on the UI thread (explicit save, quit); False if the file changed on disk."""
        self.timer.sync()
        if self._changed_on_disk():
            self.on_conflict()
            return False
        text = dumps(self.session)
        try:
            write_text_atomic(self.path, text)
        except OSError as error:
            self.notify(f"Could not save {self.path}: {error}", severity="error", markup=False)
            return False
        self._saved(text.encode("utf-8"), self.edit_serial)
        return True

    def action_save(self) -> None:
        if self.conflict:
            self.action_resolve_conflict()
        elif self.save_now():
            self.notify(f"Saved {self.path}", markup=False, timeout=2)

    # --- someone else changed the file ------------------------------------------------------

    def _changed_on_disk(self) -> bool:
        stamp = DiskStamp.of(self.path)
        if stamp == self.stamp:
            return False
        try:
            current = self.path.read_bytes()
        except OSError:
            return True
        if current == self.last_written:
            self.stamp = stamp
            return False
        return True

    def check_disk(self) -> None:
        if not self.conflict and self._changed_on_disk():
            self.on_conflict()

    def on_conflict(self) -> None:
        """Stop saving and tell the user; ask at once unless they are typing (keys must not
        land in a dialog they did not see coming)."""
        first = not self.conflict
        self.conflict = True
        self.update_title()
        if isinstance(self.focused, TextArea | Input):
            if first:
                self.notify(
                    f"{self.path.name} changed on disk. Not saving until you choose: ctrl+o",
                    severity="error",
                    timeout=15,
                    markup=False,
                )
            return
        self.action_resolve_conflict()

    def action_resolve_conflict(self) -> None:
        if not self.conflict:
            self.notify("The file on disk is as pmtui last saved it")
            return
        if isinstance(self.screen, ChoiceDialog):
            return
        mine = "your unsaved changes" if self.dirty else "the version on screen"
        dialog = ChoiceDialog(
            f"{self.path.name} changed on disk (another editor, or git).",
            f"pmtui will not overwrite it silently. Reload it (a copy of {mine} is kept), "
            "keep working on a copy, or overwrite it.",
            [
                ("reload", "Reload from disk", "r"),
                ("copy", "Save mine as a copy", "c"),
                ("overwrite", "Overwrite", "o"),
            ],
        )
        self.push_screen(dialog, self._resolve_conflict)

    def _copy_path(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        return self.path.with_name(f"{self.path.stem}.mine-{stamp}{self.path.suffix}")

    def _resolve_conflict(self, answer: str | None) -> None:
        if answer is None:
            self.notify("Not saving until you reload or save a copy (command palette)", timeout=6)
            return
        if answer == "overwrite":
            self.conflict = False
            self.stamp = DiskStamp.of(self.path)
            self.last_written = self.path.read_bytes() if self.path.exists() else b""
            self.save_now()
            self.notify(f"Overwrote {self.path.name} with your version", markup=False)
        elif answer == "copy":
            self.save_copy()
        elif answer == "reload":
            if self.dirty:
                copy = self._copy_path()
                write_text_atomic(copy, dumps(self.session))
                self.notify(f"Your version is kept in {copy.name}", markup=False, timeout=8)
            self.reload_from_disk()

    def save_copy(self) -> None:
        copy = self._copy_path()
        self.timer.sync()
        write_text_atomic(copy, dumps(self.session))
        self.path = copy
        self.conflict = False
        self._saved(copy.read_bytes(), self.edit_serial)
        self.notify(f"Saved your version as {copy.name}; now editing that file", markup=False)

    def reload_from_disk(self) -> None:
        try:
            fresh = load(self.path)
        except SessionFileError as error:
            self.notify(str(error), severity="error", markup=False, timeout=10)
            return
        self.timer.pause()
        for name in type(fresh).model_fields:
            setattr(self.session, name, getattr(fresh, name))
        self.timer.meeting = self.session.meeting
        self.stamp = DiskStamp.of(self.path)
        self.last_written = self.path.read_bytes()
        self.conflict = False
        self.dirty = False
        self.undo_stack.clear()
        self._reload_screens()
        self.update_title()
        self.notify(f"Reloaded {self.path.name} from disk", markup=False)

    def _reload_screens(self) -> None:
        for screen in self.session_screens:
            if not screen.is_mounted:
                continue
            screen.reload_from_model()
            if isinstance(screen, MeetingScreen):
                screen.show_section()

    # --- views ------------------------------------------------------------------------------

    def action_mode(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_preview(self) -> None:
        if isinstance(self.screen, PreviewScreen):
            self.pop_screen()
            return
        self.push_screen(PreviewScreen(to_markdown(self.session)))

    def action_export(self) -> None:
        target = self.path.with_suffix(".md")
        try:
            write_text_atomic(target, to_markdown(self.session))
        except OSError as error:
            self.notify(f"Could not export: {error}", severity="error", markup=False)
            return
        self.notify(f"Exported the postmortem to {target}", markup=False, timeout=6)

    def action_toggle_presentation(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == PRESENTATION.name else PRESENTATION.name

    def action_help(self) -> None:
        from widgets.findings_panel import FindingsPanel
        from widgets.fishbone import FishboneEditor
        from widgets.record_table import RecordTable
        from widgets.timeline_editor import TimelineEditor
        from widgets.whys import WhysEditor

        groups = []
        focused = self.focused
        for widget in [focused, *(focused.ancestors if focused else [])]:
            if (
                widget is not None
                and getattr(widget, "BINDINGS", None)
                and not isinstance(widget, App | Screen)
            ):
                doc = (type(widget).__doc__ or "").strip().split("\n")[0]
                groups.append((f"Here: {type(widget).__name__}", doc, list(widget.BINDINGS)))
                break
        groups += [
            ("Everywhere", "", [*list(self.BINDINGS), Binding("ctrl+p", "", "Command palette")]),
            ("Meeting mode", "The timed agenda walk.", list(MeetingScreen.BINDINGS)),
            ("Drafting mode", "The whole document, part by part.", list(DraftingScreen.BINDINGS)),
            (
                "Tables",
                "Timeline, factors, action items and other lists.",
                list(RecordTable.BINDINGS),
            ),
            ("Timeline", "", list(TimelineEditor.BINDINGS)),
            ("5 whys", "", list(WhysEditor.BINDINGS)),
            ("Fishbone", "", list(FishboneEditor.BINDINGS)),
            (
                "Guardrails panel",
                "",
                list(FindingsPanel.BINDINGS) + list(SessionScreen.BINDINGS),
            ),
        ]
        self.push_screen(HelpScreen(groups))

    # --- the command palette ----------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Save", "Save the session file now (ctrl+s)", self.action_save)
        yield SystemCommand("Undo", "Undo the last deletion or move (ctrl+z)", self.action_undo)
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
            "Presentation theme",
            "High contrast for screen sharing (ctrl+t)",
            self.action_toggle_presentation,
        )
        yield SystemCommand("Keys and help", "Every key, by where it works (F1)", self.action_help)
        yield SystemCommand(
            "Reload from disk",
            "Load the file again (keeps a copy of unsaved changes)",
            lambda: self._resolve_conflict("reload"),
        )
        yield SystemCommand(
            "Save a copy", "Save your version beside the file and keep editing it", self.save_copy
        )
        if isinstance(screen, MeetingScreen):
            yield SystemCommand("Start or pause the timer", "s", screen.action_toggle_timer)
            yield SystemCommand("Next section", "n", screen.action_next_section)
            yield SystemCommand("Previous section", "P", screen.action_previous_section)
            yield SystemCommand("Extend this section by 5 minutes", "+", screen.action_extend)
            yield SystemCommand("Trim the rest of the agenda", "t", screen.action_trim)
        if isinstance(screen, DraftingScreen):
            for part in PARTS:
                yield SystemCommand(
                    f"Go to: {part.title}",
                    "Drafting",
                    lambda key=part.key: screen.show_part(key, focus_editor=True),
                )
        if isinstance(screen, MeetingScreen | DraftingScreen):
            yield SystemCommand(
                "Apply reframing",
                "The first suggested blameless reframing (ctrl+r)",
                screen.action_apply_reframing,
            )

    # --- leaving ----------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self.timer.pause()
        if not self.dirty:
            self.exit(0)
            return

        def answered(answer: str | None) -> None:
            if (answer == "save" and self.save_now()) or answer == "discard":
                self.exit(0)

        self.push_screen(
            ChoiceDialog(
                "Save your changes before quitting?",
                f"{self.path}",
                [("save", "Save and quit", "s"), ("discard", "Quit without saving", "d")],
            ),
            answered,
        )
