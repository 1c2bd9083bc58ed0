"""The command line: the parser of every command, and the dispatch to its handler (in
cli_files, cli_apps and cli_folders).

Only the domain is imported up front; the Textual app is imported when a screen is needed,
so `pmtui check` and `pmtui export` start fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from pmtui import __version__, output
from pmtui.cli_apps import HANDLERS as APP_HANDLERS
from pmtui.cli_files import HANDLERS as FILE_HANDLERS
from pmtui.cli_folders import HANDLERS as FOLDER_HANDLERS

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
    p.add_argument(
        "--force",
        action="store_true",
        help="replace OUTPUT even if pmtui did not write it, or it was changed since",
    )

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
        "--explain",
        metavar="RULE",
        help="what a rule looks for, examples, and its advice ('all': every rule's id)",
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
    first = args_list[0] if args_list else ""
    # a file, or open's own option before it (`pmtui --yes FILE`): the open command
    if (first and first not in COMMANDS and not first.startswith("-")) or first == "--yes":
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


#: Every command's handler, by the command's name in COMMANDS.
_HANDLERS = {**FILE_HANDLERS, **APP_HANDLERS, **FOLDER_HANDLERS}
