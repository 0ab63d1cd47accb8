"""Retries spaced out for unreliable servers: exponential backoff that honours Retry-After.

Settings (see settings.py): RETRY_TIMES and RETRY_HTTP_CODES (Scrapy's),
TUYENGIAO_RETRY_BACKOFF, TUYENGIAO_RETRY_BACKOFF_MAX, TUYENGIAO_RETRY_AFTER_MAX.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response

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
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
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
            await self.wait_before(
                result, retry_after_seconds(response.headers.get(b"Retry-After"))
            )
        return result

    async def process_exception(
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self.wait_before(result, None)
        return result

    async def wait_before(self, retry: Request, retry_after: float | None = None) -> None:
        """Wait as the crawl waits before any retry (for other middlewares that retry)."""
        attempt = int(retry.meta.get("retry_times", 1))
        delay = backoff_delay(attempt, self.base, self.cap, retry_after, self.retry_after_cap)
        if retry_after is not None:
            self.crawler.stats.inc_value("tuyengiao/retry_after_honoured")
        if delay > 0:
            self.crawler.stats.inc_value("tuyengiao/retry_wait_seconds", round(delay, 3))
            logger.debug("waiting %.1fs before retry %d of %s", delay, attempt, retry.url)
            await sleep(delay)
