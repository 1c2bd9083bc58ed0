"""Counts in words: what the toasts and the command line say instead of "step(s)"."""

from sessions.wording import counted, plural


def test_a_count_agrees_with_its_noun():
    assert [counted(n, "why step") for n in (1, 3)] == ["1 why step", "3 why steps"]
    assert counted(2, "entry") == "2 entries" and counted(2, "day") == "2 days"
    assert counted(0, "person", "people") == "0 people"
    assert plural("open action item") == "open action items"
