"""Load, check, export and the library's index on the costliest sessions the limits accept.

    python -m benchmarks.bench_limits [--scale 1.0]

The limits in `sessions.limits` promise that anything accepted stays fast; this prints the
seconds each step takes per shape, next to the 10,000-event benchmark session for scale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from benchmarks.large_session import large_session
from benchmarks.worst_sessions import SHAPES
from sessions import SessionFileError, dumps, load, to_markdown
from sessions.checks import run_checks
from sessions.library import Library
from sessions.library_stats import stats

TODAY = dt.date(2025, 12, 1)


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pmtui-limits-"))
    texts = {"10,000-event session (reference)": dumps(large_session())}
    texts |= {name: make(args.scale) for name, make in SHAPES.items()}
    print(f"{'shape':34} {'MB':>5} {'load':>6} {'check':>6} {'export':>6} {'index':>6}")
    for name, text in texts.items():
        path = folder / f"{len(list(folder.iterdir()))}.toml"
        path.write_text(text, encoding="utf-8")
        try:
            session, load_s = _timed(lambda: load(path))  # noqa: B023
        except SessionFileError as error:
            print(f"{name:34} refused: {error.message}")
            continue
        _, check_s = _timed(lambda: run_checks(session, today=TODAY))  # noqa: B023
        _, export_s = _timed(lambda: to_markdown(session))  # noqa: B023
        print(
            f"{name:34} {len(text.encode()) / 1e6:5.2f} {load_s:6.2f} {check_s:6.2f} "
            f"{export_s:6.2f}",
            end="",
        )
        sub = folder / f"lib-{path.stem}"
        sub.mkdir()
        path.rename(sub / path.name)
        _, index_s = _timed(lambda: stats(Library.open(sub).entries, TODAY))  # noqa: B023
        print(f" {index_s:6.2f}")


if __name__ == "__main__":
    main()
