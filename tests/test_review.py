"""The weekly review's domain: the agenda, each decision written into its own file with the
date (keeping what changed on disk meanwhile), the figures, and the Markdown before and after."""

import datetime as dt
import os
from pathlib import Path

import pytest

from sessions import load, save
from sessions.library import Library
from sessions.library_edits import LibraryEditError
from sessions.models import ActionReview, ReviewDecision
from sessions.review import (
    Decision,
    ReviewLog,
    apply_decision,
    completion_rate,
    grouped,
    review_agenda,
)
from sessions.review_report import agenda_markdown, summary_markdown, summary_path
from tests.review_library import TODAY, build

GOLDEN = Path(__file__).parent / "golden"


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME (PMTUI_UPDATE_GOLDEN=1 rewrites it)."""
    path = GOLDEN / name
    if os.environ.get("PMTUI_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def library(tmp_path):
    return Library.open(build(tmp_path / "library"), cached=False)


def test_the_agenda_is_open_items_most_overdue_first_by_stage(library):
    agenda = review_agenda(library.entries, TODAY)
    assert [(t.entry.incident_id, t.item.id) for t in agenda] == [
        ("INC-4211", 2),
        ("INC-4211", 4),
        ("INC-4211", 1),
        ("INC-4211", 3),
        ("INC-4211", 5),
        ("INC-5001", 1),
        ("INC-5001", 2),
        ("INC-5001", 3),
    ]
    stages = [(stage.name, len(items)) for stage, items in grouped(agenda, TODAY)]
    assert stages == [
        ("Leadership review", 4),
        ("Escalate to the manager", 1),
        ("Remind the owner", 1),
        ("Overdue", 1),
        ("On schedule", 1),
    ]
    assert [t.item.id for t in review_agenda(library.entries, TODAY, owner="ana s")] == [3, 5, 3]


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (Decision(ReviewDecision.DONE, note=" "), "verified"),
        (Decision(ReviewDecision.NEW_DUE, note="later", due=TODAY), "after today"),
        (Decision(ReviewDecision.NEW_DUE, due=TODAY + dt.timedelta(days=9)), "why"),
        (Decision(ReviewDecision.NEW_OWNER, owner="Priya Raman"), "new owner"),
    ],
)
def test_a_decision_without_what_it_needs_is_refused(example, decision, message):
    item = example.action_items[0]
    before = item.model_copy(deep=True)
    with pytest.raises(ValueError, match=message):
        apply_decision(item, decision, TODAY)
    assert item == before


def test_each_decision_is_written_into_its_own_file_with_the_date(library):
    agenda = review_agenda(library.entries, TODAY)
    log = ReviewLog(TODAY)
    later = dt.date(2025, 4, 30)
    log.decide(agenda[0], Decision(ReviewDecision.DONE, note="Timeout seen in the load test"))
    log.decide(agenda[1], Decision(ReviewDecision.NEW_DUE, note="Runbook owner away", due=later))
    log.decide(agenda[5], Decision(ReviewDecision.NEW_OWNER, owner="Jonas Berg"))
    log.decide(agenda[6], Decision(ReviewDecision.ON_TRACK))
    example = load(library.folder / "2025-01-15-checkout.toml").action_items
    search = load(library.folder / "2025-02-20-search.toml").action_items
    assert (example[1].status.value, example[1].completed) == ("Done", TODAY)
    assert example[1].verification == "Timeout seen in the load test"
    assert example[1].reviews == [
        ActionReview(date=TODAY, decision="done", note="Timeout seen in the load test")
    ]
    assert example[3].due == later
    assert example[3].reviews[0].note == "2025-01-30 → 2025-04-30: Runbook owner away"
    assert search[0].owner == "Jonas Berg"
    assert search[0].reviews[0].note == "@dana → Jonas Berg"
    assert search[1].reviews == [ActionReview(date=TODAY, decision="on track")]
    untouched = [example[0], example[2], example[4], search[2]]
    assert all(item.reviews == [] for item in untouched)
    assert [o.decision.value for o in log.outcomes] == [
        "done",
        "new due date",
        "new owner",
        "on track",
    ]
    done = next(e for e in library.entries if e.incident_id == "INC-4211").actions[1]
    assert done.status.value == "Done"


def test_a_file_changed_on_disk_meanwhile_is_reread_never_overwritten(library):
    agenda = review_agenda(library.entries, TODAY)
    path = agenda[0].entry.path
    teammate = load(path)
    teammate.summary = "Edited by a teammate during the review."
    teammate.action_items[2].owner = "Tom Okafor"
    save(teammate, path)
    log = ReviewLog(TODAY)
    log.decide(agenda[0], Decision(ReviewDecision.ON_TRACK))
    after = load(path)
    assert after.summary == teammate.summary and after.action_items[2].owner == "Tom Okafor"
    assert after.action_items[1].reviews[0].decision is ReviewDecision.ON_TRACK
    closed = load(path)
    closed.action_items[0].status = closed.action_items[0].status.DONE
    save(closed, path)
    before = path.read_bytes()
    with pytest.raises(LibraryEditError, match="already closed"):
        log.decide(agenda[2], Decision(ReviewDecision.ON_TRACK))
    assert path.read_bytes() == before


def test_completion_rate_leaves_out_items_not_to_do_and_items_not_born_yet(library):
    rate, total = completion_rate(library.entries, TODAY)
    assert (total, rate) == (10, pytest.approx(1 / 10))
    assert completion_rate(library.entries, dt.date(2025, 2, 1)) == (0.0, 6)  # example only
    assert completion_rate(library.entries, dt.date(2022, 1, 1)) == (None, 0)


def test_golden_agenda_and_summary(library):
    agenda = review_agenda(library.entries, TODAY)
    golden("review-agenda.md", agenda_markdown(agenda, Path("postmortems"), TODAY))
    log = ReviewLog(TODAY)
    later = dt.date(2025, 4, 30)
    log.decide(agenda[0], Decision(ReviewDecision.DONE, note="Timeout seen in the load test"))
    log.decide(agenda[1], Decision(ReviewDecision.NEW_DUE, note="Runbook owner away", due=later))
    log.decide(agenda[5], Decision(ReviewDecision.NEW_OWNER, owner="Jonas Berg", note="Dana left"))
    log.decide(agenda[6], Decision(ReviewDecision.ON_TRACK))
    text = summary_markdown(log, agenda, library.entries, Path("postmortems"), minutes=12.4)
    golden("review-summary.md", text)


def test_the_summary_goes_beside_the_postmortems_never_over_an_earlier_one(tmp_path):
    assert summary_path(tmp_path, TODAY) == tmp_path / "review-2025-03-15.md"
    (tmp_path / "review-2025-03-15.md").write_text("the morning's review")
    assert summary_path(tmp_path, TODAY) == tmp_path / "review-2025-03-15-2.md"
