"""The root cause statement, "**Root cause**: …", wherever the document puts it.

The export writes it after the root cause's subsections, so it also turns up in the 5 whys
and at the end of the prose of "What happened" or "Trigger".
"""

from __future__ import annotations

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import blocks_of, labelled
from sessions.prose import MD


def without_statement(ctx: ImportContext, text: str) -> str:
    """The root cause line that follows the last subsection is not part of its prose."""
    lines = text.split("\n")
    for group in blocks_of(MD.parse(text)):
        if group[0].type == "paragraph_open" and group[0].map and statement(ctx, group):
            return "\n".join(lines[: group[0].map[0]]).strip("\n")
    return text


def statement(ctx: ImportContext, group: list[Token]) -> bool:
    if group[0].type != "paragraph_open":
        return False
    found = labelled(group[1].content)
    if found and found[0].lower() == "root cause":
        ctx.session.root_cause.statement = found[1]
        return True
    return False
