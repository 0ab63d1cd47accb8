"""Drop items that cannot be archived, saying why."""

from __future__ import annotations

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from tuyengiao_crawler.normalize.article import missing_fields


class ValidatePipeline:
    """An article needs a URL, a site, a title and some body text; everything else is optional."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: object) -> object:
        missing = missing_fields(ItemAdapter(item))
        if missing:
            self.stats.inc_value("tuyengiao/items_invalid")
            raise DropItem(f"{ItemAdapter(item).get('url')}: missing {', '.join(missing)}")
        return item
