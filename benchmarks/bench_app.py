"""The app's costs that a facilitator feels, each against a baseline measured in the same run.

    python -m benchmarks.bench_app [--events 5000] [--quick]

- startup to interactive: pmtui on the example and on a 10,000-event session (opened again,
  its parse kept, and opened for the first time), against a bare Textual app with the same
  kinds of widgets (header, digits, a table, a tree, a list, a footer);
- opening a dialog (key press → dialog mounted and focused): pmtui's new-event form with the
  example and with a 5,000-event session, against a bare Textual modal with one input;
- a section switch (n / P) against a key with no binding;
- one timeline edit (add, edit, delete), F2 back to the meeting, and closing a dialog, with a
  5,000-event session against the same on the example.

Times are wall-clock from the headless driver (no terminal I/O): "handler time". For the edits,
also the CPU spent on everything the key set off (the redraws and the debounced figures line
that follow the handler), less the app's idle CPU. Each figure is the median of several runs;
ratios are what to quote, since the machine's speed varies.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    DataTable,
    Digits,
    Footer,
    Header,
    Input,
    Label,
    OptionList,
    Static,
    Tree,
)

from benchmarks.large_session import large_session
from pmtui.app import PostmortemApp
from pmtui.key_order import drain
from screens.preview import PreviewScreen
from sessions import parsed_cache, save
from sessions.example import example_session
from widgets.form_dialog import FormDialog
from widgets.rendered_lines import RenderedLines

SIZE = (80, 24)


class Bare(App):
    """The same kinds of widgets as pmtui's meeting screen, with nothing behind them."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="top"):
            yield Digits("20:00")
            yield Static("agenda\npace\nprompt")
        table: DataTable = DataTable(id="table")
        table.add_columns("Time", "Marker", "Event")
        table.add_rows([("14:05", "alert", "Alert fired")] * 12)
        yield table
        tree: Tree = Tree("problem")
        tree.root.add_leaf("why")
        yield tree
        yield OptionList("✓ No findings here")
        yield Footer()


class BareModal(ModalScreen[None]):
    BINDINGS = [("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        yield Input(placeholder="type")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))


class BareForm(ModalScreen[None]):
    """The widgets of pmtui's new-event form, with nothing behind them: a frame, a grid of
    seven labelled one-line inputs, a status line and two buttons."""

    BINDINGS = [("escape", "dismiss", "Close")]
    DEFAULT_CSS = """
    BareForm { align: center middle; }
    BareForm #box { width: 92; height: auto; border: round $primary; }
    BareForm Grid { grid-size: 2; grid-columns: auto 1fr; grid-rows: auto; height: auto; }
    BareForm #buttons { height: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            with Grid():
                for name in ("Time", "Event", "Actor", "Evidence", "Marker", "Precision", "Why"):
                    yield Label(name)
                    yield Input(placeholder=name.lower(), compact=True)
            yield Static("hint")
            with Horizontal(id="buttons"):
                yield Button("Cancel", compact=True)
                yield Button("Save", compact=True)


class BareWithModal(App):
    def __init__(self, modal: Callable[[], ModalScreen] = BareModal) -> None:
        super().__init__()
        self.modal = modal

    def compose(self) -> ComposeResult:
        yield Static("base")
        yield Footer()

    def on_key(self, event: events.Key) -> None:
        if event.key == "a":
            self.push_screen(self.modal())


async def until(condition: Callable[[], bool], limit: float = 10.0, pause: float = 0) -> None:
    """Wait for ``condition``; ``pause`` between looks when the work is in a thread: a busy
    loop holds the GIL it needs (the 5,000-event preview took 5-20 s instead of 1-2)."""
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app never got there")
        await asyncio.sleep(pause)


def press(app: App, *keys: str) -> None:
    for key in keys:
        app.post_message(events.Key(key, key_to_character(key)))


#: Long enough for all an edit sets off, the timeline's debounced figures line included.
WORK_WINDOW = 0.4


async def timed(action: Callable[[], None], done: Callable[[], bool], pause: float = 0) -> float:
    start = time.perf_counter()
    action()
    await until(done, pause=pause)
    return time.perf_counter() - start


async def worked(action: Callable[[], None], done: Callable[[], bool]) -> tuple[float, float]:
    """The latency (key → done) and the work: CPU time spent on everything the key set off
    within ``WORK_WINDOW`` (redraws and debounced figures too), less the CPU the app spends
    idle in a window as long, measured just before."""
    idle_start = time.process_time()
    await asyncio.sleep(WORK_WINDOW)
    idle = time.process_time() - idle_start
    cpu_start, start = time.process_time(), time.perf_counter()
    action()
    await until(done)
    latency = time.perf_counter() - start
    await asyncio.sleep(max(0.0, WORK_WINDOW - latency))
    return latency, max(0.0, time.process_time() - cpu_start - idle)


def median(values: list[float]) -> float:
    return statistics.median(values)


def line(label: str, seconds: float, base: float, against: str) -> None:
    print(f"  {label:46s} {seconds * 1000:8.1f} ms  {seconds / base:6.2f}x {against}")


async def startup(
    make: Callable[[], App],
    ready: Callable[[App], bool],
    runs: int,
    before: Callable[[], object] = lambda: None,
) -> float:
    times = []
    for _ in range(runs):
        before()
        gc.collect()  # the last run's app is not this run's garbage to collect
        await asyncio.sleep(0.2)
        start = time.perf_counter()
        app = make()
        async with app.run_test(size=SIZE):
            await until(lambda app=app: ready(app))
            times.append(time.perf_counter() - start)
    return median(times)


def meeting_ready(app: App) -> bool:
    return app.screen.is_mounted and app.focused is not None and app.screen.query("RecordTable")


async def dialog_open(app: App, runs: int, is_dialog: type) -> float:
    times = []
    for _ in range(runs):
        times.append(
            await timed(
                lambda: press(app, "a"),
                lambda: (
                    isinstance(app.screen, is_dialog)
                    and app.screen.is_mounted
                    and app.focused is not None
                ),
            )
        )
        base = app.screen_stack[-2]
        press(app, "escape")  # the dialog answers, so whoever asked finishes
        await until(lambda base=base: app.screen is base and (app.focused or not base.focus_chain))
    return median(times)


def drawn(screen: PreviewScreen) -> bool:
    views = screen.query(RenderedLines)  # none until the screen is composed
    return bool(views) and views.first().lines != [views.first().waiting]


async def preview_open(app: App, runs: int) -> float:
    """F5 → the preview's first section on screen (the rest is drawn in a thread)."""
    times = []
    for _ in range(runs):
        times.append(
            await timed(
                lambda: press(app, "f5"),
                lambda: isinstance(app.screen, PreviewScreen) and drawn(app.screen),
                pause=0.005,  # drawn in a thread
            )
        )
        # The rest of it, so as not to slow what is measured next.
        await app.workers.wait_for_complete([w for w in app.workers if w.group == "preview"])
        press(app, "escape")
        await until(lambda: not isinstance(app.screen, PreviewScreen))
    return median(times)


async def pmtui_costs(path: Path, runs: int) -> dict[str, float]:
    """Per-operation handler times on one session file, in meeting mode."""
    out: dict[str, float] = {}
    app = PostmortemApp(path, autosave_delay=3600, check_delay=3600, watch_interval=3600)
    async with app.run_test(size=SIZE):
        await until(lambda: meeting_ready(app))
        events_list = app.editor.session.timeline
        out["dialog"] = await dialog_open(app, runs, FormDialog)
        out["preview"] = await preview_open(app, runs)

        unbound, switch = [], []
        for _ in range(runs):
            await asyncio.sleep(0.2)  # what the last key set off is not this key's cost
            focused = app.focused
            start = time.perf_counter()
            press(app, "z")
            await drain(focused)
            unbound.append(time.perf_counter() - start)
            for key, kind in (("n", "contributing_factors"), ("P", "timeline_review")):
                await asyncio.sleep(0.2)
                switch.append(
                    await timed(
                        lambda key=key: press(app, key),
                        lambda kind=kind: (
                            app.screen.sections.current_key == kind
                            and app.focused is not None
                            and app.key_order.waiting is False
                        ),
                    )
                )
        out["unbound key"] = median(unbound)
        out["section switch"] = median(switch)

        samples: dict[str, list[tuple[float, float]]] = {"add": [], "edit": [], "delete": []}
        for n in range(runs):
            count = len(events_list)
            samples["add"].append(
                await worked(
                    lambda n=n: press(
                        app, "a", "1", "3", "colon", f"{n % 6}", "0", "tab", "X", "enter"
                    ),
                    lambda count=count: (
                        len(app.editor.session.timeline) == count + 1
                        and not isinstance(app.screen, FormDialog)
                    ),
                )
            )
            revision = app.editor.revision
            samples["edit"].append(
                await worked(
                    lambda: press(app, "enter", "tab", "end", "Y", "enter"),
                    lambda revision=revision: (
                        app.editor.revision > revision and not isinstance(app.screen, FormDialog)
                    ),
                )
            )
            count = len(app.editor.session.timeline)
            samples["delete"].append(
                await worked(
                    lambda: press(app, "d"),
                    lambda count=count: len(app.editor.session.timeline) == count - 1,
                )
            )
        for name, pairs in samples.items():
            out[f"{name} an event"] = median([latency for latency, _ in pairs])
            out[f"{name} an event (work)"] = median([work for _, work in pairs])

        back, close = [], []
        for _ in range(runs):
            press(app, "f3")
            await until(lambda: app.current_mode == "drafting" and app.focused is not None)
            back.append(
                await timed(
                    lambda: press(app, "f2"),
                    lambda: app.current_mode == "meeting" and app.focused is not None,
                )
            )
            press(app, "f1")
            await until(lambda: app.screen.__class__.__name__ == "HelpScreen")
            close.append(
                await timed(
                    lambda: press(app, "escape"),
                    lambda: (
                        app.current_mode == "meeting"
                        and app.screen.__class__.__name__ == "MeetingScreen"
                        and app.focused is not None
                    ),
                )
            )
        out["F2 back to the meeting"] = median(back)
        out["close a dialog"] = median(close)
    return out


async def bare_modal(runs: int, modal: type[ModalScreen] = BareModal) -> float:
    app = BareWithModal(modal)
    async with app.run_test(size=SIZE):
        await until(lambda: app.screen.is_mounted)
        return await dialog_open(app, runs, modal)


async def main(events_count: int, quick: bool) -> None:
    runs = 5 if quick else 9
    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # not the user's cache
    small, large, huge = folder / "example.toml", folder / "large.toml", folder / "huge.toml"
    save(example_session(), small)
    save(large_session(events=events_count, actions=50, whys=30), large)
    save(large_session(events=10_000, actions=50, whys=30), huge)

    def app_for(path: Path) -> Callable[[], App]:
        return lambda: PostmortemApp(path, check_delay=3600, watch_interval=3600)

    print("Startup to interactive (80x24)")
    bare = await startup(Bare, lambda app: app.screen.is_mounted, runs)
    example = await startup(app_for(small), meeting_ready, runs)
    tenk = await startup(app_for(huge), meeting_ready, runs)
    kept = parsed_cache.entry_path(huge)
    tenk_first = await startup(app_for(huge), meeting_ready, runs, lambda: kept.unlink(True))
    line("bare app, the same kinds of widgets", bare, bare, "bare")
    line("pmtui, the example", example, bare, "bare")
    line("pmtui, 10,000 events (its parse kept)", tenk, bare, "bare")
    line("pmtui, 10,000 events, first open (parsed)", tenk_first, bare, "bare")

    print("Opening a dialog (key → dialog mounted and focused)")
    modal = await bare_modal(runs)
    form = await bare_modal(runs, BareForm)
    costs_small = await pmtui_costs(small, runs)
    costs_large = await pmtui_costs(large, runs)
    line("bare Textual modal with one input", modal, modal, "bare modal")
    line("bare Textual modal, the form's widgets", form, modal, "bare modal")
    line("pmtui new-event form, example", costs_small["dialog"], form, "bare form")
    line(f"pmtui new-event form, {events_count:,} events", costs_large["dialog"], form, "bare form")
    line("pmtui preview (F5), example", costs_small["preview"], modal, "bare modal")
    line(f"pmtui preview (F5), {events_count:,} events", costs_large["preview"], modal, "bare")

    print("Keys in the meeting")
    unbound = costs_small["unbound key"]
    line("a key with no binding", unbound, unbound, "no-binding key")
    line("section switch (n / P), example", costs_small["section switch"], unbound, "no-binding")
    line(f"section switch, {events_count:,} events", costs_large["section switch"], unbound, "same")

    print(f"One edit with {events_count:,} events, against the same on the example")
    for name in ("add an event", "edit an event", "delete an event"):
        line(name, costs_large[name], costs_small[name], "example")
        work = f"{name} (work)"
        line("  CPU for all it sets off", costs_large[work], costs_small[work], "example")
    name = "F2 back to the meeting"
    line(name, costs_large[name], costs_small[name], "example")
    line("close a dialog", costs_large["close a dialog"], costs_small["close a dialog"], "example")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    asyncio.run(main(args.events, args.quick))
