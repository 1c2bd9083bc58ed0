"""Everything the command line prints goes through here, so nothing from a file reaches the terminal
as a control sequence and a reader that goes away (``pmtui check | head -1``) ends it quietly.

Session text and file names may hold ESC, OSC or C1 bytes (a teammate's branch, a file named
``$'\\e]2;x\\a.toml'``): text is shown through ``sessions.textsafe``, JSON keeps every string
exact with control characters escaped as ``\\u…``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from typing import Any

from sessions.textsafe import json_safe, one_line, printable

#: Exit status when standard output was closed by its reader: what a shell shows for a
#: process ended by SIGPIPE (128 + 13), so ``set -o pipefail`` scripts see the usual code.
BROKEN_PIPE = 141


def line(text: str) -> None:
    """One record on standard output (a finding, an action item): always exactly one line."""
    sys.stdout.write(one_line(text) + "\n")


def text(text: str) -> None:
    """Multi-line text on standard output (a report, the Markdown export); layout kept."""
    sys.stdout.write(printable(text))
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def json_out(data: Any) -> None:
    """``data`` as indented JSON on standard output, exact and terminal-safe."""
    json_text(json.dumps(data, indent=2, ensure_ascii=False))


def json_text(dumped: str) -> None:
    """JSON text already made (e.g. by pydantic) on standard output, terminal-safe."""
    sys.stdout.write(json_safe(dumped) + "\n")


def error(message: object) -> None:
    """The one-line error on standard error: ``pmtui: FILE: …``."""
    sys.stderr.write("pmtui: " + one_line(str(message)) + "\n")


def note(message: str) -> None:
    """A one-line remark on standard error (``Created FILE``), kept out of piped output."""
    sys.stderr.write(one_line(message) + "\n")


def flush() -> None:
    """Flush now, inside the command, so a closed pipe is noticed where it can be handled."""
    sys.stdout.flush()
    sys.stderr.flush()


def reader_gone() -> int:
    """A reader went away (``| head``): stop writing to it, without a traceback.

    The stream whose pipe is closed is pointed at /dev/null, so the flush at exit does not
    raise again; a stream that still works (the terminal, for standard error) is left alone.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, stream.fileno())
                os.close(devnull)
        except (OSError, ValueError):
            pass
    return BROKEN_PIPE
