"""Scrapy's per-page log messages, built only when they can be shown."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.logformatter import LogFormatter, LogFormatterResult


class ArchiveLogFormatter(LogFormatter):
    """Scrapy logs "Crawled (200) <GET ...>" and "Scraped from ..." (with the whole
    article) at DEBUG for every page. Python builds each record before the handler drops
    it at INFO, about 1% of a crawl; below DEBUG they are not made at all."""

    def __init__(self, debug: bool = True) -> None:
        self.debug = debug

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveLogFormatter:
        level = logging.getLevelName(str(crawler.settings.get("LOG_LEVEL", "DEBUG")).upper())
        return cls(debug=not isinstance(level, int) or level <= logging.DEBUG)

    def crawled(self, *args: Any, **kwargs: Any) -> LogFormatterResult | None:
        return super().crawled(*args, **kwargs) if self.debug else None

    def scraped(self, *args: Any, **kwargs: Any) -> LogFormatterResult | None:
        return super().scraped(*args, **kwargs) if self.debug else None
