"""The postmortem library: sessions, action items across them, and stats, from a folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from sessions.library import Library, parse_query, stats, tracked_actions
from sessions.library_edits import LibraryEditError, close_action_on_disk, create_in_library
from sessions.library_report import format_stats
from sessions.models import Metadata
from sessions.textsafe import one_line
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog

QUERY_HELP = (
    "Filter: words, service:NAME cat:CATEGORY sev:SEV1 status:final tag:NAME since:DATE until:DATE"
)


def _cell(text: str) -> Text:
    return Text(text.replace("\n", " "))


class LibraryScreen(Screen):
    """Every postmortem in the folder; type to filter, Enter to open."""

    CSS_PATH = "library.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("ctrl+n", "new", "New postmortem"),
        Binding("ctrl+f", "focus_filter", "Filter"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.shown = list(library.entries)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=QUERY_HELP, id="library-filter")
        yield Label("", id="library-status")
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        if self.library.errors:
            yield Static(
                Text("\n".join(f"⚠ {e}" for e in self.library.errors), style="yellow"),
                id="library-errors",
            )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in (
            ("Date", 10),
            ("ID", 10),
            ("Title", 36),
            ("Sev", 4),
            ("Status", 9),
            ("Services", 20),
            ("Open", 4),
        ):
            table.add_column(label, width=width)
        self.refill()
        table.focus()

    def refill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for index, entry in enumerate(self.shown):
            meta = entry.session.metadata
            table.add_row(
                _cell(entry.date.isoformat() if entry.date else "—"),
                _cell(meta.incident_id),
                _cell(meta.title or entry.path.name),
                _cell(meta.severity.value),
                _cell(meta.status.value),
                _cell(", ".join(meta.services)),
                _cell(str(entry.open_actions)),
                key=str(index),
            )
        total = len(self.library.entries)
        broken = len(self.library.errors)
        status = f"{len(self.shown)} of {total} postmortems in {self.library.folder}"
        if broken:
            status += f" · {broken} file(s) could not be read (listed below)"
        self.query_one("#library-status", Label).update(Content(status))

    @on(Input.Changed, "#library-filter")
    def _filter(self, event: Input.Changed) -> None:
        try:
            query = parse_query(event.value)
        except ValueError as error:
            self.query_one("#library-status", Label).update(Content(f"⚠ {error}"))
            return
        self.shown = [entry for entry in self.library.entries if query.matches(entry)]
        self.refill()

    @on(Input.Submitted, "#library-filter")
    def _to_table(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_focus_filter(self) -> None:
        self.query_one("#library-filter", Input).focus()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.shown and 0 <= table.cursor_row < len(self.shown):
            self.app.exit(str(self.shown[table.cursor_row].path))

    def action_new(self) -> None:
        specs = [
            FieldSpec(
                "file",
                "File name (in the library folder)",
                required=True,
                placeholder="2025-01-15-checkout-errors.toml",
            ),
            FieldSpec("title", "Title"),
            FieldSpec("incident_id", "Incident ID"),
            FieldSpec("date", "Incident date", kind="date"),
        ]

        def done(values: dict | None) -> None:
            if values is None:
                return
            meta = Metadata(
                title=values["title"], incident_id=values["incident_id"], date=values["date"]
            )
            try:
                path = create_in_library(self.library.folder, values["file"], meta)
            except LibraryEditError as error:
                self.notify(one_line(str(error)), severity="error", markup=False)
                return
            self.app.exit(str(path))

        self.app.push_screen(FormDialog("New postmortem", specs, {}), done)


class ActionsScreen(Screen):
    """Action items from every postmortem, most overdue first, with the guide's escalation."""

    CSS_PATH = "library.tcss"
    BINDINGS = [
        Binding("o", "toggle_overdue", "Overdue only"),
        Binding("c", "close_item", "Close with verification"),
        Binding("ctrl+f", "focus_filter", "Filter by owner"),
    ]

    def __init__(self, library: Library, today: dt.date) -> None:
        super().__init__()
        self.library = library
        self.today = today
        self.overdue_only = False
        self.owner = ""
        self.items = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="Owner (part of the name); o toggles overdue only", id="actions-filter"
        )
        yield Label("", id="actions-status")
        yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in (
            ("Postmortem", 10),
            ("#", 3),
            ("Action", 36),
            ("Owner", 14),
            ("Due", 10),
            ("Status", 11),
            ("Overdue", 36),
        ):
            table.add_column(label, width=width)
        self.refill()
        table.focus()

    def refill(self) -> None:
        self.items = tracked_actions(
            self.library.entries, self.today, owner=self.owner, overdue=self.overdue_only
        )
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for index, tracked in enumerate(self.items):
            item = tracked.item
            late = tracked.days_overdue(self.today)
            stage = tracked.escalation(self.today)
            overdue = f"{late} d" + (f" — {stage}" if stage else "") if late else ""
            table.add_row(
                _cell(tracked.entry.session.metadata.incident_id or tracked.entry.path.stem),
                _cell(str(item.id)),
                _cell(item.action),
                _cell(item.owner or "—"),
                _cell(item.due.isoformat() if item.due else "—"),
                _cell(item.status.value),
                Text(overdue, style="bold red" if late >= 14 else "yellow" if late else ""),
                key=str(index),
            )
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))
        label = f"{len(self.items)} action items" + (" (overdue only)" if self.overdue_only else "")
        self.query_one("#actions-status", Label).update(Content(label))

    @on(Input.Changed, "#actions-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.owner = event.value.strip()
        self.refill()

    def action_focus_filter(self) -> None:
        self.query_one("#actions-filter", Input).focus()

    def action_toggle_overdue(self) -> None:
        self.overdue_only = not self.overdue_only
        self.refill()

    def action_close_item(self) -> None:
        table = self.query_one(DataTable)
        if not self.items:
            return
        tracked = self.items[table.cursor_row]
        spec = [
            FieldSpec(
                "verification",
                "How was the fix verified?",
                required=True,
                placeholder="Alert fired in the game day on 2025-02-03",
            )
        ]

        def done(values: dict | None) -> None:
            if values is None:
                return
            try:
                close_action_on_disk(
                    tracked.entry, tracked.index, values["verification"], self.today
                )
            except LibraryEditError as error:
                self.notify(one_line(str(error)), severity="error", markup=False)
                return
            self.notify(one_line(f"Closed and saved in {tracked.entry.path.name}"), markup=False)
            self.refill()

        self.app.push_screen(FormDialog(f"Close: {tracked.item.action}", spec, {}), done)


class StatsScreen(Screen):
    """Patterns and trends across the library, with charts."""

    CSS_PATH = "library.tcss"

    def __init__(self, library: Library, today: dt.date) -> None:
        super().__init__()
        self.library = library
        self.today = today

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static(
                Text(format_stats(stats(self.library.entries, self.today))), id="stats-text"
            )
        yield Footer()

    def on_screen_resume(self) -> None:
        """Figures change when items are closed in the actions view: recompute on each visit."""
        self.refresh_stats()

    def refresh_stats(self) -> None:
        self.query_one("#stats-text", Static).update(
            Text(format_stats(stats(self.library.entries, self.today)))
        )


def library_title(folder: Path) -> str:
    return f"pmtui library — {folder}"
