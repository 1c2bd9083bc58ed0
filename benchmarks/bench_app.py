"""Startup to an interactive screen, and a 300-node analysis rendered and edited.

    python -m benchmarks.bench_app

Times are wall-clock seconds from the headless test driver (no terminal I/O), each compared
with a bare Textual app measured the same way in the same run.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from benchmarks.large_session import large_session
from pmtui.app import PostmortemApp
from sessions import save
from sessions.example import example_session
from sessions.models import Cause, FishboneCategory, WhyNode
from widgets.fishbone import FishboneEditor
from widgets.whys import WhysEditor


class Bare(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("hello")
        yield Footer()


class Host(App):
    def __init__(self, widget_factory) -> None:
        super().__init__()
        self.widget_factory = widget_factory

    def compose(self) -> ComposeResult:
        yield self.widget_factory()


async def time_to_interactive(make_app, size=(160, 50)) -> float:
    start = time.perf_counter()
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        elapsed = time.perf_counter() - start
    return elapsed


async def edit_cost(app_factory, focus: str, keys: list[str], repeats: int = 5) -> float:
    """Seconds per edit (open form, type, save, redraw) in a mounted widget."""
    app = app_factory()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        app.query_one(focus).focus()
        await pilot.pause()
        start = time.perf_counter()
        for _ in range(repeats):
            await pilot.press(*keys)
            await pilot.pause()
        return (time.perf_counter() - start) / repeats


def best(values: list[float]) -> float:
    return min(values)


def report(label: str, seconds: float, base: float, against: str = "bare") -> None:
    print(f"{label:38s} {seconds * 1000:8.0f} ms  {seconds / base:6.2f}x {against}")


async def main() -> None:
    folder = Path(tempfile.mkdtemp())
    small, large = folder / "example.toml", folder / "large.toml"
    save(example_session(), small)
    save(large_session(events=10_000), large)

    bare = best([await time_to_interactive(Bare) for _ in range(3)])
    example = best(
        [
            await time_to_interactive(lambda: PostmortemApp(small, watch_interval=3600))
            for _ in range(3)
        ]
    )
    huge = best(
        [
            await time_to_interactive(lambda: PostmortemApp(large, watch_interval=3600))
            for _ in range(2)
        ]
    )
    report("bare Textual app to interactive", bare, bare)
    report("pmtui, the example session", example, bare)
    report("pmtui, 10,000-event session", huge, bare)

    session = example_session()
    nodes = [
        WhyNode(
            id=f"w{i}",
            parent="" if i < 4 else f"w{i - 4}",
            why=f"Why {i}?",
            because=f"Because {i} [x] | `y`",
        )
        for i in range(300)
    ]
    session.root_cause.whys[0].nodes = nodes
    session.root_cause.fishbone.categories = [
        FishboneCategory(
            name=f"C{c}",
            causes=[Cause(text=f"cause {c}.{k}", sub_causes=[f"s{k}"] * 2) for k in range(25)],
        )
        for c in range(4)
    ]
    whys_mount = best(
        [
            await time_to_interactive(
                lambda: Host(lambda: WhysEditor(lambda: session.root_cause.whys[0]))
            )
            for _ in range(3)
        ]
    )
    fish_mount = best(
        [
            await time_to_interactive(
                lambda: Host(
                    lambda: FishboneEditor(
                        lambda: session.root_cause.fishbone, lambda: session.factors
                    )
                )
            )
            for _ in range(3)
        ]
    )
    report("5 whys, 300 nodes, mount and draw", whys_mount, bare)
    report("fishbone, 300 items, mount and draw", fish_mount, bare)
    small = example_session()
    results = {}
    for label, target in (("7-node example", small), ("300 nodes", session)):
        results[label] = (
            await edit_cost(
                lambda t=target: Host(lambda: WhysEditor(lambda: t.root_cause.whys[0])),
                "#whys-tree",
                ["down", "e", "end", "x", "enter"],
            ),
            await edit_cost(
                lambda t=target: Host(
                    lambda: FishboneEditor(lambda: t.root_cause.fishbone, lambda: t.factors)
                ),
                "#fishbone-tree",
                ["down", "down", "e", "end", "x", "enter"],
            ),
        )
    base_whys, base_fish = results["7-node example"]
    big_whys, big_fish = results["300 nodes"]
    report("5 whys, 300 nodes, one edit", big_whys, base_whys, "7-node edit")
    report("fishbone, 300 items, one edit", big_fish, base_fish, "example edit")


if __name__ == "__main__":
    asyncio.run(main())
