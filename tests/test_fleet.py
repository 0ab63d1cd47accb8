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
from testkit import ROOT, deploy_project, free_port, rows, scrapyd, tuyengiao

from bench.redis_server import RedisServer
from bench.server import GeneratedPages, GeneratedSite, SiteServer
from tuyengiao_crawler.demo_site.serving import SiteHTTPServer

ARTICLES = 300  # bench/ runs the same on 2,000 articles; this keeps the test near a minute
OUTAGE_SITE = 120  # articles: enough to be mid-crawl when Redis goes


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server, as .ci/run does)")
    pytest.importorskip("scrapy_redis", reason="the [distributed] extra is not installed")
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server.url
    server.stop()


def worker(url, db, *args):
    """A worker process: `tuyengiao crawl --redis` with a short lease and idle exit."""
    command = [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--redis", url,
               "--db", str(db), "--idle-exit", "1", "-s", "TUYENGIAO_REDIS_LEASE=2", *args]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for(db, articles, process, seconds=120):
    """Until the worker's shard holds this many articles (the worker still running)."""
    deadline = time.monotonic() + seconds
    while count(db, "SELECT count(*) FROM articles") < articles:
        assert process.poll() is None, f"the worker exited: {process.communicate()[1][-2000:]}"
        assert time.monotonic() < deadline, "the worker got no work"
        time.sleep(0.1)


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
                "SELECT a.url, i.position, i.url AS image FROM images i"
                " JOIN articles a ON a.id = i.article_id",
            )
        ),
    }


def _sorted(values):
    return builtins.sorted(values, key=repr)  # None among the strings


def same_content(one, other):
    """Both archives' content() equal; if not, which rows each lacks, table by table (a
    full diff of some thousand rows hides the few that differ)."""
    a, b = content(one), content(other)
    differ = {}
    for table in a:
        if a[table] != b[table]:
            lacks = set(a[table]) ^ set(b[table])
            differ[table] = {"rows": (len(a[table]), len(b[table]))} | {
                f"{db.parent.name}/{db.name} lacks": _sorted(lacks - set(rows))[:5]
                for db, rows in ((one, a[table]), (other, b[table]))
            }
    assert not differ, differ


def fetched_twice(*dbs):
    """URLs fetched more than once over these archives (robots.txt aside: each worker
    reads it, as RobotsTxtMiddleware does per process)."""
    seen = {}
    for db in dbs:
        for r in rows(db, "SELECT url FROM fetches WHERE url NOT LIKE '%/robots.txt'"):
            seen[r["url"]] = seen.get(r["url"], 0) + 1
    return {url for url, n in seen.items() if n > 1}


def seed_demo(redis_url, site_url):
    seeded = tuyengiao("seed", "--redis", redis_url, "--site", "demo", "--start-url", site_url)
    assert seeded.returncode == 0, seeded.stderr
    return seeded


def said_redis_was_gone_2s(err, redis_url):
    """The worker's last line is the one-line error of TUYENGIAO_REDIS_OUTAGE=2."""
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith(
        f"Error: crawl failed: the shared frontier at {redis_url} was unreachable for 2s"
    ), last


def test_scrapy_redis_fits_this_scrapy():
    """What the shared frontier relies on, in the installed Scrapy and scrapy-redis: if a
    release moves one of these, this fails before a fleet loses requests."""
    pytest.importorskip("scrapy_redis", reason="the [distributed] extra is not installed")
    import inspect

    import scrapy_redis.queue
    import scrapy_redis.scheduler
    from scrapy.core.engine import _Slot

    from tuyengiao_crawler.extensions import frontier

    assert callable(getattr(_Slot, "remove_request", None))
    assert "nextcall" in inspect.signature(_Slot.__init__).parameters
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

        assert "Seeded 2 new" in seed_demo(redis_url, site.url).stdout
        shards = [tmp_path / f"w{n}" / "shard.sqlite" for n in (1, 2, 3)]
        # The first two a little polite (DOWNLOAD_DELAY), so that on a fast machine as on
        # a loaded one the kill and the third worker's arrival fall mid-crawl.
        slow = ("-s", "DOWNLOAD_DELAY=0.05")
        first = worker(redis_url, shards[0], *slow)
        wait_for(shards[0], 40, first)
        second = worker(redis_url, shards[1], *slow)  # joins a crawl under way
        wait_for(shards[1], 5, second)
        assert first.poll() is None
        assert count(shards[0], "SELECT count(*) FROM articles") < ARTICLES * 0.8
        os.kill(first.pid, signal.SIGKILL)  # no clean stop: its requests in flight are held
        first.communicate()
        third = worker(redis_url, shards[2])  # joins mid-crawl
        for process in (second, third):
            _, err = process.communicate(timeout=180)
            assert process.returncode == 0, err[-2000:]
        merged = tmp_path / "merged.sqlite"
        merging = tuyengiao("merge", merged, *shards, "--json")
        assert merging.returncode == 0, merging.stderr
        # The next night: the frontier started afresh, a worker asks only for what changed,
        # with the merged archive's validators, as a single-process incremental run does.
        night = tmp_path / "night2" / "shard.sqlite"
        again = tuyengiao("seed", "--redis", redis_url, "--site", "demo", "--start-url",
                          site.url, "--fresh")  # fmt: skip
        assert again.returncode == 0, again.stderr
        nightly = worker(redis_url, night, "--baseline", merged)
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

    lost = {r["url"] for r in rows(single, "SELECT url FROM articles")} - {
        r["url"] for r in rows(merged, "SELECT url FROM articles")
    }
    if lost:  # where each went: who fetched it, how (CI has lost one, rarely)
        pytest.fail(f"{len(lost)} articles lost: " + repr({
            url: {s.parent.name: rows(s, "SELECT run_id, status, fetched_at, error FROM fetches"
                                         " WHERE url = ?", url) for s in shards}
            for url in sorted(lost)[:3]}))  # fmt: skip
    same_content(merged, single)
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
    same_content(merged, single)
    shards.append(night)

    # Merging again changes nothing; merging in another order gives the same archive.
    before = {t: rows(merged, f"SELECT * FROM {t}") for t in ("articles", "fetches", "crawl_runs")}
    assert tuyengiao("merge", merged, shards[1]).returncode == 0
    assert {t: rows(merged, f"SELECT * FROM {t}") for t in before} == before
    other = tmp_path / "other" / "merged.sqlite"
    assert tuyengiao("merge", other, *reversed(shards)).returncode == 0
    same_content(other, merged)
    when = "SELECT url, first_seen_at, last_seen_at, gone_at FROM articles"
    assert _sorted(map(tuple, map(dict.values, rows(other, when)))) == _sorted(
        map(tuple, map(dict.values, rows(merged, when)))
    )
    search = tuyengiao("search", "--db", other, "Đảng")
    assert search.returncode == 0 and search.stdout.strip()


@pytest.fixture
def own_redis(redis_url, tmp_path):  # redis_url: skipped, and why, as the fleet tests are
    server = RedisServer(tmp_path / "redis")
    server.folder.mkdir()
    server.start()
    yield server
    server.stop()


def test_a_worker_waits_for_redis_and_carries_on(tmp_path, own_redis):
    """Redis shut down mid-crawl and started again: the worker holds what its pages found
    meanwhile and hands it over; every article once, no page fetched twice."""
    with SiteServer(OUTAGE_SITE) as site:
        seed_demo(own_redis.url, site.url)
        shard = tmp_path / "w" / "shard.sqlite"
        crawling = worker(own_redis.url, shard, "-s", "DOWNLOAD_DELAY=0.05")
        wait_for(shard, 30, crawling)
        own_redis.shut_down()
        time.sleep(3)  # longer than the lease: the heartbeat expires too
        assert crawling.poll() is None, crawling.communicate()[1][-2000:]
        own_redis.start()
        _, err = crawling.communicate(timeout=180)
    assert crawling.returncode == 0, err[-2000:]
    assert "is unreachable" in err and "is back after" in err
    assert "Traceback" not in err
    assert count(shard, "SELECT count(*) FROM articles") == OUTAGE_SITE
    assert not fetched_twice(shard)
    assert count(shard, "SELECT count(*) FROM fetches WHERE error IS NOT NULL") == 0
    import redis

    client = redis.Redis.from_url(own_redis.url)
    # the fleet's politeness slots the worker could not give back meanwhile, given back
    assert client.zcard("tuyengiao:slots:127.0.0.1") == 0
    assert client.zcard("tuyengiao:requests") == client.hlen("tuyengiao:inflight") == 0


def test_a_worker_gives_up_on_redis_and_nothing_is_lost(tmp_path, own_redis):
    """Redis away longer than TUYENGIAO_REDIS_OUTAGE: the worker stops with a one-line
    error and a failed run; once Redis is back, a new worker finishes the crawl, and the
    merged shards hold every article."""
    with SiteServer(OUTAGE_SITE) as site:
        seed_demo(own_redis.url, site.url)
        shards = [tmp_path / f"w{n}" / "shard.sqlite" for n in (1, 2)]
        first = worker(own_redis.url, shards[0], "-s", "DOWNLOAD_DELAY=0.05",
                       "-s", "TUYENGIAO_REDIS_OUTAGE=2")  # fmt: skip
        wait_for(shards[0], 30, first)
        own_redis.shut_down()
        _, err = first.communicate(timeout=120)
        assert first.returncode == 1, err[-2000:]
        said_redis_was_gone_2s(err, own_redis.url)
        own_redis.start()
        # The slots the first held when it gave up (up to its 16 per host on loopback) are
        # the second's once the first's heartbeat has expired.
        second = worker(own_redis.url, shards[1])
        _, err = second.communicate(timeout=180)
        assert second.returncode == 0, err[-2000:]
    run = rows(shards[0], "SELECT status, finish_reason FROM crawl_runs")
    assert [tuple(r.values()) for r in run] == [("failed", "redis_unreachable")]
    merged = tmp_path / "merged.sqlite"
    assert tuyengiao("merge", merged, *shards).returncode == 0
    assert count(merged, "SELECT count(*) FROM articles") == OUTAGE_SITE
    assert count(shards[1], "SELECT count(*) FROM articles") > 0


def test_a_worker_gives_up_on_a_hung_redis(tmp_path, own_redis):
    """Redis stopped (SIGSTOP: it accepts and never answers) is an outage too: each call
    waits TUYENGIAO_REDIS_TIMEOUT at most, so the worker stops after the outage limit with
    the one-line error. It used to wait in a socket read for as long as Redis hung."""
    with SiteServer(OUTAGE_SITE) as site:
        seed_demo(own_redis.url, site.url)
        shard = tmp_path / "w" / "shard.sqlite"
        # Few requests at a time: fewer pages to finish, on a hung Redis, before it stops.
        crawling = worker(own_redis.url, shard, "-s", "DOWNLOAD_DELAY=0.05",
                          "-s", "TUYENGIAO_REDIS_OUTAGE=2", "-s", "TUYENGIAO_REDIS_TIMEOUT=1",
                          "-s", "CONCURRENT_REQUESTS=4")  # fmt: skip
        wait_for(shard, 20, crawling)
        own_redis.process.send_signal(signal.SIGSTOP)
        try:
            _, err = crawling.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            crawling.kill()
            pytest.fail("the worker still waits on the hung Redis after 90 s")
        finally:
            own_redis.process.send_signal(signal.SIGCONT)
    assert crawling.returncode == 1, err[-2000:]
    said_redis_was_gone_2s(err, own_redis.url)
    run = rows(shard, "SELECT status, finish_reason FROM crawl_runs")
    assert [tuple(r.values()) for r in run] == [("failed", "redis_unreachable")]


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


def profile_for(tmp_path, name, host, url):
    """The demo profile under another name, for one host and start URL."""
    text = (ROOT / "tuyengiao_crawler" / "profiles" / "demo.toml").read_text("utf-8")
    text = text.replace('name = "demo"', f'name = "{name}"')
    text = text.replace("domains = []", f'domains = ["{host}"]')
    text = text.replace("start_urls = []", f'start_urls = ["{url}"]')
    path = tmp_path / "profiles" / f"{name}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, "utf-8")
    return path


class GatedPages(GeneratedPages):
    """The generated site's pages, answered once `gate` is set (or after 10 s: under the
    download timeout)."""

    def __init__(self, site, gate):
        super().__init__(site)
        self.gate = gate

    def lookup(self, request):
        self.gate.wait(10)
        return super().lookup(request)


class GatedSite(GeneratedSite):
    def __init__(self, site, gate):
        super().__init__(site)
        self.gate = gate

    def make_server(self, address):
        return SiteHTTPServer(address, GatedPages(self.site, self.gate), gzip=True)


def test_scrapyd_schedules_a_distributed_run_of_several_sites(tmp_path, redis_url):
    """Two Scrapyd jobs are two workers of one frontier, crawling two sites (two profiles,
    two hosts) in one run; their shards merge into one archive, each article under its
    own site, each URL fetched once."""
    import threading

    import redis

    from bench.site import Site
    from tuyengiao_crawler.extensions.frontier import frontier_state

    # The sites answer once both jobs have joined the frontier: Scrapyd starts them one
    # after the other, and on a loaded machine the first could crawl everything before
    # the second is up (fresh CI clones, tests run in parallel: "a job got no work").
    both_joined = threading.Event()
    sizes = {"127.0.0.1": 150, "127.0.0.2": 100}
    servers = []
    for seed, (host, size) in enumerate(sizes.items(), start=1):
        server = GatedSite(Site(size, seed), both_joined)
        server.host = host
        servers.append(server.start())
    daemon = scrapyd(tmp_path, max_proc=4, poll_interval=0.2)
    try:
        assert deploy_project(daemon, tmp_path)["status"] == "ok"
        profiles = [
            profile_for(tmp_path, f"prov-{n}", server.host, server.url + "/")
            for n, server in enumerate(servers)
        ]
        shards = [tmp_path / f"job{n}" / "shard.sqlite" for n in (1, 2)]
        jobs = []
        for shard in shards:
            settings = {
                "TUYENGIAO_REDIS_URL": f"{redis_url}/3",
                "TUYENGIAO_IDLE_EXIT": "1",
                "TUYENGIAO_REDIS_LEASE": "2",
                "TUYENGIAO_DB": shard,
                "TUYENGIAO_FLEET_PER_DOMAIN": "4",
                "DOWNLOAD_DELAY": "0",
                "AUTOTHROTTLE_ENABLED": "0",
                "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
            }
            data = [("project", "tuyengiao_crawler"), ("spider", "archive"),
                    ("site", " ".join(map(str, profiles)))]  # fmt: skip
            data += [("setting", f"{k}={v}") for k, v in settings.items()]
            jobs.append(daemon.post("/schedule.json", data)["jobid"])
        client = redis.Redis.from_url(f"{redis_url}/3")
        deadline = time.monotonic() + 60
        while frontier_state(client)["workers"] < 2:
            assert time.monotonic() < deadline, daemon.json("/listjobs.json")
            time.sleep(0.1)
        both_joined.set()
        deadline = time.monotonic() + 240
        while True:
            listed = daemon.json("/listjobs.json?project=tuyengiao_crawler")
            if {j["id"] for j in listed["finished"]} >= set(jobs):
                break
            assert time.monotonic() < deadline, listed
            time.sleep(0.5)
    finally:
        daemon.stop()
        for server in servers:
            server.stop()
    got = [count(s, "SELECT count(*) FROM articles") for s in shards]
    if not all(got):  # say why: each job's log ends with its stats
        logs = sorted(tmp_path.glob("**/logs/**/*.log"))
        pytest.fail(f"a job got no work: {got} articles; " + " ".join(
            f"\n{log.name}: {log.read_text()[-3000:]}" for log in logs))  # fmt: skip
    assert not fetched_twice(*shards)
    merged = tmp_path / "merged.sqlite"
    merging = tuyengiao("merge", merged, *shards)
    assert merging.returncode == 0, merging.stderr
    by_site = rows(merged, "SELECT site, count(*) AS n FROM articles GROUP BY site ORDER BY site")
    assert {r["site"]: r["n"] for r in by_site} == sizes
    runs = rows(merged, "SELECT status, profile FROM crawl_runs")
    assert [r["status"] for r in runs] == ["ok", "ok"]
    assert {r["profile"] for r in runs} == {"prov-0,prov-1"}


def test_a_scrapy_crawl_worker_runs_without_twisteds_reactor(tmp_path, redis_url):
    """`scrapy crawl archive` (as Scrapyd runs it) with Scrapy's reactorless mode: the
    worker's heartbeat timer is Scrapy's looping call, not Twisted's, whose reactor
    import that mode forbids (the worker failed on opening, with a cascade of
    tracebacks)."""
    shard = tmp_path / "shard.sqlite"
    url = f"{redis_url}/4"
    with SiteServer(40) as site:
        command = [sys.executable, "-m", "scrapy", "crawl", "archive", "-a",
                   f"start_url={site.url}", "-s", "TWISTED_REACTOR_ENABLED=False",
                   "-s", f"TUYENGIAO_REDIS_URL={url}", "-s", "TUYENGIAO_IDLE_EXIT=1",
                   "-s", "TUYENGIAO_REDIS_LEASE=1", "-s", f"TUYENGIAO_DB={shard}"]  # fmt: skip
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert "joined the shared frontier" in done.stderr
    assert count(shard, "SELECT count(*) FROM articles") == 40
    runs = rows(shard, "SELECT status FROM crawl_runs")
    assert [r["status"] for r in runs] == ["ok"]


class Killed(BaseException):
    """A worker's SIGKILL at one of its Redis calls: nothing of the worker runs after it."""


def fleet_scheduler(url, prefix, worker_id):
    """A worker's FleetScheduler in this process, opened as scrapy-redis opens it (its
    queue and duplicate filter; no heartbeat, no engine)."""
    from scrapy import Spider
    from scrapy.utils.test import get_crawler
    from scrapy_redis.scheduler import Scheduler

    from tuyengiao_crawler.extensions import frontier

    settings = frontier.fleet_settings(url, prefix)
    crawler = get_crawler(settings_dict={**settings, frontier.WORKER_ID: worker_id})
    scheduler = frontier.FleetScheduler.from_crawler(crawler)
    Scheduler.open(scheduler, Spider.from_crawler(crawler, name="archive"))
    return scheduler


def test_a_worker_killed_while_queueing_a_request_leaves_it_to_the_fleet(redis_url, monkeypatch):
    """Killed at any Redis call of queueing a request its page found, a worker leaves the
    request to the fleet: the page, fetched again by another worker, finds it again, and
    it is queued once. (Killed between adding the request's fingerprint to the shared set
    and queueing the request, a worker lost an article, rarely, in the kill test above:
    the page's second finding was taken for a copy of a request already queued.)"""
    import redis
    from scrapy import Request

    client = redis.Redis.from_url(f"{redis_url}/5")
    real = redis.Redis.execute_command
    deaths = 0
    for dies_at in range(1, 5):
        client.flushdb()
        calls = 0

        def dying(self, *args, dies_at=dies_at, **options):
            nonlocal calls
            calls += 1
            if calls == dies_at:
                raise Killed
            return real(self, *args, **options)

        first = fleet_scheduler(f"{redis_url}/5", "killed", "first")
        monkeypatch.setattr(redis.Redis, "execute_command", dying)
        try:
            first.push(Request("http://127.0.0.1:9/bai-viet/1.html"))
        except Killed:
            deaths += 1
        monkeypatch.setattr(redis.Redis, "execute_command", real)
        second = fleet_scheduler(f"{redis_url}/5", "killed", "second")
        second.push(Request("http://127.0.0.1:9/bai-viet/1.html"))
        assert client.zcard("killed:requests") == 1, f"killed at Redis call {dies_at}"
    assert deaths >= 1  # it was killed at each of its calls, and got through with calls to spare


def test_redis_gone_again_while_a_worker_hands_over_what_it_held(redis_url, monkeypatch):
    """Redis answers the worker's ping, then fails it again while the worker hands over the
    requests it held: they stay held, in order, and the worker goes back to waiting. (The
    hand-over's failures were held again at the end of the list it was emptying: on a
    Redis that refused at once, the worker spun there for ever, its reactor blocked.)"""
    import redis
    from scrapy import Request

    from tuyengiao_crawler.extensions import frontier

    worker = fleet_scheduler(f"{redis_url}/6", "flapping", "flapping")
    held = [Request(f"http://127.0.0.1:9/bai-viet/{n}.html") for n in (1, 2)]
    worker.lost(redis.ConnectionError("gone"))
    worker.unsent = list(held)
    worker.asked = 0.0  # a second ago and more: asked again now
    refused = 0

    def refuse(self, *args, **options):
        nonlocal refused
        refused += 1
        if refused > 50:
            pytest.fail("the worker keeps retrying the hand-over")
        raise redis.ConnectionError("refused")

    monkeypatch.setattr(frontier.InFlightQueue, "push", refuse)
    assert worker.reachable() is False
    assert [r.url for r in worker.unsent] == [r.url for r in held]
    assert refused == 1 and worker.down_since is not None


def test_per_host_slots_hold_across_workers_first_come_first_served(redis_url):
    """Two workers' slot handlers share the per-host cap: with 2 slots, the third request
    waits until one is given back, whichever worker holds them; and a freed slot goes to
    the request that has waited longest, not to the worker that asks most often."""
    import asyncio

    from scrapy.utils.test import get_crawler

    from tuyengiao_crawler.download_handlers.fleet import FleetSlotDownloadHandler

    settings = {"TUYENGIAO_REDIS_URL": f"{redis_url}/4", "TUYENGIAO_FLEET_PER_DOMAIN": 2}
    one, two = (FleetSlotDownloadHandler(get_crawler(settings_dict=settings)) for _ in "12")
    host = "127.0.0.1"

    async def scenario():
        first = await one.take(host)
        second = await two.take(host)
        waiting = asyncio.ensure_future(two.take(host))  # asks first
        await asyncio.sleep(0.2)
        later = asyncio.ensure_future(one.take(host))  # asks later, as often
        await asyncio.sleep(0.2)
        assert not waiting.done() and not later.done()  # both slots held, by two workers
        one.give_back(first)  # one worker's slot freed: it goes to the other's waiter
        await asyncio.wait_for(waiting, 5)
        await asyncio.sleep(0.3)
        assert not later.done()
        two.give_back(second)
        await asyncio.wait_for(later, 5)
        other = await asyncio.wait_for(two.take("127.0.0.2"), 1)  # a host of its own
        assert other is not None
        return [waiting.result(), later.result(), other]

    held = asyncio.run(scenario())
    assert one.client.zcard("tuyengiao:slots:127.0.0.1") == 2
    assert one.client.zcard("tuyengiao:waiting:127.0.0.1") == 0
    for slot in held:
        one.give_back(slot)
    assert one.client.zcard("tuyengiao:slots:127.0.0.1") == 0


def test_a_waiter_that_stops_asking_blocks_no_one(redis_url, monkeypatch):
    """A request that left the queue without a word (its worker killed) is dropped from it
    once it has not asked for WAITER_STALE seconds; a request cancelled while it waits
    leaves the queue at once."""
    import asyncio

    from scrapy.utils.test import get_crawler

    from tuyengiao_crawler.download_handlers import fleet

    monkeypatch.setattr(fleet, "WAITER_STALE", 0.5)
    settings = {"TUYENGIAO_REDIS_URL": f"{redis_url}/5", "TUYENGIAO_FLEET_PER_DOMAIN": 1}
    one, two = (fleet.FleetSlotDownloadHandler(get_crawler(settings_dict=settings)) for _ in "12")
    host = "127.0.0.1"

    async def scenario():
        held = await one.take(host)
        assert one._try(host, "killed-worker") is False  # queued, then never asks again
        cancelled = asyncio.ensure_future(two.take(host))
        await asyncio.sleep(0.1)
        cancelled.cancel()
        await asyncio.sleep(0.1)
        assert one.client.zrange("tuyengiao:waiting:127.0.0.1", 0, -1) == [b"killed-worker"]
        waiting = asyncio.ensure_future(two.take(host))
        one.give_back(held)
        return await asyncio.wait_for(waiting, 5)  # after the stale waiter is dropped

    assert asyncio.run(scenario()) is not None
    assert one.client.zcard("tuyengiao:waiting:127.0.0.1") == 0


def test_a_dead_workers_slots_are_freed_when_its_heartbeat_expires(redis_url):
    """A killed worker's slots go to the others once its heartbeat has expired, not after
    the slots' own expiry (DOWNLOAD_TIMEOUT plus a margin: 210 s by default)."""
    import asyncio

    import redis
    from scrapy.utils.test import get_crawler

    from tuyengiao_crawler.download_handlers.fleet import FleetSlotDownloadHandler
    from tuyengiao_crawler.extensions.frontier import WORKER_ID

    db = f"{redis_url}/6"
    client = redis.Redis.from_url(db)
    client.set("tuyengiao:worker:dead", "1", px=800)  # the scheduler's heartbeat
    client.set("tuyengiao:worker:alive", "1", px=60_000)

    def handler(worker):
        settings = {"TUYENGIAO_REDIS_URL": db, "TUYENGIAO_FLEET_PER_DOMAIN": 1, WORKER_ID: worker}
        return FleetSlotDownloadHandler(get_crawler(settings_dict=settings))

    dead, alive = handler("dead"), handler("alive")
    assert dead.ttl == 210
    host = "127.0.0.1"

    async def scenario():
        held = await dead.take(host)  # never given back: the worker was killed
        assert held[1].startswith("dead|")
        waiting = asyncio.ensure_future(alive.take(host))
        await asyncio.sleep(0.3)
        assert not waiting.done()  # the dead worker's heartbeat still runs
        started = time.monotonic()
        taken = await asyncio.wait_for(waiting, 5)
        return taken, time.monotonic() - started

    taken, waited = asyncio.run(scenario())
    assert taken[1].startswith("alive|") and waited < 3
    assert [t.decode() for t in client.zrange("tuyengiao:slots:127.0.0.1", 0, -1)] == [taken[1]]


def test_a_worker_that_joins_late_gets_its_share_of_a_polite_host(tmp_path, redis_url):
    """A request takes its fleet slot once its download delay is over. It used to take it
    before, so a polite worker held every slot of the host for the requests it had
    queued, and a worker that joined got nothing until the first ran out of work (fresh
    CI clones: 273 of 300 articles archived by the first before the second had 5)."""
    import redis

    prefix = "late"
    with SiteServer(OUTAGE_SITE) as site:
        seeded = tuyengiao("seed", "--redis", redis_url, "--key", prefix, "--site", "demo",
                           "--start-url", site.url)  # fmt: skip
        assert seeded.returncode == 0, seeded.stderr
        shards = [tmp_path / f"w{n}" / "shard.sqlite" for n in (1, 2)]
        common = ("-s", f"TUYENGIAO_REDIS_KEY={prefix}", "-s", "TUYENGIAO_FLEET_PER_DOMAIN=4")
        first = worker(redis_url, shards[0], *common, "-s", "DOWNLOAD_DELAY=0.1")
        wait_for(shards[0], 5, first)
        second = worker(redis_url, shards[1], *common)
        wait_for(shards[1], 30, second)
        # The second got its share of the host while the first was still at work.
        assert first.poll() is None
        by_first = count(shards[0], "SELECT count(*) FROM articles")
        assert by_first < OUTAGE_SITE * 0.5, f"{by_first} by the first, 30 by the second"
        for process in (first, second):
            _, err = process.communicate(timeout=180)
            assert process.returncode == 0, err[-2000:]
    assert sum(count(s, "SELECT count(*) FROM articles") for s in shards) == OUTAGE_SITE
    assert not fetched_twice(*shards)
    client = redis.Redis.from_url(redis_url)
    assert client.zcard(f"{prefix}:slots:127.0.0.1") == 0
    assert client.zcard(f"{prefix}:waiting:127.0.0.1") == 0


def test_the_fleet_slots_wrap_the_http_handlers_a_crawl_has():
    """FleetAddon puts the slot handler around whatever http and https handlers the crawl
    was given (here at project level, above the addon's own priority), and leaves a
    scheme that was turned off alone."""
    from scrapy.settings import Settings

    from tuyengiao_crawler.extensions.frontier import FLEET_SLOTS, FleetAddon

    h2 = "scrapy.core.downloader.handlers.http2.H2DownloadHandler"
    settings = Settings(
        {
            "TUYENGIAO_REDIS_URL": "redis://127.0.0.1:6379/0",
            "DOWNLOAD_HANDLERS": {"https": h2, "ftp": None},
        }
    )
    FleetAddon().update_settings(settings)
    handlers = settings.getwithbase("DOWNLOAD_HANDLERS")
    assert (handlers["http"], handlers["https"], handlers["ftp"]) == (
        FLEET_SLOTS,
        FLEET_SLOTS,
        None,
    )
    assert settings.getdict("TUYENGIAO_FLEET_WRAPPED_HANDLERS") == {
        "http": "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler",
        "https": h2,
    }
    plain = Settings({"DOWNLOAD_HANDLERS": {"https": h2}})
    FleetAddon().update_settings(plain)
    assert plain.getwithbase("DOWNLOAD_HANDLERS")["https"] == h2
