"""A fast HTTP/1.1 server for the generated site (bench/site.py), on 127.0.0.1 only.

Runs in its own process (so it never competes with the crawl for the GIL), on asyncio with
keep-alive, and builds every page from memory. Like real sites it gzips HTML for clients
that accept it, and answers articles with ETag / Last-Modified and 304 to conditional
requests (so the incremental benchmark sees what a real incremental run sees).

    with SiteServer(articles=10_000) as server:
        server.url  # http://127.0.0.1:PORT

`python -m bench.server --articles N` serves until interrupted; `measure_server()` is the
concurrent client that checks the server is far faster than any crawl.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import zlib
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bench.site import Site

ROBOTS = b"User-agent: *\nDisallow: /admin/\n"
NOT_FOUND = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang'
    "</title></head><body><h1>404 - Không tìm thấy trang</h1></body></html>\n"
).encode()
ROOT = Path(__file__).resolve().parent.parent


def gzip_bytes(data: bytes) -> bytes:
    """gzip at level 1 (nginx's default `gzip_comp_level`), no timestamp."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


class Handler(asyncio.Protocol):
    def __init__(self, site: Site, stats: dict[str, int]) -> None:
        self.site = site
        self.stats = stats
        self.buffer = b""
        self.transport: Any = None

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            if not self.respond(head.decode("latin-1")):
                self.transport.close()
                return

    def respond(self, head: str) -> bool:
        lines = head.split("\r\n")
        try:
            method, target, version = lines[0].split(" ", 2)
        except ValueError:
            self.send(400, b"bad request\n", "text/plain", {}, False)
            return False
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        keep = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
        path = unquote(urlsplit(target).path) or "/"
        self.stats["requests"] += 1
        if path == "/robots.txt":
            self.send(200, ROBOTS, "text/plain; charset=utf-8", {}, keep, method == "HEAD")
            return keep
        asset = self.site.asset(path) if path.startswith("/uploads/") else None
        if asset is not None:
            self.send(200, asset[0], asset[1], {}, keep, method == "HEAD")
            return keep
        found = self.site.page(path)
        if found is None:
            self.send(404, NOT_FOUND, "text/html; charset=utf-8", {}, keep, method == "HEAD")
            return keep
        body, modified = found
        extra: dict[str, str] = {}
        if modified is not None:
            etag = f'"a{zlib.crc32(body):08x}"'
            extra = {"ETag": etag, "Last-Modified": format_datetime(modified, usegmt=True)}
            if _not_modified(headers, etag, modified):
                self.send(304, b"", None, extra, keep, True)
                return keep
        if "gzip" in headers.get("accept-encoding", ""):
            body = gzip_bytes(body)
            extra["Content-Encoding"] = "gzip"
            extra["Vary"] = "Accept-Encoding"
        self.send(200, body, "text/html; charset=utf-8", extra, keep, method == "HEAD")
        return keep

    def send(
        self,
        status: int,
        body: bytes,
        content_type: str | None,
        extra: dict[str, str],
        keep: bool,
        head_only: bool = False,
    ) -> None:
        reason = {200: "OK", 304: "Not Modified", 400: "Bad Request", 404: "Not Found"}[status]
        lines = [f"HTTP/1.1 {status} {reason}", "Server: bench-site"]
        if content_type:
            lines.append(f"Content-Type: {content_type}")
        lines += [f"{k}: {v}" for k, v in extra.items()]
        if status != 304:
            lines.append(f"Content-Length: {len(body)}")
        lines.append("Connection: keep-alive" if keep else "Connection: close")
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.transport.write(data if head_only or status == 304 else data + body)


def _not_modified(headers: dict[str, str], etag: str, modified: Any) -> bool:
    if "if-none-match" in headers:
        return etag in [t.strip() for t in headers["if-none-match"].split(",")]
    since = headers.get("if-modified-since")
    if since:
        try:
            return modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


async def _serve(site: Site, sock: socket.socket) -> None:
    loop = asyncio.get_running_loop()
    stats = {"requests": 0}
    server = await loop.create_server(lambda: Handler(site, stats), sock=sock)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    site = Site(args.articles, args.seed)
    site.by_category  # noqa: B018 - build the index before forking and serving
    # One listening socket, bound before anyone is told the port; forked workers share it.
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    sock.listen(1024)
    sock.setblocking(False)
    children = []
    for _ in range(args.workers - 1):
        pid = os.fork()
        if pid == 0:
            asyncio.run(_serve(site, sock))
            os._exit(0)
        children.append(pid)
    print(f"LISTENING {sock.getsockname()[1]}", flush=True)
    try:
        asyncio.run(_serve(site, sock))
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except OSError:
                pass
    return 0


class SiteServer:
    """The server in a child process, for a `with` block."""

    def __init__(self, articles: int, seed: int = 1, workers: int = 1) -> None:
        self.articles = articles
        self.seed = seed
        self.workers = workers
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
            f"--workers={self.workers}",
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
