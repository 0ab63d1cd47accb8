"""Turn raw article fields into exact values: clean text, ISO dates, authors, document references."""

from __future__ import annotations

from datetime import date

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from tuyengiao_crawler.archive import content_sha256
from tuyengiao_crawler.normalize import (
    clean_text,
    extract_references,
    link_partial_references,
    normalize_date,
    parse_byline,
)

TEXT_FIELDS = ("title", "lead", "body_text", "byline", "category", "published_raw", "updated_raw")
# Fields searched for document references, in the order their offsets refer to.
REFERENCE_FIELDS = ("title", "lead", "body_text")


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


class NormalizePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizePipeline:
        return cls(crawler)

    def process_item(self, item: object) -> object:
        adapter = ItemAdapter(item)
        for name in TEXT_FIELDS:
            if adapter.get(name) is not None:
                adapter[name] = clean_text(adapter[name]) or None
        adapter["body_text"] = adapter.get("body_text") or ""
        published = normalize_date(adapter.get("published_raw"))
        if adapter.get("published_raw") and not published:
            self.stats.inc_value("tuyengiao/dates_unparsed")
        adapter["published_at"] = published
        reference = _reference_date(published)
        adapter["updated_at"] = normalize_date(
            adapter.get("updated_raw"), reference=_year_after(reference)
        )
        adapter["authors"] = parse_byline(adapter["byline"]) if adapter.get("byline") else []
        adapter["documents"] = self._references(adapter, reference)
        adapter["content_sha256"] = content_sha256(adapter)
        return item

    def _references(self, adapter: ItemAdapter, reference: date | None) -> list[dict]:
        found = []
        for name in REFERENCE_FIELDS:
            for ref in extract_references(adapter.get(name) or "", reference=reference):
                found.append({**ref, "field": name})
        return link_partial_references(found)
