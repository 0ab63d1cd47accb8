"""Crawls that are stopped, killed or run twice at once leave a sound archive."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tuyengiao_crawler.demo_site.server import MANIFEST_PATH, DemoSite

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = {a["path"] for a in json.loads(MANIFEST_PATH.read_text("utf-8"))["articles"]}
TOTAL = len(ARTICLES)
# Slow enough that a signal lands mid-crawl: about 4 s for the demo site.
SLOW = ["-s", "DOWNLOAD_DELAY=0.04", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]


def command(site, db, *extra):
    return [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--site", "demo",
            "--start-url", site.url + "/", "--db", str(db), *extra]  # fmt: skip


def start(site, db, *extra):
    return subprocess.Popen(
        command(site, db, *extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def articles_stored(db):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def snapshot(db):
    """What the archive says, independent of ids and of when it was fetched."""
    conn = sqlite3.connect(db)
    try:
        articles = {
            (urlsplit(url).path, sha)
            for url, sha in conn.execute("SELECT url, content_sha256 FROM articles")
        }
        authors = set(conn.execute(
            "SELECT a.url, au.name, aa.role FROM article_authors aa JOIN articles a ON a.id = aa.article_id"
            " JOIN authors au ON au.id = aa.author_id"
        ))  # fmt: skip
        citations = conn.execute("SELECT count(*) FROM article_documents").fetchone()[0]
        return articles, {(urlsplit(u).path, n, r) for u, n, r in authors}, citations
    finally:
        conn.close()


def integrity(db):
    conn = sqlite3.connect(db)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        orphans = conn.execute(
            "SELECT (SELECT count(*) FROM article_authors WHERE article_id NOT IN (SELECT id FROM articles))"
            " + (SELECT count(*) FROM article_documents WHERE article_id NOT IN (SELECT id FROM articles))"
            " + (SELECT count(*) FROM images WHERE article_id NOT IN (SELECT id FROM articles))"
            " + (SELECT count(*) FROM related_articles WHERE article_id NOT IN (SELECT id FROM articles))"
            " + (SELECT count(*) FROM article_authors WHERE author_id NOT IN (SELECT id FROM authors))"
        ).fetchone()[0]
        duplicates = conn.execute("SELECT count(*) - count(DISTINCT url) FROM articles").fetchone()[
            0
        ]
        return ok, orphans, duplicates
    finally:
        conn.close()


@pytest.fixture(scope="module")
def site():
    with DemoSite(port=0) as site:
        yield site


@pytest.fixture(scope="module")
def clean(site, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "clean.sqlite"
    assert subprocess.run(command(site, db), capture_output=True, cwd=ROOT).returncode == 0
    return snapshot(db)


@pytest.mark.parametrize("kill_after_articles", [0, 5, 30, TOTAL - 10])
def test_sigkill_at_any_moment_then_rerun(site, clean, tmp_path, kill_after_articles):
    db = tmp_path / "a.sqlite"
    process = start(site, db, *SLOW)
    assert wait_for(lambda: articles_stored(db) >= kill_after_articles and db.exists())
    process.kill()
    process.wait(timeout=10)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    has_runs = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'crawl_runs'"
    ).fetchone()[0]
    killed = (
        [r[0] for r in conn.execute("SELECT id FROM crawl_runs WHERE status = 'running'")]
        if has_runs
        else []
    )
    conn.close()
    if kill_after_articles:
        assert killed, "the kill should land while a run is recorded as running"

    rerun = subprocess.run(command(site, db), capture_output=True, text=True, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert integrity(db) == ("ok", 0, 0)
    assert snapshot(db) == clean
    conn = sqlite3.connect(db)
    statuses = dict(conn.execute("SELECT id, status || '/' || finish_reason FROM crawl_runs"))
    conn.close()
    assert [statuses[i] for i in killed] == ["interrupted/killed"] * len(killed)
    assert statuses[max(statuses)] == "partial/finished"


def test_sigint_stops_gracefully_and_resume_completes(site, clean, tmp_path):
    db = tmp_path / "a.sqlite"
    process = start(site, db, *SLOW)
    assert wait_for(lambda: articles_stored(db) >= 15)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 3, out + err
    assert "interrupted; continue it with --resume" in err
    assert "Traceback" not in out + err
    stored = articles_stored(db)
    assert 15 <= stored < TOTAL

    before = len(site.requests)
    resumed = subprocess.run(
        command(site, db, "--resume"), capture_output=True, text=True, cwd=ROOT
    )
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    refetched = [urlsplit(p).path for _, p in site.requests[before:]]
    assert snapshot(db) == clean
    assert integrity(db) == ("ok", 0, 0)
    # the resumed run did not start over: pages done before the stop were not asked for again
    assert (
        len([p for p in refetched if p.endswith(".html") and p.count("/") == 3])
        <= TOTAL - stored + 16
    )


def article_requests(site, since):
    """Paths of the demo's article pages asked for since request number `since`."""
    return [path for _, p in site.requests[since:] if (path := urlsplit(p).path) in ARTICLES]


@pytest.mark.parametrize("kill_after_articles", [3, 30, TOTAL - 10])
def test_sigkill_then_resume_completes_without_refetching(
    site, clean, tmp_path, kill_after_articles
):
    """A SIGKILL leaves no saved queue (Scrapy writes it on close): --resume walks the start
    URLs again and skips what the killed run archived (before: "crawl failed: finished",
    0 pages, the archive left incomplete)."""
    db = tmp_path / "a.sqlite"
    process = start(site, db, *SLOW)
    assert wait_for(lambda: articles_stored(db) >= kill_after_articles)
    process.kill()
    process.wait(timeout=10)
    conn = sqlite3.connect(db)
    archived = {
        urlsplit(url).path: urlsplit(fetched)._replace(scheme="", netloc="").geturl()
        for url, fetched in conn.execute("SELECT url, fetched_url FROM articles")
    }
    conn.close()
    assert len(archived) < TOTAL, "the kill should land before the crawl ends"

    before = len(site.requests)
    resumed = subprocess.run(
        command(site, db, "--resume"), capture_output=True, text=True, cwd=ROOT
    )
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert snapshot(db) == clean
    assert integrity(db) == ("ok", 0, 0)
    # What the killed run archived is not asked for again; every other article is, once.
    # (By path: the demo links a few articles under a second URL too.)
    asked = [p for _, p in site.requests[before:]]
    assert not set(asked) & set(archived.values())
    resumed_articles = article_requests(site, before)
    assert set(resumed_articles) == ARTICLES - set(archived)
    raw = [p for p in asked if urlsplit(p).path in ARTICLES]
    assert len(raw) == len(set(raw))
    conn = sqlite3.connect(db)
    runs = conn.execute("SELECT status, finish_reason FROM crawl_runs ORDER BY id").fetchall()
    conn.close()
    # partial: the demo site plants a broken link on purpose
    assert runs == [("interrupted", "killed"), ("partial", "finished")]


def test_resume_after_kills_in_a_row_and_a_clean_stop(site, clean, tmp_path):
    """Killed, resumed and killed again, stopped cleanly, resumed: the archive ends whole,
    and no article archived by any of the stopped runs is asked for again."""
    db = tmp_path / "a.sqlite"
    process = start(site, db, *SLOW)
    assert wait_for(lambda: articles_stored(db) >= 10)
    process.kill()
    process.wait(timeout=10)
    first = articles_stored(db)
    before = len(site.requests)
    process = start(site, db, "--resume", *SLOW)
    assert wait_for(lambda: articles_stored(db) >= first + 10)
    process.kill()
    process.wait(timeout=10)
    process = start(site, db, "--resume", *SLOW)
    assert wait_for(lambda: articles_stored(db) >= first + 25)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 3, out + err
    stopped = articles_stored(db)
    assert stopped < TOTAL
    resumed = subprocess.run(
        command(site, db, "--resume"), capture_output=True, text=True, cwd=ROOT
    )
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert snapshot(db) == clean
    assert integrity(db) == ("ok", 0, 0)
    # Asked for again by a later run: only what was in flight at each of the two kills
    # (one request at a time per domain, and the items not yet stored).
    asked = article_requests(site, before)
    assert len(set(asked)) == TOTAL - first
    assert len(asked) - len(set(asked)) <= 4
    conn = sqlite3.connect(db)
    runs = conn.execute("SELECT status, finish_reason FROM crawl_runs ORDER BY id").fetchall()
    conn.close()
    assert runs[:3] == [
        ("interrupted", "killed"),
        ("interrupted", "killed"),
        ("interrupted", "shutdown"),
    ]
    # ok or partial: the demo's planted broken link may have been met by a stopped run
    assert runs[3][1] == "finished" and runs[3][0] in ("ok", "partial")


def test_resume_without_a_stopped_crawl_is_one_line(site, tmp_path):
    result = subprocess.run(
        command(site, tmp_path / "a.sqlite", "--resume"), capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()[-1].startswith("Error: no stopped crawl to resume for")
    )


def test_two_crawls_cannot_write_one_archive(site, tmp_path):
    db = tmp_path / "a.sqlite"
    first = start(site, db, *SLOW)
    try:
        assert wait_for(lambda: articles_stored(db) >= 1)
        second = subprocess.run(
            command(site, db), capture_output=True, text=True, cwd=ROOT, timeout=60
        )
        assert second.returncode == 5  # busy, not failed: cron can tell them apart
        last = second.stderr.strip().splitlines()[-1]
        assert last.startswith(f"Error: another crawl is writing {db} (pid {first.pid} since ")
    finally:
        first.kill()
        first.wait()
    assert integrity(db)[0] == "ok"


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_second_writer_through_another_name_of_the_archive_is_refused(site, tmp_path, link):
    """The lock is the file's, not its name's: a symlink or a hard link to the archive met
    no lock before (101 item errors, 59 of 3,000 articles lost; the hard link corrupted
    the file)."""
    db = tmp_path / "a.sqlite"
    other = tmp_path / "elsewhere" / "b.sqlite"
    other.parent.mkdir()
    first = start(site, db, *SLOW)
    try:
        assert wait_for(lambda: articles_stored(db) >= 1)
        if link == "symlink":
            other.symlink_to(db)
        else:
            os.link(db, other)
        second = subprocess.run(
            command(site, other), capture_output=True, text=True, cwd=ROOT, timeout=60
        )
        assert second.returncode == 5, second.stdout + second.stderr
        last = second.stderr.strip().splitlines()[-1]
        assert last.startswith(f"Error: another crawl is writing {other} (")
        assert "Traceback" not in second.stderr
    finally:
        first.kill()
        first.wait()
    assert integrity(db)[0] == "ok"
