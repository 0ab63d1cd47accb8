"""Politeness relaxed for servers on this machine (the demo site, tests, benchmarks):
the one rule, shared by the CLI's runner and the spider, so `scrapy crawl archive` of a
127.0.0.1 site runs as `tuyengiao crawl` does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

LOCAL_OVERRIDES: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 15,
    # A local server's Retry-After is still honoured; there is no crowd to back off from.
    "TUYENGIAO_RETRY_BACKOFF": 0.1,
}
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def all_local(urls: Iterable[str]) -> bool:
    """True if there are URLs and every one is on this machine."""
    hosts = [urlsplit(url).hostname for url in urls]
    return bool(hosts) and all(host in LOCAL_HOSTS for host in hosts)
