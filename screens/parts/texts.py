"""The prose parts: the summary and the root-cause statements."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget

from screens.parts.context import PartContext
from widgets.text_field import TextField


def summary(context: PartContext) -> Widget:
    return TextField(
        "Executive summary",
        context.editor,
        "summary",
        hint="One paragraph: what happened, how long, the impact, what we're doing about it.",
        id="text-summary",
    )


def root_cause(context: PartContext) -> Widget:
    return VerticalScroll(
        TextField(
            "What happened",
            context.editor,
            "root_cause.what_happened",
            hint="The immediate cause, the sequence of events, the technical details.",
            id="text-root_cause-what_happened",
        ),
        TextField(
            "Root cause statement",
            context.editor,
            "root_cause.statement",
            hint="A system or process gap, e.g. 'Deployment process lacks verification of …'.",
            id="text-root_cause-statement",
        ),
        id="root-cause-part",
    )
