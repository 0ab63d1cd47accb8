"""A real crawl, in a real process, of a site that mixes every fault with good articles.

Both servers run on 127.0.0.1: the fault site, and an "outside" server that the fault site
links and redirects to, which must get no request at all.
"""

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from testkit import rows

from tuyengiao_crawler.archive.warc import iter_records, warc_files
from tuyengiao_crawler.demo_site.faults import PARAGRAPHS, FaultSite, mixed_site

ROOT = Path(__file__).resolve().parents[2]
RETRY_TIMES = 2
RETRY_AFTER_MAX = 1.5
BACKOFF = 0.2
MAX_LISTING_PAGES = 5
SETTINGS = {
    "DOWNLOAD_TIMEOUT": 2,
    "RETRY_TIMES": RETRY_TIMES,
    "TUYENGIAO_RETRY_BACKOFF": BACKOFF,
    "TUYENGIAO_RETRY_AFTER_MAX": RETRY_AFTER_MAX,
    "TUYENGIAO_MAX_LISTING_PAGES": MAX_LISTING_PAGES,
}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    db = tmp_path_factory.mktemp("faults") / "archive.sqlite"
    with FaultSite({}) as outside:
        routes, good = mixed_site(outside.url)
        with FaultSite(routes) as site:
            args = [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--site", "demo",
                    "--start-url", site.url + "/", "--db", str(db)]  # fmt: skip
            for name, value in SETTINGS.items():
                args += ["-s", f"{name}={value}"]
            result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=120)
            requests = {"site": site, "outside": list(outside.requests)}
    return db, result, good, site, requests


def path_of(url):
    return "/" + url.split("/", 3)[3]


def test_the_crawl_finishes_partial_not_crashed(crawl):
    db, result, *_ = crawl
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    run = rows(db, "SELECT * FROM crawl_runs")[-1]
    assert (run["status"], run["finish_reason"]) == ("partial", "finished")
    assert run["errors"] >= 15
    assert "Some fetches failed; the last:" in result.stdout


def test_every_good_article_is_archived_once_in_correct_vietnamese(crawl):
    db, _, good, *_ = crawl
    archived = {path_of(a["url"]): a for a in rows(db, "SELECT * FROM articles")}
    assert set(archived) == {a.path for a in good}
    for article in good:
        row = archived[article.path]
        assert row["title"] == article.title, article.fault
        if article.quality == "suspect:replacement-characters":
            assert "\ufffd" in row["body_text"]
        else:
            assert row["body_text"].split("\n\n")[:3] == list(PARAGRAPHS), article.fault
            assert "\ufffd" not in row["body_html"], article.fault
        assert row["quality"] == article.quality, article.fault


def fetch_rows(db, path):
    return [f for f in rows(db, "SELECT * FROM fetches ORDER BY id") if path_of(f["url"]) == path]


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/loi/treo.html", "DownloadTimeoutError"),
        ("/loi/reset.html", "ConnectionLost"),
        ("/loi/cut.html", "ResponseDataLossError"),
        ("/loi/500.html", 500),
        ("/loi/502.html", 502),
        ("/loi/503.html", 503),
        ("/loi/503-cho-lau.html", 503),
        ("/loi/429.html", 429),
        ("/loi/khong-co.html", 404),
        ("/loi/lon.html", "larger than download max size"),
        ("/loi/lon-khong-do-dai.html", "DownloadCancelledError"),
        ("/loi/pdf.html", "binary file (b'%PDF') served as HTML"),
        ("/loi/rong.html", "empty body"),
        ("/loi/vong-a.html", "redirect loop"),
        ("/loi/vong-lap.html", "too many redirects"),
    ],
)
def test_every_failure_is_in_fetches_with_its_reason(crawl, path, reason):
    db, *_ = crawl
    # A redirect chain's failure is recorded on the URL where the chain stopped.
    where = {"/loi/vong-a.html": "/loi/vong-b.html", "/loi/vong-lap.html": "/loi/vong-lap.html?n="}
    fetches = [
        f
        for f in rows(db, "SELECT * FROM fetches ORDER BY id")
        if path_of(f["url"]) == path or (path in where and where[path] in f["url"])
    ]
    if isinstance(reason, int):  # an HTTP error: every attempt's row has its status
        assert [f["status"] for f in fetches] == [reason] * len(fetches), path
        assert fetches and all(f["error"] is None for f in fetches), path
        return
    errors = [f["error"] for f in fetches if f["error"]]
    assert errors and reason in errors[-1], (path, errors)


@pytest.mark.parametrize(
    "path, attempts",
    [
        ("/loi/500.html", 1 + RETRY_TIMES),
        ("/loi/treo.html", 1 + RETRY_TIMES),
        ("/loi/reset.html", 1 + RETRY_TIMES),
        ("/loi/cut.html", 1 + RETRY_TIMES),
        ("/loi/429.html", 1 + RETRY_TIMES),
        ("/loi/khong-co.html", 1),  # a 404 is not worth retrying
        ("/loi/pdf.html", 1),
        ("/tin/503-roi-duoc.html", 2),  # transient: the retry got the article
        ("/tin/reset-roi-duoc.html", 2),
        ("/tin/treo-roi-duoc.html", 2),
    ],
)
def test_retries_what_is_worth_retrying(crawl, path, attempts):
    db, *_, requests = crawl
    hits = requests["site"].hits(path)
    if path != "/loi/reset.html":
        assert hits == attempts
        return
    # Twisted's HTTP client itself tries a reset request again once on a fresh connection
    # when the one it reused was reset; Scrapy counts (and records) its own attempts.
    assert attempts <= hits <= 2 * attempts
    assert len([f for f in fetch_rows(db, path) if f["error"]]) == attempts


def gaps(site, path):
    times = site.times(path)
    return [b - a for a, b in itertools.pairwise(times)]


def test_retry_after_is_honoured_and_capped_and_backoff_grows(crawl):
    *_, requests = crawl
    site = requests["site"]
    assert all(g >= 0.95 for g in gaps(site, "/tin/503-roi-duoc.html"))  # Retry-After: 1
    assert all(g >= 0.95 for g in gaps(site, "/loi/429.html"))  # Retry-After: 1
    # Retry-After: 3600, capped at TUYENGIAO_RETRY_AFTER_MAX
    assert all(RETRY_AFTER_MAX - 0.05 <= g < RETRY_AFTER_MAX + 3 for g in gaps(site, "/loi/503-cho-lau.html"))  # fmt: skip
    first, second = gaps(site, "/loi/500.html")  # no Retry-After: 0.2 s, then 0.4 s
    assert first >= BACKOFF - 0.02 and second >= 2 * BACKOFF - 0.02
    assert first < RETRY_AFTER_MAX + 1


def test_limits_hold_traps_and_huge_pages(crawl):
    db, *_, requests = crawl
    site = requests["site"]
    trap = [p for _, _, p in site.requests if p.startswith("/trap/")]
    calendar = [p for _, _, p in site.requests if p.startswith("/lich")]
    # The pages of a capped series, plus the links its pages asked for before the cap (each
    # page links two more; answers arriving out of order can add one or two).
    assert MAX_LISTING_PAGES <= len(trap) <= 2 * MAX_LISTING_PAGES + 1
    assert MAX_LISTING_PAGES <= len(calendar) <= 2 * MAX_LISTING_PAGES + 1
    assert site.hits("/loi/vong-lap.html") == 21  # REDIRECT_MAX_TIMES = 20, then stopped
    huge = fetch_rows(db, "/loi/lon.html")
    assert huge and all(f["status"] is None and f["warc_file"] is None for f in huge)
    assert site.hits("/admin/") == 0  # robots.txt


def test_nothing_outside_the_scope_is_fetched(crawl):
    *_, requests = crawl
    assert requests["outside"] == []
    assert requests["site"].hits("/ra-ngoai.html") == 1  # the redirect out was not followed


def test_warc_files_hold_every_recorded_response(crawl):
    db, *_ = crawl
    folder = Path(db).parent / "warc"
    records = [r for path in warc_files(folder) for r in iter_records(path)]
    responses = [r for r in records if r.rec_type == "response"]
    indexed = rows(db, "SELECT count(*) AS n FROM fetches WHERE warc_file IS NOT NULL")[0]["n"]
    assert len(responses) == indexed
