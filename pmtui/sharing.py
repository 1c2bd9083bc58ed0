"""Sharing the open session from the app (F6): `pmtui share` as a child process.

A child process, not a thread: fifty readers polling never take time from the app's event
loop or its interpreter lock, and the page reads only the file, exactly as it does when run
beside the app by hand. The child goes when the app goes, however it goes: it stops when its
standard input (a pipe from the app) closes.
"""

from __future__ import annotations

import asyncio
import contextlib
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
        self.process: asyncio.subprocess.Process | None = None
        self.url = ""

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def start(self, path: Path, *, network: bool) -> str:
        """Start serving ``path``; its URL. ShareFailed says why it could not."""
        self.stop()
        command = [sys.executable, "-m", "pmtui", "share", str(path), "--exit-with-stdin"]
        if network:
            command += ["--host", NETWORK]
        process = await asyncio.create_subprocess_exec(
            *command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            line = await asyncio.wait_for(process.stdout.readline(), START_TIMEOUT)  # type: ignore[union-attr]
        except TimeoutError:
            line = b""
        if not line.startswith(b"http"):
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            error = await process.stderr.read()  # type: ignore[union-attr]
            why = error.decode(errors="replace").strip().splitlines()
            raise ShareFailed(why[-1] if why else "pmtui share did not start")
        self.process = process
        self.url = line.decode().strip()
        return self.url

    def stop(self) -> None:
        process, self.process, self.url = self.process, None, ""
        if process is not None and process.returncode is None:
            if process.stdin is not None:
                process.stdin.close()
            with contextlib.suppress(ProcessLookupError):
                process.terminate()

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
