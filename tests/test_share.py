"""`pmtui share`: the live page's state from the file alone, and a server that answers GET on
its own routes only (the page in a real browser: tests/test_share_browser.py)."""

import datetime as dt
import http.client
import json
import subprocess
import sys
import threading
from urllib.parse import urlsplit

import pytest

from pmtui.cli import main
from pmtui.share_server import make_server
from sessions import load, save
from sessions.example import example_session
from sessions.live_page import STALE_AFTER, LivePage, document_html, meeting_state
from sessions.meeting_timer import MeetingTimer

NOW = dt.datetime(2025, 1, 17, 15, 0, tzinfo=dt.UTC)


# --- the state, from the file -------------------------------------------------------------


def test_the_page_knows_the_section_the_agenda_and_the_running_clock(example):
    example.meeting.agenda[0].spent_seconds = 600  # the timeline review, ten minutes in
    clock = [1000.0]
    timer = MeetingTimer(
        example.meeting,
        clock=lambda: clock[0],
        wall=lambda: NOW + dt.timedelta(seconds=clock[0] - 1000),
    )
    timer.go_to(1)
    timer.start()
    clock[0] += 90.4
    timer.sync()  # what the app's save writes
    state = meeting_state(example, saved_at=NOW, now=NOW + dt.timedelta(seconds=95))
    assert [s["state"] for s in state["agenda"]] == ["done", "current", "next", "later", "later"]
    assert state["clock"]["section"] == "Contributing factors"
    assert state["incident"] == "INC-4211 · SEV2 · 2025-01-15"
    c = state["clock"]
    now_ms = (NOW + dt.timedelta(seconds=95)).timestamp() * 1000
    assert c["spent"] + (now_ms - c["since"]) / 1000 == pytest.approx(95, abs=0.5)
    assert not c["revisit"]

    # Back in a section the meeting has gone past, the page and the facilitator's clock
    # agree, from the file alone: its plan left counts down, and the time beyond it is extra
    # (the page reads "extra" where the time left is below zero and "revisit" is set).
    def page_extra() -> bool:
        state = meeting_state(example, saved_at=NOW, now=NOW + dt.timedelta(seconds=100))
        c = state["clock"]
        return c["revisit"] and c["planned"] - c["spent"] < 0

    timer.previous()  # the timeline review, 10 of its 20 minutes left: no extra time
    clock[0] += 5
    timer.sync()
    assert page_extra() is timer.revisiting() is False
    timer.go_to(1)
    example.meeting.agenda[0].spent_seconds = 21 * 60  # its plan used up: extra time
    timer.previous()
    assert page_extra() is timer.revisiting() is True


def test_a_running_clock_left_by_a_closed_app_reads_as_paused(example):
    example.meeting.running_since = NOW
    later = NOW + dt.timedelta(seconds=STALE_AFTER + 1)
    state = meeting_state(example, saved_at=NOW, now=later)
    assert state["clock"]["since"] is None and state["clock"]["stale"]
    fresh = meeting_state(example, saved_at=NOW, now=NOW + dt.timedelta(seconds=30))
    assert fresh["clock"]["since"] is not None


def test_user_text_is_escaped_in_the_document(example):
    example.summary = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:y)'
    example.action_items[0] = example.action_items[0].model_copy(update={"action": "a\nb <i>"})
    from sessions import to_markdown

    html = "".join(piece["html"] for piece in document_html(to_markdown(example)))
    assert "<script" not in html and "<img src=x" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a<br>b &lt;i&gt;" in html  # the export's own line break in a cell, and text
    ids = [piece["id"] for piece in document_html(to_markdown(example))]
    assert ids[0] == "top" and "s-timeline" in ids and len(ids) == len(set(ids))


def test_readers_get_only_what_changed_and_the_page_follows_the_file(example_file):
    page = LivePage(example_file)
    first = json.loads(page.state())
    assert {"meeting", "doc"} <= set(first)
    again = json.loads(page.state(first["m"], first["d"]))
    assert "meeting" not in again and "doc" not in again and again["now"]
    session = load(example_file)
    session.summary = "Rewritten during the meeting."
    save(session, example_file)
    assert page.refresh()
    changed = json.loads(page.state(first["m"], first["d"]))
    assert "Rewritten during the meeting." in json.dumps(changed["doc"])
    assert not page.refresh()  # nothing new: no new version


def test_a_file_broken_meanwhile_keeps_the_last_good_page(example_file):
    page = LivePage(example_file)
    example_file.write_text("schema_version = 2\n[metadata\n", encoding="utf-8")
    page.refresh()
    state = json.loads(page.state())
    assert "can't be read now" in state["meeting"]["problem"]
    assert "Checkout errors" in state["meeting"]["title"]


# --- the server ---------------------------------------------------------------------------


@pytest.fixture
def serve(example_file):
    servers = []

    def start(host=None):
        server = make_server(LivePage(example_file), host)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def request(server, path, method="GET", host=None):
    address, port = server.server_address[:2]
    connection = http.client.HTTPConnection(address, port, timeout=5)
    connection.putrequest(method, path, skip_host=True)
    connection.putheader("Host", host or f"127.0.0.1:{port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response, body


def test_the_page_its_files_and_its_state_are_served_read_only(serve):
    server = serve()
    assert server.url() == f"http://127.0.0.1:{server.server_address[1]}/"
    status, response, body = request(server, "/")
    assert status == 200 and b'<script src="page.js"' in body
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    for path, kind in (("/page.js", "javascript"), ("/page.css", "css"), ("/state", "json")):
        status, response, _ = request(server, path)
        assert status == 200 and kind in response.headers["Content-Type"]
    for method in ("POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"):
        assert request(server, "/state", method)[0] == 405
    for path in (
        "/../incident.toml",
        "/incident.toml",
        "/%2e%2e/",
        "/page.js/",
        "/state/x",
        "/index.html",
    ):
        assert request(server, path)[0] == 404, path


def test_on_this_machine_only_names_of_this_machine_are_answered(serve):
    server = serve()
    port = server.server_address[1]
    assert request(server, "/", host=f"localhost:{port}")[0] == 200
    assert request(server, "/", host=f"attacker.example:{port}")[0] == 403  # DNS rebinding


def test_on_the_network_every_request_needs_the_token(serve):
    server = serve("127.0.0.1")  # --host given: a token, whatever the address
    path = urlsplit(server.url()).path
    token = path.strip("/")
    assert len(token) >= 20
    assert request(server, path, host="pmtui.example:80")[0] == 200
    assert request(server, f"{path}state")[0] == 200
    for refused in ("/", "/state", "/page.js", f"/{token[:-1]}/", f"/x{token}/", f"/{token}x/"):
        assert request(server, refused)[0] == 403, refused
    status, response, _ = request(server, f"/{token}")
    assert status == 301 and response.headers["Location"] == f"/{token}/"


def test_pmtui_share_prints_the_url_first_and_stops_with_the_app(example_file):
    child = subprocess.Popen(
        [sys.executable, "-m", "pmtui", "share", str(example_file), "--from-app"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        url = child.stdout.readline().decode().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        connection.request("GET", "/state")
        assert b"Checkout errors" in connection.getresponse().read()
        connection.close()
    finally:
        child.stdin.close()  # the app went away
        assert child.wait(timeout=5) == 0


def test_pmtui_share_refuses_a_file_it_cannot_read(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 2\n[metadata\n", encoding="utf-8")
    assert main(["share", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"pmtui: {bad}:2:")


def test_the_example_session_is_unharmed(example_file):
    before = example_file.read_bytes()
    page = LivePage(example_file)
    page.refresh()
    assert example_file.read_bytes() == before
    assert load(example_file) == example_session()
