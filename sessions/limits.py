"""What a session file may hold: limits no real session reaches, checked before and while parsing.

Files travel (a teammate's branch, a shared folder), so a file may be built to hurt: 500
levels of nesting overflow the parser's stack, a 100,000-part dotted key makes it quadratic
(minutes, gigabytes), a million-item list or megabytes in every field make the checks slow.
Each limit below is refused with the one-line error before the expensive step it protects
(the pass before parsing costs about 25 ms a MB). The largest real session we know of
(10,000 timeline events, 500 action items, a 300-step 5 whys) is 1.5 MB and well inside
every one of them.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

from sessions.errors import SessionFileError

MAX_FILE_BYTES = 4 * 1024 * 1024
"""A session file's size. The 10,000-event benchmark session is 1.5 MB; the rest is room for
logs pasted into ``supporting.logs``."""

MAX_CONFIG_BYTES = 64 * 1024
"""A team's ``.pmtui.toml``: a few phrases and rule ids."""

MAX_DEPTH = 32
"""Arrays and inline tables inside each other; a session needs 3, a hand-written one 6."""

MAX_KEY_PARTS = 16
"""Parts of one dotted key or table header (``[root_cause.fishbone]`` has 2)."""

MAX_VALUES = 200_000
"""Keys, array items and tables in a file: 4 times the 10,000-event session (about 50,000)."""

MAX_TEXT = 64 * 1024
"""Characters in one text field: some 30 pages."""

LONG_TEXT = (("supporting", "logs"),)
"""Fields that may hold pasted logs: bounded only by the file size (and not checked for
blame, so they cost the checks nothing)."""

MAX_PROSE = 3 * 512 * 1024
"""Characters of text in all other fields together (the 10,000-event session has 0.7 M): the
language checks read it all, at a few microseconds a character when blame is everywhere."""

MAX_ITEMS = 20_000
"""Items in one list (timeline events, action items, tags…)."""

MAX_WHYS = 500
"""Steps of the 5 whys (the benchmark's large tree has 300): chains are printed in full, so
the export grows with steps × depth."""

# --- before parsing: one regular-expression pass, strings and comments skipped -------------

_BASIC = r'"(?:[^"\\\n]++|\\.)*+"'
_LITERAL = r"'[^'\n]*+'"
_ML_BASIC = r'"""(?:[^"\\]++|\\[\s\S]|"{1,2}+(?!"))*+"{3,5}'
_ML_LITERAL = r"'''(?:[^']++|'{1,2}+(?!'))*+'{3,5}"
#: Each match skips text, strings and comments up to the next structural character, which is
#: the one group: a bracket, a dot (of a dotted key, or a float), ``=`` or ``,``.
_TOKENS = re.compile(
    rf"(?:[^\"'#\[\]{{}}.=,]++|{_ML_BASIC}|{_ML_LITERAL}|{_BASIC}|{_LITERAL}|#[^\n]*+|[\"'])*+"
    rf"(?:([\[\]{{}}.=,])|\Z)"
)
_DEPTH = {"[": 1, "{": 1, "]": -1, "}": -1}
_NOT_BRACKETS = str.maketrans("", "", ".=,")
_LONG_KEY = "." * MAX_KEY_PARTS


def scan_toml(text: str, path: Any) -> None:
    """Refuse TOML text beyond the structural limits, before the parser sees it.

    The pass reduces the text to its structural characters in C (about 25 ms a MB), so the
    arithmetic below never loops in Python over the file.
    """
    tokens = "".join(_TOKENS.findall(text))
    depths = list(accumulate(map(_DEPTH.__getitem__, tokens.translate(_NOT_BRACKETS))))
    too_deep = bool(depths) and max(depths) > MAX_DEPTH
    if too_deep or _LONG_KEY in tokens:
        raise _locate(text, path)
    # Each value follows "=" or ","; each table header or top-level array closes at depth 0.
    values = tokens.count("=") + tokens.count(",") + depths.count(0)
    if values > MAX_VALUES:
        raise SessionFileError(
            path, f"{values:,} keys, values and tables, over the limit of {MAX_VALUES:,} for a file"
        )


def _locate(text: str, path: Any) -> SessionFileError:
    """The same pass with positions, stopping at the first token over a limit (rare: only
    for a file being refused)."""
    depth = dots = 0
    for match in _TOKENS.finditer(text):
        token = match.group(1)
        if token is None:
            continue
        dots = dots + 1 if token == "." else 0
        depth += _DEPTH.get(token, 0)
        why = ""
        if depth > MAX_DEPTH:
            why = f"arrays or inline tables nested over the limit of {MAX_DEPTH} levels"
        elif dots >= MAX_KEY_PARTS:
            why = f"a dotted key or table name over the limit of {MAX_KEY_PARTS} parts"
        if why:
            start = match.start(1)
            line = text.count("\n", 0, start) + 1
            column = start - text.rfind("\n", 0, start)
            return SessionFileError(path, why, line=line, column=column)
    return SessionFileError(path, "beyond the limits of a session file")  # not reached


# --- after parsing: one walk over the document ------------------------------------------------


def check_document(data: dict[str, Any], path: Any) -> None:
    """Refuse a parsed document with a string, a list or text in total beyond the limits."""
    long_texts = [text for where in LONG_TEXT if isinstance(text := _get(data, where), str)]
    total = _walk(data, {id(text) for text in long_texts})
    if total is None:
        raise _first_offender(data, path, long_texts)
    analyses = _get(data, ("root_cause", "whys"))
    if isinstance(analyses, dict):  # a version 1 file: one analysis
        analyses = [analyses]
    steps = sum(
        len(a["nodes"])
        for a in analyses or ()
        if isinstance(a, dict) and isinstance(a.get("nodes"), list)
    )
    if steps > MAX_WHYS:
        raise SessionFileError(
            path,
            f"{steps:,} steps in the 5 whys, over the limit of {MAX_WHYS:,}",
            field="root_cause.whys",
        )
    if total - sum(map(len, long_texts)) > MAX_PROSE:
        mib = f"{MAX_PROSE / (1 << 20):g} MiB"
        raise SessionFileError(
            path, f"text outside supporting.logs over the limit of {mib} in total"
        )


def _walk(data: Any, long_ids: set[int]) -> int | None:
    """The characters of every string, or None at the first list or string over its limit."""
    total = 0
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            stack.extend(value.values())
        elif kind is list:
            if len(value) > MAX_ITEMS:
                return None
            stack.extend(value)
        elif kind is str:
            total += len(value)
            if len(value) > MAX_TEXT and id(value) not in long_ids:
                return None
    return total


def _get(data: Any, where: tuple[str, ...]) -> Any:
    for key in where:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _first_offender(data: Any, path: Any, long_texts: list[str]) -> SessionFileError:
    """The walk again with field paths, to name the list or string that is too long."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k)) for k, v in value.items())
        elif isinstance(value, list):
            if len(value) > MAX_ITEMS:
                return SessionFileError(
                    path, f"{len(value):,} items, over the limit of {MAX_ITEMS:,}", field=where
                )
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(value))
        elif (
            isinstance(value, str)
            and len(value) > MAX_TEXT
            and not any(value is text for text in long_texts)
        ):
            return SessionFileError(
                path,
                f"{len(value):,} characters, over the limit of {MAX_TEXT:,} for one field",
                field=where,
            )
    return SessionFileError(path, "beyond the limits of a session file")  # not reached
