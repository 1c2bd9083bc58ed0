"""Where the close's summary sits in the meeting notes: between its heading and its end line.

Apart from ``sessions.close`` (which writes it) so the export can find it, and tell whether
the meeting is still closed, without importing what the summary is made of.
"""

from __future__ import annotations

import datetime as dt
import re

from sessions.models import Meeting

HEADING = "### Close of the meeting"
END_TEXT = "Written by pmtui at the close of the meeting; closing it again rewrites this part."
END = f"_{END_TEXT}_"

_CLOSED = re.compile(rf"^{re.escape(HEADING)} \((\d{{4}}-\d{{2}}-\d{{2}})\)", re.MULTILINE)
_TOTAL = re.compile(r"^\| \*\*Total\*\* \| \*\*\d+ min\*\* \| \*\*(\d+:\d{2})\*\* \|", re.MULTILINE)


def clock(seconds: int) -> str:
    """83:05 for minutes and seconds spent (hours roll into minutes, as on the countdown)."""
    minutes, rest = divmod(max(seconds, 0), 60)
    return f"{minutes}:{rest:02d}"


def closed_on(meeting: Meeting) -> dt.date | None:
    """The day the meeting was closed, if it still is: its summary is in the notes and tells
    the time spent now. A meeting resumed after its close has spent more since (paused
    again, it said "closed", a tryout). None if it was not closed, or resumed since."""
    found = _CLOSED.search(meeting.notes)
    if found is None:
        return None
    total = _TOTAL.search(meeting.notes, found.end())
    spent = sum(section.spent_seconds for section in meeting.agenda)
    if total is None or total.group(1) != clock(spent):
        return None
    try:
        return dt.date.fromisoformat(found.group(1))
    except ValueError:
        return None


def summary_span(lines: list[str]) -> tuple[int, int] | None:
    """The first and last line of the summary in the notes' lines, or None."""
    start = next((i for i, line in enumerate(lines) if line.startswith(HEADING)), None)
    if start is None:
        return None
    # The export writes the emphasis with * and an import keeps that: either will do.
    end = next(
        (i for i in range(start, len(lines)) if lines[i].strip().strip("_*") == END_TEXT), None
    )
    return None if end is None else (start, end)


def without_summary(meeting: Meeting) -> tuple[str, dt.date | None]:
    """The notes less the summary, and the day of the close, if the meeting is closed now;
    else the notes as written and None (a meeting resumed since, or an imported summary
    whose times the session no longer holds: the summary is the only record of them)."""
    day = closed_on(meeting)
    lines = meeting.notes.split("\n")
    span = summary_span(lines)
    if day is None or span is None:
        return meeting.notes, None
    start, end = span
    return "\n".join([*lines[:start], *lines[end + 1 :]]).strip("\n"), day
