"""The library on a generated folder (with broken files), checked against independent counts."""

import datetime as dt
import json
import tomllib
from collections import Counter
from statistics import mean

import pytest

from benchmarks.library_gen import generate_library
from pmtui.cli import main
from sessions import load
from sessions.library import Filter, Library, close_item, parse_query, tracked_actions
from sessions.library_stats import stats

TODAY = dt.date(2025, 12, 1)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("library")
    generate_library(path, 80, broken=2)
    (path / ".git").mkdir()
    (path / ".git" / "ignored.toml").write_text("not = [toml")
    (path / ".pmtui.toml").write_text("[check]\n")
    return path


@pytest.fixture(scope="module")
def library(folder):
    return Library.open(folder)


@pytest.fixture(scope="module")
def raw(folder):
    """The same data read with tomllib alone, for independent checks."""
    docs = []
    for path in sorted(folder.rglob("inc-*.toml")):
        docs.append(tomllib.loads(path.read_text(encoding="utf-8")))
    return docs


def test_broken_files_are_listed_and_skipped(library):
    assert len(library.entries) == 80
    assert len(library.errors) == 2
    assert all("metadata.severity" in str(e) for e in library.errors)


def test_filters(library, raw):
    def count(**kw):
        return sum(1 for e in library.entries if Filter(**kw).matches(e))

    assert count(severity="SEV1") == sum(1 for d in raw if d["metadata"]["severity"] == "SEV1")
    assert count(service="checkout") == sum(
        1 for d in raw if "checkout" in d["metadata"]["services"]
    )
    assert count(tag="dns") == sum(1 for d in raw if "dns" in d["metadata"]["tags"])
    assert count(status="final") == sum(1 for d in raw if d["metadata"]["status"] == "Final")
    since, until = dt.date(2024, 6, 1), dt.date(2024, 12, 31)
    assert count(since=since, until=until) == sum(
        1 for d in raw if since <= d["metadata"]["date"] <= until
    )
    expected_cat = sum(
        1
        for d in raw
        if any(f.get("type") == "Monitoring" for f in d.get("factors", []))
        or any(
            c["name"] == "Monitoring" and c.get("causes")
            for c in d.get("root_cause", {}).get("fishbone", {}).get("categories", [])
        )
    )
    assert count(category="monitoring") == expected_cat
    assert count(text="incident 17 orders") == sum(
        1 for d in raw if d["metadata"]["title"] == "Incident 17 in orders"
    )


def test_query_syntax():
    query = parse_query("svc:checkout sev:sev1 status:in_review cat:Process since:2024-01-01 pool")
    assert query == Filter(
        text="pool",
        service="checkout",
        severity="sev1",
        status="in review",
        category="Process",
        since=dt.date(2024, 1, 1),
    )
    with pytest.raises(ValueError, match="not a date"):
        parse_query("since:yesterday")


def test_action_items_view_and_escalation(library, raw):
    items = tracked_actions(library.entries, TODAY)
    assert len(items) == sum(len(d["action_items"]) for d in raw)
    overdue = tracked_actions(library.entries, TODAY, overdue=True)
    expected = [
        (TODAY - a["due"]).days
        for d in raw
        for a in d["action_items"]
        if a.get("status", "TODO") in ("TODO", "In Progress") and a["due"] < TODAY
    ]
    assert sorted(t.days_overdue(TODAY) for t in overdue) == sorted(expected)
    assert [t.days_overdue(TODAY) for t in overdue] == sorted(expected, reverse=True)
    stages = {t.escalation(TODAY) for t in overdue}
    assert "review in the leadership meeting" in stages
    ana = tracked_actions(library.entries, TODAY, owner="@ana")
    assert ana and all(t.item.owner == "Ana Silva" for t in ana)


def test_closing_asks_for_verification(folder):
    item = load(Library.open(folder).entries[0].path).action_items[0]
    with pytest.raises(ValueError, match="verified"):
        close_item(item, "  ", TODAY)
    item = close_item(item, "Alert fired in the game day", TODAY)
    assert (item.status.value, item.completed) == ("Done", TODAY)


def test_every_stats_figure(library, raw):
    figures = stats(library.entries, TODAY)
    assert figures["postmortems"] == len(raw)
    assert figures["by_severity"] == dict(
        sorted(Counter(d["metadata"]["severity"] for d in raw).items())
    )
    months = Counter(d["metadata"]["date"].strftime("%Y-%m") for d in raw)
    assert figures["by_month"] == dict(sorted(months.items()))
    types = Counter(f["type"] for d in raw for f in d.get("factors", []))
    assert figures["factor_types"] == dict(types.most_common())
    actions = [a for d in raw for a in d["action_items"]]
    done = [a for a in actions if a.get("status") == "Done"]
    assert figures["action_items"]["total"] == len(actions)
    assert figures["action_items"]["done"] == len(done)
    assert figures["action_items"]["completion_rate"] == pytest.approx(len(done) / len(actions))
    days = [
        (a["completed"] - d["meeting"]["date"]).days
        for d in raw
        for a in d["action_items"]
        if a.get("status") == "Done"
    ]
    assert figures["action_items"]["average_days_to_complete"] == pytest.approx(mean(days))
    overdue = sum(
        1
        for a in actions
        if a.get("status", "TODO") in ("TODO", "In Progress") and a["due"] < TODAY
    )
    assert figures["action_items"]["overdue"] == overdue
    mttr: dict[str, list[float]] = {}
    for d in raw:
        marks = {e["marker"]: e["time"] for e in d["timeline"]}
        minutes = (marks["service_restored"] - marks["issue_started"]).total_seconds() / 60
        mttr.setdefault(d["metadata"]["date"].strftime("%Y-%m"), []).append(minutes)
    assert figures["mttr_minutes_by_month"] == pytest.approx({m: mean(v) for m, v in mttr.items()})
    pairs = Counter()
    for d, entry in zip(raw, sorted(library.entries, key=lambda e: e.path), strict=True):
        for service in set(d["metadata"]["services"]):
            for category in entry.categories:
                pairs[(service, category)] += 1
    recurring = {(r["service"], r["category"]): r["count"] for r in figures["recurring"]}
    assert recurring == {k: v for k, v in pairs.items() if v >= 3}
    for quarter, issues in figures["quarters"].items():
        assert all(issue["count"] >= 3 for issue in issues), quarter
    since = stats(library.entries, TODAY, since=dt.date(2025, 1, 1))
    assert since["postmortems"] == sum(
        1 for d in raw if d["metadata"]["date"] >= dt.date(2025, 1, 1)
    )


def test_actions_and_stats_commands(folder, capsys):
    """The folder holds two broken files: each is named on stderr, the rest is used, exit 2."""
    assert (
        main(["actions", str(folder), "--overdue", "--today", "2025-12-01", "--format", "json"])
        == 2
    )
    out = json.loads(capsys.readouterr().out)
    assert out and all(item["days_overdue"] > 0 for item in out)
    assert main(["actions", str(folder), "--owner", "Priya", "--today", "2025-12-01"]) == 2
    captured = capsys.readouterr()
    assert "Priya Raman" in captured.out and "broken-0.toml" in captured.err
    assert main(["stats", str(folder), "--today", "2025-12-01"]) == 2
    text = capsys.readouterr().out
    assert "Postmortems by severity" in text and "MTTR" in text and "█" in text
    assert main(["stats", str(folder), "--format", "json", "--since", "2025-01-01"]) == 2
    assert json.loads(capsys.readouterr().out)["postmortems"] > 0
    assert main(["stats", str(folder / "nope")]) == 2


def test_stats_leave_a_postmortem_dated_after_today_out_of_the_trends(tmp_path):
    """A date in year 9999 made the month chart run to 95,000 months (8 s)."""
    import time

    from sessions import save as save_session
    from sessions.library_report import format_stats
    from sessions.library_stats import stats
    from sessions.models import Session

    session = Session()
    session.metadata.date = dt.date(9999, 12, 31)
    save_session(session, tmp_path / "far.toml")
    session.metadata.date = dt.date(2025, 1, 15)
    save_session(session, tmp_path / "real.toml")
    start = time.perf_counter()
    figures = stats(Library.open(tmp_path).entries, dt.date(2025, 12, 1))
    text = format_stats(figures)
    assert time.perf_counter() - start < 2
    assert figures["by_month"] == {"2025-01": 1} and len(figures["dated_after_today"]) == 1
    assert "dated after today" in text and "far.toml" in text


def test_the_library_shows_the_documents_figures():
    """A restore known only to the day has no figure in the document: none in the library
    either (it computed minutes from the day's midnight)."""
    from pathlib import Path

    from sessions.library_entry import summarize
    from sessions.models import Marker, Precision, Session, TimelineEvent
    from sessions.timeline import intervals

    start = dt.datetime(2025, 3, 4, 10, 55, tzinfo=dt.UTC)
    session = Session(
        timeline=[
            TimelineEvent(time=start, event="errors", marker=Marker.ISSUE_STARTED),
            TimelineEvent(
                time=start + dt.timedelta(minutes=12), event="paged", marker=Marker.ALERT_FIRED
            ),
            TimelineEvent(
                time=start.replace(hour=0, minute=0) + dt.timedelta(days=1),
                precision=Precision.DAY,
                event="fixed",
                marker=Marker.SERVICE_RESTORED,
            ),
        ]
    )
    entry = summarize(Path("x.toml"), session)
    figures = {i.end: i.value for i in intervals(session.timeline)}
    assert figures[Marker.SERVICE_RESTORED] is None
    assert entry.restore_minutes is None
    assert entry.detect_minutes == 12
