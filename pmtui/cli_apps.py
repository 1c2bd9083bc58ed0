"""The commands that run an app: open, demo, library and review. Textual is imported only
when an app starts, so the other commands start fast."""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

from pmtui import output
from pmtui.cli_files import new_session_at, write_failed
from pmtui.cli_folders import folder_or_error


def _cmd_review(args: argparse.Namespace) -> int:
    """The review in the library app; opening a postmortem from it comes back to it."""
    if folder_or_error(args.folder):
        return 2
    from sessions.review import ReviewPlan

    plan = ReviewPlan(minutes=args.minutes, owner=args.owner or "", overdue=args.overdue)
    return _library_loop(args.folder, start="review", plan=plan, today=args.today)


def _cmd_library(args: argparse.Namespace) -> int:
    """Browse the folder; opening a postmortem runs the app on it, then comes back here."""
    if folder_or_error(args.folder):
        return 2
    return _library_loop(args.folder)


def _library_loop(folder: Path, **options) -> int:
    """Run the library app; each postmortem it opens runs in the app, then the library comes
    back as it was left (view, filter, highlighted row)."""
    from pmtui.library_app import LibraryApp
    from sessions.errors import SessionFileError

    app = LibraryApp(folder, **options)
    while True:
        chosen = app.run()
        if not chosen:
            return 0
        try:
            _run_app(Path(chosen))
        except SessionFileError as error:  # changed since the library listed it
            options["message"] = str(error)
        else:
            options.pop("message", None)
        app = LibraryApp(folder, **options, resume=app.state)


def _cmd_open(args: argparse.Namespace) -> int:
    from sessions import save
    from sessions.textsafe import one_line

    path: Path = args.file
    if path.is_dir():
        return _cmd_library(argparse.Namespace(folder=path))
    if _missing(path):
        if not args.yes:
            if not sys.stdin.isatty():
                output.error(f"{path}: no such file (use --yes to create it)")
                return 2
            # the question on a line of its own: after a long path it wrapped mid-phrase
            said = one_line(f"{path} does not exist.")
            answer = input(f"{said}\nCreate a new postmortem there? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                return 1
        try:
            save(new_session_at(path), path)
        except OSError as error:
            return write_failed(path, error)
    return _run_app(path)


def _missing(path: Path) -> bool:
    """Nothing is there, or a symlink to nothing (saving creates its target). A symlink loop
    or an unreadable folder is not "missing": loading it says what it is."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def _cmd_demo(args: argparse.Namespace) -> int:
    from sessions import save
    from sessions.example import example_session

    folder = Path(tempfile.mkdtemp(prefix="pmtui-demo-"))
    path = folder / "INC-4211-checkout-pool-exhaustion.toml"
    save(example_session(), path)
    output.note(f"Demo session: {path}")
    try:
        return _run_app(path)
    finally:
        output.note(f"The demo session is kept at {path}")
        if not path.exists():
            shutil.rmtree(folder, ignore_errors=True)


def _run_app(path: Path) -> int:
    """Read the file once (a bad file gives its one-line error before any screen is drawn),
    then hand it to the app."""
    from sessions.document import SessionDocument

    document = SessionDocument.open(path)
    from pmtui.app import PostmortemApp
    from sessions.last_mode import first_mode, last_mode, last_part

    mode = last_mode(path) or first_mode(document.session)
    part = last_part(path) or ""
    app = PostmortemApp(document, start_mode=mode, start_part=part)
    # What is loaded now lives as long as the app: the modules and the session's records.
    # Set aside, the collector no longer walks them on each full pass, which with 10,000
    # events took 64 ms, a stall in the middle of someone's typing. (Records replaced by
    # edits are still freed: they hold no cycles.)
    gc.freeze()
    app.run()
    return app.return_code or 0


#: This module's commands, by name, for the command line's dispatch.
HANDLERS = {
    "open": _cmd_open,
    "demo": _cmd_demo,
    "library": _cmd_library,
    "review": _cmd_review,
}
