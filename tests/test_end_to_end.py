"""Real crawls in a real process against servers on 127.0.0.1, checked against ground truth."""

import ast
import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from testkit import free_port, rows, tuyengiao

from tuyengiao_crawler.demo_site.server import DemoSite

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((ROOT / "tuyengiao_crawler/demo_site/manifest.json").read_text("utf-8"))
GENERIC_SITE = ROOT / "tests/fixtures/generic_site"


@pytest.fixture(scope="module")
def demo_crawl(tmp_path_factory):
    """`tuyengiao crawl --site demo` of the demo site, served here so its requests can be read."""
    db = tmp_path_factory.mktemp("demo") / "archive.sqlite"
    with DemoSite(port=0) as site:
        result = tuyengiao(
            "crawl", "--site", "demo", "--start-url", site.url + "/", "--db", str(db)
        )
        requests = list(site.requests)
    assert result.returncode == 0, result.stdout + result.stderr
    return db, result.stdout, requests


def test_demo_command_as_a_new_user_runs_it(tmp_path):
    db = tmp_path / "archive.sqlite"
    port = free_port()  # the default is 8000, demo-site's; a free one keeps tests apart
    result = tuyengiao("demo", "--db", str(db), "--port", port)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(MANIFEST['articles'])} articles" in result.stdout
    assert "Next:" in result.stdout
    # the run line says when, for a log; the planted dead link is explained
    assert re.search(r"^Run 1 \(full\): partial in [\d.]+s, finished 20\d\d-", result.stdout, re.M)
    assert (
        "(partial because the demo site links to 1 page it removed on purpose,"
        " /btg/tin-hoat-dong/bai-da-go-9999.html: a dead link on a real site is reported"
        " the same way)"
    ) in result.stdout
    # the archive's URLs are on the port demo-site serves again, as the next steps say
    assert f"demo-site --port {port}   # the demo site again" in result.stdout
    urls = {urlsplit(r["url"]).netloc for r in rows(db, "SELECT url FROM articles")}
    assert urls == {f"127.0.0.1:{port}"}
    count = rows(
        db,
        "SELECT count(*) AS n, count(published_at) AS dated, count(body_text) AS bodies FROM articles",
    )
    total = len(MANIFEST["articles"])
    assert count == [{"n": total, "dated": total, "bodies": total}]


def test_demo_on_a_busy_port_says_so_in_one_line(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = tuyengiao("demo", "--db", str(tmp_path / "a.sqlite"), "--port", port)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: cannot serve the demo site on 127.0.0.1:{port}: Address already in use"
        " (give --port 0 for any free port)"
    ]


def by_path(db):
    articles = rows(db, "SELECT * FROM articles")
    return {urlsplit(a["url"]).path: a for a in articles}


def test_demo_archives_every_article_exactly_once(demo_crawl):
    db, output, requests = demo_crawl
    archived = by_path(db)
    expected = {a["path"] for a in MANIFEST["articles"]}
    assert set(archived) == expected
    assert len(rows(db, "SELECT url FROM articles")) == len(expected)
    assert f"{len(expected)} articles" in output
    fetched = [urlsplit(path).path for method, path in requests]
    # URL variants (tracking parameters, fragments, session ids) and the redirect cost no refetch
    assert all(fetched.count(path) == 1 for path in expected), [
        p for p in expected if fetched.count(p) != 1
    ]
    assert not [path for path in fetched if path.startswith("/admin")]  # robots.txt obeyed
    assert fetched.count("/robots.txt") == 1
    assert "/tin-cu/1001.html" in fetched


def test_demo_articles_match_the_manifest(demo_crawl):
    db = demo_crawl[0]
    archived = by_path(db)
    for truth in MANIFEST["articles"]:
        got = archived[truth["path"]]
        where = truth["path"]
        assert got["title"] == truth["title"], where
        assert got["lead"] == truth["lead"], where
        assert got["category"] == truth["category"], where
        assert got["published_raw"] == truth["date_raw"], where
        assert got["published_at"] == truth["published_at"], where
        assert got["updated_at"] == truth["updated_at"], where
        assert got["body_text"].startswith(truth["body_first"]), where
        assert got["body_text"].endswith(truth["body_last"]), where
        assert got["byline"] == truth["byline_raw"], where


def test_demo_authors_documents_images_attachments(demo_crawl):
    db = demo_crawl[0]
    archived = by_path(db)
    for truth in MANIFEST["articles"]:
        article_id = archived[truth["path"]]["id"]
        where = truth["path"]
        authors = rows(
            db,
            "SELECT authors.name, role FROM article_authors JOIN authors ON authors.id = author_id"
            " WHERE article_id = ? ORDER BY position",
            article_id,
        )
        assert [(a["name"], a["role"]) for a in authors] == [
            (a["name"], a["role"]) for a in truth["authors"]
        ], where
        documents = rows(
            db,
            # The manifest lists the codes the page writes; documents named without a
            # code (Nghị quyết Trung ương 4 khóa XII) are resolved from the registry too.
            "SELECT DISTINCT canonical FROM article_documents JOIN documents ON documents.id = document_id"
            " WHERE article_id = ? AND article_documents.identified_by IN ('number', 'article')"
            " ORDER BY canonical",
            article_id,
        )
        assert [d["canonical"] for d in documents] == sorted(truth["documents"]), where
        images = rows(
            db, "SELECT url, caption FROM images WHERE article_id = ? ORDER BY position", article_id
        )
        assert [(urlsplit(i["url"]).path, i["caption"]) for i in images] == [
            (i["src"], i["caption"]) for i in truth["images"]
        ], where
        attachments = rows(
            db, "SELECT url FROM attachments WHERE article_id = ? ORDER BY position", article_id
        )
        assert [urlsplit(a["url"]).path for a in attachments] == truth["attachments"], where
        related = rows(
            db,
            "SELECT url FROM related_articles WHERE article_id = ? ORDER BY position",
            article_id,
        )
        assert [urlsplit(r["url"]).path for r in related] == truth["related"], where


def test_demo_body_html_is_sanitised(demo_crawl):
    db = demo_crawl[0]
    for article in rows(db, "SELECT body_html, body_text FROM articles"):
        html = article["body_html"].lower()
        assert "<script" not in html and "javascript:" not in html and "onclick" not in html
        assert "Tin cùng chuyên mục" not in article["body_text"]


def test_demo_run_is_recorded(demo_crawl):
    db, output, _ = demo_crawl
    (run,) = rows(db, "SELECT * FROM crawl_runs")
    # the demo site has one dead link on purpose, so the honest status is "partial"
    assert run["status"] == "partial"
    assert run["errors"] == 1
    assert run["articles_new"] == len(MANIFEST["articles"])
    assert run["pages_fetched"] > len(MANIFEST["articles"])
    assert run["finished_at"] is not None
    assert run["mode"] == "full"
    assert f"Run {run['id']} (full): partial" in output
    assert f"  articles new{run['articles_new']:>16}" in output
    assert "Some fetches failed; the last: http://127.0.0.1:" in output
    assert "/btg/tin-hoat-dong/bai-da-go-9999.html: HTTP 404" in output


def test_unreachable_host_is_one_line_and_failed_run(tmp_path):
    db = tmp_path / "a.sqlite"
    result = tuyengiao("crawl", "--start-url", f"http://127.0.0.1:{free_port()}/", "--db", str(db))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: crawl failed:") and "127.0.0.1" in last
    assert rows(db, "SELECT status, pages_fetched FROM crawl_runs") == [
        {"status": "failed", "pages_fetched": 0}
    ]


def test_generic_mode_on_an_unseen_site(tmp_path):
    expected = json.loads((GENERIC_SITE / "expected.json").read_text("utf-8"))
    db = tmp_path / "generic.sqlite"
    with DemoSite(port=0, root=GENERIC_SITE) as site:
        result = tuyengiao("crawl", "--start-url", site.url + "/", "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    archived = by_path(db)
    truths = {"/" + t["path"].lstrip("/"): t for t in expected["articles"]}
    assert set(archived) == set(truths)
    for path, truth in truths.items():
        got = archived[path]
        assert got["extractor"] == "generic"
        assert got["title"] == truth["title"], path
        assert got["published_raw"] == truth["published_raw"], path
        assert got["published_at"], path
        assert got["body_text"].startswith(truth["body_first"]), path
        assert got["body_text"].endswith(truth["body_last"]), path


def test_plain_scrapy_crawl_from_the_project_root(tmp_path):
    db = tmp_path / "scrapy.sqlite"
    with DemoSite(port=0) as site:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "archive",
                "-a",
                f"start_url={site.url}/",
                "-a",
                "site=demo",
                "-s",
                f"TUYENGIAO_DB={db}",
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                "AUTOTHROTTLE_ENABLED=0",
                "-s",
                "CONCURRENT_REQUESTS_PER_DOMAIN=16",
                "-s",
                "LOG_LEVEL=WARNING",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
        )
    assert result.returncode == 0, result.stderr
    assert set(by_path(db)) == {a["path"] for a in MANIFEST["articles"]}


def test_scrapy_shell_from_the_project_root_fetches_into_the_archive(tmp_path):
    """`scrapy shell` builds the crawler in one thread and fetches in another: the
    archive is opened where it is used ("SQLite objects created in a thread" before)."""
    db = tmp_path / "shell.sqlite"
    code = "(response.status, len(response.css('a')))"
    with DemoSite(port=0) as site:
        shell = ["scrapy", "shell", f"{site.url}/", "--nolog", "-s", f"TUYENGIAO_DB={db}"]
        result = subprocess.run(
            [sys.executable, "-m", *shell, "-c", code],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
    assert result.returncode == 0, result.stderr
    status, links = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    assert status == 200 and links > 10
    fetched = rows(db, "SELECT url, status, warc_file IS NOT NULL AS kept FROM fetches")
    assert {"url": f"{site.url}/", "status": 200, "kept": 1} in fetched


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def demo_site_command(started_in_background: bool = False):
    """`tuyengiao demo-site` in a child process: (process, URL), killed afterwards.
    `started_in_background`: with SIGINT ignored, as `cmd &` in a script starts it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tuyengiao_crawler", "demo-site", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=_ignore_sigint if started_in_background else None,
    )
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline()).group(0)
        yield process, url
    finally:
        process.kill()


@pytest.mark.parametrize(
    ("stop", "in_background"),
    [(signal.SIGINT, False), (signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["ctrl-c", "ctrl-c-to-a-background-job", "sigterm"],
)
def test_demo_site_command_serves_until_interrupted(stop, in_background):
    """A job started with `&` by a script inherits SIGINT ignored: CI hung on that once."""
    with demo_site_command(in_background) as (process, url):
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert "Banner Ban tuyên giáo sub-site-1" in response.read().decode("utf-8")
        process.send_signal(stop)
        assert process.wait(timeout=10) == 0
        assert "Traceback" not in process.stderr.read()


def test_demo_images_and_attachments_are_fetched_once_as_evidence(demo_crawl):
    db, _, requests = demo_crawl
    fetched = [urlsplit(path).path for method, path in requests]
    assets = {i["src"] for a in MANIFEST["articles"] for i in a["images"]}
    assets |= {path for a in MANIFEST["articles"] for path in a["attachments"]}
    assert len(assets) >= 7
    assert {path: fetched.count(path) for path in assets} == dict.fromkeys(assets, 1)
    recorded = rows(db, "SELECT url, status, warc_file FROM fetches WHERE url LIKE '%/uploads/%'")
    assert {urlsplit(r["url"]).path for r in recorded} == assets
    assert all(r["status"] == 200 and r["warc_file"] for r in recorded)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_demo_site_command_stops_when_a_server_thread_gets_the_signal():
    """The kernel may hand a process's SIGINT to any of its threads; the command must
    still stop (it used to sleep on, deaf, for up to an hour)."""
    import ctypes
    import platform
    import time

    tgkill = {"x86_64": 234, "aarch64": 131}.get(platform.machine())
    if tgkill is None:
        pytest.skip("tgkill syscall number unknown here")
    with demo_site_command() as (process, url):
        urllib.request.urlopen(url, timeout=10).close()
        threads = [int(t) for t in os.listdir(f"/proc/{process.pid}/task")]
        other = next(t for t in threads if t != process.pid)
        libc = ctypes.CDLL(None, use_errno=True)
        assert libc.syscall(tgkill, process.pid, other, signal.SIGINT) == 0
        started = time.monotonic()
        assert process.wait(timeout=10) == 0
        assert time.monotonic() - started < 5
