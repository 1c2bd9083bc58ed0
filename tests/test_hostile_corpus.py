"""Issue #11's "done means": a generated corpus of hostile files (tests/corpus.py) through
export, check, open (up to the app), stats, actions and the library's index, in a process
whose address space is limited, each command with a time limit."""

import json
import subprocess
import sys
from pathlib import Path

from tests.corpus import MEMORY_LIMIT, build, summary
from tests.hostile import raw_controls

ROOT = Path(__file__).parent.parent

SLOW = 4.0
"""Seconds one command may take on one file (the slowest real case takes well under one; a
blame pattern that went quadratic on a field of tabs took ten)."""


def test_every_hostile_file_gives_a_result_or_one_error_line(tmp_path):
    names = build(tmp_path)
    assert len(names) > 70
    run = subprocess.run(
        [sys.executable, "-m", "tests.corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout)
    counts = summary(report)
    print(json.dumps(counts, indent=2))  # the outcome counts (pytest -s shows them)
    unreadable = len(report["index"]["errors"])
    problems = []
    for result in report["results"]:
        argv, code, err = result["argv"], result["code"], result["stderr"]
        # tickets leave out items that have one, and say so in a note of their own
        lines = [line for line in err.splitlines() if not line.endswith(" a ticket: left out")]
        if result["crash"]:
            problems.append((argv, result["crash"]))
        elif raw_controls(err):
            problems.append((argv, "raw control characters on stderr"))
        elif argv[1] == str(tmp_path):  # a folder command: one line per file it could not use
            if (
                code != 2
                or len(lines) != unreadable
                or not all(line.startswith("pmtui: ") for line in lines)
            ):
                problems.append((argv, code, len(lines), unreadable))
        elif code in (0, 1):
            if err and argv[0] != "open":
                problems.append((argv, "a valid result with something on stderr", err))
        elif code != 2 or len(lines) != 1 or not lines[0].startswith("pmtui: "):
            problems.append((argv, code, err[:500]))
        elif len(lines[0]) > 400:
            problems.append((argv, "an error line too long to read", len(lines[0])))
        if result["seconds"] > SLOW:
            problems.append((argv, f"took {result['seconds']:.1f} s"))
    assert problems == []
    assert counts["outcomes"]["valid"] > 50 and "CRASH" not in counts["outcomes"]
    assert report["index"]["entries"] + unreadable == len(names) - 1  # folder.toml is a folder
    assert report["peak_bytes"] < MEMORY_LIMIT
