"""Times as people type them (and as logs print them), turned into UTC datetimes."""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from collections.abc import Callable

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}

_ISO = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?)"
    r"\s?(?P<tz>Z|UTC|[+-]\d{2}:?\d{2})?"
)
_SYSLOG = re.compile(
    r"(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<time>\d{1,2}:\d{2}:\d{2})"
    r"\s?(?P<tz>Z|UTC|[+-]\d{2}:?\d{2})?"
)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(
    r"(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?)\s?(?P<tz>Z|UTC|[+-]\d{2}:?\d{2})?"
)


def is_clock_only(text: str) -> bool:
    """A time typed without a date ("00:10", "14:05:30Z"): its day is assumed."""
    return _CLOCK.fullmatch(text.strip()) is not None


def _clock(text: str) -> dt.time:
    parts = text.replace(",", ".").split(":")
    hour, minute = int(parts[0]), int(parts[1])
    second, micro = 0, 0
    if len(parts) == 3:
        whole, _, frac = parts[2].partition(".")
        second = int(whole)
        micro = int((frac or "0").ljust(6, "0")[:6])
    return dt.time(hour, minute, second, micro)


def month_number(name: str) -> int | None:
    """The month a name of three letters or more begins with: "Sep", "sept", "September" → 9."""
    return _MONTHS.get(name[:3].lower())


_OFFSET = re.compile(r"(?:UTC)?([+-])(\d{2}):?(\d{2})")


def offset_zone(text: str) -> dt.timezone | None:
    """ "+02:00", "-0530", "UTC+01:00" as a fixed zone; None if ``text`` is no offset.

    Also what the importer reads after a time, so both read an offset alike."""
    match = _OFFSET.fullmatch(text)
    if match is None:
        return None
    sign = -1 if match[1] == "-" else 1
    hours, minutes = int(match[2]), int(match[3])
    if hours > 23 or minutes > 59:
        return None  # "+99:00" is no offset any clock shows
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _zone(text: str | None, default: dt.tzinfo = dt.UTC) -> dt.tzinfo:
    if not text:
        return default
    if text in ("Z", "UTC"):
        return dt.UTC
    zone = offset_zone(text)
    if zone is None:  # the patterns let only Z, UTC and offsets through
        raise ValueError(f"not a time zone: {text}")
    return zone


def parse_when(
    text: str, default_date: dt.date | None = None, zone: dt.tzinfo = dt.UTC
) -> dt.datetime:
    """Parse "2025-01-15 14:05", "2025-01-15T14:05:23+02:00", "14:05" (on default_date) or
    "2025-01-15" (midnight), as a UTC datetime.

    Times without an offset are in ``zone`` (the timeline's display zone; UTC by default).
    Raises ValueError with a message fit for a form.
    """
    value = text.strip()
    if not value:
        raise ValueError("enter a time, e.g. 2025-01-15 14:05 or 14:05")
    try:
        match = _ISO.fullmatch(value)
        if match:
            day = dt.date.fromisoformat(match["date"])
            return _combine(day, match["time"], match["tz"], zone)
        match = _CLOCK.fullmatch(value)
        if match:
            if default_date is None:
                raise ValueError("add the date (YYYY-MM-DD HH:MM): the incident has no date yet")
            return _combine(default_date, match["time"], match["tz"], zone)
        if _DAY.fullmatch(value):  # the day's start, 01:00 where the clocks skip midnight
            return _combine(dt.date.fromisoformat(value), "00:00", None, zone, day_start=True)
    except ValueError as error:
        if "date" in str(error) or "add the" in str(error):
            raise
        raise ValueError(f"not a real time: {error}") from None
    # Both forms the field's example offers: "14:05" alone is one (the message named only
    # the long form under a field whose example was "14:05", a tryout).
    raise ValueError("not a time: use HH:MM or YYYY-MM-DD HH:MM, optionally with Z or +HH:MM")


def _combine(
    day: dt.date,
    clock: str,
    zone: str | None,
    default: dt.tzinfo = dt.UTC,
    *,
    day_start: bool = False,
) -> dt.datetime:
    moment = dt.datetime.combine(day, _clock(clock), tzinfo=_zone(zone, default))
    try:
        utc = moment.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError("date out of range once converted to UTC") from None
    back = utc.astimezone(moment.tzinfo)
    if not day_start and back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        # 02:30 the night the clocks go forward: stored as 01:30 UTC and shown as 03:30,
        # without a word (a tryout). The time never was on that clock.
        raise ValueError(
            f"{moment:%H:%M} did not happen on {day.isoformat()} here: the clocks went "
            f"forward ({back:%H:%M}?)"
        )
    return utc


def find_timestamp(
    line: str,
    default_date: dt.date | None,
    zone: dt.tzinfo = dt.UTC,
    bare_time: Callable[[dt.datetime], dt.datetime] | None = None,
) -> tuple[dt.datetime, str, bool] | None:
    """A timestamp near the start of a log line, the rest of the line after it, and whether
    it named its zone; one that names none is in ``zone``. A time with no date is on
    ``default_date``, then moved by ``bare_time`` (to the day a timeline has reached)."""
    head = line[:64]
    for pattern in (_ISO, _SYSLOG, _CLOCK):
        match = pattern.search(head)
        if not match or match.start() > 24:
            continue
        try:
            if pattern is _ISO:
                day = dt.date.fromisoformat(match["date"])
                moment = _combine(day, match["time"], match["tz"], zone)
            elif pattern is _SYSLOG:
                month = month_number(match["mon"])
                if month is None:
                    continue
                year = default_date.year if default_date else dt.date.today().year
                day = dt.date(year, month, int(match["day"]))
                moment = _combine(day, match["time"], match["tz"], zone)
            else:
                if default_date is None:
                    continue
                moment = _combine(default_date, match["time"], match["tz"], zone)
                moment = bare_time(moment) if bare_time else moment
        except ValueError:
            # A date and time that can't be (02:30 the night the clocks go forward: the
            # logs are in another zone): the line is skipped, not put on the default day.
            return None
        rest = line[match.end() :].strip(" \t]-|:,")
        return moment, rest, bool(match["tz"])
    return None


def format_utc(moment: dt.datetime, *, with_date: bool, seconds: bool = False) -> str:
    return format_in(moment, dt.UTC, with_date=with_date, seconds=seconds)


def format_in(
    moment: dt.datetime, zone: dt.tzinfo, *, with_date: bool, seconds: bool = False
) -> str:
    """A stored (UTC) time as the display zone shows it."""
    pattern = ("%Y-%m-%d " if with_date else "") + ("%H:%M:%S" if seconds else "%H:%M")
    return moment.astimezone(zone).strftime(pattern)


def format_duration(delta: dt.timedelta) -> str:
    """30 min, 2 h 05 min, 24 h 11 min, 3 d 4 h 05 min: short, and no minute is dropped."""
    total = int(delta.total_seconds())
    sign = "-" if total < 0 else ""
    total = abs(total)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days >= 2:
        return f"{sign}{days} d {hours} h {minutes:02d} min"
    hours += days * 24
    if hours:
        return f"{sign}{hours} h {minutes:02d} min"
    if minutes:
        return f"{sign}{minutes} min" + (f" {seconds:02d} s" if seconds else "")
    return f"{sign}{seconds} s"


@functools.cache
def _zone_names() -> dict[str, str]:
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def canonical_zone(typed: str) -> str:
    """The IANA zone name ``typed`` means, in its proper case ("europe/berlin" →
    "Europe/Berlin"); "" stays "" (UTC). ValueError says what a zone name looks like."""
    name = typed.strip()
    if not name:
        return ""
    found = _zone_names().get(name.casefold())
    if found is None:
        try:  # a zone the system knows but does not list (tzdata's "localtime" is not one)
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {name!r}: an IANA name such as Europe/Berlin or "
                "America/Los_Angeles"
            ) from None
        return name
    return found
