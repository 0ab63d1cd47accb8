"""Running a crawl from Python (the CLI's `crawl` and `demo` use this)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.archive.lock import ArchiveLock
from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.extensions import frontier
from tuyengiao_crawler.extensions.resume import jobdir_for, take_saved_queue
from tuyengiao_crawler.politeness import LOCAL_OVERRIDES, all_local
from tuyengiao_crawler.profiles import SiteProfile, load_profile
from tuyengiao_crawler.settings_check import crawl_overrides, start_url_problem
from tuyengiao_crawler.spiders.archive import ArchiveSpider


class OneLineLogs(logging.Filter):
    """Keeps log records to their message: Scrapy attaches tracebacks to expected network
    errors (a refused connection), which buries what the archivist needs to read."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


class CrawlError(TuyengiaoError):
    """A crawl that could not start or fetched nothing; one line for the user."""


def check_start_url(url: str) -> str:
    """The URL, if a crawl can start from it; else a one-line CrawlError saying why (a port
    out of range and a malformed IPv6 address were tracebacks inside the crawl)."""
    problem = start_url_problem(url)
    if problem:
        raise CrawlError(f"invalid start URL {url!r}: {problem}")
    return url


def crawl_settings(
    db: str | Path,
    *,
    max_pages: int = 0,
    log_level: str = "WARNING",
    local: bool = False,
    overrides: dict[str, Any] | None = None,
) -> Settings:
    settings = Settings()
    settings.setmodule("tuyengiao_crawler.settings", priority="project")
    settings.set("TUYENGIAO_DB", str(db), priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    if max_pages:
        settings.set("CLOSESPIDER_PAGECOUNT", max_pages, priority="cmdline")
    if local:
        settings.update(LOCAL_OVERRIDES, priority="cmdline")
    settings.update(overrides or {}, priority="cmdline")
    return settings


def run_crawl(
    start_urls: list[str],
    db: str | Path,
    *,
    profile: str | None = None,
    max_pages: int = 0,
    full: bool = False,
    resume: bool = False,
    log_level: str = "WARNING",
    overrides: dict[str, Any] | None = None,
    sites: list[str] | None = None,
    redis_url: str | None = None,
    idle_exit: float | None = None,
) -> dict[str, Any]:
    """Crawl into the archive at `db` and return the finished `crawl_runs` row.

    The crawl's queue is kept in a job folder beside the archive, so `resume=True`
    continues a crawl that was stopped. Politeness is switched off only when every start
    URL is on this machine. `sites`: more profiles crawled in the same run. `redis_url`:
    the crawl is one worker of a shared frontier (extensions/frontier.py), `db` its shard;
    start URLs and sites given are seeded, and without any the seeded ones are crawled.
    """
    overrides = crawl_overrides(overrides, db, start_urls)  # one line per bad -s, before any file
    names = [*([profile] if profile else []), *(sites or [])]
    if redis_url:
        if resume:
            raise CrawlError("--resume is for one process: a shared frontier resumes by itself")
        start_urls, names = join_fleet(redis_url, start_urls, names, overrides)
        overrides["TUYENGIAO_REDIS_URL"] = redis_url  # the rest: frontier.FleetAddon
        if idle_exit is not None:
            overrides["TUYENGIAO_IDLE_EXIT"] = idle_exit
    loaded = [load_profile(name) for name in dict.fromkeys(names)]
    if loaded:
        from_sites = [url for site in loaded for url in site.start_urls]
        # A fleet walks all its seeds; one process, the URLs given or else the sites'.
        start_urls = (
            list(dict.fromkeys([*start_urls, *from_sites]))
            if redis_url
            else (start_urls or from_sites)
        )
    if not start_urls:
        raise CrawlError("no start URL: give --start-url or a profile with start_urls")
    for url in start_urls:
        check_start_url(url)
    Archive(db).close()  # fail now, with one line, if the archive cannot be opened
    with ArchiveLock(db):
        with Archive(db) as archive:  # what is stopped, seen under the lock
            jobdir = None if redis_url else prepare_jobdir(db, resume, archive)
        local = all_local(start_urls)
        settings = crawl_settings(
            db, max_pages=max_pages, log_level=log_level, local=local, overrides=overrides
        )
        if jobdir is not None:
            settings.set("JOBDIR", str(jobdir), priority="cmdline")
        if resume:
            settings.set("TUYENGIAO_RESUME", True, priority="cmdline")
        if full:
            settings.set("TUYENGIAO_FULL", True, priority="cmdline")
        site = loaded[0] if len(loaded) == 1 else (loaded or None)
        return _run(settings, start_urls, db, site, log_level)


def join_fleet(
    redis_url: str, start_urls: list[str], names: list[str], overrides: dict[str, Any]
) -> tuple[list[str], list[str]]:
    """Seed what this worker was given into the shared frontier, and return what the
    frontier's crawl walks (all its seeds): every worker walks the same scope."""
    for url in start_urls:
        check_start_url(url)
    for name in names:
        load_profile(name)  # a bad name fails here, before anything is seeded
    try:
        client = frontier.connect(redis_url)
    except frontier.FleetError as exc:
        raise CrawlError(str(exc)) from None
    prefix = frontier.prefix_of(overrides)
    frontier.add_seeds(client, start_urls, names, prefix)
    seeded_urls, seeded_sites = frontier.read_seeds(client, prefix)
    if not seeded_urls and not seeded_sites:
        raise CrawlError(f"nothing seeded at {redis_url}: run `tuyengiao seed` first")
    return seeded_urls, seeded_sites


def prepare_jobdir(db: str | Path, resume: bool, archive: Archive) -> Path:
    """The folder Scrapy keeps a crawl's queue and seen-requests in. Resuming after a clean
    stop continues the queue saved there; after a kill (no queue was saved) the start URLs
    are walked again. Either way the articles the stopped runs archived are not asked for
    again (`TUYENGIAO_RESUME`). Without `resume`, the folder is emptied."""
    jobdir = jobdir_for(db)
    if not resume:
        if jobdir.exists():
            shutil.rmtree(jobdir)
        return jobdir
    archive.close_stale_runs()  # we hold the lock: a run still "running" was killed
    if not archive.latest_run_stopped():
        raise CrawlError(f"no stopped crawl to resume for {db}")
    take_saved_queue(jobdir)
    return jobdir


def _run(
    settings: Settings,
    start_urls: list[str],
    db: str | Path,
    profile: SiteProfile | list[SiteProfile] | None,
    log_level: str,
) -> dict[str, Any]:
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(ArchiveSpider)
    process.crawl(crawler, start_urls=start_urls, site=profile)
    if log_level.upper() != "DEBUG":
        for handler in logging.getLogger().handlers:
            handler.addFilter(OneLineLogs())
    process.start()
    run_id = crawler.stats.get_value("tuyengiao/run_id")
    if run_id is None:
        raise CrawlError("the crawl did not start (see the log above)")
    with Archive(db) as archive:
        run = archive.run(run_id)
    run["last_error"] = crawler.stats.get_value("tuyengiao/last_error")
    if run["status"] == "running":
        # The end of the run could not be written (a full disk): the crawl failed, and
        # the next run will mark this one interrupted.
        run["status"] = "failed"
        run["last_error"] = run["last_error"] or "the end of the run could not be recorded"
    return run
