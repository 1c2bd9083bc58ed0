"""The meeting bar: the agenda with done / current / next, elapsed against plan, projected end."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import Static

from sessions.meeting_timer import MeetingTimer, mmss
from widgets._css import css_beside


class AgendaBar(Static):
    """Two lines: the agenda (shortened to fit the width) and the whole meeting's pace."""

    DEFAULT_CSS = css_beside(__file__)

    _last: tuple[MeetingTimer, dt.datetime] | None = None

    def on_resize(self) -> None:
        if self._last is not None:
            self.show(*self._last)

    def show(self, timer: MeetingTimer, now: dt.datetime) -> None:
        self._last = (timer, now)
        width = max(self.size.width - 2, 20)
        line = self._agenda(timer, compact=False)
        if line.cell_len > width:
            line = self._agenda(timer, compact=True)
        total = Text()
        elapsed, planned = timer.total_elapsed(), timer.total_planned()
        total.append(f"Elapsed {mmss(elapsed)} of {mmss(planned)}", style="bold")
        end = timer.projected_end(now).astimezone()
        total.append(f" · ends ~{end:%H:%M}")
        over = timer.over_by()
        if over >= 60:
            total.append(f" · {over / 60:.0f} min over", style="bold red")
            if timer.trims():
                total.append(" (t: trim)", style="italic")
        line.truncate(width, overflow="ellipsis")
        total.truncate(width, overflow="ellipsis")
        self.update(Text("\n").join([line, total]))

    @staticmethod
    def _agenda(timer: MeetingTimer, *, compact: bool) -> Text:
        line = Text()
        agenda = timer.meeting.agenda
        for index, section in enumerate(agenda):
            if index:
                line.append(" · " if compact else "  ")
            number = index + 1
            if index < timer.index:
                label = f"✓{number}" if compact else f"✓ {section.title}"
                line.append(label, style="dim")
            elif index == timer.index:
                line.append(f" ▶ {number}. {section.title} ", style="bold reverse")
            elif compact:
                line.append(f"{number}", style="bold" if index == timer.index + 1 else "")
            else:
                style = "bold" if index == timer.index + 1 else ""
                line.append(f"{number}. {section.title} {section.planned_minutes}m", style=style)
        if compact and timer.index + 1 < len(agenda):
            upcoming = agenda[timer.index + 1]
            line.append(f"  next: {upcoming.title} {upcoming.planned_minutes}m", style="bold")
        return line
