"""Politeness across a fleet: at most N requests on the network per host over all the
workers of a shared frontier, not per worker (Scrapy's own per-domain limit counts one
process).

A download handler, not a middleware: a downloader middleware runs before the request
waits out its download delay in the worker's own slot queue, so a worker would hold fleet
slots for every request it had queued, and a worker that joined later found them all
taken. Here a request takes a slot only once its delay is over, just before the inner
handler (Scrapy's HTTP handler, or whatever DOWNLOAD_HANDLERS had for the scheme) sends
it, and gives it back when the response or the failure returns.

Slots go first come, first served over the fleet: a request that waits is listed in a
per-host queue in Redis, and a free slot goes to the oldest waiter still asking. Within
one worker only the oldest waiter of a host asks. A slot carries an expiry
(DOWNLOAD_TIMEOUT plus a margin), a killed worker's slots are freed as soon as its
heartbeat (TUYENGIAO_REDIS_LEASE) has expired and a waiter that stops asking is dropped
after WAITER_STALE seconds, so a killed worker blocks no one for long. While Redis is
unreachable a request goes without a fleet slot (the worker's own per-domain limit still
holds): the page is not failed for it. Installed by FleetAddon for a crawl with
TUYENGIAO_REDIS_URL.
"""

from __future__ import annotations

import asyncio
import inspect
import time
import uuid
from collections import defaultdict
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.misc import build_from_crawler, load_object

from tuyengiao_crawler.extensions import frontier

WAITER_STALE = 5.0  # seconds: a waiter asks at least every POLL_MAX
POLL_MAX = 0.05

# KEYS: slots (token -> expiry), waiters (token -> first asked), last asked (token -> time).
# ARGV: slot lifetime (s), limit, token, keys' lifetime (ms), waiter staleness (s), the
# heartbeat keys' prefix. Redis's clock, not the workers' (machines' clocks differ).
# Expired slots and stale waiters are dropped, and, when no slot is free, the slots of
# workers whose heartbeat has expired (a token "WORKER|..." names its worker); the token
# is queued if new; it takes a slot if one is free for it: free slots go to the oldest
# waiters.
_ACQUIRE = """
local clock = redis.call('TIME')
local now, token = tonumber(clock[1]) + tonumber(clock[2]) / 1e6, ARGV[3]
redis.call('zremrangebyscore', KEYS[1], '-inf', now)
if not redis.call('zscore', KEYS[2], token) then redis.call('zadd', KEYS[2], now, token) end
redis.call('hset', KEYS[3], token, now)
for _, key in ipairs(KEYS) do redis.call('pexpire', key, ARGV[4]) end
local free = tonumber(ARGV[2]) - redis.call('zcard', KEYS[1])
if free <= 0 then
  for _, held in ipairs(redis.call('zrange', KEYS[1], 0, -1)) do
    local worker = string.match(held, '^(.+)|[^|]*$')
    if worker and redis.call('exists', ARGV[6] .. worker) == 0 then
      redis.call('zrem', KEYS[1], held)
      free = free + 1
    end
  end
end
local ahead, start = 0, 0
while ahead < free do
  local batch = redis.call('zrange', KEYS[2], start, start + 31)
  if #batch == 0 then return 0 end
  for _, waiter in ipairs(batch) do
    if waiter == token then
      redis.call('zadd', KEYS[1], now + tonumber(ARGV[1]), token)
      redis.call('zrem', KEYS[2], token)
      redis.call('hdel', KEYS[3], token)
      return 1
    end
    local asked = redis.call('hget', KEYS[3], waiter)
    if asked and tonumber(asked) >= now - tonumber(ARGV[5]) then
      ahead = ahead + 1
      start = start + 1
      if ahead >= free then return 0 end
    else
      redis.call('zrem', KEYS[2], waiter)
      redis.call('hdel', KEYS[3], waiter)
    end
  end
end
return 0
"""


class FleetSlotDownloadHandler:
    """Waits for a free per-host slot of the fleet, then downloads with the inner handler."""

    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        url = settings.get("TUYENGIAO_REDIS_URL")
        if not url:
            raise NotConfigured("a fleet's slots need TUYENGIAO_REDIS_URL")
        self.crawler = crawler
        self.wrapped: dict[str, Any] = dict(settings.getdict(frontier.WRAPPED_HANDLERS))
        self.inner: dict[str, Any] = {}
        self.client = frontier.connect(url, frontier.timeout_of(settings))
        # Once Redis has failed to answer, requests go without slots for a second before it
        # is asked again: otherwise each would wait out the timeout on a hung Redis.
        self.down_until = 0.0
        names = frontier.keys(frontier.prefix_of(settings))
        self.slots, self.waiting, self.heartbeats = (
            names["slots"],
            names["waiting"],
            names["worker"],
        )
        # Tokens name their worker (its heartbeat is the scheduler's): another worker
        # frees a dead one's slots at once, not after their expiry.
        worker = settings.get(frontier.WORKER_ID)
        self.token_prefix = f"{worker}|" if worker else ""
        self.limit = settings.getint("TUYENGIAO_FLEET_PER_DOMAIN") or settings.getint(
            "CONCURRENT_REQUESTS_PER_DOMAIN", 2
        )
        self.ttl = settings.getfloat("DOWNLOAD_TIMEOUT", 60) + 30
        self.stats = crawler.stats
        # One asker per host in this worker: the rest wait here, in order.
        self.turns: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        # Slots that could not be given back while Redis was away: given back once it
        # answers, or the fleet would crawl the host below its limit until they expire.
        self.unreturned: list[tuple[str, str]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FleetSlotDownloadHandler:
        return cls(crawler)

    def _inner(self, scheme: str) -> Any:
        if scheme not in self.inner:
            self.inner[scheme] = build_from_crawler(load_object(self.wrapped[scheme]), self.crawler)
        return self.inner[scheme]

    async def download_request(self, request: Request) -> Response:
        url = urlsplit(request.url)
        handler = self._inner(url.scheme)
        held = await self.take(url.hostname or "")
        try:
            if inspect.iscoroutinefunction(handler.download_request):
                return await handler.download_request(request)
            return await maybe_deferred_to_future(  # an old-style, Deferred handler
                handler.download_request(request, self.crawler.spider)
            )
        finally:
            self.give_back(held)

    # The slots

    async def take(self, host: str) -> tuple[str, str] | None:
        """Waits for one of the host's slots; None: taken without one (Redis away)."""
        token = self.token_prefix + uuid.uuid4().hex
        async with self.turns[host]:
            wait = 0.005
            try:
                while True:
                    taken = self._try(host, token)
                    if taken is not False:
                        return taken
                    self.stats.inc_value("tuyengiao/fleet_slot_waits")
                    await asyncio.sleep(wait)
                    wait = min(wait * 2, POLL_MAX)
            except BaseException:  # cancelled while waiting: out of the queue
                self._leave(host, token)
                raise

    def _queue(self, host: str) -> tuple[str, str]:
        """The host's waiting queue and its waiters' last-asked times."""
        return self.waiting + host, self.waiting + host + ":asked"

    def _unreachable(self) -> None:
        self.down_until = time.monotonic() + 1
        self.stats.inc_value("tuyengiao/fleet_slots_unreachable")

    def _resting(self) -> bool:
        """Within a second of Redis failing us: not asked again yet."""
        return time.monotonic() < self.down_until

    def _try(self, host: str, token: str) -> tuple[str, str] | bool | None:
        slots = self.slots + host
        if self._resting():
            self.stats.inc_value("tuyengiao/fleet_slots_unreachable")
            return None
        try:
            while self.unreturned:
                self.client.zrem(*self.unreturned[-1])
                self.unreturned.pop()
            taken = self.client.eval(
                _ACQUIRE,
                3,
                slots,
                *self._queue(host),
                self.ttl,
                self.limit,
                token,
                int(self.ttl * 2000),
                WAITER_STALE,
                self.heartbeats,
            )
        except frontier.UNREACHABLE:
            self._unreachable()
            return None
        return (slots, token) if taken else False

    def _leave(self, host: str, token: str) -> None:
        if self._resting():
            return  # dropped as stale by the others
        waiting, asked = self._queue(host)
        try:
            self.client.zrem(waiting, token)
            self.client.hdel(asked, token)
        except frontier.UNREACHABLE:
            self._unreachable()

    def give_back(self, held: tuple[str, str] | None) -> None:
        if not held:
            return
        if self._resting():
            self.unreturned.append(held)
            return
        try:
            self.client.zrem(*held)
        except frontier.UNREACHABLE:
            self._unreachable()
            self.unreturned.append(held)

    async def close(self) -> None:
        for handler in self.inner.values():
            closing = getattr(handler, "close", None)
            if closing is not None:
                result = closing()
                if inspect.isawaitable(result):
                    await result
                elif result is not None:
                    await maybe_deferred_to_future(result)
