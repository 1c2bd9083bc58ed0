"""Depth of analysis: the guide's "shallow analysis" pitfall and a consistent timeline."""

from __future__ import annotations

import re

from sessions.checks.findings import Finding, Level, Rule
from sessions.models import ROOT_CAUSE_REF, Marker, Precision, SectionKind, Session
from sessions.timeline import first_marked, first_marks
from sessions.timeparse import format_duration

SHALLOW = Rule("DP001", Level.WARNING, "a why-chain stops before three whys")
NO_ROOT = Rule("DP002", Level.WARNING, "no root cause is marked or stated")
ROOT_PERSON = Rule("DP003", Level.ERROR, "the root cause names a person")
UNADDRESSED = Rule(
    "DP004",
    Level.WARNING,
    "a contributing factor no action item addresses",
    discussed_in=SectionKind.ACTION_ITEMS,
)
NO_TIMELINE = Rule("DP005", Level.WARNING, "the timeline has no events")
MARKER_ORDER = Rule("DP006", Level.ERROR, "timeline markers are out of order")
ROOT_UNADDRESSED = Rule(
    "DP007",
    Level.INFO,
    "no action item addresses the root cause",
    discussed_in=SectionKind.ACTION_ITEMS,
)

DURATION_MISMATCH = Rule(
    "DP008", Level.WARNING, "the stated impact duration disagrees with the timeline"
)

RULES = (
    SHALLOW,
    NO_ROOT,
    ROOT_PERSON,
    UNADDRESSED,
    NO_TIMELINE,
    MARKER_ORDER,
    ROOT_UNADDRESSED,
    DURATION_MISMATCH,
)

#: How far the stated duration may be from the timeline's before it is worth a question.
DURATION_SLACK_MINUTES = 5
DURATION_SLACK_SHARE = 0.1

MIN_WHYS = 3

#: (earlier, later): the later marker can't come before the earlier one.
_ORDER = (
    (Marker.ISSUE_STARTED, Marker.FIRST_DETECTABLE),
    (Marker.ISSUE_STARTED, Marker.ALERT_FIRED),
    (Marker.ALERT_FIRED, Marker.ACKNOWLEDGED),
    (Marker.ACKNOWLEDGED, Marker.ESCALATED),
    (Marker.ISSUE_STARTED, Marker.ROOT_CAUSE_IDENTIFIED),
    (Marker.ISSUE_STARTED, Marker.MITIGATION_STARTED),
    (Marker.ISSUE_STARTED, Marker.SERVICE_RESTORED),
    (Marker.MITIGATION_STARTED, Marker.SERVICE_RESTORED),
    (Marker.SERVICE_RESTORED, Marker.INCIDENT_CLOSED),
    (Marker.ISSUE_STARTED, Marker.INCIDENT_CLOSED),
)

_HANDLE = re.compile(r"(?<![\w.])@[\w.-]+")


_WORD = re.compile(r"\w[\w'’.-]*\w|\w")


def _names_person(text: str, names: set[str]) -> str:
    """The first person named in ``text``: an @handle, or a name (one or two words) of the
    session looked up in a set, so no pattern is compiled per name."""
    match = _HANDLE.search(text)
    if match:
        return match.group(0)
    words = _WORD.findall(text)
    for i, word in enumerate(words):
        pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in names:
            return pair
        if word in names:
            return word
    return ""


def check_depth(session: Session, names: set[str]) -> list[Finding]:
    findings: list[Finding] = []
    marked_where: list[tuple[str, str]] = []
    for number, whys in enumerate(session.root_cause.whys):
        index_of = {node.id: i for i, node in enumerate(whys.nodes)}
        for chain in whys.chains():
            leaf = chain[-1]
            if len(chain) < MIN_WHYS:
                ends = "ends in a root cause" if leaf.root_cause else "stops"
                findings.append(
                    Finding(
                        SHALLOW,
                        f"root_cause.whys[{number}].nodes[{index_of[leaf.id]}]",
                        f"the chain ending {leaf.because or leaf.why!r} {ends} after "
                        f"{len(chain)} why{'s' if len(chain) > 1 else ''}; keep asking why "
                        "until you reach something systemic you can fix",
                    )
                )
        marked_where += [
            (f"root_cause.whys[{number}].nodes[{i}].because", node.because)
            for i, node in enumerate(whys.nodes)
            if node.root_cause
        ]
    marked = session.root_cause.marked()
    statement = session.root_cause.statement.strip()
    if not marked and not statement:
        findings.append(
            Finding(NO_ROOT, "root_cause.statement", "mark a root cause in the 5 whys or state it")
        )
    for where, text in [("root_cause.statement", statement), *marked_where]:
        person = _names_person(text, names)
        if person:
            findings.append(
                Finding(
                    ROOT_PERSON,
                    where,
                    f'the root cause names "{person}": a root cause is a system or process gap',
                    quote=person,
                    suggestion="State what about the system allowed it",
                )
            )
    addressed = {ref for item in session.action_items for ref in item.addresses}
    for index, factor in enumerate(session.factors):
        if factor.id not in addressed:
            findings.append(
                Finding(
                    UNADDRESSED,
                    f"factors[{index}]",
                    f'no action item addresses "{factor.factor}" ({factor.id})',
                )
            )
    if (marked or statement) and session.action_items and ROOT_CAUSE_REF not in addressed:
        findings.append(
            Finding(ROOT_UNADDRESSED, "action_items", "link an action item to the root cause")
        )
    if not session.timeline:
        findings.append(Finding(NO_TIMELINE, "timeline", "add the timeline of events"))
    marks = first_marks(session.timeline)
    for earlier, later in _ORDER:
        if earlier in marks and later in marks and marks[later] < marks[earlier]:
            findings.append(
                Finding(
                    MARKER_ORDER,
                    "timeline",
                    f"{later.label.lower()} ({marks[later]:%Y-%m-%d %H:%M}) comes before "
                    f"{earlier.label.lower()} ({marks[earlier]:%Y-%m-%d %H:%M})",
                )
            )
    findings += _duration(session)
    return findings


def _duration(session: Session) -> list[Finding]:
    """The impact's stated duration against issue started → service restored on the timeline."""
    stated = session.impact.user.duration_minutes
    marks = first_marked(session.timeline)
    start, end = marks.get(Marker.ISSUE_STARTED), marks.get(Marker.SERVICE_RESTORED)
    if stated is None or start is None or end is None or end.time < start.time:
        return []
    if Precision.DAY in (start.precision, end.precision):
        return []
    measured = (end.time - start.time).total_seconds() / 60
    slack = max(DURATION_SLACK_MINUTES, DURATION_SLACK_SHARE * max(measured, stated))
    if Precision.APPROXIMATE in (start.precision, end.precision):
        slack *= 2
    if abs(measured - stated) <= slack:
        return []
    return [
        Finding(
            DURATION_MISMATCH,
            "impact.user.duration_minutes",
            f"the impact says {stated} minute{'' if stated == 1 else 's'} but the timeline has "
            f"{format_duration(end.time - start.time)} from issue started to service restored; "
            "correct one, or say in the impact what the duration counts",
        )
    ]
