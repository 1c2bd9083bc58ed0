"""Open a generated library of 100 / 1,000 / 10,000 sessions: first open and reopen, against
the floors measured in the same run.

    python -m benchmarks.bench_library [--sizes 100,1000,10000] [--repeat 3]

Floors: *listing* walks the folder and stats every file (what any open must do); *parse*
reads every file and parses it with ``tomllib`` alone (what a first open can't avoid).
*First open* starts with no index cache (and writes it); *reopen* reads the cache; *one
changed* reopens after one file was edited. Figures are CPU time (``process_time``: the
machine may be shared), the best of ``--repeat`` runs, each run right after its floor's.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import os
import shutil
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from benchmarks.library_gen import generate_library
from sessions.folder import session_files
from sessions.library import Library, parse_query
from sessions.library_stats import stats


def measure(fn: Callable[[], object]) -> tuple[float, object]:
    """CPU seconds of one call (the machine may be shared: wall time would count others'),
    and its result."""
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def listing_floor(folder: Path) -> list[os.stat_result]:
    return [os.stat(p) for p in session_files([folder]).files]


def parse_floor(folder: Path) -> None:
    """Read and parse every file, keeping nothing (keeping the documents would add the
    garbage collector's walks over them to the floor)."""
    for path in session_files([folder]).files:
        tomllib.loads(path.read_bytes().decode())


def first_open(folder: Path, cache: Path) -> Library:
    shutil.rmtree(cache, ignore_errors=True)
    return Library.open(folder, cache_dir=cache)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    today = dt.date(2025, 12, 1)
    print(
        "CPU time, best of the runs; each measurement follows its floor, run for run.\n"
        f"{'sessions':>8} {'listing':>9} {'parse':>9} {'first open':>18} {'reopen':>18} "
        f"{'one changed':>18} {'stats':>7} {'filter':>7}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        root = Path(tempfile.mkdtemp(prefix="pmtui-bench-"))
        folder, cache = root / "library", root / "cache"
        paths = generate_library(folder, size, broken=3)
        repeat = args.repeat if size <= 1000 else 1
        listing, parse, first, reopen = [], [], [], []
        for _ in range(repeat):
            parse.append(measure(lambda f=folder: parse_floor(f))[0])
            first.append(measure(lambda f=folder, c=cache: first_open(f, c))[0])
        time.sleep(2.1)  # past the cache's "changed just now" window
        first_open(folder, cache)
        for _ in range(max(repeat, 3)):
            listing.append(measure(lambda f=folder: listing_floor(f))[0])
            seconds, library = measure(lambda f=folder, c=cache: Library.open(f, cache_dir=c))
            reopen.append(seconds)
        assert library.index.parsed == 0 and library.index.reused == size + 3, library.index
        paths[size // 2].write_text(paths[size // 2].read_text() + "\n")
        changed, _ = measure(lambda f=folder, c=cache: Library.open(f, cache_dir=c))
        stat_time, _ = measure(lambda lib=library: stats(lib.entries, today))
        query = parse_query("sev:SEV1 service:checkout since:2024-06-01 incident")
        filter_time, _ = measure(
            lambda lib=library, q=query: [e for e in lib.entries if q.matches(e)]
        )
        floor_list, floor_parse = min(listing), min(parse)
        print(
            f"{size:>8} {_ms(floor_list)} {_ms(floor_parse)} {_ms(min(first))} "
            f"{min(first) / floor_parse:>5.2f}x parse {_ms(min(reopen))} "
            f"{min(reopen) / floor_list:>5.2f}x list {_ms(changed)} "
            f"{changed / floor_list:>5.2f}x list {stat_time * 1000:>4.0f} ms "
            f"{filter_time * 1000:>4.0f} ms"
        )
        del library
        gc.collect()
        shutil.rmtree(root, ignore_errors=True)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:>6.0f} ms"


async def app_open_seconds(folder: Path) -> float:
    """Time until the library screen is interactive, listing every session."""
    from pmtui.library_app import LibraryApp

    start = time.process_time()
    app = LibraryApp(folder)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        return time.process_time() - start


def check_figure(size: int) -> None:
    """`pmtui check` over a folder, as a pre-commit hook runs it, against a bare parse."""
    import contextlib
    import io

    from pmtui.cli import main as cli

    folder = Path(tempfile.mkdtemp())
    generate_library(folder, size)
    base, _ = measure(lambda: parse_floor(folder))
    with contextlib.redirect_stdout(io.StringIO()):
        seconds, _ = measure(lambda: cli(["check", str(folder), "--today", "2025-12-01"]))
    print(
        f"pmtui check on {size} sessions: {seconds * 1000:.0f} ms "
        f"({seconds / base:.2f}x tomllib alone, {seconds / size * 1000:.2f} ms a session)"
    )


def app_figure(size: int) -> None:
    folder = Path(tempfile.mkdtemp())
    generate_library(folder, size)
    Library.open(folder)  # the cache, as a second open finds it
    seconds = asyncio.run(app_open_seconds(folder))
    print(f"library screen with {size} sessions (cached) interactive in {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
    check_figure(500)
    app_figure(10000)
