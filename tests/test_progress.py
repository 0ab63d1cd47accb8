import re
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from tuyengiao_crawler.demo_site.server import DemoSite
from tuyengiao_crawler.extensions import Progress

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(
    r"\[progress\] \d+:\d\d:\d\d pages (\d+) \(304: \d+\), articles (\d+) [^\r\n]* errors \d+, [\d.]+ pages/s"
)


def test_progress_line_counts():
    crawler = get_crawler(settings_dict={"TUYENGIAO_PROGRESS": "lines"})
    progress = Progress.from_crawler(crawler)
    progress.started = 0.0  # a long time ago: the rate is ~0
    for name, value in [("downloader/response_count", 120), ("tuyengiao/articles_new", 40),
                        ("tuyengiao/articles_unchanged", 7), ("tuyengiao/not_modified", 7),
                        ("tuyengiao/errors", 2)]:  # fmt: skip
        crawler.stats.set_value(name, value)
    line = progress.line()
    assert (
        "pages 120 (304: 7), articles 47 (new 40, updated 0, unchanged 7, gone 0), errors 2" in line
    )


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
    pages = [int(m.group(1)) for m in LINE.finditer(stderr)]
    assert len(pages) >= 3
    assert pages == sorted(pages) and pages[-1] > pages[0]
    if mode == "live":
        assert "\r\x1b[2K[progress]" in stderr
    else:
        assert "\r" not in stderr
