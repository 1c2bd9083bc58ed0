"""Rewrites that rebuild the blamed clause around what happened, the system as its subject."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sessions.checks.blame_grammar import (
    capitalise,
    is_past,
    is_plural,
    participle_of_base,
    participle_of_past,
    tidy,
)
from sessions.checks.blame_patterns import Hit

_SPLIT_OBJECT = re.compile(
    r"\s+(?=(?:to|onto|into|on|in|from|for|with|before|after|at|during|by|until|across|over|under|of|when|while|within|without|because|instead|against|through|via|as|per|towards?|inside|outside|around|about|than|between|behind|beyond)\b|(?:earlier|sooner|later)\b[\s.,;:!?]*$)",
    re.IGNORECASE,
)
_FORGOT_KINDS = {"forgot", "forgets", "neglected"}
#: Verbs of two words ("load test", "double check", "dry run"): read as one verb and an
#: object, "forgot to load test it" gave "Test it was not loaded" (a tryout).
_COMPOUND_FIRST = {
    "load", "smoke", "stress", "double", "spot", "health", "sanity", "cross", "fact", "dry",
    "unit", "regression", "pen", "canary", "soak", "proof",
}  # fmt: skip
_COMPOUND_HEAD = re.compile(r"(test|check|run|read)\s+", re.IGNORECASE)
_NEGATED_KINDS = {"failed", "fails", "fail", "didn't", "didn’t", "did", "never", "had", "has"}
_SEEN_KINDS = {"missed", "overlooked", "ignored"}


def split_object(rest: str) -> tuple[str, str, str]:
    """(particle, object, tail): ("off", "the power supply", "") from "off the power supply",
    ("", "the new code", "to one of the servers") from "the new code to one of the servers"."""
    particle = ""
    match = re.match(r"(off|up|down|out|back|away)\s+", rest, re.IGNORECASE)
    if match:
        particle, rest = match.group(1), rest[match.end() :]
    parts = _SPLIT_OBJECT.split(rest, maxsplit=1)
    obj = parts[0].strip()
    tail = parts[1].strip() if len(parts) > 1 else ""
    if not obj or obj.lower().split()[0] in {"to", "and", "but", "or", "that", "what"}:
        return "", "", ""
    return particle, obj, tail


def passive(obj: str, participle: str, tail: str, negated: bool, particle: str = "") -> str:
    """ "the cert was not renewed", "the power supply was switched off"."""
    be = "were" if is_plural(obj) or obj.lower() == "they" else "was"
    words = [obj, be, "not" if negated else "", participle, particle.lower(), tail]
    return " ".join(w for w in words if w)


def as_sentence(text: str, ending: str = ".") -> str:
    text = tidy(text).rstrip(",;: ")
    if not text:
        return ""
    text = capitalise(text)
    if not re.search(r"[.!?][\"”’)]*$", text):
        text += ending
    return text


def _clause_end(sentence: str, hit: Hit) -> int:
    """Where the blamed clause ends: after its object, before ", because ..." and the like."""
    if not hit.rest:
        return hit.end
    index = sentence.find(hit.rest, hit.start)
    return index + len(hit.rest) if index >= 0 else hit.end


def _rebuild(sentence: str, hit: Hit, clause: str, remark: str) -> Iterator[str]:
    """The clause from the subject on replaced by ``clause``; then the system ``remark``.

    Twice: keeping what follows the clause, and without it (it may hold the blame too:
    "... because he was careless").
    """
    start = hit.start
    end = _clause_end(sentence, hit)
    head = sentence[:start]
    lead = re.sub(r"\b(?:however|unfortunately|then)\s*,?\s*$", "", head, flags=re.IGNORECASE)
    if not lead.strip() or re.search(r"[:\"“(]\s*$", lead):
        clause = capitalise(clause)
    glue = "" if re.search(r"[\"“(]$", lead) else " "
    body = (lead.rstrip() + glue + clause).strip()
    tail = sentence[end:]
    keep = as_sentence(body + tail)
    if keep:
        yield keep + (" " + remark if remark else "")
    cut = re.split(r"\s*[,;]?\s*\b(?:because|since|as (?:he|she|they) was)\b", tail, maxsplit=1)[0]
    if cut != tail:
        short = as_sentence(body + cut)
        if short:
            yield short + (" " + remark if remark else "")


_WHERE = r"(?:to|into|onto|on|in|across|from|at|over)\b"
"""The words that open where something went ("to production", "into main")."""
_PLACE = re.compile(rf"\s+(?={_WHERE})")


def _what_went(said: str, kind: str, noun: str) -> str:
    """ "pushed the hotfix to production without" → "the hotfix to be pushed to production":
    what went out stays in the rewrite (it had read "allowed push without review")."""
    found = re.search(rf"\b{kind}\s+(.+?)\s+without\b", said, re.I)
    if not found:
        return ""
    went = re.sub(r"^(?:\w+ly\b\s*)+", "", found.group(1))  # "deployed quickly without"
    if not went or re.match(_WHERE, went, re.I):
        return " ".join([noun, went]).strip()  # "a push to production": nothing named went
    thing, *place = _PLACE.split(went, maxsplit=1)
    return " ".join([thing, "to be", kind, *place])


def person_failed(sentence: str, hit: Hit) -> Iterator[str]:
    verb, rest = hit.verb, hit.rest
    kind = hit.kind
    low = verb.lower()
    if kind in {"deployed", "pushed", "merged", "shipped", "released"}:
        without = f"{verb} {rest}".strip()
        noun = {"deployed": "deployment", "pushed": "push", "merged": "merge"}.get(kind, "release")
        if without:
            what = _what_went(sentence[hit.start : hit.end], kind, noun) or noun
            yield f"The {noun} process allowed {what} without {without.rstrip('.')}."
        return
    if re.match(r"(?:follow|read|use)$", low) and re.search(r"runbook|playbook", rest, re.I):
        yield "The runbook was unclear about this scenario."
        return
    if re.match(r"(?:follow|read|use)$", low) and re.search(
        r"procedure|process|policy", rest, re.I
    ):
        yield "The procedure didn't account for this case."
        return
    compound = _COMPOUND_HEAD.match(rest) if low in _COMPOUND_FIRST else None
    if compound:  # "load test it": the verb is "load test", not "load" with "test it"
        rest = rest[compound.end() :]
    particle, obj, tail = split_object(rest)
    if not obj:
        return
    if kind in _FORGOT_KINDS or kind in _NEGATED_KINDS:
        if compound:
            participle = f"{low}-{participle_of_base(compound.group(1).lower())}"
        elif kind in _NEGATED_KINDS and is_past(verb):
            participle = participle_of_past(verb)
        else:
            participle = participle_of_base(verb)
        remark = (
            "It depended on one person remembering."
            if kind in _FORGOT_KINDS
            else "Nothing in the process made sure it happened."
        )
        clause = passive(obj, participle, tail, True, particle)
        yield from _rebuild(sentence, hit, clause, remark)
    elif kind in _SEEN_KINDS:
        clause = passive(obj, participle_of_past(verb), tail, False, particle)
        yield from _rebuild(sentence, hit, clause, "Nothing in the system made it stand out.")
    elif kind == "skipped":
        clause = passive(obj, "skipped", tail, False)
        yield from _rebuild(sentence, hit, clause, "Nothing in the process required it.")
    elif kind in {"broke", "caused", "took", "brought", "wiped", "destroyed"}:
        change = "a change that nothing checked first"
        clause = {
            "broke": f"{obj} broke after {change}",
            "caused": f"{obj} followed {change}",
            "took": f"{obj} went down after {change}",
            "brought": f"{obj} went down after {change}",
        }.get(kind, f"{obj} {'were' if is_plural(obj) else 'was'} {kind} by {change}")
        yield from _rebuild(sentence, hit, clause + (" " + tail if tail else ""), "")
    elif kind == "wrong" and is_past(verb):
        clause = passive(obj, participle_of_past(verb), tail, False, particle)
        yield from _rebuild(
            sentence, hit, clause, "Nothing in the tooling caught it before it took effect."
        )


def adverb_rewrites(sentence: str, hit: Hit) -> Iterator[str]:
    adverb = re.match(r"\w+\s*", sentence[hit.start :])
    assert adverb is not None
    if hit.kind == "passive-by":
        by = re.search(r"\s+by\s+[^,;.]*$", sentence[hit.start : hit.end])
        cut = hit.start + by.start() if by else hit.end
        yield as_sentence(
            sentence[: hit.start] + sentence[hit.start + adverb.end() : cut] + sentence[hit.end :]
        )
        return
    if hit.kind == "active" and is_past(hit.verb):
        particle, obj, tail = split_object(hit.rest)
        if obj:
            clause = passive(obj, participle_of_past(hit.verb), tail, False, particle)
            moved = Hit(
                hit.rule, hit.subject[0], hit.end, hit.kind, hit.verb, hit.rest, hit.subject
            )
            yield from _rebuild(
                sentence, moved, clause, "Nothing in the tooling asked for a confirmation first."
            )
        yield as_sentence(sentence[: hit.start] + sentence[hit.start + adverb.end() :])
