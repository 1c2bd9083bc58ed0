"""The commands on one session file that run no app: new, export, import, schema and
share (which serves the attendees' page, not the app)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui import output
from sessions.wording import counted

if TYPE_CHECKING:
    from sessions.atomic import Written
    from sessions.models import Metadata, Session


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
            session = new_session_at(args.file, metadata, args.agenda)
        except ValueError as error:
            output.error(error)
            return 2
    try:
        written = save(session, args.file)
    except OSError as error:
        return write_failed(args.file, error)
    output.note(f"Created {args.file}")
    _note_split_links(written)
    return 0


def new_session_at(
    path: Path, metadata: Metadata | None = None, agenda: str | None = None
) -> Session:
    """A new session as the team's `.pmtui.toml` (at or above ``path``) makes them."""
    from sessions.checks.config import find_config, load_config
    from sessions.new_session import new_session

    return new_session(load_config(find_config(path)), metadata, agenda)


def write_failed(path: Path, error: OSError) -> int:
    if isinstance(error, FileNotFoundError) and not Path(path).parent.exists():
        # "No such file or directory" named the file to be made; the folder is what's missing
        output.error(f"{path}: no folder {Path(path).parent}: make it first (mkdir -p)")
    else:
        output.error(f"{path}: {error.strerror or error}")
    return 2


def _note_split_links(written: Written) -> None:
    if written.split_links:
        output.note(
            f"{written.path} had {counted(written.split_links, 'other hard link')}: "
            "they keep the old text"
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
    from sessions import export_record
    from sessions.fileio import write_text_atomic

    if not args.force and export_record.would_lose(args.output, text):
        output.error(
            f"{args.output} exists and was not written by this export (changed since, or "
            "another file): --force replaces it"
        )
        return 2
    try:
        written = write_text_atomic(args.output, text)
    except OSError as error:
        return write_failed(args.output, error)
    export_record.remember(args.output, text)
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


#: This module's commands, by name, for the command line's dispatch.
HANDLERS = {
    "new": _cmd_new,
    "export": _cmd_export,
    "import": _cmd_import,
    "schema": _cmd_schema,
    "share": _cmd_share,
}
