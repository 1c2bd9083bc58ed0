"""The fishbone drawn as text: the problem at the head, the spine, the categories as bones.

Pure text so the widget and the Markdown export draw the same picture.
"""

from __future__ import annotations

from sessions.models import Fishbone

MIN_COLUMN = 14


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` cells; a cut is shown with an ellipsis."""
    flat = " ".join(text.split())
    if width <= 0:
        return ""
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def _block(name: str, causes: list[tuple[str, list[str]]], width: int) -> list[str]:
    lines = [shorten(name.upper(), width)]
    for text, subs in causes:
        lines.append("├ " + shorten(text, width - 2))
        for sub in subs:
            lines.append("│  └ " + shorten(sub, width - 5))
    return lines


def render_fishbone(fishbone: Fishbone, width: int = 80) -> list[str]:
    """Lines of the diagram, each at most ``width`` characters."""
    width = max(width, 30)
    problem = shorten(fishbone.problem or "(the problem)", max(width // 4, 12))
    head = f"▶ {problem}"
    categories = fishbone.categories or []
    half = (len(categories) + 1) // 2
    top, bottom = categories[:half], categories[half:]
    columns = max(len(top), len(bottom), 1)
    body = width - len(head) - 1
    col = max(body // columns, MIN_COLUMN)
    columns_that_fit = max(body // col, 1)
    if columns < columns_that_fit:
        columns_that_fit = columns

    def blocks(group):
        return [
            _block(c.name, [(cause.text, cause.sub_causes) for cause in c.causes], col - 3)
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
    lines.append("━" * (width - len(head) - 1) + " " + head)
    for step in range(2):
        lines.append(
            join(
                [
                    " " * (2 - step) + "╱" if i < len(bottom_blocks) else ""
                    for i in range(columns_that_fit)
                ]
            )
        )
    lines.extend(join(row) for row in bottom_rows)
    if hidden:
        lines.append(f"(+{hidden} more categor{'y' if hidden == 1 else 'ies'}: widen the view)")
    return [line[:width] for line in lines]
