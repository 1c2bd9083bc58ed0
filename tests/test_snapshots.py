"""Snapshots of the main screens at the sizes people share: 80×24, 120×36 and 160×50."""

import os
import time

import pytest

from tests.app_helpers import FakeClock, go_to_section, make_app, settle

SIZES = [(80, 24), (120, 36), (160, 50)]
ids = lambda size: f"{size[0]}x{size[1]}"  # noqa: E731


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    """The projected end is shown in local time: pin the zone so snapshots match anywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def quiet(pilot):
    """Saves and guardrail runs finish, and toasts (they expire on the wall clock) go, so
    snapshots never race them."""
    await settle(pilot)
    pilot.app.clear_notifications()
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False  # a blinking cursor is on or off by the wall clock
    await pilot.pause()


def _app(tmp_path, mode="meeting"):
    return make_app(tmp_path, clock=FakeClock(), start_mode=mode)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_meeting_timeline_running(snap_compare, tmp_path, size):
    app = _app(tmp_path)

    async def run_before(pilot):
        await pilot.press("s")
        app.clock.advance(minutes=18, seconds=30)
        app.screen.tick()
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_meeting_five_whys_in_overtime(snap_compare, tmp_path, size):
    app = _app(tmp_path)

    async def run_before(pilot):
        await pilot.press("n", "s", "2")
        app.clock.advance(minutes=22)
        app.screen.tick()
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=ids)
def test_meeting_fishbone(snap_compare, tmp_path, size):
    app = _app(tmp_path)

    async def run_before(pilot):
        await pilot.press("n", "3")
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24)], ids=ids)
def test_meeting_action_items_form(snap_compare, tmp_path, size):
    app = _app(tmp_path)

    async def run_before(pilot):
        await go_to_section(app, 4)
        await pilot.press("enter")
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(120, 36)], ids=ids)
def test_drafting_action_items(snap_compare, tmp_path, size):
    app = _app(tmp_path, "drafting")

    async def run_before(pilot):
        await app.screen.show_part("action_items", focus_editor=True)
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_timezone_is_pinned():
    assert os.environ["TZ"] == "UTC"
