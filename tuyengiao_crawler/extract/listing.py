"""What a listing page links to: its articles, its pager, and the next page."""

from __future__ import annotations

from dataclasses import dataclass, field

from parsel import Selector

from tuyengiao_crawler.extract.classify import article_links, next_page_link, pagination_links
from tuyengiao_crawler.extract.html import absolute, attribute
from tuyengiao_crawler.extract.profile import select
from tuyengiao_crawler.profiles import SiteProfile


@dataclass
class ListingLinks:
    """Absolute URLs, in page order; empty lists on pages that are not listings."""

    articles: list[str] = field(default_factory=list)
    pager: list[str] = field(default_factory=list)
    next_page: str | None = None


def _hrefs(sel: Selector, url: str, profile: SiteProfile, key: str) -> list[str]:
    urls = (absolute(url, attribute(node, "href")) for node in select(sel, profile, key))
    return list(dict.fromkeys(u for u in urls if u))


def listing_links(sel: Selector, url: str, profile: SiteProfile | None) -> ListingLinks:
    """Profile selectors where the profile has them, the generic heuristics otherwise."""
    if profile and profile.css("pagination"):
        following = _hrefs(sel, url, profile, "next_page")
        return ListingLinks(
            articles=_hrefs(sel, url, profile, "listing"),
            pager=_hrefs(sel, url, profile, "pagination"),
            next_page=following[0] if following else None,
        )
    pager = pagination_links(sel, url)
    if not pager:
        return ListingLinks()
    return ListingLinks(article_links(sel, url), pager, next_page_link(sel, url))
