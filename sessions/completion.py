"""Free text completed to the name it stands for: "org" → "Organisational", "Lena" → "Lena
Ortiz". Each field stays free (a new group, a new person), but a short or differently-cased
spelling of a known name is that name, not a second one ("### org" beside "### Organisational",
"Lena" and "Lena Ortiz" as two owners). A choice field (an enum) reads its text the same
way, with ``choose``, but refuses what names none."""

from __future__ import annotations

from collections.abc import Iterable


def known(*sources: Iterable[str]) -> tuple[str, ...]:
    """Each name once (any case, spaces tidied), in first-seen order and spelling."""
    names: dict[str, str] = {}
    for source in sources:
        for name in source:
            tidy = " ".join(name.split())
            if tidy:
                names.setdefault(tidy.casefold(), tidy)
    return tuple(names.values())


def choose(choices: tuple[str, ...], typed: str, aliases: tuple[tuple[str, str], ...] = ()) -> str:
    """The choice ``typed`` names: exactly, or by a unique start, in any case, by its name or
    one of its aliases ("fac" → "facilitator", "in p" → "In Progress", "ack" →
    "acknowledged", "note-taker" → "note_taker"); ValueError lists the choices otherwise."""

    def fold(text: str) -> str:  # "Note-taker", "note_taker" and "note  taker" are one
        return " ".join(text.casefold().replace("_", " ").replace("-", " ").split())

    folded = fold(typed)
    names = [(fold(choice), choice) for choice in choices]
    names += [(fold(alias), choice) for alias, choice in aliases]
    exact = {choice for name, choice in names if name == folded}
    matches = exact or {choice for name, choice in names if name.startswith(folded)}
    if len(matches) == 1:
        return matches.pop()
    if not matches:
        raise ValueError("one of " + ", ".join(c.replace("_", " ") for c in choices))
    shown = ", ".join(c.replace("_", " ") for c in choices if c in matches)
    raise ValueError(f"which one? {shown}")


def complete(typed: str, names: Iterable[str]) -> str:
    """The known name ``typed`` names (as ``choose`` reads it); otherwise what was typed,
    spaces tidied. Nothing typed stays nothing, even when only one name is known."""
    text = " ".join(typed.split())
    if not text:
        return ""
    try:
        return choose(tuple(names), text)
    except ValueError:
        return text
