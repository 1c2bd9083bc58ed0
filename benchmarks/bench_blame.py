"""The blame rules: a 5,000-event session re-checked as it is typed in, and `pmtui check` over a
library where every session names different people against one with four shared owners.

    python -m benchmarks.bench_blame [--events 5000] [--sessions 500] [--repeat 5]

Every figure is quoted against a baseline measured in the same run: tomllib parsing the same
file(s). The events' text cycles through the real sentences of the test corpus.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import tempfile
import tomllib
from pathlib import Path

from benchmarks.bench_file import best
from benchmarks.large_session import large_session
from benchmarks.library_gen import generate_library
from pmtui.cli import main as cli
from sessions import save
from sessions.checks import blame_findings, blame_people
from sessions.checks.blameless import clear_cache
from sessions.folder import session_files

CORPUS = Path(__file__).parent.parent / "tests" / "corpus" / "blame_sentences.toml"


def session_figures(events: int, repeat: int) -> None:
    sentences = [s["text"] for s in tomllib.loads(CORPUS.read_text("utf-8"))["sentence"]]
    session = large_session(events=events, actions=50, whys=30)
    for i, event in enumerate(session.timeline):
        event.event = f"{sentences[i % len(sentences)]} (#{i})"
    path = Path(tempfile.mkdtemp()) / "large.toml"
    save(session, path)
    base = best(lambda: tomllib.loads(path.read_text(encoding="utf-8")), repeat)
    who = blame_people(session)

    def cold() -> None:
        clear_cache()
        blame_findings(session)

    def one_edit() -> None:
        event = session.timeline[42]
        event.event = event.event + " x"
        blame_findings(session, who=who)

    blame_findings(session)
    figures = {
        "first check (nothing cached)": best(cold, repeat),
        "re-check after one field changed": best(one_edit, repeat),
        "check of the one field typed in": best(
            lambda: blame_findings(session, where=["timeline[42].event"], who=who), repeat
        ),
        "people of the session": best(lambda: blame_people(session), repeat),
    }
    found = len(blame_findings(session))
    print(f"session: {events} events of real postmortem sentences, {found} blame findings")
    print(f"  baseline tomllib parse of the file: {base * 1000:8.1f} ms")
    for name, seconds in figures.items():
        print(f"  {name:<34} {seconds * 1000:8.1f} ms  {seconds / base:6.2f}x tomllib")


def library_figures(sessions: int, repeat: int) -> None:
    print(f"library: pmtui check over {sessions} sessions (best of {repeat})")
    results = {}
    for people in ("shared", "unique"):
        folder = Path(tempfile.mkdtemp())
        generate_library(folder, sessions, people=people, prose=True)
        paths = session_files([folder]).files

        def parse(paths=paths) -> None:
            for p in paths:
                tomllib.loads(p.read_text(encoding="utf-8"))

        def check(folder=folder) -> None:
            clear_cache()
            with contextlib.redirect_stdout(io.StringIO()):
                cli(["check", str(folder), "--today", "2025-12-01"])

        check()  # imports and first-use costs out of the way
        base, seconds = best(parse, repeat), best(check, repeat)
        results[people] = seconds
        label = "four shared owners" if people == "shared" else "every session its own people"
        print(
            f"  {label:<30} {seconds * 1000:7.0f} ms  ({seconds / base:.2f}x tomllib alone,"
            f" {base * 1000:.0f} ms)"
        )
    print(f"  own people / shared owners: {results['unique'] / results['shared']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    session_figures(args.events, args.repeat)
    library_figures(args.sessions, args.repeat)


if __name__ == "__main__":
    main()
