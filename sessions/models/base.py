"""What every session model shares: the strict base class and the text and time types."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict


def _normalize_newlines(value: str) -> str:
    """CRLF becomes LF so that every string survives a TOML multi-line round trip."""
    return value.replace("\r\n", "\n") if "\r\n" in value else value


Text = Annotated[str, AfterValidator(_normalize_newlines)]


def _to_utc(value: dt.datetime) -> dt.datetime:
    """Timestamps are stored in UTC; a time without an offset is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    try:
        return value.astimezone(dt.UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is in year 10000 in UTC
        raise ValueError("out of range once converted to UTC (years 1 to 9999)") from None


def _refuse_number(example: str):
    """A number is not a time: the validator would read 5 as 5 seconds after 1970 (a
    hand-edited ``time = 5`` exported as 1970-01-01 01:00:05, a tryout)."""

    def refuse(value: object) -> object:
        if isinstance(value, int | float):
            what = "true or false" if isinstance(value, bool) else "a number"
            raise ValueError(f"{what} where {example} is needed")
        return value

    return BeforeValidator(refuse)


UtcDatetime = Annotated[
    dt.datetime, _refuse_number("a date and time (2025-01-15T14:02:00Z)"), AfterValidator(_to_utc)
]
Day = Annotated[dt.date, _refuse_number("a date (2025-01-15)")]


class Model(BaseModel):
    """Strict base: an unknown key is a typo the user wants to hear about."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_default=False)


def next_free_id(prefix: str, taken: list[str], reserved: Iterable[str] = ()) -> str:
    """The first of ``prefix`` + n, from one past the count, that no record has ("F3",
    "w7"): ids stay short and are never reused while the record holding one exists, nor
    while another record still names it (``reserved``)."""
    used = {*taken, *reserved}
    n = len(taken) + 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


class LabelledEnum(StrEnum):
    """A choice stored as its snake_case value and shown as words ("mitigation_started" →
    "Mitigation started")."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()
