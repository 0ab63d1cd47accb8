"""The Progress extension: a crawl's progress on a terminal, in logs and in cron mail."""

from __future__ import annotations

import logging
import shutil
import sys
import time
from datetime import UTC, datetime

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import AsyncioLoopingCall, create_looping_call
from twisted.internet.task import LoopingCall


class Progress:
    """Shows a crawl's progress: a live line on a terminal, plain periodic lines in logs
    and cron mail.

    TUYENGIAO_PROGRESS: "auto" (live on a terminal, else lines), "live", "lines" or "off".
    TUYENGIAO_PROGRESS_INTERVAL: seconds between plain lines [60].

    The live line is cut to the terminal's width (a longer one would wrap, and each redraw
    pile up), and is cleared before a log message is written, so a warning gets a line of
    its own; plain lines start with the UTC time, for logs and cron mail.
    """

    LIVE_INTERVAL = 0.5

    def __init__(self, crawler: Crawler, mode: str, interval: float) -> None:
        self.crawler = crawler
        self.mode = mode
        self.interval = interval
        self.started = 0.0
        self.loop: AsyncioLoopingCall | LoopingCall | None = None
        self.drawn = False  # the live line is on the screen
        self._clear = _ClearLine(self)

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
        if self.mode == "live":
            for handler in logging.getLogger().handlers:
                handler.addFilter(self._clear)
        self.loop = create_looping_call(self.show)
        every = min(self.LIVE_INTERVAL, self.interval) if self.mode == "live" else self.interval
        self.loop.start(every, now=False)

    def spider_closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.mode == "live":
            self.show()
            sys.stderr.write("\n")
            sys.stderr.flush()
            self.drawn = False
            for handler in logging.getLogger().handlers:
                handler.removeFilter(self._clear)

    def line(self) -> str:
        """Elapsed time, pages (304s included: they are pages fetched) and their rate,
        errors, articles new, edited and gone."""
        stats = self.crawler.stats
        elapsed = max(time.monotonic() - self.started, 1e-9)
        count = lambda name: stats.get_value(f"tuyengiao/{name}", 0)  # noqa: E731
        # A 304 is turned into NotModified before Scrapy's downloader stats see it.
        pages = stats.get_value("downloader/response_count", 0) + count("not_modified")
        minutes, seconds = divmod(int(elapsed), 60)
        # Under 80 columns for a nightly run's numbers; most telling first, as a line cut
        # to a narrower terminal loses its end.
        return (
            f"{minutes // 60}:{minutes % 60:02d}:{seconds:02d}"
            f" pages {pages:,} ({count('not_modified'):,} 304) {pages / elapsed:.1f}/s"
            f" errors {count('errors'):,}; new {count('articles_new'):,}"
            f" edited {count('articles_updated'):,} gone {count('articles_gone'):,}"
        )

    def show(self) -> None:
        if self.mode == "live":
            width = shutil.get_terminal_size((80, 24)).columns - 1
            sys.stderr.write("\r\x1b[2K" + self.line()[:width])
            self.drawn = True
        else:
            stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            sys.stderr.write(f"{stamp} [progress] {self.line()}\n")
        sys.stderr.flush()


class _ClearLine(logging.Filter):
    """Clears the live progress line before a log record is written under it."""

    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress

    def filter(self, record: logging.LogRecord) -> bool:
        if self.progress.drawn:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()
            self.progress.drawn = False
        return True
