"""The commands that report on postmortems and exit: check, actions, actions link and stats,
each run by its own module (check_command, library_command)."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmtui import output


def _cmd_check(args: argparse.Namespace) -> int:
    from pmtui.check_command import run_check

    return run_check(args)


def _cmd_actions(args: argparse.Namespace) -> int:
    from pmtui.library_command import run_actions

    return folder_or_error(args.folder) or run_actions(args)


def _cmd_link(args: argparse.Namespace) -> int:
    from pmtui.library_command import run_link

    return run_link(args)


def _cmd_stats(args: argparse.Namespace) -> int:
    from pmtui.library_command import run_stats

    return folder_or_error(args.folder) or run_stats(args)


def folder_or_error(folder: Path) -> int:
    if not folder.is_dir():
        output.error(f"{folder}: not a folder of postmortems")
        return 2
    return 0


#: This module's commands, by name, for the command line's dispatch.
HANDLERS = {
    "check": _cmd_check,
    "actions": _cmd_actions,
    "actions-link": _cmd_link,
    "stats": _cmd_stats,
}
