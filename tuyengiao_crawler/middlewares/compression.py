"""Compressed responses: ask only for codings every WARC reader reads; a compressed body
cut short is a failed fetch, retried, never a short article.

Scrapy's HttpCompressionMiddleware asks for "gzip, deflate, br, zstd", and warcio (so
`warcio check`, pywb) crashes on brotli records. Its gunzip also returns whatever a cut
gzip stream held, so a body truncated in transit but sent with a Content-Length to match
became an article of a few hundred characters.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.http import Request, Response

from tuyengiao_crawler.archive.content_coding import content_codings, truncated_coding
from tuyengiao_crawler.extensions.run import ArchiveRun
from tuyengiao_crawler.middlewares.retry import BackoffRetryMiddleware
from tuyengiao_crawler.middlewares.warc import FETCH_ID_KEY

# What the crawl asks for: the codings warcio, pywb and every other WARC reader undo.
ACCEPT_ENCODING = b"gzip, deflate"


class TruncatedBody(Exception):
    """A compressed body that ends before its stream does, after the last retry."""


class CompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's HttpCompressionMiddleware (same place, 590; same limits), which asks for
    gzip and deflate only, and checks the coding of each compressed response first: a
    stream cut short gives its fetch an error ("truncated gzip body") and is retried as a
    failed download is (RETRY_TIMES, with the crawl's backoff); after the last retry it
    fails with TruncatedBody, which the spider records. Servers that send br or zstd
    unasked are still read (and their records still archived)."""

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CompressionMiddleware:
        middleware = super().from_crawler(crawler)
        middleware.crawler = crawler
        return middleware

    def process_request(self, request: Request) -> None:
        request.headers.setdefault("Accept-Encoding", ACCEPT_ENCODING)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        reason = self._cut_short(request, response) if request.method != "HEAD" else None
        if reason:
            return await self._retry(request, reason)
        return super().process_response(request, response)

    def _cut_short(self, request: Request, response: Response) -> str | None:
        # Only a page that would be read: an error page or an empty body (a 204, a HEAD's
        # answer) is left to Scrapy as it was.
        if not 200 <= response.status < 300 or not response.body:
            return None
        values = response.headers.getlist("Content-Encoding")
        codings = content_codings([("Content-Encoding", v.decode("latin-1")) for v in values])
        # Undone last to first: a transfer cut short cuts the last one applied.
        if not codings:
            return None
        max_size = request.meta.get("download_maxsize", self._max_size)
        return truncated_coding(response.body, codings[-1], max_size)

    async def _retry(self, request: Request, reason: str) -> Request:
        ArchiveRun.of(self.crawler).record_failure(request, reason, request.meta.get(FETCH_ID_KEY))
        self.crawler.stats.inc_value("tuyengiao/truncated_bodies")
        retry = get_retry_request(request, spider=self.crawler.spider, reason=reason)
        if retry is None:
            raise TruncatedBody(reason)
        backoff = self.crawler.get_downloader_middleware(BackoffRetryMiddleware)
        if backoff is not None:
            await backoff.wait_before(retry)  # the same wait as before any other retry
        return retry
