"""A large, realistic session for the benchmarks: thousands of events, hundreds of items."""

from __future__ import annotations

import datetime as dt

from sessions.example import example_session
from sessions.models import (
    ActionItem,
    ActionType,
    Cause,
    Factor,
    FishboneCategory,
    Marker,
    Priority,
    Session,
    TimelineEvent,
    WhyNode,
)


def large_session(events: int = 10_000, actions: int = 500, whys: int = 300) -> Session:
    session = example_session()
    start = dt.datetime(2025, 1, 15, 13, 0, tzinfo=dt.UTC)
    markers = list(Marker)
    session.timeline = [
        TimelineEvent(
            time=start + dt.timedelta(seconds=7 * i),
            event=f"Event {i}: pool at {i % 100}% | queue depth `{i % 37}` [shard {i % 8}]",
            actor=f"service-{i % 12}",
            evidence=f"log line {i}\nsecond line" if i % 5 == 0 else "",
            marker=markers[i % len(markers)] if i % 50 == 0 else None,
        )
        for i in range(events)
    ]
    session.factors = [
        Factor(id=f"F{i}", factor=f"Factor {i}", description="desc " * 8, type="Process")
        for i in range(1, 101)
    ]
    session.action_items = [
        ActionItem(
            id=i,
            action=f"Add an alert for queue depth above {i} on shard {i % 8}",
            type=list(ActionType)[i % 4],
            priority=list(Priority)[i % 3],
            owner=f"Owner {i % 40}",
            due=dt.date(2025, 2, 1) + dt.timedelta(days=i % 20),
            addresses=[f"F{1 + i % 100}"],
        )
        for i in range(1, actions + 1)
    ]
    nodes = []
    for i in range(whys):
        parent = "" if i < 3 else f"w{i - 3}"  # three parallel chains, each {whys/3} deep
        nodes.append(
            WhyNode(
                id=f"w{i}",
                parent=parent,
                why=f"Why {i}?",
                because=f"Because {i}.",
                root_cause=i >= whys - 3,
            )
        )
    session.root_cause.whys[0].nodes = nodes
    session.root_cause.fishbone.categories = [
        FishboneCategory(
            name=f"Category {c}",
            causes=[Cause(text=f"Cause {c}.{k}", sub_causes=[f"sub {k}"]) for k in range(30)],
        )
        for c in range(8)
    ]
    return session
