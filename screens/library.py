"""The postmortem library: every postmortem below a folder, filtered as you type.

The filter has the focus from the start, so typing filters at once; ↑/↓ and PgUp/PgDn move
in the list while you type, and Enter opens the highlighted postmortem. The list shows any
number of postmortems at the cost of a screenful (``ListTable``), its columns fit the width,
and the line below it shows the highlighted one in full.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Label, Static

from screens.library_state import LibraryState
from sessions.library import Entry, Library, parse_query
from sessions.library_edits import LibraryEditError, create_in_library
from sessions.models import Metadata, Severity
from sessions.textsafe import one_line
from sessions.wording import counted
from widgets.field_input import FieldInput
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.keys_footer import KeysFooter
from widgets.list_table import ListTable, StyledColumn
from widgets.record_table import Column
from widgets.user_text import append_user, user_text

QUERY_HELP = "Type to filter: words, service:NAME cat:CATEGORY sev:SEV1 status:final tag:NAME "
QUERY_HELP += "since:DATE until:DATE"

SESSION_COLUMNS: list[Column] = [
    Column("Date", lambda e: e.date.isoformat() if e.date else "—", width=10),
    Column("ID", lambda e: e.incident_id or "—", min_width=8, weight=1, drop=3),
    Column("Title", lambda e: e.title or e.path.name, min_width=50, weight=6),
    Column("Sev", lambda e: "—" if e.severity is Severity.UNKNOWN else e.severity.value, width=4),
    Column("Status", lambda e: e.status.value, width=9, drop=4),
    Column("Services", lambda e: ", ".join(e.services) or "—", min_width=12, weight=2, drop=5),
    StyledColumn(
        "Open",
        lambda e: str(e.open_actions),
        width=4,
        drop=2,
        style=lambda e: "yellow" if e.open_actions else "",
    ),
]


def entry_detail(entry: Entry) -> Text:
    """The highlighted postmortem in full, for the lines under the list: its open action
    items before its services and tags, which are cut first where the line is too long (at
    80 columns the count had fallen past the edge)."""
    text = Text()
    append_user(text, entry.title or entry.path.name, "bold", single_line=True)
    facts = [
        entry.incident_id,
        entry.date.isoformat() if entry.date else "",
        entry.severity.value,
        entry.status.value + (" (archived)" if entry.archived else ""),
        f"{counted(entry.open_actions, 'open action item')}",
        "services: " + ", ".join(entry.services) if entry.services else "",
        "tags: " + ", ".join(entry.tags) if entry.tags else "",
    ]
    text.append("\n")
    append_user(text, " · ".join(f for f in facts if f), single_line=True)
    text.append("\n")
    append_user(text, str(entry.path), "dim", single_line=True)
    return text


def problems_text(library: Library) -> Text:
    """What could not be read, one line each: a file's error, or a folder not searched."""
    return user_text("\n".join(f"⚠ {error}" for error in library.errors), "yellow")


class LibraryScreen(Screen):
    """Every postmortem in the folder: type to filter, Enter opens the highlighted one."""

    CSS_PATH = "library.tcss"
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("escape", "clear_filter", "Clear filter"),
        Binding("ctrl+n", "new", "New postmortem"),
    ]

    def __init__(self, library: Library, state: LibraryState) -> None:
        super().__init__()
        self.library = library
        self.state = state
        self.shown: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield FieldInput(self.state.query, placeholder=QUERY_HELP, id="library-filter")
        yield Label("", id="library-status")
        yield ListTable(SESSION_COLUMNS, hint="No postmortem matches.", id="library-table")
        yield Static("", id="library-detail")
        if self.library.errors:
            yield Static(problems_text(self.library), id="library-errors")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#library-filter", Input))
        self.apply_filter(self.state.query, keep=self.state.highlighted)

    def on_screen_resume(self) -> None:
        """Items closed in another view change the Open counts: redraw on each visit."""
        self.query_one(ListTable).refresh()

    @property
    def table(self) -> ListTable:
        return self.query_one("#library-table", ListTable)

    def apply_filter(self, query: str, keep: Path | None = None) -> None:
        """Show the postmortems ``query`` matches, keeping ``keep`` highlighted if it is shown."""
        try:
            chosen = parse_query(query)
        except ValueError as error:
            self._status(f"⚠ {error}")
            return
        self.state.query = query
        self.shown = [entry for entry in self.library.entries if chosen.matches(entry)]
        paths = [entry.path for entry in self.shown]
        cursor = paths.index(keep) if keep in paths else 0
        self.table.show_rows(self.shown, cursor)
        total = len(self.library.entries)
        status = f"{len(self.shown)} of {total} postmortems in {self.library.folder}"
        trouble = self.library.problem_summary()
        self._status(status + (f" · ⚠ {trouble} (listed below)" if trouble else ""))

    def _status(self, text: str) -> None:
        self.query_one("#library-status", Label).update(Content(one_line(text)))

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value, keep=self.state.highlighted)

    @on(Input.Submitted, "#library-filter")
    def _open_from_filter(self) -> None:
        self.action_open()

    @on(ListTable.Highlighted, "#library-table")
    def _highlighted(self, event: ListTable.Highlighted) -> None:
        entry = event.row
        detail = self.query_one("#library-detail", Static)
        if entry is None:
            detail.update("")
            return
        self.state.highlighted = entry.path
        detail.update(entry_detail(entry))

    @on(ListTable.Selected, "#library-table")
    def _selected(self) -> None:
        self.action_open()

    def action_move(self, step: int) -> None:
        self.table.action_cursor(step)

    def action_page(self, step: int) -> None:
        self.table.action_page(step)

    def action_clear_filter(self) -> None:
        self.query_one("#library-filter", Input).value = ""

    def action_open(self) -> None:
        entry = self.table.current
        if entry is not None:
            self.app.exit(str(entry.path))

    @work
    async def action_new(self) -> None:
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
        values = await self.app.push_screen_wait(FormDialog("New postmortem", specs, {}))
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


def library_title(folder: Path) -> str:
    return one_line(f"pmtui library — {folder}")
