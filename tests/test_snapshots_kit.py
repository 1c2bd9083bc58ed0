"""Snapshots of the opening and the close of the meeting at 80×24 and 160×50."""

import pytest

from sessions.agendas import MeetingConfig
from sessions.example import example_session
from sessions.parking import park
from tests.app_helpers import FakeClock, make_app
from tests.test_snapshots import ids, quiet, utc  # noqa: F401 - the pinned time zone

SIZES = [(80, 24), (160, 50)]


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_meeting_opening(snap_compare, tmp_path, size):
    session = example_session()
    session.meeting.agenda = MeetingConfig().new_agenda()
    app = make_app(tmp_path, session, clock=FakeClock())

    async def run_before(pilot):
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_meeting_close(snap_compare, tmp_path, size):
    session = example_session()
    for section, minutes in zip(session.meeting.agenda, (23, 18, 9, 16, 14), strict=True):
        section.spent_seconds = minutes * 60 + 10
    session.meeting.current = 4
    session.action_items[1] = session.action_items[1].model_copy(update={"owner": "", "due": None})
    park(session.meeting, "Add a TLS expiry monitor", "Tom Okafor", "Timeline review")
    app = make_app(tmp_path, session, clock=FakeClock())

    async def run_before(pilot):
        await pilot.press("C")
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
