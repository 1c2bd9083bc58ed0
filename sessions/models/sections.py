"""The document's list sections (observations, lessons, supporting information, appendix)
and the team's own prose sections."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from sessions.models.base import Model, Text


class Observation(Model):
    """One bullet of went well / went poorly / got lucky: an optional area and the text."""

    area: Text = ""
    text: Text


class Takeaway(Model):
    title: Text
    text: Text = ""


class Lessons(Model):
    takeaways: list[Takeaway] = Field(default_factory=list)
    recommendations: list[Text] = Field(default_factory=list)


class Link(Model):
    title: Text
    url: Text = ""


class RelatedIncident(Model):
    incident_id: Text
    url: Text = ""
    summary: Text = ""


class Supporting(Model):
    logs: Text = ""
    metrics: list[Link] = Field(default_factory=list)
    related: list[RelatedIncident] = Field(default_factory=list)


class GlossaryEntry(Model):
    term: Text
    definition: Text = ""


class Appendix(Model):
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    references: list[Link] = Field(default_factory=list)


# --- the team's own sections --------------------------------------------------------------

#: The parts of the document a team section can follow, in document order.
SECTION_IDS: tuple[str, ...] = (
    "summary",
    "background",
    "impact",
    "timeline",
    "root_cause",
    "factors",
    "detection",
    "resolution",
    "customer_communication",
    "went_well",
    "went_poorly",
    "got_lucky",
    "action_items",
    "lessons",
    "supporting",
    "appendix",
)
DEFAULT_PLACE = "lessons"
"""A team section without a place comes after the lessons, before the supporting information."""


def _known_place(value: str) -> str:
    if value and value not in SECTION_IDS:
        raise ValueError(f"unknown place {value!r}: one of {', '.join(SECTION_IDS)}")
    return value


class TeamSection(Model):
    """A prose section of the team's own template (`.pmtui.toml`), or one found on import.

    The title and place are kept in the session so the document reads the same wherever it
    is exported; the template only says which sections a new postmortem gets.
    """

    id: Text
    title: Text
    #: The part of the document it follows (one of SECTION_IDS); empty: after the lessons.
    after: Annotated[Text, AfterValidator(_known_place)] = ""
    text: Text = ""
