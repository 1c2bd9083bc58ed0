"""The domain side of the v2 editors: several problems, times typed in the display zone,
impact figures that keep the prose, the team's sections, and importing beside a session."""

import datetime as dt

import pytest

from sessions import load
from sessions.editing import SessionEditor, touches
from sessions.edits import add_why
from sessions.import_file import free_name, import_beside
from sessions.models import FiveWhys, ImpactEntry, Precision, Session, TeamSection, TimelineEvent
from sessions.part_values import apply_impact, impact_values
from sessions.paths import writable_at
from sessions.problems import add_problem, move_problem, problem_title, remove_problem
from sessions.team_sections import add_missing, document_order, missing
from sessions.template import SectionSpec, Template
from sessions.timeline import (
    display_zone,
    events_from_logs,
    incident_day,
    log_message,
    long_gaps,
    spans_days,
    zone_label,
)
from sessions.timeparse import canonical_zone, parse_when

BERLIN = dt.timezone(dt.timedelta(hours=1))


def test_problems_are_added_removed_and_moved_and_undo_puts_them_back():
    editor = SessionEditor(Session())
    root = editor.session.root_cause
    with editor.edit("root_cause.whys", "problem added"):
        assert add_problem(root, "Checkout errors") == 0  # the empty first analysis is used
    with editor.edit("root_cause.whys", "problem added"):
        assert add_problem(root, "Backups failed") == 1
    with editor.edit("root_cause.whys", "problem moved"):
        assert move_problem(root, 1, -1) == 0
    assert move_problem(root, 0, -1) is None
    with editor.edit("root_cause.whys[0]", "why added"):
        add_why(writable_at(editor.session, "root_cause.whys[0]"), "", "Why?", "No alert")
    assert [w.problem for w in root.whys] == ["Backups failed", "Checkout errors"]
    with editor.edit("root_cause.whys", "problem deleted"):
        assert remove_problem(root, 0) == 0
    assert [w.problem for w in root.whys] == ["Checkout errors"]
    editor.undo()
    editor.undo()
    editor.undo()  # the why went to a copy: the moved list's snapshot kept the old analysis
    assert [(w.problem, len(w.nodes)) for w in root.whys] == [
        ("Checkout errors", 0),
        ("Backups failed", 0),
    ]
    assert remove_problem(root, 0) == 0 and remove_problem(root, 0) == 0
    assert root.whys == [FiveWhys()]  # the last one is emptied, never gone
    assert problem_title(root.whys[0], 0) == "Problem 1 (not stated yet)"


def test_a_change_to_a_list_reaches_the_views_of_its_records():
    assert touches({"team_sections"}, frozenset({"team_sections[0].text"}))
    assert touches({"team_sections[0].text"}, frozenset({"team_sections"}))
    assert not touches({"team_sections[0].text"}, frozenset({"team_sections[1].text"}))


def test_times_without_an_offset_are_in_the_display_zone():
    zone = dt.timezone(dt.timedelta(hours=-8))
    day = dt.date(2017, 2, 28)
    assert parse_when("09:37", day, zone) == dt.datetime(2017, 2, 28, 17, 37, tzinfo=dt.UTC)
    assert parse_when("09:37Z", day, zone) == dt.datetime(2017, 2, 28, 9, 37, tzinfo=dt.UTC)
    assert parse_when("2017-02-28 09:37+01:00", None, zone).hour == 8
    assert parse_when("2017-02-28", None, BERLIN) == dt.datetime(2017, 2, 27, 23, tzinfo=dt.UTC)
    with pytest.raises(ValueError, match="not a real time"):
        parse_when("2017-02-30", None, zone)
    with pytest.raises(ValueError, match="not a time zone: \\+99:00"):
        parse_when("2017-02-28 09:37+99:00", None, zone)


def test_zone_names_are_checked_and_spelled_properly():
    assert canonical_zone(" europe/berlin ") == "Europe/Berlin"
    assert canonical_zone("") == ""
    with pytest.raises(ValueError, match="IANA name"):
        canonical_zone("Mars/Olympus")


def test_the_display_zone_decides_days_labels_and_the_day_a_bare_time_falls_on():
    session = Session()
    late = TimelineEvent(time=dt.datetime(2017, 3, 1, 2, 0, tzinfo=dt.UTC), event="x")
    session.timeline = [late]
    assert incident_day(session) == dt.date(2017, 3, 1)
    session.metadata.time_zone = "America/Los_Angeles"
    zone = display_zone(session)
    assert incident_day(session, zone) == dt.date(2017, 2, 28)
    assert zone_label(session) == "PST"
    early = late.model_copy(update={"time": late.time - dt.timedelta(hours=5)})
    assert spans_days([early, late]) and not spans_days([early, late], zone)
    day = late.model_copy(update={"precision": Precision.DAY})
    assert long_gaps([early, day]) == set()


def test_the_night_the_clocks_change_is_said_not_hidden():
    """02:30 on the night Berlin goes to summer time was stored as 01:30 UTC and shown as
    03:30 without a word, under a "Time CET" header and an export saying UTC+01:00."""
    import zoneinfo

    from sessions.markdown import to_markdown

    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    with pytest.raises(ValueError, match=r"02:30 did not happen on 2025-03-30 here.*\(03:30\?\)"):
        parse_when("2025-03-30 02:30", None, berlin)
    assert parse_when("2025-10-26 02:30", None, berlin).hour == 0  # twice that night: the first
    santiago = zoneinfo.ZoneInfo("America/Santiago")  # its clocks skip midnight
    assert parse_when("2025-09-07", None, santiago).astimezone(santiago).hour == 1  # a day
    events, skipped, _ = events_from_logs(
        "2025-03-30 02:30:15 app: x", dt.date(2025, 3, 29), berlin
    )
    assert (events, skipped) == ([], 1)  # not put on the 29th by its time alone
    session = Session()
    session.metadata.time_zone = "Europe/Berlin"
    session.timeline = [
        TimelineEvent(time=parse_when(f"2025-03-30 {clock}", None, berlin), event=clock)
        for clock in ("01:40", "03:10")
    ]
    assert zone_label(session) == "CET/CEST"
    text = to_markdown(session)
    assert "All times in Europe/Berlin (CET, UTC+01:00, then CEST, UTC+02:00)." in text


def test_a_log_line_becomes_its_message_and_what_wrote_it():
    """Pasted lines kept their level ("ERROR Database…") and were all written by "logs"."""
    assert log_message("ERROR Database connection timeout after 30s") == (
        "Database connection timeout after 30s",
        "",
    )
    assert log_message("[ERROR] payments-svc: card declines up") == (
        "card declines up",
        "payments-svc",
    )
    assert log_message("host app[12]: [warn] retrying") == ("retrying", "app")
    # the writer in brackets: it had stayed in the message, the actor "logs" (a tryout)
    assert log_message("ERROR [catalog-cdc] consumer group rebalanced") == (
        "consumer group rebalanced",
        "catalog-cdc",
    )
    assert log_message("ERROR [Errno 5] input/output error")[1] == ""
    assert log_message("api-gw-3 [search-api] INFO alias swapped") == (  # a host before it
        "alias swapped",
        "search-api",
    )
    assert log_message("Deploy [v2] started") == ("Deploy [v2] started", "")  # no level: words


def test_a_pasted_time_with_no_date_goes_on_the_day_the_lines_have_reached():
    """ "03:05:00 job passed", pasted after lines past midnight, landed a day early at the
    top of the timeline (a tryout); typed times already went on the later day."""
    import datetime as dt

    from sessions.timeline import events_from_logs

    lines = "2025-03-14T23:48:12Z alert\n2025-03-15T00:31:05Z ack\n03:05:00 [cron] job passed\n"
    events, _, _ = events_from_logs(lines, dt.date(2025, 3, 14))
    assert events[-1].time == dt.datetime(2025, 3, 15, 3, 5, tzinfo=dt.UTC)
    late = (
        dt.datetime(2025, 3, 14, 22, 0, tzinfo=dt.UTC),
        dt.datetime(2025, 3, 15, 1, 0, tzinfo=dt.UTC),
    )
    events, _, _ = events_from_logs("02:10 restored\n", dt.date(2025, 3, 14), span=late)
    assert events[0].time.date() == dt.date(2025, 3, 15)  # the timeline's, not the lines'
    events, _, _ = events_from_logs("09:00 a\n10:00 b\n", dt.date(2025, 3, 14))
    assert {e.time.date() for e in events} == {dt.date(2025, 3, 14)}
    assert log_message("WARN kube-scheduler: 0/3 nodes: no cpu") == (
        "0/3 nodes: no cpu",
        "kube-scheduler",
    )
    # A colon inside the message is not a source; a lone level is the message.
    assert log_message("Connection pool exhausted: 50/50") == (
        "Connection pool exhausted: 50/50",
        "",
    )
    assert log_message("INFO") == ("INFO", "")
    # A word only spelled like a level, or a capitalised word before a colon, is the message's.
    for message in ("Alert fired for checkout latency", "Error rate above 5%", "Status: degraded"):
        assert log_message(message) == (message, "")


def test_the_impact_form_keeps_the_description_and_the_entries():
    session = Session()
    session.impact.description = "Webhooks were *delayed*."
    session.impact.entries = [ImpactEntry(scope="webhooks", measure="queued", amount=5e6)]
    values = impact_values(session) | {"data_lost": "6 hours", "note": "over several times"}
    apply_impact(session, values)
    impact = session.impact
    assert impact.description == "Webhooks were *delayed*." and impact.entries[0].amount == 5e6
    assert (impact.user.data_lost, impact.slo.note) == ("6 hours", "over several times")


def test_the_templates_sections_are_added_once_and_read_in_document_order():
    template = Template(
        sections=(
            SectionSpec("faq", "Customer FAQ", after="customer_communication"),
            SectionSpec("apology", "Our Apology", after="summary", required=True),
        )
    )
    sections = [TeamSection(id="notes", title="Import Notes")]
    assert [s.id for s in missing(sections, template)] == ["faq", "apology"]
    assert [s.id for s in add_missing(sections, template)] == ["faq", "apology"]
    assert add_missing(sections, template) == []
    assert [sections[i].id for i in document_order(sections)] == ["apology", "faq", "notes"]


def test_import_beside_never_overwrites(tmp_path):
    source = tmp_path / "in" / "outage.md"
    source.parent.mkdir()
    source.write_text("# Outage\n\n## Executive Summary\n\nIt broke.\n", encoding="utf-8")
    (tmp_path / "outage.toml").write_text("taken")
    assert free_name(tmp_path, "outage").name == "outage-2.toml"
    template = Template(sections=(SectionSpec("apology", "Our Apology"),))
    target, result = import_beside(source, tmp_path, template)
    assert target.name == "outage-2.toml" and (tmp_path / "outage.toml").read_text() == "taken"
    saved = load(target)
    assert saved.summary == "It broke." and saved == result.session
    assert [s.id for s in saved.team_sections] == ["apology"]
