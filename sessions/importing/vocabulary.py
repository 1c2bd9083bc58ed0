"""The words postmortems use for the session's fixed values, and for its sections' headings.

Our own export's words, the guide template's, and the common variants other tools and
teams write ("P0", "in progress", "Corrective Actions", "Chronology").
"""

from __future__ import annotations

from sessions.models import ActionStatus, Marker, Severity, Status

MARKERS = {marker.label.lower(): marker for marker in Marker}
SEVERITIES = {s.value.lower(): s for s in Severity} | {"sev-1": Severity.SEV1, "p0": Severity.SEV1}
STATUSES = {s.value.lower(): s for s in Status} | {"in-review": Status.IN_REVIEW}
ACTION_STATUSES = {s.value.lower(): s for s in ActionStatus} | {
    "to do": ActionStatus.TODO,
    "open": ActionStatus.TODO,
    "planned": ActionStatus.TODO,
    "not started": ActionStatus.TODO,
    "in progress": ActionStatus.IN_PROGRESS,
    "started": ActionStatus.IN_PROGRESS,
    "ongoing": ActionStatus.IN_PROGRESS,
    "done": ActionStatus.DONE,
    "complete": ActionStatus.DONE,
    "completed": ActionStatus.DONE,
    "closed": ActionStatus.DONE,
    "fixed": ActionStatus.DONE,
    "deployed": ActionStatus.DONE,
    "wont do": ActionStatus.WONT_DO,
    "won't do": ActionStatus.WONT_DO,
}
#: Heading names (reduced with heading_key) and the part of the session they fill.
SYNONYMS: dict[str, str] = {
    "metadata": "metadata",
    "executive summary": "summary",
    "summary": "summary",
    "incident summary": "summary",
    "issue summary": "summary",
    "overview": "summary",
    "tldr": "summary",
    "background": "background",
    "context": "background",
    "architecture": "background",
    "impact": "impact",
    "user impact": "impact",
    "customer impact": "impact",
    "timeline": "timeline",
    "timeline of events": "timeline",
    "detailed timeline": "timeline",
    "chronology": "timeline",
    "root cause analysis": "root_cause",
    "root cause": "root_cause",
    "root causes": "root_cause",
    "what happened": "what_happened",
    "incident description": "what_happened",
    "trigger": "trigger",
    "why it happened": "whys",
    "5 whys": "whys",
    "five whys": "whys",
    "contributing factors": "factors",
    "detection": "detection",
    "resolution": "resolution",
    "resolution and recovery": "resolution",
    "recovery": "resolution",
    "mitigation": "resolution",
    "customer communication": "customer_communication",
    "communication": "customer_communication",
    "communications": "customer_communication",
    "what went well": "went_well",
    "things that went well": "went_well",
    "what went poorly": "went_poorly",
    "what went wrong": "went_poorly",
    "what could be improved": "went_poorly",
    "things that went wrong": "went_poorly",
    "where we got lucky": "got_lucky",
    "action items": "action_items",
    "corrective actions": "action_items",
    "corrective and preventative measures": "action_items",
    "remediation": "action_items",
    "followup actions": "action_items",
    "follow up actions": "action_items",
    "next steps": "action_items",
    "lessons learned": "lessons",
    "supporting information": "supporting",
    "appendix": "appendix",
    # Not a place for team sections: the meeting comes last and keeps the last place as is.
    "postmortem meeting": "meeting",
    "meeting notes": "meeting",
}
