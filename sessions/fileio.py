"""Reading and writing session files: TOML for people and for git, saved atomically."""

from __future__ import annotations

import contextlib
import enum
import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ValidationError

from sessions.errors import SessionFileError
from sessions.migrations import MIGRATIONS
from sessions.models import SCHEMA_VERSION, Session

#: Fields written even when they hold their default, so a reader always sees them.
_ALWAYS_WRITTEN = {
    ("schema_version",),
    ("metadata",),
    ("metadata", "status"),
    ("metadata", "severity"),
}

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")


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
    return tomli_w.dumps(to_document(session), multiline_strings=True)


def loads(text: str, path: Path | str = "<string>") -> Session:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(path, error, text) from None
    return from_document(data, path)


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
    return load_with_bytes(path)[0]


def load_with_bytes(path: Path | str) -> tuple[Session, bytes]:
    """The session and the exact bytes it was read from (to tell our writes from others')."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SessionFileError(path, "no such file") from None
    except IsADirectoryError:
        raise SessionFileError(path, "is a directory, not a session file") from None
    except PermissionError:
        raise SessionFileError(path, "permission denied") from None
    except OSError as error:
        raise SessionFileError(path, error.strerror or str(error)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise SessionFileError(
            path, "not UTF-8 text (a session file is UTF-8 TOML)", line=line, column=column
        ) from None
    return loads(text, path), raw


def save(session: Session, path: Path | str) -> None:
    """Write atomically: temporary file in the same folder, fsync, rename; keep permissions."""
    write_text_atomic(Path(path), dumps(session))


def write_text_atomic(path: Path, text: str) -> os.stat_result:
    """Write ``text`` to ``path`` atomically; returns the new file's stat, taken before the
    rename, so a caller can tell its own write from anyone else's."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        written = os.stat(tmp_name)  # chmod changes ctime; the rename keeps inode and mtime
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)
    return written


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _syntax_error(path: Path | str, error: tomllib.TOMLDecodeError, text: str) -> SessionFileError:
    message = str(error)
    match = _TOML_POSITION.search(message)
    if match:
        return SessionFileError(
            path,
            f"not valid TOML: {message[: match.start()]}",
            line=int(match.group(1)),
            column=int(match.group(2)),
        )
    if _TOML_END.search(message):
        lines = text.split("\n")
        return SessionFileError(
            path,
            f"not valid TOML: {_TOML_END.sub('', message)} (at end of file)",
            line=len(lines),
            column=len(lines[-1]) + 1,
        )
    return SessionFileError(path, f"not valid TOML: {message}")


def _validation_error(path: Path | str, error: ValidationError) -> SessionFileError:
    first = error.errors(include_url=False)[0]
    field = _field_path(first["loc"])
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown key (a typo?)"
    elif message.startswith("Value error, "):
        inner = message.removeprefix("Value error, ")
        sub, _, rest = inner.partition(": ")
        if rest and sub and " " not in sub:
            field, message = f"{field}.{sub}" if field else sub, rest
        else:
            message = inner
    more = len(error.errors()) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return SessionFileError(path, message, field=field or "(top level)")


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
