"""The one HTTP server of the local sites (demo, fault and benchmark), on 127.0.0.1 by default.

`LocalServer` is a ThreadingHTTPServer with a deep accept queue, daemon threads and a
request log. `SiteHTTPServer` answers through `SiteHandler` from `Pages` (anything with
`lookup(request)` and `not_found()`): ETag / Last-Modified and 304 from what the site gives,
gzip of HTML when asked for. `serve_in_thread`/`stop_serving` run a server in the
background; `serve_until_interrupted` serves in a command until SIGINT or SIGTERM.
"""

from __future__ import annotations

import datetime as dt
import signal
import threading
import time
import zlib
from collections import deque
from dataclasses import dataclass, field
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Protocol, TypeVar
from urllib.parse import unquote, urlsplit

# Requests remembered for `LocalServer.log` (tests ask "was /admin/ ever fetched?"); the
# oldest go first, so a 50,000-article benchmark crawl cannot grow it without bound.
LOG_SIZE = 100_000
HTML = "text/html; charset=utf-8"
_Running = TypeVar("_Running", bound="BackgroundSite")


class LocalServer(ThreadingHTTPServer):
    """Threaded server with a deep accept queue, quiet on client disconnects, logging
    every request as (monotonic time, method, raw path)."""

    # A crawl opens 16 connections at once: with socketserver's backlog of 5 the kernel
    # may drop connection attempts, and each drop costs the client a 1 s SYN retry.
    request_queue_size = 1024
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self.lock = threading.Lock()
        self.log: deque[tuple[float, str, str]] = deque(maxlen=LOG_SIZE)
        self.counts: dict[str, int] = {}
        # Set when stopping, so handlers that wait (hang, drip) give up at once.
        self.stopping = threading.Event()

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` of the bound socket."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def record(self, method: str, target: str) -> int:
        """Log a request; return how many requests for its path (query ignored) came before."""
        path = urlsplit(target).path
        with self.lock:
            self.log.append((time.monotonic(), method, target))
            seen = self.counts.get(path, 0)
            self.counts[path] = seen + 1
        return seen

    def requests(self) -> list[tuple[float, str, str]]:
        """A copy of the request log."""
        with self.lock:
            return list(self.log)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients (crawlers, tests) hang up mid-response; that is not worth a traceback.
        return


class QuietHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 keep-alive handler that logs nothing to stderr."""

    server: LocalServer
    protocol_version = "HTTP/1.1"
    server_version = "TuyenGiaoDemo/1.0"
    sys_version = ""
    timeout = 30
    # Headers and body leave in two writes: with Nagle's algorithm the body waited for the
    # client's delayed ACK of the headers, which halved a keep-alive client's request rate.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        return


@dataclass(frozen=True)
class Request:
    """What `Pages` need of a request: ``path`` is %-decoded, ``raw_path`` as sent;
    ``body`` is a POST's body (a postback's form fields), empty otherwise."""

    method: str
    raw_path: str
    path: str
    query: str
    base_url: str
    body: bytes = b""


@dataclass
class Response:
    """An answer from `Pages`; ``etag``/``last_modified`` make it conditional."""

    body: bytes
    content_type: str | None = HTML
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: dt.datetime | None = None


class Pages(Protocol):
    """What a `SiteHTTPServer` serves."""

    def lookup(self, request: Request) -> Response | None:
        """The answer to ``request``, or None for the site's 404."""

    def not_found(self) -> Response:
        """The 404 answer."""


def gzip_bytes(data: bytes) -> bytes:
    """gzip at level 1 (nginx's default `gzip_comp_level`), no timestamp."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


class SiteHTTPServer(LocalServer):
    """Serves `Pages`. ``validators``: send ETag/Last-Modified and answer 304 (off: like
    the many real sites that do neither); ``gzip``: compress HTML for clients asking."""

    def __init__(
        self, address: tuple[str, int], site: Pages, validators: bool = True, gzip: bool = False
    ) -> None:
        super().__init__(address, SiteHandler)
        self.site = site
        self.validators = validators
        self.gzip = gzip


class SiteHandler(QuietHandler):
    """GET, HEAD and POST (form postbacks) answered from ``server.site``."""

    server: SiteHTTPServer

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_POST(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        server = self.server
        server.record(self.command, self.path)
        parts = urlsplit(self.path)
        raw_path = parts.path or "/"
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        request = Request(
            self.command, raw_path, unquote(raw_path), parts.query, server.base_url, body
        )
        response = server.site.lookup(request) or server.site.not_found()
        headers = dict(response.headers)
        if server.validators and response.status == HTTPStatus.OK:
            if response.etag:
                headers["ETag"] = response.etag
            if response.last_modified:
                headers["Last-Modified"] = format_datetime(response.last_modified, usegmt=True)
            if self._not_modified(response.etag, response.last_modified):
                self._send(HTTPStatus.NOT_MODIFIED, b"", None, True, headers)
                return
        body = response.body
        if (
            server.gzip
            and response.status == HTTPStatus.OK
            and response.content_type == HTML
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            body = gzip_bytes(body)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self._send(response.status, body, response.content_type, head, headers)

    def _not_modified(self, etag: str | None, modified: dt.datetime | None) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return etag is not None and (
                "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
            )
        ims = self.headers.get("If-Modified-Since")
        if ims and modified is not None:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=dt.UTC)
            return modified.replace(microsecond=0) <= since
        return False

    def _send(
        self, status: int, body: bytes, ctype: str | None, head: bool, headers: dict[str, str]
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in headers.items():
            self.send_header(key, value)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and status != HTTPStatus.NOT_MODIFIED:
            self.wfile.write(body)


def serve_in_thread(server: LocalServer, name: str) -> threading.Thread:
    """Run `server` in a daemon thread."""
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=name, daemon=True
    )
    thread.start()
    return thread


def stop_serving(server: LocalServer, thread: threading.Thread | None) -> None:
    """Stop a server started with `serve_in_thread` and release its socket."""
    server.stopping.set()
    server.shutdown()
    server.server_close()
    if thread is not None:
        thread.join(timeout=5)


class BackgroundSite:
    """Base of the context managers that run a `LocalServer` in a background thread.

    ``url`` is ``http://HOST:PORT`` (no trailing slash); ``log()`` lists every request
    as (monotonic time, method, raw path), also after the site stopped; ``hits(path)``
    counts the requests for a path (query ignored) and ``times(path)`` says when."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = port
        self._server: LocalServer | None = None
        self._thread: threading.Thread | None = None
        self._log: deque[tuple[float, str, str]] = deque()

    def make_server(self, address: tuple[str, int]) -> LocalServer:
        """The bound server to run (a subclass's hook)."""
        raise NotImplementedError

    def start(self: _Running) -> _Running:
        """Bind and start serving; returns self."""
        if self._server is not None:
            return self
        self._server = self.make_server((self.host, self.port))
        self._log = self._server.log
        self.port = self._server.server_address[1]
        self._thread = serve_in_thread(self._server, f"{type(self).__name__}-{self.port}")
        return self

    def stop(self) -> None:
        """Stop serving and release the socket (again: nothing)."""
        if self._server is None:
            return
        stop_serving(self._server, self._thread)
        self._server = None
        self._thread = None

    @property
    def url(self) -> str:
        """Base URL without trailing slash."""
        return f"http://{self.host}:{self.port}"

    def log(self) -> list[tuple[float, str, str]]:
        """(monotonic time, method, raw path) of every request so far."""
        server = self._server
        return server.requests() if server is not None else list(self._log)

    def times(self, path: str) -> list[float]:
        """When ``path`` was requested (query string ignored)."""
        return [t for t, _, p in self.log() if urlsplit(p).path == path]

    def hits(self, path: str) -> int:
        """How many requests hit ``path`` (query string ignored)."""
        return len(self.times(path))

    def __enter__(self: _Running) -> _Running:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve_until_interrupted(site: BackgroundSite, message: str, farewell: str = "") -> None:
    """Run ``site`` in the foreground of a command: print ``message`` (``{url}`` and
    ``{port}`` filled in) once it listens, serve until SIGINT (Ctrl-C) or SIGTERM, print
    ``farewell`` (if any) and stop.

    The handlers are installed here because a process started in the background by a
    non-interactive shell inherits SIGINT ignored (Python then installs none), and before
    the message, so a signal sent as soon as it is read is not lost. The sleeps are short
    because the kernel may deliver the signal to a server thread, and Python's handler
    runs only when the main thread next wakes (a one-hour sleep once left `demo-site` deaf
    to SIGINT)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    try:
        with site:
            print(message.format(url=site.url, port=site.port), flush=True)
            while True:
                time.sleep(0.2)
    except KeyboardInterrupt:
        if farewell:
            print(farewell, flush=True)
