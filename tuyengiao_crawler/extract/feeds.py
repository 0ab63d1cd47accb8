"""Feeds and sitemaps: where a site lists its articles besides its HTML listings.

Many portals build their listings with JavaScript yet publish RSS or Atom feeds and
sitemaps. `read_feed(body)` reads any of them (RSS 2.0, RSS 1.0/RDF, Atom, sitemap
urlset, sitemap index, Google News sitemap; gzip-compressed too) into the URLs they
list; `feed_links` finds the feeds a page declares, `robots_sitemaps` the sitemaps a
robots.txt names. The bytes are parsed without network access or entity expansion.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from dataclasses import dataclass, field

from lxml import etree
from parsel import Selector

from tuyengiao_crawler.extract.html import absolute

# A sitemap may hold 50,000 URLs in 50 MB (sitemaps.org); more is no sitemap we read.
MAX_FEED_BYTES = 50 * 1024 * 1024
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
# Link suffixes that name a feed or sitemap (Scrapy's list of extensions to skip holds
# "rss"; these must be fetched, not skipped).
FEED_SUFFIXES = (".rss", ".xml", ".atom", ".rdf", ".xml.gz")
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, recover=True, huge_tree=False, remove_comments=True
)
# A feed's or sitemap's root element, in the first KB (after the XML declaration,
# comments and stylesheet instructions): the cheap test before any parsing.
_ROOT_TAG = re.compile(rb"<(?:[\w-]+:)?(?:rss|rdf|feed|urlset|sitemapindex)[\s>]")
_SITEMAP_LINE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


@dataclass
class Feed:
    """What a feed or sitemap lists. `kind`: "rss", "atom", "sitemap" (a urlset) or
    "sitemapindex"; `urls` the pages (or, for an index, the sitemaps) in document order;
    `modified` the date each says it last changed, where it says so."""

    kind: str
    urls: list[str] = field(default_factory=list)
    modified: dict[str, str] = field(default_factory=dict)


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _gunzip(body: bytes) -> bytes:
    """A gzip body (a `.xml.gz` sitemap served as a file) inflated, up to MAX_FEED_BYTES."""
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
        try:
            return stream.read(MAX_FEED_BYTES + 1)[: MAX_FEED_BYTES + 1]
        except (OSError, EOFError, zlib.error):
            return b""


def feed_root(body: bytes) -> etree._Element | None:
    """The root element of a feed or sitemap body, or None when it is neither."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body)
    head = body[:1024].lstrip().lower()
    if (
        not head.startswith(b"<")
        or not _ROOT_TAG.search(head)
        or b"<html" in head
        or len(body) > MAX_FEED_BYTES
    ):
        return None
    try:
        root = etree.fromstring(body, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None or _local(root.tag) not in ("rss", "rdf", "feed", "urlset", "sitemapindex"):
        return None
    return root


def _text(el: etree._Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if _local(c.tag) == name), None)


def _atom_link(entry: etree._Element) -> str:
    """An Atom entry's page: its rel="alternate" link (the default rel), else any link."""
    links = [c for c in entry if _local(c.tag) == "link" and c.get("href")]
    for link in links:
        if link.get("rel", "alternate") == "alternate":
            return link.get("href", "")
    return links[0].get("href", "") if links else ""


def read_feed(body: bytes, url: str) -> Feed | None:
    """The URLs a feed or sitemap lists, absolute against `url`; None if it is neither."""
    root = feed_root(body)
    if root is None:
        return None
    kind = _local(root.tag)
    found = Feed({"rdf": "rss", "feed": "atom", "urlset": "sitemap"}.get(kind, kind))
    seen: set[str] = set()
    for entry in root.iter():
        name = _local(entry.tag)
        if found.kind == "rss" and name == "item":
            # RSS 1.0 names the page in rdf:about when <link> is missing.
            link = _text(_child(entry, "link")) or entry.get(
                "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about", ""
            )
            when = _text(_child(entry, "pubdate")) or _text(_child(entry, "date"))
        elif found.kind == "atom" and name == "entry":
            link = _atom_link(entry)
            when = _text(_child(entry, "updated")) or _text(_child(entry, "published"))
        elif found.kind in ("sitemap", "sitemapindex") and name in ("url", "sitemap"):
            link = _text(_child(entry, "loc"))
            news = _child(entry, "news")
            when = _text(_child(entry, "lastmod")) or _text(
                _child(news, "publication_date") if news is not None else None
            )
        else:
            continue
        target = absolute(url, link)
        if target and target not in seen:
            seen.add(target)
            found.urls.append(target)
            if when:
                found.modified[target] = when
    return found


def feed_links(selector: Selector, url: str) -> list[str]:
    """The feeds a page declares: <link rel="alternate"> with an RSS or Atom type."""
    hrefs = selector.xpath(
        "//link[contains(concat(' ', normalize-space(translate(@rel, 'ALTERNATE', 'alternate')),"
        " ' '), ' alternate ')][@href]"
    )
    found = []
    for link in hrefs:
        kind = (link.attrib.get("type") or "").strip().lower()
        if kind in FEED_TYPES and (target := absolute(url, link.attrib.get("href"))):
            found.append(target)
    return list(dict.fromkeys(found))


def robots_sitemaps(text: str, url: str) -> list[str]:
    """The sitemaps a robots.txt names (`Sitemap:` lines, in any case), absolute."""
    found = (absolute(url, m.group(1)) for m in _SITEMAP_LINE.finditer(text))
    return list(dict.fromkeys(u for u in found if u))


def looks_like_feed(url_path: str) -> bool:
    """Whether a link's path names a feed or sitemap file."""
    return url_path.lower().endswith(FEED_SUFFIXES)
