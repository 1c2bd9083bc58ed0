"""Parts a finished postmortem needs: the export leaves empty parts out, so the check says so.

The guide's template asks for a title, date, authors, summary, impact, what happened, the
contributing factors, what went well and poorly, and action items (timeline and root cause
have their own depth rules). A team's template may require its own sections.
"""

from __future__ import annotations

from collections.abc import Callable

from sessions.checks.findings import Finding, Level, Rule
from sessions.export.sections import impact_section
from sessions.models import Session
from sessions.template import Template

EMPTY_PART = Rule("RQ001", Level.WARNING, "a part of the template is still empty")
EMPTY_TEAM_SECTION = Rule("RQ002", Level.WARNING, "a section the team's template requires is empty")

RULES = (EMPTY_PART, EMPTY_TEAM_SECTION)


def _impact_written(session: Session) -> bool:
    """Whatever the export's Impact section shows: the check had said "not written yet"
    of an impact in words alone, that the export printed (a tryout)."""
    return bool(impact_section(session).strip())


#: (where, what it is, is it written?)
_PARTS: tuple[tuple[str, str, Callable[[Session], bool]], ...] = (
    ("metadata.title", "the title", lambda s: bool(s.metadata.title.strip())),
    ("metadata.date", "the incident date", lambda s: s.metadata.date is not None),
    ("metadata.authors", "the authors", lambda s: bool(s.metadata.authors)),
    ("summary", "the executive summary", lambda s: bool(s.summary.strip())),
    ("impact", "the impact", _impact_written),
    (
        "root_cause.what_happened",
        "what happened",
        lambda s: bool(s.root_cause.what_happened.strip()),
    ),
    ("factors", "the contributing factors", lambda s: bool(s.factors)),
    ("went_well", "what went well", lambda s: bool(s.went_well)),
    ("went_poorly", "what went poorly", lambda s: bool(s.went_poorly)),
    ("action_items", "the action items", lambda s: bool(s.action_items)),
    (
        "lessons",
        "the lessons learned",
        lambda s: bool(s.lessons.takeaways or s.lessons.recommendations),
    ),
)


_PLURAL_PARTS = frozenset(
    {"the authors", "the contributing factors", "the action items", "the lessons learned"}
)


def _be(what: str) -> str:
    return "are" if what in _PLURAL_PARTS else "is"


def check_required(session: Session, template: Template) -> list[Finding]:
    findings = [
        Finding(
            EMPTY_PART, where, f"{what} {_be(what)} not written yet; the document leaves it out"
        )
        for where, what, written in _PARTS
        if not written(session)
    ]
    by_id = {section.id: (i, section) for i, section in enumerate(session.team_sections)}
    for spec in template.sections:
        if not spec.required:
            continue
        index, section = by_id.get(spec.id, (None, None))
        if section is None or not section.text.strip():
            where = f"team_sections[{index}].text" if index is not None else "team_sections"
            prompt = f" ({spec.prompt})" if spec.prompt else ""
            findings.append(
                Finding(
                    EMPTY_TEAM_SECTION,
                    where,
                    f'the team\'s template asks for "{spec.title}"{prompt}; it is still empty',
                )
            )
    return findings
