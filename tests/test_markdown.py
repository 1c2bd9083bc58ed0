import datetime as dt
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions import to_markdown
from sessions.models import (
    ActionItem,
    ActionStatus,
    Factor,
    FiveWhys,
    Marker,
    Observation,
    Precision,
    Session,
    TeamSection,
    TimelineEvent,
    WhyNode,
)
from sessions.prose import MD

GOLDEN = Path(__file__).parent / "golden" / "example.md"

TEMPLATE_HEADINGS = [
    "## Metadata",
    "## Executive Summary",
    "## Impact",
    "### User Impact",
    "### Business Impact",
    "### SLO Impact",
    "### Impact by Component or Region",
    "## Timeline",
    "## Root Cause Analysis",
    "### What Happened",
    "### Trigger",
    "### Why It Happened",
    "## Contributing Factors",
    "## Detection",
    "## Resolution",
    "## Customer Communication",
    "## What Went Well",
    "## What Went Poorly",
    "## Where We Got Lucky",
    "## Action Items",
    "### Action Item Types",
    "## Lessons Learned",
    "### Key Takeaways",
    "### Recommendations for Broader Organization",
    "## Supporting Information",
    "### Relevant Logs",
    "### Relevant Metrics",
    "### Related Incidents",
    "## Appendix",
    "### Glossary",
    "### References",
]


def test_golden_export_of_the_example(example):
    assert to_markdown(example) == GOLDEN.read_text(encoding="utf-8")


def test_headings_follow_the_template_in_order(example):
    text = to_markdown(example)
    positions = [text.index(heading + "\n") for heading in TEMPLATE_HEADINGS]
    assert positions == sorted(positions)
    assert text.startswith("# Postmortem: Checkout errors")
    assert "All times in UTC." in text
    assert "**Root Cause**: Deployment process lacks verification" in text
    assert text.index("### Fishbone") < text.index("## Contributing Factors")


def test_a_branch_starts_where_it_leaves_the_shared_steps(example):
    text = to_markdown(example)
    assert "**Chain 1**" in text
    assert "**Chain 2**, from step 2 of chain 1:\n\n3. **Why could one query" in text
    assert text.count("was the connection pool exhausted?") == 1  # shared steps shown once


def test_because_keeps_names_and_lowers_only_ordinary_words():
    session = Session()
    session.root_cause.whys[0].nodes = [
        WhyNode(id="w1", why="Why down?", because="GitLab.com was down"),
        WhyNode(id="w2", parent="w1", why="Why?", because="Azure disk snapshots failed"),
        WhyNode(id="w3", parent="w2", why="Why?", because="The backup job had not run"),
        WhyNode(id="w4", parent="w3", why="Why?", because="Validation was skipped"),
        WhyNode(id="w5", parent="w4", why="Why was validation skipped?", because="Postgres"),
    ]
    session.root_cause.what_happened = "The azure-backup job and postgres-primary stopped."
    text = to_markdown(session)
    assert "Because GitLab.com was down" in text
    assert "Because Azure disk snapshots failed" in text  # "azure-backup" is not the word
    assert "Because the backup job had not run" in text
    # An ordinary word the analysis writes in lower case elsewhere, not only the listed ones.
    assert "Because validation was skipped" in text
    assert "Because Postgres" in text
    # a step without its own question is its answer alone; a question is bold as a whole
    assert "\n2. Because Azure disk snapshots failed\n" in text
    # A word written in lower case anywhere in the document is ordinary ("Because Chain…").
    session.root_cause.whys[0].nodes[1].because = "Chain validation failed"
    assert "Because Chain validation" in to_markdown(session)
    session.summary = "A bad certificate chain took the edge down."
    assert "Because chain validation failed" in to_markdown(session)
    # an action item counts too ("Retries" stayed capitalised beside "because the proxy")
    session.root_cause.whys[0].nodes[2].because = "Retries from checkout amplified the load"
    assert "Because Retries" in to_markdown(session)
    session.action_items = [ActionItem(id=1, action="Add backoff to checkout retries")]
    assert "Because retries from checkout" in to_markdown(session)
    session.timeline = [  # not a pasted log line: names are written in lower case there
        TimelineEvent(time=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), event="postgres: refused")
    ]
    assert "Because Postgres" in to_markdown(session)
    session.root_cause.whys[0].nodes[2].because = "Bad config pushed"  # an adjective
    assert "Because bad config pushed" in to_markdown(session)
    assert "**Why?**" not in text and "**Why**: Why?" not in text
    assert "5. **Why was validation skipped?**\n   - Because Postgres" in text


def test_each_problem_has_its_own_heading_and_chains():
    session = Session()
    session.root_cause.whys = [
        FiveWhys(problem="Replication stopped", nodes=[WhyNode(id="w1", why="Why?")]),
        FiveWhys(problem="Backups had failed", nodes=[WhyNode(id="w1", why="Why no backups?")]),
    ]
    text = to_markdown(session)
    assert "#### Problem 1: Replication stopped" in text
    assert "#### Problem 2: Backups had failed" in text
    assert "Problem**:" not in text


def test_title_is_not_prefixed_twice():
    session = Session()
    session.metadata.title = "Postmortem of database outage of January 31"
    assert to_markdown(session).startswith("# Postmortem of database outage of January 31\n")
    session.metadata.title = "Checkout errors"
    assert to_markdown(session).startswith("# Postmortem: Checkout errors\n")


def test_a_marker_typed_into_the_event_too_is_said_once():
    """The form's example read "Alert fired: CheckoutErrorRate" beside a Marker field; typed
    so, the export said "**Alert fired**: Alert fired: …" (a tryout)."""
    session = Session()
    at = dt.datetime(2026, 11, 20, 14, 6, tzinfo=dt.UTC)
    session.timeline = [
        TimelineEvent(time=at, event=text, marker=Marker.ALERT_FIRED)
        for text in (
            "alert fired: CheckoutLatencyP99 over 3 s",
            "Alert firedness is not it",
            "Alert fired:",
        )
    ]
    text = to_markdown(session)
    assert "| **Alert fired**: CheckoutLatencyP99 over 3 s |" in text
    assert "| **Alert fired**: Alert firedness is not it |" in text
    assert "| **Alert fired**: Alert fired: |" in text  # the marker alone: not left empty


def test_day_only_and_approximate_times():
    session = Session()
    session.metadata.date = dt.date(2021, 6, 8)
    session.timeline = [
        TimelineEvent(
            time=dt.datetime(2021, 5, 12, tzinfo=dt.UTC),
            precision=Precision.DAY,
            event="A software deploy introduced the bug",
        ),
        TimelineEvent(
            time=dt.datetime(2021, 6, 8, 9, 47, tzinfo=dt.UTC),
            event="Outage starts",
            marker=Marker.ISSUE_STARTED,
        ),
        TimelineEvent(
            time=dt.datetime(2021, 6, 8, 9, 58, tzinfo=dt.UTC),
            precision=Precision.APPROXIMATE,
            event="Cause identified",
        ),
        TimelineEvent(time=dt.datetime(2021, 6, 8, 10, 2, tzinfo=dt.UTC), event="Fix deployed"),
    ]
    text = to_markdown(session)
    assert "| 2021-05-12 | A software deploy introduced the bug |" in text
    assert "00:00" not in text
    # The gap is a row of its own: at the end of the event it read as part of it.
    gap = "| ⋮ | _11 min with no event_ |\n| ≈ 2021-06-08 09:58 | Cause identified |"
    assert gap in text
    assert text.count("with no event") == 1  # none between the day-only event and the next
    session.timeline.pop()  # two events: the time between them is the story, not a gap in it
    assert "with no event" not in to_markdown(session)


def test_the_timeline_has_an_actor_or_evidence_column_only_if_an_event_fills_it():
    from sessions.importer import import_markdown

    session = Session()
    session.timeline = [
        TimelineEvent(time=dt.datetime(2025, 1, 15, 14, m, tzinfo=dt.UTC), event=f"e{m}", actor=a)
        for m, a in ((1, "on-call"), (2, ""))
    ]
    text = to_markdown(session)
    assert "| Time | Event | Actor |\n" in text and "Evidence" not in text
    assert import_markdown(text).session.timeline[0].actor == "on-call"
    session.timeline[1].evidence = "dashboard"
    assert "| Time | Event | Actor | Evidence |\n" in to_markdown(session)


def test_display_zone_is_named_and_times_are_shown_in_it():
    session = Session()
    session.metadata.time_zone = "America/Los_Angeles"
    session.metadata.date = dt.date(2017, 2, 28)
    session.timeline = [
        TimelineEvent(time=dt.datetime(2017, 2, 28, 17, 37, tzinfo=dt.UTC), event="x")
    ]
    text = to_markdown(session)
    assert "All times in America/Los_Angeles (PST, UTC-08:00)." in text
    assert "| 09:37 | x |" in text


def test_long_durations_keep_their_minutes(example):
    example.impact.user.duration_minutes = 24 * 60 + 11
    example.timeline[-1].time += dt.timedelta(days=1)
    text = to_markdown(example)
    assert "- **Duration**: 24 hours 11 minutes" in text
    assert "- **Total duration**: 24 h 53 min" in text


def test_prose_markdown_comes_out_as_markdown():
    session = Session()
    session.summary = (
        "1. first\n2. second\n\nThe regex `(?:.*=.*)` and *emphasis*, see "
        "https://example.com/x and [docs](https://docs.example.com).\n\n```\ncode here\n```"
    )
    text = to_markdown(session)
    html = MD.render(text)
    assert "<ol>" in html and "<li>first</li>" in html
    assert "<code>(?:.*=.*)</code>" in html and "<em>emphasis</em>" in html
    assert (
        '<a href="https://example.com/x">' in html and '<a href="https://docs.example.com">' in html
    )
    assert "<pre><code>code here" in html


def test_done_action_items_and_groups():
    session = Session()
    session.action_items = [
        ActionItem(id=1, action="Add a replication lag alert", group="Technical"),
        ActionItem(
            id=2,
            action="Practise the restore every quarter",
            group="Organisational",
            status=ActionStatus.DONE,
            type="Process",
            rationale="Nobody had restored from the backups.\n\n- it takes 18 hours",
        ),
    ]
    text = to_markdown(session)
    assert "### Technical\n\n| ID | Action | Type | Status |" in text
    assert "### Organisational" in text
    assert (
        "- **Why action 2**\n\n  Nobody had restored from the backups.\n\n  - it takes 18 hours"
        in text
    )
    assert "| Owner |" not in text and "| Due Date |" not in text  # no empty columns


def test_team_sections_go_where_they_belong():
    session = Session()
    session.summary = "It broke."
    session.team_sections = [
        TeamSection(id="apology", title="Our Apology", after="summary", text="We are sorry."),
        TeamSection(id="faq", title="Customer FAQ", text="**Q**: was data lost? No."),
        TeamSection(id="empty", title="Left Out", text=""),
    ]
    text = to_markdown(session)
    assert text.index("## Executive Summary") < text.index("## Our Apology")
    assert "## Customer FAQ" in text and "## Left Out" not in text


def _table_rows(text: str, header_start: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def test_hostile_text_never_breaks_tables_or_becomes_markup():
    nasty = "a | b\nsecond `line` <script>alert(1)</script> [link](javascript:x) # no\x07"
    session = Session()
    session.metadata.title = "# [Incident Title](javascript:x) <b>"
    session.summary = "# Heading?\n===\n<div>html</div>\n- ok list"
    session.factors = [Factor(id="F1", factor=nasty, description=nasty, type="|")]
    session.action_items = [ActionItem(id=1, action=nasty, owner="@a|b")]
    session.went_well = [Observation(area="**x**", text=nasty)]
    text = to_markdown(session)
    for header in ("| Factor |", "| ID |"):
        rows = _table_rows(text, header)
        widths = {_cells(row) for row in rows}
        assert len(widths) == 1, rows
    assert "<script>" not in text and "<div>" not in text and "<b>" not in text
    html = MD.render(text)
    assert "<script>" not in html and "<div>" not in html and "<b>" not in html
    assert 'href="javascript' not in html  # an unsafe link stays text
    assert "\n# Heading" not in text and "\n===" not in text
    assert "\x07" not in text and "␇" in text
    assert text.count("\n# ") == 0  # only the title is a level-1 heading
    assert text.startswith("# Postmortem: \\# \\[Incident Title\\](javascript:x)")


def test_logs_with_backticks_get_a_longer_fence():
    session = Session()
    session.supporting.logs = "```\nnot the end\n````"
    text = to_markdown(session)
    assert "`````\n```\nnot the end\n````\n`````" in text


def test_empty_parts_are_left_out_and_nothing_says_not_written_yet():
    text = to_markdown(Session())
    assert "Not written yet" not in text and "⚠" not in text
    for left_out in ("## Executive Summary", "## Timeline", "## Action Items", "### Fishbone"):
        assert left_out not in text
    assert "| **Incident ID** |" not in text


def test_root_cause_line_falls_back_to_marked_nodes():
    session = Session()
    session.root_cause.whys[0].nodes = [
        WhyNode(id="w1", why="Why?", because="Gap", root_cause=True)
    ]
    assert "**Root Cause**: Gap" in to_markdown(session)
    # Two marked answers make one sentence: the second goes on in lower case, names kept.
    session.root_cause.whys[0].nodes += [
        WhyNode(id="w2", why="Why is alert routing unchecked?", because="Nobody owns it"),
        WhyNode(id="w3", parent="w2", why="Why?", because="Alert routing is unchecked"),
        WhyNode(id="w4", parent="w2", why="Why?", because="PagerDuty drops it", root_cause=True),
    ]
    session.root_cause.whys[0].nodes[2].root_cause = True
    text = to_markdown(session)
    assert "**Root Cause**: Gap; alert routing is unchecked; PagerDuty drops it" in text


hostile = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("\n|`<>#*_[]()!-=+.1~&\\\x07")),
        st.sampled_from(["<br>", "</td>", "<script>", "# ", "\n## x\n", "| a |\n|---|\n", "```"]),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile, hostile, hostile)
def test_hostile_text_anywhere_keeps_the_document_whole(prose, short, name):
    """Whatever is typed: no HTML, no heading above its section, every table row whole."""
    session = Session()
    session.metadata.title = short
    session.summary = prose
    session.root_cause.what_happened = prose
    session.timeline = [
        TimelineEvent(time=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), event=short, actor=name)
    ]
    session.factors = [Factor(id="F1", factor=name, description=short, type=name)]
    session.action_items = [ActionItem(id=1, action=short, owner=name, rationale=prose)]
    session.went_well = [Observation(area=name, text=short)]
    session.team_sections = [TeamSection(id="t", title=name, text=prose)]
    tokens = MD.parse(to_markdown(session))
    assert not [t for t in tokens if t.type.startswith("html")]
    assert [t.tag for t in tokens if t.type == "heading_open"].count("h1") == 1
    level = 1
    for token in tokens:
        if token.type == "heading_open" and token.level == 0:
            level = int(token.tag[1])
    # every table keeps its columns: each row has as many cells as its header
    widths: list[int] = []
    for token in tokens:
        if token.type == "tr_open":
            widths.append(0)
        elif token.type in ("th_open", "td_open"):
            widths[-1] += 1
        elif token.type == "table_close":
            assert len(set(widths)) == 1, widths
            widths = []
    assert level >= 2


def test_action_items_without_a_group_come_last_under_other():
    session = Session()
    session.action_items = [
        ActionItem(id=1, action="Write the status page runbook"),
        ActionItem(id=2, action="Add a replication lag alert", group="Technical"),
        ActionItem(id=3, action="Page the database team too"),
    ]
    text = to_markdown(session)
    section = text[text.index("## Action Items") :]
    # Every table has a heading: nothing sits between the section heading and the first group.
    assert section.startswith("## Action Items\n\n### Technical\n\n| ID |")
    other = section.index("### Other\n\n| ID |")
    assert section.index("| 2 |") < other < section.index("| 1 |") < section.index("| 3 |")
    # Without any group there is one table and no heading.
    for item in session.action_items:
        item.group = ""
    assert "###" not in to_markdown(session).split("## Action Items")[1]


def test_the_exported_fishbone_cuts_no_words():
    from sessions.fishbone_art import render_fishbone
    from sessions.models import Cause, Fishbone, FishboneCategory

    long_cause = "Manual cert renewal via calendar reminder owned by a team that was reorganised"
    sub = "The reminder went to a mailing list nobody read after the reorganisation in March"
    problem = "Checkout failed for 40 minutes while the payment gateway rejected every call"
    session = Session()
    session.root_cause.fishbone = Fishbone(
        problem=problem,
        categories=[
            FishboneCategory(name="People"),
            FishboneCategory(name="Process", causes=[Cause(text=long_cause, sub_causes=[sub])]),
            FishboneCategory(name="Technology"),
            FishboneCategory(name="Environment"),
        ],
    )
    text = to_markdown(session)
    art = re.search(r"```text\n(.*?)\n```", text, re.S)[1]
    assert "…" not in art
    assert all(len(line) <= 100 for line in art.splitlines())
    words = " ".join(art.split())
    for said in (long_cause, sub, problem):
        assert all(word in words for word in said.split())
    assert f"- {long_cause}\n  - {sub}" in text  # and listed in full after the drawing
    # The widget's compact drawing still cuts to fit.
    assert any("…" in line for line in render_fishbone(session.root_cause.fishbone, 80))


def test_a_causes_sub_causes_branch_off_it_and_the_last_ends_the_branch():
    from sessions.fishbone_art import render_fishbone
    from sessions.models import Cause, Fishbone, FishboneCategory

    cause = Cause(text="Pool alert at 100%", sub_causes=["Copied threshold", "No review"])
    fishbone = Fishbone(
        problem="Errors", categories=[FishboneCategory(name="Tech", causes=[cause])]
    )
    lines = [line.strip() for line in render_fishbone(fishbone, 80)]
    assert lines[:4] == ["TECH", "├ Pool alert at 100%", "│  ├ Copied threshold", "│  └ No review"]
