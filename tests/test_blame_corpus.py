"""Precision and recall on real sentences from public postmortems and press coverage.

The corpus (tests/corpus/blame_sentences.toml) holds each sentence with its label, family and
source. "design" sentences were used to write the rules; "holdout" ones were not. The floors
below are the levels reached: a change that catches less, or flags blameless text, fails.
Run ``python -m tests.blame_corpus`` for the table.
"""

import pytest

from sessions.checks.blame_rewrites import reads_well
from sessions.checks.blameless import apply_rewrite, scan_text
from tests.blame_corpus import FAMILY_RULE, load, score

#: split -> (overall recall floor, false-positive rate ceiling)
OVERALL = {"design": (0.95, 0.0), "holdout": (0.92, 0.0)}
#: family -> recall floor over the whole corpus
FAMILY_RECALL = {
    "adverb": 1.0,
    "person": 0.84,
    "error": 0.96,
    "singling": 0.95,
    "hindsight": 1.0,
    "procedure": 1.0,
    "judgement": 1.0,
}
PRECISION_FLOOR = 1.0


def test_the_corpus_is_big_enough_and_sourced():
    sentences = load()
    assert len(sentences) >= 150
    assert {s.label for s in sentences} == {"blame", "fine"}
    assert sum(s.label == "blame" for s in sentences) >= 75
    assert sum(s.family == "near-miss" for s in sentences) >= 50
    assert {s.family for s in sentences if s.label == "blame"} == set(FAMILY_RULE)
    assert all(s.source.startswith("http") for s in sentences)
    assert len({s.text for s in sentences}) == len(sentences)
    assert {s.split for s in sentences} == {"design", "holdout"}


@pytest.mark.parametrize("split", ["design", "holdout"])
def test_recall_and_false_positives(split):
    scores = score(load(split))
    recall_floor, fp_ceiling = OVERALL[split]
    print(f"\n{split}\n{scores.table()}")
    assert scores.overall_recall >= recall_floor
    assert scores.false_positive_rate <= fp_ceiling


def test_recall_and_precision_per_family():
    scores = score(load())
    for family, floor in FAMILY_RECALL.items():
        caught, total = scores.recall[family]
        assert caught / total >= floor, family
    for rule in FAMILY_RULE.values():
        right, fired = scores.precision.get(rule, (0, 0))
        assert fired and right / fired >= PRECISION_FLOOR, rule


def test_every_rewrite_clears_the_sentence_and_reads_well():
    offered = 0
    for sentence in load():
        for finding in scan_text("summary", sentence.text):
            assert finding.questions, finding
            for index, rewrite in enumerate(finding.rewrites):
                offered += 1
                fixed = apply_rewrite(sentence.text, finding, index)
                assert reads_well(rewrite), rewrite
                assert scan_text("summary", rewrite) == [], (sentence.text, rewrite)
                assert scan_text("summary", fixed) == [] or len(fixed) > len(rewrite)
    assert offered >= 100


def test_most_blame_gets_a_rewrite_not_only_questions():
    blamed = [scan_text("summary", s.text) for s in load() if s.label == "blame"]
    blamed = [f for f in blamed if f]
    with_rewrite = sum(1 for findings in blamed if findings[0].rewrites)
    assert with_rewrite / len(blamed) >= 0.8
