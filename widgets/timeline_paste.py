"""v in the timeline: log lines pasted in a dialog that says what they will add, each line
with a timestamp an event, as one undoable edit."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import work

from sessions import edits
from sessions.models import TimelineEvent
from sessions.timeline import display_zone, events_from_logs, incident_day, zone_label
from sessions.wording import counted
from widgets.messages import SessionEdited
from widgets.paste_logs import PasteLogsDialog, what_pasting_adds

if TYPE_CHECKING:
    from sessions.editing import SessionEditor
    from widgets.record_table import RecordTable


class PastesLogs:
    """The timeline editor's pasting of logs (a mixin: it uses the editor's session, zone,
    table and figures)."""

    editor: SessionEditor
    _paste_utc: bool

    if TYPE_CHECKING:

        @property
        def table(self) -> RecordTable: ...
        def _zone(self) -> dt.tzinfo: ...
        def show_stats(self) -> None: ...

    def _read_logs(self, text: str, utc: bool) -> tuple[list[TimelineEvent], int, int]:
        session = self.editor.session
        zone = dt.UTC if utc else display_zone(session)
        timeline = session.timeline  # in time order: its first and latest
        span = (timeline[0].time, timeline[-1].time) if timeline else None
        return events_from_logs(text, incident_day(session, zone), zone, span)

    def _paste_preview(self, text: str, utc: bool) -> str:
        events, skipped, _zoneless = self._read_logs(text, utc)
        return what_pasting_adds(events, skipped, self._zone())

    @work(group="timeline-dialog")
    async def action_paste_logs(self) -> None:
        session = self.editor.session
        label = zone_label(session)
        dialog = PasteLogsDialog(label, utc=self._paste_utc, preview=self._paste_preview)
        pasted = await self.app.push_screen_wait(dialog)
        if not pasted or not pasted.text:
            return
        self._paste_utc = pasted.utc
        events, skipped, zoneless = self._read_logs(pasted.text, pasted.utc)
        if not events:
            self.notify("No timestamps found in those lines", severity="warning")
            return
        what = f"{counted(len(events), 'event')} pasted"
        with self.editor.edit("timeline", what):
            for event in events:
                edits.insert_event(session.timeline, event)
        self.table.show_session()
        self.table.go_to(next(i for i, e in enumerate(session.timeline) if e is events[0]))
        self.show_stats()
        self.post_message(SessionEdited("timeline", what, self))
        skipped_text = (
            f"; {counted(skipped, 'line')} without a usable timestamp skipped" if skipped else ""
        )
        read_as = "UTC" if pasted.utc else label
        zone_text = (  # said only of times that named none (all four ended in Z: a tryout)
            f", {counted(zoneless, 'time')} with no zone read as {read_as}" if zoneless else ""
        )
        self.notify(
            f"Added {counted(len(events), 'event')} from the logs{zone_text}{skipped_text}",
            markup=False,
        )
