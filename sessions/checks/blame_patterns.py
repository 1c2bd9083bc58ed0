"""The blame patterns of one sentence, one detector per family of the guide's "avoid" list.

Each detector anchors on the words that carry the blame (a failure verb, an adverb, an error
noun, a punishment) and then looks at who the sentence makes responsible: a person, found by
`blame_people.People`, or a system. "The engineer forgot to renew the cert" is blame;
"the job failed to start" is not. Positions are offsets in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sessions.checks.blame_grammar import Token, is_gerund, is_past, tokens
from sessions.checks.blame_people import PRONOUNS, ROLES, WEAK, People
from sessions.checks.findings import Level, Rule

WHO = Rule("BL001", Level.ERROR, "asks who, not how")
WHY_DIDNT = Rule("BL002", Level.ERROR, "questions a person instead of the system")
HINDSIGHT = Rule("BL003", Level.ERROR, "hindsight: what someone should have known or done")
PERSON_ERROR = Rule("BL004", Level.ERROR, "names a person's mistake or 'human error' as the cause")
PROCEDURE = Rule(
    "BL005", Level.ERROR, "'procedure not followed' blames the person, not the procedure"
)
JUDGEMENT = Rule("BL006", Level.ERROR, "judges a person's character or care")
PERSON_FAILED = Rule("BL007", Level.ERROR, "a person is the subject of the failure")
_NO_HARM = frozenset(
    "downtime delay delays incident incidents impact interruption issue issues errors"
    " problems trouble".split()
)
"""After "deployed … without": what was avoided, not skipped."""
TEAM_PHRASE = Rule("BL008", Level.WARNING, "a phrase the team asked to avoid")
ADVERB = Rule("BL009", Level.ERROR, "an adverb puts the blame on the person who acted")
SINGLING = Rule("BL010", Level.ERROR, "singles out a person, or punishes one")

RULES = (
    WHO,
    WHY_DIDNT,
    HINDSIGHT,
    PERSON_ERROR,
    PROCEDURE,
    JUDGEMENT,
    PERSON_FAILED,
    TEAM_PHRASE,
    ADVERB,
    SINGLING,
)


@dataclass(frozen=True)
class Hit:
    """Blame found in a sentence: the rule, the words (start, end) and what a rewrite needs."""

    rule: Rule
    start: int
    end: int
    #: Which pattern of the family matched ("forgot", "wrong", "error-np", ...).
    kind: str
    #: The pieces a rewrite reuses: the verb, the words after it, the subject.
    verb: str = ""
    rest: str = ""
    subject: tuple[int, int] = (0, 0)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Who did it: the subject before a position
# ---------------------------------------------------------------------------------------------

_FILLERS = frozenset(
    """
    had has have also then just simply really did does do later eventually again still actually
    apparently allegedly reportedly immediately quickly finally subsequently instead who which
    however unfortunately somehow clearly obviously evidently probably likely can could would
    will may might must should not n't
    """.split()
)
_STOPS = frozenset(
    """
    and but or nor when that which because if while after before as since so though although
    unless until where whereas to in on at by for from with during into onto upon about said
    says told thanks was were is are be been being am it this there these those what whether
    """.split()
)
_BREAKS = frozenset(
    "that which when where because if while since although though unless until but whether".split()
)
_BE = frozenset("was were been be being is are got get gets getting".split())
_MODALS = frozenset("can could would will may might should must did do does to".split())


_DETERMINERS = frozenset(
    "the a an one another our their his her its that this some each every any no".split()
)


def _subject_at(toks: list[Token], i: int, people: People, weak: bool, capital: bool) -> int:
    """The start index of a person phrase whose head is ``toks[i]``, or -1.

    The phrase reaches back to its determiner ("one of Knight's technicians", "a tired
    engineer", "another (tired) sysadmin"), at most four words.
    """
    if i < 0 or not toks[i].is_word:
        return -1
    words = [t.text for t in toks[max(0, i - 1) : i + 1] if t.is_word]
    if not people.is_person(words, weak=weak, capital=capital):
        return -1
    if toks[i].lower in PRONOUNS:
        return i
    start = i
    while start - 1 >= 0 and i - start < 5:
        prev = toks[start - 1]
        if prev.lower in _STOPS or not (prev.is_word or prev.text in "()"):
            break
        start -= 1
        if prev.lower in _DETERMINERS:
            break
    return start


def subject_before(
    sentence: str,
    pos: int,
    people: People,
    *,
    weak: bool = False,
    capital: bool = False,
    participle: bool = False,
) -> tuple[int, int] | None:
    """The person who is the subject of the verb at ``pos``, as a (start, end) span.

    Skips adverbs, auxiliaries and one comma- or dash-delimited aside ("an engineer, working
    late, ran ..."). With ``participle``, also "an engineer debugging an issue mistakenly ...".
    """
    toks = tokens(sentence[:pos])
    i = len(toks) - 1
    while i >= 0:
        tok = toks[i]
        if tok.text in {",", "—", "–"}:
            j = i - 1
            while j >= 0 and toks[j].text != tok.text and i - j < 25:
                if toks[j].text in {";", ":"} or toks[j].lower in _BREAKS:
                    break
                j -= 1
            if j >= 0 and toks[j].text == tok.text and j < i - 1:
                i = j - 1
                continue
            i -= 1
            continue
        if tok.is_word and (
            tok.lower in _FILLERS
            or (tok.text.islower() and tok.lower.endswith("ly") and len(tok.lower) > 4)
        ):
            i -= 1
            continue
        break
    start = _subject_at(toks, i, people, weak, capital)
    if start >= 0:
        return toks[start].start, toks[i].end
    if i >= 0 and toks[i].lower in {"and", "or", "but"}:
        return _compound_subject(toks, i, people, weak, capital)
    if not participle:
        return None
    for j in range(len(toks) - 1, max(-1, len(toks) - 25), -1):
        tok = toks[j]
        if tok.lower in _BREAKS or tok.text in {";", ":"}:
            return None
        if tok.is_word and is_gerund(tok.text) and tok.text.islower():
            k = j - 1
            if k >= 0 and toks[k].text == ",":
                k -= 1
            start = _subject_at(toks, k, people, weak, capital)
            if start >= 0:
                return toks[start].start, toks[k].end
    return None


def _compound_subject(
    toks: list[Token], i: int, people: People, weak: bool, capital: bool
) -> tuple[int, int] | None:
    """ "She had typed the wrong value, and had broken ...": the subject of the first verb."""
    for j in range(i - 1, max(-1, i - 30), -1):
        if toks[j].lower in _BREAKS or toks[j].text in {";", ":"}:
            return None
        k = j + 1
        if k < i and toks[k].lower not in {"had", "has", "was", "were"}:
            while k < i and toks[k].lower in _FILLERS:
                k += 1
        if k < i and (is_past(toks[k].text) or toks[k].lower in {"had", "has", "was", "were"}):
            start = _subject_at(toks, j, people, weak, capital)
            if start >= 0:
                return toks[start].start, toks[j].end
    return None


def _person_in(
    sentence: str, end: int, people: People, weak: bool = False
) -> tuple[int, int] | None:
    """The last person named in ``sentence[:end]`` (for punishment: "the employee ... was fired")."""
    toks = tokens(sentence[:end])
    for i in range(len(toks) - 1, -1, -1):
        start = _subject_at(toks, i, people, weak, False)
        if start >= 0:
            return toks[start].start, toks[i].end
    return None


def _person_after(
    sentence: str, pos: int, people: People, span: int = 5, weak: bool = True
) -> tuple[int, int] | None:
    """A person within the next few words ("a mistake by a single sysadmin")."""
    toks = tokens(sentence[pos:], pos)
    for i, tok in enumerate(toks[:span]):
        if not tok.is_word:
            return None
        if _subject_at(toks, i, people, weak, False) >= 0:
            return toks[0].start, tok.end
    return None


def _quoted(sentence: str, start: int, end: int) -> bool:
    """Mentioned, not used: the word stands in quotes ('careless', "human error")."""
    before = sentence[start - 1 : start]
    after = sentence[end : end + 1]
    return bool(before) and before in "'\"‘“" and bool(after) and after in "'\"’”"


def _clause_rest(sentence: str, pos: int) -> str:
    """The words from ``pos`` to the end of the clause (the object of the verb and after)."""
    match = re.match(r"[^,;:.!?()—–\"“”]*", sentence[pos:])
    rest = match.group(0) if match else ""
    rest = re.split(r"\b(?:because|since|as (?:he|she|they|it) was|so that|while)\b", rest)[0]
    return rest.strip()


# ---------------------------------------------------------------------------------------------
# The families
# ---------------------------------------------------------------------------------------------

_WHO_RX = _rx(
    r"\bwho (?:broke|caused|messed up|screwed up|pushed|deployed|forgot|did|was responsible for) (?:this|it|that|the \w+)\??"
)
_WHY_RX = _rx(
    r"\bwhy (?:didn['’]?t|did not|wouldn['’]?t|wasn['’]?t|weren['’]?t|haven['’]?t|hasn['’]?t) (?P<who>[\w@'’.-]+(?: [\w@'’.-]+)?) (?:check|test|notice|see|follow|catch|ask|read|verify|look|know|escalate|review|think|tell)\b[^.?!\n]*\??"
)


def find_who(s: str, people: People) -> Iterator[Hit]:
    for m in _WHO_RX.finditer(s):
        if not re.search(r"[\w,]\s*$", s[: m.start()]):  # a question, not "the employee who ..."
            yield Hit(WHO, m.start(), m.end(), "who")
    for m in _WHY_RX.finditer(s):
        words = m["who"].split()
        if people.is_person(words, weak=True) or words[-1].lower() in {"we", "anyone"}:
            yield Hit(WHY_DIDNT, m.start(), m.end(), "why")


_COGNITION = r"known|anticipated|foreseen|realised|realized|predicted|expected|guessed|known better|been (?:more )?(?:careful|aware|obvious|foreseeable|expected)"
_HINDSIGHT_RX = _rx(
    rf"\b(?P<modal>should|could|would|must|ought to)(?P<neg>n['’]t| not)?\s+(?:\w+ly\s+)?have\s+(?:\w+ly\s+)?(?P<pp>{_COGNITION}|been (?:\w+ly )?(?:avoided|prevented)|been (?:\w+ly )?(?:used|ignored|followed|done|deployed|approved|skipped|noticed|caught|spotted|checked|escalated|reported|allowed)|[a-z]+(?:ed|en|wn|ght))\b(?P<after>[^.;!?]*)"
)
_HINDSIGHT_SUBJECTS = frozenset(
    {
        "we",
        "they",
        "you",
        "anyone",
        "everyone",
        "company",
        "companies",
        "team",
        "teams",
        "management",
        "leadership",
    }
)
_OBVIOUS_RX = _rx(
    r"\b(?:it|this|that)(?:\s+was|['’]s|\s+is|\s+seemed|\s+should have been)\s+(?:\w+ly\s+)?obvious\b|\bshould(?:n['’]t| not)? know better\b|\bif only\b"
)
_COUNTERFACTUAL_RX = _rx(
    r"\bif\b[^.;!?]*,\s*(?:it|this|that|the \w+)\s+(?:would|could)(?:n['’]t| not)\s+have\s+(?:happened|occurred)\b"
)


def find_hindsight(s: str, people: People) -> Iterator[Hit]:
    for m in _HINDSIGHT_RX.finditer(s):
        pp = m["pp"].lower()
        normative = m["modal"].lower() in {"should", "must", "ought to"}
        subject = subject_before(s, m.start(), people, weak=True)
        head = s[: m.start()].split()[-1].lower().strip(",") if s[: m.start()].split() else ""
        by_person = subject is not None or head in _HINDSIGHT_SUBJECTS
        if re.match(_COGNITION, pp):
            fire = head not in {"it", "there"} or pp.startswith("been")
        elif pp.startswith("been"):
            fire = pp.endswith(("avoided", "prevented")) or (normative and head not in {"it"})
        else:
            fire = by_person and (
                head != "we" or normative
            )  # "we should have", not "we could have"
        if fire:
            start = subject[0] if subject else m.start()
            yield Hit(
                HINDSIGHT,
                start,
                m.end("pp"),
                "should-have",
                verb=pp,
                rest=m["after"].strip(),
                subject=subject or (0, 0),
            )
    for rx in (_OBVIOUS_RX, _COUNTERFACTUAL_RX):
        for m in rx.finditer(s):
            yield Hit(HINDSIGHT, m.start(), m.end(), "obvious")


_PROC = r"(?:procedures?|process(?:es)?|runbooks?|playbooks?|protocols?|polic(?:y|ies)|checklists?|guidelines|rules|instructions|steps|standards?)"
_PROCEDURE_RXS = (
    _rx(
        rf"\b(?:failure|failed|failing|neglected|refused|didn['’]?t|did not|never|not)\s+(?:to\s+)?(?:follow|adhere to|comply with|obey)\s+(?:the\s+|our\s+|its\s+|their\s+|this\s+|that\s+)?(?:[\w'’-]+\s+){{0,2}}?{_PROC}\b"
    ),
    _rx(
        rf"\b(?P<np>(?:(?:the|our|its|their|this|that|these|those)\s+)?(?:[\w'’-]+\s+){{0,3}}?{_PROC})\s+(?:was|were|had been|has been|have been|got)\s+(?:\w+ly\s+)?(?:(?:not|never)\s+(?:\w+ly\s+)?(?:followed|adhered to|observed|respected|consulted)|ignored|skipped|bypassed|disregarded|violated|circumvented|subverted|sidestepped|overlooked)\b"
    ),
    _rx(rf"\binstead of following\s+(?:the\s+|our\s+|its\s+)?(?:[\w'’-]+\s+){{0,2}}?{_PROC}\b"),
)


def find_procedure(s: str, people: People) -> Iterator[Hit]:
    for rx in _PROCEDURE_RXS:
        for m in rx.finditer(s):
            np = m.groupdict().get("np") or ""
            yield Hit(PROCEDURE, m.start(), m.end(), "passive" if np else "follow", rest=np)


_JUDGEMENT_RX = _rx(
    r"\b(?:careless(?:ness|ly)?|negligen(?:t|ce|tly)|sloppy|sloppiness|sloppily|incompeten(?:t|ce)|reckless(?:ly|ness)?|irresponsibl[ey]|clueless|idiot(?:ic|s)?|stupid(?:ly|ity)?|bumbling|inept(?:itude)?|forgetful(?:ness)?|foolish(?:ly)?|thoughtless(?:ly)?|clums(?:y|ily)|moron(?:s|ic)?|haphazardly|lazy (?:engineer|developer|admin|operator|employee|worker|person|people))\b"
)
_CARE_RX = _rx(
    r"\b(?:(?:be|been|being|is|are|was|were)\s+more\s+careful|more careful next time|pay(?:ing)? (?:more |closer )?attention|not paying attention|lack of (?:attention|care|diligence)|(?P<reason>for (?:some|whatever) reason (?:that )?(?:we|I|nobody|no one) (?:don['’]t|do not|can['’]t|cannot|could not|couldn['’]t) (?:understand|explain)))\b"
)


def find_judgement(s: str, people: People) -> Iterator[Hit]:
    for m in _JUDGEMENT_RX.finditer(s):
        if not _quoted(s, m.start(), m.end()):
            yield Hit(JUDGEMENT, m.start(), m.end(), "word")
    for m in _CARE_RX.finditer(s):
        yield Hit(JUDGEMENT, m.start(), m.end(), "reason" if m["reason"] else "care")


_TECH_AFTER = r"(?!\s+(?:rate|rates|budget|budgets|code|codes|message|messages|handling|handler|count|counts|log|logs|page|pages|path|paths|type|types|class|state|metric|metrics|report|reporting|tracking|boundary|bar)\b)"
_ERROR_NP_RX = _rx(
    rf"\b(?:(?P<det>an?|the)\s+)?(?:(?:simple|honest|critical|big|fatal|obvious|likely)\s+)?(?:human|operator|operational|user|engineer(?:ing)?|developer|pilot|employee|staff|admin|administrator|clerical|technician)\s+(?:errors?|failures?|mistakes?|slips?|blunders?)\b{_TECH_AFTER}"
)
_ERROR_META_BEFORE = re.compile(
    r"\b(?:handle|handling|tolerate|tolerant|prevent|preventing|reduce|reducing|minimi[sz]e|mitigate|against|robust|resilient|prone|risk|chance|likelihood|under|beyond|blaming|blame)\b",
    re.IGNORECASE,
)
_ERROR_META_AFTER = _rx(
    r"\s+(?:is|as)\s+(?:never|not|rarely|only|just|merely|a symptom|the start|the starting point|a starting point|a label|the beginning)\b"
)
_FAT_FINGER_RX = _rx(r"\bfat\W{0,3}finger(?:ed|s)?\b")
_ERROR_BY_RX = _rx(
    r"\b(?:mistakes?|errors?|failures?|faults?|slips?|typos?|blunders?|screw-?ups?)\s+(?:made\s+)?(?:by|of|from|on the part of)\s+"
)
_ERROR_OWNER_RX = _rx(
    rf"\b(?P<owner>his|her|their|your|my|[\w'’-]+['’]s)\s+(?:own\s+|simple\s+|fairly simple\s+|big\s+|critical\s+|honest\s+|obvious\s+)?(?:mistakes?|errors?|faults?|slips?|typos?|blunders?|screw-?ups?|failure to)\b{_TECH_AFTER}"
)
_MADE_RX = _rx(
    rf"\b(?P<verb>made|makes|make)\s+(?:\w+\s+){{0,4}}?(?:mistakes?|errors?|slips?|blunders?|typos?)\b{_TECH_AFTER}"
)
_MISTAKE_PART_RX = _rx(r"\bmistakes?\s+on\s+(?:his|her|their|my|your|[\w'’]+['’]s)\s+part\b")
_TO_BLAME_RX = _rx(r"\b(?:is|was|are|were)\s+(?:to blame|at fault|the (?:cause|culprit))\b")


def find_error(s: str, people: People) -> Iterator[Hit]:
    for m in _ERROR_NP_RX.finditer(s):
        before = " ".join(s[: m.start()].split()[-8:])
        if (
            _quoted(s, m.start(), m.end())
            or _ERROR_META_BEFORE.search(before)
            or _ERROR_META_AFTER.match(s, m.end())
        ):
            continue
        yield Hit(PERSON_ERROR, m.start(), m.end(), "error-np")
    for m in _FAT_FINGER_RX.finditer(s):
        yield Hit(PERSON_ERROR, m.start(), m.end(), "fat-finger")
    for m in _ERROR_BY_RX.finditer(s):
        who = _person_after(s, m.end(), people)
        if who:
            yield Hit(PERSON_ERROR, m.start(), who[1], "error-by")
    for m in _ERROR_OWNER_RX.finditer(s):
        owner = m["owner"]
        if owner.lower() in {
            "his",
            "her",
            "their",
            "your",
            "my",
            "human's",
            "human’s",
        } or people.is_person([re.sub(r"['’]s$", "", owner)], capital=True):
            yield Hit(PERSON_ERROR, m.start(), m.end(), "owner")
    for m in _MADE_RX.finditer(s):
        subject = subject_before(s, m.start(), people, weak=False, capital=True)
        if subject and not (m["verb"].lower() == "make" and not _modal_before(s, m.start())):
            yield Hit(PERSON_ERROR, subject[0], m.end(), "made", subject=subject)
    for m in _MISTAKE_PART_RX.finditer(s):
        yield Hit(PERSON_ERROR, m.start(), m.end(), "on-part")
    for m in _TO_BLAME_RX.finditer(s):
        subject = subject_before(s, m.start(), people)
        if subject:
            yield Hit(PERSON_ERROR, subject[0], m.end(), "to-blame", subject=subject)


def _modal_before(s: str, pos: int) -> bool:
    words = s[:pos].split()
    return any(w.lower().strip(",") in _MODALS - {"to"} for w in words[-2:])


_MISTAKE_ADVERBS = r"mistakenly|accidentally|inadvertently|erroneously|wrongly|incorrectly|unintentionally|unknowingly|mistakingly|wrongfully"
_ADVERB_RX = _rx(rf"\b(?P<adv>{_MISTAKE_ADVERBS})\s+(?P<verb>[a-z][a-z-]+)\b")
_JUDGE_ADVERB_RX = _rx(
    r"\b(?:carelessly|recklessly|negligently|sloppily|foolishly|thoughtlessly|clumsily|stupidly)\s+(?P<verb>[a-z][a-z-]+)\b"
)


def find_adverb(s: str, people: People) -> Iterator[Hit]:
    for m in _ADVERB_RX.finditer(s):
        before = tokens(s[: m.start()])
        prev = before[-1].lower if before else ""
        verb = m["verb"]
        rest = _clause_rest(s, m.end())
        if prev in _BE:
            by = re.match(r"\s*(?:[\w'’-]+\s+){0,4}?by\s+", s[m.end() :])
            who = _person_after(s, m.end() + by.end(), people) if by else None
            if who:
                yield Hit(ADVERB, m.start(), who[1], "passive-by", verb=verb, rest=rest)
            continue
        if not before or (len(before) == 1 and not before[0].is_word):
            if is_past(verb):
                yield Hit(ADVERB, m.start(), m.end(), "elided", verb=verb, rest=rest)
            continue
        if not (is_past(verb) or prev in _MODALS):
            continue
        subject = subject_before(s, m.start(), people, weak=True, participle=True)
        if subject and s[subject[0] : subject[1]].lower() not in {"we", "our team"}:
            yield Hit(ADVERB, m.start(), m.end(), "active", verb=verb, rest=rest, subject=subject)
    for m in _JUDGE_ADVERB_RX.finditer(s):
        yield Hit(
            JUDGEMENT,
            m.start(),
            m.end() - len(m["verb"]) - 1,
            "adverb",
            verb=m["verb"],
            rest=_clause_rest(s, m.end()),
        )


_HUMAN_VERBS = r"follow|read|notice|check|verify|test|review|escalate|ask|tell|communicate|inform|notify|report|document|double-check|remember|realise|realize|understand|consider|look|pay|wait|confirm|coordinate|respond|answer|call|page|renew|update|rotate|patch|copy|apply|monitor|acknowledge"
_PRED_RX = _rx(
    r"\b(?:"
    rf"(?P<human>forgot(?: to)?|forgets(?: to)?|neglected(?: to)?|ignored|overlooked|misread|mistyped|misconfigured|(?:really |did )*mess(?:ed)? up|screwed up|botched|bungled|sidestepped|subverted|disregarded|circumvented|violated|confused|didn['’]?t bother(?: to)?|fail(?:ed|s)? to (?={_HUMAN_VERBS}\b))"
    r"|(?P<generic>fail(?:ed|s)? to|didn['’]?t|did not|never(?= \w+ed\b)|missed|skipped|broke|caused|took down|brought down|wiped|destroyed|(?:deployed|pushed|merged|shipped|released) (?:[\w:./-]+ ){0,6}?without|(?:had|has) (?:not|never)(?= \w+ed\b))"
    r")(?=[\s.,;:!?]|$)"
)


def find_person(s: str, people: People) -> Iterator[Hit]:
    for m in _PRED_RX.finditer(s):
        human = bool(m["human"])
        subject = subject_before(s, m.start(), people, weak=human, capital=human)
        if subject is None:
            continue
        pred = m.group(0)
        word = re.match(r"\s+([\w'’-]+)", s[m.end() :])
        # "forgot to renew", "did not copy", "deployed without testing": the next word belongs
        # to the blame; "missed", "skipped", "broke" carry it alone.
        takes_word = pred.lower().endswith(
            ("to", "didn't", "didn’t", "did not", "never", "not", "without")
        )
        if pred.lower().endswith("without") and word and word.group(1).lower() in _NO_HARM:
            continue  # "deployed the rollback without downtime": nothing went wrong
        verb = word.group(1) if takes_word and word else pred
        after = m.end() + (word.end() if takes_word and word else 0)
        end = after
        yield Hit(
            PERSON_FAILED,
            subject[0],
            end,
            m.group(0).lower().split()[0],
            verb=verb,
            rest=_clause_rest(s, after),
            subject=subject,
        )
    low = s.lower()
    if "wrong" in low:
        yield from _find_wrong(s, people)
    if "instead of" in low:
        yield from _find_instead(s, people)
    if any(w in low for w in ("cause", "by", "bad", "faulty", "buggy", "sloppy", "broken")):
        yield from _find_caused_by(s, people)


_WRONG_RX = _rx(r"\b(?:the\s+|a\s+)?wrong\b")


def _find_wrong(s: str, people: People) -> Iterator[Hit]:
    """ "pushed the wrong button", "ran a command on the wrong server", "Pulling Wrong Plug"."""
    for m in _WRONG_RX.finditer(s):
        toks = tokens(s[: m.start()])
        for j in range(len(toks) - 1, max(-1, len(toks) - 8), -1):
            tok = toks[j]
            if not tok.is_word or tok.lower in _BREAKS:
                break
            if is_past(tok.text) or is_gerund(tok.text):
                subject = subject_before(s, tok.start, people)
                if subject:
                    rest = _clause_rest(s, tok.end)
                    yield Hit(
                        PERSON_FAILED,
                        subject[0],
                        m.end(),
                        "wrong",
                        verb=tok.text,
                        rest=rest,
                        subject=subject,
                    )
                break


_INSTEAD_RX = _rx(r"\binstead of \w+ing\b[^,;.]*,\s*")


def _find_instead(s: str, people: People) -> Iterator[Hit]:
    """ "Instead of using the library, someone wrote ..." - the counterfactual points at a person."""
    for m in _INSTEAD_RX.finditer(s):
        toks = tokens(s[m.end() :], m.end())
        for i, tok in enumerate(toks[:10]):
            if not tok.is_word:
                break
            if is_past(tok.text) and tok.text.islower():
                k = i - 1
                while k >= 0 and (
                    toks[k].lower in _FILLERS
                    or toks[k].lower in {"for", "whatever", "reason", "some"}
                ):
                    k -= 1
                if k >= 0 and people.is_person(
                    [t.text for t in toks[max(0, k - 1) : k + 1]], weak=True
                ):
                    yield Hit(
                        PERSON_FAILED,
                        m.start(),
                        tok.end,
                        "instead",
                        verb=tok.text,
                        rest=_clause_rest(s, tok.end),
                    )
                break


_CAUSED_BY_RX = _rx(
    r"\b(?:root cause (?:was|is)(?: identified as| determined to be| found to be)?|(?:caused|triggered) by|(?:incorrect|wrong|bad|erroneous|faulty)\s+(?:[\w-]+\s+){0,2}?(?:entered|typed|issued|run|made|pushed|deployed|written|sent|applied) by)\s+"
)
_BAD_WORK_RX = _rx(
    r"\b(?P<verb>\w+(?:ed|ing)|wrote|made)\s+(?:a\s+|an\s+|the\s+|some\s+)?(?:bad|faulty|buggy|sloppy|broken)\s+(?:code|config|configuration|change|commit|query|script|data)\b"
)


def _find_caused_by(s: str, people: People) -> Iterator[Hit]:
    for m in _CAUSED_BY_RX.finditer(s):
        who = _person_after(s, m.end(), people, span=4, weak=False)
        if who:
            yield Hit(PERSON_FAILED, m.start(), who[1], "caused-by")
    for m in _BAD_WORK_RX.finditer(s):
        subject = subject_before(s, m.start(), people)
        if subject:
            yield Hit(PERSON_FAILED, subject[0], m.end(), "bad-work", subject=subject)


_PUNISH_RX = _rx(
    r"\b(?:has been|have been|had been|was|were|will be|would be|is being|got|get|being|been|is)\s+(?:(?:\w+ly|now|almost|already|since|then)\s+)*[\"“”]?(?P<p>fired|terminated|dismissed|let go|disciplined|reprimanded|suspended|reassigned|retrained|demoted|written up|sacked|punished|counsell?ed|escorted out|walked out|shown the door|put on (?:a )?performance improvement plan)\b"
)
_TRAINED_RX = _rx(  # "John should be trained": the guide's retraining, as an action item
    r"\b(?:should|must|needs? to|has to|have to|will need to|ought to)\s+be\s+(?:re-?)?trained\b"
)
_SANCTION_RX = _rx(
    r"\b(?:disciplinary action|(?:took|taken|take|taking) action (?:with|against) (?:that|the|this|a) (?:particular |specific )?\w+|told (?:me|him|her|them) to leave|(?:day|week|month)['’]s suspension|suspension without pay|suspended (?:for \w+ (?:days?|weeks?)|without pay)|the responsible (?:part(?:y|ies)|person|people|individual|engineer|employee)|performance improvement plan)\b"
)
_SINGLE_RX = _rx(
    r"\b(?:lone|single|one particular|that particular|a particular|this particular|one individual)\s+(?:[\w'’-]+\s+){0,2}?(?P<head>[\w'’-]+)"
)
_IT_WAS_RX = _rx(r"\bit was (?:the|an?|our)\s+(?:[\w-]+\s+)?(?P<head>[\w-]+)")
_BLAMED_RX = _rx(r"\b(?:blamed|blames|blaming|fingered|scapegoated)\b")
_RESPONSIBLE_RX = _rx(r"\bthe\s+(?:[\w-]+\s+)?(?P<head>[\w-]+)\s+responsible\b")
_NOT_AUTHORISED_RX = _rx(
    r"\b(?:was|were)(?: not|n['’]t) (?:authori[sz]ed|allowed|permitted|supposed)\s+[\"“]?to\b"
)


def _a_group(words: str) -> bool:
    """ "the team", "new hires", "Engineers", "our SREs": people as a group, not one person
    (a role in the plural, whatever its case; "James" is a name)."""
    last = words.split()[-1].lower() if words.split() else ""
    return last in WEAK | {"staff", "everyone", "everybody"} or (
        last.endswith("s") and last[:-1] in ROLES
    )


def find_singling(s: str, people: People) -> Iterator[Hit]:
    for m in _PUNISH_RX.finditer(s):
        who = _person_in(s, m.start(), people, weak=True)
        if who:
            yield Hit(SINGLING, who[0], m.end(), "punished", subject=who)
    for m in _TRAINED_RX.finditer(s):
        # the subject right before the modal ("After Bob found it, the team should be
        # trained" is the team's), and one person: training new hires is onboarding
        who = _person_in(s, m.start(), people)
        if who and s[who[1] : m.start()].strip() == "" and not _a_group(s[who[0] : who[1]]):
            yield Hit(SINGLING, who[0], m.end(), "punished", subject=who)
    for m in _SANCTION_RX.finditer(s):
        yield Hit(SINGLING, m.start(), m.end(), "sanction")
    for rx in (_SINGLE_RX, _IT_WAS_RX, _RESPONSIBLE_RX):
        for m in rx.finditer(s):
            if people.is_person([m["head"]], weak=True):
                yield Hit(SINGLING, m.start(), m.end(), "single")
    for m in _BLAMED_RX.finditer(s):
        who = _person_after(s, m.end(), people, span=4)
        if who is None:
            on = re.match(r"[^.;!?]{0,60}?\bon\s+", s[m.end() :])
            who = _person_after(s, m.end() + on.end(), people, span=4) if on else None
        if who is None and re.match(r"\s+for\b", s[m.end() :]):
            who = subject_before(s, m.start(), people, weak=True)
            if who:
                yield Hit(SINGLING, who[0], m.end(), "blamed")
            continue
        if who:
            yield Hit(SINGLING, m.start(), who[1], "blamed")
    for m in _NOT_AUTHORISED_RX.finditer(s):
        who = _person_in(s, m.start(), people)
        if who:
            yield Hit(SINGLING, who[0], m.end(), "authorised")


_STEMS: dict[Callable[[str, People], Iterator[Hit]], str] = {
    find_who: "who why",
    find_procedure: "procedur process runbook playbook protocol polic checklist guideline rule "
    "instruction step standard follow",
    find_error: "error mistake fault slip typo blunder screw fat failure",
    find_adverb: "mistaken accident inadvert erroneous wrongly incorrect unintention unknowing "
    "wrongful careless reckless negligent sloppi foolish thoughtless clumsi stupid",
    find_singling: "fired terminat dismiss let disciplin reprimand suspen reassign retrain demot "
    "trained re-trained "
    "written sacked punish counsel escort shown performance action told lone single particular "
    "individual it blam finger scapegoat responsible authori allowed permitted supposed",
    find_person: "forg neglect ignor overlook misread mistyp misconfig mess screw botch bungl "
    "sidestep subvert disregard circumvent violat confus didn did fail never missed skipped "
    "broke caused took brought wiped destroy without had has wrong instead root triggered bad "
    "faulty buggy sloppy",
    find_hindsight: "should could would must ought obvious if",
    find_judgement: "careless neglig sloppy sloppi incompeten reckless irresponsib clueless idiot "
    "stupid bumbling inept forgetful foolish thoughtless clums moron haphazard lazy careful "
    "attention reason",
}
"""Word beginnings without which a detector cannot fire (looked up by their first three
letters), so a sentence runs only the detectors it may need, and most run none."""

DETECTORS = tuple(_STEMS)
"""In order of preference when two findings cover the same words."""

_BY_PREFIX: dict[str, list[tuple[str, Callable[[str, People], Iterator[Hit]]]]] = {}
for _detector, _stems in _STEMS.items():
    for _stem in _stems.split():
        _BY_PREFIX.setdefault(_stem[:3], []).append((_stem, _detector))
_LOWER_WORD = re.compile(r"[a-z]+")


def needed(sentence: str) -> set[Callable[[str, People], Iterator[Hit]]]:
    """The detectors whose words the sentence has: a set lookup per word, no big regex."""
    out = set()
    for word in _LOWER_WORD.findall(sentence.lower()):
        for stem, detector in _BY_PREFIX.get(word[:3], ()):
            if word.startswith(stem):
                out.add(detector)
    return out
