"""Scrapy settings: polite defaults for real sites. Our own settings use the TUYENGIAO_ prefix.

Settings of our own (defaults in brackets):

- TUYENGIAO_DB: path of the SQLite archive ["data/archive.sqlite"].
- TUYENGIAO_START_URLS: list of start URLs; the spider's `start_url` argument wins [[]].
- TUYENGIAO_PROFILE: site profile name (bundled) or path to a .toml file; empty means
  "the bundled profile whose domains match the start URL, else generic mode" [""].
- TUYENGIAO_EXTRA_DOMAINS: more domains (and their sub-domains) in the crawl's scope [[]].
- TUYENGIAO_CONTACT: who runs the crawl (e-mail or URL), added to the User-Agent [""].
- TUYENGIAO_WARC_DIR: folder of the WARC files; empty means "warc/" beside the archive [""].
- TUYENGIAO_WARC_MAX_BYTES: a WARC file is closed and a new one started past this size
  [1 GB]. 0 turns WARC capture off (not advised for archives).
- TUYENGIAO_FULL: fetch everything, ignoring what the archive already holds [False].
- TUYENGIAO_RESUME: continue the stopped runs since the last finished one: never ask for
  the articles they archived (after a kill, which saves no queue, the start URLs are
  walked again); set by `crawl --resume` [False].
- TUYENGIAO_STALE_LISTING_PAGES: in an incremental run, stop paginating a category after
  this many consecutive listing pages that hold only archived articles [2].
- TUYENGIAO_FETCH_ASSETS: fetch the images and attachments of each new article (on the
  crawled site) so the WARC holds them too [True].
- TUYENGIAO_FETCH_REQUISITES: fetch what each article page loads when shown (stylesheets
  and what they import, scripts, fonts, icons, layout images), once per run per URL, so
  a replay shows the page as it looked; never read as pages [True].
- TUYENGIAO_ASSET_HOSTS: more domains whose files (requisites, images, attachments) are
  fetched, never their pages: a portal's own CDN on another domain [[]].
- TUYENGIAO_PROGRESS: "auto" (a live line on a terminal, plain lines otherwise), "live",
  "lines" or "off" ["auto"].
- TUYENGIAO_PROGRESS_INTERVAL: seconds between plain progress lines, at least 1 [60].
- TUYENGIAO_RETRY_BACKOFF: seconds before the first retry of a failed fetch, doubled for
  each further retry [2].
- TUYENGIAO_RETRY_BACKOFF_MAX: the longest backoff between retries, in seconds [60].
- TUYENGIAO_RETRY_AFTER_MAX: a server's Retry-After is honoured up to this many seconds [120].
- TUYENGIAO_MAX_LISTING_PAGES: the most pages of one listing series (a category's pages, a
  calendar's days: same URL up to its numbers) whose links are followed; catches endless
  pagination and calendar traps [500].
- TUYENGIAO_CALENDAR_BARREN_DAYS: a calendar (listing pages whose URLs name a day) is
  walked on only while one of its last this-many pages showed an article not seen
  before; days after tomorrow are never asked for [30].
- TUYENGIAO_MIN_FREE_MB: the crawl stops (run "failed", reason disk_full) when less than
  this is free beside the archive; a "disk full" error stops it too. 0: no check [50].
- TUYENGIAO_COVERAGE_MIN_ARTICLES: the extraction monitor (archive/coverage.py) judges a
  site's coverage only in runs that archived (new or updated) at least this many of its
  articles, this run and the earlier runs it is compared with [20].
- TUYENGIAO_COVERAGE_RUNS: a field's share is compared with its median over this many
  earlier finished runs of the same start URLs (those with enough articles) [5].
- TUYENGIAO_COVERAGE_DROP: a run is "degraded" (`tuyengiao crawl` exits 4) when a field's
  share of a site's articles is more than this many percentage points below that median;
  100 turns the monitor off [25].
- TUYENGIAO_REDIS_URL: the shared frontier (redis://HOST:PORT/DB) this crawl is one worker
  of; set by `crawl --redis`; empty: a crawl of one process [""].
- TUYENGIAO_REDIS_KEY: the prefix of the shared crawl's Redis keys; two fleets on one
  Redis database need two prefixes ["tuyengiao"].
- TUYENGIAO_IDLE_EXIT: a worker exits once the shared frontier (queue and requests in
  flight) has been empty this many seconds; set by `crawl --idle-exit` [30].
- TUYENGIAO_REDIS_LEASE: a worker's heartbeat lasts this many seconds; the requests in
  flight of a worker silent longer (killed) go back to the queue [30].
- TUYENGIAO_REDIS_OUTAGE: how long a worker waits for an unreachable Redis, holding the
  requests its pages found, before it stops with a failed run ("redis_unreachable") [300].
- TUYENGIAO_REDIS_TIMEOUT: a Redis call unanswered this many seconds (a hung server, a
  lost network) counts as Redis unreachable; the crawl's reactor waits no longer [5].
- TUYENGIAO_FLEET_PER_DOMAIN: the most requests in flight per host over the whole fleet;
  0: CONCURRENT_REQUESTS_PER_DOMAIN [0].
- TUYENGIAO_BASELINE: another archive (the merged archive of earlier fleet runs) whose
  articles and validators an incremental run trusts as its baseline, as if the worker's
  shard held them; empty: the shard itself [""].
"""

from tuyengiao_crawler import DEFAULT_DB as _DEFAULT_DB
from tuyengiao_crawler import __version__

BOT_NAME = "tuyengiao_crawler"
SPIDER_MODULES = ["tuyengiao_crawler.spiders"]
NEWSPIDER_MODULE = "tuyengiao_crawler.spiders"

# Politeness for real sites: obey robots.txt, adapt to the server's speed, few parallel requests.
ROBOTSTXT_OBEY = True
USER_AGENT = f"tuyengiao-crawler/{__version__} (archival research crawler; Scrapy)"
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
RETRY_ENABLED = True
RETRY_TIMES = 3
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
DEPTH_LIMIT = 50
# Breadth-first (Scrapy's default is depth-first, last in first out): every page at one
# depth is fetched before any deeper one, so a trap that mints new pages without end (a
# faceted filter, a tag tree) cannot starve the categories beside it.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
# The pipelines are synchronous, so items gain nothing from running in parallel, and Scrapy
# starts this many asyncio tasks for every callback's output: at its default of 100 that was
# about a fifth of a crawl's CPU time (bench/README.md).
CONCURRENT_ITEMS = 8
LOG_LEVEL = "INFO"
LOG_FORMATTER = "tuyengiao_crawler.logformatter.ArchiveLogFormatter"
FEED_EXPORT_ENCODING = "utf-8"

# A crawl with TUYENGIAO_REDIS_URL is a worker of a shared frontier (extensions/frontier.py).
ADDONS = {"tuyengiao_crawler.extensions.frontier.FleetAddon": 0}
EXTENSIONS = {
    "tuyengiao_crawler.extensions.run.ArchiveRun": 0,
    "tuyengiao_crawler.extensions.progress.Progress": 10,
    "tuyengiao_crawler.extensions.disk.DiskGuard": 20,
}
DOWNLOADER_MIDDLEWARES = {
    # Closest to the network, so it sees every response as the server sent it.
    "tuyengiao_crawler.middlewares.warc.WarcCaptureMiddleware": 950,
    # Just inside it: conditional headers go into the archived request, and a 304 or 404
    # is archived before its meaning (unchanged, gone) is recorded.
    "tuyengiao_crawler.middlewares.conditional.ConditionalRequestMiddleware": 900,
    # Scrapy's retries with backoff and Retry-After, in the place of its own.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "tuyengiao_crawler.middlewares.retry.BackoffRetryMiddleware": 550,
    # Just outside RedirectMiddleware (600): redirect loops become recorded failures, and
    # redirects out of scope are dropped.
    "tuyengiao_crawler.middlewares.redirect.RedirectGuardMiddleware": 601,
    # In the place of Scrapy's: meta refreshes to javascript: and other non-web URLs are
    # ignored (the page is read) instead of losing the page to "Missing scheme".
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "tuyengiao_crawler.middlewares.refresh.SafeMetaRefreshMiddleware": 580,
    # In the place of Scrapy's: asks for gzip and deflate only (what WARC readers read),
    # and a compressed body cut short is a failed, retried fetch.
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "tuyengiao_crawler.middlewares.compression.CompressionMiddleware": 590,
    # Before robots.txt (100): a request a redirect or meta refresh made leaves only in scope.
    "tuyengiao_crawler.middlewares.redirect.RedirectScopeMiddleware": 50,
}
ITEM_PIPELINES = {
    "tuyengiao_crawler.pipelines.validate.ValidatePipeline": 100,
    "tuyengiao_crawler.pipelines.normalize.NormalizePipeline": 200,
    "tuyengiao_crawler.pipelines.store.StorePipeline": 900,
}

TUYENGIAO_DB = _DEFAULT_DB
TUYENGIAO_START_URLS: list[str] = []
TUYENGIAO_PROFILE = ""
TUYENGIAO_EXTRA_DOMAINS: list[str] = []
TUYENGIAO_CONTACT = ""
TUYENGIAO_WARC_DIR = ""
TUYENGIAO_WARC_MAX_BYTES = 1_000_000_000
TUYENGIAO_FULL = False
TUYENGIAO_CALENDAR_BARREN_DAYS = 30
TUYENGIAO_RESUME = False
TUYENGIAO_STALE_LISTING_PAGES = 2
TUYENGIAO_FETCH_ASSETS = True
TUYENGIAO_FETCH_REQUISITES = True
TUYENGIAO_ASSET_HOSTS: list[str] = []
TUYENGIAO_PROGRESS = "auto"
TUYENGIAO_PROGRESS_INTERVAL = 60
TUYENGIAO_RETRY_BACKOFF = 2.0
TUYENGIAO_RETRY_BACKOFF_MAX = 60.0
TUYENGIAO_RETRY_AFTER_MAX = 120.0
TUYENGIAO_MAX_LISTING_PAGES = 500
TUYENGIAO_MIN_FREE_MB = 50
TUYENGIAO_COVERAGE_MIN_ARTICLES = 20
TUYENGIAO_COVERAGE_RUNS = 5
TUYENGIAO_COVERAGE_DROP = 25.0
TUYENGIAO_REDIS_URL = ""
TUYENGIAO_REDIS_KEY = "tuyengiao"
TUYENGIAO_IDLE_EXIT = 30.0
TUYENGIAO_REDIS_LEASE = 30.0
TUYENGIAO_REDIS_OUTAGE = 300.0
TUYENGIAO_REDIS_TIMEOUT = 5.0
TUYENGIAO_FLEET_PER_DOMAIN = 0
TUYENGIAO_BASELINE = ""
