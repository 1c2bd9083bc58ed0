"""Sharing the open session from the app (F6): `pmtui share` as a child process.

A child process, not a thread: fifty readers polling never take time from the app's event
loop or its interpreter lock, and the page reads only the file, exactly as it does when run
beside the app by hand. It runs a little below the app's priority, so the facilitator's keys
come first. The child goes when the app goes, however it goes: it stops when its standard
input (a pipe from the app) closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
from pathlib import Path

from textual.app import App

from widgets.confirm import ChoiceDialog

START_TIMEOUT = 15.0
"""Seconds the child has to read the session and print its URL."""

NETWORK = "0.0.0.0"
"""Every network interface; the child adds a random token to the URL."""


class ShareFailed(Exception):
    """The child could not serve the page (its one-line error says why)."""


class Sharing:
    """At most one `pmtui share` child for the app's session."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    async def start(self, path: Path, *, network: bool) -> str:
        """Start serving ``path``; its URL. ShareFailed says why it could not."""
        self.stop()
        command = [sys.executable, "-m", "pmtui", "share", str(path), "--from-app"]
        if network:
            command += ["--host", NETWORK]
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout is not None and process.stderr is not None
        try:
            line = await asyncio.wait_for(asyncio.to_thread(process.stdout.readline), START_TIMEOUT)
        except TimeoutError:
            line = b""
        if not line.startswith(b"http"):
            _end(process)
            why = process.stderr.read().decode(errors="replace").strip().splitlines()
            raise ShareFailed(why[-1] if why else "pmtui share did not start")
        self.process = process
        self.url = line.decode().strip()
        return self.url

    def stop(self) -> None:
        process, self.process, self.url = self.process, None, ""
        if process is not None:
            _end(process)

    # --- the dialog -----------------------------------------------------------------------

    async def ask(self, app: App, path: Path) -> None:
        """What F6 does: start sharing (here or on the network), or show, copy or stop it."""
        if self.running:
            answer = await app.push_screen_wait(
                ChoiceDialog(
                    "Attendees can follow the meeting read-only at:",
                    self.url,
                    [("copy", "Copy the link", "c"), ("stop", "Stop sharing", "s")],
                )
            )
            if answer == "copy":
                self._tell(app)
            elif answer == "stop":
                self.stop()
                app.notify("Stopped sharing the live page", timeout=4)
            return
        answer = await app.push_screen_wait(
            ChoiceDialog(
                "Share a read-only live page of this session?",
                "Attendees see the current section and its countdown, the agenda and the "
                "document, following every save; nothing they do can change it. On this "
                "machine only (127.0.0.1), or on the network with a secret token in the link.",
                [("local", "This machine only", "l"), ("network", "On the network", "w")],
            )
        )
        if answer is None:
            return
        try:
            await self.start(path, network=answer == "network")
        except (ShareFailed, OSError) as error:
            app.notify(f"Could not share: {error}", severity="error", timeout=10, markup=False)
            return
        self._tell(app)

    def _tell(self, app: App) -> None:
        app.copy_to_clipboard(self.url)
        app.notify(
            f"{self.url}\nThe link is copied; F6 shows it again or stops sharing.",
            title="Live page for attendees",
            timeout=20,
            markup=False,
        )


def _end(process: subprocess.Popen[bytes]) -> None:
    """Close the child's standard input (it stops on its own), and make sure it is gone."""
    if process.stdin is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    try:
        process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
