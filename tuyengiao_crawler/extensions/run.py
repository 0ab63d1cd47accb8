"""The ArchiveRun extension: the archive connection and the `crawl_runs` row of one crawl,
and the one interface between the spider and what the archive holds (`CrawlPlan`)."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.archive.coverage import (
    DEFAULT_MIN_ARTICLES,
    DEFAULT_POINTS,
    DEFAULT_RUNS,
    CoverageCounter,
    earlier_coverage,
    find_drops,
)
from tuyengiao_crawler.archive.fetches import record_fetch, set_fetch_error
from tuyengiao_crawler.archive.lock import ArchiveLock
from tuyengiao_crawler.archive.merge import fleet_baseline
from tuyengiao_crawler.extensions.resume import mark_queue_saved
from tuyengiao_crawler.extract.urls import canonicalize_url
from tuyengiao_crawler.normalize.dates import normalize_date

logger = logging.getLogger(__name__)


def run_status(reason: str, stats: dict) -> str:
    """ok, partial (some fetches failed), failed (nothing fetched) or interrupted; a run
    that is ok or partial becomes `degraded` when its coverage fell (`ArchiveRun.judge`)."""
    if reason == "shutdown":
        return "interrupted"
    if (
        reason == "finished"
        and stats.get("tuyengiao/fleet_worker")
        and not stats.get("tuyengiao/errors")
    ):
        return "ok"  # a fleet worker may join when the others have taken all the work
    if not stats.get("downloader/response_count") or reason not in (
        "finished",
        "closespider_pagecount",
        "closespider_itemcount",
    ):
        return "failed"
    return "partial" if stats.get("tuyengiao/errors") else "ok"


@dataclass
class CrawlPlan:
    """What one crawl walks and what the archive already holds of it.

    The spider states the first three when it opens (`ArchiveRun.plan_crawl`); the run
    answers with the mode and the archived URLs. Middlewares read the plan from the run,
    never the spider's attributes.
    """

    start_urls: list[str] = field(default_factory=list)
    profile: str | None = None
    scope: Container[str] | None = None
    # "full", or "incremental" once a crawl of these start URLs has finished.
    mode: str = "full"
    known: frozenset[str] | set[str] = frozenset()
    # When the baseline run (the last one that finished) started, for an incremental run.
    since: str | None = None
    # Keys of the articles that the stopped runs this one resumes archived: not asked for.
    done: frozenset[str] = frozenset()
    # Their pages as archived (URL, WARC file, offset), whose links are followed instead.
    done_pages: list[tuple[str, str, int]] = field(default_factory=list)
    # A fleet worker's baseline (TUYENGIAO_BASELINE): the validators of the articles the
    # merged archive holds, by URL; None: ask the crawl's own archive.
    validators: dict[str, tuple[str | None, str | None]] | None = None

    def is_archived(self, url: str) -> bool:
        """Whether an incremental run already holds this article (ask only if changed)."""
        return self.mode == "incremental" and url in self.known

    def changed_since(self, modified: str | None) -> bool:
        """Whether a feed's or sitemap's date for an entry is on or after the day the
        baseline run started (by day: a sitemap's lastmod is often a date alone, and an
        entry asked for once too often costs one conditional request); False without."""
        when = normalize_date(modified) if modified and self.since else None
        return bool(when) and when[:10] >= self.since[:10]


class ArchiveRun:
    """Owns the archive connection and the `crawl_runs` row for one crawl.

    Built with the crawler (it takes the archive's lock at once), so pipelines and
    middlewares can write from their first call; the archive is opened on first use, in
    the thread that runs the crawl (`scrapy shell` builds the crawler in another). The run
    is closed on `spider_closed`, the only moment Scrapy knows why the crawl ended.
    Others reach it with `ArchiveRun.of(crawler)`.
    """

    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.lock = ArchiveLock(db_path).acquire()
        self._archive: Archive | None = None
        self.plan = CrawlPlan()
        self.run_id: int | None = None
        # The fields of the articles this run archived new or updated (StorePipeline).
        self.coverage = CoverageCounter()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveRun:
        db_path = crawler.settings.get("TUYENGIAO_DB")
        if not db_path:
            raise NotConfigured("TUYENGIAO_DB is empty")
        extension = cls(crawler, db_path)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.item_failed, signal=signals.item_error)
        return extension

    @staticmethod
    def of(crawler: Crawler) -> ArchiveRun:
        for extension in crawler.extensions.middlewares:
            if isinstance(extension, ArchiveRun):
                return extension
        raise NotConfigured("the ArchiveRun extension is not enabled")

    @staticmethod
    def plan_of(crawler: Crawler) -> CrawlPlan:
        """The crawl's plan; an empty one (full, no scope) for a crawler without a run."""
        try:
            return ArchiveRun.of(crawler).plan
        except NotConfigured:
            return CrawlPlan()

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            self._archive = Archive(self.db_path, background_checkpoints=True)
            # We hold the lock, so a run still marked "running" belongs to a dead process.
            self._archive.close_stale_runs()
        return self._archive

    def plan_crawl(
        self,
        start_urls: list[str],
        profile: str | None,
        scope: Container[str] | None = None,
        *,
        full: bool = False,
        resume: bool = False,
    ) -> CrawlPlan:
        """The crawl's plan: incremental (archived articles known) only once a crawl of
        these start URLs has finished, so an interrupted first crawl is never mistaken
        for a baseline; full when asked or when there is none. A `resume` (of the stopped
        runs since the last finished one) skips the articles they archived."""
        since = self.archive.last_completed_run(start_urls)
        validators = None
        baseline = self.crawler.settings.get("TUYENGIAO_BASELINE")
        if baseline:  # a fleet worker's shard: the merged archive is what is archived
            since, validators = fleet_baseline(baseline, start_urls)
        full = full or since is None
        done: set[str] = set()
        pages: list[tuple[str, str, int]] = []
        if resume:
            stopped = self.archive.stopped_runs(start_urls)
            for url, fetched, status, warc_file, offset in self.archive.articles_fetched_in(
                stopped
            ):
                done.update((url, canonicalize_url(fetched)))
                if status == 200 and warc_file:
                    pages.append((fetched, warc_file, offset))
            self.crawler.stats.set_value("tuyengiao/resumed_runs", stopped)
        self.plan = CrawlPlan(
            list(start_urls),
            profile,
            scope,
            mode="full" if full else "incremental",
            known=frozenset()
            if full
            else frozenset(validators if validators is not None else self.archive.article_urls()),
            since=None if full else since,
            done=frozenset(done) - set(start_urls),
            done_pages=pages,
            validators=None if full else validators,
        )
        return self.plan

    def ensure_started(self) -> int:
        if self.run_id is None:
            self.run_id = self.archive.start_run(
                self.plan.start_urls, self.plan.profile, mode=self.plan.mode, pid=os.getpid()
            )
            self.crawler.stats.set_value("tuyengiao/run_id", self.run_id)
        return self.run_id

    def record_failure(self, request: Request, reason: str, fetch_id: int | None) -> None:
        """Write a failure's reason into `fetches`: on the fetch it concerns, or on a new
        row (status NULL) when no fetch was recorded (a redirect loop)."""
        if fetch_id is not None:
            set_fetch_error(self.archive, fetch_id, reason)
            return
        record_fetch(
            self.archive,
            run_id=self.ensure_started(),
            url=request.url,
            method=request.method,
            status=None,
            error=reason,
        )
        self.crawler.stats.inc_value("tuyengiao/fetches")

    def item_failed(
        self, item: Any, response: Response | None, spider: Spider, failure: Any
    ) -> None:
        """An article a pipeline failed to store (not a drop: an error, such as a locked
        or full database) is counted as an error, so the run is `partial` at best, and
        listed in `fetches` on the fetch it was read from."""
        reason = f"article not stored: {failure.getErrorMessage() or failure.type.__name__}"
        self.crawler.stats.inc_value("tuyengiao/errors")
        self.crawler.stats.inc_value("tuyengiao/items_failed")
        url = ItemAdapter(item).get("url") if item is not None else None
        self.crawler.stats.set_value("tuyengiao/last_error", f"{url}: {reason}")
        if response is None:
            return
        try:
            self.record_failure(response.request, reason, ItemAdapter(item).get("fetch_id"))
        except sqlite3.Error:  # the archive that refused the article may refuse this too
            logger.error("%s: %s (not recorded in fetches either)", url, reason)

    def judge(self, coverage: dict[str, dict[str, Any]]) -> bool:
        """Whether a field's coverage fell sharply against the earlier finished runs of
        these start URLs (the rule: archive/coverage.py); each fall is logged as a
        WARNING naming the field, the site and up to three articles without it, and
        noted in the site's `drops`."""
        settings = self.crawler.settings
        drops = find_drops(
            coverage,
            earlier_coverage(self.archive.conn, json.dumps(self.plan.start_urls), self.run_id),
            min_articles=settings.getint("TUYENGIAO_COVERAGE_MIN_ARTICLES", DEFAULT_MIN_ARTICLES),
            runs=settings.getint("TUYENGIAO_COVERAGE_RUNS", DEFAULT_RUNS),
            points=settings.getfloat("TUYENGIAO_COVERAGE_DROP", DEFAULT_POINTS),
        )
        for drop in drops:
            logger.warning(drop.message())
            coverage[drop.site].setdefault("drops", []).append(
                {"field": drop.field, "share": drop.share, "before": drop.before, "runs": drop.runs}
            )
        self.crawler.stats.set_value("tuyengiao/coverage_drops", len(drops))
        return bool(drops)

    def spider_opened(self, spider: Spider) -> None:
        self.ensure_started()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.run_id is None:
            return
        stats = self.crawler.stats.get_stats()
        counts = {
            "pages_fetched": stats.get("downloader/response_count", 0),
            "not_modified": stats.get("tuyengiao/not_modified", 0),
            "articles_new": stats.get("tuyengiao/articles_new", 0),
            "articles_updated": stats.get("tuyengiao/articles_updated", 0),
            "articles_unchanged": stats.get("tuyengiao/articles_unchanged", 0),
            "articles_gone": stats.get("tuyengiao/articles_gone", 0),
            "items_dropped": stats.get("item_dropped_count", 0),
            "errors": stats.get("tuyengiao/errors", 0),
            "finish_reason": reason,
            "traps": json.dumps(stats["tuyengiao/traps"]) if stats.get("tuyengiao/traps") else None,
        }
        status = run_status(reason, stats)
        coverage = self.coverage.summary()
        if coverage and status in ("ok", "partial") and self.judge(coverage):
            status = "degraded"
        counts["coverage"] = json.dumps(coverage, ensure_ascii=False) if coverage else None
        self.archive.finish_run(self.run_id, status, counts)
        jobdir = self.crawler.settings.get("JOBDIR")
        if reason == "shutdown" and jobdir:
            mark_queue_saved(jobdir, self.run_id)  # Scrapy has written the queue by now
        self.archive.close()
        self._archive = None
        self.lock.release()
