"""The timeline section: the events' table in the display zone, and the key intervals."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from sessions.export.formatting import table
from sessions.models import Marker, Precision, Session, TimelineEvent
from sessions.prose import cell, inline, plain, plain_cell
from sessions.timeline import display_zone, intervals, long_gaps
from sessions.timeparse import format_duration, format_in

APPROXIMATE = "≈ "
RATIONALE = "_Rationale:_ "
GAP_TIME = "⋮"
"""The time cell of the row that marks a long gap between two events."""


def gap_row_text(gap: dt.timedelta) -> str:
    """A row of its own: "… _(after a gap of 11 min)_" at the end of an event read as part
    of it ("restarted the service after a gap of 11 min": the engineer waited?)."""
    return f"_{format_duration(gap)} with no event_"  # never "a 11 min gap"


def zone_sentence(session: Session, events: list[TimelineEvent]) -> str:
    """The zone the times are in, with its name and offset; both when the clocks changed
    during the incident ("CET, UTC+01:00, then CEST, UTC+02:00")."""
    name = session.metadata.time_zone
    if not name:
        return "All times in UTC."
    zone = zoneinfo.ZoneInfo(name)
    said = []
    for event in (events[0], events[-1]):
        at = event.time.astimezone(zone)
        offset = at.strftime("%z")
        text = f"{at.tzname()}, UTC{offset[:3]}:{offset[3:]}"
        if text not in said:
            said.append(text)
    return f"All times in {name} ({', then '.join(said)})."


def timeline_needs_dates(session: Session, events: list[TimelineEvent]) -> bool:
    """Dates are shown unless every event is on the incident's date (in the display zone)."""
    zone = display_zone(session)
    days = {event.time.astimezone(zone).date() for event in events}
    return days != {session.metadata.date}


def format_event_time(
    event: TimelineEvent, zone: dt.tzinfo, with_date: bool, *, seconds: bool = True
) -> str:
    """The time as the timeline shows it; its seconds when it has any, unless ``seconds`` is
    False (a narrow table leaves them to its detail line)."""
    if event.precision is Precision.DAY:
        return event.time.astimezone(zone).date().isoformat()
    text = format_in(
        event.time, zone, with_date=with_date, seconds=seconds and bool(event.time.second)
    )
    local = event.time.astimezone(zone)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        offset = local.strftime("%z")  # the hour a clock change repeats: say which one
        text += f" UTC{offset[:3]}:{offset[3:]}"
    return APPROXIMATE + text if event.precision is Precision.APPROXIMATE else text


def timeline_section(session: Session) -> str:
    events = session.sorted_timeline()
    if not events:
        return ""
    zone = display_zone(session)
    with_date = timeline_needs_dates(session, events)
    # Each column only if some event fills it: an Evidence column empty on every row read
    # as a form left blank (a tryout).
    extra = [
        (name, read)
        for name, read in (("Actor", lambda e: e.actor), ("Evidence", lambda e: e.evidence))
        if any(plain(read(event)) for event in events)
    ]
    gaps = long_gaps(events)
    rows = []
    for index, event in enumerate(events):
        what = cell(event.event).strip()
        if event.marker is not None:
            label = event.marker.label
            rest = what[len(label) + 1 :].strip()
            if rest and what[: len(label) + 1].casefold() == f"{label}:".casefold():
                what = rest  # "Alert fired: …" typed: said once (and never left empty)
            what = f"**{label}**: {what}".rstrip()
        if index in gaps:
            gap = event.time.replace(microsecond=0) - events[index - 1].time.replace(microsecond=0)
            rows.append([GAP_TIME, gap_row_text(gap)] + [" "] * len(extra))
        if inline(event.rationale):
            what += "<br>" + RATIONALE + cell(event.rationale)
        row = [format_event_time(event, zone, with_date), what.strip() or " "]
        rows.append(row + [plain_cell(read(event)) for _, read in extra])
    header = ["Time", "Event"] + [name for name, _ in extra]
    text = zone_sentence(session, events) + "\n\n" + table(header, rows)
    known = [i for i in intervals(events) if i.value is not None]
    figures = [
        f"- **{i.name}**: {'about ' if i.approximate else ''}{format_duration(i.value)}"
        for i in known
    ]
    if figures:
        # what each is measured from: a tryout read the time to acknowledge as one from the
        # start, like the others
        from_alert = [i.start is Marker.ALERT_FIRED for i in known]
        since = "From the issue's start" if not all(from_alert) else "From the alert"
        if any(from_alert) and not all(from_alert):
            since += "; the time to acknowledge from the alert"
        text += f"\n\n### Key Intervals\n\n{since}:\n\n" + "\n".join(figures)
    return text
