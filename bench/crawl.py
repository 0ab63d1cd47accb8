"""Crawl benchmarks: the project's full crawl against a bare Scrapy spider, each in its own
process (a Twisted reactor runs once per process, and peak RSS is then the crawl's own).

    python -m bench.crawl full URL DB      # run_crawl(..., profile="demo"), JSON on stdout
    python -m bench.crawl pages URL DB     # the same without fetching images and PDFs
    python -m bench.crawl bare URL         # BareSpider, JSON on stdout

Both use the same Scrapy settings for the network side: the project's local overrides
(no delay, no AutoThrottle, 16 requests at a time), robots.txt obeyed, cookies off.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import scrapy
from scrapy.linkextractors import IGNORED_EXTENSIONS

ROOT = Path(__file__).resolve().parent.parent
SKIP = tuple(f".{ext}" for ext in IGNORED_EXTENSIONS)


class BareSpider(scrapy.Spider):
    """Follows every same-site link (as the archive spider does without a `follow` list),
    fetches the images and documents pages point to (as the archive spider fetches an
    article's images and attachments) and yields each URL: Scrapy's own cost of walking
    the site, nothing else."""

    name = "bare"

    def __init__(self, start_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        self.prefix = start_url.rstrip("/")

    def parse(self, response: scrapy.http.Response) -> Any:
        yield {"url": response.url}
        for href in response.css("a::attr(href), img::attr(src)").getall():
            url = response.urljoin(href.strip()).split("#", 1)[0]
            if url.startswith(self.prefix):
                is_file = url.lower().endswith(SKIP)
                yield scrapy.Request(url, callback=self.fetched if is_file else self.parse)

    def fetched(self, response: scrapy.http.Response) -> Any:
        yield {"url": response.url}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User and system CPU time of this process so far (less noisy than wall time when
    the machine is shared)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _bare(url: str) -> dict[str, Any]:
    from scrapy.crawler import CrawlerProcess

    from tuyengiao_crawler.runner import LOCAL_OVERRIDES
    from tuyengiao_crawler.settings import USER_AGENT

    settings = {
        **LOCAL_OVERRIDES,
        "ROBOTSTXT_OBEY": True,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "USER_AGENT": USER_AGENT,
        "LOG_LEVEL": "WARNING",
    }
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, start_url=url)
    started, cpu = time.perf_counter(), cpu_seconds()
    process.start()
    elapsed = time.perf_counter() - started
    stats = crawler.stats.get_stats()
    return {
        "seconds": elapsed,
        "pages": stats.get("downloader/response_count", 0),
        "items": stats.get("item_scraped_count", 0),
        "cpu_seconds": cpu_seconds() - cpu,
        "peak_rss_mb": peak_rss_mb(),
    }


def _full(url: str, db: str, full: bool, assets: bool = True) -> dict[str, Any]:
    from tuyengiao_crawler.runner import run_crawl

    started, cpu = time.perf_counter(), cpu_seconds()
    run = run_crawl(
        [url],
        db,
        profile="demo",
        full=full,
        # Without assets, without requisites too: an article's images are among what its
        # page loads when shown, and `pages` fetched them all once requisites came in.
        overrides={
            "TUYENGIAO_PROGRESS": "off",
            "TUYENGIAO_FETCH_ASSETS": assets,
            "TUYENGIAO_FETCH_REQUISITES": assets,
        },
    )
    elapsed = time.perf_counter() - started
    return {
        "seconds": elapsed,
        "pages": run["pages_fetched"],
        "articles": run["articles_new"] + run["articles_updated"] + run["articles_unchanged"],
        "not_modified": run["not_modified"],
        "status": run["status"],
        "mode": run["mode"],
        "errors": run["errors"],
        "cpu_seconds": cpu_seconds() - cpu,
        "peak_rss_mb": peak_rss_mb(),
    }


def start_worker(*args: str, profile_to: str | None = None) -> subprocess.Popen[str]:
    """Start one crawl in a fresh process; `finish_worker` waits for its JSON report."""
    command = [sys.executable]
    if profile_to:
        command += ["-m", "cProfile", "-o", profile_to]
    return start_process([*command, "-m", "bench.crawl", *args])


def start_process(command: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish_worker(process: subprocess.Popen[str]) -> dict[str, Any]:
    """Wait for a process that prints a JSON report (its last `{...}` line) and return it."""
    stdout, stderr = process.communicate()
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"{process.args} failed:\n{stderr[-3000:]}")
    return json.loads(lines[-1])


def run_worker(*args: str, profile_to: str | None = None) -> dict[str, Any]:
    """Run one crawl in a fresh process and return its JSON report."""
    return finish_worker(start_worker(*args, profile_to=profile_to))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[0] == "bare":
        report = _bare(args[1])
    elif args[0] in ("full", "again", "pages"):
        report = _full(args[1], args[2], full=args[0] != "again", assets=args[0] != "pages")
    else:
        raise SystemExit(f"unknown mode {args[0]!r}")
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
