"""Store articles in the SQLite archive."""

from __future__ import annotations

import sqlite3

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from tuyengiao_crawler.extensions import ArchiveRun
from tuyengiao_crawler.middlewares.resilience import is_disk_full, stop_for_full_disk


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
        # A shallow copy: save_article only reads the item, and asdict()'s deep conversion
        # of every nested author, reference and link cost 0.2 ms an article.
        fields = dict(ItemAdapter(item).items())
        try:
            status = self.run.archive.save_article(fields, run_id=run_id)
        except sqlite3.Error as exc:
            if not is_disk_full(exc):
                raise
            stop_for_full_disk(self.crawler, f"{self.run.archive.path}: {exc}")
            raise DropItem(f"not stored, the disk is full: {fields.get('url')}") from None
        self.crawler.stats.inc_value(f"tuyengiao/articles_{status}")
        return item
