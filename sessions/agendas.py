"""Agendas a meeting starts from: the guide's meeting, a shorter debrief, the guide's review
meeting for sharing learnings, and a team's own from `.pmtui.toml`.

```toml
[meeting]
opening_minutes = 3        # "set the stage" before the agenda; 0 leaves it out
agenda = "debrief"         # what `pmtui new` uses without --agenda

[[meeting.agendas]]
name = "sev3"
title = "A short debrief for a SEV3"
sections = [
    { kind = "timeline_review", minutes = 10 },
    { kind = "action_items", title = "Actions", minutes = 10 },
]
```

A preset only says what a new agenda holds; the session keeps its own copy, so changing a
preset never changes a meeting already planned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sessions.errors import SessionFileError
from sessions.models import DEFAULT_AGENDA, AgendaSection, Meeting, SectionKind

OPENING_MINUTES = 3
"""The opening is short: the reminder, the agenda and who is here, then the timeline."""

MAX_OPENING_MINUTES = 30
MAX_PRESETS = 50
MAX_SECTIONS = 20

KIND_TITLES: dict[SectionKind, str] = {
    SectionKind.OPENING: "Set the stage",
    SectionKind.TIMELINE_REVIEW: "Timeline review",
    SectionKind.CONTRIBUTING_FACTORS: "Contributing factors",
    SectionKind.WENT_WELL: "What went well",
    SectionKind.COULD_IMPROVE: "What could be improved",
    SectionKind.ACTION_ITEMS: "Action items",
    SectionKind.SUMMARY: "Author presents the summary",
    SectionKind.LESSONS: "Lessons for broader application",
    SectionKind.OTHER: "Discussion",
}
"""A section's title when a preset names only its kind."""

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")


@dataclass(frozen=True)
class PresetSection:
    kind: SectionKind
    title: str
    minutes: int


@dataclass(frozen=True)
class AgendaPreset:
    """A named agenda; ``agenda()`` makes the sections a session keeps."""

    name: str
    title: str
    sections: tuple[PresetSection, ...]

    @property
    def minutes(self) -> int:
        return sum(section.minutes for section in self.sections)

    @property
    def has_opening(self) -> bool:
        return any(section.kind is SectionKind.OPENING for section in self.sections)

    def agenda(self, opening_minutes: int = OPENING_MINUTES) -> list[AgendaSection]:
        """The sections, with the opening first unless it is off or the preset has its own."""
        sections = [
            AgendaSection(kind=s.kind, title=s.title, planned_minutes=s.minutes)
            for s in self.sections
        ]
        if opening_minutes > 0 and not self.has_opening:
            opening = AgendaSection(
                kind=SectionKind.OPENING,
                title=KIND_TITLES[SectionKind.OPENING],
                planned_minutes=opening_minutes,
            )
            sections.insert(0, opening)
        return sections

    def describe(self, opening_minutes: int = OPENING_MINUTES) -> str:
        """ "The guide's postmortem meeting: 80 min (+3 to set the stage)"."""
        extra = ""
        if opening_minutes > 0 and not self.has_opening:
            extra = f" (+{opening_minutes} to set the stage)"
        return f"{self.title}: {self.minutes} min{extra}"


def _preset(name: str, title: str, sections: tuple[tuple[SectionKind, str, int], ...]):
    return AgendaPreset(name, title, tuple(PresetSection(*s) for s in sections))


BUILT_IN: tuple[AgendaPreset, ...] = (
    _preset("guide", "The guide's postmortem meeting", DEFAULT_AGENDA),
    _preset(
        "debrief",
        "A 60-minute debrief, more time on the timeline",
        (
            (SectionKind.TIMELINE_REVIEW, "Timeline review", 25),
            (SectionKind.CONTRIBUTING_FACTORS, "Contributing factors", 15),
            (SectionKind.WENT_WELL, "What went well", 5),
            (SectionKind.COULD_IMPROVE, "What could be improved", 5),
            (SectionKind.ACTION_ITEMS, "Action items", 10),
        ),
    ),
    _preset(
        "review",
        "The review meeting for sharing learnings",
        (
            (SectionKind.SUMMARY, "Author presents the summary", 5),
            (SectionKind.OTHER, "Q&A and discussion", 15),
            (SectionKind.LESSONS, "Lessons for broader application", 10),
        ),
    ),
)
"""From the guide: "Postmortem Meeting" (80 minutes) and "Postmortem Review Meeting"."""

DEFAULT_PRESET = "guide"


@dataclass(frozen=True)
class MeetingConfig:
    """The `[meeting]` table of `.pmtui.toml`."""

    opening_minutes: int = OPENING_MINUTES
    #: The preset `pmtui new` uses without --agenda.
    default: str = DEFAULT_PRESET
    #: The team's own presets; one named like a built-in one replaces it.
    team: tuple[AgendaPreset, ...] = ()

    @property
    def presets(self) -> tuple[AgendaPreset, ...]:
        """Every preset, built-in ones first, the team's replacing any of the same name."""
        own = {preset.name: preset for preset in self.team}
        kept = [own.pop(p.name, p) for p in BUILT_IN]
        return (*kept, *own.values())

    def preset(self, name: str) -> AgendaPreset | None:
        return next((p for p in self.presets if p.name == name), None)

    def names(self) -> list[str]:
        return [preset.name for preset in self.presets]

    def new_agenda(self, name: str | None = None) -> list[AgendaSection]:
        """The agenda of a new session; ValueError names the presets for an unknown one."""
        chosen = self.preset(name or self.default)
        if chosen is None:
            raise ValueError(f"no agenda preset {name!r}: one of {', '.join(self.names())}")
        return chosen.agenda(self.opening_minutes)


def apply_preset(meeting: Meeting, sections: list[AgendaSection]) -> None:
    """Replace the agenda; time already spent stays with a section of the same kind, and the
    meeting stays on the kind of section it was on (pause the timer first)."""
    old = meeting.agenda
    current_kind = old[meeting.current].kind if old else None
    spent: dict[SectionKind, list[int]] = {}
    for section in old:
        if section.spent_seconds:
            spent.setdefault(section.kind, []).append(section.spent_seconds)
    for section in sections:
        if spent.get(section.kind):
            section.spent_seconds = spent[section.kind].pop(0)
    meeting.agenda[:] = sections  # in place: whoever holds the list sees the new agenda
    kinds = [section.kind for section in sections]
    meeting.current = kinds.index(current_kind) if current_kind in kinds else 0


# --- `.pmtui.toml` ------------------------------------------------------------------------


def parse_meeting(data: Any, path: Path) -> MeetingConfig:
    """The `[meeting]` table; a mistake is a SessionFileError naming the key."""
    if data is None:
        return MeetingConfig()
    if not isinstance(data, dict):
        raise SessionFileError(path, "must be a table", field="meeting")
    unknown = set(data) - {"opening_minutes", "agenda", "agendas"}
    if unknown:
        raise SessionFileError(path, "unknown key (a typo?)", field=f"meeting.{min(unknown)}")
    opening = data.get("opening_minutes", OPENING_MINUTES)
    if not _whole(opening, 0, MAX_OPENING_MINUTES):
        raise SessionFileError(
            path,
            f"whole minutes from 0 (no opening) to {MAX_OPENING_MINUTES}",
            field="meeting.opening_minutes",
        )
    team = _presets(data.get("agendas", []), path)
    config = MeetingConfig(opening_minutes=opening, team=team)
    default = data.get("agenda", DEFAULT_PRESET)
    if not isinstance(default, str) or config.preset(default) is None:
        raise SessionFileError(path, f"one of {', '.join(config.names())}", field="meeting.agenda")
    return replace(config, default=default)


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _presets(raw: Any, path: Path) -> tuple[AgendaPreset, ...]:
    if not isinstance(raw, list) or len(raw) > MAX_PRESETS:
        raise SessionFileError(
            path, f"a list of at most {MAX_PRESETS} tables", field="meeting.agendas"
        )
    out: list[AgendaPreset] = []
    for index, item in enumerate(raw):
        where = f"meeting.agendas[{index}]"
        if not isinstance(item, dict):
            raise SessionFileError(path, "must be a table", field=where)
        unknown = set(item) - {"name", "title", "sections"}
        if unknown:
            raise SessionFileError(path, "unknown key (a typo?)", field=f"{where}.{min(unknown)}")
        name = item.get("name")
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise SessionFileError(
                path,
                "a short name of letters, digits, - and _ (it is typed after --agenda)",
                field=f"{where}.name",
            )
        if any(preset.name == name for preset in out):
            raise SessionFileError(path, f"duplicate name {name!r}", field=f"{where}.name")
        title = item.get("title", name)
        if not isinstance(title, str) or not title.strip() or len(title) > 200:
            raise SessionFileError(path, "a non-empty string", field=f"{where}.title")
        out.append(AgendaPreset(name, title.strip(), _sections(item.get("sections"), path, where)))
    return tuple(out)


def _sections(raw: Any, path: Path, where: str) -> tuple[PresetSection, ...]:
    if not isinstance(raw, list) or not raw or len(raw) > MAX_SECTIONS:
        raise SessionFileError(
            path, f"a list of 1 to {MAX_SECTIONS} sections", field=f"{where}.sections"
        )
    kinds = ", ".join(kind.value for kind in SectionKind)
    out = []
    for index, item in enumerate(raw):
        at = f"{where}.sections[{index}]"
        if not isinstance(item, dict):
            raise SessionFileError(path, "a table: { kind, title, minutes }", field=at)
        unknown = set(item) - {"kind", "title", "minutes"}
        if unknown:
            raise SessionFileError(path, "unknown key (a typo?)", field=f"{at}.{min(unknown)}")
        try:
            kind = SectionKind(item.get("kind", SectionKind.OTHER.value))
        except ValueError:
            raise SessionFileError(path, f"one of {kinds}", field=f"{at}.kind") from None
        title = item.get("title", KIND_TITLES[kind])
        if not isinstance(title, str) or not title.strip() or len(title) > 200:
            raise SessionFileError(path, "a non-empty string", field=f"{at}.title")
        minutes = item.get("minutes")
        if not _whole(minutes, 0, 600):
            raise SessionFileError(path, "whole minutes, 0 to 600", field=f"{at}.minutes")
        out.append(PresetSection(kind, title.strip(), minutes))
    return tuple(out)
