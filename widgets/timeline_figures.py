"""The line above the timeline: its zone, the guide's key intervals and the long gaps, said
shorter as the screen narrows so the gaps' warning is never the part cut off (at 80 columns
"⚠ 1 long gap" had fallen past the edge)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from sessions.markdown import APPROXIMATE
from sessions.timeline import Interval
from sessions.timeparse import format_duration

INTERVAL_SHORT = {
    "Time to detect": "detect",
    "Time to acknowledge": "ack",
    "Time to mitigate": "mitigate",
    "Time to restore": "restore",
    "Time to declare": "declare",
    "Total duration": "total",
}

GIVE_WAY = ("Time to declare", "Time to acknowledge", "Time to mitigate", "Time to detect")
"""Intervals left out, in this order, when even the short form is too wide: the total and
the time to restore are the ones a reader looks for first."""


def _compact(duration: str) -> str:
    """2 h 05 min → 2h05m, 13 min 20 s → 13m20s."""
    return duration.replace(" min", "m").replace(" ", "")


def figures_line(zone: str, intervals: Sequence[Interval], gaps: int, width: int) -> Text:
    """The widest form that fits ``width`` (0: not laid out yet, the full form): durations
    said short, then without the zone (the table's header names it), then fewer intervals."""
    shown = [interval for interval in intervals if interval.value is not None]
    forms = [(zone, shown, True), (zone, shown, False), ("", shown, False)]
    for name in GIVE_WAY:
        shown = [interval for interval in shown if interval.name != name]
        forms.append(("", shown, False))
    for named_zone, kept, full in forms:
        line = _line(named_zone, kept, gaps, full=full)
        if not width or line.cell_len <= width:
            break
    return line


def _line(zone: str, intervals: Sequence[Interval], gaps: int, *, full: bool) -> Text:
    line = Text(f"{zone}  " if zone else "", style="dim")
    for interval in intervals:
        assert interval.value is not None
        line.append(f"{INTERVAL_SHORT.get(interval.name, interval.name)} ", style="bold")
        rough = APPROXIMATE if interval.approximate else ""
        duration = format_duration(interval.value)
        line.append(f"{rough}{duration if full else _compact(duration)}  ")
    if gaps:
        plural = "s" if gaps > 1 else ""
        key = " (yellow)" if full else ""
        line.append(f"⚠ {gaps} long gap{plural}{key}", style="yellow")
    line.rstrip()
    return line
