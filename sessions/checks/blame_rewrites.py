"""Rewrites a person would sign: the sentence again, with the system as the subject.

Each kind of blame has a strategy. Some change only the words that carry the blame ("an
operator error" -> "an unguarded manual step", "its procedures were not followed" -> "its
procedures did not account for this case"); some rebuild the clause around what happened
("Bob forgot to renew the cert" -> "The cert was not renewed; it depended on one person
remembering."). Every candidate is checked: it must read as a sentence and carry no blame any
rule can find, or it is not offered. Where nothing is left, the guide's questions are.

The word swaps are in ``blame_local``, the rebuilt clauses in ``blame_clauses``; here, the
whole-sentence rewrites and the choice among the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from sessions.checks.blame_clauses import (
    adverb_rewrites,
    as_sentence,
    passive,
    person_failed,
    split_object,
)
from sessions.checks.blame_grammar import capitalise
from sessions.checks.blame_local import apply_locals, local_rewrite
from sessions.checks.blame_patterns import Hit
from sessions.checks.blame_people import People

_REVIEW = "The review looks at what in the system allowed this, not at who was involved."
_SYSTEM = "The system allowed this to happen."
_CAREFUL = "Add a safeguard so that this step no longer depends on someone being careful."


def _whole(sentence: str, hit: Hit) -> Iterator[str]:
    """Rewrites of the whole sentence for one finding, best first."""
    rule = hit.rule.id
    if rule == "BL001":
        yield "What happened?"
    elif rule == "BL002":
        yield "What information was available?"
    elif rule == "BL003":
        particle, obj, tail = split_object(hit.rest)
        seen = re.match(r"(?:caught|noticed|spotted|seen)$", hit.verb)
        if obj.lower() in ("better", "more", "less", "best"):  # "known better than to …"
            obj = ""  # "Better than was not known to …" (a tryout): no clause to turn round
        if hit.kind == "should-have" and seen and obj.lower() in ("", "this", "it", "that"):
            yield "The alert didn't fire for this condition."  # the guide's own example
        elif hit.kind == "should-have" and not hit.verb.startswith("been") and obj:
            # not the alert sentence for "noticed the missing intermediate": an alert had
            # fired in that incident, and the rewrite stated otherwise (a tryout)
            clause = capitalise(passive(obj, hit.verb.split()[-1], tail, True, particle))
            yield as_sentence(clause) + " What was known at the time did not point to it."
    elif rule == "BL004":
        yield _SYSTEM
    elif rule == "BL005" and hit.kind == "follow":
        if re.search(r"runbook|playbook", sentence[hit.start : hit.end], re.IGNORECASE):
            yield "The runbook was unclear about this scenario."
        yield "The procedure didn't account for this case."
    elif rule == "BL006" and hit.kind == "care":
        yield _CAREFUL
    elif rule == "BL007":
        yield from person_failed(sentence, hit)
    elif rule == "BL009":
        yield from adverb_rewrites(sentence, hit)
    elif rule == "BL010":
        yield _REVIEW


def reads_well(text: str) -> bool:
    """A sentence a person would sign: capitalised, no doubled words or spaces, punctuated."""
    return bool(
        text
        and re.match(r"[\"“‘(]?[A-Z0-9@]", text)
        and not re.search(r"\b(\w+)\s+\1\b", text, re.IGNORECASE)
        and "  " not in text
        and not re.search(r"\s[,;:.!?]", text)
        and not re.search(
            r"\b(?:a|an|the)\s+(?:to|of|in|on|at|by|for|with|and|or|but|is|was|were|are)\b",
            text,
            re.IGNORECASE,
        )
        and re.search(r"[.!?][\"”’)]*$", text)
        # a complement cut out of a linking verb: "stop being (careless) with migrations"
        and not re.search(
            r"\b(?:be|being|been|is|are|was|were|seems?|seemed)\s+(?:with|about|of|in|at|by)\b",
            text,
            re.IGNORECASE,
        )
    )


def rewrites_for(
    sentence: str, hits: list[Hit], people: People, check: Callable[[str, People], bool]
) -> list[str]:
    """Up to three rewrites of ``sentence`` that clear every hit in it, best first."""
    candidates: list[str] = []
    locals_ = [local_rewrite(hit, sentence) for hit in hits]
    if all(local is not None for local in locals_):
        candidates.append(apply_locals(sentence, [local for local in locals_ if local]))
    for hit in hits:
        candidates.extend(_whole(sentence, hit))
    out: list[str] = []
    for candidate in candidates:
        if (
            candidate
            and candidate not in out
            and reads_well(candidate)
            and check(candidate, people)
        ):
            out.append(candidate)
        if len(out) == 3:
            break
    return out
