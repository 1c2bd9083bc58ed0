"""`pmtui share FILE`: the attendees' read-only live page of a session, beside the app.

The URL is the first line on standard output (a script or the app reads it from there);
everything else goes to standard error. Ctrl+C stops it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading

from pmtui import output
from pmtui.share_server import LOCAL, make_server
from sessions.checks.config import find_config, load_config
from sessions.live_page import LivePage

FROM_APP_NICENESS = 5
"""How much lower than the app the page runs when the app starts it (F6)."""


def run_share(args: argparse.Namespace) -> int:
    template = load_config(find_config(args.file)).template
    page = LivePage(args.file, template)  # a file that can't be read: the one-line error
    try:
        server = make_server(page, args.host, args.port)
    except OSError as error:
        output.error(f"can't listen on {args.host or LOCAL}:{args.port}: {error.strerror or error}")
        return 2
    output.line(server.url())
    where = "on the network (the link holds its token)" if args.host else "on this machine"
    output.note(f"Sharing {args.file} read-only {where}; it follows every save. Ctrl+C stops.")
    output.flush()
    server.watch()
    if args.from_app:
        # The facilitator's keys come first: the page yields the processor to the app.
        with contextlib.suppress(AttributeError, OSError):
            os.nice(FROM_APP_NICENESS)
        # And it goes when the app goes, however the app goes (its end of the pipe closes).
        threading.Thread(target=_stop_at_eof, args=(server,), daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _stop_at_eof(server) -> None:
    while sys.stdin.buffer.read(1024):
        pass
    server.shutdown()
