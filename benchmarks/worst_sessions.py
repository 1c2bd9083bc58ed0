"""The costliest sessions `sessions.limits` still accepts, one per shape, as TOML text.

Each fills one dimension up to its limit with text that makes the checks work hardest (blame
phrasing everywhere, a name in every sentence). The benchmark times load, check and export on
each; the hostile corpus in the tests uses them at a smaller scale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import tomli_w

from sessions.limits import MAX_ITEMS, MAX_PROSE, MAX_TEXT, MAX_VALUES, MAX_WHYS

START = dt.datetime(2025, 1, 15, 13, 0, tzinfo=dt.UTC)
BLAME = (
    "Bob forgot to check the pool, human error by the developer who broke it; "
    "why didn't you test? Priya should have known. "
)


def _doc(**parts) -> str:
    return tomli_w.dumps({"schema_version": 1, **parts}, multiline_strings=True)


def _event(i: int, text: str) -> dict:
    return {"time": START + dt.timedelta(seconds=i), "event": text}


def prose_in_events(scale: float = 1.0) -> str:
    """Blame in every one of the most events: the language checks read all of it."""
    count = int(MAX_ITEMS * scale)
    text = (BLAME * 20)[: MAX_PROSE // MAX_ITEMS - 40]
    return _doc(timeline=[_event(i, text) for i in range(count)])


def prose_in_big_fields(scale: float = 1.0) -> str:
    """Blame filling the largest fields, as many as the total allows."""
    text = (BLAME * (MAX_TEXT // len(BLAME) + 1))[: MAX_TEXT - 1]
    count = int((MAX_PROSE // MAX_TEXT - 1) * scale)
    return _doc(
        summary=text,
        went_well=[{"text": text} for _ in range(count // 2)],
        lessons={"recommendations": [text] * (count - count // 2)},
    )


def many_people(scale: float = 1.0) -> str:
    """A different owner on every action item, each named in the text: names feed the checks."""
    count = int(MAX_ITEMS * scale)
    items = [
        {"id": i + 1, "action": f"Person{i} forgot to add the alert", "owner": f"Person{i} Lee"}
        for i in range(count)
    ]
    return _doc(action_items=items, summary=BLAME * 50)


def many_accepted(scale: float = 1.0) -> str:
    """Many accepted findings and many findings to match them against."""
    count = int(MAX_VALUES / 11 * scale)  # 10 values an entry and its event, as TOML counts
    accepted = [{"rule": "BL004", "where": f"timeline[{i}]", "reason": "ok"} for i in range(count)]
    events = [_event(i, "human error") for i in range(count)]
    return _doc(accepted=accepted, timeline=events)


def whys_broom(scale: float = 1.0) -> str:
    """Half the whys in one chain, half as leaves under its end: every chain is long."""
    count = int(MAX_WHYS * scale)
    half = count // 2
    nodes = [{"id": f"w{i}", "parent": f"w{i - 1}" if i else "", "why": "?"} for i in range(half)]
    nodes += [{"id": f"l{i}", "parent": f"w{half - 1}", "because": BLAME} for i in range(half)]
    return _doc(root_cause={"whys": {"problem": "x", "nodes": nodes}})


def whys_chain(scale: float = 1.0) -> str:
    count = int(MAX_WHYS * scale)
    nodes = [{"id": f"w{i}", "parent": f"w{i - 1}" if i else "", "why": "?"} for i in range(count)]
    return _doc(root_cause={"whys": {"nodes": nodes}})


def fishbone(scale: float = 1.0) -> str:
    """Causes and sub-causes up to the number of values a file may hold."""
    per = int(MAX_VALUES / 6 / 100 * scale)  # 6 values a cause, as TOML counts them
    causes = [{"text": f"cause {k}", "sub_causes": ["s"]} for k in range(per)]
    categories = [{"name": f"C{c}", "causes": causes} for c in range(100)]
    return _doc(root_cause={"fishbone": {"problem": "p", "categories": categories}})


def tags(scale: float = 1.0) -> str:
    return _doc(metadata={"tags": [f"t{i}" for i in range(int((MAX_ITEMS - 1) * scale))]})


def factors_and_actions(scale: float = 1.0) -> str:
    """Factors and action items referring to each other, at the limit of values."""
    count = int(MAX_VALUES / 16 * scale)  # 16 values a factor and its action
    factors = [{"id": f"F{i}", "factor": f"f{i}", "type": f"T{i % 500}"} for i in range(count)]
    items = [
        {"id": i + 1, "action": "a", "owner": "Ana", "addresses": [f"F{i}", "nope"]}
        for i in range(count)
    ]
    return _doc(factors=factors, action_items=items, metadata={"services": ["s"] * 50})


SHAPES: dict[str, Callable[[float], str]] = {
    "prose in 20,000 events": prose_in_events,
    "prose in 64 KiB fields": prose_in_big_fields,
    "20,000 people": many_people,
    "20,000 accepted findings": many_accepted,
    "5 whys broom": whys_broom,
    "5 whys chain": whys_chain,
    "fishbone": fishbone,
    "20,000 tags": tags,
    "factors and actions": factors_and_actions,
}
