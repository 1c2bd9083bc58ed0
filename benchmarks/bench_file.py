"""Load, save, export and check of a large session, against tomllib/tomli-w in the same run.

    python -m benchmarks.bench_file [--events 10000]

Prints each figure as best-of-N seconds and as a ratio to the bare TOML baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
import tomllib
from pathlib import Path

import tomli_w

from benchmarks.large_session import large_session
from sessions import dumps, load, save, to_markdown
from sessions.checks import run_checks
from sessions.fileio import to_document


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    session = large_session(events=args.events)
    text = dumps(session)
    document = tomllib.loads(text)
    folder = Path(tempfile.mkdtemp())
    path = folder / "large.toml"
    save(session, path)
    r = args.repeat

    base_load = best(lambda: tomllib.loads(path.read_text(encoding="utf-8")), r)
    base_dump = best(lambda: tomli_w.dumps(document, multiline_strings=True), r)
    figures = {
        "load": (best(lambda: load(path), r), base_load),
        "save": (best(lambda: save(session, path), r), base_dump),
        "  of which to_document": (best(lambda: to_document(session), r), base_dump),
        "export markdown": (best(lambda: to_markdown(session), r), base_load),
        "check (all rules)": (
            best(lambda: run_checks(session, today=dt.date(2025, 1, 20)), r),
            base_load,
        ),
    }
    print(
        f"session: {args.events} events, {len(session.action_items)} action items, "
        f"{len(session.root_cause.whys[0].nodes)} whys, {len(text) / 1e6:.1f} MB of TOML"
    )
    print(f"baseline tomllib.loads: {base_load * 1000:8.1f} ms")
    print(f"baseline tomli_w.dumps: {base_dump * 1000:8.1f} ms")
    for name, (value, base) in figures.items():
        which = "loads" if base is base_load else "dumps"
        print(f"{name:24s} {value * 1000:8.1f} ms   {value / base:5.2f}x {which}")


if __name__ == "__main__":
    main()
