"""The close of the meeting on the shared screen: compact enough for 80×24.

The numbers come from ``sessions.close`` (the same ones the notes get as Markdown); here they
are laid out for the room: time against plan, who does what by when (the gaps in red), the
parked ideas left, and the guide's next deadlines.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from sessions.close import NEXT_SHOWN, UNWORKED, CloseSummary, against_plans, clock
from widgets.user_text import append_user, user_text


def time_table(summary: CloseSummary) -> Table:
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold", expand=True)
    table.add_column("Time", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("Planned", justify="right", no_wrap=True)
    table.add_column("Spent", justify="right", no_wrap=True)
    table.add_column("Against plan", no_wrap=True)
    for section, delta in zip(summary.sections, against_plans(summary.sections), strict=True):
        style = "red" if delta.startswith("+") else "dim" if delta in UNWORKED else ""
        table.add_row(
            user_text(section.title, single_line=True),
            f"{section.planned_minutes} min",
            clock(section.spent_seconds) if section.spent_seconds else "—",
            Text(delta, style=style),
        )
    total = summary.against_plan  # the meeting, whole
    table.add_row(
        Text("Total", style="bold"),
        Text(f"{summary.planned_minutes} min", style="bold"),
        Text(clock(summary.spent_seconds), style="bold"),
        Text(total, style="bold red" if total.startswith("+") else "bold"),
    )
    return table


def actions_table(summary: CloseSummary) -> Table | Text:
    if not summary.actions:
        return Text("Action items: none yet.", style="bold red")
    table = Table(
        box=None,
        padding=(0, 1),
        show_edge=False,
        expand=True,
        header_style="bold",
        title=f"Action items ({len(summary.actions)})",
        title_justify="left",
        title_style="bold",
    )
    table.add_column("#", justify="right", no_wrap=True, min_width=2)
    table.add_column("Action", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("Owner", no_wrap=True, min_width=12, max_width=20, overflow="ellipsis")
    table.add_column("Due", no_wrap=True, min_width=11)
    for item in summary.actions:
        missing = "dim" if not item.status.is_open else "bold red"
        owner = user_text(item.owner, single_line=True) if item.owner.strip() else None
        table.add_row(
            str(item.id),
            user_text(item.action, "dim" if not item.status.is_open else "", single_line=True),
            owner or Text("no owner", style=missing),
            item.due.isoformat() if item.due else Text("no due date", style=missing),
        )
    return table


def remaining(summary: CloseSummary) -> Text:
    """What is left: items without owner or date, parked ideas, and the deadlines."""
    text = Text()
    missing = summary.unassigned
    if missing:
        text.append(f"Without an owner or a due date ({len(missing)}): ", style="bold red")
        text.append(", ".join(str(item.id) for item in missing))
        text.append("\n")
    if summary.parked:
        text.append(f"Parked ideas left ({len(summary.parked)}): ", style="bold")
        for index, idea in enumerate(summary.parked):
            if index:
                text.append(" · ")
            append_user(text, idea.idea, single_line=True)
        text.append("\n")
    text.append("Next deadlines: ", style="bold")
    dated = summary.next_due
    if not dated:
        text.append("none: no open action item has a due date")
    for index, item in enumerate(dated[:NEXT_SHOWN]):
        assert item.due is not None
        if index:
            text.append(" · ")
        passed = item.due < summary.date
        text.append(f"action {item.id} {item.due.isoformat()}", style="red" if passed else "")
        if item.owner.strip():
            text.append(" ")
            append_user(text, item.owner, single_line=True)
        if passed:
            text.append(" (passed)", style="red")
    text.append("\n")
    due = summary.deadlines
    text.append("Postmortem: ", style="bold")
    if due is None:
        text.append("set the incident date to know when the draft and review are due")
        return text
    for index, (name, day) in enumerate(
        (("draft", due.draft), ("review", due.review), ("publication", due.publication))
    ):
        if index:
            text.append(" · ")
        passed = day < summary.date
        text.append(f"{name} {day.isoformat()}", style="red" if passed else "")
        if passed:
            text.append(" (passed)", style="red")
    return text


class CloseSummaryView(VerticalScroll):
    """The summary, scrolling where a long meeting doesn't fit."""

    DEFAULT_CSS = """
    CloseSummaryView { height: 1fr; padding: 0 1; }
    CloseSummaryView > Static { margin-bottom: 1; max-width: 100; }
    """

    def __init__(self, summary: CloseSummary, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.summary = summary

    def compose(self):
        yield Static(time_table(self.summary), id="close-time")
        yield Static(Group(actions_table(self.summary)), id="close-actions")
        yield Static(remaining(self.summary), id="close-left")
