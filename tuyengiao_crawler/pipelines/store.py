"""Store articles in the SQLite archive."""

from __future__ import annotations

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from tuyengiao_crawler.extensions import ArchiveRun


class StorePipeline:
    """Upsert each article by canonical URL, one transaction per item."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.run = ArchiveRun.of(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: object) -> object:
        run_id = self.run.ensure_started()
        status = self.run.archive.save_article(ItemAdapter(item).asdict(), run_id=run_id)
        self.crawler.stats.inc_value(f"tuyengiao/articles_{status}")
        return item
