"""A corpus of hostile session files, generated, and a runner that feeds it to every command.

    python -m tests.corpus [FOLDER]     # build the corpus, run it, print the outcome counts

Every case of issue #11 (escapes, deep nesting, huge keys and values, special files, far
dates, slow shapes, a byte-order mark) plus mutations of the example: byte flips, truncation,
nesting and huge keys inserted at random places. The runner works in this process: the test
starts it in a subprocess with an address-space limit (RLIMIT_AS) and a time limit per case,
and each outcome must be a valid result or one `pmtui: …` line with exit status 2.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import resource
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

from benchmarks.worst_sessions import SHAPES
from sessions import dumps
from sessions.example import example_session
from sessions.limits import MAX_FILE_BYTES, MAX_TEXT, MAX_VALUES
from tests.hostile import HOSTILE_NAME, poisoned

SECONDS_PER_CASE = 20
"""A command that takes longer counts as hung (generous: the machine may be busy; a hang is
forever, and the test asserts the time each file took separately)."""

MEMORY_LIMIT = 1 << 30
"""Address space of the runner process: a parser that goes quadratic hits it fast."""

TODAY = "2025-12-01"


def build(folder: Path, seed: int = 11) -> list[str]:
    """Write the corpus into ``folder``; the names of its files."""
    rng = random.Random(seed)
    example = dumps(example_session())
    raw = example.encode()
    cases: dict[str, bytes | str] = {
        "example.toml": example,
        "escapes.toml": dumps(poisoned(example_session())),
        HOSTILE_NAME: example,
        "bom.toml": b"\xef\xbb\xbf" + raw,
        "crlf.toml": example.replace("\n", "\r\n"),
        "far-date.toml": example.replace("date = 2025-01-15", "date = 9999-12-31", 1),
        "year-one.toml": example.replace("date = 2025-01-15", "date = 0001-01-01", 1),
        "utc-overflow.toml": example.replace(
            "time = 2025-01-15 14:05:00+00:00", "time = 9999-12-31T23:00:00-05:00", 1
        ),
        "deep-arrays.toml": "x = " + "[" * 500 + "]" * 500,
        "deep-tables.toml": "x = " + "{a=" * 500 + "1" + "}" * 500,
        "deep-in-tags.toml": example.replace("tags = [", "tags = [" + "[" * 300, 1),
        "dotted-key.toml": "a" + ".a" * 100_000 + " = 1\n",
        "dotted-header.toml": "[" + ".".join(["a"] * 100_000) + "]\n",
        "quoted-dotted-key.toml": '"a"' + '."="' * 50_000 + " = 1\n",
        "many-values.toml": "x = [" + ",".join("1" * (MAX_VALUES + 1)) + "]\n",
        "tags-500k.toml": "schema_version = 1\n[metadata]\ntags = ["
        + ",".join(f'"t{i}"' for i in range(500_000))
        + "]\n",
        "every-field-100k.toml": re.sub(
            r'= "([^"\n]+)"',
            lambda m: '= "' + m.group(1) * (100_000 // len(m.group(1))) + '"',
            example,
        ),
        "long-field.toml": f"schema_version = 1\nsummary = '''{'x' * (MAX_TEXT + 1)}'''\n",
        "long-key.toml": "schema_version = 1\n" + "k" * 200_000 + " = 1\n",
        "long-number.toml": "x = " + "1" * 100_000 + "\n",
        "unterminated-then-deep.toml": 'x = """abc\n' + "[" * 2000 + "\n",
        "escapes-in-string.toml": 'schema_version = 1\nsummary = "' + "\\t" * 30_000 + '"\n',
        "not-utf8.toml": raw[:200] + b"\xff\xfe" + raw[200:],
        "nul.toml": raw[:100] + b"\x00" + raw[100:],
        "empty.toml": "",
        "newer-schema.toml": example.replace("schema_version = 1", "schema_version = 99", 1),
    }
    for name, make in SHAPES.items():
        cases[f"shape-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.toml"] = make(0.005)
    for i in range(12):
        data = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.choice(
                b"\x00\x1b\x7f\xff\"[]{}.=,\n#\\'" + bytes([rng.randrange(256)])
            )
        cases[f"flip-{i:02}.toml"] = bytes(data)
    for i in range(4):
        cases[f"truncated-{i:02}.toml"] = raw[: rng.randrange(len(raw))]
    for i in range(8):
        at = rng.randrange(len(example))
        cases[f"nested-{i:02}.toml"] = example[:at] + rng.choice("[{") * 400 + example[at:]
    lines = example.split("\n")
    for i in range(4):
        at = rng.randrange(len(lines))
        key = ".".join(rng.choice(["a", '"b"', "c-d"]) for _ in range(20_000))
        cases[f"huge-key-{i}.toml"] = "\n".join([*lines[:at], f"{key} = 1", *lines[at:]])
    first = example.index("[[timeline]]")
    block = example[first : example.index("[[timeline]]", first + 1)]
    for i in range(3):
        cases[f"repeated-{i}.toml"] = example + block * (50 * (i + 1))
    for name, content in cases.items():
        path = folder / name
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)
    with open(folder / "sparse-huge.toml", "wb") as handle:
        handle.truncate(4 * MAX_FILE_BYTES)
    os.mkfifo(folder / "fifo.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    (folder / "urandom.toml").symlink_to("/dev/urandom")
    (folder / "fifo-link.toml").symlink_to(folder / "fifo.toml")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    (folder / "dangling.toml").symlink_to(folder / "nowhere")
    (folder / "folder.toml").mkdir()
    return sorted(p.name for p in folder.iterdir())


REASONS = (
    ("syntax", "not valid TOML"),
    ("encoding", "not UTF-8"),
    ("nesting", "nested over the limit"),
    ("dotted key", "dotted key or table name"),
    ("values", "keys, values and tables"),
    ("size", "too large"),
    ("long list", "items, over the limit"),
    ("long text", "characters, over the limit"),
    ("total text", "text outside supporting.logs"),
    ("special file", "not a session file|symlink loop|symlink to a missing"),
    ("missing", "no such file"),
    ("schema", "schema_version|empty file"),
)


def reason(line: str) -> str:
    for name, pattern in REASONS:
        if re.search(pattern, line):
            return name
    return "content" if re.match(r"pmtui: .+?: [\w.\[\]…]+: ", line) else "other"


class _Hung(Exception):
    pass


def _alarm(signum, frame):
    raise _Hung


def run_one(argv: list[str]) -> dict:
    """One command in this process, its output captured; what came of it."""
    from pmtui.cli import main

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    signal.alarm(SECONDS_PER_CASE)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        crash = ""
    except _Hung:
        code, crash = None, "hung"
    except BaseException:  # a traceback is exactly what must not happen
        code, crash = None, traceback.format_exc(limit=3)
    finally:
        signal.alarm(0)
    return {
        "argv": argv,
        "code": code,
        "crash": crash,
        "seconds": time.perf_counter() - start,
        "stderr": err.getvalue(),
        "stdout_chars": len(out.getvalue()),
    }


def run(folder: Path) -> dict:
    """Every command on every file, then the folder commands and the library index."""
    import pmtui.cli
    import pmtui.cli_apps
    import pmtui.library_app

    # `open` up to the point an app would start (a folder opens the library app)
    pmtui.cli_apps._run_app = lambda path: 0
    pmtui.library_app.LibraryApp.run = lambda self: None
    parser = pmtui.cli.build_parser()  # building it costs more than most cases (gettext)
    pmtui.cli.build_parser = lambda: parser
    signal.signal(signal.SIGALRM, _alarm)
    results = []
    for name in sorted(os.listdir(folder)):
        path = str(folder / name)
        results.append(run_one(["export", path]))
        loaded = results[-1]["code"] == 0  # JSON would only repeat a refusal
        for argv in (
            ["export", path, "--format", "json"] if loaded else None,
            ["check", path, "--today", TODAY],
            ["open", path],
        ):
            if argv:
                results.append(run_one(argv))
    for argv in (
        ["check", str(folder), "--today", TODAY],
        ["stats", str(folder), "--today", TODAY],
        ["actions", str(folder), "--today", TODAY, "--format", "json"],
        ["actions", str(folder), "--today", TODAY, "--format", "markdown"],
        ["actions", str(folder), "--today", TODAY, "--format", "csv"],
        ["actions", str(folder), "--today", TODAY, "--format", "gh"],
    ):
        results.append(run_one(argv))
    from sessions.library import Library

    start = time.perf_counter()
    library = Library.open(folder)
    index = {
        "entries": len(library.entries),
        "errors": [str(e) for e in library.errors],
        "seconds": time.perf_counter() - start,
    }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"folder": str(folder), "results": results, "index": index, "peak_bytes": peak}


def main() -> None:
    """Build (unless a folder is given), limit the address space, run, print JSON."""
    if len(sys.argv) > 1 and sys.argv[1] != "--summary":
        folder = Path(sys.argv[1])
    else:
        folder = Path(tempfile.mkdtemp(prefix="pmtui-corpus-"))
        build(folder)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    report = run(folder)
    if "--summary" in sys.argv:
        print(json.dumps(summary(report), indent=2))
    else:
        json.dump(report, sys.stdout)


def summary(report: dict) -> dict:
    """Counts of outcomes: valid, refused by reason, anything else."""
    counts: dict[str, int] = {}
    for result in report["results"]:
        if result["crash"]:
            key = "CRASH"
        elif result["argv"][1] == report["folder"]:
            lines = len(result["stderr"].splitlines())
            key = f"folder command, exit {result['code']}, {lines} files named on stderr"
        elif result["code"] in (0, 1):
            key = "valid"
        else:
            first = result["stderr"].splitlines()[0] if result["stderr"] else ""
            key = f"refused: {reason(first)}" if result["code"] == 2 else f"exit {result['code']}"
        counts[key] = counts.get(key, 0) + 1
    slowest = max(report["results"], key=lambda r: r["seconds"])
    return {
        "commands run": len(report["results"]),
        "outcomes": dict(sorted(counts.items())),
        "slowest": [
            slowest["argv"][0],
            Path(slowest["argv"][1]).name,
            round(slowest["seconds"], 2),
        ],
        "library index": {k: v for k, v in report["index"].items() if k != "errors"},
        "peak memory MB": round(report["peak_bytes"] / 1e6),
    }


if __name__ == "__main__":
    main()
