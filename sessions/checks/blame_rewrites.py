"""Rewrites a person would sign: the sentence again, with the system as the subject.

Each kind of blame has a strategy. Some change only the words that carry the blame ("an
operator error" -> "an unguarded manual step", "its procedures were not followed" -> "its
procedures did not account for this case"); some rebuild the clause around what happened
("Bob forgot to renew the cert" -> "The cert was not renewed; it depended on one person
remembering."). Every candidate is checked: it must read as a sentence and carry no blame any
rule can find, or it is not offered. Where nothing is left, the guide's questions are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from sessions.checks.blame_grammar import (
    capitalise,
    is_past,
    is_plural,
    participle_of_base,
    participle_of_past,
    tidy,
)
from sessions.checks.blame_patterns import Hit
from sessions.checks.blame_people import People

_REVIEW = "The review looks at what in the system allowed this, not at who was involved."
_SYSTEM = "The system allowed this to happen."
_CAREFUL = "Add a safeguard so that this step no longer depends on someone being careful."
_UNGUARDED = "an unguarded manual step"

_SPLIT_OBJECT = re.compile(
    r"\s+(?=(?:to|onto|into|on|in|from|for|with|before|after|at|during|by|until|across|over|under|of|when|while|within|without|because|instead|against|through|via|as|per|towards?|inside|outside|around)\b)",
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

Local = tuple[int, int, str]
"""A replacement of sentence[start:end] by the text."""


def _object(rest: str) -> tuple[str, str, str]:
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


def _passive(obj: str, participle: str, tail: str, negated: bool, particle: str = "") -> str:
    """ "the cert was not renewed", "the power supply was switched off"."""
    be = "were" if is_plural(obj) or obj.lower() == "they" else "was"
    words = [obj, be, "not" if negated else "", participle, particle.lower(), tail]
    return " ".join(w for w in words if w)


def _sentence(text: str, ending: str = ".") -> str:
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
    keep = _sentence(body + tail)
    if keep:
        yield keep + (" " + remark if remark else "")
    cut = re.split(r"\s*[,;]?\s*\b(?:because|since|as (?:he|she|they) was)\b", tail, maxsplit=1)[0]
    if cut != tail:
        short = _sentence(body + cut)
        if short:
            yield short + (" " + remark if remark else "")


def _person_failed(sentence: str, hit: Hit) -> Iterator[str]:
    verb, rest = hit.verb, hit.rest
    kind = hit.kind
    low = verb.lower()
    if kind in {"deployed", "pushed", "merged", "shipped", "released"}:
        without = f"{verb} {rest}".strip()
        noun = {"deployed": "deployment", "pushed": "push", "merged": "merge"}.get(kind, "release")
        if without:
            yield f"The {noun} process allowed {noun} without {without.rstrip('.')}."
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
    particle, obj, tail = _object(rest)
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
        clause = _passive(obj, participle, tail, True, particle)
        yield from _rebuild(sentence, hit, clause, remark)
    elif kind in _SEEN_KINDS:
        clause = _passive(obj, participle_of_past(verb), tail, False, particle)
        yield from _rebuild(sentence, hit, clause, "Nothing in the system made it stand out.")
    elif kind == "skipped":
        clause = _passive(obj, "skipped", tail, False)
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
        clause = _passive(obj, participle_of_past(verb), tail, False, particle)
        yield from _rebuild(
            sentence, hit, clause, "Nothing in the tooling caught it before it took effect."
        )


def _adverb(sentence: str, hit: Hit) -> Iterator[str]:
    adverb = re.match(r"\w+\s*", sentence[hit.start :])
    assert adverb is not None
    if hit.kind == "passive-by":
        by = re.search(r"\s+by\s+[^,;.]*$", sentence[hit.start : hit.end])
        cut = hit.start + by.start() if by else hit.end
        yield _sentence(
            sentence[: hit.start] + sentence[hit.start + adverb.end() : cut] + sentence[hit.end :]
        )
        return
    if hit.kind == "active" and is_past(hit.verb):
        particle, obj, tail = _object(hit.rest)
        if obj:
            clause = _passive(obj, participle_of_past(hit.verb), tail, False, particle)
            moved = Hit(
                hit.rule, hit.subject[0], hit.end, hit.kind, hit.verb, hit.rest, hit.subject
            )
            yield from _rebuild(
                sentence, moved, clause, "Nothing in the tooling asked for a confirmation first."
            )
        yield _sentence(sentence[: hit.start] + sentence[hit.start + adverb.end() :])


def _local(hit: Hit, sentence: str) -> Local | None:
    """A replacement of just the blamed words, when one keeps the sentence sound."""
    words = sentence[hit.start : hit.end]
    kind = hit.kind
    if kind == "error-np":
        plural = re.search(r"s$", words.split()[-1])
        article = re.match(r"(?:an?|the)\s", words, re.I)
        text = "unguarded manual steps" if plural else _UNGUARDED
        if re.match(r"\s+to\s", sentence[hit.end :]):
            text = "a gap in the process"  # "a human failure to apply the patch"
        if article and plural:
            text = "the " + text
        return hit.start, hit.end, text
    if kind == "fat-finger":
        quoted = re.match(
            r"[“\"]?fat\W{0,3}finger(?:ed)?[”\"]?\s+(?:errors?|mistakes?)",
            sentence[max(0, hit.start - 1) :],
            re.I,
        )
        if quoted:
            return (
                max(0, hit.start - 1) if sentence[hit.start - 1 : hit.start] in '“"' else hit.start,
                max(0, hit.start - 1) + quoted.end()
                if sentence[hit.start - 1 : hit.start] in '“"'
                else hit.start + quoted.end(),
                "unguarded manual steps",
            )
        if not words.lower().endswith("ed"):  # "allowed a fat finger to take down ..."
            article = re.search(r"\b(?:an?|the)\s+$", sentence[: hit.start], re.IGNORECASE)
            return article.start() if article else hit.start, hit.end, "one manual step"
        return hit.start, hit.end + (1 if sentence[hit.end : hit.end + 1] == " " else 0), ""
    if kind == "error-by":
        start = hit.start
        article = re.search(r"\b(?:an?|the)\s+$", sentence[:start], re.I)
        if article:
            start = article.start()
        return start, hit.end, "an unchecked manual step"
    if kind == "owner":
        replaced = re.sub(r"^\S+", "the", words)
        before = re.search(r"\b(?:one|a|an|the)\s+$", sentence[: hit.start], re.I)
        return before.start() if before else hit.start, hit.end, replaced
    if kind == "on-part":
        return hit.start, hit.end, words.split()[0]
    if hit.rule.id == "BL005" and kind == "passive" and hit.rest:
        return hit.start, hit.end, f"{hit.rest} did not account for this case"
    if hit.rule.id == "BL005" and kind == "follow":
        if re.search(r"\w", sentence[: hit.start]) and not words.lower().startswith(
            ("failure", "instead")
        ):
            return None  # "Engineer didn't follow the runbook": say it of the runbook
        if words.lower().startswith("instead of following"):
            return (
                hit.start,
                hit.end,
                "outside " + re.sub(r"^instead of following\s+", "", words, flags=re.I),
            )
        noun = re.search(r"\w+$", words)
        return (
            hit.start,
            hit.end,
            f"the {noun.group(0) if noun else 'procedure'} didn't account for this case",
        )
    if hit.rule.id == "BL006" and kind == "word":
        because = re.search(
            r"[,;]?\s*\b(?:because|since|as)\s+(?:he|she|they|it|the \w+)\s+(?:was|were|is|are)\s+(?:\w+\s+)?$",
            sentence[: hit.start],
            re.I,
        )
        if because:
            return because.start(), hit.end, ""
        if re.match(r"\s+[\w-]+", sentence[hit.end :]):
            return hit.start, hit.end + 1, ""
    if hit.rule.id == "BL006" and kind == "adverb":
        return hit.start, hit.end + 1, ""
    return None


def _whole(sentence: str, hit: Hit) -> Iterator[str]:
    """Rewrites of the whole sentence for one finding, best first."""
    rule = hit.rule.id
    if rule == "BL001":
        yield "What happened?"
    elif rule == "BL002":
        yield "What information was available?"
    elif rule == "BL003":
        if hit.kind == "should-have" and re.match(r"(?:caught|noticed|spotted|seen)$", hit.verb):
            yield "The alert didn't fire for this condition."
        elif hit.kind == "should-have" and not hit.verb.startswith("been"):
            particle, obj, tail = _object(hit.rest)
            if obj:
                clause = capitalise(_passive(obj, hit.verb.split()[-1], tail, True, particle))
                yield _sentence(clause) + " What was known at the time did not point to it."
    elif rule == "BL004":
        yield _SYSTEM
    elif rule == "BL005" and hit.kind == "follow":
        if re.search(r"runbook|playbook", sentence[hit.start : hit.end], re.IGNORECASE):
            yield "The runbook was unclear about this scenario."
        yield "The procedure didn't account for this case."
    elif rule == "BL006" and hit.kind == "care":
        yield _CAREFUL
    elif rule == "BL007":
        yield from _person_failed(sentence, hit)
    elif rule == "BL009":
        yield from _adverb(sentence, hit)
    elif rule == "BL010":
        yield _REVIEW


def _apply(sentence: str, locals_: Iterable[Local]) -> str:
    out = sentence
    for start, end, text in sorted(locals_, reverse=True):
        out = out[:start] + text + out[end:]
    return _sentence(out)


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
    locals_ = [_local(hit, sentence) for hit in hits]
    if all(local is not None for local in locals_):
        candidates.append(_apply(sentence, [local for local in locals_ if local]))
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
