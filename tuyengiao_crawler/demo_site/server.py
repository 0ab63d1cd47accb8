"""A tiny threaded HTTP server for the bundled demo site (127.0.0.1 only by default).

Usage::

    with DemoSite(port=0) as site:
        urllib.request.urlopen(site.url + "/robots.txt")

Behaviour: query strings are ignored for static files; ``/tin-cu/<id>.html`` answers 301
(the map lives in ``manifest.json`` -> ``site.redirects``); missing files and path
traversal answer 404 with a small Vietnamese page; ``{{BASE_URL}}`` in robots.txt and
sitemap.xml is replaced by the live ``http://127.0.0.1:PORT``; responses carry a strong
``ETag`` (sha1 of the bytes) and a fixed ``Last-Modified`` (never the file mtime), and
conditional requests get 304.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import signal
import threading
import time
from collections import deque
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

PACKAGE_DIR = Path(__file__).resolve().parent
WWW_DIR = PACKAGE_DIR / "www"
MANIFEST_PATH = PACKAGE_DIR / "manifest.json"
BASE_URL_PLACEHOLDER = b"{{BASE_URL}}"
SUBSTITUTE_FILES = {"robots.txt", "sitemap.xml"}
# Fixed Last-Modified for every non-article file (articles use their own dates).
DEFAULT_LAST_MODIFIED = dt.datetime(2021, 6, 30, 0, 0, tzinfo=dt.UTC)
VN_TZ = dt.timezone(dt.timedelta(hours=7))

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".pdf": "application/pdf",
}

NOT_FOUND_HTML = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
    "<title>Không tìm thấy trang</title></head><body>"
    "<h1>404 - Không tìm thấy trang</h1>"
    '<p>Trang bạn yêu cầu không tồn tại hoặc đã bị gỡ bỏ. <a href="/">Về trang chủ</a></p>'
    "</body></html>\n"
).encode()


def _parse_iso(value: str) -> dt.datetime:
    if "T" not in value:
        return dt.datetime.fromisoformat(value).replace(tzinfo=VN_TZ)
    return dt.datetime.fromisoformat(value)


def load_site_data(
    manifest_path: Path = MANIFEST_PATH,
) -> tuple[dict[str, str], dict[str, dt.datetime]]:
    """Return (redirect map, per-path Last-Modified) from the manifest."""
    if not manifest_path.exists():
        return {}, {}
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    redirects = dict(manifest.get("site", {}).get("redirects", {}))
    modified: dict[str, dt.datetime] = {}
    for art in manifest.get("articles", []):
        stamp = art.get("updated_at") or art["published_at"]
        modified[art["path"]] = _parse_iso(stamp).astimezone(dt.UTC)
    return redirects, modified


class DemoHTTPServer(ThreadingHTTPServer):
    """Threaded server with a deep accept queue, quiet on client disconnects."""

    request_queue_size = 1024
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        root: Path,
        redirects: dict[str, str],
        modified: dict[str, dt.datetime],
    ) -> None:
        super().__init__(address, DemoRequestHandler)
        self.root = root.resolve()
        self.redirects = redirects
        self.modified = modified
        self.requests: deque[tuple[str, str]] = deque(maxlen=100_000)
        # Off: no ETag/Last-Modified and never 304, like many real sites.
        self.validators = True
        self.lock = threading.Lock()

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients (crawlers, tests) hang up mid-response; that is not worth a traceback.
        return


class DemoRequestHandler(BaseHTTPRequestHandler):
    """Serves the static tree with redirects, 404s, ETag/Last-Modified and 304s."""

    server: DemoHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "TuyenGiaoDemo/1.0"
    sys_version = ""
    timeout = 30

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    # ------------------------------------------------------------------ internals

    def _serve(self, head: bool) -> None:
        raw_path = urlsplit(self.path).path or "/"
        path = unquote(raw_path)
        with self.server.lock:
            self.server.requests.append((self.command, self.path))

        if path in self.server.redirects:
            target = self.server.base_url + self.server.redirects[path]
            self._send(
                HTTPStatus.MOVED_PERMANENTLY,
                b"",
                "text/plain; charset=utf-8",
                head,
                extra={"Location": target},
            )
            return

        file_path = self._resolve(path)
        if file_path is None:
            self._not_found(head)
            return
        if file_path.is_dir():
            if not path.endswith("/"):
                self._send(
                    HTTPStatus.MOVED_PERMANENTLY,
                    b"",
                    "text/plain; charset=utf-8",
                    head,
                    extra={"Location": self.server.base_url + raw_path + "/"},
                )
                return
            file_path = file_path / "index.html"
            if not file_path.is_file():
                self._not_found(head)
                return

        data = file_path.read_bytes()
        if file_path.name in SUBSTITUTE_FILES and file_path.parent == self.server.root:
            data = data.replace(BASE_URL_PLACEHOLDER, self.server.base_url.encode())
        ctype = CONTENT_TYPES.get(file_path.suffix.lower(), "application/octet-stream")
        etag = '"' + hashlib.sha1(data).hexdigest() + '"'
        modified = self.server.modified.get(path, DEFAULT_LAST_MODIFIED)
        headers = {"ETag": etag, "Last-Modified": format_datetime(modified, usegmt=True)}
        if not self.server.validators:
            headers = {}
        elif self._not_modified(etag, modified):
            self._send(HTTPStatus.NOT_MODIFIED, b"", None, True, extra=headers)
            return
        self._send(HTTPStatus.OK, data, ctype, head, extra=headers)

    def _resolve(self, path: str) -> Path | None:
        """Map a URL path into the www root; None for traversal or missing files."""
        if "\x00" in path or "\\" in path:
            return None
        parts = [p for p in path.split("/") if p]
        if any(p in (".", "..") for p in parts):
            return None
        normalized = posixpath.normpath("/" + "/".join(parts)).lstrip("/")
        candidate = (self.server.root / normalized).resolve() if normalized else self.server.root
        if candidate != self.server.root and self.server.root not in candidate.parents:
            return None
        if not candidate.exists():
            return None
        return candidate

    def _not_modified(self, etag: str, modified: dt.datetime) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=dt.UTC)
            return modified.replace(microsecond=0) <= since
        return False

    def _not_found(self, head: bool) -> None:
        page = self.server.root / "404.html"
        body = page.read_bytes() if page.is_file() else NOT_FOUND_HTML
        self._send(HTTPStatus.NOT_FOUND, body, "text/html; charset=utf-8", head)

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        ctype: str | None,
        head: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and status != HTTPStatus.NOT_MODIFIED:
            self.wfile.write(body)


def serve_in_thread(server: ThreadingHTTPServer, name: str) -> threading.Thread:
    """Run `server` in a daemon thread (for the demo and fault sites in tests and CLI)."""
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=name, daemon=True
    )
    thread.start()
    return thread


def stop_serving(server: ThreadingHTTPServer, thread: threading.Thread | None) -> None:
    """Stop a server started with `serve_in_thread` and release its socket."""
    server.shutdown()
    server.server_close()
    if thread is not None:
        thread.join(timeout=5)


class DemoSite:
    """Context manager running the demo site in a background thread.

    ``site.url`` is ``http://127.0.0.1:PORT`` (no trailing slash); ``site.requests`` lists
    every (method, raw path) received, e.g. to assert that ``/admin/`` was never fetched.
    """

    def __init__(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        root: Path | None = None,
        validators: bool = True,
    ) -> None:
        self.host = host
        self.validators = validators
        self.port = port
        self.root = Path(root) if root is not None else WWW_DIR
        manifest = self.root.parent / "manifest.json"
        self._redirects, self._modified = load_site_data(manifest)
        self._server: DemoHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> DemoSite:
        """Bind and start serving; returns self."""
        if self._server is not None:
            return self
        self._server = DemoHTTPServer(
            (self.host, self.port), self.root, self._redirects, self._modified
        )
        self._server.validators = self.validators
        self.port = self._server.server_address[1]
        self._thread = serve_in_thread(self._server, f"demo-site-{self.port}")
        return self

    def stop(self) -> None:
        """Stop serving and release the socket."""
        if self._server is None:
            return
        stop_serving(self._server, self._thread)
        self._server = None
        self._thread = None

    @property
    def url(self) -> str:
        """Base URL without trailing slash."""
        return f"http://{self.host}:{self.port}"

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(method, raw request path) of every request received so far."""
        if self._server is None:
            return []
        with self._server.lock:
            return list(self._server.requests)

    def hits(self, path: str) -> int:
        """How many requests hit ``path`` (query string ignored)."""
        return sum(1 for _, p in self.requests if urlsplit(p).path == path)

    def __enter__(self) -> DemoSite:
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


def wait_for_interrupt() -> None:
    """Sleep until SIGINT (Ctrl-C) or SIGTERM, raised as KeyboardInterrupt.

    The handlers are installed here because a process started in the background by a
    non-interactive shell inherits SIGINT ignored (Python then installs none). The sleeps
    are short because the kernel may deliver the signal to a server thread, and Python's
    handler runs only when the main thread next wakes (a one-hour sleep once left
    `demo-site` deaf to SIGINT)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    while True:
        time.sleep(0.2)


def serve_forever(port: int = 8000, host: str = "127.0.0.1") -> None:
    """Serve the demo site in the foreground until Ctrl-C (for ``tuyengiao demo-site``)."""
    site = DemoSite(port=port, host=host).start()
    print(f"Demo site: {site.url}/  (Ctrl-C to stop)", flush=True)
    try:
        wait_for_interrupt()
    except KeyboardInterrupt:
        print("Stopping demo site.", flush=True)
    finally:
        site.stop()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Serve the bundled demo site.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    serve_forever(args.port, args.host)
