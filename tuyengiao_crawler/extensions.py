"""Scrapy extensions: the archive's crawl run, shared by the pipelines and middlewares."""

from __future__ import annotations

import os
import sys
import time

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.archive.lock import ArchiveLock


def run_status(reason: str, stats: dict) -> str:
    """ok, partial (some fetches failed), failed (nothing fetched) or interrupted."""
    if reason == "shutdown":
        return "interrupted"
    if not stats.get("downloader/response_count") or reason not in (
        "finished",
        "closespider_pagecount",
        "closespider_itemcount",
    ):
        return "failed"
    return "partial" if stats.get("tuyengiao/errors") else "ok"


class ArchiveRun:
    """Owns the archive connection and the `crawl_runs` row for one crawl.

    Opened when the crawler is built, so pipelines and middlewares can write from their
    first call; the run is closed on `spider_closed`, the only moment Scrapy knows why the
    crawl ended. Others reach it with `ArchiveRun.of(crawler)`.
    """

    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.crawler = crawler
        self.lock = ArchiveLock(db_path).acquire()
        self.archive = Archive(db_path, background_checkpoints=True)
        # We hold the lock, so a run still marked "running" belongs to a dead process.
        self.archive.close_stale_runs()
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveRun:
        db_path = crawler.settings.get("TUYENGIAO_DB")
        if not db_path:
            raise NotConfigured("TUYENGIAO_DB is empty")
        extension = cls(crawler, db_path)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    @staticmethod
    def of(crawler: Crawler) -> ArchiveRun:
        for extension in crawler.extensions.middlewares:
            if isinstance(extension, ArchiveRun):
                return extension
        raise NotConfigured("the ArchiveRun extension is not enabled")

    def ensure_started(self) -> int:
        if self.run_id is None:
            spider = self.crawler.spider
            self.run_id = self.archive.start_run(
                getattr(spider, "start_urls", []),
                getattr(spider, "profile_name", None),
                mode=getattr(spider, "crawl_mode", None),
                pid=os.getpid(),
            )
            self.crawler.stats.set_value("tuyengiao/run_id", self.run_id)
        return self.run_id

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
        }
        self.archive.finish_run(self.run_id, run_status(reason, stats), counts)
        self.archive.close()
        self.lock.release()


class Progress:
    """Shows a crawl's progress: a live line on a terminal, plain periodic lines in logs
    and cron mail.

    TUYENGIAO_PROGRESS: "auto" (live on a terminal, else lines), "live", "lines" or "off".
    TUYENGIAO_PROGRESS_INTERVAL: seconds between plain lines [60].
    """

    LIVE_INTERVAL = 0.5

    def __init__(self, crawler: Crawler, mode: str, interval: float) -> None:
        self.crawler = crawler
        self.mode = mode
        self.interval = interval
        self.started = 0.0
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        mode = crawler.settings.get("TUYENGIAO_PROGRESS", "auto").lower()
        if mode not in ("auto", "live", "lines", "off"):
            raise NotConfigured(
                f"TUYENGIAO_PROGRESS must be auto, live, lines or off, not {mode!r}"
            )
        if mode == "off":
            raise NotConfigured("progress display is off")
        if mode == "auto":
            mode = "live" if sys.stderr.isatty() else "lines"
        interval = crawler.settings.getfloat("TUYENGIAO_PROGRESS_INTERVAL", 60.0)
        extension = cls(crawler, mode, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.show)
        every = min(self.LIVE_INTERVAL, self.interval) if self.mode == "live" else self.interval
        self.loop.start(every, now=False)

    def spider_closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.mode == "live":
            self.show()
            sys.stderr.write("\n")
            sys.stderr.flush()

    def line(self) -> str:
        stats = self.crawler.stats
        elapsed = max(time.monotonic() - self.started, 1e-9)
        pages = stats.get_value("downloader/response_count", 0)
        count = lambda name: stats.get_value(f"tuyengiao/{name}", 0)  # noqa: E731
        stored = sum(count(f"articles_{s}") for s in ("new", "updated", "unchanged"))
        minutes, seconds = divmod(int(elapsed), 60)
        return (
            f"[progress] {minutes // 60}:{minutes % 60:02d}:{seconds:02d}"
            f" pages {pages} (304: {count('not_modified')}), articles {stored}"
            f" (new {count('articles_new')}, updated {count('articles_updated')},"
            f" unchanged {count('articles_unchanged')}, gone {count('articles_gone')}),"
            f" errors {count('errors')}, {pages / elapsed:.1f} pages/s"
        )

    def show(self) -> None:
        if self.mode == "live":
            sys.stderr.write("\r\x1b[2K" + self.line())
        else:
            sys.stderr.write(self.line() + "\n")
        sys.stderr.flush()
