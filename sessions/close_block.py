"""Where the close's summary sits in the meeting notes: between its heading and its end line.

Apart from ``sessions.close`` (which writes it) so the export can find it without importing
what the summary is made of.
"""

from __future__ import annotations

import re

HEADING = "### Close of the meeting"
END_TEXT = "Written by pmtui at the close of the meeting; closing it again rewrites this part."
END = f"_{END_TEXT}_"

_DATE = re.compile(rf"^{re.escape(HEADING)} \((\d{{4}}-\d{{2}}-\d{{2}})\)")


def summary_span(lines: list[str]) -> tuple[int, int] | None:
    """The first and last line of the summary in the notes' lines, or None."""
    start = next((i for i, line in enumerate(lines) if line.startswith(HEADING)), None)
    if start is None:
        return None
    # The export writes the emphasis with * and an import keeps that: either will do.
    end = next(
        (i for i in range(start, len(lines)) if lines[i].strip().strip("_*") == END_TEXT), None
    )
    return None if end is None else (start, end)


def without_summary(notes: str) -> tuple[str, str | None]:
    """The notes less the summary, and the day of the close it gave (None: no summary)."""
    lines = notes.split("\n")
    span = summary_span(lines)
    if span is None:
        return notes, None
    start, end = span
    found = _DATE.match(lines[start])
    rest = "\n".join([*lines[:start], *lines[end + 1 :]]).strip("\n")
    return rest, found.group(1) if found else ""
