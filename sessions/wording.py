"""Counts said in words: "1 step", "3 steps", "1 entry", "2 entries" (never "step(s)")."""

from __future__ import annotations


def plural(noun: str) -> str:
    """ "entry" → "entries", "event" → "events" (a caller passes its own when neither fits)."""
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


def counted(count: int, noun: str, many: str | None = None) -> str:
    """ "1 why step", "3 why steps": ``many`` when the plural is not ``noun`` + s/ies."""
    return f"{count} {noun if count == 1 else many or plural(noun)}"
