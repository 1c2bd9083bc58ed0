"""What a guardrail reports: a finding with a stable rule id, a level and where it stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from sessions.models import SectionKind


class Level(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Level:
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    summary: str
    #: The meeting section where the team acts on it, when that isn't where it is found
    #: (a factor no action addresses is found among the factors, acted on with the actions).
    discussed_in: SectionKind | None = None


@dataclass
class Finding:
    rule: Rule
    where: str
    message: str
    #: The exact words the finding is about, when it is about words.
    quote: str = ""
    #: The guide's better way of saying or doing it.
    suggestion: str = ""
    #: The first of ``rewrites`` (the one-key reframing; see `blameless.apply_replacement`).
    replacement: str = ""
    accepted: str = field(default="", compare=False)
    #: Offsets (start, end) of ``quote`` in the field's text, for highlighting exactly it.
    span: tuple[int, int] | None = None
    #: Offsets of the sentence ``quote`` is in, and that sentence: what a rewrite replaces.
    sentence_span: tuple[int, int] | None = None
    sentence: str = ""
    #: Whole-sentence rewrites that carry no blame, best first (`blameless.apply_rewrite`).
    rewrites: tuple[str, ...] = ()
    #: The guide's blameless questions, for when no rewrite fits.
    questions: tuple[str, ...] = ()

    @property
    def level(self) -> Level:
        return self.rule.level

    @property
    def section(self) -> str:
        """The top-level part of the session the finding belongs to (for per-section panels)."""
        head = self.where.split(".", 1)[0].split("[", 1)[0]
        return head or "session"

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rule": self.rule.id,
            "level": str(self.level),
            "where": self.where,
            "message": self.message,
        }
        for key in ("quote", "suggestion", "replacement", "accepted", "sentence"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("span", "sentence_span"):
            if getattr(self, key) is not None:
                out[key] = list(getattr(self, key))
        for key in ("rewrites", "questions"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        return out
