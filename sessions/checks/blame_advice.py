"""What each blame rule says to the writer: why the words are a problem, and the guide's
better way of saying it, with the guide's blameless questions (the rewrites are elsewhere)."""

from __future__ import annotations

QUESTIONS = (
    "What made this action seem reasonable at the time?",
    "What information was available?",
    "What about the system allowed this?",
)
"""The guide's blameless questions, offered with every finding."""

ADVICE: dict[str, tuple[str, str]] = {
    "BL001": (
        "asking who points at a person; ask what happened",
        'Ask "What happened?" and "What about the system allowed this?"',
    ),
    "BL002": (
        "questioning a person puts them on the defensive",
        'Ask "What information was available?"',
    ),
    "BL003": (
        "hindsight judges a decision by what was learned later",
        'Ask "What made this decision seem reasonable?"; e.g. "The alert didn\'t fire for this condition"',
    ),
    "BL004": (
        "calling it a person's error stops the search for what let it happen",
        'Name what the system allowed: "The system allowed this to happen"',
    ),
    "BL005": (
        "the procedure is part of the system: ask why it did not fit this case",
        '"The procedure didn\'t account for this case" or "The runbook was unclear about this scenario"',
    ),
    "BL006": (
        "judging character or care assumes bad intent; assume people acted on what they knew",
        'Describe the conditions: "What information was available?"',
    ),
    "BL007": (
        "a person as the subject of the failure hides what the system allowed",
        'Make the system the subject: "The deployment process allowed deployment without test verification"',
    ),
    "BL008": ("your team asked to avoid this phrase", "Describe what the system allowed"),
    "BL009": (
        "the adverb makes it about the person's slip, not the step that allowed it",
        "Say what happened and what would have caught it",
    ),
    "BL010": (
        "singling out or punishing a person teaches everyone to hide the next incident",
        "Say what the review will change in the system, not who was involved",
    ),
}
"""Per rule id: why the words are a problem, and the guide's better way of saying it."""
