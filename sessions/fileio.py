"""Reading and writing session files: TOML for people and for git, saved atomically."""

from __future__ import annotations

import datetime as dt
import enum
import re
from pathlib import Path
from typing import Any

import tomli
import tomli_w
from pydantic import BaseModel, ValidationError

from sessions import limits, parsed_cache
from sessions.atomic import Written, write_text_atomic
from sessions.errors import SessionFileError
from sessions.migrations import MIGRATIONS
from sessions.models import SCHEMA_VERSION, Session
from sessions.safe_read import decode_utf8, read_regular_file
from sessions.textsafe import printable
from sessions.toml_lines import line_of

#: Fields written even when they hold their default, so a reader always sees them.
_ALWAYS_WRITTEN = {
    ("schema_version",),
    ("metadata",),
    ("metadata", "status"),
    ("metadata", "severity"),
}


def to_document(session: Session) -> dict[str, Any]:
    """The TOML document of a session: declaration order, defaults and empties left out."""
    return _model_to_dict(session, ())


def _model_to_dict(model: BaseModel, path: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    fields = type(model).model_fields
    for name, info in fields.items():
        value = getattr(model, name)
        key = (*path, name)
        if key not in _ALWAYS_WRITTEN and _is_default(value, info):
            continue
        converted = _convert(value, key)
        if converted is None or converted == {}:
            continue
        out[name] = converted
    return out


def _is_default(value: Any, info: Any) -> bool:
    if info.default_factory is not None:
        return value == info.default_factory()
    return value == info.default


def _convert(value: Any, path: tuple[str, ...]) -> Any:
    if isinstance(value, BaseModel):
        return _model_to_dict(value, path)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_convert(item, path) for item in value]
    return value


def dumps(session: Session) -> str:
    return document_text(to_document(session))


def document_text(document: dict[str, Any]) -> str:
    """The TOML text of a document ``to_document`` made (for a caller that checks it first)."""
    return tomli_w.dumps(document, multiline_strings=True)


def loads(text: str, path: Path | str = "<string>") -> Session:
    """The session in TOML text, refused with a SessionFileError beyond `sessions.limits`."""
    return _read(text, path)[0]


def _read(text: str, path: Path | str) -> tuple[Session, bool]:
    """The session in TOML text, and whether the text was of the current schema."""
    try:
        data = parse_toml(text, path)
        limits.check_document(data, path)
        return from_document(data, path), data.get("schema_version") == SCHEMA_VERSION
    except SessionFileError as error:
        if Path(path).suffix.lower() in (".md", ".markdown"):  # "not valid TOML: Invalid
            raise SessionFileError(  # statement" had not said what the file was (a tryout)
                path, "a Markdown file, not a session (.toml): pmtui import FILE.md makes one"
            ) from None
        if error.field and error.line is None:  # the line too, for whoever fixes it by hand
            error.line = line_of(text, error.field)
        raise


def parse_toml(text: str, path: Path | str) -> dict[str, Any]:
    """A TOML document, its structure checked against the limits before the parser runs."""
    text = text.removeprefix("\ufeff")
    limits.scan_toml(text, path)
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise _syntax_error(path, error, text) from None
    except RecursionError:  # a backstop: the scan keeps nesting far below the parser's stack
        raise SessionFileError(path, "nested too deeply") from None
    except ValueError as error:  # the parser lets int() refuse a number of over 4,300 digits
        why = "a number with too many digits" if "digits" in str(error) else _clip(str(error))
        raise SessionFileError(path, f"not valid TOML: {why}") from None


def from_document(data: dict[str, Any], path: Path | str = "<document>") -> Session:
    if not data:
        raise SessionFileError(
            path, f"empty file: a session starts with schema_version = {SCHEMA_VERSION}"
        )
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionFileError(
            path, "missing or non-integer schema_version", field="schema_version"
        )
    if version > SCHEMA_VERSION:
        raise SessionFileError(
            path,
            f"schema_version {version} is newer than this pmtui understands ({SCHEMA_VERSION}); "
            "upgrade pmtui",
            field="schema_version",
        )
    while version < SCHEMA_VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise SessionFileError(
                path, f"schema_version {version} is not supported", field="schema_version"
            )
        try:
            data = migrate(data)
        except (TypeError, AttributeError, KeyError) as error:  # a v1 file that was not valid v1
            raise SessionFileError(
                path, f"can't upgrade from schema_version {version}: {error}"
            ) from None
        version = data["schema_version"]
    try:
        return Session.model_validate(data)
    except ValidationError as error:
        raise _validation_error(path, error) from None


def load(path: Path | str) -> Session:
    """The session in a file: only a regular file within the size limit is read (a FIFO or a
    device is refused without blocking); a UTF-8 byte-order mark is accepted (and not
    written back: saving writes plain UTF-8)."""
    return load_with_bytes(path)[0]


def load_with_bytes(path: Path | str) -> tuple[Session, bytes]:
    """The session and the exact bytes it was read from (to tell our writes from others').
    A big file's parse is kept, and used while its bytes are the same: `sessions.parsed_cache`."""
    path = Path(path)
    raw = read_regular_file(path, limits.MAX_FILE_BYTES)
    session = parsed_cache.recall(path, raw)
    if session is None:
        session, current = _read(decode_utf8(raw, path), path)
        if current:
            parsed_cache.keep(path, raw, session)
    return session, raw


def save(session: Session, path: Path | str) -> Written:
    """Write atomically, following symlinks and keeping permissions (see `sessions.atomic`);
    a read-only file raises `ReadOnlyFileError` and is left as it is."""
    return write_text_atomic(Path(path), dumps(session))


#: tomli's words for the mistakes people make by hand, said the way they would fix them.
_SYNTAX_SAID = {
    "Illegal character '\\n'": "the line ends inside a string: a closing quote is missing",
    "Invalid value": 'not a value: text goes in quotes ("…"), a date as 2025-01-15',
}


_KEY = re.compile(r"\s*([\w.\"'-]+?)\s*=")
_DATE_LIKE = re.compile(r"\s*=\s*(\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?)")


def _said(error: tomli.TOMLDecodeError, text: str) -> str:
    """tomli's words, or what the line shows: a date that is no date (2026-13-45 read as a
    number, then "Expected newline…"), the key given twice ("Cannot overwrite a value")."""
    line = text.split("\n")[error.lineno - 1] if error.lineno else ""
    if error.msg == "Cannot overwrite a value" and (key := _KEY.match(line)):
        return f"{key.group(1)} is given twice: a key is written once in its table"
    date = _DATE_LIKE.search(line)
    if date and error.msg in _DATE_MISTAKES and (said := _date_said(date.group(1))):
        return said
    return _SYNTAX_SAID.get(error.msg, error.msg)


_DATE_MISTAKES = (
    "Expected newline or end of document after a statement",
    "Invalid date or datetime",
)


def _date_said(written: str) -> str:
    """What is wrong with a date-like value, if it is the date or the time: "2026-13-45" (no
    such day), "2025-1-5" (one digit), "14:05" (TOML's times have seconds). A valid date
    with another mistake after it ("… UTC") is left to the parser's words (a review)."""
    year, month, day = (int(n) for n in re.findall(r"\d+", written)[:3])
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"not a date: {written} (YYYY-MM-DD: a month 01–12, a day the month has)"
    if not re.match(r"\d{4}-\d{2}-\d{2}", written):
        return f"not a date: {written} (YYYY-MM-DD: two digits for the month and the day)"
    if re.search(r"[T ]\d{1,2}:\d{2}(?!:)", written):
        return f"a time in TOML has its seconds: {written} (HH:MM:SS)"
    return ""


def _syntax_error(path: Path | str, error: tomli.TOMLDecodeError, text: str) -> SessionFileError:
    said = _said(error, text)
    if error.pos >= len(text):
        lines = text.split("\n")
        return SessionFileError(
            path,
            f"not valid TOML: {said} (at end of file)",
            line=len(lines),
            column=len(lines[-1]) + 1,
        )
    return SessionFileError(path, f"not valid TOML: {said}", line=error.lineno, column=error.colno)


def _validation_error(path: Path | str, error: ValidationError) -> SessionFileError:
    first = error.errors(include_url=False)[0]
    field = _clip(_field_path(first["loc"]))  # a key may be a megabyte long
    message = _clip(first["msg"]).replace("Input should be", "should be", 1)
    if first["type"] == "extra_forbidden":
        message = "unknown key (a typo?)"
    elif message.startswith("Value error, "):
        inner = message.removeprefix("Value error, ")
        sub, _, rest = inner.partition(": ")
        if rest and sub and " " not in sub:
            field, message = f"{field}.{sub}" if field else sub, rest
        else:
            message = inner
    value = first.get("input")
    if first["type"] not in ("extra_forbidden", "missing") and isinstance(
        value, str | int | float | dt.date
    ):
        message += f" (the file says {_clip(printable(_as_written(value), layout=False), 60)})"
    more = len(error.errors()) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return SessionFileError(path, message, field=field or "(top level)")


def _as_written(value: str | int | float | dt.date) -> str:
    """A value as the file spells it ("true", 2025-01-15T10:00:00+00:00, "text"), not as
    Python does (datetime.datetime(2025, …), True)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith(("function-after[", "function-before[")):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out
