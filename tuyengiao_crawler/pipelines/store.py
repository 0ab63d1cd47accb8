"""Store articles in the SQLite archive and record the crawl run."""

from __future__ import annotations

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from tuyengiao_crawler.archive import Archive


def run_status(reason: str, stats: dict) -> str:
    """ok, partial (some fetches failed), failed (nothing fetched) or interrupted."""
    if reason == "shutdown":
        return "interrupted"
    if not stats.get("downloader/response_count") or reason not in (
        "finished",
        "closespider_pagecount",
        "closespider_itemcount",
    ):
        return "failed"
    return "partial" if stats.get("tuyengiao/errors") else "ok"


class StorePipeline:
    """Upsert each article by canonical URL, one transaction per item.

    The run is closed on `spider_closed`, after the pipelines, because only then does
    Scrapy know why the crawl finished.
    """

    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.archive: Archive | None = None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        db_path = crawler.settings.get("TUYENGIAO_DB")
        if not db_path:
            raise NotConfigured("TUYENGIAO_DB is empty")
        pipeline = cls(crawler, db_path)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.archive = Archive(self.db_path)
        spider = self.crawler.spider
        self.run_id = self.archive.start_run(
            getattr(spider, "start_urls", []), getattr(spider, "profile_name", None)
        )
        self.crawler.stats.set_value("tuyengiao/run_id", self.run_id)

    def process_item(self, item: object) -> object:
        status = self.archive.save_article(ItemAdapter(item).asdict())
        self.crawler.stats.inc_value(f"tuyengiao/articles_{status}")
        return item

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.archive is None:
            return
        stats = self.crawler.stats.get_stats()
        counts = {
            "pages_fetched": stats.get("downloader/response_count", 0),
            "articles_new": stats.get("tuyengiao/articles_new", 0),
            "articles_updated": stats.get("tuyengiao/articles_updated", 0),
            "articles_unchanged": stats.get("tuyengiao/articles_unchanged", 0),
            "items_dropped": stats.get("item_dropped_count", 0),
            "errors": stats.get("tuyengiao/errors", 0),
            "finish_reason": reason,
        }
        self.archive.finish_run(self.run_id, run_status(reason, stats), counts)
        self.archive.close()
        self.archive = None
