"""What the timeline says after a time typed alone went on a day the author may not expect:
the day assumed for a session with no incident date, or the day the timeline has reached."""

from __future__ import annotations

import datetime as dt

from sessions.models import Session
from sessions.timeparse import format_in


def assumed_day_note(
    session: Session, assumed: tuple[dt.date, str] | None, zone: dt.tzinfo
) -> str | None:
    """The first event of a session with no incident date, typed as a time alone: which day
    it was put on and how to change that (later times follow its day)."""
    if assumed is None or session.metadata.date or len(session.timeline) != 1:
        return None
    day, source = assumed
    event = session.timeline[0]
    if event.time.astimezone(zone).date() != day:
        return None  # typed with its own date
    clock = format_in(event.time, zone, with_date=False)
    # Short: seven lines of toast covered the buttons of the next dialog, and at 80 columns
    # half the table (tryouts). Times typed alone later follow this day.
    return f"{clock} put on {day.isoformat()} ({source}). ⏎ edits it; T sets the incident's date."


def moved_day_note(
    session: Session, moved: dt.datetime | None, zone: dt.tzinfo, days_told: set[dt.date]
) -> str | None:
    """A time typed alone (``moved``, as stored) that went on another day than the
    incident's: which, and why, the first time for that day (``days_told`` keeps them; not
    every event of a night). A tryout filling in 12:30 after the next morning's closing
    event found it on that next day, without a word."""
    if moved is None or not any(event.time == moved for event in session.timeline):
        return None
    day = moved.astimezone(zone).date()
    if day in days_told:
        return None
    days_told.add(day)
    clock = format_in(moved, zone, with_date=False)
    # short: at 80 columns a toast of five lines covered the detail line
    return f"{clock} put on {day.isoformat()}, the day the timeline has reached. ⏎ edits it."
