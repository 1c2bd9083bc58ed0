"""Action items from every postmortem, most overdue first, with the guide's escalation.

Letters are commands here (the list has the focus); `/` types an owner's name to filter by.
Each change is written into the item's own postmortem file at once (``library_edits``).
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Label, Static

from screens.library_state import LibraryState
from sessions.library import Library, TrackedAction, tracked_actions
from sessions.library_edits import LibraryEditError, close_action_on_disk, link_ticket_on_disk
from sessions.review import stage_of
from sessions.textsafe import one_line
from widgets.field_input import FieldInput
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.keys_footer import KeysFooter
from widgets.list_table import ListTable, StyledColumn
from widgets.record_table import Column
from widgets.user_text import append_user


def overdue_text(tracked: TrackedAction, today: dt.date) -> str:
    """ "45 d → leadership": days overdue and the escalation stage ("" when not late)."""
    late = tracked.days_overdue(today)
    if not late:
        return ""
    stage = stage_of(late)
    return f"{late} d → {stage.short}" if stage.to_whom else f"{late} d"


def overdue_style(tracked: TrackedAction, today: dt.date) -> str:
    late = tracked.days_overdue(today)
    return "bold red" if late >= 14 else "yellow" if late else ""


def action_columns(today: dt.date) -> list[Column]:
    return [
        Column("Postmortem", lambda t: t.entry.name, min_width=8, weight=1, drop=3),
        Column("#", lambda t: str(t.item.id), width=3),
        Column("Action", lambda t: t.item.action, min_width=20, weight=4),
        Column("Owner", lambda t: t.item.owner or "—", min_width=10, weight=1, drop=2),
        Column("Due", lambda t: t.item.due.isoformat() if t.item.due else "—", width=10),
        Column("Status", lambda t: t.item.status.value, width=11, drop=5),
        Column("Ticket", lambda t: t.item.ticket or "—", min_width=8, weight=1, drop=4),
        StyledColumn(
            "Overdue",
            lambda t: overdue_text(t, today),
            width=20,
            style=lambda t: overdue_style(t, today),
        ),
    ]


def action_detail(tracked: TrackedAction, today: dt.date) -> Text:
    """The highlighted item in full, for the lines under the list."""
    item, entry = tracked.item, tracked.entry
    text = Text()
    append_user(text, f"{entry.name} #{item.id} ", "bold", single_line=True)
    append_user(text, item.action, single_line=True)
    facts = [
        f"owner: {item.owner or '—'}",
        f"due: {item.due.isoformat() if item.due else '—'}",
        item.status.value,
        f"ticket: {item.ticket or '—'}",
    ]
    late = tracked.days_overdue(today)
    if late:
        stage = stage_of(late)
        facts.append(f"{late} days overdue" + (f": to {stage.to_whom}" if stage.to_whom else ""))
    text.append("\n")
    append_user(text, " · ".join(facts), single_line=True)
    if item.addresses:
        text.append("\n")
        append_user(text, "addresses: " + tracked.addresses(), "dim", single_line=True)
    return text


class ActionsScreen(Screen):
    """Action items from every postmortem, most overdue first, with the guide's escalation."""

    CSS_PATH = "library.tcss"
    BINDINGS = [
        Binding("o", "toggle_overdue", "Overdue only"),
        Binding("c", "close_item", "Close (verified)"),
        Binding("t", "link_ticket", "Ticket"),
        Binding("enter", "open", "Open postmortem"),
        Binding("slash,ctrl+f", "focus_filter", "Filter by owner"),
        Binding("escape", "leave_filter", "Back to the list", show=False),
    ]

    def __init__(self, library: Library, state: LibraryState, today: dt.date) -> None:
        super().__init__()
        self.library = library
        self.state = state
        self.today = today
        self.items: list[TrackedAction] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield FieldInput(
            self.state.owner,
            placeholder="Owner (part of the name): / to type here, Esc back to the list",
            id="actions-filter",
        )
        yield Label("", id="actions-status")
        yield ListTable(action_columns(self.today), hint="No action items.", id="actions-table")
        yield Static("", id="actions-detail")
        yield KeysFooter()

    @property
    def table(self) -> ListTable:
        return self.query_one("#actions-table", ListTable)

    def on_mount(self) -> None:
        self.set_focus(self.table)
        self.refill()

    def on_screen_resume(self) -> None:
        """Another view (the review) may have changed items: list them again on each visit."""
        if self.is_mounted:
            self.refill()

    def refill(self) -> None:
        self.items = tracked_actions(
            self.library.entries,
            self.today,
            owner=self.state.owner,
            overdue=self.state.overdue_only,
        )
        keys = [(t.entry.path, t.item.id) for t in self.items]
        keep = self.state.action
        self.table.show_rows(self.items, keys.index(keep) if keep in keys else 0)
        label = f"{len(self.items)} action items" + (
            " (overdue only: o shows all)" if self.state.overdue_only else ""
        )
        if self.state.owner:
            label += f" owned by “{self.state.owner}”"
        self.query_one("#actions-status", Label).update(Content(one_line(label)))

    @on(ListTable.Highlighted, "#actions-table")
    def _highlighted(self, event: ListTable.Highlighted) -> None:
        tracked = event.row
        detail = self.query_one("#actions-detail", Static)
        if tracked is None:
            detail.update("")
            return
        self.state.action = (tracked.entry.path, tracked.item.id)
        detail.update(action_detail(tracked, self.today))

    @on(ListTable.Selected, "#actions-table")
    def _selected(self) -> None:
        self.action_open()

    @on(Input.Changed, "#actions-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.state.owner = event.value.strip()
        self.refill()

    @on(Input.Submitted, "#actions-filter")
    def _filtered(self) -> None:
        self.set_focus(self.table)

    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one("#actions-filter", Input))

    def action_leave_filter(self) -> None:
        self.set_focus(self.table)

    def action_toggle_overdue(self) -> None:
        self.state.overdue_only = not self.state.overdue_only
        self.refill()

    def action_open(self) -> None:
        tracked = self.table.current
        if tracked is not None:
            self.app.exit(str(tracked.entry.path))

    @work
    async def action_close_item(self) -> None:
        tracked = self.table.current
        if tracked is None:
            return
        if not tracked.item.status.is_open:
            self.notify(f"Action {tracked.item.id} is closed already", markup=False)
            return
        title = one_line(f"Close: {tracked.item.action}")
        spec = verification_spec("verification")
        values = await self.app.push_screen_wait(FormDialog(title, [spec], {}))
        if values is None:
            return
        try:
            close_action_on_disk(tracked.entry, tracked.index, values["verification"], self.today)
        except LibraryEditError as error:
            self.notify(one_line(str(error)), severity="error", markup=False)
            return
        self.notify(one_line(f"Closed and saved in {tracked.entry.path.name}"), markup=False)
        self.refill()

    @work
    async def action_link_ticket(self) -> None:
        tracked = self.table.current
        if tracked is not None and await ask_for_ticket(self, tracked):
            self.refill()


def verification_spec(name: str) -> FieldSpec:
    """The guide's question when an item is closed: closing means verified."""
    return FieldSpec(
        name,
        "How was the fix verified?",
        required=True,
        placeholder="The alert fired in the game day on 2025-02-03",
    )


async def ask_for_ticket(screen: Screen, tracked: TrackedAction) -> bool:
    """Ask for the ticket key or URL made for an item (empty unlinks it) and store it in the
    item's file; whether it was stored. Call it from a worker of ``screen``."""
    spec = FieldSpec(
        "ticket",
        "Ticket key or URL",
        placeholder="OPS-101 or https://github.com/org/repo/issues/7",
        help="empty removes the link",
        typed_over=True,
    )
    title = one_line(f"Ticket for: {tracked.item.action}")
    dialog = FormDialog(title, [spec], {"ticket": tracked.item.ticket})
    answer = await screen.app.push_screen_wait(dialog)
    if answer is None:
        return False
    try:
        link_ticket_on_disk(tracked.entry, tracked.index, answer["ticket"])
    except LibraryEditError as error:
        screen.notify(one_line(str(error)), severity="error", markup=False)
        return False
    screen.notify(one_line(f"Ticket saved in {tracked.entry.path.name}"), markup=False)
    return True
