"""The prose parts: the summary, the background, the root-cause statements, and how the
incident was detected, resolved and told to customers."""

from __future__ import annotations

from textual.widget import Widget

from screens.parts.context import PartContext
from screens.parts.scroll import PartScroll
from widgets.text_field import TextField


def _text(context: PartContext, label: str, path: str, hint: str) -> TextField:
    """The field for the text at ``path``, named after it (``text-root_cause-trigger``)."""
    return TextField(label, context.editor, path, hint=hint, id="text-" + path.replace(".", "-"))


def summary(context: PartContext) -> Widget:
    return _text(
        context,
        "Executive summary",
        "summary",
        "One paragraph: what happened, how long, the impact, what we're doing about it.",
    )


def root_cause(context: PartContext) -> Widget:
    return PartScroll(
        _text(
            context,
            "What happened",
            "root_cause.what_happened",
            "The immediate cause, the sequence of events, the technical details.",
        ),
        _text(
            context,
            "Trigger",
            "root_cause.trigger",
            "What set it off: a deploy, a config push, a spike.",
        ),
        _text(
            context,
            "Root cause statement",
            "root_cause.statement",
            "A system or process gap, e.g. 'Deployment process lacks verification of …'.",
        ),
        id="root-cause-part",
    )


def background(context: PartContext) -> Widget:
    return _text(
        context, "Background", "background", "The context and architecture a reader needs first."
    )


def response(context: PartContext) -> Widget:
    """Detection, resolution and customer communication: the response, in document order."""
    return PartScroll(
        _text(
            context,
            "Detection",
            "detection",
            "How it was noticed (alerts, customers, luck), how fast.",
        ),
        _text(
            context,
            "Resolution",
            "resolution",
            "How service was restored and the incident closed.",
        ),
        _text(
            context,
            "Customer communication",
            "customer_communication",
            "What customers were told, when, where; the apology.",
        ),
        id="response-part",
    )
