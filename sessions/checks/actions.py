"""Action-item quality: the guide's specific / measurable / assigned / relevant / time-bound."""

from __future__ import annotations

import datetime as dt
import re

from sessions.checks.findings import Finding, Level, Rule
from sessions.models import ROOT_CAUSE_REF, ActionType, Session

VAGUE = Rule("AI001", Level.WARNING, "the action is vague or not actionable")
NO_OWNER = Rule("AI002", Level.ERROR, "the action has no owner")
GROUP_OWNER = Rule("AI003", Level.WARNING, "the owner is a team or several people, not one person")
NO_DUE = Rule("AI004", Level.ERROR, "the action has no due date")
LATE_DUE = Rule("AI005", Level.WARNING, "due more than 30 days after the meeting")
NO_TYPE = Rule(
    "AI006",
    Level.WARNING,
    "no type (the guide's Prevent / Detect / Mitigate / Document, or the team's)",
)
NO_PRIORITY = Rule("AI007", Level.WARNING, "no priority (P1-P3)")
UNLINKED = Rule("AI008", Level.WARNING, "not linked to any contributing factor or root cause")
MANY = Rule("AI009", Level.INFO, "more than 5 action items")
TOO_MANY = Rule(
    "AI010", Level.WARNING, "10 or more action items: the 'excessive action items' pitfall"
)
UNKNOWN_REF = Rule("AI011", Level.WARNING, "addresses a factor that does not exist")
OVERDUE = Rule("AI012", Level.WARNING, "an open action item is past its due date")
UNKNOWN_TYPE = Rule("AI013", Level.WARNING, "a type that is not in the team's list")

RULES = (
    VAGUE,
    NO_OWNER,
    GROUP_OWNER,
    NO_DUE,
    LATE_DUE,
    NO_TYPE,
    NO_PRIORITY,
    UNLINKED,
    MANY,
    TOO_MANY,
    UNKNOWN_REF,
    OVERDUE,
    UNKNOWN_TYPE,
)

ACTION_ITEM_WINDOW = dt.timedelta(days=30)

_VAGUE_VERBS = r"(?:improve|fix|enhance|better|review|look into|investigate|monitor|address|handle|revisit|consider|think about|work on|be more careful)"
_VAGUE = re.compile(
    rf"^\s*(?:we (?:should|need to|must) )?{_VAGUE_VERBS}\s+(?:the\s+|our\s+)?\w+(?:\s+\w+)?\s*[.!]?\s*$"
    r"|^\s*(?:don'?t|do not|never) (?:do (?:this|that|it) again|let (?:this|it) happen again)"
    r"|\b(?:be more careful|try harder|pay more attention|be more vigilant|avoid this in the future)\b"
    r"|^\s*(?:tbd|todo|n/?a|\?+|fix it|fix this|fix)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_GROUP = re.compile(
    r"(?:\bteam\b|\bsquad\b|\bgroup\b|\beveryone\b|\ball\b|\bengineering\b|\bops\b|\bdevs\b"
    r"|@[\w.-]+/[\w.-]+|,|&|\band\b|/|\+)",
    re.IGNORECASE,
)

ESCALATION = (
    (30, "review in the leadership meeting"),
    (14, "escalate to the manager"),
    (7, "remind the owner"),
)


def escalation_stage(days_overdue: int) -> str:
    """The guide's escalation step for an item this many days overdue ("" under a week)."""
    for days, stage in ESCALATION:
        if days_overdue >= days:
            return stage
    return ""


def _window_start(session: Session) -> tuple[dt.date | None, str]:
    """The day the guide's 30 days run from, and what to call it: the meeting, or with no
    meeting date yet the incident (the message says which: "744 days after the meeting"
    misled when there was no meeting date)."""
    if session.meeting.date:
        return session.meeting.date, "the meeting"
    return session.metadata.date, "the incident"


def _late_due(due: dt.date, session: Session) -> str:
    """How far past the guide's 30 days ``due`` is ("" if within), for the check and the
    form alike."""
    start, reference = _window_start(session)
    if start is None or due - start <= ACTION_ITEM_WINDOW:
        return ""
    return f"{(due - start).days} days after {reference}; the guide asks for 30"


def due_advice(due: dt.date, today: dt.date, session: Session) -> str:
    """What to say of a due date as it is typed, before the item is saved: a day already
    past (a typo for next year, as often as not) or beyond the guide's 30 days. "" if fine.
    The form does not know yet whether the item is done: it says so either way."""
    if due < today:
        days = (today - due).days
        return f"{due.isoformat()} is {days} day{'s' if days != 1 else ''} ago, in the past"
    return _late_due(due, session)


def check_actions(
    session: Session, today: dt.date, types: tuple[str, ...] = tuple(ActionType)
) -> list[Finding]:
    """Action-item quality; ``types`` is the team's list of action types.

    A done (or dropped) item is history: it is not asked for a due date or a priority. An
    archived postmortem's open items are not chased as overdue.
    """
    findings: list[Finding] = []
    factor_ids = {factor.id for factor in session.factors}
    for index, item in enumerate(session.action_items):
        where = f"action_items[{index}]"
        label = f"action {item.id}"
        if _VAGUE.search(item.action) or len(item.action.split()) < 3:
            findings.append(
                Finding(
                    VAGUE,
                    f"{where}.action",
                    f'{label}: "{item.action}" says neither what exactly nor when it is done',
                    quote=item.action,
                    suggestion='Be specific and measurable, e.g. "Add alert for connection '
                    'pool > 80%"',
                )
            )
        owner = item.owner.strip()
        if not owner:
            findings.append(Finding(NO_OWNER, f"{where}.owner", f"{label}: give it a single owner"))
        elif _GROUP.search(owner):
            findings.append(
                Finding(
                    GROUP_OWNER,
                    f"{where}.owner",
                    f'{label}: "{owner}" is not one person; name a single owner',
                    quote=owner,
                )
            )
        still_open = item.status.is_open
        if item.due is None:
            if still_open:
                findings.append(Finding(NO_DUE, f"{where}.due", f"{label}: give it a due date"))
        elif still_open and (late := _late_due(item.due, session)):
            findings.append(
                Finding(
                    LATE_DUE,
                    f"{where}.due",
                    f"{label}: due {late}",
                )
            )
        if item.type is None or not item.type.strip():
            findings.append(Finding(NO_TYPE, f"{where}.type", f"{label}: choose a type"))
        elif item.type not in types:
            findings.append(
                Finding(
                    UNKNOWN_TYPE,
                    f"{where}.type",
                    f'{label}: "{item.type}" is not one of the team\'s types ({", ".join(types)})',
                    quote=item.type,
                )
            )
        if item.priority is None and still_open:
            findings.append(
                Finding(NO_PRIORITY, f"{where}.priority", f"{label}: choose a priority")
            )
        if not item.addresses:
            findings.append(
                Finding(UNLINKED, f"{where}.addresses", f"{label}: link it to what it addresses")
            )
        for ref in item.addresses:
            if ref != ROOT_CAUSE_REF and ref not in factor_ids:
                findings.append(
                    Finding(UNKNOWN_REF, f"{where}.addresses", f"{label}: no factor {ref!r}")
                )
        if still_open and not session.metadata.archived and item.due and item.due < today:
            days = (today - item.due).days
            stage = escalation_stage(days)
            findings.append(
                Finding(
                    OVERDUE,
                    f"{where}.due",
                    f"{label}: {days} day{'' if days == 1 else 's'} overdue"
                    + (f" ({stage})" if stage else ""),
                )
            )
    count = len(session.action_items)
    if count >= 10:
        findings.append(
            Finding(
                TOO_MANY,
                "action_items",
                f"{count} action items: focus on the 3-5 highest-impact ones",
            )
        )
    elif count > 5:
        findings.append(
            Finding(
                MANY, "action_items", f"{count} action items: focus on the 3-5 highest-impact ones"
            )
        )
    return findings
