"""The preview's lines: a line that goes on out of view says so at that edge."""

from rich import box
from rich.table import Table
from textual.app import App, ComposeResult

from widgets.rendered_lines import RenderedLines, render_lines


class Lines(App):
    def compose(self) -> ComposeResult:
        yield RenderedLines("drawing…")


def shown_rows(view: RenderedLines) -> list[str]:
    return [view.render_line(y).text for y in range(view.size.height)]


async def test_a_table_wider_than_the_view_shows_where_it_goes_on():
    table = Table("Time", "Event", "Actor", box=box.SIMPLE)  # as the preview draws them
    table.add_row("14:05", "CheckoutErrorRate paged the checkout on-call " * 2, "alerting")
    table.add_row("14:07", "Acknowledged", "")
    app = Lines()
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(RenderedLines)
        view.append(render_lines(table, 120))
        await pilot.pause()
        rows = shown_rows(view)
        width = view.scrollable_content_region.width
        paged, short = rows[3], rows[4]
        assert paged.endswith("›") and len(paged) == width  # more of this row to the right
        assert short.rstrip().endswith("Acknowledged")  # its other cells are empty
        view.focus()
        await pilot.press("right", "right")
        rows = shown_rows(view)
        assert rows[3].startswith("‹") and rows[3].endswith("›")
        view.scroll_to(x=view.max_scroll_x, animate=False)
        await pilot.pause()
        assert not shown_rows(view)[3].endswith("›")  # no further right to go
