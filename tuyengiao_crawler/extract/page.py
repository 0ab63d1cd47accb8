"""One fetched page to what the archive needs of it: the only reading of a page's bytes.

`read_page(url, body, headers, profile)` decodes the body (charset as declared, guessed
when not, repaired when the text reads broken), classifies the page (article, listing,
other), extracts an article's raw fields (the profile's selectors first, the generic
heuristics for whatever the profile misses) and gives the page's links. The spider and
reprocess both call it, so a page read live and the same page re-read from its WARC
record become the same article.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from charset_normalizer import from_bytes
from parsel import Selector
from w3lib.encoding import html_to_unicode, resolve_encoding
from w3lib.html import get_base_url

from tuyengiao_crawler.extract.charset import (
    declared_encoding,
    font_quality,
    not_html,
    repair_page,
)
from tuyengiao_crawler.extract.classify import is_not_found_page, page_kind
from tuyengiao_crawler.extract.feeds import feed_links
from tuyengiao_crawler.extract.generic import extract_generic
from tuyengiao_crawler.extract.html import absolute, collapse_runaway_nesting
from tuyengiao_crawler.extract.listing import ListingLinks, listing_links
from tuyengiao_crawler.extract.metadata import declared_url
from tuyengiao_crawler.extract.postback import Postback, postback_pager
from tuyengiao_crawler.extract.profile import extract_with_profile, is_article
from tuyengiao_crawler.extract.requisites import page_requisites
from tuyengiao_crawler.extract.urls import canonicalize_url, site_root
from tuyengiao_crawler.normalize.article import FetchContext, RawArticle
from tuyengiao_crawler.profiles import SiteProfile

Headers = Mapping[str, str] | Iterable[tuple[str, str]]
# Fields the generic heuristics fill when a profile's selectors found nothing.
FALLBACK_FIELDS = ("title", "body_text", "body_html", "published_raw", "published_source")
# Media types that are documents but no HTML page: read elsewhere (sitemaps, feeds) or not
# at all. Scrapy gives these an XmlResponse or JsonResponse, never an HTML selector.
_NOT_PAGE_TYPES = ("xml", "json", "rss", "atom")


def _header_map(headers: Headers | None) -> dict[str, str]:
    """Lower-cased header names to their first value."""
    pairs = headers.items() if isinstance(headers, Mapping) else (headers or ())
    found: dict[str, str] = {}
    for name, value in pairs:
        found.setdefault(name.lower(), value)
    return found


def _guess_encoding(body: bytes) -> str | None:
    """What a page that names no charset is decoded with: as Scrapy's TextResponse does
    (ASCII, UTF-8, then charset-normalizer's best guess), so a page read live and from
    its WARC record decode alike."""
    for name in ("ascii", "utf-8"):
        try:
            body.decode(name)
        except UnicodeError:
            continue
        return resolve_encoding(name)
    match = from_bytes(body).best()
    return resolve_encoding(match.encoding) if match else None


def decode_page(body: bytes, content_type: str | None) -> tuple[str, str | None]:
    """(text, quality) of an HTML body decoded as declared (BOM, Content-Type charset,
    <meta> charset) or guessed, then decoded again or repaired when the text reads as a
    wrong decoding (see extract/charset.py); quality says so: "repaired:<how>"."""
    encoding, text = html_to_unicode(
        content_type or "", body, auto_detect_fun=_guess_encoding, default_encoding="ascii"
    )
    declared = declared_encoding(body, content_type) is not None
    repaired, quality = repair_page(body, encoding, text, declared=declared)
    return (repaired, quality) if quality and repaired is not None else (text, None)


@dataclass
class Page:
    """A page as read: what it is, an article's raw fields, and where it links to.

    `kind` is "article", "listing" or "other"; `failure` says why a body is no page at
    all (empty, a binary file served as HTML), and then nothing else is set. `quality`
    is "repaired:<how>" when the page's text was decoded again, or a "font:<name>" hint.
    `profile_misses` names the essential fields the profile's selectors did not find
    (the generic heuristics filled them): the sign a site changed its layout.
    """

    url: str
    kind: str
    profile: SiteProfile | None = None
    failure: str | None = None
    text: str = ""
    selector: Selector | None = None
    article: RawArticle | None = None
    quality: str | None = None
    profile_misses: list[str] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None

    @cached_property
    def canonical_url(self) -> str:
        """The page's identity key: for an article, the canonical form of the URL it
        declares as its own (rel=canonical, og:url) when that names a page of the same
        host other than the site's root (sites that give every page the home page's
        canonical exist); otherwise the canonical form of the URL fetched."""
        own = canonicalize_url(self.url)
        if self.kind != "article" or self.selector is None:
            return own
        declared = absolute(self.url, declared_url(self.selector.root))
        if declared is None:
            return own
        key = canonicalize_url(declared)
        return key if _another_page_of_the_host(key, own) else own

    @cached_property
    def base_url(self) -> str:
        """The URL relative links resolve against (a <base href> in the head wins)."""
        return get_base_url(self.text[:4096], self.url)

    @cached_property
    def hrefs(self) -> list[str]:
        """Every link the crawl may follow, as written: the profile's `follow` areas, or
        the whole page."""
        if self.selector is None:
            return []
        follow = self.profile.css("follow") if self.profile else None
        if follow:
            return self.selector.css(follow).xpath("@href").getall()
        # One XPath query (what css("a").xpath("@href") gives, without a Selector per
        # anchor); image-map areas and frames lead on too (a framed portal has no <a>
        # outside its frames). All go through the same scope check as links.
        return self.selector.xpath(
            "//a/@href | //area/@href | //frame/@src | //iframe/@src"
        ).getall()

    @cached_property
    def feeds(self) -> list[str]:
        """The RSS and Atom feeds the page declares (<link rel="alternate">)."""
        return feed_links(self.selector, self.base_url) if self.selector is not None else []

    @cached_property
    def requisites(self) -> list[str]:
        """The stylesheets, scripts, fonts and images it loads when shown (absolute)."""
        return page_requisites(self.selector, self.base_url) if self.selector is not None else []

    @cached_property
    def postbacks(self) -> list[Postback]:
        """Its ASP.NET postback pager links (pages reachable only by posting the form)."""
        return postback_pager(self.selector) if self.selector is not None else []

    @cached_property
    def listing(self) -> ListingLinks:
        """Its articles, pager and next page, when the page is a listing."""
        if self.selector is None:
            return ListingLinks()
        return listing_links(self.selector, self.base_url, self.profile)

    def fetch_context(
        self,
        fetched_at: str,
        status: int = 200,
        fetch_id: int | None = None,
        found_via: str | None = None,
    ) -> FetchContext:
        """Where the article was read from: its canonical URL, the URL as fetched, the
        fetch (WARC record), how the crawl reached it and the validators a conditional
        request will send."""
        url = self.canonical_url
        return FetchContext(
            url=url,
            fetched_url=self.url,
            found_via=found_via,
            site=site_root(urlsplit(url).hostname or ""),
            fetched_at=fetched_at,
            http_status=status,
            fetch_id=fetch_id,
            etag=self.etag,
            last_modified=self.last_modified,
            quality=self.quality,
        )


def _another_page_of_the_host(declared: str, own: str) -> bool:
    """Both canonical keys: the declared one is on the same host (www. or not) and is
    not the site's root (its index file is gone from the key)."""
    declared_parts, own_parts = urlsplit(declared), urlsplit(own)
    return declared_parts.netloc.removeprefix("www.") == own_parts.netloc.removeprefix("www.") and (
        declared_parts.path not in ("", "/") or bool(declared_parts.query)
    )


def read_page(
    url: str, body: bytes, headers: Headers | None = None, profile: SiteProfile | None = None
) -> Page:
    """Read one fetched page (the body as the server sent it, after any Content-Encoding
    is undone) with the site's profile, or in generic mode without one."""
    found = _header_map(headers)
    content_type = found.get("content-type")
    validators = {"etag": found.get("etag"), "last_modified": found.get("last-modified")}
    media = (content_type or "").lower()
    # application/xhtml+xml is a page; application/rss+xml is not.
    if "html" not in media and any(kind in media for kind in _NOT_PAGE_TYPES):
        return Page(url, "other", profile, **validators)
    failure = "empty body" if not body.strip() else not_html(body)
    if failure:
        return Page(url, "other", profile, failure=failure, **validators)
    text, quality = decode_page(body, content_type)
    # Parsed without runaway nesting (libxml2 gives up at depth 2048); `text` stays as sent.
    selector = Selector(text=collapse_runaway_nesting(text), type="html", base_url=url)
    page = Page(url, "other", profile, text=text, selector=selector, quality=quality, **validators)
    if profile:
        page.kind = "article" if is_article(selector, profile) else "listing"
    else:
        page.kind = page_kind(selector, url)
    if page.kind != "article" and is_not_found_page(selector):
        page.failure = "soft 404: the site's not-found page, answered 200"
        return page
    if page.kind == "article":
        # Links, images and attachments resolve against <base href>, as a browser does.
        page.article, page.profile_misses = _article(selector, page.base_url, profile)
    page.quality = page.quality or font_quality(text)
    return page


def _article(
    selector: Selector, url: str, profile: SiteProfile | None
) -> tuple[RawArticle, list[str]]:
    if not profile:
        return extract_generic(selector, url), []
    raw, missing = extract_with_profile(selector, url, profile)
    if missing:
        # The page no longer fits the profile: the generic heuristics fill the gaps so
        # nothing is lost; the caller says so loudly.
        fallback = extract_generic(selector, url)
        for name in FALLBACK_FIELDS:
            if not getattr(raw, name):
                setattr(raw, name, getattr(fallback, name))
    return raw, missing
