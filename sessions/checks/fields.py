"""Every free-text field of a session with its field path, for the text rules."""

from __future__ import annotations

from collections.abc import Iterator

from sessions.checks.blame_people import SYSTEMS, first_names
from sessions.models import Observation, Session
from sessions.paths import get_at, set_at


def text_fields(session: Session, *, include_logs: bool = False) -> Iterator[tuple[str, str]]:
    meta = session.metadata
    yield "metadata.title", meta.title
    yield "metadata.incident_id", meta.incident_id
    for i, name in enumerate(meta.authors):
        yield f"metadata.authors[{i}]", name
    for i, name in enumerate(meta.reviewers):
        yield f"metadata.reviewers[{i}]", name
    yield "summary", session.summary
    yield "background", session.background
    yield "impact.description", session.impact.description
    yield "impact.user.users_affected", session.impact.user.users_affected
    for i, text in enumerate(session.impact.user.functionality):
        yield f"impact.user.functionality[{i}]", text
    yield "impact.user.data_lost", session.impact.user.data_lost
    yield "impact.business.revenue", session.impact.business.revenue
    yield "impact.slo.note", session.impact.slo.note
    for i, entry in enumerate(session.impact.entries):
        yield f"impact.entries[{i}].measure", entry.measure
        yield f"impact.entries[{i}].note", entry.note
    for i, event in enumerate(session.timeline):
        yield f"timeline[{i}].event", event.event
        yield f"timeline[{i}].rationale", event.rationale
    rc = session.root_cause
    yield "root_cause.what_happened", rc.what_happened
    yield "root_cause.trigger", rc.trigger
    yield "root_cause.statement", rc.statement
    for w, whys in enumerate(rc.whys):
        yield f"root_cause.whys[{w}].problem", whys.problem
        for i, node in enumerate(whys.nodes):
            yield f"root_cause.whys[{w}].nodes[{i}].why", node.why
            yield f"root_cause.whys[{w}].nodes[{i}].because", node.because
    yield "root_cause.fishbone.problem", rc.fishbone.problem
    for c, category in enumerate(rc.fishbone.categories):
        for k, cause in enumerate(category.causes):
            yield f"root_cause.fishbone.categories[{c}].causes[{k}].text", cause.text
            for s, sub in enumerate(cause.sub_causes):
                yield f"root_cause.fishbone.categories[{c}].causes[{k}].sub_causes[{s}]", sub
    for i, factor in enumerate(session.factors):
        yield f"factors[{i}].factor", factor.factor
        yield f"factors[{i}].description", factor.description
    yield "detection", session.detection
    yield "resolution", session.resolution
    yield "customer_communication", session.customer_communication
    for name in ("went_well", "went_poorly", "got_lucky"):
        items: list[Observation] = getattr(session, name)
        for i, item in enumerate(items):
            yield f"{name}[{i}].text", item.text
    for i, item in enumerate(session.action_items):
        yield f"action_items[{i}].action", item.action
        yield f"action_items[{i}].rationale", item.rationale
    for i, takeaway in enumerate(session.lessons.takeaways):
        yield f"lessons.takeaways[{i}].title", takeaway.title
        yield f"lessons.takeaways[{i}].text", takeaway.text
    for i, text in enumerate(session.lessons.recommendations):
        yield f"lessons.recommendations[{i}]", text
    for i, section in enumerate(session.team_sections):
        yield f"team_sections[{i}].text", section.text
    yield "meeting.notes", session.meeting.notes
    if include_logs:
        yield "supporting.logs", session.supporting.logs


MAX_NAMES = 200
"""People recognised by name: more than any meeting has. Every name is an alternative in the
language rules' patterns, so each one costs every scan of every field."""

MAX_NAME_CHARS = 64
"""Longer than this is a sentence, not a name."""


def people(session: Session) -> set[str]:
    """Names of the people in the session, to recognise a person named in a sentence: the
    meeting's people first, then action-item owners and timeline actors, at most MAX_NAMES."""
    meta = session.metadata
    groups = (
        meta.authors,
        meta.reviewers,
        [attendee.name for attendee in session.meeting.attendees],
        [item.owner for item in session.action_items],
        # each actor once: a timeline repeats its few actors on thousands of events
        [actor for actor in {e.actor for e in session.timeline} if _sounds_like_a_person(actor)],
    )
    out: set[str] = set()
    for group in groups:
        for name in sorted({name.strip().lstrip("@") for name in group}):
            if len(out) >= MAX_NAMES:
                return out
            if 3 <= len(name) <= MAX_NAME_CHARS:
                out.add(name)
                first = name.split()[0]
                if len(first) >= 3 and first[0].isupper():
                    out.add(first)
    return out


def _sounds_like_a_person(actor: str) -> bool:
    """A timeline actor is a person or a system ("cert-manager", "alerting", "PagerDuty"):
    an @handle, a known first name, or one to three capitalised plain words that are not a
    system's name ("Zanele", "Priya Raman") count as a person; systems never do."""
    actor = actor.strip()
    if actor.startswith("@"):
        return True
    words = actor.split()
    if not 1 <= len(words) <= 3:
        return False
    if words[0].lower() in first_names():
        return words[0][:1].isupper()
    return all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() and w.lower() not in SYSTEMS
        for w in words
    )


def get_text(session: Session, where: str) -> str:
    """The text at a finding's field path ("" when it is not text)."""
    target = get_at(session, where)
    return target if isinstance(target, str) else ""


def set_text(session: Session, where: str, value: str) -> None:
    """Write a text field by its field path (e.g. ``timeline[3].event``)."""
    set_at(session, where, value)
