"""The timeline: events in UTC with actor, evidence and marker; key intervals; long gaps."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from sessions.models import Marker, Session, TimelineEvent
from sessions.timeline import events_from_logs, incident_day, intervals, long_gaps, spans_days
from sessions.timeparse import format_duration, format_utc
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.messages import SessionEdited, Undoable
from widgets.paste_logs import PasteLogsDialog
from widgets.record_table import Column, RecordTable, model_maker


class TimelineEditor(Vertical):
    DEFAULT_CSS = css_beside(__file__)
    BINDINGS = [Binding("v", "paste_logs", "Paste logs")]

    def __init__(self, get_session: Callable[[], Session], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.get_session = get_session
        self._gaps: set[int] = set()
        self._with_date = False

    def specs(self) -> list[FieldSpec]:
        return [
            FieldSpec(
                "time",
                "Time (UTC, or with an offset like +02:00)",
                kind="datetime",
                required=True,
                placeholder="2025-01-15 14:05 or 14:05",
                default_date=lambda: incident_day(self.get_session()),
            ),
            FieldSpec(
                "event", "Event", required=True, placeholder="Alert fired: CheckoutErrorRate"
            ),
            FieldSpec("actor", "Actor (person or system)", placeholder="alerting"),
            FieldSpec("evidence", "Evidence (log, alert, message)", placeholder="PagerDuty #123"),
            FieldSpec("marker", "Marker", kind="enum", choices=tuple(m.value for m in Marker)),
        ]

    def compose(self) -> ComposeResult:
        self.get_session().timeline.sort(key=lambda e: e.time)
        self._measure()
        yield Static("", id="timeline-stats")
        yield RecordTable(
            "event",
            lambda: self.get_session().timeline,
            [
                Column("Time (UTC)", self._time_cell, width=self._time_width()),
                Column("Marker", lambda e: e.marker.label if e.marker else "", width=21),
                Column("Event", lambda e: e.event, width=40),
                Column("Actor", lambda e: e.actor, width=18),
                Column("Evidence", lambda e: e.evidence, width=30),
            ],
            self.specs(),
            model_maker(TimelineEvent),
            sort_key=lambda e: e.time,
            row_style=self._row_style,
            before_refresh=self._measure,
            id="timeline-table",
        )

    def on_mount(self) -> None:
        self.refresh_stats()

    def _measure(self) -> None:
        """Once per change, not once per row: gaps and whether times need their date."""
        events = self.get_session().timeline
        self._gaps = long_gaps(events)
        self._with_date = spans_days(events)
        tables = self.query(RecordTable)
        if tables and tables.first().ordered_columns:
            tables.first().ordered_columns[0].width = self._time_width()

    def _time_width(self) -> int:
        return 19 if self._with_date else 10

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def _time_cell(self, event: TimelineEvent) -> str:
        return format_utc(event.time, with_date=self._with_date, seconds=bool(event.time.second))

    def _row_style(self, index: int, event: TimelineEvent) -> str:
        if index in self._gaps:
            return "bold yellow"
        return "bold" if event.marker in (Marker.ISSUE_STARTED, Marker.SERVICE_RESTORED) else ""

    def refresh_stats(self) -> None:
        events = self.get_session().timeline
        self._measure()
        text = Text.assemble(("All times in UTC.  ", "dim"))
        for interval in intervals(events):
            if interval.value is not None:
                text.append(f"{interval.name}: ", style="bold")
                text.append(f"{format_duration(interval.value)}   ")
        if self._gaps:
            text.append(
                f"\n⚠ {len(self._gaps)} long gap(s) — possible delays (yellow rows)", style="yellow"
            )
        if not events:
            text.append("No events yet: a to add one, v to paste log lines.")
        self.query_one("#timeline-stats", Static).update(text)

    def reload_from_model(self) -> None:
        self.refresh_stats()
        self.table.refresh_rows()

    def on_session_edited(self, message: SessionEdited) -> None:
        self.refresh_stats()

    def action_paste_logs(self) -> None:
        def done(text: str | None) -> None:
            if not text:
                return
            session = self.get_session()
            events, skipped = events_from_logs(text, incident_day(session))
            if not events:
                self.app.notify("No timestamps found in those lines", severity="warning")
                return
            session.timeline.extend(events)
            session.timeline.sort(key=lambda e: e.time)

            def undo() -> None:
                ids = {id(e) for e in events}
                session.timeline[:] = [e for e in session.timeline if id(e) not in ids]
                self._refresh_after_change("pasted events removed")

            self._refresh_after_change(f"{len(events)} events pasted")
            self.post_message(Undoable(f"paste {len(events)} events", undo))
            skipped_text = f"; {skipped} line(s) without a timestamp skipped" if skipped else ""
            self.app.notify(f"Added {len(events)} events from the logs{skipped_text}", markup=False)

        self.app.push_screen(PasteLogsDialog(), done)

    def _refresh_after_change(self, what: str) -> None:
        self.refresh_stats()
        self.table.refresh_rows()
        self.post_message(SessionEdited(f"timeline: {what}"))
