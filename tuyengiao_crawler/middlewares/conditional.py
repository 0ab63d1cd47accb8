"""Incremental runs: conditional requests for archived articles, 304s and gone articles."""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.extensions.run import ArchiveRun
from tuyengiao_crawler.extract.urls import canonicalize_url

GONE_STATUSES = (404, 410)


class NotModified(IgnoreRequest):
    """The server says an archived article has not changed: nothing to parse."""


class ConditionalRequestMiddleware:
    """Asks for archived articles only if they changed (If-None-Match / If-Modified-Since,
    where the server gave validators), records 304s as "seen, unchanged" and marks
    archived articles that now answer 404 or 410 as gone.

    Sits just inside WARC capture, so conditional headers are in the archived request and
    the 304 or 404 is archived before this records what it means.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        return cls(crawler)

    @property
    def archive(self) -> Archive:
        return ArchiveRun.of(self.crawler).archive

    def process_request(self, request: Request) -> None:
        # Requests carry the URL as linked; the archive knows articles by canonical URL.
        url = canonicalize_url(request.url)
        plan = ArchiveRun.plan_of(self.crawler)
        if not plan.is_archived(url):
            return
        if plan.validators is not None:  # a fleet worker: the merged archive's
            validators = plan.validators.get(url)
        else:
            validators = self.archive.validators(url)
        if not validators:
            return
        etag, last_modified = validators
        if etag:
            request.headers[b"If-None-Match"] = etag
        if last_modified:
            request.headers[b"If-Modified-Since"] = last_modified
        if etag or last_modified:
            self.stats.inc_value("tuyengiao/conditional_requests")

    def process_response(self, request: Request, response: Response) -> Response:
        conditional = b"If-None-Match" in request.headers or b"If-Modified-Since" in request.headers
        if response.status == 304 and conditional:
            self.archive.touch_article(
                canonicalize_url(request.url), fetch_id=request.meta.get("tuyengiao_fetch_id")
            )
            self.stats.inc_value("tuyengiao/articles_unchanged")
            self.stats.inc_value("tuyengiao/not_modified")
            raise NotModified(f"not modified: {request.url}")
        if response.status in GONE_STATUSES and self.archive.mark_gone(
            canonicalize_url(request.url), response.status
        ):
            request.meta["tuyengiao_gone"] = True
            self.stats.inc_value("tuyengiao/articles_gone")
        return response
