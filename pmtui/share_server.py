"""The attendees' read-only live page over HTTP, with the standard library only.

It answers GET on four fixed routes — the page, its script, its style sheet and the state
the page polls — and nothing else: no file from disk but the session (read by
``sessions.live_page``), no listing, no other method, so nothing a browser sends can change
the session. On 127.0.0.1 it also checks the Host header, so a web page elsewhere can't reach
it by pointing its own name at 127.0.0.1 (DNS rebinding). Exposed on the network (``--host``)
every route sits under a random token, and a request without it is refused.

The standard library's threading server is enough: each poll is a dictionary lookup and a
write of bytes prepared once per change of the file.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, urlsplit

from sessions.live_page import LivePage

WATCH_EVERY = 0.25
"""Seconds between looks at the file's stat (the page polls once a second)."""

MAX_CONNECTIONS = 256
"""Open connections at once; more are closed at once (each one holds a thread)."""

IDLE_TIMEOUT = 30.0
"""Seconds a connection may sit idle (a poller sends every second)."""

_ASSETS = {
    "": ("page.html", "text/html; charset=utf-8"),
    "page.js": ("page.js", "text/javascript; charset=utf-8"),
    "page.css": ("page.css", "text/css; charset=utf-8"),
}

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' https: data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    # The token is in the URL: never send it on to a link's site.
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def _asset(name: str) -> bytes:
    return resources.files("pmtui").joinpath("share_page", name).read_bytes()


@dataclass(frozen=True)
class Access:
    """Who may read: on loopback, requests naming this machine; else, those with the token."""

    token: str
    loopback: bool
    port: int

    def prefix(self) -> str:
        return f"/{self.token}/" if self.token else "/"

    def allowed_host(self, host: str | None) -> bool:
        if self.token or not self.loopback:
            return True
        names = ("127.0.0.1", "localhost", "[::1]")
        return host in {f"{name}:{self.port}" for name in names}

    def route(self, path: str) -> str | None:
        """The route under the prefix ("" for the page), or None when the token is wrong."""
        prefix = self.prefix()
        if not self.token:
            return path[1:] if path.startswith("/") else None
        given, _, rest = path[1:].partition("/")
        if hmac.compare_digest(given.encode(), self.token.encode()) and path.startswith(prefix):
            return rest
        return None


class ShareServer(ThreadingHTTPServer):
    """Serves one LivePage; ``watch()`` keeps it fresh from a thread of its own."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 64

    def __init__(self, page: LivePage, host: str, port: int, token: str) -> None:
        self.page = page
        self.assets = {route: (_asset(name), kind) for route, (name, kind) in _ASSETS.items()}
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.address_family = family
        super().__init__((host, port), ShareHandler)
        self.access = Access(token, _is_loopback(host), self.server_address[1])
        self._open = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self._stop = threading.Event()

    # --- connections, bounded -----------------------------------------------------------

    def process_request(self, request, client_address) -> None:  # type: ignore[override]
        if not self._open.acquire(blocking=False):
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:  # type: ignore[override]
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._open.release()

    def handle_error(self, request, client_address) -> None:
        """A reader that goes away mid-answer is no error worth a traceback on the terminal."""

    # --- the file -----------------------------------------------------------------------

    def watch(self) -> threading.Thread:
        def loop() -> None:
            while not self._stop.wait(WATCH_EVERY):
                self.page.refresh()

        thread = threading.Thread(target=loop, name="pmtui-share-watch", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self._stop.set()
        self.shutdown()
        self.server_close()

    # --- the address to give people -----------------------------------------------------

    def url(self) -> str:
        host = self.server_address[0]
        if host in ("0.0.0.0", "::"):
            host = _this_machine()
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.server_address[1]}{self.access.prefix()}"


class ShareHandler(BaseHTTPRequestHandler):
    server: ShareServer
    protocol_version = "HTTP/1.1"  # keep-alive: a poller reuses its connection
    timeout = IDLE_TIMEOUT
    server_version = "pmtui-share"

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        access = self.server.access
        if not access.allowed_host(self.headers.get("Host")):
            self._refuse(HTTPStatus.FORBIDDEN, "Open the page by the address pmtui printed.")
            return
        parts = urlsplit(self.path)
        if access.token and hmac.compare_digest(parts.path, f"/{access.token}"):
            self._redirect(access.prefix())  # the link without its last slash
            return
        route = access.route(parts.path)
        if route is None:
            self._refuse(HTTPStatus.FORBIDDEN, "This page needs the link with its token.")
            return
        if route == "state":
            query = parse_qs(parts.query)
            body = self.server.page.state(
                query.get("m", [""])[0][:64], query.get("d", [""])[0][:64]
            )
            self._send(HTTPStatus.OK, body, "application/json; charset=utf-8")
        elif route in self.server.assets:
            body, kind = self.server.assets[route]
            self._send(HTTPStatus.OK, body, kind)
        else:
            self._refuse(HTTPStatus.NOT_FOUND, "Not here: this server shows one page.")

    def _not_allowed(self) -> None:
        self._refuse(HTTPStatus.METHOD_NOT_ALLOWED, "Read-only: GET only.", {"Allow": "GET"})

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed
    do_TRACE = do_CONNECT = _not_allowed

    def _send(
        self, status: HTTPStatus, body: bytes, kind: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**SECURITY_HEADERS, **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _refuse(self, status: HTTPStatus, why: str, headers: dict[str, str] | None = None) -> None:
        self.close_connection = True
        self._send(status, why.encode() + b"\n", "text/plain; charset=utf-8", headers)

    def _redirect(self, where: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Silent: a request line holds the token, and the terminal is the facilitator's."""


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _this_machine() -> str:
    """An address others can use for "all interfaces": this machine's name, or the address
    it resolves to locally (no packet is sent to find it)."""
    name = socket.gethostname()
    try:
        address = socket.gethostbyname(name)
    except OSError:
        return name
    return name if ipaddress.ip_address(address).is_loopback else address


LOCAL = "127.0.0.1"


def make_server(page: LivePage, host: str | None = None, port: int = 0) -> ShareServer:
    """A server for ``page`` on 127.0.0.1, or on ``host`` with a random token."""
    if host is None:
        return ShareServer(page, LOCAL, port, "")
    return ShareServer(page, host, port, secrets.token_urlsafe(16))
