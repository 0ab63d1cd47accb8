"""Downloader middlewares for unreliable servers: spaced-out retries that honour
Retry-After, and redirect loops stopped and reported as failures.

Also: a full disk stops the crawl cleanly (DiskGuard) instead of leaving it to spin.

Settings (see settings.py): RETRY_TIMES and RETRY_HTTP_CODES (Scrapy's),
TUYENGIAO_RETRY_BACKOFF, TUYENGIAO_RETRY_BACKOFF_MAX, TUYENGIAO_RETRY_AFTER_MAX,
TUYENGIAO_MIN_FREE_MB.
"""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from tuyengiao_crawler.archive.fetches import record_fetch, set_fetch_error
from tuyengiao_crawler.extensions import ArchiveRun

try:
    from scrapy.utils.asyncio import sleep
except ImportError:  # Scrapy < 2.18
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.internet import reactor
    from twisted.internet.task import deferLater

    async def sleep(seconds: float) -> None:
        await maybe_deferred_to_future(deferLater(reactor, seconds))


logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delay-seconds or an HTTP date); None if
    absent or unreadable. Never negative."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isascii() and text.isdigit():  # "²" and "٣" are digits to Python, not to HTTP
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


def backoff_delay(
    attempt: int,
    base: float,
    cap: float,
    retry_after: float | None = None,
    retry_after_cap: float = 120.0,
) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): `base`, doubled each
    time, at most `cap`; a server's Retry-After wins when longer, up to `retry_after_cap`."""
    delay = min(max(base, 0.0) * 2 ** max(attempt - 1, 0), max(cap, 0.0))
    if retry_after is not None:
        delay = max(delay, min(retry_after, max(retry_after_cap, 0.0)))
    return delay


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware (same settings, same codes: 500, 502, 503, 504, 522, 524,
    408, 429 and network errors), with a wait before each retry: exponential backoff
    from TUYENGIAO_RETRY_BACKOFF seconds, capped at TUYENGIAO_RETRY_BACKOFF_MAX, or the
    server's Retry-After when longer, capped at TUYENGIAO_RETRY_AFTER_MAX. The wait
    holds only the request being retried; other downloads go on."""

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("TUYENGIAO_RETRY_BACKOFF", 2.0)
        self.cap = settings.getfloat("TUYENGIAO_RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_cap = settings.getfloat("TUYENGIAO_RETRY_AFTER_MAX", 120.0)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(result, retry_after_seconds(response.headers.get(b"Retry-After")))
        return result

    async def process_exception(
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._wait(result, None)
        return result

    async def _wait(self, retry: Request, retry_after: float | None) -> None:
        attempt = int(retry.meta.get("retry_times", 1))
        delay = backoff_delay(attempt, self.base, self.cap, retry_after, self.retry_after_cap)
        if retry_after is not None:
            self.crawler.stats.inc_value("tuyengiao/retry_after_honoured")
        if delay > 0:
            self.crawler.stats.inc_value("tuyengiao/retry_wait_seconds", round(delay, 3))
            logger.debug("waiting %.1fs before retry %d of %s", delay, attempt, retry.url)
            await sleep(delay)


class RedirectLoop(IgnoreRequest):
    """A redirect that leads back to a URL of its own chain, or a chain too long: a
    failure of the site, reported as one."""


class RedirectGuardMiddleware:
    """Watches each redirect before RedirectMiddleware follows it:

    - a chain that comes back to a URL it has visited (which Scrapy's duplicate filter
      would otherwise drop without a word), or that exceeds REDIRECT_MAX_TIMES, raises
      RedirectLoop, so the spider records the failure;
    - a redirect out of the crawl's scope (another host, or another port of an IP
      address) is dropped, as the spider drops such links: Scrapy's own offsite check
      knows domains, not ports.

    Sits at 601, just outside RedirectMiddleware (600), so it sees each 3xx first.
    """

    def __init__(self, crawler: Crawler, max_times: int) -> None:
        self.crawler = crawler
        self.max_times = max_times

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectGuardMiddleware:
        return cls(crawler, crawler.settings.getint("REDIRECT_MAX_TIMES", 20))

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in (301, 302, 303, 307, 308) or request.meta.get("dont_redirect"):
            return response
        location = response.headers.get(b"Location")
        if not location:
            return response
        # Exact URLs, not canonical ones: a redirect from a tracking or index.html URL to
        # its canonical form is no loop.
        try:
            target = urldefrag(response.urljoin(location.decode("latin-1"))).url
        except ValueError:
            return response
        chain = {urldefrag(u).url for u in request.meta.get("redirect_urls", [])}
        chain.add(urldefrag(request.url).url)
        hops = len(request.meta.get("redirect_urls", [])) + 1
        if target in chain:
            raise RedirectLoop(f"redirect loop: {request.url} -> {target} after {hops} hop(s)")
        if hops > self.max_times:
            raise RedirectLoop(f"too many redirects: more than {self.max_times} from {request.url}")
        scope = getattr(self.crawler.spider, "scope", None)
        if scope is not None and target not in scope:
            self.crawler.stats.inc_value("tuyengiao/offsite_redirects")
            raise IgnoreRequest(f"redirect out of the crawl's scope: {request.url} -> {target}")
        return response


def record_failure(crawler: Crawler, request: Request, reason: str, fetch_id: int | None) -> None:
    """Write a failure's reason into `fetches`: on the fetch it concerns, or on a new row
    (status NULL) when no fetch was recorded (a redirect loop)."""
    run = ArchiveRun.of(crawler)
    if fetch_id is not None:
        set_fetch_error(run.archive, fetch_id, reason)
        return
    record_fetch(
        run.archive,
        run_id=run.ensure_started(),
        url=request.url,
        method=request.method,
        status=None,
        error=reason,
    )
    crawler.stats.inc_value("tuyengiao/fetches")


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
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DiskGuard:
        from pathlib import Path

        db = Path(crawler.settings.get("TUYENGIAO_DB") or "data/archive.sqlite")
        min_free = int(crawler.settings.getfloat("TUYENGIAO_MIN_FREE_MB", 50) * 1024 * 1024)
        guard = cls(crawler, str(db.resolve().parent), min_free)
        crawler.signals.connect(guard.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(guard.spider_closed, signal=signals.spider_closed)
        return guard

    def spider_opened(self, spider: Spider) -> None:
        if self.min_free <= 0:
            return
        self.loop = task.LoopingCall(self.check)
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
