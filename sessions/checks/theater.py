"""Postmortem theater: template placeholder text left in the document."""

from __future__ import annotations

import re
from functools import lru_cache

from sessions.checks.fields import text_fields
from sessions.checks.findings import Finding, Level, Rule
from sessions.models import Session

PLACEHOLDER = Rule("TH001", Level.ERROR, "template placeholder text left in")

RULES = (PLACEHOLDER,)

_PLACEHOLDERS = [
    "[Incident Title]",
    "[List of affected features]",
    "[First sign of issue",
    "[Alert fired - which alert",
    "[On-call acknowledged",
    "[Escalation - who was paged",
    "[Root cause identified - how",
    "[Mitigation started - what action",
    "[Service restored - verification",
    "[Incident closed - final verification",
    "X hours Y minutes",
    "X% of users",
    "Y total users",
    "X tickets filed",
    "INC-XXXX",
    "YYYY-MM-DD",
    "link-to-screenshot",
    "Draft / In Review / Final",
    "SEV1 / SEV2 / SEV3",
    "One-paragraph summary",
    "Detailed technical explanation of what went wrong",
    "Lorem ipsum",
]
_PATTERN = re.compile(
    "|".join(re.escape(p) for p in _PLACEHOLDERS)
    + r"|(?<![\w.])@name\b|\]\(link\)|\$X\b|\bYes/No\b|\bTBD\b|\bFIXME\b|\bXXX\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def _placeholder(text: str) -> str | None:
    """The first placeholder in ``text``. Remembered per text, as the language rules are:
    the checks run after every pause in typing, and all but a field or two are unchanged
    (one search of this pattern per field was 250 ms of a run on 10,000 events)."""
    match = _PATTERN.search(text)
    return match.group(0) if match else None


def check_theater(session: Session) -> list[Finding]:
    findings = []
    for where, text in text_fields(session):
        if not text:
            continue
        found = _placeholder(text)
        if found is not None:
            findings.append(
                Finding(
                    PLACEHOLDER,
                    where,
                    f'placeholder "{found}" is still here: write what really happened',
                    quote=found,
                )
            )
    return findings
