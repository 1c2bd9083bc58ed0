"""Meeting mode: the timed agenda walk on a shared screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.widgets import ContentSwitcher, Footer, Header

from screens.base import SessionScreen
from screens.parts import SECTION_PARTS, build_section
from sessions.meeting_timer import MeetingTimer, mmss
from sessions.models import SectionKind, Session
from widgets.agenda_bar import AgendaBar
from widgets.confirm import ConfirmDialog
from widgets.countdown import Countdown
from widgets.findings_panel import FindingsPanel
from widgets.messages import SessionEdited
from widgets.prompts_panel import PromptsPanel

#: While the timer runs, the spent minutes are saved this often (in seconds of meeting time).
PERSIST_EVERY = 15.0


class MeetingScreen(SessionScreen):
    """The countdown, the agenda, the facilitator's prompts and the editor for this section."""

    CSS_PATH = "meeting.tcss"
    BINDINGS = [
        Binding("s", "toggle_timer", "Start/pause"),
        Binding("n", "next_section", "Next section"),
        Binding("P", "previous_section", "Prev section"),
        Binding("plus,x", "extend", "+5 min"),
        Binding("t", "trim", "Trim plan", show=False),
        Binding("g", "edit_agenda", "Agenda", show=False),
    ]

    def __init__(
        self,
        session: Session,
        timer: MeetingTimer,
        now: Callable[[], dt.datetime],
        **kwargs,
    ) -> None:
        super().__init__(session, **kwargs)
        self.timer = timer
        self.now = now
        self._last_persist = 0.0

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-top"):
            yield Countdown(id="countdown")
            with Vertical(id="meeting-info"):
                yield AgendaBar(id="agenda-bar")
                yield PromptsPanel(id="prompts")
        with ContentSwitcher(id="section-editor", initial=f"sec-{self._kind().value}"):
            for kind in SectionKind:
                yield Container(id=f"sec-{kind.value}")
        yield FindingsPanel(id="findings")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.show_section()
        self.set_interval(0.25, self.tick)

    def _kind(self) -> SectionKind:
        section = self.timer.section
        return section.kind if section else SectionKind.OTHER

    def visible_parts(self) -> set[str]:
        return set(SECTION_PARTS[self._kind()])

    def show_section(self) -> None:
        kind = self._kind()
        container = self.query_one(f"#sec-{kind.value}", Container)
        if not container.children:  # editors are built the first time they are needed
            container.mount(build_section(kind, self.session, self.today))
        self.query_one("#section-editor", ContentSwitcher).current = f"sec-{kind.value}"
        self.query_one(PromptsPanel).show(kind)
        self.tick()
        self.show_findings(self.findings)
        self.call_after_refresh(self._focus_editor, container)

    def _focus_editor(self, container: Container, tries: int = 5) -> None:
        """Focus the section's editor once it is mounted (it may be built just now)."""
        targets = container.query("DataTable, Tree")
        if targets:
            targets.first().focus()
        elif tries:
            self.call_after_refresh(self._focus_editor, container, tries - 1)

    def tick(self) -> None:
        """Redraw from the timer; remaining time comes from the clock, never from counting ticks."""
        self.query_one(Countdown).show(self.timer)
        self.query_one(AgendaBar).show(self.timer, self.now())
        if self.timer.take_overtime_notice():
            section = self.timer.section
            self.app.bell()
            self.notify(
                f"{section.title if section else 'Section'} is over time. Wrap up, extend (+) "
                "or move on (n).",
                title="Overtime",
                severity="warning",
                timeout=8,
                markup=False,
            )
        if self.timer.running:
            elapsed = self.timer.total_elapsed()
            if elapsed - self._last_persist >= PERSIST_EVERY:
                self._last_persist = elapsed
                self.post_message(SessionEdited("meeting time"))

    def _changed(self, what: str) -> None:
        self.timer.sync()
        self.tick()
        self.post_message(SessionEdited(what))

    def action_toggle_timer(self) -> None:
        self.timer.toggle()
        self._changed("timer started" if self.timer.running else "timer paused")
        section = self.timer.section
        if section is not None:
            state = "Started" if self.timer.running else "Paused"
            self.notify(f"{state}: {section.title}", markup=False, timeout=2)

    def action_next_section(self) -> None:
        if self.timer.index >= len(self.session.meeting.agenda) - 1:
            self.notify("This is the last section")
            return
        self.timer.next()
        self._changed("next section")
        self.show_section()

    def action_previous_section(self) -> None:
        if self.timer.index == 0:
            return
        self.timer.previous()
        self._changed("previous section")
        self.show_section()

    def action_extend(self) -> None:
        self.timer.extend()
        section = self.timer.section
        if section is not None:
            self.notify(f"{section.title}: now {section.planned_minutes} min", markup=False)
        self._changed("section extended")

    def on_screen_resume(self) -> None:
        """Back from drafting: the agenda or the section's content may have changed."""
        self.timer.follow()
        self.reload_from_model()
        self.show_section()

    def action_edit_agenda(self) -> None:
        """Change planned minutes and order: the agenda table, in drafting mode."""
        self.app.switch_mode("drafting")
        self.app.call_after_refresh(self._show_agenda)

    def _show_agenda(self) -> None:
        screen = self.app.screen
        if hasattr(screen, "show_part"):
            screen.show_part("meeting", focus_editor=True)

    def action_trim(self) -> None:
        trims = self.timer.trims()
        if not trims:
            self.notify("The meeting is on plan: nothing to trim")
            return
        plan = ", ".join(f"{t.section.title} {t.planned}→{t.suggested} min" for t in trims)
        over = mmss(self.timer.over_by()).lstrip("+")

        def answered(yes: bool | None) -> None:
            if yes:
                self.timer.apply_trims()
                self._changed("agenda trimmed")
                self.notify("Remaining sections trimmed to end on time")

        self.app.push_screen(
            ConfirmDialog(f"Running {over} over. Trim what is left?", plan, yes="Trim"), answered
        )
