"""A team's own guardrail settings: `.pmtui.toml` in the session's folder or above."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sessions.agendas import MeetingConfig, parse_meeting
from sessions.errors import SessionFileError
from sessions.fileio import parse_toml
from sessions.limits import MAX_CONFIG_BYTES
from sessions.safe_read import decode_utf8, read_regular_file
from sessions.template import GUIDE_TEMPLATE, Template, parse_template

CONFIG_NAME = ".pmtui.toml"

MAX_LIST = 200
"""Phrases (or rule ids) in one list: each phrase is looked for in every field."""
MAX_PHRASE = 200


@dataclass(frozen=True)
class CheckConfig:
    #: Extra phrases the team wants flagged (rule BL008).
    phrases: tuple[str, ...] = ()
    #: Words that stand for a person in this team's writing ("SRE-on-duty").
    people: tuple[str, ...] = ()
    #: Project words that are never a person or blame (a service called "Operator" or "Bob").
    fine: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)
    #: The team's own sections and action types (`[template]`).
    template: Template = GUIDE_TEMPLATE
    #: The opening step and the agenda presets (`[meeting]`).
    meeting: MeetingConfig = field(default_factory=MeetingConfig)


def find_config(start: Path, cache: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest `.pmtui.toml` at or above ``start``; ``cache`` remembers it per folder
    (pass one dict for a run over many files)."""
    folder = start if start.is_dir() else start.parent
    if cache is not None and folder in cache:
        return cache[folder]
    found = None
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        if cache is not None and candidate in cache:
            found = cache[candidate]
            break
        path = candidate / CONFIG_NAME
        if path.is_file():
            found = path
            break
    if cache is not None:
        cache[folder] = found
    return found


def load_config(path: Path | None) -> CheckConfig:
    """Read `[check]` from a config file; a bad one is a SessionFileError like a bad session."""
    if path is None:
        return CheckConfig()
    data = parse_toml(decode_utf8(read_regular_file(path, MAX_CONFIG_BYTES), path), path)
    check = data.get("check", {})
    if not isinstance(check, dict):
        raise SessionFileError(path, "must be a table", field="check")
    values = {}
    for key in ("phrases", "people", "fine", "select", "ignore"):
        value = check.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SessionFileError(path, "must be a list of strings", field=f"check.{key}")
        if len(value) > MAX_LIST or any(len(v) > MAX_PHRASE for v in value):
            raise SessionFileError(
                path,
                f"at most {MAX_LIST} entries of at most {MAX_PHRASE} characters",
                field=f"check.{key}",
            )
        values[key] = tuple(value)
    unknown = set(check) - set(values)
    if unknown:
        raise SessionFileError(path, "unknown key (a typo?)", field=f"check.{sorted(unknown)[0]}")
    template = parse_template(data.get("template"), path)
    meeting = parse_meeting(data.get("meeting"), path)
    return CheckConfig(**values, path=path, template=template, meeting=meeting)
