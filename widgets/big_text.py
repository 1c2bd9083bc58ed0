"""Text three rows high, in the box-drawing style of Textual's Digits, for words the room
should read from across it (the blameless reminder). Where it doesn't fit, plain bold text.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

GLYPHS: dict[str, tuple[str, str, str]] = {
    "A": ("┏━┓", "┣━┫", "╹ ╹"),
    "B": ("┳━┓", "┣━┫", "┻━┛"),
    "C": ("┏━╸", "┃  ", "┗━╸"),
    "D": ("┳━┓", "┃ ┃", "┻━┛"),
    "E": ("┏━╸", "┣━ ", "┗━╸"),
    "F": ("┏━╸", "┣━ ", "╹  "),
    "G": ("┏━╸", "┃╺┓", "┗━┛"),
    "H": ("╻ ╻", "┣━┫", "╹ ╹"),
    "I": ("╺┳╸", " ┃ ", "╺┻╸"),
    "K": ("╻ ╻", "┣┳┛", "╹┗╸"),
    "L": ("╻  ", "┃  ", "┗━╸"),
    "M": ("┏┳┓", "┃┃┃", "╹ ╹"),
    "N": ("┏┓╻", "┃┗┫", "╹ ╹"),
    "O": ("┏━┓", "┃ ┃", "┗━┛"),
    "P": ("┏━┓", "┣━┛", "╹  "),
    "R": ("┏━┓", "┣┳┛", "╹┗╸"),
    "S": ("┏━╸", "┗━┓", "╺━┛"),
    "T": ("╺┳╸", " ┃ ", " ╹ "),
    "U": ("╻ ╻", "┃ ┃", "┗━┛"),
    "V": ("╻ ╻", "┃ ┃", "┗┳┛"),
    "W": ("╻ ╻", "┃┃┃", "┗┻┛"),
    "Y": ("╻ ╻", "┗┳┛", " ╹ "),
    ",": (" ", " ", "┛"),
    ".": (" ", " ", "╹"),
    "'": ("╹", " ", " "),
    " ": ("  ", "  ", "  "),
}


def can_draw(text: str) -> bool:
    return all(char in GLYPHS for char in text.upper())


def big_width(text: str) -> int:
    return sum(len(GLYPHS[char][0]) + 1 for char in text.upper()) - 1 if text else 0


def big_rows(text: str) -> list[str]:
    rows = ["", "", ""]
    for index, char in enumerate(text.upper()):
        for row in range(3):
            rows[row] += ("" if index == 0 else " ") + GLYPHS[char][row]
    return rows


class BigText:
    """A Rich renderable: ``lines`` drawn three rows high and centred when they fit the
    width, else as one line of bold text."""

    def __init__(self, lines: list[str], style: str = "bold") -> None:
        self.lines = lines
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        style = Style.parse(self.style)
        drawable = all(can_draw(line) for line in self.lines)
        if not drawable or max(big_width(line) for line in self.lines) > width:
            text = Text(" ".join(self.lines), style=self.style, justify="center")
            yield from text.__rich_console__(console, options)
            return
        for number, line in enumerate(self.lines):
            if number:
                yield Segment.line()
            for row in big_rows(line):
                left = (width - len(row)) // 2
                yield Segment(" " * left)
                yield Segment(row, style)
                yield Segment(" " * (width - left - len(row)))
                yield Segment.line()
