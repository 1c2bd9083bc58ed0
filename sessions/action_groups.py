"""The groups the export sorts action items under: two to start from, and the team's own."""

from __future__ import annotations

from collections.abc import Iterable

from sessions.models import Session

STARTING_GROUPS = ("Technical", "Organisational")


def known_groups(session: Session) -> tuple[str, ...]:
    """The starting groups, then each group the session's items use, once (any case)."""
    known: dict[str, str] = {group.casefold(): group for group in STARTING_GROUPS}
    for item in session.action_items:
        name = " ".join(item.group.split())
        if name:
            known.setdefault(name.casefold(), name)
    return tuple(known.values())


def complete_group(typed: str, known: Iterable[str]) -> str:
    """ "org" → "Organisational": what was typed, made the known group it names (the whole
    name in any case, or the start of only one); otherwise kept as typed. Each group is a
    heading in the export, and "### org" beside "### Organisational" read as two."""
    text = " ".join(typed.split())
    folded = text.casefold()
    if not folded:
        return ""
    known = tuple(known)
    for group in known:
        if group.casefold() == folded:
            return group
    starting = [group for group in known if group.casefold().startswith(folded)]
    return starting[0] if len(starting) == 1 else text
