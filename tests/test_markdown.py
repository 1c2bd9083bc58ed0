import re
from pathlib import Path

from sessions import to_markdown
from sessions.models import ActionItem, Factor, Observation, Session, WhyNode

GOLDEN = Path(__file__).parent / "golden" / "example.md"

TEMPLATE_HEADINGS = [
    "## Metadata",
    "## Executive Summary",
    "## Impact",
    "### User Impact",
    "### Business Impact",
    "### SLO Impact",
    "## Timeline",
    "## Root Cause Analysis",
    "### What Happened",
    "### Why It Happened",
    "## Contributing Factors",
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


def test_parallel_chains_are_numbered(example):
    text = to_markdown(example)
    assert "#### Chain 1" in text and "#### Chain 2" in text
    assert "Steps 1–2 are shared with the chains above." in text


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
    nasty = "a | b\nsecond `line` <script>alert(1)</script> [link](http://x) ![i](y) # no\x07"
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
    assert not re.search(r"(?<!\\)\]\(", text)  # no link can form
    assert "\n# Heading" not in text and "\n===" not in text
    assert "\x07" not in text and "␇" in text
    assert text.count("\n# ") == 0  # only the title is a level-1 heading
    assert text.startswith("# Postmortem: \\# \\[Incident Title\\]")


def test_logs_with_backticks_get_a_longer_fence():
    session = Session()
    session.supporting.logs = "```\nnot the end\n````"
    text = to_markdown(session)
    assert "`````\n```\nnot the end\n````\n`````" in text


def test_empty_required_parts_say_so_and_optional_parts_are_left_out():
    text = to_markdown(Session())
    assert text.count("Not written yet") >= 8
    for optional in ("## Where We Got Lucky", "## Lessons Learned", "## Appendix", "### Fishbone"):
        assert optional not in text


def test_root_cause_line_falls_back_to_marked_nodes():
    session = Session()
    session.root_cause.whys.nodes = [WhyNode(id="w1", why="Why?", because="Gap", root_cause=True)]
    assert "**Root Cause**: Gap" in to_markdown(session)
