"""Blameless-language coaching: where a field's text carries blame, and a better way to say it.

The patterns are in `blame_patterns` (one detector per family of the guide's "avoid" list),
people in `blame_people`, rewrites in `blame_rewrites`. This module runs them sentence by
sentence, keeps one finding per span of words, and caches the result per (text, people) so
re-checking a session after one field changed costs one field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sessions.checks import blame_patterns as bp
from sessions.checks.blame_advice import ADVICE, QUESTIONS
from sessions.checks.blame_grammar import sentences
from sessions.checks.blame_patterns import (
    ADVERB,
    HINDSIGHT,
    JUDGEMENT,
    PERSON_ERROR,
    PERSON_FAILED,
    PROCEDURE,
    RULES,
    SINGLING,
    TEAM_PHRASE,
    WHO,
    WHY_DIDNT,
    Hit,
)
from sessions.checks.blame_people import NOBODY, People
from sessions.checks.blame_rewrites import rewrites_for
from sessions.checks.findings import Finding

__all__ = [
    "ADVERB",
    "HINDSIGHT",
    "JUDGEMENT",
    "PERSON_ERROR",
    "PERSON_FAILED",
    "PROCEDURE",
    "RULES",
    "SINGLING",
    "TEAM_PHRASE",
    "WHO",
    "WHY_DIDNT",
    "Blame",
    "People",
    "apply_replacement",
    "apply_rewrite",
    "blames",
    "clear_cache",
    "replace_sentence",
    "scan_text",
]


@dataclass(frozen=True)
class Blame:
    """One finding's facts, independent of the field it is in (so it can be cached)."""

    hit: Hit
    #: The words that carry the blame, as offsets in the field's text.
    span: tuple[int, int]
    #: The sentence they are in, as offsets in the field's text.
    sentence_span: tuple[int, int]
    #: Whole-sentence rewrites that no longer carry blame (possibly none).
    rewrites: tuple[str, ...]


def _sentence_hits(sentence: str, people: People) -> list[Hit]:
    wanted = bp.needed(sentence)
    if not wanted:
        return []
    kept: list[Hit] = []
    for detector in bp.DETECTORS:
        if detector not in wanted:
            continue
        for hit in detector(sentence, people):
            if hit.end <= hit.start:
                continue
            if any(hit.start < k.end and k.start < hit.end for k in kept):
                continue
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _fine_spans(text: str, people: People) -> list[tuple[int, int]]:
    lowered = text.lower()
    spans = []
    for word in people.fine:
        index = lowered.find(word)
        while index >= 0:
            spans.append((index, index + len(word)))
            index = lowered.find(word, index + 1)
    return spans


def blames(text: str, people: People = NOBODY, rewrite: bool = True) -> tuple[Blame, ...]:
    """Every blame in ``text``, with spans and (unless ``rewrite`` is false: the linter's text
    report shows none) rewrites; cached per (text, people).

    Text without any word a rule needs is known quiet whoever the people are, so short
    repeated fields ("factor 1") cost the same in every session.
    """
    return () if _quiet(text) else _blames(text, people, rewrite)


def clear_cache() -> None:
    """Forget every analysed text (for benchmarks that measure a first check)."""
    _quiet.cache_clear()
    _blames.cache_clear()


@lru_cache(maxsize=65536)
def _quiet(text: str) -> bool:
    return not any(bp.needed(text[start:end]) for start, end in sentences(text))


@lru_cache(maxsize=65536)
def _blames(text: str, people: People, rewrite: bool) -> tuple[Blame, ...]:
    out: list[Blame] = []
    fine = _fine_spans(text, people) if people.fine else []
    for start, end in sentences(text):
        sentence = text[start:end]
        hits = _sentence_hits(sentence, people)
        hits = [
            h for h in hits if not any(s <= start + h.start and start + h.end <= e for s, e in fine)
        ]
        if not hits:
            continue
        options = tuple(rewrites_for(sentence, hits, people, check=_is_clean)) if rewrite else ()
        for hit in hits:
            out.append(Blame(hit, (start + hit.start, start + hit.end), (start, end), options))
    return tuple(out)


def _is_clean(sentence: str, people: People) -> bool:
    return not _sentence_hits(sentence, people)


def _finding(where: str, text: str, blame: Blame) -> Finding:
    start, end = blame.span
    quote = text[start:end]
    rule = blame.hit.rule
    s_start, s_end = blame.sentence_span
    return Finding(
        rule=rule,
        where=where,
        message=f'"{quote}": {ADVICE[rule.id][0]}',
        quote=quote,
        suggestion=ADVICE[rule.id][1],
        replacement=blame.rewrites[0] if blame.rewrites else "",
        span=blame.span,
        sentence_span=blame.sentence_span,
        sentence=text[s_start:s_end],
        rewrites=blame.rewrites,
        questions=QUESTIONS,
    )


def scan_text(
    where: str,
    text: str,
    names: Iterable[str] = (),
    team_phrases: Iterable[str] = (),
    *,
    people: People | None = None,
    rewrite: bool = True,
) -> list[Finding]:
    """Blame in one field: the words, the sentence, rewrites and the guide's questions.

    ``people`` (names, the team's person-words and fine words) wins over ``names``;
    ``rewrite=False`` skips the rewrites (for a report that does not show them).
    """
    if not text or len(text) < 4:
        return []
    if people is None:
        people = People.of(names) if names else NOBODY
    findings = [_finding(where, text, blame) for blame in blames(text, people, rewrite)]
    lowered = text.lower()
    for phrase in team_phrases:
        index = lowered.find(phrase.lower()) if phrase else -1
        if index >= 0:
            quote = text[index : index + len(phrase)]
            sentence_span = next(
                ((s, e) for s, e in sentences(text) if s <= index < e), (0, len(text))
            )
            findings.append(
                Finding(
                    rule=TEAM_PHRASE,
                    where=where,
                    message=f'"{quote}": your team asked to avoid this phrase',
                    quote=quote,
                    suggestion=ADVICE[TEAM_PHRASE.id][1],
                    span=(index, index + len(phrase)),
                    sentence_span=sentence_span,
                    sentence=text[sentence_span[0] : sentence_span[1]],
                    questions=QUESTIONS,
                )
            )
    return findings


def apply_rewrite(text: str, finding: Finding, index: int = 0) -> str:
    """``text`` with the finding's sentence replaced by its rewrite number ``index``."""
    if not finding.rewrites or not 0 <= index < len(finding.rewrites):
        return text
    return replace_sentence(text, finding, finding.rewrites[index])


def replace_sentence(text: str, finding: Finding, new: str) -> str:
    """``text`` with the finding's sentence replaced by ``new`` (a rewrite, or the person's
    own wording).

    The sentence is found where the finding saw it, or (if the text moved) by its words;
    a text that no longer holds the sentence comes back unchanged.
    """
    if not finding.sentence:
        return text
    start = finding.sentence_span[0] if finding.sentence_span else 0
    if text[start : start + len(finding.sentence)] != finding.sentence:
        start = text.find(finding.sentence)
        if start < 0:
            return text
    # The sentence as it stands now: typing may have gone on after the check ("testing.").
    end = next((e for s, e in sentences(text) if s <= start < e), start + len(finding.sentence))
    return text[:start] + new + text[max(end, start + len(finding.sentence)) :]


def apply_replacement(text: str, finding: Finding) -> str:
    """The first rewrite applied (the one-key reframing); kept for callers of the old API."""
    if finding.rewrites:
        return apply_rewrite(text, finding, 0)
    if not finding.quote or not finding.replacement:
        return text
    return text.replace(finding.quote, finding.replacement, 1)
