"""Redirect loops stopped and reported as failures; redirects out of scope dropped."""

from __future__ import annotations

from urllib.parse import urldefrag

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

from tuyengiao_crawler.extensions.run import ArchiveRun
from tuyengiao_crawler.extract.urls import canonicalize_url


class RedirectLoop(IgnoreRequest):
    """A redirect that leads back to a URL of its own chain, or a chain too long: a
    failure of the site, reported as one."""


def in_scope(crawler: Crawler, url: str) -> bool:
    """Whether the crawl's scope (if it has one) holds `url`."""
    scope = ArchiveRun.plan_of(crawler).scope
    return scope is None or url in scope


def check_scope(crawler: Crawler, source: str, target: str) -> None:
    """Drop a request a page sent the crawler to out of the crawl's scope."""
    if not in_scope(crawler, target):
        crawler.stats.inc_value("tuyengiao/offsite_redirects")
        raise IgnoreRequest(f"redirect out of the crawl's scope: {source} -> {target}")


class RedirectScopeMiddleware:
    """Every request a redirect made (a 3xx, or a <meta http-equiv=refresh> that
    MetaRefreshMiddleware followed) is checked against the crawl's scope before anything
    is sent for it: at 50, before RobotsTxtMiddleware (100) would ask the other server for
    its robots.txt. One check for every way a page sends the crawler on. In a resumed run,
    a redirect to an article that a stopped run archived is dropped too."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectScopeMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if request.meta.get("redirect_urls"):
            check_scope(self.crawler, request.meta["redirect_urls"][-1], request.url)
            if canonicalize_url(request.url) in ArchiveRun.plan_of(self.crawler).done:
                # An old URL of an article that the stopped run this one resumes archived.
                raise IgnoreRequest(f"archived by the stopped run: {request.url}")


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
        check_scope(self.crawler, request.url, target)
        return response
