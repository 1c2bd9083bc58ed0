"""The fishbone drawn as text: the problem at the head, the spine, the categories as bones.

Pure text so the widget and the Markdown export draw the same picture.
"""

from __future__ import annotations

import textwrap

from sessions.models import Fishbone

MIN_COLUMN = 14


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` cells; a cut is shown with an ellipsis."""
    flat = " ".join(text.split())
    if width <= 0:
        return ""
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def wrap(text: str, width: int) -> list[str]:
    """All of ``text`` in lines of at most ``width`` cells. A word too long for a line is
    split with a hyphen at the cut ("synchronou-" "sly"): split bare, "synchronous" over
    "ly" read as two words (a tryout)."""
    width = max(width, 1)
    words = []
    for word in text.split():
        while len(word) > width and width > 2:
            words.append(word[: width - 1] + "-")
            word = word[width - 1 :]
        words.append(word)
    return textwrap.wrap(" ".join(words), width, break_on_hyphens=False) or [""]


def _lines(text: str, width: int, first: str, rest: str, full: bool) -> list[str]:
    """``text`` after ``first``: cut to one line, or (``full``) wrapped after ``rest``."""
    if not full:
        return [first + shorten(text, width - len(first))]
    chunks = wrap(text, width - len(first))
    return [first + chunks[0], *(rest + chunk for chunk in chunks[1:])]


def _block(
    name: str, causes: list[tuple[str, list[str]]], width: int, full: bool = False
) -> list[str]:
    lines = _lines(name.upper(), width, "", "", full)
    for text, subs in causes:
        lines += _lines(text, width, "├ ", "│ ", full)
        for number, sub in enumerate(subs, 1):
            last = number == len(subs)  # a branch ends at its last sub-cause, not each one
            lines += _lines(sub, width, *(("│  └ ", "│    ") if last else ("│  ├ ", "│  │ ")), full)
    return lines


def render_fishbone(fishbone: Fishbone, width: int = 80, *, full: bool = False) -> list[str]:
    """Lines of the diagram, each at most ``width`` characters.

    Text too long for its place is cut with an ellipsis, or with ``full`` (a document, where
    nothing the team wrote may be lost) wrapped onto the lines below.
    """
    width = max(width, 30)
    problem_width = max(width // 4, 12)
    problem_text = fishbone.problem or "(the problem)"
    if full:
        problem_lines = wrap(problem_text, problem_width)
    else:
        problem_lines = [shorten(problem_text, problem_width)]
    head = f"▶ {problem_lines[0]}"
    head_width = 2 + max(len(chunk) for chunk in problem_lines)
    categories = fishbone.categories or []
    half = (len(categories) + 1) // 2
    top, bottom = categories[:half], categories[half:]
    columns = max(len(top), len(bottom), 1)
    body = width - head_width - 1
    col = max(body // columns, MIN_COLUMN)
    columns_that_fit = max(body // col, 1)
    if columns < columns_that_fit:
        columns_that_fit = columns

    def blocks(group):
        return [
            _block(c.name, [(cause.text, cause.sub_causes) for cause in c.causes], col - 3, full)
            for c in group[:columns_that_fit]
        ]

    top_blocks, bottom_blocks = blocks(top), blocks(bottom)
    hidden = len(top) + len(bottom) - len(top_blocks) - len(bottom_blocks)
    top_height = max((len(b) for b in top_blocks), default=0)
    bottom_height = max((len(b) for b in bottom_blocks), default=0)

    def place(rows: list[list[str]], blocks_: list[list[str]], align_bottom: bool, height: int):
        for index, block in enumerate(blocks_):
            offset = height - len(block) if align_bottom else 0
            for line_no, text in enumerate(block):
                rows[offset + line_no][index] = text

    top_rows = [[""] * columns_that_fit for _ in range(top_height)]
    bottom_rows = [[""] * columns_that_fit for _ in range(bottom_height)]
    place(top_rows, top_blocks, True, top_height)
    place(bottom_rows, bottom_blocks, False, bottom_height)

    def join(cells: list[str]) -> str:
        return "".join(cell.ljust(col) for cell in cells).rstrip()

    lines = [join(row) for row in top_rows]
    for step in range(2):
        lines.append(
            join(
                [
                    " " * (step + 1) + "╲" if i < len(top_blocks) else ""
                    for i in range(columns_that_fit)
                ]
            )
        )
    lines.append("━" * body + " " + head)
    below = [
        join(
            [
                " " * (2 - step) + "╱" if i < len(bottom_blocks) else ""
                for i in range(columns_that_fit)
            ]
        )
        for step in range(2)
    ]
    below += [join(row) for row in bottom_rows]
    # The rest of a wrapped problem, under its first line at the head of the spine.
    for index, chunk in enumerate(problem_lines[1:]):
        if index == len(below):
            below.append("")
        below[index] = below[index].ljust(body + 3) + chunk
    lines += below
    if hidden:
        more = f"(+{hidden} more categor{'y' if hidden == 1 else 'ies'}"
        lines.append(more + (": listed below)" if full else ": widen the view)"))
    return [line[:width] for line in lines]
