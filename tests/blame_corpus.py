"""The labelled corpus of real sentences, and its precision and recall per rule family."""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sessions.checks.blameless import scan_text

CORPUS = Path(__file__).parent / "corpus" / "blame_sentences.toml"

#: The rule each family of the corpus is meant to be caught by.
FAMILY_RULE = {
    "adverb": "BL009",
    "person": "BL007",
    "error": "BL004",
    "singling": "BL010",
    "hindsight": "BL003",
    "procedure": "BL005",
    "judgement": "BL006",
}


@dataclass(frozen=True)
class Sentence:
    text: str
    label: str
    family: str
    split: str
    source: str


def load(split: str = "") -> list[Sentence]:
    rows = tomllib.loads(CORPUS.read_text(encoding="utf-8"))["sentence"]
    return [Sentence(**row) for row in rows if not split or row["split"] == split]


@dataclass
class Scores:
    #: family -> (caught, total): blameful sentences with any BL finding.
    recall: dict[str, tuple[int, int]]
    #: rule id -> (on blame, fired): sentences the rule fired on, and how many were blame.
    precision: dict[str, tuple[int, int]]
    false_positives: int
    blameless: int

    @property
    def overall_recall(self) -> float:
        caught = sum(c for c, _ in self.recall.values())
        return caught / max(1, sum(t for _, t in self.recall.values()))

    @property
    def false_positive_rate(self) -> float:
        return self.false_positives / max(1, self.blameless)

    def table(self) -> str:
        lines = [f"{'family':<10} {'rule':<6} {'recall':>12} {'precision':>12}"]
        for family, rule in FAMILY_RULE.items():
            c, t = self.recall.get(family, (0, 0))
            p, f = self.precision.get(rule, (0, 0))
            recall = f"{c:>4}/{t:<3} {c / max(1, t):.2f}"
            precision = f"{p:>4}/{f:<3} {p / max(1, f):.2f}"
            lines.append(f"{family:<10} {rule:<6} {recall} {precision}")
        lines.append(
            f"overall recall {self.overall_recall:.3f}, false positives "
            f"{self.false_positives}/{self.blameless} ({self.false_positive_rate:.3f})"
        )
        return "\n".join(lines)


def score(sentences: list[Sentence]) -> Scores:
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    right: Counter[str] = Counter()
    false_positives = blameless = 0
    for sentence in sentences:
        rules = {f.rule.id for f in scan_text("summary", sentence.text)}
        blame = sentence.label == "blame"
        for rule in rules:
            fired[rule] += 1
            right[rule] += blame
        if blame:
            total[sentence.family] += 1
            caught[sentence.family] += bool(rules)
        else:
            blameless += 1
            false_positives += bool(rules)
    return Scores(
        {f: (caught[f], total[f]) for f in total},
        {r: (right[r], fired[r]) for r in fired},
        false_positives,
        blameless,
    )


if __name__ == "__main__":
    for split in ("design", "holdout", ""):
        print(f"== {split or 'all'}")
        print(score(load(split)).table())
