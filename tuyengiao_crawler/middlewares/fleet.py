"""Politeness across a fleet: at most N requests in flight per host over all the workers
of a shared frontier, not per worker (Scrapy's own per-domain limit counts one process).

Each request takes a slot in a Redis sorted set per host (`<prefix>:slots:<host>`) just
before it goes on the network, and gives it back when its response or failure returns.
A slot carries an expiry (DOWNLOAD_TIMEOUT plus a margin), so a killed worker's slots
free themselves. While Redis is unreachable a request goes without a fleet slot (the
worker's own per-domain limit still holds): the page is not failed for it. Enabled only
for a crawl with TUYENGIAO_REDIS_URL.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

from tuyengiao_crawler.extensions import frontier

SLOT_KEY = "tuyengiao_fleet_slot"
# Take a slot if fewer than the limit are held (expired ones dropped first).
_ACQUIRE = """
redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1])
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('zadd', KEYS[1], ARGV[2], ARGV[4])
  redis.call('pexpire', KEYS[1], ARGV[5])
  return 1
end
return 0
"""


class FleetPolitenessMiddleware:
    """Waits for a free per-host slot of the fleet before each download."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        url = settings.get("TUYENGIAO_REDIS_URL")
        if not url:
            raise NotConfigured  # quietly: most crawls are one process
        self.client = frontier.connect(url)
        self.prefix = frontier.keys(frontier.prefix_of(settings))["slots"]
        self.limit = settings.getint("TUYENGIAO_FLEET_PER_DOMAIN") or settings.getint(
            "CONCURRENT_REQUESTS_PER_DOMAIN", 2
        )
        self.ttl = settings.getfloat("DOWNLOAD_TIMEOUT", 60) + 30
        self.stats = crawler.stats
        # Slots that could not be given back while Redis was away: given back once it
        # answers, or the fleet would crawl the host below its limit until they expire.
        self.unreturned: list[tuple[str, str]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FleetPolitenessMiddleware:
        return cls(crawler)

    def _take(self, key: str, token: str) -> bool:
        now = time.time()
        try:
            while self.unreturned:
                self.client.zrem(*self.unreturned[-1])
                self.unreturned.pop()
            taken = self.client.eval(
                _ACQUIRE, 1, key, now, now + self.ttl, self.limit, token, int(self.ttl * 2000)
            )
        except frontier.UNREACHABLE:
            self.stats.inc_value("tuyengiao/fleet_slots_unreachable")
            return True
        return bool(taken)

    async def process_request(self, request: Request) -> None:
        host = urlsplit(request.url).hostname or ""
        key, token = self.prefix + host, uuid.uuid4().hex
        wait = 0.01
        while not self._take(key, token):
            self.stats.inc_value("tuyengiao/fleet_slot_waits")
            await asyncio.sleep(wait)
            wait = min(wait * 2, 0.5)
        request.meta[SLOT_KEY] = (key, token)

    def _give_back(self, request: Request) -> None:
        held = request.meta.pop(SLOT_KEY, None)
        if held:
            try:
                self.client.zrem(*held)
            except frontier.UNREACHABLE:
                self.unreturned.append(held)

    def process_response(self, request: Request, response: Response) -> Response:
        self._give_back(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._give_back(request)
