"""Every change to the open session goes through one editor: undo snapshots and revisions.

A widget says which part of the session it is about to change (a field path such as
``"timeline"`` or ``"root_cause.whys"``); the editor keeps a copy of that part from before
the change, so undo is one history of snapshots and never a closure over a widget. Each
change bumps a revision, so a screen that was away knows which parts to redraw.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from sessions.models import Session
from sessions.paths import get_at, set_at

MAX_UNDO = 100
"""Edits kept for undo; older ones fall off."""

EVERYTHING = "*"
"""The part name for a change to the whole session (a reload from disk)."""


@dataclass(frozen=True)
class Change:
    """One change: which part, what happened (for messages), and the revision it made."""

    part: str
    what: str
    revision: int
    also: tuple[str, ...] = ()
    """Other parts the same step changed (one action across two lists)."""

    @property
    def parts(self) -> set[str]:
        return {self.part, *self.also}


@dataclass(frozen=True)
class _Snapshot:
    values: tuple[tuple[str, Any], ...]
    """Each part the step changed, with its value on the other side of the step."""
    what: str
    revision: int = 0
    """The revision of the edit that made the step (undo and redo make none)."""

    @property
    def parts(self) -> set[str]:
        return {part for part, _ in self.values}


def copy_part(value: Any) -> Any:
    """A copy that later edits can't reach.

    Lists are copied shallowly: their records are replaced on edit, never changed in place,
    so the copy costs the same whatever the records hold. Models are copied deeply.
    """
    if isinstance(value, list):
        return list(value)
    if isinstance(value, BaseModel):
        return value.model_copy(deep=True)
    return value


class SessionEditor:
    """The open session, its undo history and its revision counter (no UI here)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.revision = 0
        self._log: list[Change] = []
        self._undo: list[_Snapshot] = []
        self._redo: list[_Snapshot] = []

    @contextmanager
    def edit(
        self,
        part: str,
        what: str,
        *,
        also: tuple[str, ...] = (),
        undoable: bool = True,
        joins: Change | None = None,
    ) -> Iterator[Session]:
        """Wrap one change to ``part`` (and the parts ``also`` names: one undo step for one
        action, where a parked idea turned action item had taken two); each part is copied
        first so it can be undone.

        ``joins``: the change this one completes, after a question it asked (the time zone
        set, then the events kept at their clock times). While it is still the last step,
        both are undone as one: undoing the zone alone would leave the events moved for it.
        """
        parts = (part, *also)
        if _overlapping(parts):
            # one inside another: the undo would put back the outer part, then the inner
            # one over it as it was, and the redo would keep the wrong copy (a review)
            raise ValueError(f"parts of one edit must not overlap: {parts}")
        before = tuple((p, copy_part(get_at(self.session, p))) for p in parts) if undoable else ()
        yield self.session
        if undoable:
            last = self._undo[-1] if self._undo else None
            revision = self.revision + 1
            # a part the step has already keeps its older copy (a zone and a date set in one
            # form: both moves are of the timeline, and the second had become a step alone)
            added = tuple((p, v) for p, v in before if p not in last.parts) if last else ()
            if (
                last is not None
                and joins is not None
                and last.revision == joins.revision
                and not _overlapping((*last.parts, *(p for p, _ in added)))
            ):
                joined = _Snapshot(last.values + added, f"{last.what}; {what}", revision)
                self._undo[-1] = joined
            else:
                self._undo.append(_Snapshot(before, what, revision))
                del self._undo[:-MAX_UNDO]
            self._redo.clear()  # a new edit: what was undone can no longer come back
        self._changed(part, what, also)

    @property
    def last_change(self) -> Change | None:
        """The change made last (an edit, an undo, or a change noted), if any."""
        return self._log[-1] if self._log else None

    def snapshot(self) -> Session:
        """A copy another thread can read while the UI goes on editing (saves, checks).

        Lists are copied shallowly (their records are replaced on edit, never changed in
        place), so this costs the same for 10 events or 10,000; the rest is copied deeply.
        """
        return self.session.model_copy(
            update={name: copy_part(value) for name, value in self.session}
        )

    def note(self, part: str, what: str) -> Change:
        """Record a change made elsewhere (typing, the meeting clock) without an undo step.
        What could be redone in that part can't be any more: a redo would put back the part
        as it was before the typing, and the typing would be gone."""
        self._redo = [step for step in self._redo if not touches({part}, step.parts)]
        return self._changed(part, what)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Change | None:
        """Put back the part changed last; the change says what was undone, or None."""
        return self._step(self._undo, self._redo)

    def redo(self) -> Change | None:
        """Make again the change undone last, if nothing was edited since; or None."""
        return self._step(self._redo, self._undo)

    def _step(self, source: list[_Snapshot], opposite: list[_Snapshot]) -> Change | None:
        """Restore the snapshot on top of ``source``, keeping the part as it is now on
        ``opposite``: undo and redo are the same move in the two directions."""
        if not source:
            return None
        snapshot = source.pop()
        now = []
        for part, value in snapshot.values:
            current = get_at(self.session, part)
            now.append((part, copy_part(current)))
            if isinstance(current, list):
                current[:] = value  # in place: whoever holds the list sees the undo
            else:
                set_at(self.session, part, value)
        opposite.append(_Snapshot(tuple(now), snapshot.what))
        (first, _), *others = snapshot.values
        return self._changed(first, snapshot.what, tuple(part for part, _ in others))

    def replace(self, fresh: Session, what: str = "reloaded") -> Change:
        """Take every field from ``fresh`` (a reload); the session object stays the same."""
        for name in type(fresh).model_fields:
            setattr(self.session, name, getattr(fresh, name))
        self._undo.clear()
        self._redo.clear()
        return self._changed(EVERYTHING, what)

    def changed_since(self, revision: int) -> set[str]:
        """The parts changed after ``revision`` (``EVERYTHING`` stands for all of them)."""
        if self._log and revision < self._log[0].revision - 1:
            return {EVERYTHING}  # older than the log remembers
        changes = (change for change in reversed(self._log) if change.revision > revision)
        return {part for change in changes for part in change.parts}

    def _changed(self, part: str, what: str, also: tuple[str, ...] = ()) -> Change:
        self.revision += 1
        change = Change(part, what, self.revision, also)
        self._log.append(change)
        del self._log[:-1000]
        return change


def _overlapping(parts: tuple[str, ...]) -> bool:
    """Is one of ``parts`` another, or inside another?"""
    return any(touches({p}, {q}) for i, p in enumerate(parts) for q in parts[i + 1 :])


def touches(changed: set[str], parts: frozenset[str] | set[str]) -> bool:
    """Does a set of changed parts reach any of ``parts`` (a part, its parent or child)?

    A change to a list reaches the views of its records ("team_sections" reaches
    "team_sections[0].text"), and a change to a record reaches the list's views.
    """
    if EVERYTHING in changed:
        return True
    return any(
        c == p or c.startswith((p + ".", p + "[")) or p.startswith((c + ".", c + "["))
        for c in changed
        for p in parts
    )
