"""The generated site (bench/site.py) on the project's one local server, 127.0.0.1 only.

Runs in its own process (so it never competes with the crawl for the GIL) and builds every
page from memory. Like real sites it gzips HTML for clients that accept it, and answers
articles with ETag / Last-Modified and 304 to conditional requests (so the incremental
benchmark sees what a real incremental run sees).

    with SiteServer(articles=10_000) as server:
        server.url  # http://127.0.0.1:PORT

`python -m bench.server --articles N` serves until interrupted; `measure_server()` is the
concurrent client that checks the server is far faster than any crawl.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path
from urllib.parse import urlsplit

from bench.site import Site
from tuyengiao_crawler.demo_site.serving import (
    BackgroundSite,
    Request,
    Response,
    SiteHTTPServer,
    serve_until_interrupted,
)

ROBOTS = b"User-agent: *\nDisallow: /admin/\n"
NOT_FOUND = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang'
    "</title></head><body><h1>404 - Không tìm thấy trang</h1></body></html>\n"
).encode()
ROOT = Path(__file__).resolve().parent.parent


class GeneratedPages:
    """The `Pages` the shared server answers from: robots.txt, the articles' images and
    PDFs, and the generated pages (articles conditional, by a CRC of their bytes)."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def lookup(self, request: Request) -> Response | None:
        path = request.path
        if path == "/robots.txt":
            return Response(ROBOTS, "text/plain; charset=utf-8")
        asset = self.site.asset(path) if path.startswith("/uploads/") else None
        if asset is not None:
            return Response(*asset)
        found = self.site.page(path)
        if found is None:
            return None
        body, modified = found
        if modified is None:
            return Response(body)
        return Response(body, etag=f'"a{zlib.crc32(body):08x}"', last_modified=modified)

    def not_found(self) -> Response:
        return Response(NOT_FOUND, status=404)


class GeneratedSite(BackgroundSite):
    """The generated site on the shared server, gzip on, in a background thread."""

    def __init__(self, site: Site, port: int = 0) -> None:
        super().__init__(port)
        self.site = site

    def make_server(self, address: tuple[str, int]) -> SiteHTTPServer:
        return SiteHTTPServer(address, GeneratedPages(self.site), gzip=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    site = Site(args.articles, args.seed)
    site.by_category  # noqa: B018 - build the index before anyone is told the port
    serve_until_interrupted(GeneratedSite(site, args.port), "LISTENING {port}")
    return 0


class SiteServer:
    """The server in a child process, for a `with` block."""

    def __init__(self, articles: int, seed: int = 1) -> None:
        self.articles = articles
        self.seed = seed
        self.process: subprocess.Popen[str] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> SiteServer:
        command = [
            sys.executable,
            "-m",
            "bench.server",
            f"--articles={self.articles}",
            f"--seed={self.seed}",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("LISTENING "):
            self.process.kill()
            raise RuntimeError(f"bench server did not start: {line!r}")
        self.port = int(line.split()[1])
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


async def _client(host: str, port: int, paths: list[str], gzip: bool) -> int:
    reader, writer = await asyncio.open_connection(host, port)
    extra = "Accept-Encoding: gzip, deflate\r\n" if gzip else ""
    done = 0
    for path in paths:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        await reader.readexactly(length)
        done += 1
    writer.close()
    return done


def measure_server(url: str, paths: list[str], connections: int = 16) -> float:
    """Requests per second the server answers to `connections` keep-alive clients
    (the crawl's concurrency) fetching `paths` with gzip."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    shares = [paths[i::connections] for i in range(connections)]

    async def run() -> int:
        counts = await asyncio.gather(*(_client(host, port, s, True) for s in shares))
        return sum(counts)

    started = time.perf_counter()
    count = asyncio.run(run())
    return count / (time.perf_counter() - started)


if __name__ == "__main__":
    raise SystemExit(main())
