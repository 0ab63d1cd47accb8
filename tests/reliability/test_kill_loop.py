"""SIGKILL a real crawl at random moments (seeded), rerun it, and check the archive each time.

Twelve trials, three at a time, against one demo site on 127.0.0.1. After each kill the
archive must pass PRAGMA integrity_check and its WARC files must be readable (a torn last
record is detected and skipped); after the rerun the archive must equal a clean crawl's:
every article exactly once, no orphan rows, same counts.
"""

import random
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tuyengiao_crawler.archive.warc import iter_records, read_record, warc_files
from tuyengiao_crawler.demo_site.server import DemoSite

ROOT = Path(__file__).resolve().parents[2]
SEED = 20240611
TRIALS = 12
PARALLEL = 3


def command(site, db):
    return [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--site", "demo",
            "--start-url", site.url + "/", "--db", str(db),
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4"]  # fmt: skip


def count(db, sql):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


ORPHANS = " + ".join(
    f"(SELECT count(*) FROM {table} WHERE {column} NOT IN (SELECT id FROM {parent}))"
    for table, column, parent in [
        ("article_authors", "article_id", "articles"),
        ("article_authors", "author_id", "authors"),
        ("article_documents", "article_id", "articles"),
        ("images", "article_id", "articles"),
        ("attachments", "article_id", "articles"),
        ("related_articles", "article_id", "articles"),
        ("article_versions", "article_id", "articles"),
    ]
)


def state(db):
    """Integrity, duplicates, orphans and what the archive says (independent of ids)."""
    conn = sqlite3.connect(db)
    try:
        return {
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "duplicates": conn.execute(
                "SELECT count(*) - count(DISTINCT url) FROM articles"
            ).fetchone()[0],
            "orphans": conn.execute(f"SELECT {ORPHANS}").fetchone()[0],
            "articles": {
                (urlsplit(u).path, sha)
                for u, sha in conn.execute("SELECT url, content_sha256 FROM articles")
            },
            "counts": tuple(
                conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "authors", "article_authors", "documents", "images")
            ),
        }
    finally:
        conn.close()


def warc_state(folder):
    """(records read, torn tails seen); raises if any file cannot be read at all."""
    records = torn = 0
    for path in warc_files(folder):
        scan = iter_records(path)
        records += sum(1 for _ in scan)
        torn += scan.torn_at is not None
    return records, torn


@pytest.fixture(scope="module")
def site():
    with DemoSite(port=0) as site:
        yield site


@pytest.fixture(scope="module")
def clean(site, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "clean.sqlite"
    assert subprocess.run(command(site, db), capture_output=True, cwd=ROOT).returncode == 0
    return state(db)


def trial(site, folder, kill_after_articles, extra_delay):
    db = folder / "a.sqlite"
    process = subprocess.Popen(
        command(site, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if count(db, "SELECT count(*) FROM articles") >= kill_after_articles and db.exists():
            break
        time.sleep(0.01)
    time.sleep(extra_delay)  # lands anywhere: between writes, mid-transaction, mid-record
    process.kill()
    process.wait(timeout=10)
    after_kill = {"integrity": None, "warc": warc_state(folder / "warc")}
    if db.exists():
        conn = sqlite3.connect(db)
        after_kill["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
    rerun = subprocess.run(command(site, db), capture_output=True, text=True, cwd=ROOT)
    return after_kill, rerun, db


def test_sigkill_at_random_moments_then_rerun(site, clean, tmp_path):
    rng = random.Random(SEED)
    total = len(clean["articles"])
    plan = [(rng.randrange(0, total), rng.uniform(0, 0.08)) for _ in range(TRIALS)]
    folders = [tmp_path / f"trial{i}" for i in range(TRIALS)]
    for folder in folders:
        folder.mkdir()
    with ThreadPoolExecutor(PARALLEL) as pool:
        jobs = [(folder, *step) for folder, step in zip(folders, plan, strict=True)]
        results = list(pool.map(lambda job: trial(site, *job), jobs))
    mid_crawl = 0
    for (after_kill, rerun, db), (articles, delay) in zip(results, plan, strict=True):
        label = f"killed after {articles} articles + {delay:.3f}s"
        assert after_kill["integrity"] in (None, "ok"), label
        assert rerun.returncode == 0, label + rerun.stdout + rerun.stderr
        found = state(db)
        assert found["integrity"] == "ok", label
        assert (found["duplicates"], found["orphans"]) == (0, 0), label
        assert found["articles"] == clean["articles"], label
        assert found["counts"] == clean["counts"], label
        records, _ = warc_state(db.parent / "warc")
        assert records >= after_kill["warc"][0], label
        conn = sqlite3.connect(db)
        runs = dict(conn.execute("SELECT status, count(*) FROM crawl_runs GROUP BY status"))
        stored = conn.execute(
            "SELECT warc_file, warc_offset FROM fetches WHERE warc_file IS NOT NULL"
            " AND run_id = (SELECT max(id) FROM crawl_runs)"
        ).fetchall()
        conn.close()
        assert runs.get("running", 0) == 0, label
        mid_crawl += runs.get("interrupted", 0)
        assert runs.get("partial") == 1, label  # the rerun (the demo site has one 404)
        # every record the rerun indexed can be read back where the index says
        for warc_file, offset in stored[:: max(1, len(stored) // 10)]:
            assert read_record(db.parent / "warc", warc_file, offset)[0] is not None, label
    assert mid_crawl >= TRIALS // 2  # most kills landed while a run was being recorded
