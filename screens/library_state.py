"""What the library remembers while a postmortem is open in the app, so it comes back as it was
left: the view, the filters, the highlighted rows, and a review under way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sessions.review import ReviewPlan
from sessions.review_walk import ReviewWalk


@dataclass
class LibraryState:
    #: The view on screen: "sessions", "actions", "stats" or "review".
    mode: str = "sessions"
    query: str = ""
    #: The postmortem highlighted in the list.
    highlighted: Path | None = None
    owner: str = ""
    overdue_only: bool = False
    #: The action item highlighted in the action items view: (postmortem, item id).
    action: tuple[Path, int] | None = None
    plan: ReviewPlan = field(default_factory=ReviewPlan)
    walk: ReviewWalk | None = None
