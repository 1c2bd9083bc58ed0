"""Several problems in the 5 whys: one analysis per problem, added, removed and reordered.

``RootCause.whys`` is a list of analyses, so these are list edits (the editor snapshots the
list shallowly): an analysis is replaced, never changed in place, and each operation returns
the index of the analysis to show next.
"""

from __future__ import annotations

from sessions.edits import move
from sessions.models import FiveWhys, RootCause


def add_problem(root_cause: RootCause, problem: str) -> int:
    """A new analysis for ``problem``; its index.

    A session starts with one empty analysis: the first problem stated goes there rather
    than beside an empty one.
    """
    whys = root_cause.whys
    if len(whys) == 1 and whys[0].is_empty:
        whys[0] = FiveWhys(problem=problem)
        return 0
    whys.append(FiveWhys(problem=problem))
    return len(whys) - 1


def remove_problem(root_cause: RootCause, index: int) -> int:
    """Remove the analysis at ``index`` (the last one left is emptied instead); the index to
    show next."""
    whys = root_cause.whys
    if len(whys) <= 1:
        whys[:] = [FiveWhys()]
        return 0
    del whys[index]
    return min(index, len(whys) - 1)


def move_problem(root_cause: RootCause, index: int, step: int) -> int | None:
    """Move the analysis at ``index`` earlier (-1) or later (+1); its new index, or None."""
    return move(root_cause.whys, index, step)


def problem_title(whys: FiveWhys, index: int) -> str:
    """How a problem is named in a list of problems: its statement, or its number."""
    return whys.problem.strip() or f"Problem {index + 1} (not stated yet)"
