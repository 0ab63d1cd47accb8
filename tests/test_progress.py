import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from tuyengiao_crawler.demo_site.server import DemoSite
from tuyengiao_crawler.extensions import Progress

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(
    r"\d+:\d\d:\d\d pages ([\d,]+) \([\d,]+ 304\) [\d.]+/s errors \d+; new (\d+) edited \d+ gone \d+"
)


def test_progress_line_counts(monkeypatch):
    crawler = get_crawler(settings_dict={"TUYENGIAO_PROGRESS": "lines"})
    progress = Progress.from_crawler(crawler)
    # 100 s ago on a clock that stands still (not monotonic 0: on a machine up for minutes
    # that is not long ago; not the moving clock: a stalled test machine would add seconds)
    now = time.monotonic()
    monkeypatch.setattr(time, "monotonic", lambda: now)
    progress.started = now - 100
    for name, value in [("downloader/response_count", 120), ("tuyengiao/articles_new", 40),
                        ("tuyengiao/articles_unchanged", 7), ("tuyengiao/not_modified", 7),
                        ("tuyengiao/errors", 2)]:  # fmt: skip
        crawler.stats.set_value(name, value)
    line = progress.line()
    # 304s are pages fetched: Scrapy's response count never sees them (NotModified)
    assert line == "0:01:40 pages 127 (7 304) 1.3/s errors 2; new 40 edited 0 gone 0"
    assert len(line) < 80


def test_progress_line_fits_80_columns_on_a_nightly_run():
    crawler = get_crawler(settings_dict={"TUYENGIAO_PROGRESS": "lines"})
    progress = Progress.from_crawler(crawler)
    progress.started = time.monotonic() - 3725
    for name, value in [("downloader/response_count", 12_345), ("tuyengiao/articles_new", 1_234),
                        ("tuyengiao/not_modified", 11_000), ("tuyengiao/articles_updated", 123),
                        ("tuyengiao/errors", 12), ("tuyengiao/articles_gone", 12)]:  # fmt: skip
        crawler.stats.set_value(name, value)
    line = progress.line()
    assert line.startswith("1:02:05 pages 23,345 (11,000 304) 6.")
    assert len(line) < 80, (len(line), line)


def test_live_line_is_cut_to_the_terminal_and_cleared_for_a_warning(monkeypatch, capsys):
    import asyncio
    import logging
    import os

    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((40, 24)))
    crawler = get_crawler(settings_dict={"TUYENGIAO_PROGRESS": "live"})
    progress = Progress.from_crawler(crawler)
    handler = logging.StreamHandler(sys.stderr)
    logging.getLogger().addHandler(handler)

    async def crawl():  # the timer is Scrapy's looping call: on the crawl's event loop
        progress.spider_opened(None)
        progress.show()
        logging.getLogger("tuyengiao.test").warning("a warning")
        progress.show()
        progress.spider_closed(None)

    try:
        asyncio.run(crawl())
    finally:
        logging.getLogger().removeHandler(handler)
    err = capsys.readouterr().err
    drawn = err.split("\r\x1b[2K")
    assert all(len(part.split("\n")[0]) <= 39 for part in drawn)
    # the warning starts a line of its own: the progress line was cleared before it
    assert "\r\x1b[2Ka warning\n" in err


def test_progress_setting_is_checked():
    with pytest.raises(NotConfigured, match="must be auto, live, lines or off"):
        Progress.from_crawler(get_crawler(settings_dict={"TUYENGIAO_PROGRESS": "loud"}))
    with pytest.raises(NotConfigured):
        Progress.from_crawler(get_crawler(settings_dict={"TUYENGIAO_PROGRESS": "off"}))


@pytest.mark.parametrize("mode", ["lines", "live"])
def test_progress_during_a_crawl(tmp_path, mode):
    with DemoSite(port=0) as site:
        result = subprocess.run(
            [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--site", "demo",
             "--start-url", site.url + "/", "--db", str(tmp_path / "a.sqlite"),
             "-s", f"TUYENGIAO_PROGRESS={mode}", "-s", "TUYENGIAO_PROGRESS_INTERVAL=1",
             "-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"],
            capture_output=True, cwd=ROOT, timeout=120,
        )  # fmt: skip
    stderr = result.stderr.decode("utf-8")  # bytes: text mode would turn "\r" into "\n"
    assert result.returncode == 0, stderr
    pages = [int(m.group(1).replace(",", "")) for m in LINE.finditer(stderr)]
    assert len(pages) >= 3
    assert pages == sorted(pages) and pages[-1] > pages[0]
    if mode == "live":
        assert "\r\x1b[2K0:00:" in stderr
    else:
        assert "\r" not in stderr
        # each plain line says when, for logs and cron mail
        stamped = re.findall(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \[progress\] ", stderr, re.M)
        assert len(stamped) == len(pages)
