"""A team's own guardrail settings: `.pmtui.toml` in the session's folder or above."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from sessions.errors import SessionFileError
from sessions.template import GUIDE_TEMPLATE, Template, parse_template

CONFIG_NAME = ".pmtui.toml"


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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise SessionFileError(path, f"can't read config: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise SessionFileError(path, f"not valid TOML: {error}") from None
    check = data.get("check", {})
    if not isinstance(check, dict):
        raise SessionFileError(path, "must be a table", field="check")
    values = {}
    for key in ("phrases", "people", "fine", "select", "ignore"):
        value = check.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SessionFileError(path, "must be a list of strings", field=f"check.{key}")
        values[key] = tuple(value)
    unknown = set(check) - set(values)
    if unknown:
        raise SessionFileError(path, "unknown key (a typo?)", field=f"check.{sorted(unknown)[0]}")
    template = parse_template(data.get("template"), path)
    return CheckConfig(**values, path=path, template=template)
