"""What a metadata edit asks next, about the timeline typed before it: the same clock
times in the zone just set, and the incident's day just set (see sessions.timeline_day)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass

from textual.widget import Widget

from sessions.editing import Change, SessionEditor
from sessions.timeline import display_zone
from sessions.timeline_day import day_to_leave, keep_clock_times, move_events, read_in_zone
from sessions.timeparse import format_in
from sessions.wording import counted
from widgets.confirm import Confirm
from widgets.messages import SessionEdited
from widgets.model_form import After, Values


@dataclass(frozen=True)
class _Offer:
    """A question about the timeline, and the move a yes makes (one undoable edit)."""

    question: Confirm
    what: str
    move: Callable[[], int]
    said: str


def after_metadata(today: dt.date) -> After:
    """The questions, for a form whose ``before`` values are the metadata's; bare times went
    to the meeting's date, or ``today``. Each is worked out once the one before is answered:
    keeping the clock times can move the events' days."""

    async def follow(host: Widget, editor: SessionEditor, before: Values) -> None:
        assumed = editor.session.meeting.date or today
        offers = (
            lambda: _clock_times(editor, before.get("time_zone") or ""),
            lambda: _day(editor, before.get("date"), assumed),
        )
        step = editor.last_change  # the metadata edit: a move joins its undo step
        for offer in offers:
            found = offer()
            if found is not None and await _ask_and_move(host, editor, found, step):
                step = editor.last_change

    return follow


def _clock_times(editor: SessionEditor, zone_before: str) -> _Offer | None:
    session = editor.session
    zone_now = session.metadata.time_zone
    typed_events = [event for event in session.timeline if read_in_zone(event)]
    if zone_now == zone_before or not typed_events:
        return None
    was = zoneinfo.ZoneInfo(zone_before) if zone_before else dt.UTC
    first = typed_events[0].time
    typed = format_in(first, was, with_date=False)
    shown = format_in(first, display_zone(session), with_date=False)
    events = counted(len(typed_events), "timeline event")
    question = f"Keep the {events} at the clock times typed ({typed}), in {zone_now or 'UTC'}?"
    detail = f"They were read in {zone_before or 'UTC'}: as they are, the first shows {shown} now."
    return _Offer(
        Confirm(question, detail, yes="Keep the times"),
        f"events kept at their times in {zone_now or 'UTC'}",
        lambda: keep_clock_times(session, was, display_zone(session)),
        "kept at their clock times",
    )


def _day(editor: SessionEditor, date_before: dt.date | None, assumed: dt.date) -> _Offer | None:
    session = editor.session
    zone = display_zone(session)
    day = day_to_leave(session, date_before, assumed, zone)
    date = session.metadata.date
    if day is None or date is None:
        return None
    events = counted(len(session.timeline), "timeline event")
    question = f"Move the {events} to {date.isoformat()}?"
    detail = f"They start on {day.isoformat()}, the day they were typed on; their times stay."
    return _Offer(
        Confirm(question, detail, yes="Move"),
        f"events moved to {date.isoformat()}",
        lambda: move_events(session, day, date, zone),
        f"moved to {date.isoformat()}",
    )


async def _ask_and_move(
    host: Widget, editor: SessionEditor, offer: _Offer, step: Change | None
) -> bool:
    """The question; on yes, the move, undone with the edit that asked it (``step``), and
    said so. True if moved."""
    if not await host.app.push_screen_wait(offer.question):
        return False
    with editor.edit("timeline", offer.what, joins=step):
        moved = offer.move()
    host.post_message(SessionEdited("timeline", offer.what))
    host.notify(
        f"{counted(moved, 'event')} {offer.said}. ctrl+z undoes this and the metadata edit."
    )
    return True
