"""The Markdown export, previewed inside the app."""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import CodeBlock, HorizontalRule, Markdown
from rich.rule import Rule
from rich.syntax import Syntax
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.worker import get_current_worker

from sessions.prose import MD
from widgets.keys_footer import KeysFooter
from widgets.rendered_lines import RenderedLines, render_lines


class PreviewScreen(ModalScreen[None]):
    """The export as it will read, laid out by Rich's Markdown renderer in a thread.

    Textual's MarkdownViewer built a widget for every block (about 760 for the example) and
    restyled them all as the focus settled: F5 took 3.5 s of CPU at 80x24 on the example, and
    more than 10 s with 5,000 events, with every key waiting. Now the export and its layout
    are made off the UI thread, and escape closes the preview at once, drawn or not.
    """

    CSS_PATH = "preview.tcss"
    BINDINGS = [Binding("escape,f5", "app.pop_screen", "Close preview")]

    def __init__(self, export: Callable[[], str]) -> None:
        super().__init__()
        #: Makes the Markdown; called in the drawing thread, so it must read a snapshot.
        self.export = export

    def compose(self) -> ComposeResult:
        yield RenderedLines("Drawing the preview…", id="preview")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(RenderedLines))

    def on_resize(self) -> None:
        view = self.query_one(RenderedLines)
        view.clear()
        self.draw(view.scrollable_content_region.width)

    @work(thread=True, exclusive=True, group="preview")
    def draw(self, width: int) -> None:
        """Section by section, each shown as soon as it is laid out; a closed or resized
        preview stops at the next section instead of drawing on for nobody."""
        if width <= 0:
            return
        worker = get_current_worker()
        ended_blank = True  # nothing above the first section
        for section in preview_sections(self.export()):
            # One blank line between sections (a section break already ends with one).
            lines: list[Strip] = [] if ended_blank else [Strip([])]
            for text, kind in preview_blocks(section):
                if worker.is_cancelled:
                    return
                lines += render_lines(_Document(text, hyperlinks=False), _width(kind, text, width))
            if worker.is_cancelled:
                return
            ended_blank = bool(lines) and not lines[-1].text.strip()
            self.app.call_from_thread(self._append, lines)

    def _append(self, lines: list[Strip]) -> None:
        if self.is_attached:
            self.query_one(RenderedLines).append(lines)


#: The widest a table is laid out when the view is narrower (left and right scroll it).
TABLE_WIDTH = 140
#: Prose no wider than this on a wide screen: 150-character lines are hard to read.
READING_WIDTH = 100


def _width(kind: str, text: str, view: int) -> int:
    """A table gets the width it needs and a diagram or code its longest line's, scrolled
    sideways, rather than folding each cell to a word a line or a fishbone's spine in two;
    prose keeps to a reading width."""
    if kind == "table":
        return max(view, TABLE_WIDTH)
    if kind == "code":
        return max(view, max(map(cell_len, text.split("\n"))) + 2)  # cells, not characters
    return min(view, READING_WIDTH)


class _SolidRule(HorizontalRule):
    """The export's section breaks as a rule, not Rich's row of hyphens."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Rule(style=console.get_style("markdown.hr", default="none"))
        yield Text()


class _UnwrappedCode(CodeBlock):
    """Code and text diagrams line for line (Rich wraps them, and a fishbone came apart)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        code = str(self.text).rstrip()
        yield Syntax(code, self.lexer_name, theme=self.theme, word_wrap=False, padding=1)


class _Document(Markdown):
    """Rich's Markdown, links as "text (address)": a preview to read, not a page to browse."""

    elements = {
        **Markdown.elements,
        "hr": _SolidRule,
        "fence": _UnwrappedCode,
        "code_block": _UnwrappedCode,
    }


#: A section longer than this is cut in the preview (the export keeps it all): 5,000
#: timeline rows took Rich 6 s to lay out, and nobody reads them in a preview.
SECTION_LINES = 300


def preview_sections(markdown: str) -> list[str]:
    """The export cut at its second-level headings, each section at most ``SECTION_LINES``
    lines, with a note of what was left out."""
    sections: list[list[str]] = [[]]
    fence = ""  # the run of ` or ~ that opened the code block the line is in, if any
    for line in markdown.splitlines():
        if not fence and line.startswith("## ") and sections[-1]:
            sections.append([])
        sections[-1].append(line)
        fence = _fence_after(line, fence)
    out = []
    for lines in sections:
        if len(lines) > SECTION_LINES:
            left = len(lines) - SECTION_LINES
            lines = [
                *lines[:SECTION_LINES],
                "",
                f"*… {left:,} more lines of this section are not shown here: the export "
                "(ctrl+e) has them all.*",
            ]
        out.append("\n".join(lines))
    return out


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _fence_after(line: str, fence: str) -> str:
    """The open code fence after ``line``: a "## " line inside one is code, not a section
    (a bash comment in a pasted runbook cut the block in two)."""
    match = _FENCE.match(line)
    if match is None:
        return fence
    run = match.group(1)
    if not fence:
        return run
    closes = run[0] == fence[0] and len(run) >= len(fence) and not line[match.end() :].strip()
    return "" if closes else fence


#: An unescaped line break in a table cell (Rich drops HTML, and "live<br>Rationale" read
#: "liveRationale").
_CELL_BREAK = re.compile(r"(?<!\\)<br>")

#: Blocks laid out at the width they need, by the token that opens them.
_WIDE = {"table_open": "table", "fence": "code", "code_block": "code"}


def preview_blocks(section: str) -> list[tuple[str, str]]:
    """The section as runs of lines, in order, each with its kind: "table", "code" (both
    laid out wide) or "" (the rest); a line break in a table cell becomes " · "."""
    lines = section.split("\n")
    wide = [
        (token.map, _WIDE[token.type])
        for token in MD.parse(section)
        if token.type in _WIDE and token.level == 0 and token.map
    ]
    blocks: list[tuple[str, str]] = []
    start = 0
    for (first, end), kind in wide:
        if first > start:
            blocks.append(("\n".join(lines[start:first]), ""))
        text = "\n".join(lines[first:end])
        blocks.append((_CELL_BREAK.sub(" · ", text) if kind == "table" else text, kind))
        start = end
    if start < len(lines):
        blocks.append(("\n".join(lines[start:]), ""))
    return [(text, kind) for text, kind in blocks if text.strip()]
