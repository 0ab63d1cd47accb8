"""The article as read off a page, where it was fetched, and the exact record made of both.

`normalize_article(raw, context)` is the one step between extraction and the archive, for
every driver: a live crawl (the normalise pipeline), a re-read WARC record (reprocess)
and, later, another archive's rows. No Scrapy, no database.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, TypeVar

from .bylines import parse_byline
from .dates import normalize_date
from .encoding import apply_repair, assess, repair_text, text_quality
from .references import extract_references, link_partial_references
from .text import clean_text


@dataclass
class RawArticle:
    """What an extractor read off one article page, as the page wrote it.

    `body_text` is clean paragraphs joined by a blank line; `body_html` is the
    sanitised article body. `*_source` says where a date string was found:
    "meta" (a meta tag), "dateline" (the date line near the title) or "body".
    """

    title: str | None = None
    lead: str | None = None
    body_text: str = ""
    body_html: str = ""
    byline: str | None = None
    published_raw: str | None = None
    published_source: str | None = None
    updated_raw: str | None = None
    updated_source: str | None = None
    category: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    images: list[dict[str, str | None]] = field(default_factory=list)
    related: list[dict[str, str | None]] = field(default_factory=list)
    attachments: list[dict[str, str | None]] = field(default_factory=list)
    extractor: str = "generic"

    def as_dict(self) -> dict[str, Any]:
        # Shallow on purpose: the record takes these lists over, so a deep copy (asdict)
        # would only cost time on every page.
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(kw_only=True)
class FetchContext:
    """Where and when the page was fetched: the article's canonical URL, the URL as the
    site linked it, and the fetch (and so the WARC record) it was read from."""

    url: str
    fetched_url: str
    site: str
    fetched_at: str
    http_status: int = 200
    fetch_id: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    # How the crawl reached the page: "start", "link", "pager", "postback", "feed" or
    # "sitemap" (`articles.found_via`); None when re-read from a WARC record.
    found_via: str | None = None
    # Broken text: "repaired:<how>" (cp1258, utf-8, tcvn3, vni, utf8-double) or
    # "suspect:<what>"; extraction may leave a "font:<encoding>" hint for normalisation.
    quality: str | None = None


_CONTEXT_FIELDS = tuple(f.name for f in fields(FetchContext))
_RAW_FIELDS = tuple(f.name for f in fields(RawArticle))
Joined = TypeVar("Joined", bound=FetchContext)


def join_fetch(cls: type[Joined], raw: RawArticle, context: FetchContext) -> Joined:
    """A `cls` (a dataclass of both, such as the spider's item or `ArticleRecord`) holding
    the raw fields and the fetch context; the lists are shared, not copied."""
    return cls(
        **{name: getattr(raw, name) for name in _RAW_FIELDS},
        **{name: getattr(context, name) for name in _CONTEXT_FIELDS},
    )


@dataclass(kw_only=True)
class ArticleRecord(FetchContext, RawArticle):
    """One article as the archive stores it: the raw fields cleaned, dates in ISO 8601,
    authors and document references found, and a fingerprint of what it says."""

    published_at: str | None = None
    updated_at: str | None = None
    authors: list[dict[str, str]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    content_sha256: str | None = None


# An article needs these to be archived; everything else is optional.
REQUIRED = ("url", "site", "title", "body_text")
TEXT_FIELDS = ("title", "lead", "body_text", "byline", "category", "published_raw", "updated_raw")
# Fields repaired when their text arrived broken (see normalize/encoding.py).
REPAIR_FIELDS = ("title", "lead", "byline", "category", "published_raw", "updated_raw")
# Fields searched for document references, in the order their offsets refer to.
REFERENCE_FIELDS = ("title", "lead", "body_text")
# Fields whose change makes a new version of an article; the related list is left out
# because sites append to it every day without touching the article itself.
CONTENT_FIELDS = (
    "title",
    "lead",
    "body_text",
    "byline",
    "published_raw",
    "updated_raw",
    "category",
    "images",
    "attachments",
)

Count = Callable[[str], None]


def _no_count(name: str) -> None:
    pass


def _getter(source: Any) -> Callable[[str], Any]:
    if isinstance(source, Mapping):
        return source.get
    return lambda name: getattr(source, name, None)


def missing_fields(article: Any, context: Any = None) -> list[str]:
    """The required fields an article lacks, looked up in the article (a record, an item
    or a mapping) and then in its fetch context, if given apart; empty if none."""
    getters = [_getter(article)] + ([_getter(context)] if context is not None else [])
    return [name for name in REQUIRED if not any(get(name) for get in getters)]


def content_sha256(article: Any) -> str:
    """A stable fingerprint of what the article says (not of when or how it was fetched)."""
    get = _getter(article)
    payload = {name: get(name) for name in CONTENT_FIELDS}
    encoded = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def normalize_article(
    raw: RawArticle, context: FetchContext, count: Count | None = None
) -> ArticleRecord:
    """The archive's record of an article: text repaired and cleaned, ISO dates, authors,
    document references and the content fingerprint. `raw` and `context` are not changed.

    `count(name)` is told of what a crawl counts: "dates_unparsed",
    "articles_text_repaired", "articles_text_suspect".
    """
    count = count or _no_count
    record = join_fetch(ArticleRecord, raw, context)
    _repair(record, count)
    for name in TEXT_FIELDS:
        value = getattr(record, name)
        if value is not None:
            setattr(record, name, clean_text(value) or None)
    record.body_text = record.body_text or ""
    published = normalize_date(record.published_raw)
    if record.published_raw and not published:
        count("dates_unparsed")
    record.published_at = published
    reference = _reference_date(published)
    record.updated_at = normalize_date(record.updated_raw, reference=_year_after(reference))
    record.authors = parse_byline(record.byline) if record.byline else []
    record.documents = _references(record, reference)
    record.content_sha256 = content_sha256(record)
    return record


def _reference_date(published_at: str | None) -> date | None:
    if not published_at or len(published_at) < 10:
        return None
    return date.fromisoformat(published_at[:10])


def _year_after(day: date | None) -> date | None:
    """An update comes after publication, so a year-less update date is read as the first
    such day on or after it: the latest one not later than a year after publication."""
    if day is None:
        return None
    return day.replace(year=day.year + 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def _repair(record: ArticleRecord, count: Count) -> None:
    """Decode text that arrived broken (TCVN3, VNI, double-encoded UTF-8, Windows-1258
    read as 1252) and set `quality`: "repaired:<how>", or "suspect:<what>" when the
    text is still broken. A field too short to judge alone follows the body's repair
    when that makes it read better."""
    quality = record.quality
    hint = quality[5:] if quality and quality.startswith("font:") else None
    if hint:
        quality = None
    methods: dict[str, str] = {}
    for name in ("body_text", *REPAIR_FIELDS):
        value = getattr(record, name)
        if not value or not isinstance(value, str):
            continue
        fixed, method = repair_text(value, hint=hint)
        if method:
            setattr(record, name, fixed)
            methods[name] = method
            hint = hint or method
        elif hint and (other := apply_repair(value, hint)) != value:
            if assess(other).score > assess(value).score:
                setattr(record, name, other)
                methods[name] = hint
    if methods.get("body_text") and record.body_html:
        record.body_html = apply_repair(record.body_html, methods["body_text"])
    if methods:
        quality = "repaired:" + ",".join(sorted(set(methods.values())))
        count("articles_text_repaired")
    text = "\n".join(str(getattr(record, n) or "") for n in ("title", "lead", "body_text"))
    suspect = text_quality(text)
    if suspect:
        count("articles_text_suspect")
    record.quality = suspect or quality


def _references(record: ArticleRecord, reference: date | None) -> list[dict]:
    found = []
    for name in REFERENCE_FIELDS:
        for ref in extract_references(getattr(record, name) or "", reference=reference):
            found.append({**ref, "field": name})
    return link_partial_references(found, reference)
