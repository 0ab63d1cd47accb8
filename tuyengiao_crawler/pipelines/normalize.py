"""Turn the spider's raw item into the archive's record (see normalize/article.py)."""

from __future__ import annotations

from scrapy.crawler import Crawler

from tuyengiao_crawler.items import ArticleItem
from tuyengiao_crawler.normalize.article import ArticleRecord, normalize_article


class NormalizePipeline:
    """`normalize_article` on each item; what it reports is counted in the crawl's stats."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizePipeline:
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleRecord:
        return normalize_article(item, item, self._count)

    def _count(self, name: str) -> None:
        self.stats.inc_value(f"tuyengiao/{name}")
