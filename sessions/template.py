"""The team's template in `.pmtui.toml`: its own prose sections and its action types.

```toml
[template]
action_types = [
    "Prevent", "Detect", "Mitigate", "Document",
    { name = "Process", meaning = "Change how we work" },
]

[[template.sections]]
id = "apology"
title = "Our Apology"
prompt = "What do we say to the customers this hurt?"
after = "summary"          # the part of the document it follows
required = true            # `pmtui check` asks for it
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sessions.errors import SessionFileError
from sessions.models import SECTION_IDS, ActionType, TeamSection

GUIDE_MEANINGS = {
    ActionType.PREVENT.value: "Stop this class of incident from happening",
    ActionType.DETECT.value: "Find this faster next time",
    ActionType.MITIGATE.value: "Reduce impact when it happens",
    ActionType.DOCUMENT.value: "Improve understanding/procedures",
}


@dataclass(frozen=True)
class ActionTypeSpec:
    name: str
    meaning: str = ""


@dataclass(frozen=True)
class SectionSpec:
    """One of the team's prose sections: where it goes, what to ask, whether it must be there."""

    id: str
    title: str
    prompt: str = ""
    after: str = ""
    required: bool = False

    def new(self) -> TeamSection:
        return TeamSection(id=self.id, title=self.title, after=self.after)


GUIDE_ACTION_TYPES = tuple(
    ActionTypeSpec(name, meaning) for name, meaning in GUIDE_MEANINGS.items()
)


@dataclass(frozen=True)
class Template:
    sections: tuple[SectionSpec, ...] = ()
    action_types: tuple[ActionTypeSpec, ...] = field(default=GUIDE_ACTION_TYPES)

    @property
    def type_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.action_types)

    def section(self, section_id: str) -> SectionSpec | None:
        return next((spec for spec in self.sections if spec.id == section_id), None)

    def new_sections(self) -> list[TeamSection]:
        """The team's sections, empty, for a new postmortem."""
        return [spec.new() for spec in self.sections]


GUIDE_TEMPLATE = Template()


def parse_template(data: Any, path: Path) -> Template:
    """The `[template]` table of a config file; a mistake is a SessionFileError naming the key."""
    if data is None:
        return GUIDE_TEMPLATE
    if not isinstance(data, dict):
        raise SessionFileError(path, "must be a table", field="template")
    unknown = set(data) - {"sections", "action_types"}
    if unknown:
        raise SessionFileError(
            path, "unknown key (a typo?)", field=f"template.{sorted(unknown)[0]}"
        )
    return Template(
        sections=_sections(data.get("sections", []), path),
        action_types=_action_types(data.get("action_types"), path),
    )


def _sections(raw: Any, path: Path) -> tuple[SectionSpec, ...]:
    if not isinstance(raw, list):
        raise SessionFileError(path, "must be a list of tables", field="template.sections")
    out: list[SectionSpec] = []
    for index, item in enumerate(raw):
        where = f"template.sections[{index}]"
        if not isinstance(item, dict):
            raise SessionFileError(path, "must be a table", field=where)
        unknown = set(item) - {"id", "title", "prompt", "after", "required"}
        if unknown:
            raise SessionFileError(path, "unknown key (a typo?)", field=f"{where}.{min(unknown)}")
        for key in ("id", "title"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise SessionFileError(path, "must be a non-empty string", field=f"{where}.{key}")
        for key in ("prompt", "after"):
            if not isinstance(item.get(key, ""), str):
                raise SessionFileError(path, "must be a string", field=f"{where}.{key}")
        if item.get("after", "") not in ("", *SECTION_IDS):
            raise SessionFileError(path, f"one of {', '.join(SECTION_IDS)}", field=f"{where}.after")
        if not isinstance(item.get("required", False), bool):
            raise SessionFileError(path, "must be true or false", field=f"{where}.required")
        if any(spec.id == item["id"] for spec in out):
            raise SessionFileError(path, f"duplicate id {item['id']!r}", field=f"{where}.id")
        out.append(SectionSpec(**item))
    return tuple(out)


def _action_types(raw: Any, path: Path) -> tuple[ActionTypeSpec, ...]:
    if raw is None:
        return GUIDE_ACTION_TYPES
    if not isinstance(raw, list) or not raw:
        raise SessionFileError(path, "must be a non-empty list", field="template.action_types")
    out = []
    for index, item in enumerate(raw):
        where = f"template.action_types[{index}]"
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise SessionFileError(path, "a name, or a table with name and meaning", field=where)
        if set(item) - {"name", "meaning"} or not isinstance(item.get("meaning", ""), str):
            raise SessionFileError(path, "a name, or a table with name and meaning", field=where)
        name = item["name"].strip()
        out.append(ActionTypeSpec(name, item.get("meaning") or GUIDE_MEANINGS.get(name, "")))
    return tuple(out)
