"""Store articles in the SQLite archive."""

from __future__ import annotations

import sqlite3

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from tuyengiao_crawler.extensions.disk import is_disk_full, stop_for_full_disk
from tuyengiao_crawler.extensions.run import ArchiveRun
from tuyengiao_crawler.normalize.article import ArticleRecord


class StorePipeline:
    """Upsert each article by canonical URL, one transaction per item."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.run = ArchiveRun.of(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: ArticleRecord) -> ArticleRecord:
        run_id = self.run.ensure_started()
        try:
            status = self.run.archive.save_article(item, run_id=run_id)
        except sqlite3.Error as exc:
            if not is_disk_full(exc):
                raise
            stop_for_full_disk(self.crawler, f"{self.run.archive.path}: {exc}")
            raise DropItem(f"not stored, the disk is full: {item.url}") from None
        self.crawler.stats.inc_value(f"tuyengiao/articles_{status}")
        if status != "unchanged":  # unchanged: extracted as before, it says nothing new
            self.run.coverage.add(item)
        return item
