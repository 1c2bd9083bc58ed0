"""The attendees' live page: how soon a save shows, and what fifty readers cost the app.

    python -m benchmarks.bench_share

1. Latency: the session file is saved (atomically, as the app saves it) and a real headless
   Chromium on the page notes, with a MutationObserver, when the new text appears; the
   difference of the two wall clocks (one machine) is the latency.
2. Load: the facilitator's app (headless, real clocks, autosave and guardrails on) shares
   its session the way F6 does (`pmtui share` as a child process), and bursts of typed keys
   are timed into the summary until the text field holds them all. Rounds alternate without
   readers and with 50 readers polling as the page does (once a second, keep-alive,
   fetching the document whenever it changes), in the same run; the ratio is the slowdown.
   The readers run in a process of their own on this machine at the lowest priority (in a
   meeting they are on the attendees' machines); the page's server runs as F6 starts it,
   a little below the app.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from textual import events

from pmtui.app import PostmortemApp
from pmtui.share_server import make_server
from sessions import load, save
from sessions.example import example_session
from sessions.live_page import LivePage

READERS = 50
KEYS_PER_BURST = 200
PAIRS = 24
SAVES = 12


# --- 1. save → page ------------------------------------------------------------------------

OBSERVE = """
window.__seen = {};
new MutationObserver(() => {
  const text = document.getElementById('doc').textContent;
  for (const m of text.matchAll(/MARK-(\\d+)/g)) {
    if (!(m[1] in window.__seen)) window.__seen[m[1]] = Date.now();
  }
}).observe(document.getElementById('doc'), {childList: true, subtree: true, characterData: true});
"""


def latency(folder: Path) -> list[float]:
    from tests import browser

    why = browser.install()
    if why:
        raise SystemExit(f"the latency needs the browser: {why}")
    path = folder / "latency.toml"
    save(example_session(), path)
    server = make_server(LivePage(path))
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    server.watch()
    driver = browser.chrome()
    try:
        driver.get(server.url())
        deadline = time.time() + 10
        while "Checkout" not in driver.find_element("id", "title").text:
            if time.time() > deadline:
                raise SystemExit("the page did not load")
            time.sleep(0.05)
        driver.execute_script(OBSERVE)
        written: dict[str, float] = {}
        session = load(path)
        for n in range(SAVES):
            time.sleep(0.37 + (n % 4) * 0.29)  # saves fall anywhere in the poll cycle
            session.summary = f"Summary as of save MARK-{n}."
            written[str(n)] = time.time()
            save(session, path)
        time.sleep(2.5)
        seen = {
            int(n): at / 1000 for n, at in driver.execute_script("return window.__seen").items()
        }
    finally:
        driver.quit()
        server.stop()
    # A save is shown once its text or a later save's is: two saves within one poll show
    # the later one, as they should.
    return [
        min((at for k, at in seen.items() if k >= int(n)), default=float("inf")) - written_at
        for n, written_at in written.items()
    ]


# --- 2. fifty readers, and the app's keys --------------------------------------------------

READER = textwrap.dedent(
    """
    import asyncio, json, sys, time

    host, port, prefix, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    done, slow = [], []

    async def reader(delay):
        await asyncio.sleep(delay)
        reader_, writer = await asyncio.open_connection(host, port)
        m = d = ""
        while True:
            start = time.perf_counter()
            path = f"{prefix}state?m={m}&d={d}"
            writer.write(f"GET {path} HTTP/1.1\\r\\nHost: {host}:{port}\\r\\n\\r\\n".encode())
            await writer.drain()
            head = await reader_.readuntil(b"\\r\\n\\r\\n")
            length = int(head.split(b"Content-Length: ")[1].split(b"\\r\\n")[0])
            state = json.loads(await reader_.readexactly(length))
            m, d = state["m"], state["d"]
            done.append(time.perf_counter() - start)
            await asyncio.sleep(1.0)

    async def main():
        tasks = [asyncio.create_task(reader(i / count)) for i in range(count)]
        while True:
            await asyncio.sleep(1.0)
            print(json.dumps(done), flush=True)
            done.clear()

    asyncio.run(main())
    """
)


class Readers:
    """``count`` pollers in a process of their own; their response times, collected."""

    def __init__(self, url: str, count: int) -> None:
        parts = urlsplit(url)
        self.process = subprocess.Popen(
            [sys.executable, "-c", READER, parts.hostname, str(parts.port), parts.path, str(count)],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.times: list[float] = []
        self._thread = threading.Thread(target=self._collect, daemon=True)
        self._thread.start()

    def _collect(self) -> None:
        for line in self.process.stdout:  # type: ignore[union-attr]
            self.times.extend(json.loads(line))

    def pause(self) -> None:
        """Every reader stops where it is (connections stay open, nothing is sent)."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        self.resume()
        self.process.terminate()
        self.process.wait(timeout=5)


async def typing_burst(app: PostmortemApp, area, count: int) -> float:
    """Seconds until ``count`` keys posted at once are all in the text field; then the text
    goes back as it was (untimed), so every burst types into the same text."""
    before = area.text
    target = len(before) + count
    start = time.perf_counter()
    for index in range(count):
        char = "abcdefghij "[index % 11]
        app.post_message(events.Key("space" if char == " " else char, char))
    while len(area.text) < target:
        await asyncio.sleep(0.0005)
    took = time.perf_counter() - start
    area.text = before
    return took


async def keys_under_load(folder: Path) -> dict[str, list[float]]:
    """Bursts timed in pairs, readers paused then polling, so the machine's other load (it
    changes from minute to minute on a shared machine) weighs on both sides of each pair."""
    path = folder / "meeting.toml"
    save(example_session(), path)
    app = PostmortemApp(path, start_mode="drafting")
    results: dict[str, list[float]] = {"alone": [], "readers": [], "poll": []}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        url = await app.sharing.start(path, network=False)
        await app.screen.show_part("summary", focus_editor=True)
        await pilot.pause()
        area = app.focused
        readers = Readers(url, READERS)
        await asyncio.sleep(2.5)  # every reader connected and polling
        for _ in range(4):  # warm up: the first saves and guardrail runs
            await typing_burst(app, area, KEYS_PER_BURST)
            await asyncio.sleep(0.7)
        for pair in range(PAIRS):
            for loaded in (pair % 2 == 0, pair % 2 == 1):  # ABBA: neither side always first
                readers.resume() if loaded else readers.pause()
                await asyncio.sleep(1.2)  # polls (or none) under way; autosaves land
                took = await typing_burst(app, area, KEYS_PER_BURST)
                results["readers" if loaded else "alone"].append(took)
        # The polls' own times, with the readers never paused (a pause would count in them).
        readers.resume()
        await asyncio.sleep(1.5)
        readers.times.clear()
        for _ in range(6):
            await typing_burst(app, area, KEYS_PER_BURST)
            await asyncio.sleep(0.7)
        results["poll"] = list(readers.times)
        readers.stop()
        app.sharing.stop()
    return results


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lat = sorted(latency(folder))
        print(f"Save → page shows it ({len(lat)} saves, real headless Chromium, 1 s polling):")
        print(
            f"  median {statistics.median(lat):.2f} s · p90 {lat[int(len(lat) * 0.9) - 1]:.2f} s"
            f" · max {lat[-1]:.2f} s (promise: within 2 s)"
        )
        results = asyncio.run(keys_under_load(folder))
    alone, loaded = results["alone"], results["readers"]
    base, busy = statistics.median(alone), statistics.median(loaded)
    pairs = [b / a for a, b in zip(alone, loaded, strict=True)]
    per_key = 1000 / KEYS_PER_BURST
    print(
        f"\nThe app's key handling: {KEYS_PER_BURST} typed keys a burst, {PAIRS} pairs of "
        f"bursts (readers paused / {READERS} readers polling), same run, load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores:"
    )
    print(f"  alone        median {base * per_key:.2f} ms a key")
    print(f"  {READERS} readers   median {busy * per_key:.2f} ms a key")
    print(
        f"  ratio        {busy / base:.3f} of the medians; {statistics.median(pairs):.3f} "
        "the median pair (limit 1.10)"
    )
    poll = sorted(results["poll"])
    if poll:
        print(
            f"  the readers' polls: {len(poll)} answered, median "
            f"{statistics.median(poll) * 1000:.1f} ms, "
            f"p99 {poll[int(len(poll) * 0.99)] * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
