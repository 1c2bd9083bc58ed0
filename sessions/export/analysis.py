"""The analysis sections: the root cause with its 5-whys chains and fishbone, and the
contributing factors."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from sessions.checks.fields import text_fields
from sessions.export.formatting import UNNAMED, plain_text, table
from sessions.fishbone_art import render_fishbone
from sessions.models import Fishbone, FishboneCategory, FiveWhys, Session, WhyNode
from sessions.prose import block, cell, code_block, inline, plain, plain_cell

FACTORS_INTRO = "Factors that made the incident possible or worse:"

#: A why question of plain words, bold as a whole in the export and read back as it was;
#: one with marks of its own (emphasis, code, escapes) keeps only "Why" in bold.
PLAIN_WHY = re.compile(r"(?i:why) [^*_`\[\]<>~\\&!]*")

#: Words that start a sentence but not a name: lowered after "Because" ("Because the pool…").
_SENTENCE_WORDS = frozenset(
    "a an the this that these those our we it its there they their no none some one each every"
    " all any nobody nothing two three several many most more less too"
    # the adjectives an answer opens with, never a name ("Because Bad config pushed")
    " bad good new old slow fast high low large small missing wrong stale broken manual"
    " automatic unexpected expired outdated incorrect insufficient".split()
)
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]*\b")


def root_cause_section(session: Session) -> str:
    rc = session.root_cause
    parts = []
    if block(rc.what_happened, 3):
        parts.append("### What Happened\n\n" + block(rc.what_happened, 3))
    if block(rc.trigger, 3):
        parts.append("### Trigger\n\n" + block(rc.trigger, 3))
    analyses = [whys for whys in rc.whys if not _blank_analysis(whys)]
    words = _ordinary_words(
        itertools.chain(
            _analysis_texts(rc.what_happened, rc.trigger, analyses), _prose_texts(session)
        )
    )
    if analyses:
        parts.append("### Why It Happened\n\n" + _analyses(analyses, words))
    statement = inline(rc.statement)
    if not statement:  # the marked answers, one sentence: "…a cache limit; alert routing…"
        answers = [n.because.strip() for n in rc.marked() if inline(n.because)]
        later = [_sentence_case(answer, words) for answer in answers[1:]]
        statement = inline("; ".join(answers[:1] + later))
    if statement:
        parts.append(f"**Root Cause**: {statement}")
    fishbone = display_fishbone(rc.fishbone)
    if fishbone is not None:
        parts.append(_fishbone(fishbone, session))
    return "\n\n".join(parts)


def _blank_analysis(whys: FiveWhys) -> bool:
    return not inline(whys.problem) and not whys.nodes


def _analysis_texts(what_happened: str, trigger: str, analyses: list[FiveWhys]) -> Iterable[str]:
    yield what_happened
    yield trigger
    for whys in analyses:
        yield whys.problem
        for node in whys.nodes:
            yield node.why
            yield node.because


#: Where a name may be written in lower case: pasted log lines ("postgres: refused"), the
#: file's own names, the meeting's notes.
_NOT_PROSE = ("timeline", "metadata", "meeting", "supporting")


def _prose_texts(session: Session) -> Iterable[str]:
    """The document's prose outside the analysis, factors, action items and lessons among
    it: "Because Chain validation…" stayed capitalised when "chain" was written in lower
    case only there, and "Because Retries from checkout…" beside "because the proxy…" in
    the next chain (tryouts)."""
    for where, text in text_fields(session):
        if not where.startswith(_NOT_PROSE):
            yield text


def _ordinary_words(texts: Iterable[str]) -> frozenset[str]:
    """The words the analysis writes in lower case somewhere: "validation" in "Why was
    validation skipped?" makes the answer "Validation was skipped" a sentence to go on
    after "Because", while a name ("Postgres ran out…") is never written that way."""
    return frozenset(word for text in texts for word in _LOWER_WORD.findall(text))


def _analyses(analyses: list[FiveWhys], ordinary: frozenset[str]) -> str:
    if len(analyses) == 1:
        whys = analyses[0]
        problem = inline(whys.problem)
        head = f"**Problem**: {problem}\n\n" if problem else ""
        return head + _chains(whys, ordinary)
    out = []
    for number, whys in enumerate(analyses, 1):
        problem = inline(whys.problem)
        heading = f"#### Problem {number}" + (f": {problem}" if problem else "")
        out.append(heading + ("\n\n" + _chains(whys, ordinary) if whys.nodes else ""))
    return "\n\n".join(out)


def _chains(whys: FiveWhys, ordinary: frozenset[str]) -> str:
    """Each chain once; a branch starts where it leaves the chain it shares steps with."""
    chains = whys.chains()
    if len(chains) == 1:
        return _steps(chains[0], 1, ordinary)
    out = []
    printed: dict[str, int] = {}  # step id → the chain that printed it
    for number, chain in enumerate(chains, 1):
        shared, source = _shared_prefix(chain, printed)
        for node in chain[shared:]:
            printed[node.id] = number
        if shared:
            label = f"**Chain {number}**, from step {shared} of chain {source}:"
        else:
            label = f"**Chain {number}**"
        out.append(label + "\n\n" + _steps(chain[shared:], shared + 1, ordinary))
    return "\n\n".join(out)


def _shared_prefix(chain: list[WhyNode], printed: dict[str, int]) -> tuple[int, int]:
    """How many first steps ``chain`` shares with the chains before it, and which chain
    printed the last of them (1-based): the deepest step already printed, found from the
    end, so the whole analysis costs its size, not its size times its chains."""
    for depth in range(len(chain), 0, -1):
        source = printed.get(chain[depth - 1].id)
        if source is not None:
            return depth, source
    return 0, 0


def _steps(nodes: list[WhyNode], first: int, ordinary: frozenset[str]) -> str:
    steps = []
    for number, node in enumerate(nodes, first):
        mark = " **(root cause)**" if node.root_cause else ""
        because = inline(node.because)
        if because and not because.lower().startswith("because"):
            because = inline("Because " + _sentence_case(node.because.strip(), ordinary))
        question = inline(node.why)
        if question.lower().rstrip("?") == "why":  # "Why?" asks nothing more than the step
            question = ""
        if not question and because:  # a bare "Why?" over every step read as padding
            steps.append(f"{number}. {because}{mark}")
            continue
        if not question:
            question = "**Why?**"
        elif PLAIN_WHY.fullmatch(question):
            question = f"**{question}**"  # the whole question, not its first word, in bold
        elif question.lower().startswith("why "):  # marks of its own: only the word in bold
            question = "**Why**" + question[3:]
        else:
            question = f"**Why**: {question}"
        step = f"{number}. {question}"
        if because:
            step += f"\n   - {because}{mark}"
        elif mark:
            step += f"\n   - {mark.strip()}"
        steps.append(step)
    return "\n\n".join(steps)


def _sentence_case(text: str, ordinary: frozenset[str]) -> str:
    """Lower the first word after "Because" only when it is an ordinary word, never a name
    (nor an acronym: "DNS" stays)."""
    first, _, rest = text.partition(" ")
    word = first.lower()
    if (
        (word in _SENTENCE_WORDS or word in ordinary)
        and first[:1].isupper()
        and not any(c.isupper() for c in first[1:])
    ):
        return first.lower() + (" " + rest if rest else "")
    return text


def display_fishbone(fishbone: Fishbone) -> Fishbone | None:
    """The fishbone as the document shows it (names flattened, blanks named), or None if empty.

    The diagram is drawn from this copy, so the importer, which reads the names from the
    lists, gets back exactly what the diagram was drawn from.
    """
    has_causes = any(category.causes for category in fishbone.categories)
    problem = plain_text(fishbone.problem)
    if not has_causes and not problem:
        return None
    categories = [
        FishboneCategory(
            name=plain_text(category.name) or UNNAMED,
            causes=[
                cause.model_copy(
                    update={
                        "text": plain_text(cause.text) or UNNAMED,
                        "sub_causes": [plain_text(sub) or UNNAMED for sub in cause.sub_causes],
                    }
                )
                for cause in category.causes
            ],
        )
        for category in fishbone.categories
    ]
    return Fishbone(problem=problem, categories=categories)


def _fishbone(fishbone: Fishbone, session: Session) -> str:
    factor_names = {f.id: f.factor for f in session.factors}
    out = ["### Fishbone", ""]
    if fishbone.problem:
        out += [f"**Problem**: {plain(fishbone.problem)}", ""]
    out.append(code_block("\n".join(render_fishbone(fishbone, 100, full=True)), "text"))
    for category in fishbone.categories:
        if not category.causes:
            out += ["", f"**{plain(category.name)}**: _none named_"]
            continue
        out += ["", f"**{plain(category.name)}**", ""]
        for cause in category.causes:
            link = ""
            if cause.factor:
                name = plain(factor_names.get(cause.factor, cause.factor))
                link = f" _(factor: {name})_"
            out.append(f"- {plain(cause.text)}{link}")
            out += [f"  - {plain(sub)}" for sub in cause.sub_causes]
    return "\n".join(out)


def factors_section(session: Session) -> str:
    if not session.factors:
        return ""
    rows = [
        [plain_cell(f.factor), cell(f.description), plain_cell(f.type)] for f in session.factors
    ]
    return f"{FACTORS_INTRO}\n\n" + table(["Factor", "Description", "Type"], rows)
