"""The Progress extension: a crawl's progress on a terminal, in logs and in cron mail."""

from __future__ import annotations

import sys
import time

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class Progress:
    """Shows a crawl's progress: a live line on a terminal, plain periodic lines in logs
    and cron mail.

    TUYENGIAO_PROGRESS: "auto" (live on a terminal, else lines), "live", "lines" or "off".
    TUYENGIAO_PROGRESS_INTERVAL: seconds between plain lines [60].
    """

    LIVE_INTERVAL = 0.5

    def __init__(self, crawler: Crawler, mode: str, interval: float) -> None:
        self.crawler = crawler
        self.mode = mode
        self.interval = interval
        self.started = 0.0
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        mode = crawler.settings.get("TUYENGIAO_PROGRESS", "auto").lower()
        if mode not in ("auto", "live", "lines", "off"):
            raise NotConfigured(
                f"TUYENGIAO_PROGRESS must be auto, live, lines or off, not {mode!r}"
            )
        if mode == "off":
            raise NotConfigured("progress display is off")
        if mode == "auto":
            mode = "live" if sys.stderr.isatty() else "lines"
        interval = crawler.settings.getfloat("TUYENGIAO_PROGRESS_INTERVAL", 60.0)
        extension = cls(crawler, mode, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.show)
        every = min(self.LIVE_INTERVAL, self.interval) if self.mode == "live" else self.interval
        self.loop.start(every, now=False)

    def spider_closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.mode == "live":
            self.show()
            sys.stderr.write("\n")
            sys.stderr.flush()

    def line(self) -> str:
        stats = self.crawler.stats
        elapsed = max(time.monotonic() - self.started, 1e-9)
        pages = stats.get_value("downloader/response_count", 0)
        count = lambda name: stats.get_value(f"tuyengiao/{name}", 0)  # noqa: E731
        stored = sum(count(f"articles_{s}") for s in ("new", "updated", "unchanged"))
        minutes, seconds = divmod(int(elapsed), 60)
        return (
            f"[progress] {minutes // 60}:{minutes % 60:02d}:{seconds:02d}"
            f" pages {pages} (304: {count('not_modified')}), articles {stored}"
            f" (new {count('articles_new')}, updated {count('articles_updated')},"
            f" unchanged {count('articles_unchanged')}, gone {count('articles_gone')}),"
            f" errors {count('errors')}, {pages / elapsed:.1f} pages/s"
        )

    def show(self) -> None:
        if self.mode == "live":
            sys.stderr.write("\r\x1b[2K" + self.line())
        else:
            sys.stderr.write(self.line() + "\n")
        sys.stderr.flush()
