"""The prose parts: the summary, the background, the root-cause statements, and how the
incident was detected, resolved and told to customers."""

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
            "Trigger",
            context.editor,
            "root_cause.trigger",
            hint="What set it off: a deploy, a config push, a spike.",
            id="text-root_cause-trigger",
        ),
        TextField(
            "Root cause statement",
            context.editor,
            "root_cause.statement",
            hint="A system or process gap, e.g. 'Deployment process lacks verification of …'.",
            id="text-root_cause-statement",
        ),
        id="root-cause-part",
        can_focus=False,
    )


def background(context: PartContext) -> Widget:
    return TextField(
        "Background",
        context.editor,
        "background",
        hint="The context and architecture a reader needs first.",
        id="text-background",
    )


def response(context: PartContext) -> Widget:
    """Detection, resolution and customer communication: the response, in document order."""
    return VerticalScroll(
        TextField(
            "Detection",
            context.editor,
            "detection",
            hint="How it was noticed (alerts, customers, luck), how fast.",
            id="text-detection",
        ),
        TextField(
            "Resolution",
            context.editor,
            "resolution",
            hint="How service was restored and the incident closed.",
            id="text-resolution",
        ),
        TextField(
            "Customer communication",
            context.editor,
            "customer_communication",
            hint="What customers were told, when, where; the apology.",
            id="text-customer_communication",
        ),
        id="response-part",
        can_focus=False,
    )
