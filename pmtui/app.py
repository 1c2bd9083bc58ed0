"""The facilitator's app: meeting and drafting modes over one session file, saved as you go.

The app wires things together and owns what only an app can: the modes, the keys that work
everywhere, saving (when, in a worker, and what to do when the file changed on disk), the
guardrail runs, undo, and quitting. The file itself is a ``SessionDocument`` and every edit
goes through the ``SessionEditor``; screens contribute their own commands and help.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from pmtui.commands import SessionView, app_commands, focused_commands, help_groups
from pmtui.export_beside import export_beside
from pmtui.key_order import OrderedKeysApp
from pmtui.modes import StartsInMode
from pmtui.saving import Saver, SaveState
from pmtui.sharing import Sharing
from pmtui.styles import read_styles_later, styles_of
from pmtui.themes import DEFAULT_THEME, PRESENTATION
from pmtui.toasts import InertToasts
from pmtui.typing_left import may_drop_typing
from screens.drafting import DraftingScreen
from screens.help import HelpScreen
from screens.importing import import_markdown_beside
from screens.meeting import MeetingScreen
from screens.parts import PartContext
from screens.preview import PreviewScreen
from sessions import SessionFileError, to_markdown
from sessions.checks import Finding, run_checks
from sessions.checks.config import CheckConfig, find_config, load_config
from sessions.close import SUMMARY_PARTS, refresh_summary
from sessions.document import ChangedOnDisk, SessionDocument
from sessions.editing import EVERYTHING, Change, SessionEditor, touches
from sessions.edits import sort_timeline
from sessions.last_mode import remember_mode
from sessions.meeting_timer import MeetingTimer
from sessions.models import Session
from sessions.textsafe import one_line
from widgets.confirm import ChoiceDialog
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited
from widgets.paste_logs import PasteLogsDialog


class PostmortemApp(OrderedKeysApp, StartsInMode, InertToasts, App[int]):
    """Construct with a document (or a path); clocks and delays are injectable for tests."""

    CSS_PATH = [
        "app.tcss",
        *styles_of(MeetingScreen, DraftingScreen),
    ]
    TITLE = "pmtui"
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("f2", "mode('meeting')", "Meeting", show=False),
        Binding("f3", "mode('drafting')", "Drafting", show=False),
        Binding("f5", "preview", "Preview", show=False),
        Binding("ctrl+s", "save", "Save", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y", "redo", "Redo", show=False),
        # Everywhere, text fields too: there ctrl+e moved to the line's end instead (a tryout).
        Binding("ctrl+e", "export", "Export .md", show=False, priority=True),
        Binding("ctrl+t", "toggle_presentation", "Presentation theme", show=False),
        Binding("ctrl+o", "resolve_conflict", "Resolve file conflict", show=False),
        Binding("f6", "share", "Share page", show=False),
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
        start_part: str = "",
    ) -> None:
        self.start_in(start_mode)
        self.start_part = start_part
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
        self.context = PartContext(
            self.editor, today or dt.date.today(), self.config.template, self.config.meeting
        )
        self.check_delay = check_delay
        self.watch_interval = watch_interval
        #: The last guardrail run's results; None until the first is back.
        self.findings: list[Finding] | None = None
        self.session_screens: list[MeetingScreen | DraftingScreen] = []
        self.saver = Saver(self, self.document, self.editor, self.timer, autosave_delay)
        self.sharing = Sharing()

    def _load_config(self) -> tuple[CheckConfig, str]:
        try:
            return load_config(find_config(self.document.path)), ""
        except SessionFileError as error:
            return load_config(None), str(error)

    # --- start-up -----------------------------------------------------------------------

    def mode_screens(self) -> dict[str, Callable[[], Screen]]:
        return {
            "meeting": lambda: self._keep(MeetingScreen(self.context, self.timer, self.now)),
            "drafting": lambda: self._keep(DraftingScreen(self.context, self.start_part)),
        }

    async def on_mount(self) -> None:
        self.register_theme(PRESENTATION)
        read_styles_later(self, FormDialog, PasteLogsDialog, HelpScreen, PreviewScreen)
        self.update_title()
        self.set_interval(self.watch_interval, self.check_disk)
        self.recheck()
        if self.timer.recovered:  # the file said the timer ran; it is paused now
            self.saver.edited(quiet=True)
        if self._config_error:
            self.notify(self._config_error, severity="error", markup=False)
        await self.add_modes()

    def _keep(self, screen: MeetingScreen | DraftingScreen) -> Screen:
        """Remember the session screens the app made, to give them the guardrail results."""
        self.session_screens.append(screen)
        screen.show_findings(self.findings)
        return screen

    def update_title(self, width: int | None = None) -> None:
        meta = self.editor.session.metadata
        name = " ".join(part for part in (meta.incident_id, meta.title) if part)
        # Saved and unsaved take the same room, so the title neither grows and shrinks nor
        # moves sideways with each autosave (on a shared screen, every two seconds).
        caption = self.save_state.caption().ljust(len(SaveState.UNSAVED.caption()))
        width = self.size.width if width is None else width
        # the Header keeps 8 columns each side for its icon, and " — " joins the save state
        room = max(10, width - len(caption) - 22)  # the state whole: it names the key to press
        name = one_line(name)
        name = name if len(name) <= room else name[: room - 1] + "…"
        self.title = name or f"{self.document.path.name} (untitled)"
        self.sub_title = caption

    def on_resize(self, event: events.Resize) -> None:
        self.update_title(event.size.width)  # a wider window shows more of the title

    def watch_save_state(self) -> None:
        self.update_title()  # a longer state (a conflict) leaves the title less room

    # --- edits: autosave and guardrails -------------------------------------------------

    def on_session_edited(self, message: SessionEdited) -> None:
        if message.part.startswith("metadata"):
            self.update_title()
        self._follow_close({message.part})
        self._edited(quiet=message.quiet)

    def _follow_close(self, parts: set[str]) -> None:
        """After the close, the summary in the notes says what the session says now: after
        an edit, an undo or a redo (an undone owner stayed in the summary, a tryout)."""
        if touches(parts, SUMMARY_PARTS) and refresh_summary(self.editor):
            screen = self.screen  # a screen away from now redraws the notes on its return
            if isinstance(screen, SessionView):
                screen.redraw({"meeting.notes"})

    def _edited(self, *, quiet: bool = False) -> None:
        self.saver.edited(quiet=quiet)
        if not quiet:
            self.recheck()

    def autosave(self) -> None:
        self.saver.autosave()

    def check_disk(self) -> None:
        self.saver.check_disk()

    @property
    def unsaved(self) -> bool:
        return self.saver.unsaved

    def action_save(self) -> None:
        if self.save_state is SaveState.CONFLICT:
            self.action_resolve_conflict()
        elif self.saver.save_now():
            self.notify(f"Saved {self.document.path.name}", timeout=2)

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
            for screen in self.session_screens:
                screen.show_check_failure("the guardrails failed (see the message); edit to retry")
            return
        self.findings = findings
        for screen in self.session_screens:
            screen.show_findings(findings)

    def action_undo(self) -> None:
        self._history_step(self.editor.undo(), "Undone", "Nothing to undo")

    def action_redo(self) -> None:
        self._history_step(self.editor.redo(), "Redone", "Nothing to redo")

    def _history_step(self, change: Change | None, done: str, nothing: str) -> None:
        if change is None:
            self.notify(nothing, timeout=2)
            return
        self.timer.follow()
        if isinstance(self.screen, SessionView):
            self.screen.redraw(change.parts)
            self.screen.reveal(change)
        self._follow_close(change.parts)
        self._edited()
        self.notify(f"{done}: {change.what}", markup=False, timeout=3)

    # --- someone else changed the file (the dialogs are the app's) ---------------------------

    @work(exclusive=True, group="conflict")
    async def action_resolve_conflict(self) -> None:
        if await self.saver.resolve_conflict() == "reload":
            if isinstance(self.screen, SessionView):
                self.screen.redraw({EVERYTHING})
            self.recheck()
        self.update_title()

    @work(exclusive=True, group="save-as")
    async def action_save_as(self) -> None:
        if await self.saver.save_as():
            self.update_title()

    # --- views ------------------------------------------------------------------------------

    def action_mode(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)
            self._remember_place()  # the file opens here next time

    def _remember_place(self) -> None:
        """The mode, and drafting's part (whichever mode is up), the file opens on next time."""
        drafting = [s for s in self.session_screens if isinstance(s, DraftingScreen)]
        part = drafting[0].current_part if drafting else self.start_part
        remember_mode(self.document.path, self.current_mode, part)

    def action_preview(self) -> None:
        if isinstance(self.screen, PreviewScreen):
            self.pop_screen()
            return
        self.push_screen(PreviewScreen(partial(self.markdown, self.editor.snapshot())))

    def markdown(self, session: Session | None = None) -> str:
        """The export of ``session`` (the open one by default), with the team's template
        (its sections, its action types)."""
        return to_markdown(session or self.editor.session, self.config.template)

    @work(exclusive=True, group="export")
    async def action_export(self) -> None:
        await export_beside(self, self.document.path, self.markdown())

    @work(exclusive=True, group="import")
    async def action_import_markdown(self) -> None:
        await import_markdown_beside(self, self.document.path.parent, self.config.template)

    @work(exclusive=True, group="share")
    async def action_share(self) -> None:
        """A read-only live page of this session for attendees (see pmtui.sharing)."""
        await self.sharing.ask(self, self.document.path)

    def on_unmount(self) -> None:
        self.sharing.stop()

    def action_toggle_presentation(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == PRESENTATION.name else PRESENTATION.name

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_groups(self)))

    # --- the command palette ----------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Keys":  # F1 (Help) shows every key, by place
                yield command
        yield from app_commands(self)
        if isinstance(screen, SessionView):
            yield from screen.commands()
        yield from focused_commands(self, screen)

    # --- leaving ----------------------------------------------------------------------------

    @work(exclusive=True, group="quit")
    async def action_quit(self) -> None:
        if not await may_drop_typing(self):
            return
        was_running = self.timer.running
        self.timer.pause()
        if was_running and not self.unsaved and self.save_state is SaveState.SAVED:
            # The file says "paused" too, so a live page beside the app stops counting.
            with contextlib.suppress(ChangedOnDisk, OSError):
                self.document.save_session(self.editor.session)
        self._remember_place()
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
        if (answer == "save" and self.saver.save_now()) or answer == "discard":
            self.exit(0)
