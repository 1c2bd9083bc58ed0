"""What each rule looks for, an example, and the guide's advice: `pmtui check --explain RULE`."""

from __future__ import annotations

from dataclasses import dataclass

from sessions.checks.blame_advice import ADVICE, QUESTIONS
from sessions.checks.findings import Rule


@dataclass(frozen=True)
class Explanation:
    looks_for: str
    #: (flagged, fine) example pairs.
    examples: tuple[tuple[str, str], ...]
    advice: str


_BLAME = {
    "BL001": (
        'questions about who did it: "Who broke this?", "who deployed the change?"',
        (("Who broke this?", "What happened?"),),
    ),
    "BL002": (
        '"why didn\'t" questions put to a person (you, they, a role or a name)',
        (("Why didn't you check the dashboard?", "What information was available?"),),
    ),
    "BL003": (
        'hindsight with any subject: "should have known / anticipated", "it was obvious",'
        ' "could easily have been avoided", "if only"; technical subjects stay quiet'
        ' ("the alert should have fired")',
        (
            ("We should have anticipated the spike.", "The spike was not anticipated."),
            ("On-call should have caught this", "The alert didn't fire for this condition."),
        ),
    ),
    "BL004": (
        'error nouns that name a person\'s error: "human error", "operator error", "a mistake'
        ' by ...", "their mistake", "made the critical error", "fat-finger"; metric names'
        ' ("operator error rate") and talk about the concept stay quiet',
        (
            (
                "The outage was caused by human error.",
                "The outage was caused by an unguarded manual step.",
            ),
        ),
    ),
    "BL005": (
        'passive procedure framing: "procedures were not followed", "the runbook was ignored",'
        ' "failure to follow the process"',
        (("Procedures were not followed.", "The procedure didn't account for this case."),),
    ),
    "BL006": (
        "words that judge character or care: careless, negligent, sloppy, reckless, bumbling,"
        ' "be more careful next time"',
        (("a careless change", "a change"),),
    ),
    "BL007": (
        "a person as the subject of a failure: a role (engineer, technician, intern, staff,"
        " contractor, new hire, ...), a pronoun, an @handle, a name from the session or a common"
        ' first name, before "forgot to", "failed to", "did not", "missed", "skipped", "pushed'
        ' the wrong ...", "deployed without"; systems ("Kafka failed to ...") stay quiet.'
        " Teams add people-words and fine words in .pmtui.toml ([check] people, fine)",
        (
            (
                "Bob forgot to renew the cert because he was careless",
                "The cert was not renewed. It depended on one person remembering.",
            ),
        ),
    ),
    "BL008": ("a phrase your team listed in .pmtui.toml ([check] phrases)", ()),
    "BL009": (
        "an adverb that blames the person who acted: mistakenly, accidentally, inadvertently,"
        ' erroneously, wrongly, incorrectly ("an engineer mistakenly ran ..."); the same adverb'
        ' on a system or a passive ("the database was accidentally deleted") stays quiet',
        (
            (
                "An engineer mistakenly ran the cleanup script against production.",
                "The cleanup script was run against production. Nothing in the tooling asked"
                " for a confirmation first.",
            ),
        ),
    ),
    "BL010": (
        'singling out and punishment: "we have taken action with that particular employee",'
        ' "the engineer responsible has been retrained / fired", "lone sysadmin", "it was the'
        ' intern", "blamed an intern"',
        (
            (
                "The engineer responsible has been retrained.",
                "The review looks at what in the system allowed this, not at who was involved.",
            ),
        ),
    ),
}

_OTHERS = {
    "AI001": (
        'action items that are vague or not actionable: "Improve monitoring", "Be more careful"',
        (("Improve monitoring", "Add an alert when the pool is above 80% for 5 minutes"),),
        "Make it specific, measurable and verifiable: what changes, where, and how you will know.",
    ),
    "AI002": ("action items without an owner", (), "Give each action item one named owner."),
    "AI003": (
        'owners that are a team or several people ("SRE team", "Ana and Tom")',
        (("SRE team", "Ana Silva"),),
        "One person owns it; they may share the work.",
    ),
    "AI004": ("action items without a due date", (), "Give each action item a due date."),
    "AI005": (
        "due dates more than 30 days after the meeting",
        (),
        "The guide asks for action items within 30 days; split long work into a first step.",
    ),
    "AI006": (
        "action items without a type",
        (),
        "Say whether it prevents, detects, mitigates or documents.",
    ),
    "AI007": ("action items without a priority", (), "Give a priority from P1 to P3."),
    "AI008": (
        "action items linked to no contributing factor or root cause",
        (),
        "Link each action item to the factor or root cause it addresses.",
    ),
    "AI009": (
        "more than 5 action items",
        (),
        "Focus on the 3-5 highest-impact items (the guide's 'excessive action items' pitfall).",
    ),
    "AI010": (
        "10 or more action items",
        (),
        "Too many action items never get done: keep the 3-5 that matter most.",
    ),
    "AI011": (
        "action items that address a factor id that does not exist",
        (),
        "Link to an existing factor id, or 'root-cause'.",
    ),
    "AI012": (
        "open action items past their due date, with the 7/14/30-day escalation stage",
        (),
        "Remind the owner at 7 days, escalate to the manager at 14, review in leadership at 30.",
    ),
    "AI013": (
        "an action item whose type is not one of the team's (pmtui.toml), or of the guide's"
        " Prevent, Detect, Mitigate, Document when the team names none",
        (("Type: Monitoring", "Type: Detect"),),
        "Pick one of the team's types, so the items can be counted and sorted by kind.",
    ),
    "DP001": (
        "5-whys chains that stop before three whys",
        (),
        "Keep asking why until you reach something systemic you can fix.",
    ),
    "DP002": ("no root cause marked or stated", (), "Mark a root cause in the 5 whys or state it."),
    "DP003": (
        "a root cause that names a person (an @handle or a name from the session)",
        (),
        "A root cause is a system or process gap: state what about the system allowed it.",
    ),
    "DP004": (
        "contributing factors no action item addresses",
        (),
        "Address each factor with an action item, or say why it is accepted.",
    ),
    "DP005": ("a timeline without events", (), "Add the timeline of events."),
    "DP008": (
        "an impact duration that disagrees with the timeline: the minutes the impact states"
        " against the time from the 'issue started' event to the 'service restored' one, by"
        " more than 5 minutes or a tenth (twice that when either time is approximate)",
        (("Duration: 30 min, with issue started 14:02 and restored 15:10", "Duration: 68 min"),),
        "Say one duration: fix the impact's minutes or the two events' times, so the reader"
        " does not have to choose.",
    ),
    "DP006": (
        "timeline markers out of order (restored before started, ...)",
        (),
        "Check the times and markers of the events.",
    ),
    "DP007": (
        "no action item addresses the root cause",
        (),
        "Link an action item to the root cause ('root-cause').",
    ),
    "RQ001": (
        "a part of the guide's template left empty: the title, the incident date, the"
        " authors, the summary, the impact, what happened, the contributing factors, what"
        " went well and poorly, the action items, the lessons learned",
        (),
        "Write each part, even in one line; an empty part leaves the document without it, and"
        " the reader wonders whether it was looked at. 'None' is an answer.",
    ),
    "RQ002": (
        "a section the team's template (pmtui.toml) requires, still empty",
        (),
        "Write the section your team asks for, or take it out of the team's template.",
    ),
    "TH001": (
        "template placeholder text left in ([Incident Title], TBD, ...)",
        (),
        "Fill in or remove the template's placeholders.",
    ),
    "TR001": (
        "whether a postmortem is required: severity, duration, data loss, security, near miss",
        (),
        "Follow the guide's 'When to Write a Postmortem' table.",
    ),
    "DL001": (
        "a draft past its 48-hour deadline",
        (),
        "Draft within 48 hours of the incident.",
    ),
    "DL002": (
        "a review past its 5-business-day deadline",
        (),
        "Hold the review within 5 business days.",
    ),
    "DL003": (
        "publication past its 7-business-day deadline",
        (),
        "Publish within 7 business days.",
    ),
}


def explain(rule: Rule) -> Explanation:
    if rule.id in _BLAME:
        looks_for, examples = _BLAME[rule.id]
        why, better = ADVICE[rule.id]
        advice = f"{why[0].upper()}{why[1:]}. {better}. Where no rewrite fits, ask: " + " ".join(
            QUESTIONS
        )
        return Explanation(looks_for, examples, advice)
    looks_for, examples, advice = _OTHERS.get(rule.id, (rule.summary, (), ""))
    return Explanation(looks_for, examples, advice)


def render(rule: Rule) -> str:
    """The text `pmtui check --explain` prints."""
    about = explain(rule)
    lines = [f"{rule.id} ({rule.level}): {rule.summary}", "", f"Looks for: {about.looks_for}"]
    for flagged, fine in about.examples:
        lines += ["", f"  flagged: {flagged}", f"  better:  {fine}"]
    if about.advice:
        lines += ["", f"Advice: {about.advice}"]
    return "\n".join(lines)
