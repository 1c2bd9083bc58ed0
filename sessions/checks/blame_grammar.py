"""Just enough English for the blame rules: sentences, words, verb forms, articles.

Not a parser: it finds sentence spans, tells a past-tense verb from other words well enough
to find "who did it", and makes the verb forms the rewrites need ("ran" -> "run",
"renew" -> "renewed").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A line break starts a new sentence. The pattern starts at the break itself: a leading
# ``\s*`` would try every run of spaces or tabs to its end and back (quadratic: 30,000 tabs
# took 8 s); the spaces before a break are trimmed from the sentence instead.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9@*`])|\n\s*")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gov sen rep st inc ltd co corp vs e.g i.e etc u.s u.k i.t no jr sr approx".split()
)
WORD = re.compile(r"[\w@][\w@'’.\-]*[\w]|[\w@]|[,;:—–()\"“”]")
"""A word (with inner apostrophes, hyphens and dots: "us-east-1", "Knight's") or a mark."""


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] in "@_"


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, trailing spaces excluded."""
    start = 0
    for match in _BOUNDARY.finditer(text):
        head = text[start : match.start()].rstrip()
        last = head.rsplit(None, 1)[-1].lower().rstrip(".") if head.strip() else ""
        if "\n" not in match.group(0) and (
            last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
        ):
            continue  # "Gov. David Ige", "J. Smith"
        if head.strip():
            yield _trim(text, start, start + len(head))
        start = match.end()
    if text[start:].strip():
        yield _trim(text, start, len(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def tokens(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(0), m.start() + offset, m.end() + offset) for m in WORD.finditer(text)]


IRREGULAR = {
    "ran": "run",
    "made": "made",
    "took": "taken",
    "wrote": "written",
    "broke": "broken",
    "forgot": "forgotten",
    "chose": "chosen",
    "hit": "hit",
    "put": "put",
    "set": "set",
    "sent": "sent",
    "left": "left",
    "lost": "lost",
    "got": "got",
    "gave": "given",
    "did": "done",
    "saw": "seen",
    "shut": "shut",
    "cut": "cut",
    "read": "read",
    "brought": "brought",
    "began": "begun",
    "drove": "driven",
    "kept": "kept",
    "led": "led",
    "let": "let",
    "threw": "thrown",
    "pulled": "pulled",
    "pushed": "pushed",
    "wiped": "wiped",
    "hid": "hidden",
    "undid": "undone",
    "overrode": "overridden",
    "withdrew": "withdrawn",
    "told": "told",
    "built": "built",
    "spent": "spent",
    "sold": "sold",
    "held": "held",
    "froze": "frozen",
}
"""Irregular past tense -> past participle (and a few regular ones met in incidents)."""
_BASE_PARTICIPLE = {
    "run": "run",
    "make": "made",
    "take": "taken",
    "write": "written",
    "break": "broken",
    "forget": "forgotten",
    "choose": "chosen",
    "hit": "hit",
    "put": "put",
    "set": "set",
    "send": "sent",
    "leave": "left",
    "lose": "lost",
    "get": "got",
    "give": "given",
    "do": "done",
    "see": "seen",
    "shut": "shut",
    "cut": "cut",
    "read": "read",
    "bring": "brought",
    "begin": "begun",
    "drive": "driven",
    "keep": "kept",
    "lead": "led",
    "let": "let",
    "throw": "thrown",
    "tell": "told",
    "build": "built",
    "hold": "held",
    "freeze": "frozen",
    "understand": "understood",
    "find": "found",
    "pay": "paid",
    "say": "said",
    "go": "gone",
}
_DOUBLE = frozenset(
    "commit admit omit submit permit refer prefer occur control patrol rebut regret upset".split()
)
_NOT_VERBS = frozenset(
    "need red bed seed speed feed shed bleed breed deed weed hundred kindred indeed exceed "
    "proceed succeed embed".split()
)


_PARTICIPLES = frozenset(IRREGULAR.values()) | frozenset(_BASE_PARTICIPLE.values())


def is_past(word: str) -> bool:
    """A past tense or participle, as far as the spelling tells ("deleted", "ran", "broken")."""
    low = word.lower()
    if low in IRREGULAR or (
        low in _PARTICIPLES
        and low not in {"run", "put", "set", "let", "hit", "cut", "read", "shut"}
    ):
        return True
    return len(low) > 3 and low.endswith("ed") and low.isalpha() and low not in _NOT_VERBS


_NOT_GERUNDS = frozenset(
    "during thing nothing something anything everything string spring morning evening ceiling "
    "king wing ring bring".split()
)


def is_gerund(word: str) -> bool:
    low = word.lower()
    return len(low) > 4 and low.endswith("ing") and low.isalpha() and low not in _NOT_GERUNDS


def participle_of_past(word: str) -> str:
    low = word.lower()
    return IRREGULAR.get(low, low)


def participle_of_base(word: str) -> str:
    """ "renew" -> "renewed", "copy" -> "copied", "flip" -> "flipped", "run" -> "run"."""
    low = word.lower()
    if low in _BASE_PARTICIPLE:
        return _BASE_PARTICIPLE[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return low[:-1] + "ied"
    if (
        len(low) >= 3
        and low[-1] not in "aeiouwxy"
        and low[-2] in "aeiou"
        and low[-3] not in "aeiou"
        and (len(re.findall(r"[aeiou]+", low)) == 1 or low in _DOUBLE)
    ):
        return low + low[-1] + "ed"
    return low + "ed"


def is_plural(phrase: str) -> bool:
    """Whether a noun phrase takes "were": its head word ends in -s (not -ss, -us, -is)."""
    words = re.findall(r"[A-Za-z][\w'-]*", phrase)
    if not words:
        return False
    head = words[-1].lower()
    if words[0].lower() in {"a", "an", "one", "this", "that", "each", "every"}:
        return False
    if words[0].lower() in {"these", "those", "all", "both", "several", "many", "some"}:
        return True
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "'s"))


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def fix_articles(text: str) -> str:
    """ "a IT contractor" -> "an IT contractor" after a word was taken out."""

    def article(match: re.Match[str]) -> str:
        word, nxt = match.group(1), match.group(2)
        vowel = nxt[:1].lower() in "aeiou" or (nxt.isupper() and nxt[:1] in "AEFHILMNORSX")
        if nxt.lower().startswith(("uni", "use", "usu", "one")):
            vowel = False
        fixed = "an" if vowel else "a"
        return (fixed.capitalize() if word[0].isupper() else fixed) + " " + nxt

    return re.sub(r"\b([Aa]n?) ([\w][\w-]*)", article, text)


def tidy(text: str) -> str:
    """Spaces and punctuation after words were taken out of a sentence."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,;.!?])(?=\s|$)", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"^[\s,;]+", "", text)
    return fix_articles(text.strip())
