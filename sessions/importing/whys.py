"""The 5 whys: numbered chains of "Why? / because", branches from a step of an earlier chain,
one problem each (under "Problem N: …" subheadings when there are several)."""

from __future__ import annotations

import re

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import Section, first_inline, labelled, list_items, text_of
from sessions.importing.statement import statement
from sessions.markdown import PLAIN_WHY
from sessions.models import FiveWhys, WhyNode


def read_whys(ctx: ImportContext, section: Section) -> None:
    whys = FiveWhys()
    _whys_blocks(ctx, section.blocks, whys, "Why it happened")
    if not whys.is_empty:
        ctx.session.root_cause.whys.append(whys)
    for child in section.children:
        match = re.match(r"Problem \d+(?:: (?P<problem>.*))?$", child.title, re.S)
        if match is None:
            ctx.section(child, top=False)
            continue
        whys = FiveWhys(problem=(match["problem"] or "").strip())
        _whys_blocks(ctx, child.blocks, whys, text_of(child.title))
        ctx.session.root_cause.whys.append(whys)
        for grandchild in child.children:
            ctx.section(grandchild, top=False)


def _whys_blocks(ctx: ImportContext, blocks: list[list[Token]], whys: FiveWhys, where: str) -> None:
    chains: list[list[WhyNode]] = []
    branch: tuple[int, int] | None = None  # (chain, step) the next list continues
    for group in blocks:
        kind = group[0].type
        if kind == "paragraph_open":
            source = group[1].content
            label = labelled(source)
            if statement(ctx, group):
                continue
            if label and label[0] == "Problem" and not whys.nodes:
                whys.problem = label[1]
                continue
            chain = re.fullmatch(
                r"\*\*Chain (\d+)\*\*(?:, from step (\d+) of chain (\d+):)?", source.strip()
            )
            if chain:
                branch = (int(chain[3]), int(chain[2])) if chain[2] else None
                continue
        if kind == "ordered_list_open":
            parent = ""
            path: list[WhyNode] = []
            if branch is not None and 0 < branch[0] <= len(chains):
                path = chains[branch[0] - 1][: branch[1]]
                parent = path[-1].id if path else ""
            for item in list_items(group):
                node = _why_node(item, whys, parent)
                whys.nodes.append(node)
                path.append(node)
                parent = node.id
            chains.append(path)
            branch = None
            continue
        ctx.note(where, ctx.block(group))


def _why_node(item: list[Token], whys: FiveWhys, parent: str) -> WhyNode:
    """A step: "**Why …?**" (or "**Why**: …", "**Why?**") over "- Because …", or only
    "Because …" when the question was left out."""
    question = first_inline(item).strip()
    nested = [t.content for t in item if t.type == "inline"][1:2]
    because = nested[0].strip() if nested else ""
    if not nested and question.lower().startswith("because"):
        question, because = "", question
    elif question == "**Why?**":
        question = ""
    elif question.startswith("**Why**: "):
        question = question[len("**Why**: ") :]
    elif question.startswith("**Why**"):
        question = "Why" + question[len("**Why**") :]
    elif (
        question.startswith("**")
        and question.endswith("**")
        and PLAIN_WHY.fullmatch(question[2:-2])
    ):
        question = question[2:-2]
    root = because.endswith("**(root cause)**")
    if root:
        because = because[: -len("**(root cause)**")].strip()
    return WhyNode(id=whys.next_id(), parent=parent, why=question, because=because, root_cause=root)
