"""The attendees' live page in a real headless Chromium (Debian's), beside the real app.

One browser for the module. The app runs on real clocks here: the page counts down on the
wall clock, from what the app's autosave put in the file.
"""

import asyncio
import datetime as dt
import threading
import time
from urllib.parse import urlsplit

import pytest

from pmtui.share_server import make_server
from sessions.live_page import LivePage
from tests import browser
from tests.app_helpers import make_app, settle
from widgets.messages import SessionEdited

UPDATE_WITHIN = 2.0
"""Seconds from a save of the file to the page showing it (the issue's promise)."""


@pytest.fixture(scope="module")
def chrome():
    why = browser.install()
    driver = None
    if not why:
        try:
            driver = browser.chrome()
        except Exception as error:  # no selenium, a driver that won't start…
            why = f"Chromium did not start: {error}"
    if driver is None:
        if browser.on_ci():
            pytest.fail(f"CI runs the live page in a real browser, and: {why}", pytrace=False)
        pytest.skip(why)
    yield driver
    driver.quit()


class RealClock:
    def __call__(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


def serve(path, host=None):
    server = make_server(LivePage(path), host)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    server.watch()
    return server


def text(driver, element_id: str) -> str:
    return driver.find_element("id", element_id).text


def wait_for(check, within: float = UPDATE_WITHIN + 1, step: float = 0.05):
    """Poll ``check`` until it is truthy; (its value, seconds it took)."""
    start = time.monotonic()
    while True:
        value = check()
        if value or time.monotonic() - start > within:
            return value, time.monotonic() - start
        time.sleep(step)


def top_of(driver, selector: str) -> float:
    return driver.execute_script(
        "return document.querySelector(arguments[0]).getBoundingClientRect().top", selector
    )


async def test_the_page_follows_the_app_live_and_keeps_the_readers_place(chrome, tmp_path):
    app = make_app(tmp_path, clock=RealClock())
    server = serve(app.document.path)
    run = asyncio.to_thread
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await run(chrome.get, server.url())
            # The session: its title, the current section, the agenda, the whole document.
            shown, _ = await run(wait_for, lambda: text(chrome, "section") == "Timeline review")
            assert shown, text(chrome, "section")
            assert "Checkout errors" in text(chrome, "title")
            states = await run(
                chrome.execute_script,
                "return [...document.querySelectorAll('#agenda li')].map(li => li.dataset.state)",
            )
            assert states == ["current", "next", "later", "later", "later"]
            assert "Pool alarm" in text(chrome, "doc") or "14:" in text(chrome, "doc")
            assert await run(text, chrome, "countdown") == "20:00"

            # The reader scrolls down to the timeline; the summary above it grows.
            await run(
                chrome.execute_script,
                "const h = document.querySelector('section[data-id=s-timeline] h2');"
                "window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 150);",
            )
            before = await run(top_of, chrome, "section[data-id=s-timeline] h2")
            scrolled = await run(chrome.execute_script, "return window.scrollY")
            with app.editor.edit("summary", "summary"):
                app.editor.session.summary += "\n\nA new paragraph.\n\n" + "More words. " * 80
            app.post_message(SessionEdited("summary", "typed"))
            await settle(pilot)  # the autosave wrote the file
            saved = time.monotonic()
            grown, took = await run(wait_for, lambda: "A new paragraph." in text(chrome, "doc"))
            assert grown and took < UPDATE_WITHIN, took
            assert await run(chrome.execute_script, "return window.scrollY") > scrolled + 100
            after = await run(top_of, chrome, "section[data-id=s-timeline] h2")
            assert abs(after - before) < 2  # the reader's place, kept
            assert time.monotonic() - saved < UPDATE_WITHIN + 1

            # The facilitator starts the timer: the page counts down on its own.
            await pilot.press("s")
            await settle(pilot)
            running, _ = await run(wait_for, lambda: text(chrome, "state").startswith("▶ running"))
            assert running
            first = await run(text, chrome, "countdown")
            assert first.startswith("19:") or first == "20:00"
            # The page counts on between two updates (a second apart): "19:57" < "19:58".
            counted, _ = await run(wait_for, lambda: text(chrome, "countdown") < first)
            assert counted

            # The facilitator moves on and quits: the page follows, then says paused.
            await pilot.press("n")
            await settle(pilot)
            moved, _ = await run(
                wait_for, lambda: text(chrome, "section") == "Contributing factors"
            )
            assert moved
            await pilot.press("ctrl+q")
            await settle(pilot)
        paused, _ = await run(wait_for, lambda: text(chrome, "state").startswith("Paused"))
        assert paused, text(chrome, "state")
    finally:
        server.stop()


def test_on_the_network_a_request_without_the_token_is_refused(chrome, example_file):
    server = serve(example_file, "127.0.0.1")
    try:
        url = server.url()
        parts = urlsplit(url)
        chrome.get(f"{parts.scheme}://{parts.netloc}/")
        assert "needs the link with its token" in chrome.find_element("tag name", "body").text
        chrome.get(url)
        shown, _ = wait_for(lambda: text(chrome, "section") == "Timeline review")
        assert shown
    finally:
        server.stop()
