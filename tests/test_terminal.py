"""The app in a real terminal (tmux): what a facilitator types at speed lands where it should,
and nothing a session file holds reaches the terminal as a control sequence.

Pilot drives the app without a terminal; these tests run `pmtui` in tmux at 80×24, send keys
several at a time (faster than it draws), read the screen with capture-pane and the raw bytes
it wrote with pipe-pane.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from sessions import save
from sessions.example import example_session
from tests.hostile import poisoned

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="needs tmux (apt-get install tmux)"
)


class Terminal:
    """One pmtui in a detached tmux session of its own."""

    def __init__(self, path: Path, raw: Path) -> None:
        self.name = f"pmtui-test-{uuid.uuid4().hex[:8]}"
        self.socket = self.name  # a tmux server of its own: nobody else's kill-server ends it
        command = f"{sys.executable} -m pmtui {path}"
        self.tmux("new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", command)
        self.tmux("pipe-pane", "-o", "-t", self.name, f"cat >> {raw}")

    def tmux(self, *args: str) -> str:
        run = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return run.stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def literal(self, text: str) -> None:
        """``text`` written to the terminal as it is, in one write (a paste's brackets too)."""
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, seconds: float = 40) -> str:
        return self.wait_until(lambda screen: text in screen, f"{text!r} never showed", seconds)

    def wait_until(self, shows, what: str, seconds: float = 40) -> str:
        """The screen once ``shows(screen)`` holds, polled every tenth of a second."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if shows(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{what}:\n{self.screen()}")

    def raw_until_exit(self, raw: Path, seconds: float = 40) -> str:
        """Everything the app wrote, once it has left the alternate screen (its last write)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            text = raw.read_bytes().decode("utf-8", errors="replace")
            if "\x1b[?1049l" in text:
                return text
            time.sleep(0.05)
        raise AssertionError("the app never left the alternate screen")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    opened: list[Terminal] = []

    def open_(session) -> Terminal:
        path = tmp_path / "incident.toml"
        save(session, path)
        term = Terminal(path, tmp_path / "raw.out")
        opened.append(term)
        return term

    yield open_
    for term in opened:
        term.close()


def test_keys_sent_in_one_burst_land_in_the_form_in_order(terminal):
    term = terminal(example_session())
    term.wait_for("Timeline review")
    term.keys("a", "n", "n", "n", "P", "P", "s")  # one write: faster than the app draws
    screen = term.wait_for("Time (UTC) * nnnPPs")  # the letters are in the time field
    assert "New event" in screen
    term.keys("Escape")
    term.wait_for("Discard what you typed?")
    term.keys("y")
    screen = term.wait_for("⏸ paused")
    assert "▶ 1/5 Timeline review" in screen  # the agenda did not move
    # A paste in the same write as the keys before it waits its turn behind them: it went
    # into the first field, or nowhere, while the form was opening (a tryout).
    term.literal("a14:13\t\x1b[200~Paged DB team\x1b[201~")
    screen = term.wait_for("Event *      Paged DB team")
    assert "Time (UTC) * 14:13 " in screen


def test_no_control_sequence_from_the_session_reaches_the_terminal(terminal, tmp_path):
    term = terminal(poisoned(example_session()))
    term.wait_for("Marker")  # the timeline's table is drawn
    term.keys("n", "2", "3", "n", "n", "n", "F3")  # every section's editor, then drafting
    term.wait_for("1 Metadata")
    for _ in range(16):  # every part of the document
        term.keys("M-Down")
    term.keys("F5")
    screen = term.wait_until(
        lambda screen: "Close preview" in screen and "Drawing the preview" not in screen,
        "the preview was never drawn",
    )
    term.keys("Escape", "C-q")
    raw = term.raw_until_exit(tmp_path / "raw.out")
    # The title's text made visible ("␛]2;PWNED"), or quoted by a finding ('\x1b]2;PWNED'):
    # inert either way; only a live OSC 2 would retitle the terminal.
    inert = raw.replace("␛]2;PWNED", "").replace("\\x1b]2;PWNED", "")
    assert "\x1b]52;" not in raw and "PWNED" not in inert
    assert "\x1b]8;;http://x" not in raw and "\x9b" not in raw and "\x90" not in raw
    assert "␛]" in raw  # the sequences were there, made visible
    assert screen.strip()  # and the screen was drawn
