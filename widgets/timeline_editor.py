"""The timeline: events in UTC with actor, evidence and marker; key intervals; long gaps."""

from __future__ import annotations

import itertools

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from sessions import edits
from sessions.editing import SessionEditor
from sessions.models import Marker, TimelineEvent
from sessions.timeline import LONG_GAP, events_from_logs, incident_day, intervals, spans_days
from sessions.timeparse import format_duration, format_utc
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.messages import SessionEdited
from widgets.paste_logs import PasteLogsDialog
from widgets.record_table import Column, RecordPanel, RecordTable, model_maker

#: Marker names short enough for a table column; the detail line has the full name.
SHORT_MARKER = {
    Marker.ISSUE_STARTED: "started",
    Marker.FIRST_DETECTABLE: "detectable",
    Marker.ALERT_FIRED: "alert",
    Marker.ACKNOWLEDGED: "ack",
    Marker.ESCALATED: "escalated",
    Marker.ROOT_CAUSE_IDENTIFIED: "cause found",
    Marker.MITIGATION_STARTED: "mitigating",
    Marker.SERVICE_RESTORED: "restored",
    Marker.INCIDENT_CLOSED: "closed",
    Marker.DECISION_POINT: "decision",
    Marker.NON_EVENT: "non-event",
    Marker.INCIDENT_DECLARED: "declared",
    Marker.STATUS_UPDATE: "status",
}
INTERVAL_SHORT = {
    "Time to detect": "detect",
    "Time to acknowledge": "ack",
    "Time to mitigate": "mitigate",
    "Time to restore": "restore",
    "Total duration": "total",
}


class TimelineEditor(Vertical):
    DEFAULT_CSS = css_beside(__file__)
    HELP_TITLE = "Timeline"
    BINDINGS = [Binding("v", "paste_logs", "Paste logs", show=False)]

    def __init__(self, editor: SessionEditor, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="session-view")
        self.editor = editor
        self.parts = frozenset({"timeline", "metadata"})
        self._with_date = False

    def specs(self) -> list[FieldSpec]:
        return [
            FieldSpec(
                "time",
                "Time (UTC, or with an offset like +02:00)",
                short="Time (UTC)",
                kind="datetime",
                required=True,
                placeholder="14:05 or 2025-01-15 14:05",
                default_date=lambda: incident_day(self.editor.session),
            ),
            FieldSpec(
                "event", "Event", required=True, placeholder="Alert fired: CheckoutErrorRate"
            ),
            FieldSpec("actor", "Actor (person or system)", short="Actor", placeholder="alerting"),
            FieldSpec(
                "evidence",
                "Evidence (log, alert, message)",
                short="Evidence",
                placeholder="PagerDuty #123",
            ),
            FieldSpec(
                "marker",
                "Marker",
                kind="enum",
                choices=tuple(m.value for m in Marker),
                aliases=tuple((short, marker.value) for marker, short in SHORT_MARKER.items()),
            ),
        ]

    def compose(self) -> ComposeResult:
        self._with_date = spans_days(self.editor.session.timeline)
        yield Static("", id="timeline-stats")
        table = RecordTable(
            "event",
            self.editor,
            "timeline",
            [
                Column("Time", self._time_cell, width=self._time_width()),
                Column("Marker", self._marker_cell, width=11, drop=2),
                Column("Event", lambda e: e.event, min_width=44, weight=6),
                Column("Actor", lambda e: e.actor, min_width=10, weight=1, drop=1),
                Column("Evidence", lambda e: e.evidence, min_width=12, weight=1, drop=3),
            ],
            self.specs(),
            model_maker(TimelineEvent),
            values_of=lambda e: e.model_dump(),
            place=edits.insert_event,
            replace=edits.replace_event,
            row_style=self._row_style,
            hint="No events yet: a adds one, v pastes log lines.",
            id="timeline-table",
        )
        yield RecordPanel(table)

    def on_mount(self) -> None:
        self.show_stats()

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def _time_width(self) -> int:
        return 16 if self._with_date else 8

    def _time_cell(self, event: TimelineEvent) -> str:
        return format_utc(event.time, with_date=self._with_date, seconds=bool(event.time.second))

    @staticmethod
    def _marker_cell(event: TimelineEvent) -> str:
        return SHORT_MARKER.get(event.marker, event.marker.label) if event.marker else ""

    @staticmethod
    def _row_style(events: list[TimelineEvent], index: int) -> str:
        """Long gaps in yellow (possible delays); the start and the restore in bold."""
        if index and events[index].time - events[index - 1].time >= LONG_GAP:
            return "bold yellow"
        marker = events[index].marker
        return "bold" if marker in (Marker.ISSUE_STARTED, Marker.SERVICE_RESTORED) else ""

    def show_stats(self) -> None:
        events = self.editor.session.timeline
        with_date = spans_days(events)
        if with_date != self._with_date:
            self._with_date = with_date
            self.table.columns[0] = Column("Time", self._time_cell, width=self._time_width())
            self.table.show_session()
        text = Text("UTC  ", style="dim")
        for interval in intervals(events):
            if interval.value is not None:
                text.append(f"{INTERVAL_SHORT.get(interval.name, interval.name)} ", style="bold")
                text.append(f"{format_duration(interval.value)}  ")
        gaps = sum(1 for a, b in itertools.pairwise(events) if b.time - a.time >= LONG_GAP)
        if gaps:
            text.append(f"⚠ {gaps} long gap{'s' if gaps > 1 else ''} (yellow)", style="yellow")
        if not events:
            text.append("No events yet: a adds one, v pastes log lines.")
        self.query_one("#timeline-stats", Static).update(text)

    def show_session(self) -> None:
        self.show_stats()
        self.table.show_session()

    def on_session_edited(self, message: SessionEdited) -> None:
        """The table changed the timeline: the figures above it follow."""
        if message.part == "timeline":
            self.show_stats()

    @work(group="timeline-dialog")
    async def action_paste_logs(self) -> None:
        text = await self.app.push_screen_wait(PasteLogsDialog())
        if not text:
            return
        session = self.editor.session
        events, skipped = events_from_logs(text, incident_day(session))
        if not events:
            self.notify("No timestamps found in those lines", severity="warning")
            return
        with self.editor.edit("timeline", f"{len(events)} events pasted"):
            for event in events:
                edits.insert_event(session.timeline, event)
        self.table.show_session()
        self.table.go_to(next(i for i, e in enumerate(session.timeline) if e is events[0]))
        self.show_stats()
        self.post_message(SessionEdited("timeline", f"{len(events)} events pasted", self))
        skipped_text = f"; {skipped} line(s) without a timestamp skipped" if skipped else ""
        self.notify(f"Added {len(events)} events from the logs{skipped_text}", markup=False)
