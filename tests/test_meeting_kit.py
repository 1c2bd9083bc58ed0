"""The facilitator's kit in the domain: agenda presets, the parking lot, the close summary,
and how they reach the file and the export."""

import datetime as dt

import pytest

from pmtui.cli import main
from sessions import load, to_markdown
from sessions.agendas import BUILT_IN, MeetingConfig, apply_preset, parse_meeting
from sessions.checks.config import load_config
from sessions.close import END, close_summary, with_summary
from sessions.close import to_markdown as close_markdown
from sessions.errors import SessionFileError
from sessions.importer import import_markdown
from sessions.models import ActionItem, IdeaStatus, Meeting, SectionKind
from sessions.parking import describe, dropped, made_action, open_ideas, park

TODAY = dt.date(2025, 1, 20)


# --- agenda presets -----------------------------------------------------------------------


def test_the_built_in_presets_are_the_guides_meetings():
    minutes = {preset.name: preset.minutes for preset in BUILT_IN}
    assert minutes == {"guide": 80, "debrief": 60, "review": 30}
    review = next(p for p in BUILT_IN if p.name == "review")
    assert [s.minutes for s in review.sections] == [5, 15, 10]  # summary, Q&A, lessons
    debrief = next(p for p in BUILT_IN if p.name == "debrief")
    share = lambda p: p.sections[0].minutes / p.minutes  # noqa: E731
    assert share(debrief) > share(BUILT_IN[0])  # more of it on the timeline


def test_a_new_agenda_opens_by_setting_the_stage_unless_the_team_says_not():
    agenda = MeetingConfig().new_agenda("debrief")
    assert agenda[0].kind is SectionKind.OPENING and agenda[0].planned_minutes == 3
    assert MeetingConfig(opening_minutes=0).new_agenda()[0].kind is not SectionKind.OPENING
    with pytest.raises(ValueError, match="guide, debrief, review"):
        MeetingConfig().new_agenda("nope")


def test_a_team_defines_its_own_presets_in_pmtui_toml(tmp_path):
    config = tmp_path / ".pmtui.toml"
    config.write_text(
        """
[meeting]
opening_minutes = 5
agenda = "sev3"

[[meeting.agendas]]
name = "sev3"
title = "Short debrief"
sections = [
    { kind = "timeline_review", minutes = 10 },
    { kind = "action_items", title = "Actions", minutes = 10 },
]
""",
        encoding="utf-8",
    )
    meeting = load_config(config).meeting
    assert meeting.names() == ["guide", "debrief", "review", "sev3"]
    agenda = meeting.new_agenda()
    assert [(s.title, s.planned_minutes) for s in agenda] == [
        ("Set the stage", 5),
        ("Timeline review", 10),
        ("Actions", 10),
    ]
    assert main(["new", str(tmp_path / "a.toml")]) == 0
    assert [s.title for s in load(tmp_path / "a.toml").meeting.agenda][-1] == "Actions"
    assert main(["new", str(tmp_path / "b.toml"), "--agenda", "review"]) == 0
    assert load(tmp_path / "b.toml").meeting.agenda[1].kind is SectionKind.SUMMARY


@pytest.mark.parametrize(
    ("table", "where"),
    [
        ({"opening_minutes": 90}, "meeting.opening_minutes"),
        ({"agenda": "missing"}, "meeting.agenda"),
        ({"agendas": [{"name": "a b", "sections": []}]}, "meeting.agendas[0].name"),
        ({"agendas": [{"name": "x", "sections": [{"kind": "lunch", "minutes": 5}]}]}, "kind"),
        ({"agendas": [{"name": "x", "sections": [{"minutes": -1}]}]}, "minutes"),
        ({"agendas": [{"name": "x", "sections": [{"minutes": 1, "colour": 2}]}]}, "colour"),
        ({"oops": 1}, "meeting.oops"),
    ],
)
def test_a_mistake_in_the_meeting_table_names_the_key(tmp_path, table, where):
    with pytest.raises(SessionFileError, match=r"meeting"):
        parse_meeting(table, tmp_path / ".pmtui.toml")
    try:
        parse_meeting(table, tmp_path / ".pmtui.toml")
    except SessionFileError as error:
        assert where in str(error)


def test_pmtui_new_refuses_an_unknown_agenda(tmp_path, capsys):
    assert main(["new", str(tmp_path / "a.toml"), "--agenda", "standup"]) == 2
    assert "guide, debrief, review" in capsys.readouterr().err


def test_a_preset_keeps_the_time_spent_and_the_section_in_progress():
    meeting = Meeting()
    meeting.agenda[0].spent_seconds = 600
    meeting.current = 1
    apply_preset(meeting, MeetingConfig().new_agenda("debrief"))
    assert meeting.agenda[1].kind is SectionKind.TIMELINE_REVIEW
    assert meeting.agenda[1].spent_seconds == 600
    assert meeting.agenda[meeting.current].kind is SectionKind.CONTRIBUTING_FACTORS


# --- the parking lot ----------------------------------------------------------------------


def test_ideas_are_parked_then_made_actions_or_dropped(example):
    meeting = example.meeting
    first = park(meeting, " Add a TLS expiry monitor ", "Tom Okafor", "Timeline review")
    second = park(meeting, "Rewrite it in Rust", "Jonas Berg", "Timeline review")
    park(meeting, "Page the DBA earlier")
    item = ActionItem(id=example.next_action_id(), action="Add a TLS expiry monitor")
    made_action(meeting, first, item)
    dropped(meeting, second, "Out of scope for this incident")
    assert [describe(i) for i in meeting.parking_lot] == [
        "action 6",
        "dropped: Out of scope for this incident",
        "open",
    ]
    assert [i.idea for i in open_ideas(meeting)] == ["Page the DBA earlier"]


def test_open_ideas_are_in_the_export_and_read_back(example):
    park(example.meeting, "Add a | TLS `expiry` monitor\nwith <b>", "Tom | O", "Timeline review")
    park(example.meeting, "Done already")
    example.meeting.parking_lot[1] = example.meeting.parking_lot[1].model_copy(
        update={"status": IdeaStatus.DROPPED}
    )
    text = to_markdown(example)
    assert "### Parking Lot" in text and "Done already" not in text
    back = import_markdown(text)
    assert back.unplaced == []
    assert to_markdown(back.session) == text
    idea = back.session.meeting.parking_lot[0]
    assert (idea.raised_by, idea.section) == ("Tom | O", "Timeline review")


# --- the close ----------------------------------------------------------------------------


def test_the_close_summary_says_time_owners_gaps_ideas_and_deadlines(example):
    example.meeting.agenda[0].spent_seconds = 23 * 60 + 10
    example.meeting.agenda[1].spent_seconds = 19 * 60
    example.meeting.agenda[4].spent_seconds = 15 * 60 + 7  # any time over is over
    example.meeting.agenda[3].spent_seconds = 14 * 60 + 30  # under by less than a minute
    example.action_items[1] = example.action_items[1].model_copy(update={"owner": "", "due": None})
    park(example.meeting, "Add a TLS expiry monitor", "Tom Okafor", "Timeline review")
    text = close_markdown(close_summary(example, TODAY))
    assert "| Timeline review | 20 min | 23:10 | +3:10 |" in text
    assert "| Contributing factors | 20 min | 19:00 | −1:00 |" in text
    # Passed on to a later section without time of its own: skipped, not "not reached".
    assert "| What went well | 10 min | — | skipped |" in text
    assert "| What could be improved | 15 min | 14:30 | on plan |" in text
    assert "| Action items | 15 min | 15:07 | +0:07 |" in text
    assert "| **Total** | **80 min** | **71:47** | −8:13 |" in text  # the whole meeting
    assert "| 2 | Configure a 5-second statement timeout" in text and "_no owner_" in text
    assert "**Without an owner or a due date (1)**: 2 (no owner, no due date)" in text
    assert "- Add a TLS expiry monitor (Tom Okafor, Timeline review)" in text
    assert "draft 2025-01-17 (48 hours after the incident) — passed" in text
    assert "review 2025-01-22 (5 business days);" in text
    assert "publication 2025-01-24 (7 business days)." in text
    for section in example.meeting.agenda:
        section.spent_seconds = 0
    nothing = close_markdown(close_summary(example, TODAY))  # closed before it began
    assert "| **Total** | **80 min** | **0:00** | — |" in nothing
    assert nothing.count("| not reached |") == len(example.meeting.agenda)
    example.meeting.agenda[0].spent_seconds = 60  # stopped after the first section
    early = close_markdown(close_summary(example, TODAY))
    assert early.count("| not reached |") == len(example.meeting.agenda) - 1


def test_the_export_says_the_close_in_a_line_while_the_meeting_is_closed(example):
    """The summary's time table and its copies of the action items and the parked ideas read
    as a tool's log at the end of the document: one line says the close instead."""
    from sessions.close import write_summary
    from sessions.editing import SessionEditor
    from sessions.importer import import_markdown

    example.meeting.notes = "Notes from the room."
    park(example.meeting, "Add a TLS expiry monitor", "Tom Okafor", "Timeline review")
    for section in example.meeting.agenda:
        section.spent_seconds = 4 * 60 + 50
    write_summary(SessionEditor(example), TODAY)
    text = to_markdown(example)
    meeting = text[text.index("## Postmortem Meeting") :]
    assert f"**Meeting closed** on {TODAY.isoformat()}, after 24 of 80 planned minutes." in meeting
    assert "Notes from the room." in meeting and "Close of the meeting" not in meeting
    assert meeting.count("Add a TLS expiry monitor") == 1  # in the parking lot only
    assert "Written by pmtui" not in text and "Against plan" not in text
    assert to_markdown(import_markdown(text).session) == text
    example.meeting.agenda[0].spent_seconds += 60  # resumed since: not closed any more
    resumed = to_markdown(example)
    assert "**Meeting closed**" not in resumed and "### Close of the meeting" in resumed


def test_the_next_deadlines_are_the_action_items_due_dates_with_or_without_incident_date():
    from sessions.models import ActionStatus, Session

    session = Session()
    assert "**Next deadlines**: none — there are no action items yet." in close_markdown(
        close_summary(session, TODAY)
    )
    session.action_items = [
        ActionItem(id=1, action="a", owner="Lin Wei", due=dt.date(2025, 2, 11)),
        ActionItem(id=2, action="b", owner="Sam Okafor", due=dt.date(2025, 1, 18)),
        ActionItem(id=3, action="c", due=dt.date(2025, 1, 1), status=ActionStatus.DONE),
        ActionItem(id=4, action="d", owner="Ann", due=dt.date(2025, 3, 1)),
        ActionItem(id=5, action="e", owner="Bo", due=dt.date(2025, 4, 1)),
        ActionItem(id=6, action="f", owner="Cy"),
    ]
    text = close_markdown(close_summary(session, TODAY))
    assert session.metadata.date is None
    assert "set the incident date to know them" not in text
    assert (
        "**Next deadlines** (open action items): action 2 by 2025-01-18 (Sam Okafor) — passed; "
        "action 1 by 2025-02-11 (Lin Wei); action 4 by 2025-03-01 (Ann); 1 more later."
    ) in text
    # The document's own deadlines are the ones that need the incident date.
    assert "**Postmortem deadlines**: set the incident date" in text
    session.metadata.date = dt.date(2025, 1, 15)
    text = close_markdown(close_summary(session, TODAY))
    assert "**Postmortem deadlines** (from the guide): draft 2025-01-17" in text
    for item in session.action_items:
        item.due = None
    text = close_markdown(close_summary(session, TODAY))
    assert "**Next deadlines**: none — no open action item has a due date yet." in text
    for item in session.action_items:
        item.status = ActionStatus.DONE
    text = close_markdown(close_summary(session, TODAY))
    assert "**Next deadlines**: none — no action item is still open." in text


def test_closing_again_rewrites_the_summary_and_keeps_the_notes_around_it(example):
    first = close_markdown(close_summary(example, TODAY))
    notes = with_summary("Before.", first) + "\n\nAfter."
    example.meeting.agenda[0].spent_seconds = 60
    second = close_markdown(close_summary(example, TODAY))
    again = with_summary(notes, second)
    assert again.startswith("Before.\n\n") and again.endswith("\n\nAfter.")
    assert again.count(END) == 1 and "1:00" in again
    # After an export and import the closing line has other emphasis marks: still found.
    example.meeting.notes = notes
    imported = import_markdown(to_markdown(example)).session.meeting.notes
    assert with_summary(imported, second).count("### Close of the meeting") == 1
