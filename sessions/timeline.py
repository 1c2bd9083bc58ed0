"""What the timeline tells: the guide's key intervals, long gaps, events pasted from logs."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from operator import attrgetter, le, sub

from sessions.models import Marker, Precision, Session, TimelineEvent
from sessions.timeparse import find_timestamp

#: A gap this long between two events during the incident is worth asking about.
LONG_GAP = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Interval:
    name: str
    start: Marker
    end: Marker
    value: dt.timedelta | None
    #: One of its ends is an approximate time, so the figure is too.
    approximate: bool = False


_INTERVALS: tuple[tuple[str, Marker, Marker], ...] = (
    ("Time to detect", Marker.ISSUE_STARTED, Marker.ALERT_FIRED),
    ("Time to acknowledge", Marker.ALERT_FIRED, Marker.ACKNOWLEDGED),
    # Declared by people, alert or none (a tryout set the marker and got no figure).
    ("Time to declare", Marker.ISSUE_STARTED, Marker.INCIDENT_DECLARED),
    ("Time to mitigate", Marker.ISSUE_STARTED, Marker.MITIGATION_STARTED),
    ("Time to restore", Marker.ISSUE_STARTED, Marker.SERVICE_RESTORED),
    ("Total duration", Marker.ISSUE_STARTED, Marker.INCIDENT_CLOSED),
)


_time = attrgetter("time")
_SECOND = dt.timedelta(seconds=1)


def first_marked(events: list[TimelineEvent]) -> dict[Marker, TimelineEvent]:
    """The earliest event carrying each marker."""
    marks: dict[Marker, TimelineEvent] = {}
    for event in [event for event in events if event.marker is not None]:
        if event.marker not in marks or event.time < marks[event.marker].time:
            marks[event.marker] = event
    return marks


def first_marks(events: list[TimelineEvent]) -> dict[Marker, dt.datetime]:
    return {marker: event.time for marker, event in first_marked(events).items()}


def _whole_seconds(moment: dt.datetime) -> dt.datetime:
    """Figures are computed from the times the document shows, never from hidden fractions."""
    return moment.replace(microsecond=0)


def intervals(events: list[TimelineEvent]) -> list[Interval]:
    """The guide's detect / acknowledge / mitigate / restore figures, where markers allow.

    An end known only to the day gives no figure; an approximate end gives an approximate one.
    """
    marks = first_marked(events)
    out = []
    for name, start, end in _INTERVALS:
        first, last = marks.get(start), marks.get(end)
        if first is None or last is None or Precision.DAY in (first.precision, last.precision):
            out.append(Interval(name, start, end, None))
            continue
        value = _whole_seconds(last.time) - _whole_seconds(first.time)
        rough = Precision.APPROXIMATE in (first.precision, last.precision)
        out.append(Interval(name, start, end, value, rough))
    return out


GAP_SHARE = 20
"""A gap is long if it is also a twentieth of the timeline or more: in a 20-hour incident,
11 minutes without an event marked 7 rows of 9 and read as noise (a tryout)."""


USUAL_GAPS = 5
"""Gaps enough between events for their mean to say what a usual one is: with fewer, a sparse
timeline's every gap is a question worth asking."""

NO_GAP = dt.timedelta(days=100_000)
"""A threshold no gap reaches (a new incident's two events, ten minutes apart, were marked
as "1 long gap")."""


def gap_threshold(ordered: list[TimelineEvent]) -> dt.timedelta:
    """How long a gap between events must be to be marked: ``LONG_GAP`` in a short incident,
    a twentieth of the timed events' span in a long one; and where there are gaps enough
    to have a usual one (``USUAL_GAPS``), half as long again as their mean: a tryout's
    eleven events, 10 to 34 minutes apart, had "⚠ 10 long gaps", and the export a gap row
    between every two. Constant time (events in order)."""
    timed = (i for i, event in enumerate(ordered) if event.precision is not Precision.DAY)
    first = next(timed, None)
    ends = (i for i in range(len(ordered) - 1, -1, -1) if ordered[i].precision is not Precision.DAY)
    last = next(ends, None)
    if first is None or last is None:
        return LONG_GAP
    if last - first < 2:  # two events: the time between them is the story, not a gap in it
        return NO_GAP
    span = ordered[last].time - ordered[first].time
    threshold = max(LONG_GAP, span / GAP_SHARE)
    gaps = last - first
    return max(threshold, 1.5 * span / gaps) if gaps >= USUAL_GAPS else threshold


def gap_before(
    ordered: list[TimelineEvent], index: int, threshold: dt.timedelta | None = None
) -> bool:
    """Did the event at ``index`` (of events in time order) come long after the one before?

    An event known only to the day has no gap before or after it: its time is not a time.
    Constant time, so a table can ask it for each row it draws (pass the ``threshold``
    once worked out, or it is worked out each time).
    """
    if index <= 0 or index >= len(ordered):
        return False
    threshold = gap_threshold(ordered) if threshold is None else threshold
    before, event = ordered[index - 1], ordered[index]
    if Precision.DAY in (before.precision, event.precision):
        return False
    return _whole_seconds(event.time) - _whole_seconds(before.time) >= threshold


def long_gaps(events: list[TimelineEvent], threshold: dt.timedelta | None = None) -> set[int]:
    """Indexes (in time order) of events that came a long time after the one before.

    ``gap_before`` at every index, but the raw gaps are taken in one pass in C and only those
    within a second of the threshold or over it are looked at closely (this runs after each
    run of timeline edits: 25 ms at 5,000 events, then 3, now under 1)."""
    ordered, times = events, list(map(_time, events))
    if not all(map(le, times, times[1:])):  # the editor keeps them in order; a file may not
        ordered = sorted(events, key=_time)
        times = list(map(_time, ordered))
    threshold = gap_threshold(ordered) if threshold is None else threshold
    unsure, sure = threshold - _SECOND, threshold + _SECOND
    near = [i for i, raw in enumerate(map(sub, times[1:], times[:-1]), 1) if raw > unsure]
    return {
        i
        for i in near
        if Precision.DAY not in (ordered[i - 1].precision, ordered[i].precision)
        and (
            times[i] - times[i - 1] >= sure
            or _whole_seconds(times[i]) - _whole_seconds(times[i - 1]) >= threshold
        )
    }


def spans_days(events: list[TimelineEvent], zone: dt.tzinfo = dt.UTC) -> bool:
    """Do the events fall on more than one day (as the clock in ``zone`` reads)?

    A zone's calendar day never goes back as time goes on, so the first and the last event
    tell: two conversions, not one per event."""
    days = day_span(events, zone)
    return days is not None and days[0] != days[1]


def day_span(
    events: list[TimelineEvent], zone: dt.tzinfo = dt.UTC
) -> tuple[dt.date, dt.date] | None:
    """The days of the first and the last event, as the clock in ``zone`` reads them."""
    if not events:
        return None
    first, last = min(events, key=_time).time, max(events, key=_time).time
    return first.astimezone(zone).date(), last.astimezone(zone).date()


def display_zone(session: Session) -> dt.tzinfo:
    """The zone the timeline is shown (and typed) in: ``metadata.time_zone``, or UTC."""
    name = session.metadata.time_zone
    return zoneinfo.ZoneInfo(name) if name else dt.UTC


def zone_label(session: Session) -> str:
    """The display zone's short name at the incident ("PST", "CET", "UTC"), for a header;
    both names when the clocks changed during it ("CET/CEST": a row in summer time sat
    under "Time CET", a tryout)."""
    zone = display_zone(session)
    if zone is dt.UTC:
        return "UTC"
    if session.timeline:
        times = [event.time for event in session.timeline]
        moments = [min(times), max(times)]
    elif session.metadata.date:
        moments = [dt.datetime.combine(session.metadata.date, dt.time(12), tzinfo=dt.UTC)]
    else:
        return session.metadata.time_zone
    names = dict.fromkeys(at.astimezone(zone).tzname() or "" for at in moments)
    return "/".join(name for name in names if name) or session.metadata.time_zone


_LEVEL = re.compile(
    r"(\[)?(trace|debug|info|notice|warn|warning|error|err|critical|crit|fatal|alert|emerg)"
    r"(?(1)\]:?\s*|(:\s*|\s+))",
    re.IGNORECASE,
)
"""A log level in front of the message ("ERROR ", "[warn] ", "Info: ")."""

_SOURCE = re.compile(
    r"(?:\S+\s+(?=[\w.\-/]+\[\d+\]:))?([\w.\-/]+)(?:\[\d+\])?:\s+"
    r"|(?:[\w.\-]+\s+(?=\[[A-Za-z][\w.\-/]*\]\s+"
    r"(?:trace|debug|info|notice|warn|warning|error|err|critical|crit|fatal)\b))?"
    r"\[([A-Za-z][\w.\-/]*)\]:?\s+",
    re.IGNORECASE,
)
"""What wrote the line: before a colon, "checkout-api: " or syslog's "host app[12]: "; or in
brackets, "[catalog-cdc] ", after a host when a level follows ("api-gw-3 [search-api] INFO")
(it had stayed in the message, the actor "logs": tryouts)."""


def _without_level(text: str) -> str:
    """The text less a level in front: bracketed, before a colon, or in capitals; a word
    that is only spelled like one stays ("Alert fired for…", "Error rate above 5%")."""
    found = _LEVEL.match(text)
    if found and (found.group(1) or found.group(3).startswith(":") or found.group(2).isupper()):
        return text[found.end() :]
    return text


def log_message(rest: str) -> tuple[str, str]:
    """What a log line says after its timestamp, as an event: the message, and what wrote
    it ("" when the line doesn't say). The level goes ("ERROR Database…" read as shouting
    in the timeline); the whole line stays as the event's evidence. A capitalised word
    before a colon is the message's ("Status: degraded"), not a program's name."""
    rest = _without_level(rest)
    source = ""
    found = _SOURCE.match(rest)
    name = (found.group(1) or found.group(2)) if found else ""
    if found and found.end() < len(rest) and not re.fullmatch(r"[A-Z][a-z]+", name):
        source, rest = name, _without_level(rest[found.end() :])
    return rest.strip(), source


def events_from_logs(
    text: str,
    default_date: dt.date | None,
    zone: dt.tzinfo = dt.UTC,
    span: tuple[dt.datetime, dt.datetime] | None = None,
) -> tuple[list[TimelineEvent], int, int]:
    """One event per log line that starts with a timestamp; returns them, the lines skipped,
    and how many times named no zone (those are in ``zone``). A time with no date goes on
    the day the timeline (its first and latest events, ``span``) and the lines before it
    have reached, as a typed one does (``after_midnight``): "03:05:00 job passed" after
    midnight had landed a day early, at the top of the timeline (a tryout)."""
    events, skipped, zoneless = [], 0, 0
    reached = span  # the first and latest times so far, the lines' with the timeline's

    def on_its_day(moment: dt.datetime) -> dt.datetime:
        return after_midnight(moment, reached, zone)

    for line in text.splitlines():
        if not line.strip():
            continue
        found = find_timestamp(line, default_date, zone, on_its_day)
        if found is None:
            skipped += 1
            continue
        moment, rest, zoned = found
        zoneless += not zoned
        first, latest = reached or (moment, moment)
        reached = (min(first, moment), max(latest, moment))
        message, source = log_message(rest)
        events.append(
            TimelineEvent(
                time=moment,
                event=message or line.strip(),
                actor=source or "logs",
                evidence=line.strip(),
            )
        )
    return events, skipped, zoneless


LATE, EARLY = dt.time(18, 0), dt.time(6, 0)
"""The evening and the small hours a timeline crosses midnight between."""


def after_midnight(
    when: dt.datetime, span: tuple[dt.datetime, dt.datetime] | None, zone: dt.tzinfo
) -> dt.datetime:
    """A time typed without a date (``when``, on the incident's day), put on the day the
    timeline (its first and latest events, ``span``) has reached, across midnight for a
    small hour after a late evening, and back for a late evening filled in before small
    hours: 00:10 typed after 23:50 went a day back, and a tryout's timeline read 00:10,
    00:40, 23:50. A day that began in its small hours keeps a small hour (a review)."""
    if span is None:
        return when
    local, first, last = when.astimezone(zone), span[0].astimezone(zone), span[1].astimezone(zone)
    day = max(local.date(), last.date())
    began_small = first.date() == last.date() and first.time() < EARLY
    if day == last.date() and last.time() >= LATE and local.time() < EARLY and not began_small:
        day += dt.timedelta(days=1)
    elif day == last.date() > local.date() and last.time() < EARLY and local.time() >= LATE:
        day -= dt.timedelta(days=1)
    if day == local.date():
        return when
    there = dt.datetime.combine(day, local.time(), zone)
    return there.astimezone(dt.UTC)


def incident_day(session: Session, zone: dt.tzinfo = dt.UTC) -> dt.date | None:
    """The day a time typed without a date falls on: the incident's date, else the day of the
    first event as the clock in ``zone`` reads it."""
    if session.metadata.date:
        return session.metadata.date
    if session.timeline:
        return min(event.time for event in session.timeline).astimezone(zone).date()
    return None


def bare_time_day(
    session: Session, today: dt.date, zone: dt.tzinfo = dt.UTC
) -> tuple[dt.date, str]:
    """The day a time typed without a date falls on, and what that day was assumed from: ""
    when the incident says (its date, or its first event's day); for a new session with
    neither, the meeting's date ("the meeting's date"), else ``today`` ("today")."""
    day = incident_day(session, zone)
    if day is not None:
        return day, ""
    if session.meeting.date:
        return session.meeting.date, "the meeting's date"
    return today, "today"
