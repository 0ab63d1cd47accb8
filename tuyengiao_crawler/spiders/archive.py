"""The archive spider: walks a site's pages and yields one item per article page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response, TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from tuyengiao_crawler.extensions import ArchiveRun
from tuyengiao_crawler.extract.charset import (
    declared_encoding,
    font_quality,
    not_html,
    repair_page,
)
from tuyengiao_crawler.extract.classify import page_kind
from tuyengiao_crawler.extract.generic import extract_generic
from tuyengiao_crawler.extract.listing import ListingLinks, listing_links
from tuyengiao_crawler.extract.profile import extract_with_profile, is_article
from tuyengiao_crawler.extract.traps import listing_key
from tuyengiao_crawler.extract.urls import Scope, canonicalize_url, site_root
from tuyengiao_crawler.items import ArticleItem
from tuyengiao_crawler.middlewares.resilience import (
    RedirectLoop,
    is_disk_full,
    record_failure,
    stop_for_full_disk,
)
from tuyengiao_crawler.profiles import SiteProfile, load_profile, profile_for_host

SKIPPED_EXTENSIONS = frozenset(f".{ext}" for ext in IGNORED_EXTENSIONS)
_SKIPPED_SUFFIXES = tuple(sorted(SKIPPED_EXTENSIONS))  # one str.endswith call


def _canonical(url: str) -> str | None:
    """The canonical URL, or None for a link no URL parser can read ("http://host:99999/")."""
    try:
        return canonicalize_url(url)
    except ValueError:
        return None


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


class ArchiveSpider(scrapy.Spider):
    """Start pages -> sub-sites and categories -> listing pages -> articles (and related links).

    Arguments (or settings): `start_url` (comma-separated; TUYENGIAO_START_URLS) and `site`
    (profile name or .toml path; TUYENGIAO_PROFILE). Without a matching profile the spider
    runs in generic mode.
    """

    name = "archive"

    def __init__(self, start_url: str | None = None, site: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self._start_arg = start_url
        self._site_arg = site

    @classmethod
    def from_crawler(
        cls, crawler: scrapy.crawler.Crawler, *args: Any, **kwargs: Any
    ) -> ArchiveSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._configure(crawler.settings)
        # Connected before the extensions exist, so this runs before the run is recorded.
        crawler.signals.connect(spider._read_archive, signal=signals.spider_opened)
        return spider

    def _read_archive(self) -> None:
        """Full or incremental: incremental only once a crawl of these start URLs has
        finished, so an interrupted first crawl is never mistaken for a baseline."""
        archive = ArchiveRun.of(self.crawler).archive
        full = self.settings.getbool("TUYENGIAO_FULL") or not archive.has_completed_run(
            self.start_urls
        )
        self.crawl_mode = "full" if full else "incremental"
        self.known = set() if full else archive.article_urls()

    def _configure(self, settings: scrapy.settings.BaseSettings) -> None:
        site = self._site_arg or settings.get("TUYENGIAO_PROFILE") or None
        self.profile: SiteProfile | None = load_profile(site) if site else None
        if self._start_arg:
            urls = [u.strip() for u in self._start_arg.split(",") if u.strip()]
        else:
            urls = settings.getlist("TUYENGIAO_START_URLS") or list(
                self.profile.start_urls if self.profile else []
            )
        if not urls:
            raise ValueError("no start URL: give start_url or a profile with start_urls")
        self.start_urls = [canonicalize_url(url) for url in urls]
        if self.profile is None:
            self.profile = profile_for_host(urlsplit(self.start_urls[0]).hostname or "")
        extra = settings.getlist("TUYENGIAO_EXTRA_DOMAINS")
        if self.profile:
            extra = [*extra, *self.profile.domains]
        self.scope = Scope(self.start_urls, extra)
        self.allowed_domains = self.scope.allowed_domains
        self.follow_css = self.profile.css("follow") if self.profile else None
        self.stale_limit = max(1, settings.getint("TUYENGIAO_STALE_LISTING_PAGES"))
        self.max_listing_pages = settings.getint("TUYENGIAO_MAX_LISTING_PAGES", 500)
        self.fetch_assets = settings.getbool("TUYENGIAO_FETCH_ASSETS", True)
        # Pages seen per listing series (see extract/traps.py), keyed by its first page.
        self.listing_pages: dict[str, int] = {}
        self.crawl_mode = "full"
        self.known: set[str] = set()
        # Every URL this spider has asked for: most links on a page (menus, pagers, "Tin
        # cùng chuyên mục") were asked for long ago, and a Request that Scrapy's
        # dupefilter drops has still been built, passed through the spider middlewares
        # and fingerprinted (a tenth of the crawl's time, bench/README.md).
        self.requested: set[str] = set()
        self.depth_limit = settings.getint("DEPTH_LIMIT")
        contact = settings.get("TUYENGIAO_CONTACT")
        if contact:
            # UserAgentMiddleware prefers the spider's own user_agent to the setting.
            self.user_agent = f"{settings.get('USER_AGENT')} contact: {contact}"

    @property
    def profile_name(self) -> str:
        return self.profile.name if self.profile else "generic"

    async def start(self) -> AsyncIterator[Request]:
        for url in self.start_urls:
            self.requested.add(url)
            yield self._request(url)

    def _request(self, url: str, **meta: Any) -> Request:
        return Request(url, callback=self.parse, errback=self.on_error, meta=meta)

    def _first_time(self, url: str, response: Response) -> bool:
        """True the first time a URL is about to be requested from a page (and remember
        it). A link past DEPTH_LIMIT is not remembered: Scrapy drops that request, and
        the same URL may still be reached by a shorter path."""
        if url in self.requested:
            return False
        if not self.depth_limit or response.meta.get("depth", 0) < self.depth_limit:
            self.requested.add(url)
        return True

    def parse(self, response: Response) -> Iterator[Any]:
        if not isinstance(response, TextResponse):
            return
        response = self._readable(response)
        if response is None or response.selector.type != "html":
            return
        if self._is_article(response):
            item = self._parse_article(response)
            yield item
            yield from self._assets(item, response)
            if canonicalize_url(response.url) in self.known:
                # An archived article's links were followed when it was new; anything new
                # since is reached from the listing pages an incremental run revisits.
                return
            yield from self._follow(response)
            return
        root = response.meta.get("listing_root") or canonicalize_url(response.url)
        seen = self.listing_pages[root] = self.listing_pages.get(root, 0) + 1
        if seen > self.max_listing_pages:
            if seen == self.max_listing_pages + 1:
                self.crawler.stats.inc_value("tuyengiao/listing_series_capped")
                self.logger.warning(
                    "listing series from %s passed TUYENGIAO_MAX_LISTING_PAGES (%d): its"
                    " further links are not followed (endless pagination or calendar?)",
                    root,
                    self.max_listing_pages,
                )
            return
        yield from self._follow(response, root)

    def _readable(self, response: TextResponse) -> TextResponse | None:
        """The response, decoded again if its charset was wrong; None (a recorded failure)
        for a body that is no page: empty, or a PDF or other binary file sent as HTML."""
        reason = "empty body" if not response.body.strip() else not_html(response.body)
        if reason:
            self._failed(response.request, reason, response.meta.get("tuyengiao_fetch_id"))
            return None
        declared = declared_encoding(response.body, _header(response, b"Content-Type"))
        text, quality = repair_page(
            response.body, response.encoding, response.text, declared=declared is not None
        )
        if quality:
            self.crawler.stats.inc_value("tuyengiao/pages_repaired")
            self.logger.info("%s: broken text (%s), decoded again", response.url, quality)
            response.meta["tuyengiao_quality"] = quality
            response = response.replace(body=text.encode("utf-8"), encoding="utf-8")
        return response

    def _is_article(self, response: TextResponse) -> bool:
        if self.profile:
            return is_article(response.selector, self.profile)
        return page_kind(response.selector, response.url) == "article"

    def _parse_article(self, response: TextResponse) -> ArticleItem:
        sel = response.selector
        if self.profile:
            raw, missing = extract_with_profile(sel, response.url, self.profile)
            if missing:
                # The page no longer fits the profile: say so loudly, then let the
                # generic heuristics fill the gaps so nothing is lost.
                self.logger.error(
                    "profile %s found no %s on %s",
                    self.profile.name,
                    ", ".join(missing),
                    response.url,
                )
                self.crawler.stats.inc_value("tuyengiao/profile_misses")
                fallback = extract_generic(sel, response.url)
                for name in (
                    "title",
                    "body_text",
                    "body_html",
                    "published_raw",
                    "published_source",
                ):
                    if not getattr(raw, name):
                        setattr(raw, name, getattr(fallback, name))
        else:
            raw = extract_generic(sel, response.url)
        url = canonicalize_url(response.url)
        return ArticleItem(
            url=url,
            fetched_url=response.url,
            site=site_root(urlsplit(url).hostname or ""),
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            http_status=response.status,
            fetch_id=response.meta.get("tuyengiao_fetch_id"),
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            quality=response.meta.get("tuyengiao_quality") or font_quality(response.text),
            **raw.as_dict(),
        )

    def _assets(self, item: ArticleItem, response: Response) -> Iterator[Request]:
        """Images and attachments are evidence too: fetched once (WARC capture keeps them),
        never parsed. Only those on the crawled site itself."""
        if not self.fetch_assets:
            return
        for asset in (*item.images, *item.attachments):
            url = _canonical(asset.get("url") or "")
            if url and url in self.scope and self._first_time(url, response):
                yield Request(url, callback=self._asset_fetched, errback=self.on_error,
                              meta={"tuyengiao_asset": True})  # fmt: skip

    def _asset_fetched(self, response: Response) -> None:
        self.crawler.stats.inc_value("tuyengiao/assets_fetched")

    def _follow(self, response: TextResponse, root: str | None = None) -> Iterator[Request]:
        listing = listing_links(response.selector, response.url, self.profile)
        pager = {u for u in map(_canonical, listing.pager) if u}
        # All links in one XPath query (what css("a").xpath("@href") gives, without a
        # Selector object per anchor).
        anchors = response.css(self.follow_css) if self.follow_css else response
        series = listing_key(response.url) if root else None
        for href in anchors.xpath("@href" if self.follow_css else "//a/@href").getall():
            url = self._followable(response, href)
            if url and url not in pager and self._first_time(url, response):
                if series and listing_key(url) == series:
                    yield self._request(url, listing_root=root)
                else:
                    yield self._request(url)
        yield from self._paginate(response, listing, pager, root)

    def _paginate(
        self,
        response: TextResponse,
        listing: ListingLinks,
        pager: set[str],
        root: str | None = None,
    ) -> Iterator[Request]:
        """A full crawl walks every page; an incremental one walks page by page and stops
        after `stale_limit` pages in a row that hold only archived articles. Pages of a
        listing carry the series' first page (`listing_root`) so the series can be capped."""
        series = {"listing_root": root} if root else {}
        if self.crawl_mode == "full":
            for url in sorted(pager):
                if url in self.scope and self._first_time(url, response):
                    yield self._request(url, **series)
            return
        stale = response.meta.get("stale_pages", 0)
        articles = [u for u in map(_canonical, listing.articles) if u]
        stale = stale + 1 if articles and all(u in self.known for u in articles) else 0
        if stale >= self.stale_limit:
            self.crawler.stats.inc_value("tuyengiao/pagination_stopped")
            return
        if listing.next_page:
            url = _canonical(listing.next_page)
            if url and url in self.scope and self._first_time(url, response):
                yield self._request(url, stale_pages=stale, **series)

    def _followable(self, response: TextResponse, href: str) -> str | None:
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            return None
        try:
            url = canonicalize_url(response.urljoin(href))
        except ValueError:
            return None
        path = urlsplit(url).path.lower()
        if path.endswith(_SKIPPED_SUFFIXES) or url not in self.scope:
            return None
        return url

    def on_error(self, failure: Failure) -> None:
        request = failure.request
        if failure.check(RedirectLoop):
            # Not captured as a failed fetch by WARC capture: recorded here.
            self._failed(request, failure.getErrorMessage(), None)
            return
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return  # robots.txt, an offsite redirect or a 304: a decision, not a failure
        if request.meta.get("tuyengiao_gone"):
            return  # an archived article was deleted: recorded as gone, not as an error
        if failure.check(HttpError):
            response = failure.value.response
            reason = f"HTTP {response.status}"
            retries = request.meta.get("retry_times")
            if retries:
                reason += f" after {retries} retr{'y' if retries == 1 else 'ies'}"
            # Its fetch row has the status: `error` stays for fetches that got no answer.
            self._failed(request, reason, None, record=False)
            return
        # Network errors: WARC capture has recorded the failed fetch with its reason.
        reason = failure.getErrorMessage() or failure.type.__name__
        if is_disk_full(failure.value):
            stop_for_full_disk(self.crawler, reason)
        self._failed(request, reason, None, record=False)

    def _failed(
        self, request: Request, reason: str, fetch_id: int | None, *, record: bool = True
    ) -> None:
        """Count a failure, name it in the log, and give it a reason in `fetches`: on the
        fetch it concerns, or on a new row when no fetch took place."""
        url = request.url
        if record:
            record_failure(self.crawler, request, reason, fetch_id)
        self.crawler.stats.inc_value("tuyengiao/errors")
        if not self.crawler.stats.get_value("tuyengiao/disk_full"):  # that one says it all
            self.crawler.stats.set_value("tuyengiao/last_error", f"{url}: {reason}")
        self.logger.warning("fetch failed: %s: %s", url, reason)
