"""Blameless-language coaching: the guide's "avoid" phrasings and their family.

Matching is by phrase and pattern — a person (pronoun, role, @handle or a name from the
session) as the subject of a failure — so ordinary technical text ("the job failed to
start", "blame view in git") does not trip it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sessions.checks.findings import Finding, Level, Rule

_ROLE = (
    r"(?:the |our |an? |that |this )?"
    r"(?:developer|engineer|dev|on-?call(?: engineer)?|operator|admin|sysadmin|sre|dba|intern"
    r"|contractor|team member|release manager|reviewer|author|new hire)s?"
)
_PRONOUN = r"(?:you|he|she|they|someone|somebody)"
_HANDLE = r"@[\w.-]+"

WHO = Rule("BL001", Level.ERROR, "asks who, not how")
WHY_DIDNT = Rule("BL002", Level.ERROR, "questions a person instead of the system")
HINDSIGHT = Rule("BL003", Level.ERROR, "hindsight: what someone should have known or done")
PERSON_ERROR = Rule("BL004", Level.ERROR, "names a person's mistake or 'human error' as the cause")
PROCEDURE = Rule(
    "BL005", Level.ERROR, "'failure to follow procedure' blames the person, not the procedure"
)
JUDGEMENT = Rule("BL006", Level.ERROR, "judges a person's character")
PERSON_FAILED = Rule("BL007", Level.ERROR, "a person is the subject of the failure")
TEAM_PHRASE = Rule("BL008", Level.WARNING, "a phrase the team asked to avoid")

RULES = (WHO, WHY_DIDNT, HINDSIGHT, PERSON_ERROR, PROCEDURE, JUDGEMENT, PERSON_FAILED, TEAM_PHRASE)


@dataclass(frozen=True)
class _Pattern:
    rule: Rule
    regex: re.Pattern[str]
    why: str
    suggestion: str
    replace: Callable[[re.Match[str]], str]


def _fixed(text: str) -> Callable[[re.Match[str]], str]:
    return lambda match: text


def _person_failed(match: re.Match[str]) -> str:
    verb = match["verb"].lower()
    rest = match["rest"] or ""
    if re.match(r"(?:follow|read|use) (?:the |our )?(?:runbook|procedure|playbook|process)", rest):
        return "the runbook was unclear about this scenario"
    if verb.startswith(("deployed without", "pushed without", "merged without", "shipped without")):
        action = verb.split()[0].removesuffix("ed")
        noun = {"deploy": "deployment", "push": "push", "merg": "merge", "shipp": "release"}[action]
        return f"the {noun} process allowed {noun} without {rest}".rstrip()
    if verb in ("broke", "caused"):
        return f"the system allowed a change that {verb} {rest}".rstrip()
    if verb in ("missed", "ignored", "overlooked"):
        return f"the system did not surface {rest}".rstrip()
    if verb == "skipped":
        return f"the process allowed skipping {rest}".rstrip()
    return f"the process did not ensure we would {rest}".rstrip()


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _subject(extra_names: Iterable[str]) -> str:
    alternatives = [_HANDLE, _ROLE, _PRONOUN]
    names = {name.lower() for name in extra_names if name}  # the patterns ignore case
    if names:
        alternatives.append(_one_of(names))
    return "(?:" + "|".join(alternatives) + ")"


def _one_of(words: set[str]) -> str:
    """A pattern matching any of ``words``, longest first, written as a prefix tree
    (``Ana(?: Silva)?|Bob``): the regex engine then tries one branch per letter instead of
    every name at every position, so a session's people cost the scan almost nothing."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(trie)


def _branch(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: the longer words are tried first, then this one
        return f"(?:{body})?"
    return body


_FAIL_VERBS = (
    r"forgot to|failed to|neglected to|didn'?t|did not|never|missed|ignored|overlooked|broke"
    r"|caused|skipped|(?:deployed|pushed|merged|shipped) without"
)


def _patterns(subject: str) -> list[_Pattern]:
    return [
        _Pattern(
            WHO,
            _compile(
                r"\bwho (?:broke|caused|messed up|screwed up|pushed|deployed|forgot|did) (?:this|it|that|the \w+)\??"
            ),
            "asking who points at a person; ask what happened",
            'Ask "What happened?" and "What about the system allowed this?"',
            _fixed("What happened?"),
        ),
        _Pattern(
            WHY_DIDNT,
            _compile(
                rf"\bwhy (?:didn'?t|did not|wouldn'?t) {subject} (?:check|test|notice|see|follow|catch|ask|read|verify|look|know)\b[^.?!\n]*\??"
            ),
            "questioning a person puts them on the defensive",
            'Ask "What information was available?"',
            _fixed("What information was available?"),
        ),
        _Pattern(
            HINDSIGHT,
            _compile(
                rf"(?<![\w@.-]){subject} (?:should|could|ought to) have (?:known|checked|caught|noticed|tested|seen|followed|asked|verified|been more careful|realised|realized|spotted)\b[^.?!\n]*"
            ),
            "hindsight judges a decision by what was learned later",
            'Ask "What made this decision seem reasonable?"; e.g. "The alert didn\'t fire for this condition"',
            _fixed("the alert didn't fire for this condition"),
        ),
        _Pattern(
            PERSON_ERROR,
            _compile(
                rf"\b(?:(?:a|the|this was a) )?mistake (?:made )?(?:by|of) (?:{subject}|[\w@.-]+)|\b(?:(?:a|the) )?(?:error|screw-?up|blunder) (?:by|of|from) {subject}\b|\b(?:human|operator|user|engineer|developer|pilot) error\b|\b(?:(?:his|her|their|your) fault|fault of {subject}|(?:is|was|are|were) to blame)\b"
            ),
            "calling it a person's error stops the search for what let it happen",
            '"The system allowed this to happen"',
            _fixed("the system allowed this to happen"),
        ),
        _Pattern(
            PROCEDURE,
            _compile(
                r"\b(?:failure|failed|failing) to (?:follow|adhere to|comply with|obey) (?:the |our )?(?:procedures?|process|runbook|playbook|protocol|instructions|steps|policy|checklist)\b"
            ),
            "the procedure is part of the system: ask why it did not fit this case",
            '"The procedure didn\'t account for this case" or "The runbook was unclear about this scenario"',
            _fixed("the procedure didn't account for this case"),
        ),
        _Pattern(
            JUDGEMENT,
            _compile(
                r"\b(?:careless(?:ness|ly)?|negligen(?:t|ce|tly)|sloppy|sloppiness|incompeten(?:t|ce)|reckless(?:ly|ness)?|irresponsibl[ey]|clueless|idiot(?:ic)?)\b"
            ),
            "judging character assumes bad intent; assume people acted on what they knew",
            'Describe the conditions: "What information was available?"',
            _fixed("under the conditions at the time"),
        ),
        _Pattern(
            PERSON_FAILED,
            _compile(
                rf"(?<![\w@.-])(?P<who>{subject}) (?P<verb>{_FAIL_VERBS})(?: (?P<rest>[^.;!?\n]*))?"
            ),
            "a person as the subject of the failure hides what the system allowed",
            'Make the system the subject: "The deployment process allowed deployment without test '
            'verification"',
            _person_failed,
        ),
    ]


_CACHE: dict[frozenset[str], list[_Pattern]] = {}


def _patterns_for(names: Iterable[str]) -> list[_Pattern]:
    # A frozenset keeps its hash: passed the same one for every field, the lookup is O(1).
    key = names if isinstance(names, frozenset) else frozenset(names)
    if key not in _CACHE:
        if len(_CACHE) > 256:
            _CACHE.clear()
        _CACHE[key] = _patterns(_subject(key))
    return _CACHE[key]


def _match_case(template: str, original: str) -> str:
    if original[:1].isupper() and template:
        return template[0].upper() + template[1:]
    return template


class _Spans:
    """Disjoint spans of a text already quoted by a finding, kept sorted: a field full of blame
    phrasing costs a binary search per match, not a comparison with every earlier one."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)  # the spans that start before `end`
        return before > 0 and self.ends[before - 1] > start

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def scan_text(
    where: str,
    text: str,
    names: Iterable[str] = (),
    team_phrases: Iterable[str] = (),
) -> list[Finding]:
    """Blame phrasings in one field, each with the quoted words and a reframing."""
    if not text or len(text) < 4:
        return []
    findings: list[Finding] = []
    taken = _Spans()
    for pattern in _patterns_for(names):
        for match in pattern.regex.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            quote = match.group(0).rstrip()
            taken.add(start, start + len(quote))
            findings.append(
                Finding(
                    rule=pattern.rule,
                    where=where,
                    message=f'"{quote}": {pattern.why}',
                    quote=quote,
                    suggestion=pattern.suggestion,
                    replacement=_match_case(pattern.replace(match), quote),
                )
            )
    lowered = text.lower()
    for phrase in team_phrases:
        index = lowered.find(phrase.lower())
        if phrase and index >= 0:
            quote = text[index : index + len(phrase)]
            findings.append(
                Finding(
                    rule=TEAM_PHRASE,
                    where=where,
                    message=f'"{quote}": your team asked to avoid this phrase',
                    quote=quote,
                    suggestion="Describe what the system allowed",
                )
            )
    return findings


def apply_replacement(text: str, finding: Finding) -> str:
    """The field's text with the finding's words replaced by the reframing (first occurrence)."""
    if not finding.quote or not finding.replacement:
        return text
    return text.replace(finding.quote, finding.replacement, 1)
