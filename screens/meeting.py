"""Meeting mode: the timed agenda walk on a shared screen, 80×24 first.

Three rows of header (the countdown, the agenda and pace, a prompt), the section's editor,
one line of guardrails, the footer. Where there is room the header grows and the prompts
and guardrails show more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Header

from screens.agenda_dialog import AgendaDialog
from screens.base import HelpGroup, SessionScreen
from screens.close import CloseScreen
from screens.parking import ask_and_park
from screens.parts import PARTS_BY_KEY, SECTION_PARTS, PartContext, build_part, part_of
from screens.parts.forms import METADATA_SPECS
from screens.parts.metadata_followup import after_metadata
from sessions.checks import Finding
from sessions.clock_text import clock_time, mmss
from sessions.close import closed_on, write_summary
from sessions.editing import EVERYTHING
from sessions.meeting_timer import MeetingTimer, Pace
from sessions.models import SectionKind
from sessions.part_values import apply_metadata, metadata_values
from widgets.agenda_bar import AgendaBar
from widgets.confirm import Confirm
from widgets.countdown import Countdown
from widgets.findings_panel import FindingsPanel
from widgets.keys_footer import KeysFooter
from widgets.lazy_switcher import LazySwitcher
from widgets.messages import SessionEdited
from widgets.model_form import edit_in_form
from widgets.section_tabs import SectionTabs

ROOMY_HEIGHT = 40
"""From this terminal height on, the header shows the prompts and the panel more findings."""
ONE_MINUTE = dt.timedelta(minutes=1)
GRAND_WIDTH = 120
"""From this width on, with the height, the clock is five rows high (widgets.big_clock)."""

TIMER_KEYS = Binding.Group("timer")
"""The footer shows the agenda keys together, to leave room for the editor's: "s n P +
timer", what each does in F1 and the palette. Spelled out ("timer·next·prev·+5m"), they
pushed F1 Help off the 80-column footer beside the 5 whys' keys."""

TICK = 0.25
"""Seconds between redraws of the countdown (its time comes from the clock, not the ticks)."""


class MeetingScreen(SessionScreen):
    """The countdown, the agenda, the facilitator's prompts and the editor for this section."""

    CSS_PATH = "meeting.tcss"
    HELP_TITLE = "Meeting mode"
    BINDINGS = [
        Binding("s", "toggle_timer", "Start/pause", group=TIMER_KEYS),
        Binding("n", "next_section", "Next section", group=TIMER_KEYS),
        Binding("P", "previous_section", "Previous section", group=TIMER_KEYS),
        Binding("plus", "extend", "+5 min", group=TIMER_KEYS),
        # Kept out of the row at 80 columns; where there is room they follow it, in this
        # order: what a facilitator reaches for most in the meeting first.
        Binding("i", "park", "Park an idea", show=False),
        Binding("question_mark", "next_prompt", "Next prompt", show=False),
        Binding("T", "edit_metadata", "Title and details", show=False),
        Binding("g", "edit_agenda", "Agenda", show=False),
        Binding("t", "trim", "Trim plan", show=False),
        Binding("C", "close_meeting", "Close the meeting", show=False),
    ]

    def __init__(
        self, context: PartContext, timer: MeetingTimer, now: Callable[[], dt.datetime]
    ) -> None:
        super().__init__(context)
        self.timer = timer
        self.now = now
        #: The section whose overtime warning is up (it goes when the meeting moves on).
        self._overtime_shown_for: int | None = None
        builders = {kind.value: self._builder(kind) for kind in SectionKind}
        self.sections = LazySwitcher(builders, initial=self._kind().value, id="section-editor")

    def _builder(self, kind: SectionKind) -> Callable[[], Widget]:
        keys = SECTION_PARTS[kind]
        if len(keys) == 1:
            return lambda: build_part(keys[0], self.context)
        tabs = [
            (key, PARTS_BY_KEY[key].title, lambda key=key: build_part(key, self.context))
            for key in keys
        ]
        return lambda: SectionTabs(tabs, id=f"tabs-{kind.value}")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-top"):
            yield Countdown(id="countdown")
            yield AgendaBar(id="agenda-bar")
        yield self.sections
        yield FindingsPanel(id="findings")
        yield KeysFooter()

    async def on_mount(self) -> None:
        await self.show_section()
        self.set_interval(TICK, self.tick)

    def on_resize(self) -> None:
        roomy = self.size.height >= ROOMY_HEIGHT
        self.set_class(roomy, "-roomy")
        # the clock five rows high where there is room beside it for the agenda bar
        self.set_class(roomy and self.size.width >= GRAND_WIDTH, "-grand")

    def _kind(self) -> SectionKind:
        section = self.timer.section
        return section.kind if section else SectionKind.OTHER

    def section_tabs(self) -> SectionTabs | None:
        pane = self.sections.pane(self._kind().value)
        found = pane.query(SectionTabs) if pane is not None else None
        return found.first() if found else None

    def shows_finding(self, finding: Finding) -> bool:
        """A finding shows in the section where the team acts on it."""
        home = finding.rule.discussed_in
        if home is not None:
            return home is self._kind()
        return part_of(finding.where) in set(SECTION_PARTS[self._kind()])

    async def show_section(self) -> None:
        """Show the current section's editor (built the first time) and focus it."""
        if self._overtime_shown_for not in (None, self.timer.index):
            # The warning was for the section left: it covered the next one's table.
            self.app.clear_notifications()
            self._overtime_shown_for = None
        if await self.sections.show(self._kind().value) is None:
            return  # the meeting moved on while this section was built: the next one shows
        self.sections.focus_pane()
        self.tick()
        self.show_findings(self.findings)

    # --- the clock ----------------------------------------------------------------------

    def tick(self) -> None:
        """Redraw from the timer; remaining time comes from the clock, never from ticks."""
        closed = None if self.timer.running else closed_on(self.timer.meeting)
        self.query_one(Countdown).show(self.timer, closed is not None)
        self.query_one(AgendaBar).show(self.timer, self.now(), closed)
        if self.timer.take_overtime_notice():
            section = self.timer.section
            self._overtime_shown_for = self.timer.index
            self.app.bell()
            self.notify(
                f"{section.title if section else 'Section'} is over time. Wrap up, extend (+) "
                "or move on (n).",
                title="Overtime",
                severity="warning",
                timeout=8,
                markup=False,
            )
        if self.timer.take_persist_due():
            self._meeting_changed("meeting time")

    def _meeting_changed(self, what: str) -> None:
        """The timer changed the meeting: saved at once, quietly (no "unsaved" flicker)."""
        self.timer.sync()
        self.editor.note("meeting", what)
        self.post_message(SessionEdited("meeting", what, self, quiet=True))

    # --- keys ---------------------------------------------------------------------------

    def action_toggle_timer(self) -> None:
        self.timer.toggle()
        self._meeting_changed("timer started" if self.timer.running else "timer paused")
        self.tick()
        section = self.timer.section
        if section is not None:
            state = "Started" if self.timer.running else "Paused"
            self.notify(f"{state}: {section.title}", markup=False, timeout=2)

    async def action_next_section(self) -> None:
        if self.timer.index >= len(self.editor.session.meeting.agenda) - 1:
            self.action_close_meeting()  # the end of the agenda: the close
            return
        self.timer.next()
        self._meeting_changed("next section")
        await self.show_section()

    async def action_previous_section(self) -> None:
        if self.timer.index == 0:
            return
        self.timer.previous()
        self._meeting_changed("previous section")
        await self.show_section()

    def action_extend(self) -> None:
        self.timer.extend()
        section = self.timer.section
        if section is not None:  # back in a section, more plan turns extra time into plan left
            self.notify(f"{section.title}: now {section.planned_minutes} min", markup=False)
        self._meeting_changed("section extended")
        self.tick()

    def action_next_prompt(self) -> None:
        self.query_one(AgendaBar).next_prompt()

    @work(group="park-dialog")
    async def action_park(self) -> None:
        """Park an idea for the action items without leaving this section."""
        section = self.timer.section
        await ask_and_park(self, self.editor, section.title if section else "")

    @work(group="metadata-dialog")
    async def action_edit_metadata(self) -> None:
        """The title, id, date and severity without leaving the meeting: a new incident's
        header said "Untitled postmortem" to the room until drafting."""
        values = metadata_values(self.editor.session)
        await edit_in_form(
            self,
            self.editor,
            "Metadata",
            METADATA_SPECS,
            "metadata",
            values,
            apply_metadata,
            after_metadata(self.context.today),
        )

    @work(group="close-dialog")
    async def action_close_meeting(self) -> None:
        """The close: the timer stops and the summary goes into the meeting notes. Before the
        last section it asks first: one stray `C` must not end a meeting in front of the room."""
        agenda = self.editor.session.meeting.agenda
        left = agenda[self.timer.index + 1 :]
        if left:
            titles = ", ".join(section.title for section in left)
            sections = "a section" if len(left) == 1 else f"{len(left)} sections"
            question = f"Close the meeting now, with {sections} left?"
            detail = f"Left: {titles}. The timer stops; the summary goes into the notes."
            if not await self.app.push_screen_wait(Confirm(question, detail, yes="Close")):
                return
        if self.timer.running:
            self.timer.pause()
            self._meeting_changed("timer paused")
            self.tick()
        summary = write_summary(self.editor, self.context.today)
        self.post_message(SessionEdited("meeting.notes", "close summary written"))
        await self.app.push_screen_wait(CloseScreen(summary))

    def redraw(self, changed: set[str], *, skip: Widget | None = None) -> None:
        super().redraw(changed, skip=skip)
        # an undo or a redo of a preset, or a reload; not the clock's own notes
        moved = "meeting.current" in changed or EVERYTHING in changed
        if moved and self.sections.current_key != self._kind().value:
            # back to the section it was on (a preset's undo left the meeting on 1/5)
            self.call_later(self.show_section)

    async def on_screen_resume(self) -> None:
        """Back from drafting or a dialog: the timer follows a reordered agenda."""
        index = self.timer.index
        self.timer.follow()  # SessionScreen.on_screen_resume redraws what changed
        if self.timer.index != index or not self.sections.is_built(self._kind().value):
            await self.show_section()
        else:
            self.tick()

    @work(group="agenda-dialog")
    async def action_edit_agenda(self) -> None:
        """Planned minutes and order, or a preset, in a dialog over the meeting."""
        dialog = AgendaDialog(self.editor, self.timer, self.context.meeting)
        await self.app.push_screen_wait(dialog)
        self.timer.follow()
        if self.sections.current_key != self._kind().value:  # a preset changed the section
            await self.show_section()
        self.tick()

    def _nothing_to_trim(self, now: dt.datetime) -> str:
        """Why ``t`` trims nothing, said against what the bar shows: "on plan" had stood
        beside "▶ OVERTIME", and beside an end past a shortened plan (a tryout)."""
        timer = self.timer
        end = clock_time(timer.projected_end(now))
        late = timer.over_by(now)
        if late >= 60:
            return (
                f"The meeting is heading {mmss(late).lstrip('+')} past its plan (ends ~{end}), "
                "and the sections still to come have no time to give: nothing to trim"
            )
        if timer.pace() is Pace.OVERTIME:
            return f"This section is over, but the meeting ends on plan (~{end}): nothing to trim"
        planned = timer.planned_end()  # "on plan" had read oddly 47 minutes early (a tryout)
        early = planned is not None and timer.projected_end(now) <= planned - ONE_MINUTE
        return f"The meeting is {'ahead of' if early else 'on'} plan (ends ~{end}): nothing to trim"

    @work(group="trim-dialog")
    async def action_trim(self) -> None:
        now = self.now()
        trims = self.timer.trims(now)
        if not trims:
            self.notify(self._nothing_to_trim(now), timeout=5, markup=False)
            return
        plan = ", ".join(f"{t.section.title} {t.planned}→{t.suggested} min" for t in trims)
        late = mmss(self.timer.over_by(now)).lstrip("+")
        question = f"The meeting is heading {late} past its end. Trim what is left?"
        if await self.app.push_screen_wait(Confirm(question, plan, yes="Trim")):
            self.timer.apply_trims(now)
            self._meeting_changed("agenda trimmed")
            self.tick()
            self.notify("Remaining sections trimmed to end on time", timeout=3)

    # --- palette and help ---------------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        yield from super().commands()
        yield SystemCommand("Start or pause the timer", "s", self.action_toggle_timer)
        yield SystemCommand("Next section", "n", self.action_next_section)
        yield SystemCommand("Previous section", "P", self.action_previous_section)
        yield SystemCommand("Extend this section by 5 minutes", "+", self.action_extend)
        yield SystemCommand("Trim the rest of the agenda to end on time", "t", self.action_trim)
        yield SystemCommand("Agenda: planned minutes and order", "g", self.action_edit_agenda)
        yield SystemCommand("Next prompt", "?", self.action_next_prompt)
        yield SystemCommand(
            "Park an idea",
            "Keep it for the action items, stay in this section (i)",
            self.action_park,
        )
        yield SystemCommand(
            "Title and details",
            "The incident's title, id, date, severity: its metadata (T)",
            self.action_edit_metadata,
        )
        yield SystemCommand(
            "Close the meeting",
            "Summary of time, owners, dates and parked ideas, into the notes (C)",
            self.action_close_meeting,
        )
        tabs = self.section_tabs()
        if tabs is not None:
            for number, (key, title) in enumerate(tabs.titles(), 1):
                yield SystemCommand(
                    f"Show {title}",
                    f"This section's {title} editor ({number})",
                    lambda key=key, tabs=tabs: tabs.show_tab(key),
                )

    def help_groups(self) -> list[HelpGroup]:
        return [
            ("Meeting mode", "The timed agenda walk.", list(self.BINDINGS)),
            ("Section tabs", "Sections with several editors.", list(SectionTabs.BINDINGS)),
            *super().help_groups(),
        ]
