"""The bundled demo site's ``www/`` served by the shared server (127.0.0.1 only by default).

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
from pathlib import Path

from .serving import (
    BackgroundSite,
    Request,
    Response,
    SiteHTTPServer,
    serve_until_interrupted,
)

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


class DemoFiles:
    """The `Pages` of a static tree: redirects, files, directory redirects, 404s, and
    validators (sha1 ETag; Last-Modified from the manifest, else a fixed date)."""

    def __init__(
        self, root: Path, redirects: dict[str, str], modified: dict[str, dt.datetime]
    ) -> None:
        self.root = root.resolve()
        self.redirects = redirects
        self.modified = modified

    def lookup(self, request: Request) -> Response | None:
        path = request.path
        if path in self.redirects:
            return _moved(request.base_url + self.redirects[path])
        file_path = self._resolve(path)
        if file_path is None:
            return None
        if file_path.is_dir():
            if not path.endswith("/"):
                return _moved(request.base_url + request.raw_path + "/")
            file_path = file_path / "index.html"
            if not file_path.is_file():
                return None
        data = file_path.read_bytes()
        if file_path.name in SUBSTITUTE_FILES and file_path.parent == self.root:
            data = data.replace(BASE_URL_PLACEHOLDER, request.base_url.encode())
        return Response(
            data,
            CONTENT_TYPES.get(file_path.suffix.lower(), "application/octet-stream"),
            etag='"' + hashlib.sha1(data).hexdigest() + '"',
            last_modified=self.modified.get(path, DEFAULT_LAST_MODIFIED),
        )

    def not_found(self) -> Response:
        page = self.root / "404.html"
        return Response(page.read_bytes() if page.is_file() else NOT_FOUND_HTML, status=404)

    def _resolve(self, path: str) -> Path | None:
        """Map a URL path into the www root; None for traversal or missing files."""
        if "\x00" in path or "\\" in path:
            return None
        parts = [p for p in path.split("/") if p]
        if any(p in (".", "..") for p in parts):
            return None
        normalized = posixpath.normpath("/" + "/".join(parts)).lstrip("/")
        candidate = (self.root / normalized).resolve() if normalized else self.root
        if candidate != self.root and self.root not in candidate.parents:
            return None
        if not candidate.exists():
            return None
        return candidate


def _moved(location: str) -> Response:
    return Response(b"", "text/plain; charset=utf-8", 301, {"Location": location})


class DemoSite(BackgroundSite):
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
        super().__init__(port, host)
        self.validators = validators
        self.root = Path(root) if root is not None else WWW_DIR
        self._redirects, self._modified = load_site_data(self.root.parent / "manifest.json")

    def make_server(self, address: tuple[str, int]) -> SiteHTTPServer:
        files = DemoFiles(self.root, self._redirects, self._modified)
        return SiteHTTPServer(address, files, validators=self.validators)

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(method, raw request path) of every request received so far."""
        return [(method, path) for _, method, path in self.log()]


def serve_forever(port: int = 8000, host: str = "127.0.0.1") -> None:
    """Serve the demo site in the foreground until Ctrl-C (for ``tuyengiao demo-site``)."""
    site = DemoSite(port=port, host=host)
    serve_until_interrupted(site, "Demo site: {url}/  (Ctrl-C to stop)", "Stopping demo site.")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Serve the bundled demo site.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    serve_forever(args.port, args.host)
