"""Import: pmtui's export reads back to the same document; hand-written ones find their place."""

import datetime as dt
import difflib
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from pmtui.cli import main
from sessions import load, to_markdown
from sessions.importer import READERS, SYNONYMS, _Clock, import_markdown, parse_minutes, parse_time
from sessions.models import (
    ActionStatus,
    Attendee,
    Precision,
    Role,
    Session,
    Severity,
    Status,
    WhyNode,
)
from tests.strategies import sessions_


def _same(a: str, b: str) -> None:
    assert a == b, "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True)))


def test_the_example_reads_back_to_the_same_document(example):
    text = to_markdown(example)
    result = import_markdown(text)
    assert result.unplaced == []
    _same(text, to_markdown(result.session))


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(sessions_(whole_seconds=True))
def test_export_import_export_gives_the_same_document(session):
    text = to_markdown(session)
    result = import_markdown(text)
    _same(text, to_markdown(result.session))
    assert result.unplaced == []


HAND = Path(__file__).parent / "markdown_in"


def _read(name: str):
    return import_markdown((HAND / name).read_text(encoding="utf-8"), fallback_title=name)


def test_the_guides_template_filled_in_by_hand():
    result = _read("guide-template-by-hand.md")
    session = result.session
    assert result.unplaced == []
    meta = session.metadata
    assert meta.title == "Search results empty after index rebuild"
    assert (meta.date, meta.status, meta.severity) == (
        dt.date(2025, 3, 4),
        Status.FINAL,
        Severity.SEV2,
    )
    assert meta.authors == ["@mira", "@jon"] and meta.incident_id == "INC-5120"
    assert session.summary.startswith("For 2 hours 10 minutes search")  # template label gone
    assert session.impact.user.duration_minutes == 130
    assert session.impact.business.complaints == 212 and session.impact.business.sla_breach
    assert [e.time.strftime("%H:%M") for e in session.timeline][:2] == ["02:00", "02:41"]
    chain = session.root_cause.whys[0].chains()[0]
    assert [n.because.split()[0] for n in chain] == ["Because"] * 3
    assert session.root_cause.statement.startswith("The publish step trusts")
    assert [f.factor for f in session.factors] == ["No size check", "Overlapping schedules"]
    items = session.action_items
    assert [(i.type, i.status) for i in items] == [
        ("Prevent", ActionStatus.DONE),
        ("Detect", ActionStatus.IN_PROGRESS),
    ]
    assert session.supporting.metrics[0].url.endswith("empty-results.png")
    assert session.supporting.related[0].incident_id == "INC-4410"


def test_the_sre_book_headings_find_their_parts():
    result = _read("sre-book-headings.md")
    session = result.session
    assert session.metadata.authors == ["ana", "luis"]
    assert session.root_cause.what_happened.startswith("The rotation job updated")
    assert session.root_cause.trigger == "The quarterly credentials rotation at 09:00."
    assert session.resolution.startswith("Restarting the resize workers")
    assert session.detection.startswith("A customer reported")
    assert session.impact.description.startswith("About 18,000 uploads")
    assert [i.type for i in session.action_items] == ["Prevent", "Detect"]
    assert session.action_items[0].ticket == "https://bugs.example.com/2211"
    assert len(session.went_well) == len(session.went_poorly) == len(session.got_lucky) == 1
    assert next(e.time.strftime("%Y-%m-%d %H:%M") for e in session.timeline) == "2024-09-12 09:00"
    assert result.unplaced == [
        "Metadata: **Status**: Complete, action items in progress",
        "Supporting information: Dashboard: https://grafana.example.com/d/resize",
    ]


def test_a_plain_timeline_list_and_what_could_not_be_placed():
    result = _read("plain-timeline-list.md")
    session = result.session
    assert session.summary.startswith("Payments were slow")
    times = [(e.time.strftime("%H:%M"), e.precision) for e in session.timeline]
    assert times == [
        ("14:05", Precision.EXACT),
        ("14:09", Precision.EXACT),
        ("14:30", Precision.EXACT),
        ("14:45", Precision.APPROXIMATE),
    ]
    assert session.timeline[0].event == "p99 latency alert fires for payments-api"
    assert session.impact.user.duration_minutes == 40
    assert [s.title for s in session.team_sections] == ["Apology", "Import Notes"]
    assert session.team_sections[0].after == "impact"
    assert result.unplaced == ["Impact: - **Mood in the war room**: tense"]
    notes = session.team_sections[-1].text
    assert "### From Impact" in notes and "Mood in the war room" in notes  # kept, not dropped
    assert len(session.action_items) == 2


def test_a_heading_with_a_remark_a_numbered_list_and_a_lesson_in_prose_find_their_parts():
    """ "## Timeline (all times UTC)" made a section of its own and lost the events; factors
    as a numbered list and a lesson in a paragraph went to the import notes, and the check
    then said those parts were not written (a tryout)."""
    text = (
        "# Postmortem: CDN purge storm\n\n**Date**: 2026-11-20\n\n"
        "## Timeline (all times UTC)\n\n- 00:12 — Synthetic check alerted the on-call\n"
        "- 00:52 — Purge job stopped\n\n"
        "## Contributing Factors\n\n1. The purge job had no rate limit.\n"
        "2. **No origin alert**: origin load was not alerted on.\n\n"
        "## Lessons Learned\n\nRate limits belong on every bulk job.\n"
    )
    result = import_markdown(text)
    session = result.session
    assert [e.event for e in session.timeline] == [
        "Synthetic check alerted the on-call",
        "Purge job stopped",
    ]
    assert [(f.factor, f.description) for f in session.factors] == [
        ("The purge job had no rate limit.", ""),
        ("No origin alert", "origin load was not alerted on."),
    ]
    assert [t.text for t in session.lessons.takeaways] == ["Rate limits belong on every bulk job."]
    assert result.unplaced == [] and not session.team_sections


def test_every_part_a_heading_names_has_its_reader():
    assert set(SYNONYMS.values()) == set(READERS)


def test_times_people_write():
    clock = _Clock(day=dt.date(2021, 6, 8))
    assert parse_time("±17:20 text", clock)[1] is Precision.APPROXIMATE
    moment, precision, rest = parse_time("8:13 a.m. PST some errors", clock)
    assert moment == dt.datetime(2021, 6, 8, 16, 13, tzinfo=dt.UTC) and rest == "some errors"
    moment, precision, rest = parse_time("12 May: a deploy introduced the bug", clock)
    assert (moment.date(), precision, rest) == (
        dt.date(2021, 5, 12),
        Precision.DAY,
        "a deploy introduced the bug",
    )
    assert parse_minutes("24 hours and 11 minutes") == 1451
    assert parse_minutes("2h 30m") == 150 and parse_minutes("several hours") is None


def test_the_import_command_does_a_file_and_a_folder(tmp_path, capsys):
    for path in HAND.glob("*.md"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / ".pmtui.toml").write_text(
        '[[template.sections]]\nid = "apology"\ntitle = "Apology"\nrequired = true\n'
    )
    one = tmp_path / "one.toml"
    assert main(["import", str(tmp_path / "plain-timeline-list.md"), "-o", str(one)]) == 0
    assert load(one).team_sections[0].id == "apology"
    assert "not placed, kept in Import Notes: Impact:" in capsys.readouterr().err
    assert main(["import", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.glob("[!.]*.toml")) == [
        "guide-template-by-hand.toml",
        "one.toml",
        "plain-timeline-list.toml",
        "sre-book-headings.toml",
    ]
    sre = load(tmp_path / "sre-book-headings.toml")
    assert [s.id for s in sre.team_sections] == ["import-notes", "apology"]  # the team's, empty
    assert main(["import", str(tmp_path)]) == 2  # nothing is overwritten without --force
    assert "already exists" in capsys.readouterr().err


def test_a_dash_that_is_a_value_is_not_a_placeholder(example):
    """An owner written "-" exports escaped ("\\-") and reads back as itself; a bare "-" in
    a hand-written table is still "no owner"."""
    example.action_items[0].owner = "-"
    text = to_markdown(example)
    assert import_markdown(text).session.action_items[0].owner == "-"
    hand = text.replace("| \\- |", "| - |", 1)
    assert hand != text and import_markdown(hand).session.action_items[0].owner == ""


def test_action_items_under_other_read_back_without_a_group():
    from sessions.models import ActionItem, Session

    session = Session()
    session.action_items = [
        ActionItem(id=1, action="Write the status page runbook"),
        ActionItem(id=2, action="Add a replication lag alert", group="Technical"),
    ]
    text = to_markdown(session)
    back = import_markdown(text)
    assert back.unplaced == []
    assert {item.id: item.group for item in back.session.action_items} == {2: "Technical", 1: ""}
    _same(text, to_markdown(back.session))
    # A group the team called "Other" is one heading with the items without a group.
    session.action_items.insert(0, ActionItem(id=3, action="Review on-call load", group="Other"))
    text = to_markdown(session)
    assert text.count("### Other") == 1
    _same(text, to_markdown(import_markdown(text).session))
    # Alone, it is the team's own group and stays one.
    session.action_items = [ActionItem(id=3, action="Review on-call load", group="Other")]
    text = to_markdown(session)
    assert "### Other" in text
    back = import_markdown(text).session
    assert back.action_items[0].group == "Other"
    _same(text, to_markdown(back))


def test_a_time_no_clock_shows_is_kept_as_text_not_a_crash():
    source = (
        "# Incident\n\n## Timeline\n\n- 2021-05-12 14:05 +99:00 x\n- 0001-01-01 00:30 +05:00 y\n"
    )
    clock = _Clock(day=dt.date(2021, 6, 8))
    assert parse_time("0001-01-01 00:30 +05:00 y", clock) is None  # year 0 once in UTC
    result = import_markdown(source)
    assert result.session.timeline == []
    assert "+99:00 x" in result.session.team_sections[-1].text
    assert "0001-01-01 00:30 +05:00 y" in result.session.team_sections[-1].text


def test_the_meeting_date_and_attendees_are_exported_and_read_back(example):
    """The export said nothing of who was at the meeting (a tryout added four people and
    found none of them in the document)."""
    text = to_markdown(example)
    assert "**Date**: 2025-01-17" in text
    assert "**Attendees**: Priya Raman (facilitator), Tom Okafor (responder)" in text
    meeting = import_markdown(text).session.meeting
    assert meeting.date == example.meeting.date
    assert meeting.attendees == example.meeting.attendees and meeting.notes == ""
    # A name may hold a comma or brackets: the roles are what separate the people.
    example.meeting.attendees[0].name = "Raman, Priya (PR)"
    meeting = import_markdown(to_markdown(example)).session.meeting
    assert meeting.attendees == example.meeting.attendees
    text = to_markdown(example)
    # A line that only looks like it stays in the notes, as written.
    loose = text.replace("Ana Silva (service owner)", "Ana Silva, the DBA")
    meeting = import_markdown(loose).session.meeting
    assert meeting.attendees == [] and meeting.notes.startswith("**Attendees**: Raman, Priya")


def test_an_attendee_without_a_name_is_left_out_of_the_document():
    """Found by the round-trip property: a blank name exported as " (responder)" and came back
    as an attendee named "(responder), "."""
    session = Session()
    session.meeting.attendees = [
        Attendee(name=""),
        Attendee(name="Ana Silva", role=Role.NOTE_TAKER),
    ]
    text = to_markdown(session)
    assert "**Attendees**: Ana Silva (note taker)\n" in text
    result = import_markdown(text)
    assert [a.name for a in result.session.meeting.attendees] == ["Ana Silva"]
    _same(text, to_markdown(result.session))


def test_each_form_of_a_why_step_reads_back():
    """A step is its answer alone when it asks nothing of its own; a question is bold as a
    whole (earlier exports: "**Why?**" over the answer, or only "**Why**" in bold)."""
    session = Session()
    session.root_cause.whys[0].nodes = [
        WhyNode(id="w1", why="", because="Because the pool ran dry"),
        WhyNode(id="w2", parent="w1", why="Why was it dry?", because="Because of a slow query"),
        WhyNode(id="w3", parent="w2", why="", because="Because no index", root_cause=True),
    ]
    text = to_markdown(session)
    assert "1. Because the pool ran dry\n" in text
    assert "3. Because no index **(root cause)**" in text
    old = text.replace("1. Because the pool", "1. **Why?**\n   - Because the pool").replace(
        "**Why was it dry?**", "**Why** was it dry?"
    )
    for markdown in (text, old):
        nodes = import_markdown(markdown).session.root_cause.whys[0].nodes
        assert [(n.why, n.because, n.root_cause) for n in nodes] == [
            ("", "Because the pool ran dry", False),
            ("Why was it dry?", "Because of a slow query", False),
            ("", "Because no index", True),
        ]
