"""The command line: open, demo, new, export, import, schema, check, and the library.

Only the domain is imported up front; the Textual app is imported when a screen is needed,
so `pmtui check` and `pmtui export` start fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui import __version__, output

if TYPE_CHECKING:
    from sessions.atomic import Written
    from sessions.models import Metadata, Session

COMMANDS = (
    "open", "demo", "new", "export", "import", "schema", "check", "actions", "stats", "library",
    "share", "review", "actions-link",
)  # fmt: skip


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, like every other error
        self.print_usage(sys.stderr)
        output.error(message)  # it may quote an argument, e.g. a file name with escapes
        self.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pmtui",
        description="Run a blameless postmortem meeting and write the postmortem document.",
        epilog="`pmtui FILE` is short for `pmtui open FILE`.",
    )
    parser.add_argument("--version", action="version", version=f"pmtui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("open", help="open a session file in the app (created if missing)")
    p.add_argument("file", type=Path)
    p.add_argument("--yes", action="store_true", help="create a missing file without asking")

    sub.add_parser("demo", help="open a fresh copy of the built-in example in a temporary folder")

    p = sub.add_parser("new", help="create a new session file")
    p.add_argument("file", type=Path)
    p.add_argument("--title", default="")
    p.add_argument("--incident-id", default="")
    p.add_argument(
        "--severity", choices=["SEV1", "SEV2", "SEV3", "SEV4", "unknown"], default="unknown"
    )
    p.add_argument("--date", type=_date, help="incident date, YYYY-MM-DD")
    p.add_argument(
        "--agenda",
        metavar="NAME",
        help="the meeting's agenda: guide (80 min), debrief (60 min), review (30 min) or one "
        "of the team's in .pmtui.toml (default: the team's choice, else guide)",
    )
    p.add_argument("--example", action="store_true", help="write the guide's worked example")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = sub.add_parser("export", help="export a session as Markdown (or JSON)")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    p.add_argument("--format", choices=["markdown", "json"], default="markdown")

    p = sub.add_parser(
        "share",
        help="serve a read-only live page of a session for the meeting's attendees",
        description="Serve a read-only live page of the session: the current section and its "
        "countdown, the agenda and the document, following every save. The URL is the first "
        "line printed.",
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--host",
        help="listen on this address (0.0.0.0: every network) with a random token in the URL; "
        "default: 127.0.0.1 only, without a token",
    )
    p.add_argument("--port", type=int, default=0, help="the port (default: any free one)")
    p.add_argument("--from-app", action="store_true", help=argparse.SUPPRESS)

    p = sub.add_parser("import", help="read Markdown postmortems into session files")
    p.add_argument("source", type=Path, help="a Markdown postmortem, or a folder of them")
    p.add_argument(
        "-o", "--output", type=Path, help="the session file to write (for a folder: a folder)"
    )
    p.add_argument("--force", action="store_true", help="overwrite existing session files")

    sub.add_parser("schema", help="print the JSON Schema of the session file")

    p = sub.add_parser("check", help="check sessions against the guide's guardrails")
    p.add_argument("files", type=Path, nargs="*", help="session files or folders of them")
    p.add_argument(
        "--explain", metavar="RULE", help="what a rule looks for, examples, and its advice"
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--select", default="", help="comma-separated rule ids or prefixes to run")
    p.add_argument("--ignore", default="", help="comma-separated rule ids or prefixes to skip")
    p.add_argument(
        "--level",
        choices=["error", "warning", "info"],
        default="warning",
        help="exit 1 when a finding is at or above this level (default: warning)",
    )
    p.add_argument("--today", type=_date, help="the date deadlines are measured against")
    p.add_argument("--config", type=Path, help="team config (default: .pmtui.toml upwards)")

    p = sub.add_parser("library", help="browse a folder of postmortems (also: pmtui DIR)")
    p.add_argument("folder", type=Path, nargs="?", default=Path("."))

    p = sub.add_parser(
        "actions",
        help="action items across a folder of postmortems; the review agenda; tickets",
        epilog="`pmtui actions link FILE ID TICKET` stores a ticket key or URL on an item.",
    )
    p.add_argument("folder", type=Path)
    p.add_argument("--overdue", action="store_true", help="only overdue items")
    p.add_argument("--owner", help="only this owner's items")
    p.add_argument("--status", help="only this status (TODO, In Progress, Done, Won't Do)")
    p.add_argument(
        "--format",
        choices=["text", "json", "markdown", "csv", "gh"],
        default="text",
        help="markdown: the weekly review's agenda; csv: open items without a ticket for "
        "Jira's CSV importer; gh: a script of `gh issue create` commands for them",
    )
    p.add_argument(
        "--link-base",
        default="",
        metavar="URL",
        help="csv/gh: link to postmortems under this URL (e.g. the repository's blob/main/)",
    )
    p.add_argument("--today", type=_date, help="the date overdue is measured against")

    p = sub.add_parser("actions-link", prog="pmtui actions link")
    p.description = "Store a ticket key or URL on an action item (an empty TICKET removes it)."
    p.add_argument("file", type=Path, help="the postmortem's session file")
    p.add_argument("id", type=int, help="the action item's id")
    p.add_argument("ticket", help='the ticket key or URL, e.g. OPS-101 or "https://…/issues/7"')

    p = sub.add_parser("stats", help="patterns and trends across a folder of postmortems")
    p.add_argument("folder", type=Path)
    p.add_argument("--since", type=_date, help="only postmortems from this date on")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--today", type=_date, help="the date overdue is measured against")
    p.add_argument(
        "--width", type=int, help="chart width in columns (default: the terminal's, or 80)"
    )

    p = sub.add_parser("review", help="the weekly review of open action items, in the app")
    p.add_argument("folder", type=Path, nargs="?", default=Path("."))
    p.add_argument("--overdue", action="store_true", help="only overdue items")
    p.add_argument("--owner", help="only this owner's items")
    p.add_argument(
        "--minutes", type=int, default=30, help="time for the whole review (default: 30)"
    )
    p.add_argument("--today", type=_date, help="the date decisions are written with")
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    """Run one command; its exit status. A closed output pipe ends it quietly."""
    try:
        code = _main(argv)
        output.flush()
    except BrokenPipeError:
        return output.reader_gone()
    return code


def _main(argv: list[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:2] == ["actions", "link"]:
        args_list[:2] = ["actions-link"]
    if args_list and args_list[0] not in COMMANDS and not args_list[0].startswith("-"):
        args_list.insert(0, "open")
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        from sessions.folder import session_files

        if session_files([Path(".")]).files:
            args = parser.parse_args(["library", "."])
        else:
            parser.print_help()
            return 0
    from sessions import SessionFileError

    try:
        return _HANDLERS[args.command](args)
    except SessionFileError as error:
        output.error(error)
        return 2
    except KeyboardInterrupt:
        return 130


def _cmd_new(args: argparse.Namespace) -> int:
    from sessions import save
    from sessions.example import example_session
    from sessions.models import Metadata, Severity

    if args.file.exists() and not args.force:
        output.error(f"{args.file}: already exists (use --force to overwrite)")
        return 2
    if args.example:
        session = example_session()
    else:
        metadata = Metadata(
            title=args.title,
            incident_id=args.incident_id,
            severity=Severity(args.severity),
            date=args.date,
        )
        try:
            session = _new_session(args.file, metadata, args.agenda)
        except ValueError as error:
            output.error(error)
            return 2
    try:
        written = save(session, args.file)
    except OSError as error:
        return _write_failed(args.file, error)
    output.note(f"Created {args.file}")
    _note_split_links(written)
    return 0


def _new_session(
    path: Path, metadata: Metadata | None = None, agenda: str | None = None
) -> Session:
    """A new session as the team's `.pmtui.toml` (at or above ``path``) makes them."""
    from sessions.checks.config import find_config, load_config
    from sessions.new_session import new_session

    return new_session(load_config(find_config(path)), metadata, agenda)


def _write_failed(path: Path, error: OSError) -> int:
    output.error(f"{path}: {error.strerror or error}")
    return 2


def _note_split_links(written: Written) -> None:
    if written.split_links:
        output.note(
            f"{written.path} had {written.split_links} other hard link(s): they keep the old text"
        )


def _cmd_export(args: argparse.Namespace) -> int:
    from sessions import load, to_markdown
    from sessions.checks.config import find_config, load_config
    from sessions.textsafe import json_safe, printable

    session = load(args.file)
    if args.format == "json":
        text = json_safe(session.model_dump_json(indent=2, exclude_defaults=False)) + "\n"
    else:
        text = printable(to_markdown(session, load_config(find_config(args.file)).template))
    if args.output is None:
        output.text(text)
        return 0
    from sessions.fileio import write_text_atomic

    try:
        written = write_text_atomic(args.output, text)
    except OSError as error:
        return _write_failed(args.output, error)
    output.note(f"Wrote {args.output}")
    _note_split_links(written)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from pmtui.import_command import run_import

    return run_import(args)


def _cmd_schema(args: argparse.Namespace) -> int:
    from sessions.models import SCHEMA_VERSION, Session

    schema = Session.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "pmtui postmortem session"
    schema["description"] = (
        f"A postmortem session file, schema version {SCHEMA_VERSION} (older versions are "
        "upgraded when pmtui loads them). Times are stored in UTC."
    )
    # Older files are valid input too: pmtui lifts them to the current version.
    schema["properties"]["schema_version"] = {
        "type": "integer",
        "enum": list(range(1, SCHEMA_VERSION + 1)),
        "default": SCHEMA_VERSION,
    }
    output.json_out(schema)
    return 0


def _cmd_share(args: argparse.Namespace) -> int:
    from pmtui.share_command import run_share

    return run_share(args)


def _cmd_check(args: argparse.Namespace) -> int:
    from pmtui.check_command import run_check

    return run_check(args)


def _cmd_actions(args: argparse.Namespace) -> int:
    from pmtui.library_command import run_actions

    return _folder_or_error(args.folder) or run_actions(args)


def _cmd_link(args: argparse.Namespace) -> int:
    from pmtui.library_command import run_link

    return run_link(args)


def _cmd_review(args: argparse.Namespace) -> int:
    """The review in the library app; opening a postmortem from it comes back to it."""
    if _folder_or_error(args.folder):
        return 2
    from sessions.review import ReviewPlan

    plan = ReviewPlan(minutes=args.minutes, owner=args.owner or "", overdue=args.overdue)
    return _library_loop(args.folder, start="review", plan=plan, today=args.today)


def _cmd_stats(args: argparse.Namespace) -> int:
    from pmtui.library_command import run_stats

    return _folder_or_error(args.folder) or run_stats(args)


def _folder_or_error(folder: Path) -> int:
    if not folder.is_dir():
        output.error(f"{folder}: not a folder of postmortems")
        return 2
    return 0


def _cmd_library(args: argparse.Namespace) -> int:
    """Browse the folder; opening a postmortem runs the app on it, then comes back here."""
    if _folder_or_error(args.folder):
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
            question = f"{path} does not exist. Create a new postmortem there? [y/N] "
            answer = input(one_line(question))
            if answer.strip().lower() not in ("y", "yes"):
                return 1
        try:
            save(_new_session(path), path)
        except OSError as error:
            return _write_failed(path, error)
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

    app = PostmortemApp(document)
    app.run()
    return app.return_code or 0


_HANDLERS = {
    "open": _cmd_open,
    "demo": _cmd_demo,
    "new": _cmd_new,
    "export": _cmd_export,
    "import": _cmd_import,
    "schema": _cmd_schema,
    "check": _cmd_check,
    "actions": _cmd_actions,
    "stats": _cmd_stats,
    "library": _cmd_library,
    "share": _cmd_share,
    "review": _cmd_review,
    "actions-link": _cmd_link,
}
