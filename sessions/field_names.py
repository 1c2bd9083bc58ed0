"""A field path said in the document's words, for messages: "What Went Poorly, item 2"
(an undo had read "Undone: went_poorly[1].text: rewritten")."""

from __future__ import annotations

import re

from sessions.markdown import HEADINGS

_STEP = re.compile(r"(\w+)(?:\[(\d+)\])?")

#: What one record of a list is called; "item" for the rest.
_RECORD = {
    "timeline": "event",
    "factors": "factor",
    "action_items": "action item",
    "whys": "5 whys",
    "nodes": "step",
    "categories": "category",
    "causes": "cause",
    "sub_causes": "sub-cause",
    "authors": "author",
    "reviewers": "reviewer",
    "entries": "entry",
    "attendees": "attendee",
}

#: Fields a reader knows by their place alone.
_SILENT = frozenset({"text", "event", "action", "factor"})


def readable(where: str) -> str:
    """``went_poorly[1].text`` → "What Went Poorly, item 2"; ``timeline[3].event`` →
    "Timeline, event 4": the heading, then each record by number and the field if it is
    not the record's own text."""
    steps = _STEP.findall(where)
    if not steps:
        return where
    name, index = steps[0]
    words = [HEADINGS.get(name, name.replace("_", " ").capitalize())]
    if index:
        words.append(f"{_RECORD.get(name, 'item')} {int(index) + 1}")
    for name, index in steps[1:]:
        if index:  # a list inside a part goes by its own name ("functionality 2")
            words.append(f"{_RECORD.get(name, name.replace('_', ' '))} {int(index) + 1}")
        elif name not in _SILENT:
            words.append(name.replace("_", " "))
    return ", ".join(words)
