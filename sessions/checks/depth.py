"""Depth of analysis: the guide's "shallow analysis" pitfall and a consistent timeline."""

from __future__ import annotations

import re

from sessions.checks.findings import Finding, Level, Rule
from sessions.models import ROOT_CAUSE_REF, Marker, SectionKind, Session
from sessions.timeline import first_marks

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

RULES = (SHALLOW, NO_ROOT, ROOT_PERSON, UNADDRESSED, NO_TIMELINE, MARKER_ORDER, ROOT_UNADDRESSED)

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
    whys = session.root_cause.whys
    index_of = {node.id: i for i, node in enumerate(whys.nodes)}
    for chain in whys.chains():
        leaf = chain[-1]
        if len(chain) < MIN_WHYS:
            ends = "ends in a root cause" if leaf.root_cause else "stops"
            findings.append(
                Finding(
                    SHALLOW,
                    f"root_cause.whys.nodes[{index_of[leaf.id]}]",
                    f"the chain ending {leaf.because or leaf.why!r} {ends} after "
                    f"{len(chain)} why{'s' if len(chain) > 1 else ''}; keep asking why until "
                    "you reach something systemic you can fix",
                )
            )
    marked = [node for node in whys.nodes if node.root_cause]
    statement = session.root_cause.statement.strip()
    if not marked and not statement:
        findings.append(
            Finding(NO_ROOT, "root_cause.statement", "mark a root cause in the 5 whys or state it")
        )
    for where, text in [("root_cause.statement", statement)] + [
        (f"root_cause.whys.nodes[{index_of[n.id]}].because", n.because) for n in marked
    ]:
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
    return findings
