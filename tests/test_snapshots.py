"""Snapshots of the main screens and the analysis widgets at 80×24 and 160×50."""

import os
import time

import pytest

from sessions.example import example_session
from tests.app_helpers import FakeClock, make_app
from tests.widget_host import Host
from widgets.fishbone import FishboneEditor
from widgets.whys import WhysEditor

SIZES = [(80, 24), (160, 50)]


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    """The projected end is shown in local time: pin the zone so snapshots match anywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def quiet(pilot):
    """Toasts expire on the wall clock: take them away so snapshots never race them."""
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def _app(tmp_path, mode):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start_mode=mode)
    return app


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_meeting_screen(snap_compare, tmp_path, size):
    app = _app(tmp_path, "meeting")

    async def run_before(pilot):
        await pilot.press("s")
        app.clock.advance(minutes=18, seconds=30)
        app.screen.tick()
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_meeting_contributing_factors_in_overtime(snap_compare, tmp_path, size):
    app = _app(tmp_path, "meeting")

    async def run_before(pilot):
        await pilot.press("n", "s")
        app.clock.advance(minutes=22)
        app.screen.tick()
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_drafting_screen(snap_compare, tmp_path, size):
    app = _app(tmp_path, "drafting")

    async def run_before(pilot):
        app.screen.show_part("action_items", focus_editor=True)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_whys_widget(snap_compare, size):
    session = example_session()
    app = Host(lambda: WhysEditor(lambda: session.root_cause.whys))
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_fishbone_widget(snap_compare, size):
    session = example_session()
    app = Host(lambda: FishboneEditor(lambda: session.root_cause.fishbone, lambda: session.factors))
    assert snap_compare(app, terminal_size=size)


def test_timezone_is_pinned():
    assert os.environ["TZ"] == "UTC"
