"""A generated folder of postmortems (with some broken files) for tests and benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sessions import save
from sessions.models import (
    ActionItem,
    ActionStatus,
    ActionType,
    Cause,
    Factor,
    FishboneCategory,
    Marker,
    Metadata,
    Priority,
    Session,
    Severity,
    Status,
    TimelineEvent,
)

SERVICES = ["checkout", "search", "payments", "auth", "orders", "catalog"]
FACTOR_TYPES = ["Process", "Configuration", "Monitoring", "Documentation", "Capacity"]
FISHBONE = ["People", "Process", "Technology", "Environment"]
OWNERS = ["Ana Silva", "Jonas Berg", "Priya Raman", "Tom Okafor"]


def _owners(number: int, people: str) -> list[str]:
    """Four owners shared by every session, or four names of this session's own."""
    if people == "shared":
        return OWNERS
    return [
        f"{first} Person{number}x{i}" for i, first in enumerate(["Ana", "Jonas", "Priya", "Tom"])
    ]


PROSE = (
    "During incident {number}, {owner} restarted the primary after the pool ran dry. The alert"
    " should have fired at {number}%. {owner} forgot to rotate key {number}, and the job failed"
    " to start."
)
"""A summary with a name in it, so the blame rules have people to look up."""


def generated_session(
    number: int, rng: random.Random, *, people: str = "shared", prose: bool = False
) -> Session:
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))
    start = dt.datetime.combine(day, dt.time(rng.randrange(0, 20), rng.randrange(60)), dt.UTC)
    detect = rng.randrange(1, 40)
    restore = detect + rng.randrange(5, 240)
    services = rng.sample(SERVICES, rng.randrange(1, 3))
    factor_types = rng.sample(FACTOR_TYPES, rng.randrange(1, 3))
    session = Session(
        metadata=Metadata(
            title=f"Incident {number} in {services[0]}",
            incident_id=f"INC-{1000 + number}",
            date=day,
            severity=rng.choice(list(Severity)),
            status=rng.choice(list(Status)),
            services=services,
            tags=rng.sample(["database", "network", "deploy", "dns", "cache"], 2),
        ),
        summary=PROSE.format(owner=_owners(number, people)[number % 4], number=number)
        if prose
        else f"Generated incident {number}.",
        timeline=[
            TimelineEvent(time=start, event="started", marker=Marker.ISSUE_STARTED),
            TimelineEvent(
                time=start + dt.timedelta(minutes=detect), event="alert", marker=Marker.ALERT_FIRED
            ),
            TimelineEvent(
                time=start + dt.timedelta(minutes=restore),
                event="restored",
                marker=Marker.SERVICE_RESTORED,
            ),
        ],
        factors=[
            Factor(id=f"F{i + 1}", factor=f"factor {i + 1}", type=kind)
            for i, kind in enumerate(factor_types)
        ],
    )
    session.root_cause.fishbone.categories = [
        FishboneCategory(
            name=name, causes=[Cause(text="cause")] if name == rng.choice(FISHBONE) else []
        )
        for name in FISHBONE
    ]
    meeting_day = day + dt.timedelta(days=2)
    session.meeting.date = meeting_day
    for i in range(rng.randrange(1, 5)):
        status = rng.choice(list(ActionStatus))
        completed = (
            meeting_day + dt.timedelta(days=rng.randrange(1, 40))
            if status is ActionStatus.DONE
            else None
        )
        session.action_items.append(
            ActionItem(
                id=i + 1,
                action=f"Fix thing {i + 1} for incident {number}",
                type=rng.choice(list(ActionType)),
                priority=rng.choice(list(Priority)),
                owner=rng.choice(_owners(number, people)),
                due=meeting_day + dt.timedelta(days=rng.randrange(5, 30)),
                status=status,
                completed=completed,
                verification="checked in staging" if completed else "",
                addresses=["F1"],
            )
        )
    return session


def generate_library(
    folder: Path,
    count: int,
    *,
    broken: int = 0,
    seed: int = 7,
    people: str = "shared",
    prose: bool = False,
) -> list[Path]:
    """``people``: "shared" (four owners across the library) or "unique" (each session names
    its own); ``prose`` gives each session a summary naming one of its people."""
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        sub = folder / str(2024 + number % 2)
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"inc-{number:05d}.toml"
        save(generated_session(number, rng, people=people, prose=prose), path)
        paths.append(path)
    for number in range(broken):
        bad = folder / f"broken-{number}.toml"
        bad.write_text("schema_version = 1\n[metadata]\nseverity = 'SEV9'\n", encoding="utf-8")
        paths.append(bad)
    return paths
