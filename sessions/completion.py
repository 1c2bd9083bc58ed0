"""Free text completed to the name it stands for: "org" → "Organisational", "Lena" → "Lena
Ortiz". Each field stays free (a new group, a new person), but a short or differently-cased
spelling of a known name is that name, not a second one ("### org" beside "### Organisational",
"Lena" and "Lena Ortiz" as two owners)."""

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


def complete(typed: str, names: Iterable[str]) -> str:
    """The known name ``typed`` names, the whole name in any case or the start of only one
    of them; otherwise what was typed (spaces tidied)."""
    text = " ".join(typed.split())
    folded = text.casefold()
    if not folded:
        return ""
    names = tuple(names)
    for name in names:
        if name.casefold() == folded:
            return name
    starting = [name for name in names if name.casefold().startswith(folded)]
    return starting[0] if len(starting) == 1 else text
