"""Real public postmortems (tests/corpus/postmortems/README.md) fit: they load, check, export
and render with the structure of the original."""

import datetime as dt
from pathlib import Path

import pytest

from sessions import load, to_markdown
from sessions.checks import run_checks
from sessions.importer import import_markdown
from sessions.prose import MD

CORPUS = Path(__file__).parent / "corpus" / "postmortems"
TODAY = dt.date(2026, 1, 1)

#: The parts of each original, as the export's headings (level 2, and level 3 where telling).
STRUCTURE = {
    "stripe-2019-07-10": [
        "Executive Summary", "Background", "Impact", "Impact by Component or Region",
        "Timeline", "Root Cause Analysis", "What Happened", "Trigger", "Why It Happened",
        "Problem 1: First window: the API failed for 27 minutes",
        "Problem 2: Second window: the API failed for 93 minutes",
        "Contributing Factors", "Customer Communication", "Action Items", "Lessons Learned",
    ],
    "cloudflare-2020-07-17": [
        "Executive Summary", "Background", "Impact", "Impact by Component or Region",
        "Timeline", "Root Cause Analysis", "What Happened", "Trigger", "Why It Happened",
        "Contributing Factors", "Resolution", "Customer Communication", "What Went Well",
        "What Went Poorly", "Action Items",
    ],
    "slack-2021-01-04": [
        "Executive Summary", "Background", "Impact", "Timeline", "Key Intervals",
        "Root Cause Analysis", "What Happened", "Trigger", "Why It Happened",
        "Contributing Factors", "Detection", "Resolution", "Customer Communication",
        "What Went Well", "What Went Poorly", "Action Items",
    ],
    "roblox-2021-10-28": [
        "Executive Summary", "Background", "Impact", "Timeline", "Root Cause Analysis",
        "What Happened", "Trigger", "Why It Happened",
        "Problem 1: Consul's leaders slowed until services could not find each other",
        "Problem 2: Some leaders stayed slow after streaming was disabled",
        "Contributing Factors", "Detection", "Resolution", "Customer Communication",
        "What Went Well", "What Went Poorly", "Where We Got Lucky", "Action Items", "Consul",
        "Monitoring and recovery", "Architecture",
    ],
    "facebook-2021-10-04": [
        "Executive Summary", "Background", "Impact", "Timeline", "Root Cause Analysis",
        "What Happened", "Trigger", "Why It Happened", "Contributing Factors", "Detection",
        "Resolution", "What Went Well", "What Went Poorly", "Action Items", "Lessons Learned",
    ],
}  # fmt: skip


def test_the_corpus_has_at_least_five_postmortems_with_sources():
    files = sorted(CORPUS.glob("*.toml"))
    assert len(files) >= 5
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for path in files:
        assert path.name in readme
        assert path.read_text(encoding="utf-8").startswith("# Transcribed from https://")


@pytest.mark.parametrize("name", sorted(STRUCTURE))
def test_a_real_postmortem_fits(name):
    session = load(CORPUS / f"{name}.toml")
    # Every finding the checks raise is one the file accepts with a reason, except the triage
    # verdict (information): no source states a severity.
    live = [f for f in run_checks(session, today=TODAY) if not f.accepted]
    assert [f.rule.id for f in live] == ["TR001"]
    text = to_markdown(session)
    tokens = MD.parse(text)
    headings = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag in ("h2", "h3", "h4")
    ]
    wanted = STRUCTURE[name]
    found = [h for h in headings if h in wanted]
    assert found == wanted, headings
    assert not [t for t in tokens if t.type.startswith("html")]
    assert "Not written yet" not in text and "00:00 |" not in text
    # and it reads back: export, import, export gives the same document
    assert to_markdown(import_markdown(text).session) == text


def test_what_the_corpus_needed_is_in_the_documents():
    slack = to_markdown(load(CORPUS / "slack-2021-01-04.toml"))
    assert "All times in America/Los_Angeles (PST, UTC-08:00)." in slack
    assert "| ≈ 06:00 | **Issue started**" in slack
    roblox = to_markdown(load(CORPUS / "roblox-2021-10-28.toml"))
    assert "| 2021-10-29 | **Decision point**" in roblox  # a day, no fake time, no gap
    assert "_Rationale:_ A capacity problem" in roblox
    cloudflare = to_markdown(load(CORPUS / "cloudflare-2020-07-17.toml"))
    assert "| Whole network | Traffic lost | 50% | about |" in cloudflare
    assert "```text\npolicy-statement" in cloudflare  # a code block in prose stays one
    stripe = load(CORPUS / "stripe-2019-07-10.toml")
    assert stripe.metadata.archived and "AI012" not in {
        f.rule.id for f in run_checks(stripe, today=TODAY)
    }
