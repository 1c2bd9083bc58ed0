"""Field paths into a session ("timeline", "root_cause.whys", "timeline[3].event").

The checks report findings by field path, the editor snapshots parts by field path, and the
UI asks which part a path belongs to: one reading of the notation for all of them.
"""

from __future__ import annotations

import re
from typing import Any

_STEP = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


def steps(path: str) -> list[str | int]:
    """``"timeline[3].event"`` → ``["timeline", 3, "event"]``."""
    return [name if name else int(index) for name, index in _STEP.findall(path)]


def get_at(root: Any, path: str) -> Any:
    """The value at ``path``; AttributeError/IndexError when it is not there."""
    target = root
    for step in steps(path):
        target = target[step] if isinstance(step, int) else getattr(target, step)
    return target


def set_at(root: Any, path: str, value: Any) -> None:
    """Write the value at ``path`` (the container must exist).

    A field inside a record of a list (``timeline[3].event``) is written into a copy of the
    record that replaces it: records in lists are never changed in place, so undo snapshots
    of a list can share them.
    """
    parts = steps(path)
    indexes = [i for i, step in enumerate(parts) if isinstance(step, int)]
    if indexes and indexes[-1] < len(parts) - 1:
        cut = indexes[-1] + 1
        items = _walk(root, parts[: cut - 1])
        record = items[parts[cut - 1]].model_copy(deep=True)
        _assign(_walk(record, parts[cut:-1]), parts[-1], value)
        items[parts[cut - 1]] = record
        return
    _assign(_walk(root, parts[:-1]), parts[-1], value)


def writable_at(root: Any, path: str) -> Any:
    """The record at ``path``, ready to be changed in place.

    A record in a list (``root_cause.whys[1]``) is first replaced by a copy with lists of its
    own, so an undo snapshot of the list, which shares the old record, keeps it as it was.
    """
    parts = steps(path)
    if not parts or not isinstance(parts[-1], int):
        return get_at(root, path)
    items = _walk(root, parts[:-1])
    record = items[parts[-1]]
    fresh = record.model_copy(
        update={name: list(value) for name, value in record if isinstance(value, list)}
    )
    items[parts[-1]] = fresh
    return fresh


def owner_part(path: str) -> str:
    """The part to snapshot before writing ``path``: the list holding it, or the path."""
    match = re.match(r"[^\[]*", path)
    head = match.group(0) if match else path
    return head if head != path else path


def _walk(root: Any, parts: list[str | int]) -> Any:
    target = root
    for step in parts:
        target = target[step] if isinstance(step, int) else getattr(target, step)
    return target


def _assign(target: Any, step: str | int, value: Any) -> None:
    if isinstance(step, int):
        target[step] = value
    else:
        setattr(target, step, value)
