"""The library's stats as text: labelled charts for a terminal, the app or a weekly email."""

from __future__ import annotations

import textwrap

from sessions.charts import bar_rows, column_chart
from sessions.library_stats import month_count, months_between
from sessions.textsafe import one_line


def format_stats(figures: dict, width: int = 80) -> str:
    """Every figure of ``stats``, charted to fit ``width`` columns."""
    width = max(width, 40)
    lines = [f"{figures['postmortems']} postmortems"]
    if figures["by_severity"]:
        lines += ["", "Postmortems by severity (count)", *bar_rows(figures["by_severity"], width)]
    future = figures.get("dated_after_today") or []
    if future:
        lines += [
            "",
            *_wrap(f"Left out of the trends, dated after today: {', '.join(future)}", width),
        ]
    lines += _monthly(
        "Postmortems per month (count)",
        {m: float(v) for m, v in figures["by_month"].items()},
        width,
        zero=0.0,
        show=lambda v: f"{v:.0f}",
    )
    for title, key in (
        ("Root-cause categories (postmortems, top 8)", "root_cause_categories"),
        ("Contributing-factor types (factors, top 8)", "factor_types"),
    ):
        if figures[key]:
            lines += ["", title, *bar_rows(figures[key], width, limit=8)]
    if figures["recurring"]:
        lines += ["", "Recurring issues (same service and category in 3+ postmortems)"]
        for rec in figures["recurring"][:10]:
            said = f"  {rec['service']} / {rec['category']}: {rec['count']} postmortems"
            lines += _wrap(said, width)
    ai = figures["action_items"]
    rate = f"{ai['completion_rate']:.0%}" if ai["completion_rate"] is not None else "—"
    days = (
        f"{ai['average_days_to_complete']:.1f} days"
        if ai["average_days_to_complete"] is not None
        else "—"
    )
    lines += [
        "",
        f"Action items: {ai['total']} · done {ai['done']} ({rate}) · overdue {ai['overdue']}",
        f"  average time to complete: {days}",
    ]
    for title, key in (
        ("MTTR: minutes from issue start to service restored, mean per month", "mttr"),
        ("Time to detect: minutes from issue start to alert, mean per month", "ttd"),
    ):
        series = figures[f"{key}_minutes_by_month"]
        lines += _monthly(title, series, width, zero=None, show=lambda v: f"{v:.0f} min")
        if series:
            values = list(series.values())
            lines.append(
                f"  latest {values[-1]:.0f} min · best {min(values):.0f} · "
                f"worst {max(values):.0f} · {len(values)} months with data"
            )
    quarters = {q: v for q, v in figures["quarters"].items() if v}
    if quarters:
        lines += ["", "Quarterly: systemic issues worth a cross-cutting fix"]
        for quarter, issues in quarters.items():
            for issue in issues[:5]:
                span = (
                    "across " + ", ".join(issue["services"])
                    if issue["cross_cutting"]
                    else issue["services"][0]
                    if issue["services"]
                    else ""
                )
                said = f"  {quarter} {issue['category']}: {issue['count']} postmortems {span}"
                lines += _wrap(said, width, " " * 10)
    return "\n".join(out for line in lines for out in _wrap(line, width, "    ", keep=True))


def _monthly(title: str, series: dict[str, float | None], width: int, *, zero, show) -> list[str]:
    """A column chart of a by-month series over every month in its span (``zero`` for the
    months it lacks: 0 for counts, None — a gap — for averages)."""
    if not series:
        return []
    span = month_count(min(series), max(series))
    months = months_between(min(series), max(series), at_most=width)  # more can't be drawn
    values = [series.get(m, zero) for m in months]
    chart, count = column_chart(months, values, width - 2, show=show)
    notes = []
    if count < span:
        notes.append(f"the latest {count} of {span} months")
    if any(v is None for v in values[-count:]):
        notes.append("· no data")
    heading = [title] + [f"({', '.join(notes)})"] * bool(notes)
    return ["", *_wrap(" ".join(heading), width, "")] + ["  " + line for line in chart]


def _wrap(text: str, width: int, indent: str = "    ", *, keep: bool = False) -> list[str]:
    """A line of user text wrapped to ``width``, later lines indented (``keep``: a line that
    fits is kept as it is, its spacing too)."""
    if keep and len(text) <= width:
        return [text]
    return textwrap.wrap(one_line(text), width, subsequent_indent=indent) or [""]
