"""The meeting clock's figures as the screen writes them: time left, over and spent, and
the time of day the meeting ends."""

import datetime as dt


def mmss(seconds: float) -> str:
    """12:05 for time left, +03:10 for overtime; hours roll into minutes. Time left counts
    up to the next second (19:17.3 left is 19:18), overtime and time spent down: beside
    each other they add up."""
    sign = "+" if seconds < 0 else ""
    total = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    minutes, secs = divmod(total, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


def spent(seconds: float) -> str:
    """00:42 for time spent, in whole seconds as the file keeps them: counted up to the
    next second like time left, pausing at 00:42.6 turned 00:43 into 00:42 (a tryout)."""
    return mmss(int(seconds))


def clock_time(moment: dt.datetime) -> str:
    """14:05, the local time to the nearest minute: the bar and the trim's message said
    04:05 and 04:04 of one end (a tryout)."""
    return f"{(moment + dt.timedelta(seconds=30)).astimezone():%H:%M}"
