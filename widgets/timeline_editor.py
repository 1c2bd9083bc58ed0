"""The timeline: events with actor, evidence, marker, precision and a decision's rationale;
key intervals; long gaps. Times are stored in UTC and shown and typed in the session's display
zone (``metadata.time_zone``), which the table's header names."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter
from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Static

from sessions import edits
from sessions.editing import SessionEditor
from sessions.markdown import APPROXIMATE, format_event_time
from sessions.models import Marker, Precision, TimelineEvent
from sessions.timeline import (
    after_midnight,
    bare_time_day,
    day_span,
    display_zone,
    gap_before,
    intervals,
    long_gaps,
    zone_label,
)
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.messages import SessionEdited
from widgets.record_table import Column, RecordPanel, RecordTable, model_maker
from widgets.timeline_day_notes import assumed_day_note, moved_day_note
from widgets.timeline_figures import figures_line
from widgets.timeline_paste import PastesLogs

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
WIDE_TIMES = 100
"""From this width on, the time column shows a time's seconds (narrower, the detail does)."""
FIGURES_DELAY = 0.15
"""Seconds after the last timeline edit before the figures line is redrawn."""


class _TimeShape(NamedTuple):
    """What the time column's width and header depend on."""

    with_date: bool
    rough: bool
    seconds: bool
    zone_name: str
    label: str


class TimelineEditor(PastesLogs, Vertical):
    DEFAULT_CSS = css_beside(__file__)
    HELP_TITLE = "Timeline"
    BINDINGS = [Binding("v", "paste_logs", "Paste logs", show=False)]

    def __init__(
        self, editor: SessionEditor, *, today: dt.date | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="session-view")
        self.editor = editor
        self.today = today
        self.parts = frozenset({"timeline", "metadata"})
        self._shape_at: tuple[tuple[int, bool], _TimeShape] | None = None
        self._shape = self._time_shape()
        #: The day a time typed alone was last put on when the incident gave none (a new
        #: session's first event), and from what: told once the event is added.
        self._assumed: tuple[dt.date, str] | None = None
        #: A time typed alone last put on another day than the incident's, by the day the
        #: timeline has reached; and the days already said so (once a day, not every event
        #: of a night).
        self._moved: dt.datetime | None = None
        self._days_told: set[dt.date] = set()
        self._figures_timer: Timer | None = None
        #: Pasted log times with no zone were UTC last time: the box stays as it was left.
        self._paste_utc = False

    def _zone(self) -> dt.tzinfo:
        return display_zone(self.editor.session)

    def _bare_time_day(self) -> dt.date:
        """The day a time typed without a date falls on: the incident's, or for a session
        with no date and no events yet the meeting's date, else today (remembered, to say so
        once the event is in)."""
        today = self.today or dt.date.today()
        day, source = bare_time_day(self.editor.session, today, self._zone())
        self._assumed = (day, source) if source else None
        return day

    def _after_midnight(self, when: dt.datetime) -> dt.datetime:
        timeline = self.editor.session.timeline  # kept in time order: first, then latest
        span = (timeline[0].time, timeline[-1].time) if timeline else None
        there = after_midnight(when, span, self._zone())
        self._moved = there if there != when else None  # said once the event is in
        return there

    def specs(self) -> list[FieldSpec]:
        session = self.editor.session
        zone_name = session.metadata.time_zone or "UTC"
        return [
            FieldSpec(
                "time",
                f"Time ({zone_name}, or with an offset like +02:00)",
                short=f"Time ({zone_label(session)})",
                kind="datetime",
                required=True,
                placeholder="14:05 or 2025-01-15 14:05",
                help="a date alone for an event known only to the day",
                default_date=self._bare_time_day,
                bare_time=self._after_midnight,
                zone=self._zone,
            ),
            FieldSpec(
                "event", "Event", required=True, placeholder="CheckoutErrorRate paged the on-call"
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
            FieldSpec(
                "precision",
                "How exact the time is",
                short="Precision",
                kind="enum",
                choices=tuple(p.value for p in Precision),
                required=True,
                default=Precision.EXACT.value,
                help="approximate is shown ≈ 17:20; day: only the date is known",
            ),
            FieldSpec(
                "rationale",
                "Rationale: for a decision, why, as it was known then",
                short="Rationale",
            ),
        ]

    def compose(self) -> ComposeResult:
        yield Static("", id="timeline-stats")
        table = RecordTable(
            "event",
            self.editor,
            "timeline",
            [
                self._time_column(),
                # the Marker stays longer than the Actor: the review asks when it started,
                # was seen, was restored (a tryout lost the markers once dates showed)
                Column("Marker", self._marker_cell, width=11, drop=1),
                Column("Event", self._event_cell, min_width=38, weight=6),
                Column("Actor", lambda e: e.actor, min_width=10, weight=1, drop=2),
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

    def _time_shape(self) -> _TimeShape:
        """What the time column's width and header depend on: dates shown, an approximate
        time (its "≈ "), seconds, the zone and its name. Read from every event: once per
        revision."""
        key = (self.editor.revision, self.size.width >= WIDE_TIMES)
        if self._shape_at is None or self._shape_at[0] != key:
            self._shape_at = (key, self._read_time_shape())
        return self._shape_at[1]

    def _read_time_shape(self) -> _TimeShape:
        session = self.editor.session
        events = session.timeline
        zone = self._zone()
        precisions = set(map(attrgetter("precision"), events))
        days = day_span(events, zone)
        # over days, or on another day than the incident's: the dates tell (events typed
        # before the date was set stayed a day after it, shown as bare times)
        date = session.metadata.date
        over_days = days is not None and (days[0] != days[1] or (date and days[0] != date))
        with_date = Precision.DAY in precisions or bool(over_days)
        rough = Precision.APPROXIMATE in precisions
        # a pasted log's seconds: "2026-11-26 22:4…" was all a tryout could read of them;
        # where the table is narrow they are left to the detail line, and the Marker stays
        wide = self.size.width >= WIDE_TIMES
        seconds = wide and any(event.time.second for event in events)
        return _TimeShape(
            with_date, rough, seconds, session.metadata.time_zone, zone_label(session)
        )

    def _time_column(self) -> Column:
        shape = self._shape
        rough = len(APPROXIMATE) if shape.rough else 0
        width = (16 if shape.with_date else 8) + rough + (3 if shape.seconds else 0)
        label = shape.label
        header = f"Time {label}" if len(label) + 5 <= width else label
        return Column(header, self._time_cell, width=width)

    def _time_cell(self, event: TimelineEvent) -> str:
        shape = self._shape
        return format_event_time(event, self._zone(), shape.with_date, seconds=shape.seconds)

    @staticmethod
    def _event_cell(event: TimelineEvent) -> str:
        """The event, and a decision's rationale after it (the detail line shows it all)."""
        return f"{event.event} — why: {event.rationale}" if event.rationale else event.event

    @staticmethod
    def _marker_cell(event: TimelineEvent) -> str:
        return SHORT_MARKER.get(event.marker, event.marker.label) if event.marker else ""

    @staticmethod
    def _row_style(events: list[TimelineEvent], index: int) -> str:
        """Long gaps in yellow (possible delays); the start and the restore in bold."""
        if gap_before(events, index):
            return "bold yellow"
        marker = events[index].marker
        return "bold" if marker in (Marker.ISSUE_STARTED, Marker.SERVICE_RESTORED) else ""

    def show_stats(self) -> None:
        self._fit_time_column()
        self._show_figures()

    def _fit_time_column(self) -> None:
        """Dates in the time column once the events span days, "≈ " once one is rough."""
        shape = self._time_shape()
        if shape != self._shape:
            self._shape = shape
            self.table.columns[0] = self._time_column()
            self.table.specs = self.specs()
            self.table.show_session()

    def _show_figures(self) -> None:
        """The line above the table: the zone, the guide's intervals, the long gaps."""
        self._figures_timer = None
        session = self.editor.session
        events = session.timeline
        stats = self.query_one("#timeline-stats", Static)
        text = figures_line(
            session.metadata.time_zone or "UTC",
            intervals(events),
            len(long_gaps(events)),
            stats.content_region.width,
        )
        if text != stats.content:  # an update lays the screen out again
            stats.update(text)

    def on_resize(self) -> None:
        self._fit_time_column()  # seconds shown or not
        self._redraw_figures_soon()  # in the words that fit the new width

    def show_session(self) -> None:
        """Redrawn after any change to the timeline or the metadata: the table and its time
        column at once, the figures above it a moment later, once for a run of edits (they
        read every event: 25 ms at 5,000, not to be paid per key)."""
        self._fit_time_column()
        self.table.show_session()
        self._redraw_figures_soon()

    def on_session_edited(self, message: SessionEdited) -> None:
        """The timeline changed here. An edit of the table reaches ``show_session`` through
        the screen; pasted log lines come from this editor, which the screen skips."""
        if message.part != "timeline":
            return
        if message.origin is self:
            self._fit_time_column()
            self._redraw_figures_soon()
        if message.what == "event added":
            self._tell_assumed_day()
            self._tell_moved_day()

    def _redraw_figures_soon(self) -> None:
        if self._figures_timer is not None:
            self._figures_timer.stop()
        self._figures_timer = self.set_timer(FIGURES_DELAY, self._show_figures)

    def _tell_assumed_day(self) -> None:
        assumed, self._assumed = self._assumed, None
        said = assumed_day_note(self.editor.session, assumed, self._zone())
        if said is not None:  # the first event of a session with no incident date
            self.notify(said, title="No incident date yet", timeout=8, markup=False)

    def _tell_moved_day(self) -> None:
        moved, self._moved = self._moved, None
        said = moved_day_note(self.editor.session, moved, self._zone(), self._days_told)
        if said is not None:
            self.notify(said, title="Put on another day", timeout=8, markup=False)
