"""The library's stats as text: bar charts and sparklines for a terminal or a weekly email."""

from __future__ import annotations

from sessions.library import bar, sparkline
from sessions.textsafe import one_line


def format_stats(figures: dict) -> str:
    """The stats as text with bar charts and sparklines, for a terminal or a weekly email."""
    lines = [f"{figures['postmortems']} postmortems", "", "By severity"]
    sev = figures["by_severity"]
    top = max(sev.values(), default=0)
    lines += [f"  {k:6} {v:4}  {bar(v, top)}" for k, v in sev.items()]
    months = figures["by_month"]
    if months:
        lines += ["", f"By month ({min(months)} … {max(months)})"]
        lines.append(
            "  " + sparkline([float(v) for v in months.values()]) + f"  max {max(months.values())}"
        )
    for title, key in (
        ("Root-cause categories", "root_cause_categories"),
        ("Contributing-factor types", "factor_types"),
    ):
        counts = figures[key]
        if counts:
            top = max(counts.values())
            lines += ["", title]
            top8 = list(counts.items())[:8]
            lines += [f"  {one_line(k)[:24]:24} {v:4}  {bar(v, top, 24)}" for k, v in top8]
    if figures["recurring"]:
        lines += ["", "Recurring issues (same service and category 3+ times)"]
        for rec in figures["recurring"][:10]:
            lines.append(
                one_line(f"  {rec['service']} / {rec['category']}: {rec['count']} postmortems")
            )
    ai = figures["action_items"]
    rate = f"{ai['completion_rate']:.0%}" if ai["completion_rate"] is not None else "—"
    days = (
        f"{ai['average_days_to_complete']:.1f} days"
        if ai["average_days_to_complete"] is not None
        else "—"
    )
    lines += [
        "",
        f"Action items: {ai['total']} · done {ai['done']} ({rate}) · "
        f"average time to complete {days} · overdue {ai['overdue']}",
    ]
    for title, key in (
        ("MTTR (minutes, by month)", "mttr_minutes_by_month"),
        ("Time to detect (minutes, by month)", "ttd_minutes_by_month"),
    ):
        series = figures[key]
        if series:
            values = list(series.values())
            lines += [
                "",
                title,
                "  "
                + sparkline(values)
                + f"  latest {values[-1]:.0f}, best {min(values):.0f}, worst {max(values):.0f}",
            ]
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
                said = f"{issue['category']}: {issue['count']} postmortems {span}"
                lines.append(f"  {quarter} {one_line(said)}")
    return "\n".join(lines)
