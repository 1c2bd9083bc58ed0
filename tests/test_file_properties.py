"""load(save(s)) == s for every valid session, whatever text people type."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions import dumps, loads
from sessions.models import (
    ActionItem,
    ActionStatus,
    ActionType,
    Cause,
    Factor,
    FishboneCategory,
    Marker,
    Observation,
    Priority,
    Session,
    Severity,
    TimelineEvent,
    WhyNode,
)

nasty = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("\"'\\\n\r\t[]|`<>#*_{}$@😀🔥\x00\x07\x1b\x7f")),
    ),
    max_size=40,
)
moments = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),
    max_value=dt.datetime(2100, 1, 1),
    timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-5, minutes=-30))]),
)


@st.composite
def sessions_(draw):
    session = Session()
    session.metadata.title = draw(nasty)
    session.metadata.severity = draw(st.sampled_from(list(Severity)))
    session.metadata.authors = draw(st.lists(nasty, max_size=3))
    session.metadata.date = draw(st.none() | st.dates())
    session.summary = draw(nasty)
    session.impact.user.duration_minutes = draw(st.none() | st.integers(0, 10**6))
    session.impact.slo.error_budget_consumed_pct = draw(
        st.none() | st.floats(0, 1000, allow_nan=False)
    )
    session.timeline = [
        TimelineEvent(
            time=draw(moments),
            event=draw(nasty),
            actor=draw(nasty),
            marker=draw(st.none() | st.sampled_from(list(Marker))),
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    count = draw(st.integers(0, 4))
    session.root_cause.whys.nodes = [
        WhyNode(
            id=f"w{i}",
            parent="" if i == 0 else f"w{draw(st.integers(0, i - 1))}",
            why=draw(nasty),
            because=draw(nasty),
            root_cause=draw(st.booleans()),
        )
        for i in range(count)
    ]
    session.root_cause.fishbone.categories = [
        FishboneCategory(
            name=draw(nasty),
            causes=[Cause(text=draw(nasty), sub_causes=draw(st.lists(nasty, max_size=2)))],
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    session.factors = [Factor(id="F1", factor=draw(nasty), type=draw(nasty))]
    session.went_well = [Observation(area=draw(nasty), text=draw(nasty))]
    session.action_items = [
        ActionItem(
            id=1,
            action=draw(nasty),
            owner=draw(nasty),
            type=draw(st.none() | st.sampled_from(list(ActionType))),
            priority=draw(st.none() | st.sampled_from(list(Priority))),
            status=draw(st.sampled_from(list(ActionStatus))),
            due=draw(st.none() | st.dates()),
        )
    ]
    session.supporting.logs = draw(nasty)
    session.meeting.notes = draw(nasty)
    # What the user typed passes through validation, as it does when a file is loaded.
    return Session.model_validate(session.model_dump())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions_())
def test_load_save_round_trip(session):
    text = dumps(session)
    again = loads(text)
    assert again == session
    assert dumps(again) == text
