"""Times as postmortems write them: days, times of day with zones, durations.

Wider than ``sessions.timeparse`` (what the app's time fields take): "8:13 a.m. PST",
"≈ 17:20", "May 12, 2021", "24 hours 11 minutes". Month names and numeric offsets are read
by ``timeparse``, so the two read them alike.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sessions.models import Precision
from sessions.timeparse import month_number, offset_zone

_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CST": -6,
    "CDT": -5, "EST": -5, "EDT": -4, "CET": 1, "CEST": 2, "BST": 1, "IST": 5.5, "JST": 9,
}  # fmt: skip
_APPROX = re.compile(r"^(?:≈|~|±|\+/-|about|approx(?:imately|\.)?|around|ca\.?|circa)\s*", re.I)
_TIME = re.compile(
    r"(?:(?P<date>\d{4}-\d{2}-\d{2})[ T,]*)?"
    r"(?P<h>\d{1,2})[:.h](?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?P<zone>UTC[+-]\d{2}:\d{2}|Z|[A-Z]{2,4}\b|[+-]\d{2}:?\d{2})?",
    re.I,
)
_DAY = (
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<mon>[A-Za-z]{3,9})\.?(?:,? (?P<y>\d{4}))?"
    r"|(?P<mon2>[A-Za-z]{3,9})\.? (?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<y2>\d{4}))?)"
)
_DATE_ONLY = re.compile(rf"^{_DAY}$")
_LEADING_DATE = re.compile(rf"^{_DAY}(?=[\s:,—–-]|$)")


@dataclass
class Clock:
    """What the importer knows to read a time: the zone and the day the times are on."""

    zone: dt.tzinfo = dt.UTC
    day: dt.date | None = None
    year: int | None = None


def parse_day(text: str, clock: Clock) -> dt.date | None:
    """A day on its own: "2021-05-12", "12 May", "May 12, 2021" (the year from the clock)."""
    match = _DATE_ONLY.match(text.strip().strip("*_").strip())
    return _day(match, clock) if match else None


def _day(match: re.Match[str], clock: Clock) -> dt.date | None:
    try:
        if match["iso"]:
            return dt.date.fromisoformat(match["iso"])
        month = month_number(match["mon"] or match["mon2"] or "")
        year = match["y"] or match["y2"]
        year = int(year) if year else (clock.day.year if clock.day else clock.year)
        if month is None or year is None:
            return None
        return dt.date(year, month, int(match["d"] or match["d2"]))
    except ValueError:
        return None


def parse_time(text: str, clock: Clock) -> tuple[dt.datetime, Precision, str] | None:
    """A time at the start of ``text``: the moment, its precision and the rest of the text.

    "14:05", "2025-01-15 14:05:23 UTC", "8:13 a.m. PST", "≈ 17:20" (approximate), or a day
    alone, "12 May" (day precision). A time without a date takes the clock's day. A time
    that falls outside the years 1 to 9999 once in UTC is no time.
    """
    try:
        return _parse_time(text, clock)
    except OverflowError:
        return None


def _parse_time(text: str, clock: Clock) -> tuple[dt.datetime, Precision, str] | None:
    text = text.strip()
    rough = _APPROX.match(text)
    body = text[rough.end() :] if rough else text
    match = _TIME.match(body)
    if match is not None and (match["date"] or clock.day):
        try:
            date = dt.date.fromisoformat(match["date"]) if match["date"] else clock.day
            hour, minute = int(match["h"]), int(match["m"])
            if match["ampm"]:
                hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
            clock_time = dt.time(hour, minute, int(match["s"] or 0))
        except ValueError:
            return None
        zone = zone_named(match["zone"], clock.zone)
        if zone is None:  # a word, not a zone: it stays in the text
            zone, rest = clock.zone, body[match.start("zone") :]
        else:
            rest = body[match.end() :]
        assert date is not None
        precision = Precision.APPROXIMATE if rough else Precision.EXACT
        return _at(date, clock_time, zone), precision, rest.strip(" —–-:|,")
    leading = _LEADING_DATE.match(body)
    if leading is not None and not _TIME.match(body[leading.end() :].strip(" ,")):
        day = _day(leading, clock)
        if day is not None:
            return (
                _at(day, dt.time(0), clock.zone),
                Precision.DAY,
                body[leading.end() :].strip(" —–-:|,"),
            )
    return None


def zone_named(text: str | None, default: dt.tzinfo) -> dt.tzinfo | None:
    """The zone an abbreviation ("PST") or an offset ("+02:00") names; None if it names none."""
    if not text:
        return default
    upper = text.upper()
    if upper in _ZONES:
        return dt.timezone(dt.timedelta(hours=_ZONES[upper]))
    return offset_zone(upper)


def _at(day: dt.date, clock_time: dt.time, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, clock_time, tzinfo=zone).astimezone(dt.UTC)


def parse_minutes(text: str) -> int | None:
    """ "24 hours 11 minutes", "2h 30m", "45 min", "3 days" → minutes; None if not a duration."""
    text = text.lower().replace(",", " ").replace(" and ", " ")
    units = {"d": 1440, "day": 1440, "h": 60, "hr": 60, "hour": 60, "m": 1, "min": 1, "minute": 1}
    total, found = 0.0, False
    for number, unit in re.findall(r"(\d+(?:\.\d+)?)\s*([a-z]+)", text):
        unit = unit.rstrip("s") if unit not in ("s",) else unit
        if unit not in units:
            return None
        total += float(number) * units[unit]
        found = True
    leftover = re.sub(r"(\d+(?:\.\d+)?)\s*([a-z]+)|[~≈ ]|about|approximately", "", text)
    return round(total) if found and not leftover else None
