"""Index a generated library of 100 / 1,000 / 5,000 sessions and run stats on it.

    python -m benchmarks.bench_library [--sizes 100,1000,5000]

Baseline in the same run: reading and parsing the same files with tomllib alone.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import tempfile
import time
import tomllib
from pathlib import Path

from benchmarks.library_gen import generate_library
from sessions.folder import session_files
from sessions.library import Library, parse_query, stats


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,5000")
    args = parser.parse_args()
    today = dt.date(2025, 12, 1)
    print(
        f"{'sessions':>8} {'tomllib only':>13} {'open library':>13} {'ratio':>6} "
        f"{'per session':>12} {'stats':>8} {'filter':>8}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp())
        generate_library(folder, size, broken=3)
        base, _ = timed(
            lambda f=folder: [
                tomllib.loads(p.read_text(encoding="utf-8")) for p in session_files([f]).files
            ]
        )
        opened, library = timed(lambda f=folder: Library.open(f))
        stat_time, _ = timed(lambda lib=library: stats(lib.entries, today))
        query = parse_query("sev:SEV1 service:checkout since:2024-06-01 incident")
        filter_time, _ = timed(
            lambda lib=library, q=query: [e for e in lib.entries if q.matches(e)]
        )
        print(
            f"{size:>8} {base * 1000:>10.0f} ms {opened * 1000:>10.0f} ms {opened / base:>5.2f}x "
            f"{opened / size * 1000:>9.2f} ms {stat_time * 1000:>5.0f} ms "
            f"{filter_time * 1000:>5.0f} ms"
        )


async def app_open_seconds(folder: Path) -> float:
    """Time until the library screen is interactive, listing every session."""
    from pmtui.library_app import LibraryApp

    start = time.perf_counter()
    app = LibraryApp(folder)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        return time.perf_counter() - start


def check_figure(size: int) -> None:
    """`pmtui check` over a folder, as a pre-commit hook runs it, against a bare parse."""
    import contextlib
    import io

    from pmtui.cli import main as cli

    folder = Path(tempfile.mkdtemp())
    generate_library(folder, size)
    paths = session_files([folder]).files
    base, _ = timed(lambda: [tomllib.loads(p.read_text(encoding="utf-8")) for p in paths])
    with contextlib.redirect_stdout(io.StringIO()):
        seconds, _ = timed(lambda: cli(["check", str(folder), "--today", "2025-12-01"]))
    print(
        f"pmtui check on {size} sessions: {seconds * 1000:.0f} ms "
        f"({seconds / base:.2f}x tomllib alone, {seconds / size * 1000:.2f} ms a session)"
    )


def app_figure(size: int) -> None:
    folder = Path(tempfile.mkdtemp())
    generate_library(folder, size)
    seconds = asyncio.run(app_open_seconds(folder))
    print(f"library screen with {size} sessions interactive in {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
    check_figure(500)
    app_figure(1000)
