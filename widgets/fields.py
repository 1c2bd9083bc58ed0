"""Form fields described as data: how a value is shown as text and parsed back, with messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from sessions.completion import choose
from sessions.fishbone_art import shorten
from sessions.models import Factor
from sessions.timeparse import format_in, format_utc, is_clock_only, parse_when

Kind = Literal["text", "multiline", "int", "float", "date", "datetime", "enum", "bool", "list"]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: Kind = "text"
    choices: tuple[str, ...] = ()
    required: bool = False
    placeholder: str = ""
    #: For datetimes typed as a bare time: the day they fall on.
    default_date: Callable[[], dt.date | None] | None = field(default=None, compare=False)
    help: str = ""
    #: A shorter label for summaries and for the form's label column.
    short: str = ""
    #: What a new record's form starts with.
    default: Any = None
    #: Other names an enum choice answers to, as (name, choice): the short names a table
    #: shows ("ack" for acknowledged), so what people read is what they can type.
    aliases: tuple[tuple[str, str], ...] = ()
    #: For datetimes typed as a bare time, once on ``default_date``: where it belongs then
    #: (the next day, after midnight).
    bare_time: Callable[[dt.datetime], dt.datetime] | None = field(default=None, compare=False)
    #: For datetimes: the zone they are shown and typed in (UTC when None).
    zone: Callable[[], dt.tzinfo] | None = field(default=None, compare=False)
    #: A last step of parsing a value typed in (a zone name to its proper spelling); its
    #: ValueError is what the form shows.
    clean: Callable[[Any], Any] | None = field(default=None, compare=False)
    #: Values the field offers as you type (free text stays allowed), e.g. the attendees.
    suggestions: tuple[str, ...] = ()
    #: What the form says of a value it takes but the guide questions (a due date in the
    #: past), as it is typed; "" when there is nothing to say. It never blocks saving.
    advice: Callable[[Any], str] | None = field(default=None, compare=False)
    #: A value typed over whole (a ticket key or URL), selected even in the field the form
    #: opens in, where the team's words otherwise keep the cursor at their end.
    typed_over: bool = False
    #: What an empty value means, for summaries ("UTC" for no time zone); "—" otherwise.
    empty: str = ""

    @property
    def name_shown(self) -> str:
        """The label in a form row or a summary: the short one when there is one."""
        return self.short or self.label

    @property
    def hint(self) -> str:
        """What the form says under itself while this field has the focus."""
        parts = [self.label]
        short = dict((value, alias) for alias, value in self.aliases)
        # each choice by its short name where it has one: the thirteen markers in full were
        # cut at the hint's three lines, "… incident closed, decision…" (a tryout)
        shown = [short.get(choice, choice).replace("_", " ") for choice in self.choices]
        # Not when the help already names each choice (with its meaning): the list twice
        # made the action type's hint four lines, cut at the form's three.
        if self.kind == "enum" and shown and not all(choice in self.help for choice in shown):
            parts.append("one of: " + ", ".join(shown))
        if self.help:
            parts.append(self.help)
        return " — ".join(parts)


def to_text(spec: FieldSpec, value: Any) -> str:
    if value is None:
        return ""
    if spec.kind == "datetime":
        if spec.zone is not None:
            return format_in(value, spec.zone(), with_date=True, seconds=bool(value.second))
        return format_utc(value, with_date=True, seconds=bool(value.second))
    if spec.kind == "date":
        return value.isoformat()
    if spec.kind == "list":
        return ", ".join(value)
    if spec.kind == "enum":
        return str(getattr(value, "value", value)).replace("_", " ")
    if spec.kind == "float":
        return f"{value:g}"
    return str(value)


def parse(spec: FieldSpec, text: str) -> Any:
    """The value for ``text``, or ValueError with a message to show next to the field."""
    value = _parse(spec, text)
    return spec.clean(value) if spec.clean is not None and value is not None else value


def _parse(spec: FieldSpec, text: str) -> Any:
    stripped = text.strip()
    if spec.required and not stripped and spec.kind not in ("bool",):
        raise ValueError("required")  # shown after the label: "⚠ What: required"
    if spec.kind in ("text", "multiline"):
        return text if spec.kind == "multiline" else stripped
    if spec.kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    if not stripped:
        return None
    if spec.kind == "int":
        try:
            return int(stripped)
        except ValueError:
            raise ValueError("a whole number, e.g. 45") from None
    if spec.kind == "float":
        try:
            return float(stripped.rstrip("%"))
        except ValueError:
            raise ValueError("a number, e.g. 12.5") from None
    if spec.kind == "date":
        try:
            return dt.date.fromisoformat(stripped)
        except ValueError:
            raise ValueError("a date as YYYY-MM-DD") from None
    if spec.kind == "datetime":
        default = spec.default_date() if spec.default_date else None
        when = parse_when(stripped, default, spec.zone() if spec.zone else dt.UTC)
        return spec.bare_time(when) if spec.bare_time and is_clock_only(stripped) else when
    if spec.kind == "enum":
        return choose(spec.choices, stripped, spec.aliases)
    return stripped


def factors_named(factors: list[Factor], room: int = 170) -> str:
    """Every factor's id with the start of its text, for a field's help, all of it in the
    form's three lines of hint: whole, a tryout read F1 to F3 and "…", and not F4."""
    each = max(room // max(len(factors), 1) - 6, 8)
    return "  ".join(f"{f.id}: {shorten(f.factor, each)}" for f in factors)
