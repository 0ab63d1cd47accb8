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
from tuyengiao_crawler.normalize.encoding import apply_repair, assess, repair_text, text_quality

TEXT_FIELDS = ("title", "lead", "body_text", "byline", "category", "published_raw", "updated_raw")
# Fields repaired when their text arrived broken (see normalize/encoding.py).
REPAIR_FIELDS = ("title", "lead", "byline", "category", "published_raw", "updated_raw")
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
        self._repair(adapter)
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

    def _repair(self, adapter: ItemAdapter) -> None:
        """Decode text that arrived broken (TCVN3, VNI, double-encoded UTF-8, Windows-1258
        read as 1252) and set `quality`: "repaired:<how>", or "suspect:<what>" when the
        text is still broken. A field too short to judge alone follows the body's repair
        when that makes it read better."""
        quality = adapter.get("quality")
        hint = quality[5:] if quality and quality.startswith("font:") else None
        if hint:
            quality = None
        methods: dict[str, str] = {}
        for name in ("body_text", *REPAIR_FIELDS):
            value = adapter.get(name)
            if not value or not isinstance(value, str):
                continue
            fixed, method = repair_text(value, hint=hint)
            if method:
                adapter[name], methods[name] = fixed, method
                hint = hint or method
            elif hint and (other := apply_repair(value, hint)) != value:
                if assess(other).score > assess(value).score:
                    adapter[name], methods[name] = other, hint
        if methods.get("body_text") and adapter.get("body_html"):
            adapter["body_html"] = apply_repair(adapter["body_html"], methods["body_text"])
        if methods:
            quality = "repaired:" + ",".join(sorted(set(methods.values())))
            self.stats.inc_value("tuyengiao/articles_text_repaired")
        text = "\n".join(str(adapter.get(n) or "") for n in ("title", "lead", "body_text"))
        suspect = text_quality(text)
        if suspect:
            self.stats.inc_value("tuyengiao/articles_text_suspect")
        adapter["quality"] = suspect or quality

    def _references(self, adapter: ItemAdapter, reference: date | None) -> list[dict]:
        found = []
        for name in REFERENCE_FIELDS:
            for ref in extract_references(adapter.get(name) or "", reference=reference):
                found.append({**ref, "field": name})
        return link_partial_references(found)
