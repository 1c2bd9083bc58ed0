"""The weekly review of open action items, as a timed walk: one item at a time, one key per
decision, each written into the item's postmortem file at once (re-read first, never
overwriting a change made meanwhile). Finishing writes the summary beside the library and
shows it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Label, Static

from screens.library_actions import (
    action_detail,
    ask_for_ticket,
    overdue_style,
    overdue_text,
    verification_spec,
)
from sessions.atomic import write_text_atomic
from sessions.clock_text import mmss
from sessions.library import Library, TrackedAction
from sessions.library_edits import LibraryEditError
from sessions.models import ReviewDecision
from sessions.review import Decision, stage_of
from sessions.review_report import summary_markdown, summary_path
from sessions.review_walk import ReviewWalk
from sessions.textsafe import one_line
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.keys_footer import KeysFooter
from widgets.list_table import ListTable, StyledColumn
from widgets.record_table import Column
from widgets.user_text import append_user, user_text

DECIDED = {
    ReviewDecision.DONE: "✓ done",
    ReviewDecision.NEW_DUE: "→ new due",
    ReviewDecision.NEW_OWNER: "→ new owner",
    ReviewDecision.ON_TRACK: "= on track",
}


class ReviewScreen(Screen):
    """The review of the items on ``walk``'s agenda, against its clock."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("d", "done", "Done (verified)"),
        Binding("u", "new_due", "New due date"),
        Binding("w", "new_owner", "New owner"),
        Binding("k", "on_track", "On track"),
        Binding("t", "ticket", "Ticket"),
        Binding("n,down", "move(1)", "Next"),
        Binding("p,up", "move(-1)", "Previous", show=False),
        Binding("f", "finish", "Finish"),
    ]

    @dataclass
    class Finished(Message):
        """The review is over and its summary was shown."""

        screen: ReviewScreen

    def __init__(self, library: Library, walk: ReviewWalk) -> None:
        super().__init__()
        self.library = library
        self.walk = walk

    @property
    def today(self) -> dt.date:
        return self.walk.log.today

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="review-clock")
        with Vertical(id="review-item"):
            yield Label("", id="review-stage")
            yield Static("", id="review-detail")
            yield Label("", id="review-decided")
        yield ListTable(self._columns(), hint="No open action items.", id="review-agenda")
        yield KeysFooter()

    def _columns(self) -> list[Column]:
        def decided(tracked: TrackedAction) -> str:
            outcome = self.walk.log.decided(tracked)
            return DECIDED[outcome.decision] if outcome else ""

        today = self.today
        return [
            Column("Decided", decided, width=11),
            Column("Postmortem", lambda t: t.entry.name, min_width=8, weight=1, drop=2),
            Column("Action", lambda t: t.item.action, min_width=20, weight=4),
            Column("Owner", lambda t: t.item.owner or "—", min_width=10, weight=1, drop=1),
            Column("Due", lambda t: t.item.due.isoformat() if t.item.due else "—", width=10),
            StyledColumn(
                "Overdue",
                lambda t: overdue_text(t, today),
                width=20,
                style=lambda t: overdue_style(t, today),
            ),
        ]

    @property
    def agenda_table(self) -> ListTable:
        return self.query_one("#review-agenda", ListTable)

    def on_mount(self) -> None:
        self.set_focus(self.agenda_table)
        self.agenda_table.show_rows(self.walk.agenda, self.walk.position)
        self.show_item()
        self.set_interval(1.0, self.show_clock)

    # --- showing ---------------------------------------------------------------------------

    def show_item(self) -> None:
        tracked = self.walk.current
        stage = self.query_one("#review-stage", Label)
        detail = self.query_one("#review-detail", Static)
        decided = self.query_one("#review-decided", Label)
        if tracked is None:
            stage.update(Content("No open action items to review: press f to finish."))
            detail.update("")
            decided.update("")
            self.show_clock()
            return
        late = tracked.days_overdue(self.today)
        where = stage_of(late)
        heading = f"Item {self.walk.position + 1} of {len(self.walk.agenda)} · {where.title}"
        stage.update(Content(heading))
        stage.set_class(late >= 14, "-late")
        detail.update(action_detail(tracked, self.today))
        outcome = self.walk.log.decided(tracked)
        said = Text()
        if outcome is not None:
            said.append(f"Decided: {DECIDED[outcome.decision]}", "bold green")
            if outcome.note:
                append_user(said, f" — {outcome.note}", single_line=True)
        else:
            said.append("Decide: d done · u new due date · w new owner · k still on track", "dim")
        decided.update(said)
        self.show_clock()

    def show_clock(self) -> None:
        walk = self.walk
        item_left = walk.item_remaining()
        left = walk.remaining()
        decided = len(walk.log.outcomes)
        text = (
            f"Review · {decided}/{len(walk.agenda)} decided · this item {_clock(item_left)} · "
            f"{_clock(left)} of {mmss(walk.budget)}"
        )
        clock = self.query_one("#review-clock", Label)
        clock.update(Content(text))
        clock.set_class(item_left < 0 <= left, "-item-over")
        clock.set_class(left < 0, "-over")

    def _moved(self) -> None:
        self.agenda_table.show_rows(self.walk.agenda, self.walk.position)
        self.show_item()

    @on(ListTable.Highlighted, "#review-agenda")
    def _highlighted(self, event: ListTable.Highlighted) -> None:
        table = self.agenda_table
        if event.row is not None and table.cursor != self.walk.position:
            self.walk.go_to(table.cursor)
            self.show_item()

    # --- deciding --------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.walk.go_to(self.walk.position + step)
        self._moved()

    def _decide(self, decision: Decision) -> None:
        tracked = self.walk.current
        if tracked is None:
            return
        try:
            self.walk.decide(decision)
        except LibraryEditError as error:
            self.notify(one_line(str(error)), severity="error", markup=False)
            self.show_item()  # the file was re-read: show the item as it is now
            return
        self.notify(one_line(f"Saved in {tracked.entry.path.name}"), markup=False)
        self.walk.next_undecided()
        self._moved()

    async def _ask(self, title: str, specs: list[FieldSpec], values: dict) -> dict | None:
        tracked = self.walk.current
        if tracked is None:
            return None
        return await self.app.push_screen_wait(
            FormDialog(one_line(f"{title}: {tracked.item.action}"), specs, values)
        )

    @work
    async def action_done(self) -> None:
        answer = await self._ask("Done", [verification_spec("note")], {})
        if answer is not None:
            self._decide(Decision(ReviewDecision.DONE, note=answer["note"]))

    @work
    async def action_new_due(self) -> None:
        specs = [
            FieldSpec("due", "New due date", kind="date", required=True),
            FieldSpec("note", "Why does it move?", required=True),
        ]
        answer = await self._ask("New due date", specs, {})
        if answer is not None:
            self._decide(Decision(ReviewDecision.NEW_DUE, note=answer["note"], due=answer["due"]))

    @work
    async def action_new_owner(self) -> None:
        specs = [
            FieldSpec("owner", "New owner (one person)", required=True),
            FieldSpec("note", "Why (optional)"),
        ]
        answer = await self._ask("New owner", specs, {})
        if answer is not None:
            owner = answer["owner"]
            self._decide(Decision(ReviewDecision.NEW_OWNER, note=answer["note"], owner=owner))

    def action_on_track(self) -> None:
        self._decide(Decision(ReviewDecision.ON_TRACK))

    @work
    async def action_ticket(self) -> None:
        tracked = self.walk.current
        if tracked is not None and await ask_for_ticket(self, tracked):
            self._moved()

    @work
    async def action_finish(self) -> None:
        """Write the summary beside the library and show it; the review is over."""
        walk = self.walk
        text = summary_markdown(
            walk.log,
            walk.agenda,
            self.library.entries,
            self.library.folder,
            minutes=walk.elapsed() / 60,
        )
        path = summary_path(self.library.folder, self.today)
        try:
            written = write_text_atomic(path, text).path
        except OSError as error:
            self.notify(
                one_line(f"Summary not written to {path}: {error.strerror or error}"),
                severity="error",
                markup=False,
            )
            written = None
        walk.finished = True
        await self.app.push_screen_wait(SummaryScreen(text, written))
        self.post_message(self.Finished(self))


def _clock(seconds: float) -> str:
    """ "4:10 left" or "1:05 over"."""
    return f"{mmss(abs(seconds))} {'left' if seconds >= 0 else 'over'}"


class SummaryScreen(ModalScreen[None]):
    """The review's summary as written (Markdown), and where it was written."""

    CSS_PATH = "review.tcss"
    BINDINGS = [Binding("escape,enter,q", "dismiss_summary", "Close")]

    def __init__(self, text: str, path) -> None:
        super().__init__()
        self.text = text
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="summary"):
            where = f"Written to {self.path}" if self.path else "Not written (see the message)"
            yield Label(Content(one_line(where)), id="summary-where")
            with VerticalScroll(id="summary-scroll"):
                yield Static(user_text(self.text), id="summary-text")
            yield KeysFooter()

    def action_dismiss_summary(self) -> None:
        self.dismiss(None)
