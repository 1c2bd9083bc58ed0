"""The line of a TOML file a field path comes from ("timeline[2].time"), for messages.

Validation names a field of the parsed document; a person fixing the file by hand wants the
line. This reads the text the way a person does, table header by table header, without a
second parser: `[table]`, `[[array of tables]]` (counted per parent, so the third
``[[timeline]]`` is ``timeline[2]``), and `key = value` lines, dotted keys too. Multi-line
strings are skipped. The line is that of the field if it is written, else of the nearest
table or key that holds it (a missing field: the header of its table); None when nothing
in the text matches (then the message says the field alone).
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_NAME = r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'"""
_KEY = re.compile(rf"^\s*((?:{_NAME})(?:\s*\.\s*(?:{_NAME}))*)\s*=")
_PART = re.compile(_NAME)
_FIELD = re.compile(r"([^.\[\]]+)|\[(\d+)\]")

Path = tuple[str | int, ...]


def field_parts(field: str) -> Path:
    """ "timeline[2].time" as ("timeline", 2, "time")."""
    return tuple(int(index) if index else name for name, index in _FIELD.findall(field))


def _keys(dotted: str) -> list[str]:
    return [part.strip("\"'") for part in _PART.findall(dotted)]


def line_of(text: str, field: str) -> int | None:
    """The 1-based line the field is written on, or of what holds it; None if none does."""
    wanted = field_parts(field)
    table: Path = ()
    counts: dict[Path, int] = {}  # array of tables (with its parent's indexes) -> last index
    best, best_length = None, 0
    in_string: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if in_string:
            if line.count(in_string) % 2:
                in_string = None
            continue
        in_string = _opens_string(line)  # a key's value or an array's item: the same
        if in_string and not _KEY.match(line):
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            names = _keys(header.group(2))
            if header.group(1) == "[[":
                parent = _resolve(names[:-1], table, counts)
                array = (*parent, names[-1])
                counts[array] = counts.get(array, -1) + 1
                for key in [k for k in counts if len(k) > len(array) and k[: len(array)] == array]:
                    del counts[key]  # a new element: its own arrays count from zero
                table = (*array, counts[array])
            else:
                table = _resolve(names, table, counts)
            path = table
        elif key := _KEY.match(line):
            path = (*table, *_keys(key.group(1)))
        else:
            continue
        length = _shared(path, wanted)
        if length == len(path) and length > best_length:
            best, best_length = number, length
            if length == len(wanted):
                return best
    return best


def _opens_string(line: str) -> str | None:
    """The quotes of a multi-line string the line leaves open, if it does, read left to
    right: quotes inside a one-line string or after a comment are text. (Only on the way
    to a message: a file that reads well never comes here.)"""
    at = 0
    while at < len(line):
        char = line[at]
        if char == "#":
            return None
        if line.startswith(('"""', "'''"), at):
            quote = line[at : at + 3]
            close = line.find(quote, at + 3)
            if close < 0:
                return quote
            at = close + 3
            continue
        if char in "\"'":
            at += 1
            while at < len(line) and line[at] != char:
                at += 2 if char == '"' and line[at] == "\\" else 1
        at += 1
    return None


def _resolve(names: list[str], table: Path, counts: dict[Path, int]) -> Path:
    """A header's dotted name as a path: each array of tables on the way is its last
    element (``[[a.b]]`` under the third ``[[a]]`` is a[2].b)."""
    path: Path = ()
    for name in names:
        path = (*path, name)
        if path in counts:
            path = (*path, counts[path])
    return path


def _shared(path: Path, wanted: Path) -> int:
    length = 0
    for mine, theirs in zip(path, wanted, strict=False):
        if mine != theirs:
            break
        length += 1
    return length
