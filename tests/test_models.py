import datetime as dt

import pytest
from pydantic import ValidationError

from sessions.models import (
    DEFAULT_FISHBONE,
    FiveWhys,
    Session,
    TimelineEvent,
    WhyNode,
    default_agenda,
)


def test_defaults_follow_the_guide():
    session = Session()
    assert [s.planned_minutes for s in session.meeting.agenda] == [20, 20, 10, 15, 15]
    assert [c.name for c in session.root_cause.fishbone.categories] == list(DEFAULT_FISHBONE)
    assert session.metadata.status == "Draft"


def test_timestamps_are_stored_in_utc():
    event = TimelineEvent(
        time=dt.datetime(2025, 1, 15, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))), event="x"
    )
    assert event.time == dt.datetime(2025, 1, 15, 14, 0, tzinfo=dt.UTC)
    assert event.time.utcoffset() == dt.timedelta(0)
    naive = TimelineEvent(time=dt.datetime(2025, 1, 15, 14, 0), event="x")
    assert naive.time.tzinfo is not None


def test_crlf_is_normalised_so_the_file_round_trips():
    assert Session(summary="a\r\nb").summary == "a\nb"


def test_why_tree_rejects_unknown_parent_and_loops():
    with pytest.raises(ValidationError, match="no why with id"):
        FiveWhys(nodes=[WhyNode(id="a", parent="zz")])
    with pytest.raises(ValidationError, match="loop"):
        FiveWhys(nodes=[WhyNode(id="a", parent="b"), WhyNode(id="b", parent="a")])
    with pytest.raises(ValidationError, match="duplicate"):
        FiveWhys(nodes=[WhyNode(id="a"), WhyNode(id="a")])


def test_parallel_chains_and_depth(example):
    whys = example.root_cause.whys[0]
    chains = whys.chains()
    assert [[n.id for n in chain] for chain in chains] == [
        ["w1", "w2", "w3", "w4", "w5"],
        ["w1", "w2", "w6", "w7"],
    ]
    assert whys.depth("w7") == 4
    assert whys.next_id() == "w8"


def test_unknown_key_and_bad_enum_are_rejected():
    with pytest.raises(ValidationError):
        Session.model_validate({"metadata": {"titel": "x"}})
    with pytest.raises(ValidationError):
        Session.model_validate({"metadata": {"severity": "SEV9"}})


def test_agenda_sections_report_minutes():
    section = default_agenda()[0]
    section.spent_seconds = 90
    assert section.actual_minutes == 1.5
    assert section.planned_seconds == 1200
