"""A small library with an item at every escalation stage, for the review and ticket tests.

On ``TODAY`` the guide's example (INC-4211) has items 29–49 days overdue, INC-5001 has one
at each lower stage plus a closed one and one the team won't do, and INC-3001 is archived
(its open item is no longer chased).
"""

import datetime as dt
from pathlib import Path

from sessions import save
from sessions.example import example_session
from sessions.models import ActionItem, ActionStatus, Factor, Metadata, Priority, Session

TODAY = dt.date(2025, 3, 15)


def build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    save(example_session(), folder / "2025-01-15-checkout.toml")
    second = Session(
        metadata=Metadata(
            title="Search timeouts during the reindex",
            incident_id="INC-5001",
            date=dt.date(2025, 2, 20),
        ),
        factors=[Factor(id="F1", factor="The reindex ran at peak traffic", type="Process")],
        action_items=[
            ActionItem(
                id=1,
                action="Schedule reindexing outside peak hours",
                owner="@dana",
                due=dt.date(2025, 3, 5),
                priority=Priority.P2,
                type="Prevent",
                addresses=["F1"],
            ),
            ActionItem(
                id=2,
                action='Alert when search p99 > 2s, "for 5 minutes"',
                owner="Tom Okafor",
                due=dt.date(2025, 3, 12),
                type="Detect",
                addresses=["F1"],
            ),
            ActionItem(
                id=3,
                action='=HYPERLINK("x") as a title',
                owner="Ana Silva",
                due=dt.date(2025, 4, 1),
            ),
            ActionItem(
                id=4,
                action="Add the reindex to the change calendar",
                owner="Ana Silva",
                due=dt.date(2025, 3, 1),
                status=ActionStatus.DONE,
                completed=dt.date(2025, 3, 10),
                verification="On the calendar since March",
            ),
            ActionItem(id=5, action="Rewrite search", status=ActionStatus.WONT_DO),
        ],
    )
    second.meeting.date = dt.date(2025, 2, 22)
    save(second, folder / "2025-02-20-search.toml")
    archived = Session(
        metadata=Metadata(
            title="Old DNS outage", incident_id="INC-3001", date=dt.date(2023, 5, 2), archived=True
        ),
        action_items=[
            ActionItem(id=1, action="Move DNS", owner="Ana Silva", due=dt.date(2023, 6, 1))
        ],
    )
    save(archived, folder / "2023-05-02-dns.toml")
    return folder
