"""A fleet of workers on a real redis-server: a shared frontier, a worker killed mid-crawl,
shards merged, and the result equal to one process's crawl of the same site.

redis-server comes from the Debian package (.ci/run installs it); without it, or without
the [distributed] extra, these tests are skipped and say why.
"""

import builtins
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from testkit import ROOT, free_port, rows, tuyengiao

from bench.server import SiteServer

ARTICLES = 300  # bench/ runs the same on 2,000 articles; this keeps the test near a minute


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server, as .ci/run does)")
    pytest.importorskip("scrapy_redis", reason="the [distributed] extra is not installed")
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path_factory.mktemp("redis"), stdout=subprocess.DEVNULL,
    )  # fmt: skip
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def worker(url, db, *args):
    """A worker process: `tuyengiao crawl --redis` with a short lease and idle exit."""
    command = [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--redis", url,
               "--db", str(db), "--idle-exit", "1", "-s", "TUYENGIAO_REDIS_LEASE=2", *args]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def count(db, sql):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def content(db):
    """What must be equal between two archives of the same site, ids and times aside."""
    sorted = _sorted
    return {
        "articles": sorted(
            (
                r["url"],
                r["site"],
                r["category"],
                r["title"],
                r["lead"],
                r["body_text"],
                r["byline"],
                r["published_at"],
                r["updated_at"],
                r["content_sha256"],
            )
            for r in rows(db, "SELECT * FROM articles")
        ),
        "authors": sorted((r["name"], r["key"]) for r in rows(db, "SELECT * FROM authors")),
        "article_authors": sorted(
            tuple(r.values())
            for r in rows(
                db,
                "SELECT a.url, au.key, aa.role, aa.position FROM article_authors aa"
                " JOIN articles a ON a.id = aa.article_id JOIN authors au ON au.id = aa.author_id",
            )
        ),
        # A document's year and date are those of the mention a crawl met first (crawl
        # order: the generated site dates one number differently in different articles),
        # the earliest in a merge; each mention's own date is in the citations.
        "documents": sorted(
            tuple(r.values())
            for r in rows(
                db, "SELECT canonical, kind, number, type_code, issuer_code, issuer FROM documents"
            )
        ),
        "citations": sorted(
            tuple(r.values())
            for r in rows(
                db,
                'SELECT a.url, d.canonical, m.field, m.surface, m.start, m."end", m.kind,'
                " m.number, m.issued_on, m.issuer"
                " FROM article_documents m JOIN articles a ON a.id = m.article_id"
                " LEFT JOIN documents d ON d.id = m.document_id",
            )
        ),
        "images": sorted(
            tuple(r.values())
            for r in rows(
                db,
                "SELECT a.url, i.position, i.url FROM images i JOIN articles a ON a.id = i.article_id",
            )
        ),
    }


def _sorted(values):
    return builtins.sorted(values, key=repr)  # None among the strings


def fetched_twice(*dbs):
    """URLs fetched more than once over these archives (robots.txt aside: each worker
    reads it, as RobotsTxtMiddleware does per process)."""
    seen = {}
    for db in dbs:
        for r in rows(db, "SELECT url FROM fetches WHERE url NOT LIKE '%/robots.txt'"):
            seen[r["url"]] = seen.get(r["url"], 0) + 1
    return {url for url, n in seen.items() if n > 1}


def test_scrapy_redis_fits_this_scrapy():
    """What the shared frontier relies on, in the installed Scrapy and scrapy-redis: if a
    release moves one of these, this fails before a fleet loses requests."""
    pytest.importorskip("scrapy_redis", reason="the [distributed] extra is not installed")
    import scrapy_redis.queue
    import scrapy_redis.scheduler
    from scrapy.core.engine import _Slot

    from tuyengiao_crawler.extensions import frontier

    assert callable(getattr(_Slot, "remove_request", None))
    for name in ("open", "close", "enqueue_request", "next_request", "has_pending_requests"):
        assert callable(getattr(scrapy_redis.scheduler.Scheduler, name))
    assert issubclass(frontier.InFlightQueue, scrapy_redis.queue.PriorityQueue)
    assert frontier.FleetScheduler.from_crawler.__func__ is not None


def test_two_workers_one_killed_merge_equals_one_process(tmp_path, redis_url):
    with SiteServer(ARTICLES) as site:
        single = tmp_path / "single" / "archive.sqlite"
        done = tuyengiao("crawl", "--site", "demo", "--start-url", site.url, "--db", single)
        assert done.returncode == 0, done.stderr[-2000:]
        assert count(single, "SELECT count(*) FROM articles") == ARTICLES

        seeded = tuyengiao("seed", "--redis", redis_url, "--site", "demo", "--start-url", site.url)
        assert seeded.returncode == 0, seeded.stderr
        assert "Seeded 2 new" in seeded.stdout
        shards = [tmp_path / f"w{n}" / "shard.sqlite" for n in (1, 2, 3)]
        first, second = worker(redis_url, shards[0]), worker(redis_url, shards[1])
        deadline = time.monotonic() + 120
        while count(shards[0], "SELECT count(*) FROM articles") < 40:
            assert time.monotonic() < deadline and first.poll() is None, "worker 1 got no work"
            time.sleep(0.1)
        os.kill(first.pid, signal.SIGKILL)  # no clean stop: its requests in flight are held
        first.communicate()
        third = worker(redis_url, shards[2])  # joins mid-crawl
        for process in (second, third):
            _, err = process.communicate(timeout=180)
            assert process.returncode == 0, err[-2000:]
        merged = tmp_path / "merged.sqlite"
        merging = tuyengiao("merge", merged, *shards, "--json")
        assert merging.returncode == 0, merging.stderr
        # The next night: a worker of a new frontier asks only for what changed, with the
        # merged archive's validators, as a single-process incremental run does.
        night = tmp_path / "night2" / "shard.sqlite"
        again = tuyengiao("seed", "--redis", redis_url, "--site", "demo", "--start-url",
                          site.url, "--key", "night2")  # fmt: skip
        assert again.returncode == 0, again.stderr
        nightly = worker(redis_url, night, "--baseline", merged, "-s", "TUYENGIAO_REDIS_KEY=night2")
        _, err = nightly.communicate(timeout=180)
        assert nightly.returncode == 0, err[-2000:]
    import redis

    client = redis.Redis.from_url(redis_url)
    assert client.zcard("tuyengiao:requests") == 0
    assert client.hlen("tuyengiao:inflight") == 0
    assert count(shards[2], "SELECT count(*) FROM articles") > 0, "the late worker got no work"

    # Each URL fetched once over the fleet; only what worker 1 held when killed came twice.
    again = fetched_twice(*shards)
    assert not fetched_twice(shards[1], shards[2])
    killed = {r["url"] for r in rows(shards[0], "SELECT url FROM fetches")}
    assert again <= killed and len(again) <= 32, sorted(again)[:5]
    for shard in shards:
        assert not fetched_twice(shard)

    assert content(merged) == content(single)
    assert count(merged, "SELECT count(*) FROM articles") == ARTICLES
    runs = rows(merged, "SELECT status, finish_reason FROM crawl_runs ORDER BY id")
    assert len(runs) == 3 and ("interrupted", "killed") in [tuple(r.values()) for r in runs]
    assert count(merged, "SELECT count(*) FROM fetches") == sum(
        count(s, "SELECT count(*) FROM fetches") for s in shards
    )
    # Every fetch's WARC record is where the merged archive says.
    shown = tuyengiao("show", "--db", merged, rows(merged, "SELECT url FROM articles")[0]["url"])
    assert shown.returncode == 0 and "shard-" in shown.stdout

    run = rows(night, "SELECT mode, not_modified, articles_new, pages_fetched FROM crawl_runs")
    assert run[0]["mode"] == "incremental" and run[0]["articles_new"] == 0, run
    assert run[0]["not_modified"] > 0 and run[0]["pages_fetched"] < ARTICLES / 2, run
    seen = {r["url"]: r["last_seen_at"] for r in rows(merged, "SELECT * FROM articles")}
    assert tuyengiao("merge", merged, night).returncode == 0
    later = {r["url"]: r["last_seen_at"] for r in rows(merged, "SELECT * FROM articles")}
    assert sum(later[url] > seen[url] for url in seen) == run[0]["not_modified"]
    assert content(merged) == content(single)
    shards.append(night)

    # Merging again changes nothing; merging in another order gives the same archive.
    before = {t: rows(merged, f"SELECT * FROM {t}") for t in ("articles", "fetches", "crawl_runs")}
    assert tuyengiao("merge", merged, shards[1]).returncode == 0
    assert {t: rows(merged, f"SELECT * FROM {t}") for t in before} == before
    other = tmp_path / "other" / "merged.sqlite"
    assert tuyengiao("merge", other, *reversed(shards)).returncode == 0
    assert content(other) == content(merged)
    when = "SELECT url, first_seen_at, last_seen_at, gone_at FROM articles"
    assert _sorted(map(tuple, map(dict.values, rows(other, when)))) == _sorted(
        map(tuple, map(dict.values, rows(merged, when)))
    )
    search = tuyengiao("search", "--db", other, "Đảng")
    assert search.returncode == 0 and search.stdout.strip()


def test_merge_refuses_what_is_no_shard(tmp_path):
    missing = tuyengiao("merge", tmp_path / "out.sqlite", tmp_path / "nope.sqlite")
    assert missing.returncode != 0
    assert "Traceback" not in missing.stderr and "nope.sqlite" in missing.stderr
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not a database")
    refused = tuyengiao("merge", tmp_path / "out.sqlite", bogus)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert not (tmp_path / "out.sqlite").exists()


def test_seed_and_crawl_say_what_is_wrong(tmp_path):
    port = free_port()  # nothing listens there
    seeded = tuyengiao("seed", "--redis", f"redis://127.0.0.1:{port}/0", "--site", "demo")
    assert seeded.returncode != 0 and "Traceback" not in seeded.stderr
    assert "Redis" in seeded.stderr
    bad = tuyengiao("seed", "--redis", "http://x", "--site", "demo")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    idle = tuyengiao("crawl", "--site", "demo", "--idle-exit", "3", "--db", tmp_path / "a.sqlite")
    assert idle.returncode == 2 and "--redis" in idle.stderr
    nothing = tuyengiao("seed", "--redis", f"redis://127.0.0.1:{port}/0")
    assert nothing.returncode == 2
    folder = tuyengiao("crawl", "--all-sites", tmp_path, "--db", tmp_path / "a.sqlite")
    assert folder.returncode == 2 and "no .toml profiles" in folder.stderr
