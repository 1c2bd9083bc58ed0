"""Text charts that say what they show: labelled bars, and columns over time with both axes.

Plain text (block characters), so the same chart reads in a terminal, the app and an email.
Each chart fits the width it is given; a time series too long for it shows its latest part
and says so.
"""

from __future__ import annotations

from collections.abc import Callable

from sessions.textsafe import one_line

EIGHTHS = " ▁▂▃▄▅▆▇█"
FULL = "█"
MAX_BAR = 60
"""The longest bar: past this a wide terminal only makes bars harder to compare."""


def bar_rows(
    counts: dict[str, int], width: int, *, limit: int | None = None, unit: str = ""
) -> list[str]:
    """One line per label: the label, the value and a bar scaled to the largest value."""
    shown = list(counts.items())[:limit]
    if not shown:
        return []
    label_width = min(max(len(one_line(k)) for k, _ in shown), max(width // 3, 8))
    value_width = max(len(str(v)) for _, v in shown)
    suffix = f" {unit}" if unit else ""
    room = min(max(width - 2 - label_width - 1 - value_width - len(suffix) - 2, 1), MAX_BAR)
    top = max(v for _, v in shown)
    lines = []
    for key, value in shown:
        label = _fit(one_line(key), label_width)
        length = max(1, round(value / top * room)) if top and value else 0
        lines.append(f"  {label} {value:>{value_width}}{suffix}  {FULL * length}".rstrip())
    return lines


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def column_chart(
    labels: list[str],
    values: list[float | None],
    width: int,
    *,
    height: int = 5,
    show: Callable[[float], str] = lambda v: f"{v:g}",
) -> tuple[list[str], int]:
    """Columns over ``labels`` (months, oldest first) with a value axis and a label axis, and
    how many columns were shown.

    ``None`` is a gap ("no data", drawn as ``·``); the axis says the largest value and zero.
    When the labels don't fit, the latest ones that do are shown (the caller says so).
    """
    top = max((v for v in values if v is not None), default=0.0)
    axis = max(len(show(top)), len(show(0))) + 1
    per, count = _fitting(len(labels), width - axis - 3)
    labels, values = labels[-count:], values[-count:]
    bar = max(per - 1, 1)
    rows = []
    for row in range(height, 0, -1):
        line = []
        for value in values:
            if value is None:
                line.append(("·" if row == 1 else " ").ljust(per))
                continue
            eighths = round(value / top * height * 8) if top else 0
            if value and not eighths:
                eighths = 1  # a value above zero always shows
            level = min(max(eighths - (row - 1) * 8, 0), 8)
            line.append((EIGHTHS[level] * bar).ljust(per))
        tick = show(top) if row == height else ""
        rows.append(f"{tick:>{axis}} ┤{''.join(line)}".rstrip())
    rows.append(f"{show(0):>{axis}} └" + "─" * (per * len(values)))
    rows.append(" " * (axis + 2) + _label_axis(labels, per))
    return rows, count


def _fitting(count: int, room: int) -> tuple[int, int]:
    """Cells per column (1 to 4) and how many of ``count`` columns fit in ``room`` cells."""
    per = max(1, min(4, room // max(count, 1)))
    return per, min(count, max(room // per, 1))


def _label_axis(labels: list[str], per: int) -> str:
    """Labels under their columns, as many as fit without touching; the first always."""
    line = [" "] * (per * len(labels) + 8)
    free = 0
    for index, label in enumerate(labels):
        start = index * per
        if start >= free and start + len(label) <= len(line):
            line[start : start + len(label)] = label
            free = start + len(label) + 2
    return "".join(line).rstrip()
