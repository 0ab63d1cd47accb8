"""The disk guard: a full disk stops the crawl cleanly instead of leaving it to spin.

Setting: TUYENGIAO_MIN_FREE_MB (see settings.py).
"""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
from pathlib import Path

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.utils.asyncio import AsyncioLoopingCall, create_looping_call
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.task import LoopingCall

from tuyengiao_crawler import DEFAULT_DB

logger = logging.getLogger(__name__)


DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def is_disk_full(exc: BaseException | None) -> bool:
    """Whether an error means the disk (or quota, or file size limit) is full."""
    if isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS:
        return True
    return isinstance(exc, sqlite3.Error) and "disk is full" in str(exc).lower()


def stop_for_full_disk(crawler: Crawler, detail: str) -> None:
    """Stop the crawl (reason "disk_full", so the run is "failed") and say why, once."""
    stats = crawler.stats
    if stats.get_value("tuyengiao/disk_full"):
        return
    stats.set_value("tuyengiao/disk_full", 1)
    stats.inc_value("tuyengiao/errors")
    stats.set_value("tuyengiao/last_error", f"disk full: {detail}")
    logger.error("disk full (%s): stopping the crawl; free some space and run it again", detail)
    engine = crawler.engine
    if engine is not None and engine.spider is not None:
        deferred_from_coro(engine.close_spider_async(reason="disk_full"))


class DiskGuard:
    """Stops a crawl before the archive's disk fills up: every few seconds it checks the
    free space beside the archive and stops the crawl below TUYENGIAO_MIN_FREE_MB (0: no
    check). Errors that say the disk is full stop it too (see `is_disk_full`)."""

    INTERVAL = 5.0

    def __init__(self, crawler: Crawler, folder: str, min_free: int) -> None:
        self.crawler = crawler
        self.folder = folder
        self.min_free = min_free
        self.loop: AsyncioLoopingCall | LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DiskGuard:
        db = Path(crawler.settings.get("TUYENGIAO_DB") or DEFAULT_DB)
        min_free = int(crawler.settings.getfloat("TUYENGIAO_MIN_FREE_MB", 50) * 1024 * 1024)
        guard = cls(crawler, str(db.resolve().parent), min_free)
        crawler.signals.connect(guard.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(guard.spider_closed, signal=signals.spider_closed)
        return guard

    def spider_opened(self, spider: Spider) -> None:
        if self.min_free <= 0:
            return
        self.loop = create_looping_call(self.check)
        self.loop.start(self.INTERVAL, now=True)

    def spider_closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def check(self) -> None:
        try:
            free = shutil.disk_usage(self.folder).free
        except OSError:
            return
        if free < self.min_free:
            stop_for_full_disk(
                self.crawler,
                f"{free // (1024 * 1024)} MB free in {self.folder},"
                f" less than TUYENGIAO_MIN_FREE_MB ({self.min_free // (1024 * 1024)})",
            )
