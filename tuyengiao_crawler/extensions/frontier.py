"""The shared frontier of a fleet of workers, on Redis, with scrapy-redis's scheduler and
duplicate filter (the `[distributed]` extra).

scrapy-redis 0.9.1 gives the shared request queue (a sorted set: Scrapy's priorities, so
breadth-first stays breadth-first across the fleet) and the shared set of request
fingerprints. What it lacks, added here on its own classes:

- fingerprints on the canonical URL (`extract.urls.canonicalize_url`), as the spider's own
  de-duplication keys pages, so each page is fetched once across the fleet;
- kill safety: a request found is queued in the Redis script that adds its fingerprint
  to the shared set (scrapy-redis makes two calls: a worker killed between them lost the
  request); a request popped from the queue moves, in the same Redis script, to a hash
  of requests in flight, named by the worker holding it; it leaves that hash only when
  the engine is done with it (response parsed, items stored, new links queued, or a
  retry or redirect queued in its place). Each worker refreshes a heartbeat key; the
  requests in flight of a worker whose heartbeat expired (killed, machine lost) go back
  to the queue, taken there by whichever worker notices first;
- an end: a worker exits once the queue and the in-flight hash have both been empty for
  TUYENGIAO_IDLE_EXIT seconds (scrapy-redis workers otherwise wait forever);
- Redis going away: the worker takes no new request, keeps the ones its pages found (and
  the releases of the pages they came from) in memory, asks again every second, and hands
  them over when Redis is back, new requests first. After TUYENGIAO_REDIS_OUTAGE seconds
  it stops ("redis_unreachable", a failed run); what it held in memory is found again,
  since the pages it came from are still held in flight in Redis and go back to the queue
  once this worker's heartbeat has expired.

scrapy-redis's RedisSpider (whose `start_requests` Scrapy 2.16 removed) is not used: the
archive spider seeds through its own async `start()`, reading the start URLs that
`tuyengiao seed` stored (`read_seeds`); the shared duplicate filter drops the copies the
other workers' `start()` queue.

Keys, under TUYENGIAO_REDIS_KEY ("tuyengiao"): `:requests` (queue), `:dupefilter`,
`:inflight` (hash), `:worker:<id>` (heartbeats), `:seeds`, `:slots:<host>` and `:waiting:<host>`
(politeness).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import time
import uuid
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DontCloseSpider, NotConfigured
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.asyncio import create_looping_call

from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.extract.urls import canonicalize_url

try:
    import redis
    from scrapy_redis.dupefilter import RFPDupeFilter
    from scrapy_redis.queue import PriorityQueue
    from scrapy_redis.scheduler import Scheduler

    UNREACHABLE: tuple[type[Exception], ...] = (redis.ConnectionError, redis.TimeoutError)
except ImportError:  # the [distributed] extra is not installed
    redis = None  # type: ignore[assignment]
    RFPDupeFilter = PriorityQueue = Scheduler = object  # type: ignore[assignment,misc]
    UNREACHABLE = ()

logger = logging.getLogger(__name__)

TOKEN = "tuyengiao_inflight"  # request.meta key: the request's field in the in-flight hash
# Seconds between an idle worker's looks at the shared queue (Scrapy's engine looks again
# only every 5 s: a worker that went idle missed the work other workers' pages queued).
IDLE_POLL = 0.5
DEFAULT_PREFIX = "tuyengiao"

# Pop the best request and hold it in flight, atomically: a kill between the two loses nothing.
_POP = """
local r = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return nil end
redis.call('zrem', KEYS[1], r[1])
local field = ARGV[1] .. '|' .. r[2]
redis.call('hset', KEYS[2], field, r[1])
return {r[1], field}
"""
# Queue a request unless its fingerprint is in the shared set, adding it there in the same
# step: a worker killed between the two left a fingerprint whose request no one queued, and
# the page that found it, fetched again, took its finding for a copy (an article lost).
_PUSH_UNSEEN = """
if ARGV[1] ~= '' and redis.call('sadd', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('zadd', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
# Put a request held in flight back in the queue (its score is the field's last part).
_REQUEUE = """
local v = redis.call('hget', KEYS[1], ARGV[1])
if not v then return 0 end
redis.call('hdel', KEYS[1], ARGV[1])
redis.call('zadd', KEYS[2], ARGV[2], v)
return 1
"""


class FleetError(TuyengiaoError):
    """A shared frontier that cannot be used; one line for the user."""


DEFAULT_TIMEOUT = 5.0  # seconds (TUYENGIAO_REDIS_TIMEOUT)


def client_options(timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """A Redis client's options: a call that gets no answer fails after `timeout` (a hung
    Redis would otherwise block the crawl's reactor for ever), and is not retried."""
    return {"socket_timeout": timeout, "socket_connect_timeout": timeout, "retry_on_timeout": False}


def connect(url: str, timeout: float = DEFAULT_TIMEOUT) -> Any:
    """A Redis client for `url` (redis://HOST:PORT/DB), checked with a PING."""
    if redis is None:
        raise FleetError(
            "--redis needs the [distributed] extra: pip install 'tuyengiao-crawler[distributed]'"
        )
    try:
        client = redis.Redis.from_url(url, **client_options(timeout))
        client.ping()
    except ValueError as exc:
        raise FleetError(f"invalid Redis URL {url!r}: {exc}") from None
    except redis.RedisError as exc:
        raise FleetError(f"cannot reach Redis at {url}: {exc}") from None
    return client


def keys(prefix: str = DEFAULT_PREFIX) -> dict[str, str]:
    """The Redis keys of one shared crawl."""
    return {
        "requests": f"{prefix}:requests",
        "dupefilter": f"{prefix}:dupefilter",
        "inflight": f"{prefix}:inflight",
        "worker": f"{prefix}:worker:",
        "seeds": f"{prefix}:seeds",
        "slots": f"{prefix}:slots:",
        "waiting": f"{prefix}:waiting:",
    }


def add_seeds(client: Any, start_urls: list[str], profiles: list[str], prefix: str) -> int:
    """Store a crawl's start URLs and profiles for the workers' `start()`; returns how many
    were new. Seeding twice changes nothing."""
    entries = [json.dumps({"start_url": url}) for url in start_urls]
    entries += [json.dumps({"site": name}) for name in profiles]
    return client.sadd(keys(prefix)["seeds"], *entries) if entries else 0


def reset(client: Any, prefix: str) -> None:
    """Forget a finished shared crawl (queue, seen requests, seeds) so the next one walks
    the sites again; refused while a worker is alive."""
    names = keys(prefix)
    if any(True for _ in client.scan_iter(match=names["worker"] + "*")):
        raise FleetError(f"workers of {prefix!r} are still running: stop them first")
    client.delete(names["requests"], names["dupefilter"], names["inflight"], names["seeds"])


def read_seeds(client: Any, prefix: str) -> tuple[list[str], list[str]]:
    """(start URLs, profile names) seeded for the shared crawl, sorted."""
    urls, sites = [], []
    for raw in client.smembers(keys(prefix)["seeds"]):
        entry = json.loads(raw)
        if "start_url" in entry:
            urls.append(entry["start_url"])
        else:
            sites.append(entry["site"])
    return sorted(urls), sorted(sites)


def frontier_state(client: Any, prefix: str = DEFAULT_PREFIX) -> dict[str, int]:
    """How many requests are queued, in flight and seen, and how many workers are alive."""
    names = keys(prefix)
    workers = sum(1 for _ in client.scan_iter(match=names["worker"] + "*"))
    return {
        "queued": client.zcard(names["requests"]),
        "in_flight": client.hlen(names["inflight"]),
        "seen": client.scard(names["dupefilter"]),
        "workers": workers,
    }


def prefix_of(settings: Any) -> str:
    return settings.get("TUYENGIAO_REDIS_KEY") or DEFAULT_PREFIX


def timeout_of(settings: Any) -> float:
    return max(0.1, settings.getfloat("TUYENGIAO_REDIS_TIMEOUT", DEFAULT_TIMEOUT))


def fleet_settings(url: str, prefix: str, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """The Scrapy settings that make a crawl one worker of the shared frontier at `url`."""
    names = keys(prefix)
    return {
        "REDIS_URL": url,
        # scrapy-redis's own default waits 30 s for an answer, then once more.
        "REDIS_PARAMS": client_options(timeout),
        "SCHEDULER": "tuyengiao_crawler.extensions.frontier.FleetScheduler",
        "SCHEDULER_QUEUE_CLASS": "tuyengiao_crawler.extensions.frontier.InFlightQueue",
        "DUPEFILTER_CLASS": "tuyengiao_crawler.extensions.frontier.CanonicalDupeFilter",
        "SCHEDULER_QUEUE_KEY": names["requests"],
        "SCHEDULER_DUPEFILTER_KEY": names["dupefilter"],
        # The frontier outlives every worker: never flushed by one that finishes.
        "SCHEDULER_PERSIST": True,
    }


FLEET_SLOTS = "tuyengiao_crawler.download_handlers.fleet.FleetSlotDownloadHandler"
# The setting the replaced handlers are kept in, for the slot handler: scheme -> path.
WRAPPED_HANDLERS = "TUYENGIAO_FLEET_WRAPPED_HANDLERS"
# The setting this worker's id is kept in: its heartbeat key, its requests in flight and
# its per-host slots are named by it, so what a dead worker held is known as its own.
WORKER_ID = "TUYENGIAO_FLEET_WORKER_ID"


def new_worker_id() -> str:
    """host:pid:random, unique over the fleet (never holds "|", the token separator)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}".replace("|", "_")


class FleetAddon:
    """Makes any crawl with TUYENGIAO_REDIS_URL a worker of that shared frontier, however
    it was started (`tuyengiao crawl --redis`, `scrapy crawl`, a Scrapyd job): scrapy-redis's
    scheduler and duplicate filter in the place of Scrapy's, and the fleet's per-host
    slots around the HTTP download handlers."""

    def update_settings(self, settings: Any) -> None:
        url = settings.get("TUYENGIAO_REDIS_URL")
        if not url:
            return
        fleet = fleet_settings(url, prefix_of(settings), timeout_of(settings))
        fleet["REDIS_PARAMS"] |= settings.getdict("REDIS_PARAMS")  # a password, TLS: the user's
        settings.setdict(fleet, priority="addon")
        if not settings.get(WORKER_ID):
            settings.set(WORKER_ID, new_worker_id(), priority="addon")
        handlers = settings.getwithbase("DOWNLOAD_HANDLERS")
        wrapped = {
            scheme: handlers[scheme]
            for scheme in ("http", "https")
            if handlers.get(scheme) and handlers[scheme] != FLEET_SLOTS
        }
        settings.set(WRAPPED_HANDLERS, wrapped, priority="addon")
        own = settings["DOWNLOAD_HANDLERS"]
        for scheme in wrapped:  # at the priority of the handler it wraps, which may be higher
            own.set(
                scheme, FLEET_SLOTS, max(own.getpriority(scheme) or 0, SETTINGS_PRIORITIES["addon"])
            )


class CanonicalDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared fingerprint set, keyed on the canonical URL (and the method
    and body: an ASP.NET postback is a POST to a listing's own URL)."""

    def request_fingerprint(self, request: Request) -> str:
        key = f"{request.method} {canonicalize_url(request.url)}"
        if request.body:
            key += " " + hashlib.sha1(request.body).hexdigest()
        return hashlib.sha1(key.encode()).hexdigest()


class InFlightQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop holds the request in flight (see above)."""

    inflight_key = ""
    holder = ""
    _count = 0

    def push(self, request: Request, seen_key: str = "", fingerprint: str = "") -> bool:
        """Queue the request unless `fingerprint` is in the set `seen_key` (and add it
        there), in one step; with no fingerprint, queue it. False: seen already."""
        if TOKEN in request.meta:  # a retry or redirect of a request held in flight
            meta = {k: v for k, v in request.meta.items() if k != TOKEN}
            request = request.replace(meta=meta)
        data = self._encode_request(request)
        keys = (seen_key or self.key, self.key)
        return bool(self.server.eval(_PUSH_UNSEEN, 2, *keys, fingerprint, -request.priority, data))

    def pop(self, timeout: int = 0) -> Request | None:
        self._count += 1
        found = self.server.eval(
            _POP, 2, self.key, self.inflight_key, f"{self.holder}|{self._count}"
        )
        if not found:
            return None
        request = self._decode_request(found[0])
        request.meta[TOKEN] = found[1].decode()
        return request

    def done(self, field: str) -> None:
        self.server.hdel(self.inflight_key, field)

    def requeue(self, field: str) -> bool:
        score = field.rsplit("|", 1)[1]
        return bool(self.server.eval(_REQUEUE, 2, self.inflight_key, self.key, field, score))


class FleetScheduler(Scheduler):
    """scrapy-redis's scheduler, with requests held in flight until the engine is done
    with them, worker heartbeats, re-queueing of dead workers' requests, and the idle exit.
    """

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FleetScheduler:
        if redis is None:
            raise NotConfigured("scrapy-redis is not installed (the [distributed] extra)")
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        settings = crawler.settings
        scheduler.names = keys(prefix_of(settings))
        scheduler.worker = settings.get(WORKER_ID) or new_worker_id()
        scheduler.lease = max(1.0, settings.getfloat("TUYENGIAO_REDIS_LEASE", 30))
        scheduler.idle_exit = max(0.0, settings.getfloat("TUYENGIAO_IDLE_EXIT", 30))
        scheduler.empty_since = None
        scheduler.beaten = 0.0
        scheduler.reclaimed = 0.0  # when the dead workers' requests were last looked for
        scheduler.outage = max(0.0, settings.getfloat("TUYENGIAO_REDIS_OUTAGE", 300))
        scheduler.url = settings.get("TUYENGIAO_REDIS_URL") or settings.get("REDIS_URL")
        scheduler.down_since = None  # when Redis stopped answering, while it does not
        scheduler.asked = 0.0  # when it was last asked whether it is back
        # Held while Redis is away: requests, and the fields of requests done, released
        # in that order.
        scheduler.unsent = []
        scheduler.unreleased = []
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(scheduler.request_scheduled, signal=signals.request_scheduled)
        return scheduler

    def open(self, spider: Spider) -> None:
        super().open(spider)
        self.queue.inflight_key = self.names["inflight"]
        self.queue.holder = self.worker
        self.heartbeat()
        self.reclaim()
        self._hold_until_done()
        # A worker waiting on slow downloads asks the queue for nothing: beat on a timer too.
        self.beating = create_looping_call(self.heartbeat)
        self.beating.start(self.lease / 3, now=False)
        if self.stats:
            self.stats.set_value("tuyengiao/fleet_worker", 1)
        logger.info("worker %s joined the shared frontier (%s)", self.worker, self.names)

    def _hold_until_done(self) -> None:
        """Release a request held in flight when the engine removes it from its slot: after
        its response went through the spider and its items through the pipelines, or after
        the retry or redirect that replaces it was queued. Scrapy has no signal for that
        moment, so the engine slot's `remove_request` is wrapped (tests/test_fleet.py
        fails if a Scrapy release moves it)."""
        slot = getattr(self.crawler.engine, "_slot", None)
        remove = getattr(slot, "remove_request", None)
        if remove is None:
            raise FleetError(
                f"this Scrapy ({self.crawler.engine.__class__.__module__}) has no engine slot"
                " remove_request: the shared frontier cannot tell when a request is done"
            )

        def remove_request(request: Request) -> None:
            field = request.meta.get(TOKEN)
            if field:
                self.release(field)
            remove(request)

        slot.remove_request = remove_request

    def heartbeat(self) -> None:
        """Refresh this worker's heartbeat key (at most every third of the lease)."""
        now = time.monotonic()
        if self.down_since is None and now - self.beaten >= self.lease / 4:
            try:
                self.server.set(self.names["worker"] + self.worker, "1", px=int(self.lease * 1000))
            except UNREACHABLE as exc:
                self.lost(exc)
                return
            self.beaten = now

    # Redis away and back

    def lost(self, exc: Exception) -> None:
        """Redis stopped answering: from now on requests are held here until it is back."""
        if self.down_since is None:
            self.down_since = self.asked = time.monotonic()
            logger.error(
                "the shared frontier at %s is unreachable (%s): new requests are held here"
                " until it is back, for up to %.0fs",
                self.url,
                exc,
                self.outage,
            )
            if self.stats:
                self.stats.inc_value("tuyengiao/fleet_outages")

    def reachable(self) -> bool:
        """Whether Redis answers (asked at most once a second while it is away); when it
        is back, what was held meanwhile is handed over first."""
        if self.down_since is None:
            return True
        now = time.monotonic()
        if now - self.asked < 1:
            return False
        self.asked = now
        try:
            self.server.ping()
            while self.unsent:  # one at a time: what fails stays held, in order
                self._send(self.unsent[0])
                del self.unsent[0]
            while self.unreleased:
                self.queue.done(self.unreleased[0])
                del self.unreleased[0]
        except UNREACHABLE:
            # From the end of this try: a hung Redis held it for the whole timeout, and
            # asking again at once would keep the reactor blocked.
            self.asked = time.monotonic()
            return False
        logger.warning("the shared frontier is back after %.0fs", now - self.down_since)
        self.down_since = None
        self.beaten = 0.0
        self.heartbeat()
        return True

    def push(self, request: Request) -> bool:
        """Queue a request unless the fleet has seen it; held here if Redis is away. Held,
        then lost in an answer that never came, it is taken for a copy of itself when sent
        again: queued once."""
        try:
            return self._send(request)
        except UNREACHABLE as exc:
            self.lost(exc)
            self.unsent.append(request)
            return True

    def _send(self, request: Request) -> bool:
        """Queue a request unless the fleet has seen it, its fingerprint and the queue in
        one step; UNREACHABLE is the caller's."""
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        if not self.queue.push(request, self.df.key, fingerprint):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def release(self, field: str) -> None:
        """The engine is done with a request held in flight: out of the in-flight hash."""
        if self.down_since is None:
            try:
                self.queue.done(field)
                return
            except UNREACHABLE as exc:
                self.lost(exc)
            except redis.RedisError as exc:
                logger.error("cannot release %s in the shared frontier: %s", field, exc)
                return
        self.unreleased.append(field)

    def reclaim(self) -> int:
        """Put back in the queue the requests in flight of workers whose heartbeat expired."""
        alive: dict[str, bool] = {}
        requeued = 0
        for raw in self.server.hkeys(self.names["inflight"]):
            field = raw.decode()
            holder = field.rsplit("|", 2)[0]
            if holder == self.worker:
                continue
            if holder not in alive:
                alive[holder] = bool(self.server.exists(self.names["worker"] + holder))
            if not alive[holder] and self.queue.requeue(field):
                requeued += 1
        if requeued:
            logger.warning("re-queued %d requests of workers that stopped answering", requeued)
            if self.stats:
                self.stats.inc_value("tuyengiao/fleet_requeued", requeued)
        return requeued

    # scrapy-redis's own three, without the `spider` argument Scrapy's stats deprecate,
    # and with Redis away.
    def enqueue_request(self, request: Request) -> bool:
        if not self.reachable():
            self.unsent.append(request)
            return True
        return self.push(request)

    def next_request(self) -> Request | None:
        if not self.reachable():
            return None
        self.heartbeat()
        try:
            request = self.queue.pop()
        except UNREACHABLE as exc:
            self.lost(exc)
            return None
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        # Nothing the engine can take while Redis is away: it goes idle, and spider_idle
        # waits for Redis (or gives up on it).
        if not self.reachable():
            return False
        try:
            return len(self.queue) > 0
        except UNREACHABLE as exc:
            self.lost(exc)
            return False

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        self.heartbeat()

    def spider_idle(self, spider: Spider) -> None:
        """Keep the worker until the shared frontier has been empty for the idle exit, or
        while Redis is away for less than TUYENGIAO_REDIS_OUTAGE; meanwhile look again
        every IDLE_POLL seconds."""
        self._look_again_soon()  # cancelled by the engine if the worker exits
        self.heartbeat()
        try:
            if self.reachable():
                now = time.monotonic()
                if now - self.reclaimed >= 1:
                    self.reclaimed = now
                    self.reclaim()
                busy = len(self.queue) or self.server.hlen(self.names["inflight"])
        except UNREACHABLE as exc:
            self.lost(exc)
        now = time.monotonic()
        if self.down_since is not None:
            if now - self.down_since < self.outage:
                raise DontCloseSpider
            message = (
                f"the shared frontier at {self.url} was unreachable for {self.outage:.0f}s;"
                " the queue is kept in Redis: start the worker again once Redis is back"
            )
            logger.error(message)
            if self.stats:
                self.stats.set_value("tuyengiao/last_error", message)
            raise CloseSpider("redis_unreachable")
        if busy:
            self.empty_since = None
            raise DontCloseSpider
        if self.empty_since is None:
            self.empty_since = now
        if now - self.empty_since < self.idle_exit:
            raise DontCloseSpider
        logger.info("the shared frontier has been empty for %.0fs: worker exits", self.idle_exit)

    def _look_again_soon(self) -> None:
        """Have the engine ask this scheduler for requests in IDLE_POLL seconds, not at its
        next 5 s heartbeat (its slot's `nextcall`: tests/test_fleet.py checks it is there)."""
        self.crawler.engine._slot.nextcall.schedule(IDLE_POLL)

    def close(self, reason: str) -> None:
        """Give back what this worker still holds (a stop, a page limit) and leave."""
        if getattr(self, "beating", None) is not None and self.beating.running:
            self.beating.stop()
        try:
            if self.down_since is not None:
                raise redis.ConnectionError("unreachable since the outage")
            for raw in self.server.hkeys(self.names["inflight"]):
                field = raw.decode()
                if field.rsplit("|", 2)[0] == self.worker:
                    self.queue.requeue(field)
            self.server.delete(self.names["worker"] + self.worker)
        except UNREACHABLE as exc:
            logger.warning(
                "could not give back this worker's requests in flight (%s): the other"
                " workers put them back in the queue when its heartbeat has expired",
                exc,
            )
        super().close(reason)
