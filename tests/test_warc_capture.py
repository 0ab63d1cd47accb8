"""WARC capture in real crawls (real processes, servers on 127.0.0.1), checked against what
the servers actually sent."""

import gzip
import hashlib
import json
import re
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest
from testkit import free_port, rows, tuyengiao, warcio

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.archive.fetches import fetch_for_article, replay
from tuyengiao_crawler.archive.warc import iter_records, read_record, warc_files
from tuyengiao_crawler.demo_site.server import DemoSite

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((ROOT / "tuyengiao_crawler/demo_site/manifest.json").read_text("utf-8"))
ARTICLE_PATHS = {a["path"] for a in MANIFEST["articles"]}
REDIRECTS = MANIFEST["site"]["redirects"]
GONE = "/btg/tin-hoat-dong/bai-da-go-9999.html"
RUN_CRAWL = (
    "import json, sys\n"
    "from tuyengiao_crawler.runner import run_crawl\n"
    "run = run_crawl([sys.argv[1]], sys.argv[2], profile=sys.argv[3] or None,"
    " overrides=json.loads(sys.argv[4]))\n"
    "print(json.dumps(run))\n"
)


def run_crawl(start_url, db, profile="", **overrides):
    """runner.run_crawl in a fresh process (Twisted's reactor cannot restart)."""
    return subprocess.run(
        [sys.executable, "-c", RUN_CRAWL, start_url, str(db), profile, json.dumps(overrides)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def served(url):
    """The bytes the server sends for a URL (an error page's body too), without redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    db = tmp_path_factory.mktemp("warc") / "archive.sqlite"
    with DemoSite(port=0) as site:
        result = tuyengiao(
            "crawl", "--site", "demo", "--start-url", site.url + "/", "--db", str(db)
        )
        requests = site.requests
        fetched = rows(db, "SELECT * FROM fetches ORDER BY id")
        truth = {f["url"]: served(f["url"]) for f in fetched}
    assert result.returncode == 0, result.stdout + result.stderr
    return {
        "db": db,
        "warc": db.parent / "warc",
        "base": site.url,
        "requests": requests,
        "fetches": fetched,
        "truth": truth,
    }


def by_path(fetches):
    table = {}
    for fetch in fetches:
        table.setdefault(urlsplit(fetch["url"]).path, []).append(fetch)
    return table


def test_every_warc_file_passes_warcio_check_and_index(crawl):
    files = warc_files(crawl["warc"])
    assert files, "no WARC written beside the archive"
    for path in files:
        check = warcio("check", "-v", path)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "failed" not in check.stdout and check.stderr == ""
        assert check.stdout.count("digest pass") == check.stdout.count("WARC-Record-ID")
        index = warcio("index", "-f", "offset,length,warc-type,warc-target-uri,http:status", path)
        assert index.returncode == 0 and index.stderr == ""
        entries = [json.loads(line) for line in index.stdout.splitlines()]
        assert entries[0]["warc-type"] == "warcinfo"
        assert {e["warc-type"] for e in entries[1:]} == {"request", "response"}
    # one response and one request record per fetch, and one warcinfo per file
    records = sum(len(list(iter_records(path))) for path in files)
    assert records == 2 * len(crawl["fetches"]) + len(files)


def test_every_fetch_points_at_its_record(crawl):
    records = {}
    for path in warc_files(crawl["warc"]):
        scan = iter_records(path)
        for record in scan:
            records[(path.name, record.offset)] = record
        assert scan.torn_at is None
    assert crawl["fetches"]
    for fetch in crawl["fetches"]:
        record = records[(fetch["warc_file"], fetch["warc_offset"])]
        assert record.rec_type == "response"
        assert record.target_uri == fetch["url"]
        assert record.length == fetch["warc_length"]
        assert record.http_status == fetch["status"]
        assert hashlib.sha256(record.payload).hexdigest() == fetch["payload_sha256"]
        assert len(record.payload) == fetch["content_length"]
        # the request record that goes with it
        request = next(
            r
            for r in records.values()
            if r.header("WARC-Concurrent-To") == record.header("WARC-Record-ID")
        )
        assert request.rec_type == "request" and request.target_uri == fetch["url"]


def test_every_request_the_server_saw_is_a_fetch_with_the_right_status(crawl):
    fetches = by_path(crawl["fetches"])
    seen = [urlsplit(path).path for _, path in crawl["requests"]]
    assert sorted(seen) == sorted(urlsplit(f["url"]).path for f in crawl["fetches"])
    assert [f["status"] for f in fetches["/robots.txt"]] == [200]
    for old in REDIRECTS:
        assert [f["status"] for f in fetches[old]] == [301]
    assert [f["status"] for f in fetches[GONE]] == [404]
    for path in ARTICLE_PATHS:
        assert [f["status"] for f in fetches[path]] == [200], path
    (run,) = rows(crawl["db"], "SELECT id FROM crawl_runs")
    assert {f["run_id"] for f in crawl["fetches"]} == {run["id"]}
    assert all(f["error"] is None and f["method"] == "GET" for f in crawl["fetches"])


def test_records_are_what_the_server_sent(crawl):
    for fetch in crawl["fetches"]:
        status, payload = crawl["truth"][fetch["url"]]
        got_status, headers, got = read_record(
            crawl["warc"], fetch["warc_file"], fetch["warc_offset"]
        )
        assert (got_status, got) == (status, payload), fetch["url"]
        names = {name.lower(): value for name, value in headers}
        assert names.get("content-type") == fetch["content_type"]
        assert names.get("etag") == fetch["etag"]
        assert names.get("last-modified") == fetch["last_modified"]
    robots = by_path(crawl["fetches"])["/robots.txt"][0]
    robots_bytes = read_record(crawl["warc"], robots["warc_file"], robots["warc_offset"])[2]
    assert crawl["base"].encode() in robots_bytes  # {{BASE_URL}} as the server filled it in
    gone = by_path(crawl["fetches"])[GONE][0]
    page = (ROOT / "tuyengiao_crawler/demo_site/www/404.html").read_bytes()
    assert read_record(crawl["warc"], gone["warc_file"], gone["warc_offset"])[2] == page
    moved = by_path(crawl["fetches"])[next(iter(REDIRECTS))][0]
    headers = dict(read_record(crawl["warc"], moved["warc_file"], moved["warc_offset"])[1])
    assert headers["Location"] == crawl["base"] + REDIRECTS[next(iter(REDIRECTS))]


def test_every_article_replays_byte_identical(crawl):
    www = ROOT / "tuyengiao_crawler/demo_site/www"
    with Archive(crawl["db"]) as archive:
        articles = archive.conn.execute("SELECT id, url FROM articles").fetchall()
        assert {urlsplit(url).path for _, url in articles} == ARTICLE_PATHS
        for article_id, url in articles:
            fetch = fetch_for_article(archive, article_id)
            assert fetch is not None and fetch["status"] == 200, url
            payload = replay(archive, fetch["id"], crawl["warc"])
            path = urlsplit(fetch["url"]).path
            assert payload == (www / path.lstrip("/")).read_bytes(), url
            assert hashlib.sha256(payload).hexdigest() == fetch["payload_sha256"]
            assert urlsplit(url).path == path


def test_warcio_extract_replays_a_cited_record(crawl):
    fetch = by_path(crawl["fetches"])[sorted(ARTICLE_PATHS)[0]][0]
    extracted = subprocess.run(
        [
            sys.executable,
            "-m",
            "warcio.cli",
            "extract",
            "--payload",
            str(crawl["warc"] / fetch["warc_file"]),
            str(fetch["warc_offset"]),
        ],
        capture_output=True,
        timeout=60,
    )
    assert extracted.returncode == 0
    assert extracted.stdout == crawl["truth"][fetch["url"]][1]


def test_capture_off_still_indexes_fetches(tmp_path):
    db = tmp_path / "archive.sqlite"
    with DemoSite(port=0) as site:
        result = run_crawl(site.url + "/", db, "demo", TUYENGIAO_WARC_MAX_BYTES=0)
        requests = site.requests
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "warc").exists()
    fetches = rows(db, "SELECT * FROM fetches")
    assert len(fetches) == len(requests)
    assert all(f["warc_file"] is None and f["warc_offset"] is None for f in fetches)
    assert all(len(f["payload_sha256"]) == 64 for f in fetches)
    linked = rows(
        db,
        "SELECT fetches.status FROM articles JOIN fetches ON fetches.id = articles.fetch_id",
    )
    assert len(linked) == len(ARTICLE_PATHS) and {r["status"] for r in linked} == {200}


def test_rotation_in_a_real_crawl(tmp_path):
    db = tmp_path / "archive.sqlite"
    folder = tmp_path / "elsewhere"
    with DemoSite(port=0) as site:
        result = run_crawl(
            site.url + "/",
            db,
            "demo",
            TUYENGIAO_WARC_MAX_BYTES=40_000,
            TUYENGIAO_WARC_DIR=str(folder),
        )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "warc").exists()
    files = warc_files(folder)
    assert len(files) >= 4
    for path in files:
        assert warcio("check", path).returncode == 0
    fetches = rows(db, "SELECT * FROM fetches")
    assert {f["warc_file"] for f in fetches} == {p.name for p in files}
    for fetch in fetches:
        assert (
            hashlib.sha256(
                read_record(folder, fetch["warc_file"], fetch["warc_offset"])[2]
            ).hexdigest()
            == fetch["payload_sha256"]
        )


# A server that compresses and chunks, to see what is stored as transferred.

PAGE = (
    "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Trang nén</title>"
    "</head><body><h1>Trang nén</h1><a href='/chunked.html'>tiếp</a></body></html>"
).encode()
CHUNKED_PAGE = (
    "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Từng khúc</title>"
    "</head><body><p>Nội dung gửi từng khúc.</p></body></html>"
).encode()


class CompressingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    sent: ClassVar[dict[str, bytes]] = {}

    def log_message(self, *args):
        return

    def do_GET(self):
        if self.path == "/":
            body = gzip.compress(PAGE, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/chunked.html":
            body = gzip.compress(CHUNKED_PAGE, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(body), 40):
                piece = body[start : start + 40]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        else:
            body = b"not here"
            self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        self.sent[self.path] = body


def test_compressed_and_chunked_bodies_are_stored_as_transferred(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), CompressingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        result = run_crawl(url, tmp_path / "a.sqlite")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    fetches = {
        urlsplit(f["url"]).path: f for f in rows(tmp_path / "a.sqlite", "SELECT * FROM fetches")
    }
    # the link inside the gzip page was followed: Scrapy decompressed after capture
    assert set(fetches) == {"/robots.txt", "/", "/chunked.html"}
    warc = tmp_path / "warc"
    for path in ("/", "/chunked.html"):
        fetch = fetches[path]
        _, headers, payload = read_record(warc, fetch["warc_file"], fetch["warc_offset"])
        assert payload == CompressingHandler.sent[path]  # still gzip, as on the wire
        assert gzip.decompress(payload) == (PAGE if path == "/" else CHUNKED_PAGE)
        names = dict(headers)
        assert names["Content-Encoding"] == "gzip"
        assert "Transfer-Encoding" not in names  # the stored body is not chunked
        assert fetch["payload_sha256"] == hashlib.sha256(payload).hexdigest()
    # Twisted consumes the connection-control headers: a chunked response reaches Scrapy
    # (and the WARC) with neither Transfer-Encoding nor a Content-Length
    chunked = fetches["/chunked.html"]
    names = dict(read_record(warc, chunked["warc_file"], chunked["warc_offset"])[1])
    assert "Content-Length" not in names
    assert names["Content-Type"] == "text/html; charset=utf-8"
    for path in warc_files(warc):
        check = warcio("check", "-v", path)
        assert check.returncode == 0 and "failed" not in check.stdout
    # warcio's own replay decodes the content-encoding
    fetch = fetches["/chunked.html"]
    extracted = subprocess.run(
        [
            sys.executable,
            "-m",
            "warcio.cli",
            "extract",
            "--payload",
            str(warc / fetch["warc_file"]),
            str(fetch["warc_offset"]),
        ],
        capture_output=True,
        timeout=60,
    )
    assert extracted.stdout == CHUNKED_PAGE


def test_failed_fetches_are_indexed_with_their_error(tmp_path):
    db = tmp_path / "a.sqlite"
    result = run_crawl(f"http://127.0.0.1:{free_port()}/", db)
    assert "Traceback" not in result.stderr
    fetches = rows(db, "SELECT * FROM fetches")
    (run,) = rows(db, "SELECT id FROM crawl_runs")
    assert fetches
    for fetch in fetches:
        assert fetch["status"] is None and fetch["warc_file"] is None
        # Scrapy >= 2.14 names it DownloadConnectionRefusedError, Twisted ConnectionRefusedError
        assert re.match(r"(Download)?ConnectionRefusedError: ", fetch["error"]), fetch["error"]
        assert fetch["run_id"] == run["id"]
    # robots.txt and the start page were both tried
    assert {urlsplit(f["url"]).path for f in fetches} == {"/robots.txt", "/"}
    assert not warc_files(tmp_path / "warc")


def test_timeouts_are_indexed(tmp_path):
    """A server that accepts and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
        run_crawl(url, tmp_path / "a.sqlite", DOWNLOAD_TIMEOUT=1, RETRY_ENABLED=False)
    finally:
        stop.set()
        thread.join(5)
        for conn in held:
            conn.close()
        listener.close()
    fetches = rows(tmp_path / "a.sqlite", "SELECT url, status, error FROM fetches")
    assert {urlsplit(f["url"]).path for f in fetches} == {"/robots.txt", "/"}
    for fetch in fetches:
        assert fetch["status"] is None
        assert re.match(r"(Download)?TimeoutError: .*1\.0 s", fetch["error"]), fetch["error"]
