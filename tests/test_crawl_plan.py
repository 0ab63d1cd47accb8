"""The one interface between the spider and the archive: `ArchiveRun.plan_crawl`.

Through a real crawler object (`get_crawler`) on a real SQLite file, as the pipeline
tests do; the middlewares read the plan from the run, never the spider's attributes.
"""

import sqlite3

import pytest
from scrapy import Request, signals
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.extensions.run import ArchiveRun, CrawlPlan
from tuyengiao_crawler.extract.urls import Scope
from tuyengiao_crawler.middlewares.conditional import ConditionalRequestMiddleware
from tuyengiao_crawler.middlewares.redirect import RedirectGuardMiddleware

START = ["http://127.0.0.1:8000/"]
ARTICLE = "http://127.0.0.1:8000/tin-tuc/hoi-nghi-1.html"


@pytest.fixture
def db(tmp_path):
    """An archive holding one article with validators, from one finished run of START."""
    path = tmp_path / "archive.sqlite"
    with Archive(path) as archive:
        run_id = archive.start_run(START, "generic", mode="full")
        archive.save_article(
            {"url": ARTICLE, "site": "127.0.0.1", "title": "Hội nghị", "body_text": "Nội dung.",
             "etag": '"v1"', "last_modified": "Tue, 01 Dec 2026 00:00:00 GMT"},
            run_id=run_id,
        )  # fmt: skip
        archive.finish_run(run_id, "ok", {"finish_reason": "finished"})
    return path


def run_of(db):
    crawler = get_crawler(
        settings_dict={
            "TUYENGIAO_DB": str(db),
            "EXTENSIONS": {"tuyengiao_crawler.extensions.run.ArchiveRun": 0},
        }
    )
    return crawler, ArchiveRun.of(crawler)


def test_after_a_finished_run_the_plan_is_incremental_and_knows_the_archive(db):
    crawler, run = run_of(db)
    plan = run.plan_crawl(START, "generic", Scope(START, []))
    assert (plan.mode, plan.known) == ("incremental", frozenset({ARTICLE}))
    assert plan.is_archived(ARTICLE) and not plan.is_archived(ARTICLE + "?p=2")
    assert ArchiveRun.plan_of(crawler) is plan
    # The run is recorded with what the spider said it walks.
    run_id = run.ensure_started()
    assert run.archive.run(run_id)["mode"] == "incremental"
    run.spider_closed(None, "finished")


def test_an_incremental_plan_asks_for_what_a_sitemap_says_changed_since_the_last_run(db):
    """A sitemap's or feed's date for an archived article: newer than the day the last
    finished run started means ask again (conditionally); older or none, skip."""
    _, run = run_of(db)
    plan = run.plan_crawl(START, "generic", Scope(START, []))
    (started,) = run.archive.conn.execute("SELECT started_at FROM crawl_runs").fetchone()
    assert plan.since == started
    day = started[:10]
    assert plan.changed_since(day)
    assert plan.changed_since(f"{day}T23:59:00+07:00")
    assert plan.changed_since("Tue, 01 Dec 2099 02:00:00 GMT")
    assert not plan.changed_since("2019-01-01")
    assert not plan.changed_since("Sat, 14 Mar 2020 09:40:00 +0700")
    assert not plan.changed_since(None) and not plan.changed_since("không rõ")
    # A full crawl has no baseline: nothing is skipped, so nothing "changed" is needed.
    assert run.plan_crawl(START, "generic", full=True).since is None
    run.spider_closed(None, "finished")


def test_full_when_asked_or_for_start_urls_never_crawled_to_the_end(db):
    _, run = run_of(db)
    assert run.plan_crawl(START, "generic", full=True).mode == "full"
    other = run.plan_crawl(["http://127.0.0.1:8000/btg/"], "generic")
    assert (other.mode, other.known, other.is_archived(ARTICLE)) == ("full", frozenset(), False)
    run.spider_closed(None, "finished")


def test_the_middlewares_read_the_plan_from_the_run(db):
    crawler, run = run_of(db)
    run.plan_crawl(START, "generic", Scope(START, []))
    conditional = ConditionalRequestMiddleware.from_crawler(crawler)
    asked = Request(ARTICLE)
    conditional.process_request(asked)
    assert asked.headers[b"If-None-Match"] == b'"v1"'
    assert asked.headers[b"If-Modified-Since"] == b"Tue, 01 Dec 2026 00:00:00 GMT"
    new = Request("http://127.0.0.1:8000/tin-tuc/moi-2.html")
    conditional.process_request(new)
    assert b"If-None-Match" not in new.headers
    guard = RedirectGuardMiddleware.from_crawler(crawler)
    away = HtmlResponse(ARTICLE, status=302, headers={"Location": "http://127.0.0.1:9/x"})
    with pytest.raises(Exception, match="out of the crawl's scope"):
        guard.process_response(Request(ARTICLE), away)
    run.spider_closed(None, "finished")


def test_a_crawler_without_a_run_has_an_empty_full_plan():
    plan = ArchiveRun.plan_of(get_crawler())
    assert plan == CrawlPlan() and plan.mode == "full" and plan.scope is None


def test_an_article_a_pipeline_failed_to_store_is_an_error_and_listed(db):
    """Before, an item error ("database is locked") was only logged: the run ended `ok`
    with errors 0 while articles were missing."""
    crawler, run = run_of(db)
    run.plan_crawl(START, "generic", Scope(START, []))
    run_id = run.ensure_started()
    request = Request("http://127.0.0.1:8000/tin-tuc/bai-2.html")
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    item = {"url": request.url, "fetch_id": None}
    crawler.signals.send_catch_log(
        signal=signals.item_error,
        item=item,
        response=response,
        spider=None,
        failure=Failure(sqlite3.OperationalError("database is locked")),
    )
    assert crawler.stats.get_value("tuyengiao/items_failed") == 1
    assert crawler.stats.get_value("tuyengiao/errors") == 1
    crawler.stats.set_value("downloader/response_count", 3)
    listed = run.archive.conn.execute(
        "SELECT url, error FROM fetches WHERE run_id = ?", (run_id,)
    ).fetchall()
    assert listed == [(request.url, "article not stored: database is locked")]
    run.spider_closed(None, "finished")
    with Archive(db) as archive:
        assert archive.run(run_id)["status"] == "partial"
