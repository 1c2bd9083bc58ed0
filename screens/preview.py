"""The Markdown export, previewed inside the app."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import HorizontalRule, Markdown
from rich.rule import Rule
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
            for text, is_table in preview_blocks(section):
                if worker.is_cancelled:
                    return
                # A table gets the width it needs and scrolls sideways, rather than folding
                # each cell to a word a line at 80 columns; prose keeps to a reading width.
                wide = max(width, TABLE_WIDTH) if is_table else min(width, READING_WIDTH)
                lines += render_lines(_Document(text, hyperlinks=False), wide)
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


class _SolidRule(HorizontalRule):
    """The export's section breaks as a rule, not Rich's row of hyphens."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Rule(style=console.get_style("markdown.hr", default="none"))
        yield Text()


class _Document(Markdown):
    """Rich's Markdown, links as "text (address)": a preview to read, not a page to browse."""

    elements = {**Markdown.elements, "hr": _SolidRule}


#: A section longer than this is cut in the preview (the export keeps it all): 5,000
#: timeline rows took Rich 6 s to lay out, and nobody reads them in a preview.
SECTION_LINES = 300


def preview_sections(markdown: str) -> list[str]:
    """The export cut at its second-level headings, each section at most ``SECTION_LINES``
    lines, with a note of what was left out."""
    sections: list[list[str]] = [[]]
    for line in markdown.splitlines():
        if line.startswith("## ") and sections[-1]:
            sections.append([])
        sections[-1].append(line)
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


def preview_blocks(section: str) -> list[tuple[str, bool]]:
    """The section as runs of lines, each a table (True) or not (False), in order."""
    lines = section.split("\n")
    tables = [token.map for token in MD.parse(section) if token.type == "table_open" and token.map]
    blocks: list[tuple[str, bool]] = []
    start = 0
    for first, end in tables:
        if first > start:
            blocks.append(("\n".join(lines[start:first]), False))
        blocks.append(("\n".join(lines[first:end]), True))
        start = end
    if start < len(lines):
        blocks.append(("\n".join(lines[start:]), False))
    return [(text, is_table) for text, is_table in blocks if text.strip()]
