"""Rewrites that change only the words carrying the blame and keep the rest of the sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sessions.checks.blame_clauses import as_sentence
from sessions.checks.blame_patterns import Hit

_UNGUARDED = "an unguarded manual step"

Local = tuple[int, int, str]
"""A replacement of sentence[start:end] by the text."""


def local_rewrite(hit: Hit, sentence: str) -> Local | None:
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


def apply_locals(sentence: str, locals_: Iterable[Local]) -> str:
    out = sentence
    for start, end, text in sorted(locals_, reverse=True):
        out = out[:start] + text + out[end:]
    return as_sentence(out)
