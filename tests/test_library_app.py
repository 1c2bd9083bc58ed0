"""The library as a new user tries it: typing filters at once, Enter opens, the filter is still
there on coming back, columns fit 80 columns without cutting titles, dates or escalations,
charts say what they show, a folder that can't be searched is named; and the weekly review
writes each decision into the right file without overwriting a teammate's edit."""

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from benchmarks.library_gen import generate_library
from pmtui.library_app import LibraryApp
from screens.library import LibraryScreen
from screens.library_actions import ActionsScreen
from screens.library_stats import StatsScreen
from screens.review import ReviewScreen, SummaryScreen
from sessions import load, save
from sessions.library import Library
from sessions.library_report import format_stats
from sessions.library_stats import stats
from sessions.models import ReviewDecision
from tests.app_helpers import burst, record_notifications, settle, shown, typed
from tests.review_library import TODAY, build
from tests.unlistable import refuse_listing
from widgets.list_table import ListTable

GENERATED_TODAY = dt.date(2025, 12, 1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    generate_library(folder, 12, broken=1)
    return folder


def row_text(table: ListTable, y: int) -> str:
    return table.render_line(y).text


async def test_a_library_screen_that_lost_its_focus_takes_the_next_key(generated):
    """The library app had its own copy of the key gate without the focus bookkeeping: with
    nothing focused, the next key waited two seconds."""
    import time

    app = LibraryApp(generated, today=GENERATED_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.set_focus(None)
        start = time.monotonic()
        burst(app, "f3")
        await settle(pilot)
        assert app.current_mode == "actions"
        assert time.monotonic() - start < 1.5


async def test_typing_filters_at_once_and_enter_opens_the_highlighted(generated):
    app = LibraryApp(generated, today=GENERATED_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "sev:SEV1")  # no ctrl+f first
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#library-filter").value == "sev:SEV1"
        assert screen.shown and all(e.severity.value == "SEV1" for e in screen.shown)
        await typed(pilot, "down", "enter")
    assert app.return_value == str(screen.shown[1].path)


async def test_the_filter_and_the_row_are_kept_on_coming_back(generated):
    app = LibraryApp(generated, today=GENERATED_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "tag:dns")
        await settle(pilot)
        await typed(pilot, "down", "enter")
    back = LibraryApp(generated, today=GENERATED_TODAY, resume=app.state)
    async with back.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert back.screen.query_one("#library-filter").value == "tag:dns"
        assert str(back.screen.table.current.path) == app.return_value  # the one opened


async def test_at_80_columns_titles_dates_and_escalations_are_whole(tmp_path):
    folder = build(tmp_path / "library")
    long_title = "Checkout errors from database connection pool exhaustion"  # 57 characters
    app = LibraryApp(folder, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = [row_text(app.screen.table, y) for y in range(1, 4)]
        assert any(long_title in row for row in rows)
        await typed(pilot, "down")
        detail = shown(app.screen.query_one("#library-detail")).split("\n")
        assert long_title in detail[0]
        # the open action items before the services and tags: those are cut first
        facts = detail[1].split(" · ")
        assert facts[4].endswith(" open action items") and facts[5].startswith("services: ")
        await typed(pilot, "f3")
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen)
        first = row_text(app.screen.table, 1)
        assert "2025-01-25" in first and "49 d → leadership" in first
        detail = shown(app.screen.query_one("#actions-detail"))
        assert "49 days overdue: to the leadership meeting" in detail


async def test_stats_charts_are_labelled_and_the_same_as_the_command_line(generated, capsys):
    from pmtui.cli import main

    app = LibraryApp(generated, today=GENERATED_TODAY, start="stats")
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        views = {}
        for width in (80, 160):
            await pilot.resize_terminal(width, 40)
            await settle(pilot)
            views[width] = app.screen.drawn_width, shown(app.screen.query_one("#stats-text"))
    for width, (drawn, text) in views.items():
        assert drawn > width - 6
        main(["stats", str(generated), "--today", "2025-12-01", "--width", str(drawn)])
        assert text.strip() == capsys.readouterr().out.strip()
        lines = text.splitlines()
        assert max(len(line) for line in lines) <= drawn
        assert "Postmortems per month (count)" in lines
        month_axis = next(i for i, line in enumerate(lines) if line.strip().startswith("0 └"))
        months = stats(Library.open(generated).entries, GENERATED_TODAY)["by_month"]
        assert lines[month_axis + 1].split()[0] == min(months)  # months under the columns
        assert lines[month_axis - 5].strip().startswith(f"{max(months.values())} ┤")  # the top
        assert any("min ┤" in line for line in lines)  # MTTR's axis has its unit


def test_every_chart_fits_and_ties_are_ordered_by_name(generated):
    figures = stats(Library.open(generated, cached=False).entries, GENERATED_TODAY)
    for width in (40, 80, 160):
        assert all(len(line) <= width for line in format_stats(figures, width).splitlines())
    ranked = list(figures["root_cause_categories"].items())
    assert ranked == sorted(ranked, key=lambda kv: (-kv[1], kv[0]))


def test_stats_json_is_the_same_whatever_the_hash_seed(tmp_path, example):
    """Set iteration order changes with PYTHONHASHSEED; the output must not."""
    for number, kinds in enumerate([("Process", "Monitoring"), ("Monitoring", "Code")]):
        session = example.model_copy(deep=True)
        for factor, kind in zip(session.factors, kinds * 4, strict=False):
            factor.type = kind
        save(session, tmp_path / f"inc-{number}.toml")
    outputs = set()
    for seed in ("1", "2"):
        run = subprocess.run(
            [sys.executable, "-m", "pmtui", "stats", str(tmp_path), "--format", "json"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["factor_types"] == {"Monitoring": 4, "Code": 2, "Process": 2}


async def test_a_folder_that_cannot_be_searched_is_named_on_screen(generated, monkeypatch):
    secret = generated / "2024"
    refuse_listing(monkeypatch, secret)
    app = LibraryApp(generated, today=GENERATED_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        status = shown(app.screen.query_one("#library-status"))
        assert "1 folder not searched" in status and "1 file could not be read" in status
        problems = shown(app.screen.query_one("#library-errors"))
        assert f"{secret}: folder not searched: permission denied" in problems


async def test_close_and_link_a_ticket_from_the_action_items(tmp_path):
    folder = build(tmp_path / "library")
    app = LibraryApp(folder, today=TODAY, start="actions")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.screen.table.current
        path, item_id = first.entry.path, first.item.id
        burst(app, "t", "OPS-77", "enter")
        await settle(pilot)
        assert load(path).action_items[first.index].ticket == "OPS-77"
        assert "OPS-77" in row_text(app.screen.table, 1)
        burst(app, "c", "Seen in staging", "enter")
        await settle(pilot)
        item = next(i for i in load(path).action_items if i.id == item_id)
        assert (item.status.value, item.verification) == ("Done", "Seen in staging")


async def test_the_weekly_review_writes_each_decision_into_its_file(tmp_path):
    folder = build(tmp_path / "library")
    clock = [0.0]
    app = LibraryApp(folder, today=TODAY, clock=lambda: clock[0])
    notes = record_notifications(app)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await typed(pilot, "f5")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        walk = screen.walk
        first, second, third = walk.agenda[:3]
        assert "Item 1 of 8 · Leadership review" in shown(screen.query_one("#review-stage"))
        burst(app, "d", "Timeout seen in the load test", "enter")
        await settle(pilot)
        assert walk.current == second  # on to the next item
        # a teammate edits the file (another item) while the review is on the next one
        teammate = load(second.entry.path)
        teammate.summary = "Edited during the review."
        teammate.action_items[4].owner = "Priya Raman"
        save(teammate, second.entry.path)
        burst(app, "u", "2025-04-30", "tab", "Runbook owner away", "enter")
        await settle(pilot)
        await typed(pilot, "k")
        await settle(pilot)
        assert "this item 06:00 left · 30:00 left" in shown(screen.query_one("#review-clock"))
        clock[0] = 400.0  # the fourth item's share was what is left over the items left
        screen.show_clock()
        assert "this item 00:40 over · 23:20 left" in shown(screen.query_one("#review-clock"))
        after = load(second.entry.path)
        assert after.summary == "Edited during the review." and after.action_items[4].owner == (
            "Priya Raman"
        )
        decisions = {i.id: [r.decision for r in i.reviews] for i in after.action_items}
        assert decisions[first.item.id] == [ReviewDecision.DONE]
        assert decisions[second.item.id] == [ReviewDecision.NEW_DUE]
        assert decisions[third.item.id] == [ReviewDecision.ON_TRACK]
        assert next(i for i in after.action_items if i.id == second.item.id).due == dt.date(
            2025, 4, 30
        )
        assert notes.count("Saved in 2025-01-15-checkout.toml") == 3
        await typed(pilot, "f")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        summary = (folder / "review-2025-03-15.md").read_text()
        assert "## Closed (1)" in summary and "Runbook owner away" in summary
        assert summary in shown(app.screen.query_one("#summary-text"))
        await typed(pilot, "escape")
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen) and app.state.walk is None


async def test_new_postmortem_outside_the_library_is_refused(tmp_path):
    folder = build(tmp_path / "library")
    app = LibraryApp(folder, today=TODAY)
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "ctrl+n", "../outside", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)  # nothing opened, still here
        assert app.return_value is None
        assert not (tmp_path / "outside.toml").exists()
        assert any("inside the library folder" in note for note in notes)
