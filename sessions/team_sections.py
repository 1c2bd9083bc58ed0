"""The team's own sections in a session: which the template still has to add, and in what
order a reader meets them (each follows the part of the document named by its ``after``)."""

from __future__ import annotations

from sessions.models import DEFAULT_PLACE, SECTION_IDS, TeamSection
from sessions.template import SectionSpec, Template


def missing(sections: list[TeamSection], template: Template) -> list[SectionSpec]:
    """The template's sections the session does not have yet (a newer template, an import)."""
    have = {section.id for section in sections}
    return [spec for spec in template.sections if spec.id not in have]


def add_missing(sections: list[TeamSection], template: Template) -> list[TeamSection]:
    """Append the template's missing sections, empty; the ones added."""
    added = [spec.new() for spec in missing(sections, template)]
    sections.extend(added)
    return added


def document_order(sections: list[TeamSection]) -> list[int]:
    """Indexes of ``sections`` in the order the export shows them."""
    place = {section_id: rank for rank, section_id in enumerate(SECTION_IDS)}
    return sorted(range(len(sections)), key=lambda i: place[sections[i].after or DEFAULT_PLACE])
