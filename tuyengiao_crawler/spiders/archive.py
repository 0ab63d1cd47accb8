"""The archive spider: walks a site's pages and yields one item per article page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import (
    FormRequest,
    HtmlResponse,
    JsonResponse,
    Request,
    Response,
    TextResponse,
    XmlResponse,
)
from scrapy.http.request import NO_CALLBACK
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from tuyengiao_crawler.extensions.disk import is_disk_full, stop_for_full_disk
from tuyengiao_crawler.extensions.resume import archived_pages
from tuyengiao_crawler.extensions.run import ArchiveRun, CrawlPlan
from tuyengiao_crawler.extract.classify import is_print_view
from tuyengiao_crawler.extract.feeds import Feed, looks_like_feed, read_feed, robots_sitemaps
from tuyengiao_crawler.extract.listing import ListingLinks
from tuyengiao_crawler.extract.page import Page, read_page
from tuyengiao_crawler.extract.postback import Postback
from tuyengiao_crawler.extract.requisites import css_requisites, is_stylesheet
from tuyengiao_crawler.extract.traps import TrapGuard, listing_key
from tuyengiao_crawler.extract.urls import Scope, canonicalize_url
from tuyengiao_crawler.items import ArticleItem
from tuyengiao_crawler.middlewares.redirect import RedirectLoop
from tuyengiao_crawler.middlewares.warc import FETCH_ID_KEY, header_pairs, warc_dir
from tuyengiao_crawler.politeness import LOCAL_OVERRIDES, all_local
from tuyengiao_crawler.profiles import SiteProfile, load_profile, profile_for_host

# Files never followed as pages (images, media, office documents: articles' own are
# fetched as assets). RSS feeds are read, not skipped.
SKIPPED_EXTENSIONS = frozenset(f".{ext}" for ext in IGNORED_EXTENSIONS) - {".rss"}
_SKIPPED_SUFFIXES = tuple(sorted(SKIPPED_EXTENSIONS))  # one str.endswith call


def _keyed(url: str) -> tuple[str, str] | None:
    """(the URL to request, its identity key): the link as the site wrote it, without its
    fragment, and its canonical form, which only de-duplicates; None for a link no URL
    parser can read ("http://host:99999/")."""
    try:
        linked = urldefrag(url.strip()).url
        return linked, canonicalize_url(linked)
    except ValueError:
        return None


class ArchiveSpider(scrapy.Spider):
    """Start pages -> sub-sites and categories -> listing pages -> articles (and related
    links); and the feeds and sitemaps the pages and robots.txt name -> articles.

    Arguments (or settings): `start_urls` (a list; from the command line `start_url`, one
    URL or several separated by spaces; TUYENGIAO_START_URLS) and `site` (a profile, its
    name or .toml path; TUYENGIAO_PROFILE). Without a matching profile the spider runs in
    generic mode. Pages are read by `extract.read_page`, feeds and sitemaps by
    `extract.read_feed`; the spider only walks. Every request says how it was found
    (`meta["found_via"]`: start, link, pager, postback, feed, sitemap), and an article
    keeps the way it was first reached (`articles.found_via`).
    """

    name = "archive"

    def __init__(
        self,
        start_url: str | None = None,
        site: str | SiteProfile | list[str | SiteProfile] | None = None,
        start_urls: list[str] | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        # Whitespace, never a comma, separates URLs: a URL may hold a comma, not a space.
        self._start_arg = list(start_urls or []) or (start_url or "").split()
        # Several sites, from the command line or a Scrapyd job: names separated by spaces.
        several = isinstance(site, str) and len(site.split()) > 1
        self._site_arg = site.split() if several else site

    @classmethod
    def from_crawler(
        cls, crawler: scrapy.crawler.Crawler, *args: Any, **kwargs: Any
    ) -> ArchiveSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._configure(crawler.settings)
        spider._as_the_cli_would(crawler.settings)
        # Connected before the extensions exist, so this runs before the run is recorded.
        crawler.signals.connect(spider._plan_crawl, signal=signals.spider_opened)
        crawler.signals.connect(spider._read_robots, signal=signals.response_received)
        return spider

    def _as_the_cli_would(self, settings: scrapy.settings.BaseSettings) -> None:
        """Run from `scrapy crawl archive` as from `tuyengiao crawl`: politeness relaxed
        when every start URL is on this machine (below anything given with -s), and a word
        on where the archive goes when TUYENGIAO_DB was not given."""
        if settings.frozen:
            return
        if all_local(self.start_urls):
            settings.update(LOCAL_OVERRIDES, priority="spider")
        if (settings.getpriority("TUYENGIAO_DB") or 0) <= SETTINGS_PRIORITIES["project"]:
            where = Path(settings.get("TUYENGIAO_DB")).resolve()
            self.logger.warning(
                f"archiving into {where} (the default; -s TUYENGIAO_DB=PATH for another)"
            )

    def _plan_crawl(self) -> None:
        """Tell the run what this crawl walks; learn the mode and what is archived."""
        self.plan = ArchiveRun.of(self.crawler).plan_crawl(
            self.start_urls,
            self.profile_name,
            self.scope,
            full=self.settings.getbool("TUYENGIAO_FULL"),
            resume=self.settings.getbool("TUYENGIAO_RESUME"),
        )
        # What stopped runs archived is as good as asked for already.
        self.requested |= self.plan.done

    def _configure(self, settings: scrapy.settings.BaseSettings) -> None:
        site = self._site_arg or settings.get("TUYENGIAO_PROFILE") or None
        # Several sites in one run: each page is read with the profile of its host.
        self.sites: list[SiteProfile] = [
            s if isinstance(s, SiteProfile) else load_profile(s)
            for s in (site if isinstance(site, list) else [site] if site else [])
        ]
        self.profile: SiteProfile | None = self.sites[0] if self.sites else None
        urls = self._start_arg or settings.getlist("TUYENGIAO_START_URLS")
        if not urls and self.sites:
            urls = [url for profile in self.sites for url in profile.start_urls]
        if not urls:
            raise ValueError("no start URL: give start_url or a profile with start_urls")
        # Fetched as given; the canonical forms name the crawl (`crawl_runs.start_urls`).
        self._start_links = [keyed for url in urls if (keyed := _keyed(url))]
        self.start_urls = [key for _, key in self._start_links]
        if self.profile is None:
            self.profile = profile_for_host(urlsplit(self.start_urls[0]).hostname or "")
        extra = settings.getlist("TUYENGIAO_EXTRA_DOMAINS")
        for profile in self.sites or ([self.profile] if self.profile else []):
            extra = [*extra, *profile.domains]
        self.scope = Scope(self.start_urls, extra)
        self.allowed_domains = self.scope.allowed_domains
        self.stale_limit = max(1, settings.getint("TUYENGIAO_STALE_LISTING_PAGES"))
        self.max_listing_pages = settings.getint("TUYENGIAO_MAX_LISTING_PAGES", 500)
        self.fetch_assets = settings.getbool("TUYENGIAO_FETCH_ASSETS", True)
        self.fetch_requisites = settings.getbool("TUYENGIAO_FETCH_REQUISITES", True)
        # Hosts whose files (requisites, images, attachments) are fetched, never pages.
        asset_hosts = settings.getlist("TUYENGIAO_ASSET_HOSTS")
        if self.profile:
            asset_hosts = [*asset_hosts, *self.profile.asset_hosts]
        self.asset_hosts = Scope((), asset_hosts)
        # Pages seen per listing series (see extract/traps.py), keyed by its first page.
        self.listing_pages: dict[str, int] = {}
        # Full until the run says otherwise (when the spider opens).
        self.plan = CrawlPlan(self.start_urls, self.profile_name, self.scope)
        # Every URL this spider has asked for: most links on a page (menus, pagers, "Tin
        # cùng chuyên mục") were asked for long ago, and a Request that Scrapy's
        # dupefilter drops has still been built, passed through the spider middlewares
        # and fingerprinted (a tenth of the crawl's time, bench/README.md).
        self.requested: set[str] = set()
        # Session parameters and self-repeating paths (extract/traps.py), learned as met.
        self.traps = TrapGuard(settings.getint("TUYENGIAO_CALENDAR_BARREN_DAYS", 30))
        self.robots_read: set[str] = set()  # hosts whose robots.txt named its sitemaps
        self.depth_limit = settings.getint("DEPTH_LIMIT")
        contact = settings.get("TUYENGIAO_CONTACT")
        if contact:
            # UserAgentMiddleware prefers the spider's own user_agent to the setting.
            self.user_agent = f"{settings.get('USER_AGENT')} contact: {contact}"

    @property
    def profile_name(self) -> str:
        if len(self.sites) > 1:
            return ",".join(profile.name for profile in self.sites)
        return self.profile.name if self.profile else "generic"

    def _profile_for(self, url: str) -> SiteProfile | None:
        """The profile of the site a page is on (the run's one profile, for one site)."""
        if len(self.sites) > 1:
            host = urlsplit(url).hostname or ""
            return next((p for p in self.sites if p.matches_host(host)), None)
        return self.profile

    async def start(self) -> AsyncIterator[Request]:
        for linked, key in self._start_links:
            if key not in self.requested:
                self.requested.add(key)
                yield self._request(linked, "start")
        if not self.settings.getbool("ROBOTSTXT_OBEY"):
            # RobotsTxtMiddleware fetches robots.txt when it obeys it; its Sitemap: lines
            # are wanted either way (read in `_read_robots`).
            for root in dict.fromkeys(urljoin(key, "/robots.txt") for key in self.start_urls):
                yield Request(root, callback=NO_CALLBACK, meta={"dont_obey_robotstxt": True})
        for request in self._links_of_archived():
            yield request

    def _links_of_archived(self) -> Iterator[Request]:
        """The links of the articles that the stopped runs a resume continues archived,
        read from their WARC records as reprocess reads them: those runs had queued them,
        and a kill loses the queue."""
        for url, headers, body in archived_pages(warc_dir(self.settings), self.plan.done_pages):
            page = read_page(url, body, headers, self._profile_for(url))
            if page.kind != "article":
                continue
            request = Request(url, meta={"found_via": "link", "depth": 1})
            response = HtmlResponse(url, body=body, headers=headers, request=request)
            yield from self._follow(response, page)

    def _request(self, url: str, via: str, **meta: Any) -> Request:
        return Request(
            url, callback=self.parse, errback=self.on_error, meta={"found_via": via, **meta}
        )

    def _read_robots(self, response: Response, request: Request) -> None:
        """Crawl the sitemaps a robots.txt in scope names (once per host)."""
        parts = urlsplit(response.url)
        if (
            parts.path != "/robots.txt"
            or response.status != 200
            or parts.netloc in self.robots_read
        ):
            return
        if response.url not in self.scope:
            return
        self.robots_read.add(parts.netloc)
        text = response.body[:512_000].decode("utf-8", "replace")
        for sitemap in robots_sitemaps(text, response.url):
            keyed = _keyed(sitemap)
            if keyed and keyed[1] in self.scope and keyed[1] not in self.requested:
                self.requested.add(keyed[1])
                self.crawler.engine.crawl(self._request(keyed[0], "sitemap"))

    def _first_time(self, key: str, response: Response) -> bool:
        """True the first time a URL (by its canonical key) is about to be requested from a
        page (and remember it): the first form linked is the one fetched. A link past
        DEPTH_LIMIT is not remembered: Scrapy drops that request, and the same URL may
        still be reached by a shorter path."""
        if key in self.requested:
            return False
        # A session parameter learned is left out of the key; a self-repeating path is None.
        dedupe = self.traps.dedupe_key(key)
        if dedupe is None:
            self._trap_met()
            return False
        if dedupe != key:
            if dedupe in self.requested:
                self.traps.note("session-parameter", key)
                self._trap_met()
                return False
            key = dedupe
        if not self.depth_limit or response.meta.get("depth", 0) < self.depth_limit:
            self.requested.add(key)
        return True

    def _trap_met(self) -> None:
        """Count a URL a trap minted, and keep what the traps are for the run's record."""
        self.crawler.stats.inc_value("tuyengiao/trap_urls")
        self.crawler.stats.set_value("tuyengiao/traps", self.traps.found)

    def _new_in_scope(self, key: str, response: Response) -> bool:
        """A URL (by key) in the crawl's scope, asked for now for the first time."""
        return key in self.scope and self._first_time(key, response)

    def parse(self, response: Response) -> Iterator[Any]:
        feed = read_feed(response.body, response.url)
        if feed is not None:
            yield from self._follow_feed(feed, response)
            return
        page = self._read(response)
        if page is None:
            return
        if page.kind == "article":
            item = self._article_item(page, response)
            yield item
            yield from self._assets(item, page, response)
            if self.plan.is_archived(page.canonical_url):
                # An archived article's links were followed when it was new; anything new
                # since is reached from the listing pages an incremental run revisits.
                return
            yield from self._follow(response, page)
            return
        root = response.meta.get("listing_root") or page.canonical_url
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
        if not self._calendar_walks_on(page):
            return
        yield from self._follow(response, page, root)

    def _calendar_walks_on(self, page: Page) -> bool:
        """Whether a listing page's links are followed, as far as calendars go: a day's
        page that shows no article unseen in this run or the archive counts towards
        TUYENGIAO_CALENDAR_BARREN_DAYS for its calendar (extract/traps.py)."""
        calendar = listing_key(page.canonical_url)
        news = any(
            key not in self.requested and key not in self.plan.known
            for key in (k[1] for k in map(_keyed, page.listing.articles) if k)
            if listing_key(key) != calendar  # the days before and after are no news
        )
        if self.traps.calendar_walks_on(calendar, page.canonical_url, news):
            return True
        self._trap_met()
        return False

    def _read(self, response: Response) -> Page | None:
        """The page as `read_page` reads it; None for what is no HTML page (images, files,
        sitemaps) and for a body that is no page at all (a recorded failure)."""
        if not isinstance(response, TextResponse) or isinstance(
            response, (XmlResponse, JsonResponse)
        ):
            return None
        profile = self._profile_for(response.url)
        page = read_page(response.url, response.body, header_pairs(response.headers), profile)
        key = canonicalize_url(response.url)
        if page.selector is not None and self.traps.wants(key):
            self.traps.observe(key, page.selector.xpath("string(//body)").get() or "")
        if page.failure:
            self._failed(response.request, page.failure, response.meta.get(FETCH_ID_KEY))
            return None
        if page.quality and page.quality.startswith("repaired:"):
            self.crawler.stats.inc_value("tuyengiao/pages_repaired")
            self.logger.info("%s: broken text (%s), decoded again", response.url, page.quality)
        if page.profile_misses and profile:
            # The page no longer fits the profile: say so loudly (read_page let the
            # generic heuristics fill the gaps, so nothing is lost).
            self.logger.error(
                "profile %s found no %s on %s",
                profile.name,
                ", ".join(page.profile_misses),
                response.url,
            )
            self.crawler.stats.inc_value("tuyengiao/profile_misses")
        return page

    def _article_item(self, page: Page, response: Response) -> ArticleItem:
        fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        meta = response.meta
        context = page.fetch_context(
            fetched_at, response.status, meta.get(FETCH_ID_KEY), meta.get("found_via")
        )
        return ArticleItem.of(page.article, context)

    def _assets(self, item: ArticleItem, page: Page, response: Response) -> Iterator[Request]:
        """An article's images and attachments (TUYENGIAO_FETCH_ASSETS) and the files it
        loads when shown (TUYENGIAO_FETCH_REQUISITES) are evidence too: fetched once per
        run (WARC capture keeps them), never read as pages."""
        urls = (
            [a.get("url") or "" for a in (*item.images, *item.attachments)]
            if self.fetch_assets
            else []
        )
        if self.fetch_requisites:
            urls.extend(page.requisites)
        yield from self._file_requests(urls, response, 0)

    def _file_requests(self, urls: list[str], response: Response, depth: int) -> Iterator[Request]:
        """Requests for files on the crawled site or on its asset hosts (Scrapy's offsite
        check lets those through), each URL once per run."""
        for url in urls:
            keyed = _keyed(url)
            if keyed is None:
                continue
            on_site = keyed[1] in self.scope
            if (on_site or keyed[1] in self.asset_hosts) and self._first_time(keyed[1], response):
                yield Request(
                    keyed[0],
                    callback=self._asset_fetched,
                    errback=self._asset_failed,
                    meta={"tuyengiao_asset": depth, "allow_offsite": not on_site},
                )

    def _asset_fetched(self, response: Response) -> Iterator[Request]:
        """Counted; a stylesheet's own imports, fonts and images are fetched in turn (to a
        depth of 3: @import chains are short, loops are cut by the once-per-run rule)."""
        self.crawler.stats.inc_value("tuyengiao/assets_fetched")
        depth = response.meta.get("tuyengiao_asset", 0)
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        if self.fetch_requisites and depth < 3 and is_stylesheet(response.url, content_type):
            css = response.body[:2_000_000].decode(
                getattr(response, "encoding", None) or "utf-8", "replace"
            )
            yield from self._file_requests(css_requisites(css, response.url), response, depth + 1)

    def _asset_failed(self, failure: Failure) -> None:
        """A file the page names that cannot be had (a 404 stylesheet is common) is the
        site's fault and leaves the page archived: counted and logged, not a run error.
        Its status or failure is in `fetches` like every exchange's."""
        if is_disk_full(failure.value):
            stop_for_full_disk(self.crawler, failure.getErrorMessage())
            return
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return  # robots.txt or an offsite redirect: a decision
        self.crawler.stats.inc_value("tuyengiao/asset_errors")
        self.logger.info("file not fetched: %s: %s", failure.request.url, failure.getErrorMessage())

    def _follow(
        self, response: TextResponse, page: Page, root: str | None = None
    ) -> Iterator[Request]:
        listing = page.listing
        pager: dict[str, str] = {}  # key -> the first form the pager links
        for keyed in filter(None, map(_keyed, listing.pager)):
            pager.setdefault(keyed[1], keyed[0])
        series = listing_key(page.canonical_url) if root else None
        # A page past a listing's first passes on how it was reached: its articles were
        # found through the pager (or postback), which is what `found_via` tells.
        via = response.meta.get("found_via")
        via = via if via in ("pager", "postback") else "link"
        for href in page.hrefs:
            keyed = self._followable(page, href)
            if not keyed or keyed[1] in pager or not self._first_time(keyed[1], response):
                continue
            linked, key = keyed
            if series and listing_key(key) == series:
                yield self._request(linked, via, listing_root=root)
            else:
                yield self._request(linked, via)
        for feed in page.feeds:
            keyed = _keyed(feed)
            if keyed and self._new_in_scope(keyed[1], response):
                yield self._request(keyed[0], "feed")
        stale = self._stale_pages(response, listing)
        if stale is None:
            return
        yield from self._paginate(response, listing, pager, stale, root)
        yield from self._post_back(response, page, stale, root)

    def _stale_pages(self, response: Response, listing: ListingLinks) -> int | None:
        """How many listing pages in a row, this one included, held only archived
        articles (0 in a full crawl); None when an incremental run should stop paging."""
        if self.plan.mode == "full":
            return 0
        stale = response.meta.get("stale_pages", 0)
        articles = [k[1] for k in map(_keyed, listing.articles) if k]
        known = self.plan.known
        stale = stale + 1 if articles and all(u in known for u in articles) else 0
        if stale >= self.stale_limit:
            self.crawler.stats.inc_value("tuyengiao/pagination_stopped")
            return None
        return stale

    def _paginate(
        self,
        response: TextResponse,
        listing: ListingLinks,
        pager: dict[str, str],
        stale: int,
        root: str | None,
    ) -> Iterator[Request]:
        """A full crawl walks every page; an incremental one walks page by page and stops
        after `stale_limit` pages in a row that hold only archived articles. Pages of a
        listing carry the series' first page (`listing_root`) so the series can be capped."""
        series = {"listing_root": root} if root else {}
        if self.plan.mode == "full":
            for key in sorted(pager):
                if self._new_in_scope(key, response):
                    yield self._request(pager[key], "pager", **series)
            return
        keyed = _keyed(listing.next_page) if listing.next_page else None
        if keyed and self._new_in_scope(keyed[1], response):
            yield self._request(keyed[0], "pager", stale_pages=stale, **series)

    def _post_back(
        self, response: TextResponse, page: Page, stale: int, root: str | None
    ) -> Iterator[Request]:
        """An ASP.NET postback pager's pages, each posted once with the form's state
        (`__VIEWSTATE`, `__EVENTVALIDATION`), de-duplicated on form action + event target
        + argument; an incremental run posts only the next page, as it walks link pagers."""
        pager = page.postbacks
        if not pager:
            return
        current = response.meta.get("postback_page", 1)
        if self.plan.mode != "full":
            pager = [p for p in pager if p.is_next or p.page == current + 1][:1]
        for postback in pager:
            request = self._postback_request(response, postback, stale, root or page.canonical_url)
            if request is None:
                continue
            key = f"{canonicalize_url(request.url)} postback {postback.target} {postback.argument}"
            if request.url in self.scope and self._first_time(key, response):
                yield request

    def _postback_request(
        self, response: TextResponse, postback: Postback, stale: int, root: str
    ) -> FormRequest | None:
        try:
            return FormRequest.from_response(
                response,
                formnumber=postback.form,
                formdata={"__EVENTTARGET": postback.target, "__EVENTARGUMENT": postback.argument},
                dont_click=True,
                callback=self.parse,
                errback=self.on_error,
                meta={
                    "found_via": "postback",
                    "postback_page": postback.page or response.meta.get("postback_page", 1) + 1,
                    "stale_pages": stale,
                    "listing_root": root,
                },
            )
        except ValueError:  # the form is gone or broken: nothing to post
            return None

    def _follow_feed(self, feed: Feed, response: Response) -> Iterator[Request]:
        """A feed's or sitemap's entries in scope, each asked for once; a sitemap index's
        sitemaps too. An incremental run skips archived articles the entry does not say
        changed since the last finished run (listing pages still revisit them)."""
        self.crawler.stats.inc_value(f"tuyengiao/{feed.kind}_read")
        via = "feed" if feed.kind in ("rss", "atom") else "sitemap"
        for url in feed.urls:
            keyed = _keyed(url)
            if keyed is None or keyed[1] not in self.scope:
                continue
            linked, key = keyed
            nested = feed.kind == "sitemapindex" or looks_like_feed(urlsplit(key).path)
            if (
                not nested
                and self.plan.is_archived(key)
                and not self.plan.changed_since(feed.modified.get(url))
            ):
                continue
            if self._first_time(key, response):
                yield self._request(linked, via)

    def _followable(self, page: Page, href: str) -> tuple[str, str] | None:
        """(URL to request, key) of a link worth following: in scope, no file to skip."""
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            return None
        try:
            keyed = _keyed(urljoin(page.base_url, href))
        except ValueError:  # urljoin of "http://[::1"
            return None
        if keyed is None:
            return None
        key = keyed[1]
        if (
            urlsplit(key).path.lower().endswith(_SKIPPED_SUFFIXES)
            or key not in self.scope
            or is_print_view(key)
        ):
            return None
        return keyed

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
            ArchiveRun.of(self.crawler).record_failure(request, reason, fetch_id)
        self.crawler.stats.inc_value("tuyengiao/errors")
        if not self.crawler.stats.get_value("tuyengiao/disk_full"):  # that one says it all
            self.crawler.stats.set_value("tuyengiao/last_error", f"{url}: {reason}")
        self.logger.warning("fetch failed: %s: %s", url, reason)
