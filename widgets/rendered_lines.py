"""A long Rich rendering, drawn off the UI thread and shown a screenful at a time.

Rich lays out a whole renderable before the first line shows: the export of a 5,000-event
session is 11,000 lines and 6 s of work. Laid out in a thread and kept as lines, it costs the
UI nothing while it is drawn, and each frame only the lines in view.
"""

from __future__ import annotations

import io

from rich.console import Console, RenderableType
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


def render_lines(renderable: RenderableType, width: int) -> list[Strip]:
    """``renderable`` laid out ``width`` cells wide, as lines (safe in any thread)."""
    console = Console(
        width=width, file=io.StringIO(), color_system="truecolor", force_terminal=True
    )
    lines = console.render_lines(renderable, console.options.update_width(width), pad=False)
    return [Strip(line, Segment.get_line_length(line)) for line in lines]


#: At the edge of a line that goes on out of view (a wide table), on that side.
MORE_RIGHT = Strip([Segment("›", Style(bold=True, dim=True))], 1)
MORE_LEFT = Strip([Segment("‹", Style(bold=True, dim=True))], 1)

#: Shown in the footer: a table wider than the screen scrolled sideways with no word of it.
SIDEWAYS = Binding.Group("sideways")
PAGES = Binding.Group("page")


class RenderedLines(ScrollView, can_focus=True):
    """Lines drawn elsewhere, scrolled like any text (arrows, pages, home and end)."""

    BINDINGS = [
        Binding("pagedown", "page_down", "Next page", group=PAGES),
        Binding("pageup", "page_up", "Previous page", group=PAGES),
        Binding("left", "scroll_left", "Scroll left", group=SIDEWAYS),
        Binding("right", "scroll_right", "Scroll right", group=SIDEWAYS),
    ]

    def __init__(self, waiting: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.waiting = Strip([Segment(waiting)])
        self.lines: list[Strip] = [self.waiting]
        self.virtual_size = Size(0, 1)

    def clear(self) -> None:
        """Back to the waiting line (the lines are drawn again, say at another width)."""
        self.lines = [self.waiting]
        self._lines_changed(0)
        self.scroll_home(animate=False)

    def append(self, lines: list[Strip]) -> None:
        """More lines at the end (the first replace the waiting line). Only the new lines
        are measured: a long preview comes in twenty parts."""
        width = self.virtual_size.width
        if self.lines == [self.waiting]:
            self.lines, width = [], 0
        self.lines.extend(lines)
        self._lines_changed(max([width, *(line.cell_length for line in lines)]))

    def _lines_changed(self, width: int) -> None:
        self.virtual_size = Size(width, len(self.lines))
        self.refresh()

    # Scrolled at once, not smoothly: a second PageDown sent before the first had glided
    # to its place started from where the glide was (four quick presses moved two pages).
    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)

    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_scroll_left(self) -> None:
        self.scroll_relative(x=-4, animate=False)

    def action_scroll_right(self) -> None:
        self.scroll_relative(x=4, animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= len(self.lines):
            return Strip.blank(width, self.rich_style)
        line, x = self.lines[index], self.scroll_offset.x
        shown = line.crop(x, x + width).extend_cell_length(width)
        # A table wider than the view was cut at its edge with no sign of the rest.
        if width > 2 and line.crop(x + width, line.cell_length).text.strip():
            shown = Strip.join([shown.crop(0, width - 1), MORE_RIGHT])
        if x and width > 2 and line.crop(0, x).text.strip():
            shown = Strip.join([MORE_LEFT, shown.crop(1, width)])
        return shown.apply_style(self.rich_style)
