"""The parts of the postmortem, one registry: key, title, the field path it edits, its editor.

Meeting and drafting both build their editors from here, and a finding's field path finds
its part here, so adding a part is one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.widget import Widget

from screens.parts import forms, impact, lists, meeting_part, opening, parking, texts
from screens.parts.context import PartContext
from sessions.models import SectionKind
from widgets.fishbone import FishboneEditor
from widgets.team_sections import TeamSectionsEditor
from widgets.timeline_editor import TimelineEditor
from widgets.whys_problems import WhysProblems


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    #: The field paths of the session this part edits (the first is its home).
    paths: tuple[str, ...]
    build: Callable[[PartContext], Widget]


PARTS: tuple[Part, ...] = (
    Part("metadata", "Metadata", ("metadata",), forms.metadata),
    Part("summary", "Summary", ("summary",), texts.summary),
    Part("background", "Background", ("background",), texts.background),
    Part("impact", "Impact", ("impact",), impact.impact),
    Part(
        "timeline",
        "Timeline",
        ("timeline",),
        lambda c: TimelineEditor(c.editor, today=c.today, id="timeline"),
    ),
    Part(
        "root_cause",
        "Root cause",
        ("root_cause.what_happened", "root_cause.trigger", "root_cause.statement"),
        texts.root_cause,
    ),
    Part(
        "whys",
        "5 whys",
        ("root_cause.whys",),
        lambda c: WhysProblems(c.editor, id="whys-problems"),
    ),
    Part(
        "fishbone",
        "Fishbone",
        ("root_cause.fishbone",),
        lambda c: FishboneEditor(c.editor, id="fishbone"),
    ),
    Part("factors", "Factors", ("factors",), lists.factors),
    Part(
        "response",
        "Response",
        ("detection", "resolution", "customer_communication"),
        texts.response,
    ),
    Part("went_well", "Went well", ("went_well",), lists.went_well),
    Part("went_poorly", "Went poorly", ("went_poorly",), lists.went_poorly),
    Part("got_lucky", "Got lucky", ("got_lucky",), lists.got_lucky),
    Part("action_items", "Action items", ("action_items",), parking.action_items),
    Part("lessons", "Lessons", ("lessons",), lists.lessons),
    Part(
        "team_sections",
        "Team sections",
        ("team_sections",),
        lambda c: TeamSectionsEditor(c.editor, c.template, id="team-sections"),
    ),
    Part("supporting", "Supporting info", ("supporting",), lists.supporting),
    Part("appendix", "Appendix", ("appendix",), lists.appendix),
    Part("meeting", "Meeting", ("meeting", "accepted"), meeting_part.meeting),
)
MEETING_ONLY: tuple[Part, ...] = (Part("opening", "Set the stage", (), opening.opening),)
"""Parts of the meeting that are no part of the document (drafting doesn't list them)."""

PARTS_BY_KEY = {part.key: part for part in (*PARTS, *MEETING_ONLY)}

#: Which parts each meeting section works on (the first is shown first).
SECTION_PARTS: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.OPENING: ("opening",),
    SectionKind.TIMELINE_REVIEW: ("timeline",),
    SectionKind.CONTRIBUTING_FACTORS: ("factors", "whys", "fishbone"),
    SectionKind.WENT_WELL: ("went_well",),
    SectionKind.COULD_IMPROVE: ("went_poorly", "got_lucky"),
    SectionKind.ACTION_ITEMS: ("action_items",),
    SectionKind.SUMMARY: ("summary",),
    SectionKind.LESSONS: ("lessons",),
    SectionKind.OTHER: ("meeting",),
}


def part_of(where: str) -> str:
    """The part a field path (a finding's ``where``) belongs to: the longest matching path."""
    best, length = "metadata", -1
    for part in PARTS:
        for path in part.paths:
            if (where == path or where.startswith((path + ".", path + "["))) and len(path) > length:
                best, length = part.key, len(path)
    return best


def build_part(key: str, context: PartContext) -> Widget:
    return PARTS_BY_KEY[key].build(context)


__all__ = ["PARTS", "PARTS_BY_KEY", "SECTION_PARTS", "Part", "PartContext", "build_part", "part_of"]
