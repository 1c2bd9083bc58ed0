"""The facilitator's prompts for each meeting section, taken from the guide.

Each is read aloud from the meeting bar beside the clock, 56 cells at 80×24: one that was cut
there ("Ask why again for each answer, until you reach a syst…") could not be read out, so
the guide's longer lines are said in fewer words (a test holds every prompt to that width).
"""

from __future__ import annotations

from sessions.models import SectionKind

FACILITATOR_ROLE = (
    "Keep discussion blameless",
    "Ensure all voices heard",
    "Drive toward action items",
    "Capture decisions and insights",
    "Redirect blame to systems",
)

BLAMELESS_LINES = ("We focus on what happened", "and how, not who.")
BLAMELESS_REMINDER = " ".join(BLAMELESS_LINES)
"""The guide's rule for the room, said first ("focus on 'who' not 'how'" is blame creep)."""

PRIME_DIRECTIVE = (
    "Regardless of what we discover, we understand and truly believe that everyone did the "
    "best job they could, given what they knew at the time, their skills and abilities, the "
    "resources available, and the situation at hand."
)
"""Norm Kerth's Retrospective Prime Directive, read out when setting the stage."""

PROMPTS: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.OPENING: (
        "Read aloud: what happened and how, not who.",
        "Who should be here: responders, owner, a note-taker?",
        "Walk through the agenda and when we will finish.",
        "Fix ideas come early: park them (i) for action items.",
    ),
    SectionKind.TIMELINE_REVIEW: (
        "When did the issue actually start?",
        "When was it first detectable?",
        "What triggered detection?",
        "What caused delays in response?",
        "Be precise with times, in the zone the table shows.",
        "Include non-events: what didn't happen?",
        "Note decision points.",
        "What information was available at the time?",
    ),
    SectionKind.CONTRIBUTING_FACTORS: (
        "What about the system allowed this?",
        "What made this decision seem reasonable?",
        "Ask why of each answer, down to a systemic issue.",
        "Multiple branches are OK (parallel why chains).",
        "Stop when you reach something you can fix.",
        "Focus on process and system, not people.",
        "Fishbone: People, Process, Technology, Environment.",
    ),
    SectionKind.WENT_WELL: (
        "What helped us detect, respond and recover?",
        "What should other teams copy?",
        "All voices heard? Ask the quieter responders.",
    ),
    SectionKind.COULD_IMPROVE: (
        "What went poorly: detection, diagnosis, comms, recovery?",
        "Where did we get lucky? What could have been worse?",
        "How do we prevent this class of error?",
        "Redirect blame: 'The procedure didn't account for this'.",
    ),
    SectionKind.ACTION_ITEMS: (
        "Focus on the 3-5 highest-impact items.",
        "Specific and measurable: how do we know it is done?",
        "One owner (a person, not a team), due within 30 days.",
        "Prevent / Detect / Mitigate / Document: which is it?",
        "Does it address a contributing factor or root cause?",
    ),
    SectionKind.SUMMARY: (
        "Recap: impact, timeline, root cause, actions.",
        "What would you want another team to take away?",
    ),
    SectionKind.LESSONS: (
        "What applies beyond this team?",
        "Have we seen this pattern before?",
        "Share knowledge across teams; celebrate the learning.",
    ),
    SectionKind.OTHER: FACILITATOR_ROLE,
}
