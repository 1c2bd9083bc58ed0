"""Checks that know time, the team's template, and what the export leaves out."""

import datetime as dt
from pathlib import Path

import pytest

from sessions import SessionFileError
from sessions.checks import run_checks
from sessions.checks.config import load_config
from sessions.checks.triage import Need, triage
from sessions.models import (
    ActionItem,
    ActionStatus,
    Marker,
    Precision,
    Session,
    Severity,
    TeamSection,
    TimelineEvent,
)

TODAY = dt.date(2026, 3, 1)


def ids(session, **kw):
    kw.setdefault("today", TODAY)
    return [f.rule.id for f in run_checks(session, **kw) if not f.accepted]


def old_postmortem(*items):
    session = Session()
    session.metadata.date = dt.date(2019, 7, 10)
    session.action_items = list(items)
    return session


def test_done_items_are_not_asked_for_dates_or_priorities():
    done = ActionItem(id=1, action="Add a replication lag alert", status=ActionStatus.DONE)
    found = ids(old_postmortem(done))
    assert "AI004" not in found and "AI007" not in found
    still_open = done.model_copy(update={"status": ActionStatus.TODO})
    found = ids(old_postmortem(still_open))
    assert "AI004" in found and "AI007" in found


def test_overdue_only_for_open_items_and_never_once_archived():
    due = dt.date(2019, 8, 1)
    open_item = ActionItem(id=1, action="Add a replication lag alert", due=due)
    done_item = ActionItem(id=2, action="Rotate the keys of the API", due=due, status="Done")
    session = old_postmortem(open_item, done_item)
    overdue = [f for f in run_checks(session, today=TODAY) if f.rule.id == "AI012"]
    assert [f.where for f in overdue] == ["action_items[0].due"]
    session.metadata.archived = True
    assert "AI012" not in ids(session)
    assert not {"DL001", "DL002", "DL003"} & set(ids(session))


def test_unknown_severity_is_explained_by_the_triage():
    session = Session()
    assert session.metadata.severity is Severity.UNKNOWN
    verdict = triage(session)
    assert verdict.need is Need.RECOMMENDED and "severity unknown" in verdict.reasons[0]
    session.metadata.data_loss = True
    assert triage(session).need is Need.REQUIRED


def _timed(duration, restored_after, precision=Precision.EXACT):
    session = Session()
    start = dt.datetime(2025, 1, 15, 10, 0, tzinfo=dt.UTC)
    session.impact.user.duration_minutes = duration
    session.timeline = [
        TimelineEvent(time=start, event="start", marker=Marker.ISSUE_STARTED),
        TimelineEvent(
            time=start + dt.timedelta(minutes=restored_after),
            precision=precision,
            event="restored",
            marker=Marker.SERVICE_RESTORED,
        ),
    ]
    return session


def test_a_stated_duration_that_disagrees_with_the_timeline_is_pointed_out():
    assert "DP008" in ids(_timed(24 * 60 + 11, 10 * 60))
    assert "DP008" not in ids(_timed(24 * 60 + 11, 24 * 60 + 20))
    assert "DP008" not in ids(_timed(30, 38, Precision.APPROXIMATE))
    assert "DP008" not in ids(_timed(30, 24 * 60, Precision.DAY))
    finding = next(f for f in run_checks(_timed(1451, 600), today=TODAY) if f.rule.id == "DP008")
    assert "1451 minutes" in finding.message and "10 h 00 min" in finding.message


def test_empty_required_parts_are_for_the_check_to_say():
    found = [f for f in run_checks(Session(), today=TODAY) if f.rule.id == "RQ001"]
    assert {f.where for f in found} >= {"summary", "metadata.title", "action_items", "impact"}
    in_words = Session()  # an impact in words alone is written: the export shows it (a tryout)
    in_words.impact.description = "Search results were three hours stale for every user."
    found = [f for f in run_checks(in_words, today=TODAY) if f.rule.id == "RQ001"]
    assert "impact" not in {f.where for f in found}


TEAM_CONFIG = """
[check]
ignore = ["TR001"]

[template]
action_types = ["Prevent", "Detect", {name = "Process", meaning = "Change how we work"}]

[[template.sections]]
id = "apology"
title = "Our Apology"
prompt = "What do we say to the customers this hurt?"
after = "summary"
required = true

[[template.sections]]
id = "faq"
title = "Customer FAQ"
"""


def test_the_team_template_is_known_to_the_check(tmp_path: Path):
    path = tmp_path / ".pmtui.toml"
    path.write_text(TEAM_CONFIG)
    config = load_config(path)
    assert config.template.type_names == ("Prevent", "Detect", "Process")
    assert config.template.action_types[0].meaning.startswith("Stop this class")
    assert [s.id for s in config.template.new_sections()] == ["apology", "faq"]
    session = Session()
    session.action_items = [
        ActionItem(id=1, action="Practise restores every quarter", type="Process"),
        ActionItem(id=2, action="Write the restore runbook for the database", type="Document"),
    ]
    findings = run_checks(session, today=TODAY, config=config)
    empty = [f for f in findings if f.rule.id == "RQ002"]
    assert len(empty) == 1 and "Our Apology" in empty[0].message
    assert [f.where for f in findings if f.rule.id == "AI013"] == ["action_items[1].type"]
    session.team_sections = [TeamSection(id="apology", title="Our Apology", text="We are sorry.")]
    assert "RQ002" not in ids(session, config=config)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[template]\nsection = []\n", "template.section"),
        ("[[template.sections]]\nid = 'a'\n", "template.sections[0].title"),
        (
            "[[template.sections]]\nid = 'a'\ntitle = 'A'\nafter = 'x'\n",
            "template.sections[0].after",
        ),
        ("[template]\naction_types = [1]\n", "template.action_types[0]"),
    ],
)
def test_a_bad_template_names_the_key(tmp_path: Path, text, field):
    path = tmp_path / ".pmtui.toml"
    path.write_text(text)
    with pytest.raises(SessionFileError) as info:
        load_config(path)
    assert info.value.field == field
