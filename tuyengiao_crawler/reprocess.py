"""Re-processing: rebuild every article from its archived WARC record, without the network.

After an extractor or normaliser fix, `reprocess()` re-runs extraction and normalisation
over the archive's latest fetch of each article (articles.fetch_id -> fetches -> the WARC
response record, its body decompressed as Scrapy would) and saves the result through
`Archive.save_article`, so a changed article gets a new version (the old one is kept in
`article_versions`) and the search index follows; identical results change nothing.

Pages are parsed by the archive spider's own `parse` (the same charset checks, profile
selectors, generic fallback and item), with the profile recorded for the run that fetched
the page (`crawl_runs.profile`), or the one given, or generic mode; then the validate and
normalise pipelines run as in a crawl.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.http import Request
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.archive.lock import ArchiveLock
from tuyengiao_crawler.archive.search import check_date
from tuyengiao_crawler.archive.warc import WarcError, read_record
from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.items import ArticleItem
from tuyengiao_crawler.pipelines.normalize import NormalizePipeline
from tuyengiao_crawler.pipelines.validate import ValidatePipeline
from tuyengiao_crawler.spiders.archive import ArchiveSpider

logger = logging.getLogger(__name__)

GENERIC = "generic"
# Articles saved per transaction: a crash loses at most one batch, which a new run redoes.
BATCH = 500

SELECT_SQL = """
SELECT a.url, a.last_seen_at, f.id, f.url, f.warc_file, f.warc_offset, r.profile, f.status
FROM articles a
JOIN fetches f ON f.id = a.fetch_id
LEFT JOIN crawl_runs r ON r.id = f.run_id
WHERE f.warc_file IS NOT NULL {where}
ORDER BY a.id
"""
# The latest fetch with a body of each URL: a 304 (the article's latest fetch in an
# incremental run) says "unchanged since", so the page is read from the fetch before it.
LAST_BODY_SQL = """
SELECT f.url, f.id, f.url, f.warc_file, f.warc_offset, r.profile, f.status
FROM fetches f LEFT JOIN crawl_runs r ON r.id = f.run_id
WHERE f.id IN (
    SELECT max(id) FROM fetches
    WHERE status BETWEEN 200 AND 299 AND warc_file IS NOT NULL GROUP BY url
)
"""


class ReprocessError(TuyengiaoError):
    """Bad input to reprocess (an unknown profile, a bad date); one line."""


@dataclass
class ReprocessResult:
    """What a reprocess did: counts by outcome and how long it took."""

    articles: int = 0
    updated: int = 0
    unchanged: int = 0
    new: int = 0
    not_article: int = 0
    dropped: int = 0
    failed: int = 0
    no_record: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "new": self.new,
            "not_article": self.not_article,
            "dropped": self.dropped,
            "failed": self.failed,
            "no_record": self.no_record,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 1),
        }


def decode_body(headers: list[tuple[str, str]], body: bytes) -> tuple[list[tuple[str, str]], bytes]:
    """Undo Content-Encoding (gzip, deflate, br, layered right to left) as Scrapy's
    HttpCompressionMiddleware does, and drop the header; other headers are kept."""
    codings = [
        c.strip().lower()
        for name, value in headers
        if name.lower() == "content-encoding"
        for c in value.split(",")
        if c.strip()
    ]
    for coding in reversed(codings):
        if coding in ("gzip", "x-gzip"):
            body = zlib.decompress(body, zlib.MAX_WBITS | 32)
        elif coding == "deflate":
            try:
                body = zlib.decompress(body)
            except zlib.error:
                body = zlib.decompress(body, -zlib.MAX_WBITS)  # raw deflate, as IIS sends
        elif coding == "br":
            import brotli  # optional, as in Scrapy

            body = brotli.decompress(body)
        elif coding != "identity":
            raise ValueError(f"unsupported Content-Encoding {coding!r}")
    if codings:
        headers = [(k, v) for k, v in headers if k.lower() != "content-encoding"]
    return headers, body


class _Extractor:
    """Archive spiders (one per profile) with a crawler that is never started, and the
    validate and normalise pipelines: what a crawl does to one page, minus the network."""

    def __init__(self, site: str | None) -> None:
        self.site = site
        settings = Settings()
        settings.setmodule("tuyengiao_crawler.settings", priority="project")
        settings.set("LOG_LEVEL", "WARNING")
        self.crawler = Crawler(ArchiveSpider, settings)
        # Only what parsing needs: stats. Never started, so no reactor, engine,
        # extensions (ArchiveRun would open the archive again) or middlewares.
        self.crawler.stats = MemoryStatsCollector(self.crawler)
        self.validate = ValidatePipeline(self.crawler)
        self.normalize = NormalizePipeline(self.crawler)
        self.spiders: dict[str, ArchiveSpider] = {}

    def spider(self, profile: str | None, url: str) -> ArchiveSpider:
        name = self.site or profile or GENERIC
        spider = self.spiders.get(name)
        if spider is None:
            try:
                spider = ArchiveSpider.from_crawler(
                    self.crawler, start_url=url, site=None if name == GENERIC else name
                )
            except TuyengiaoError as exc:
                hint = "" if self.site else "; give the profile with --site"
                raise ReprocessError(f"profile {name!r}: {exc}{hint}") from None
            if name == GENERIC:
                spider.profile = None  # generic as recorded, even if a profile matches now
            self.crawler.spider = spider
            self.spiders[name] = spider
        return spider

    def item(
        self, spider: ArchiveSpider, url: str, fetch_id: int, status: int | None, headers, body
    ) -> ArticleItem | None:
        """The normalised item the spider makes of this page, or None if it is no article."""
        headers, body = decode_body(headers, body)
        scrapy_headers = Headers()
        for name, value in headers:
            scrapy_headers.appendlist(name, value)
        request = Request(url, meta={"tuyengiao_fetch_id": fetch_id})
        cls = responsetypes.from_args(headers=scrapy_headers, url=url, body=body)
        response = cls(
            url=url, status=status or 200, headers=scrapy_headers, body=body, request=request
        )
        output = spider.parse(response)
        try:
            first = next(iter(output), None)
        finally:
            close = getattr(output, "close", None)
            if close is not None:
                close()
        if not isinstance(first, ArticleItem):
            return None
        return self.normalize.process_item(self.validate.process_item(first))


def _rows(archive: Archive, since: str | None) -> Iterator[tuple[Any, ...]]:
    where, params = "", []
    if since:
        where = "AND substr(f.fetched_at, 1, length(?)) >= ?"
        params = [since, since]
    cursor = archive.conn.execute(SELECT_SQL.format(where=where), params)
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def reprocess(
    db: str | Path,
    *,
    since: str | None = None,
    site: str | None = None,
    warc_dir: str | Path | None = None,
    progress: Callable[[ReprocessResult], None] | None = None,
) -> ReprocessResult:
    """Re-extract and re-normalise the archived articles of `db` from their WARC records.

    `since` (ISO date, YYYY[-MM[-DD]]): only articles whose latest fetch is on or after
    it. `site`: a profile name or .toml path to use instead of the recorded ones.
    `warc_dir`: where the WARC files are (default: `warc/` beside the archive).
    Holds the archive's lock, like a crawl: the two never write at once.
    """
    if since:
        try:
            since = check_date(since, "--since")
        except TuyengiaoError as exc:
            raise ReprocessError(str(exc)) from None
    db = Path(db)
    folder = Path(warc_dir) if warc_dir else db.parent / "warc"
    result = ReprocessResult()
    started = time.perf_counter()
    with ArchiveLock(db), Archive(db, create=False) as archive:
        extractor = _Extractor(site)
        rows = list(_rows(archive, since))
        bodies: dict[str, tuple[Any, ...]] | None = None
        if any(row[7] == 304 for row in rows):
            bodies = {r[0]: r[1:] for r in archive.conn.execute(LAST_BODY_SQL)}
        if bodies:
            rows = [
                (*row[:2], *bodies.get(row[3], row[2:])) if row[7] == 304 else row for row in rows
            ]
        for start in range(0, len(rows), BATCH):
            with archive.db.atomic():
                for row in rows[start : start + BATCH]:
                    _one(archive, extractor, folder, row, result)
            if progress:
                result.seconds = time.perf_counter() - started
                progress(result)
    result.seconds = time.perf_counter() - started
    return result


def _one(
    archive: Archive,
    extractor: _Extractor,
    folder: Path,
    row: tuple[Any, ...],
    result: ReprocessResult,
) -> None:
    url, last_seen, fetch_id, fetched_url, warc_file, offset, profile, status = row
    result.articles += 1
    try:
        status, headers, body = read_record(folder, warc_file, offset)
    except WarcError as exc:
        result.no_record += 1
        result.errors.append(f"{url}: {exc}")
        return
    spider = extractor.spider(profile, fetched_url)
    try:
        item = extractor.item(spider, fetched_url, fetch_id, status, headers, body)
    except DropItem as exc:
        result.dropped += 1
        result.errors.append(f"{url}: {exc}")
        return
    except Exception as exc:  # one bad page must not stop the others; it is reported
        result.failed += 1
        result.errors.append(f"{url}: {type(exc).__name__}: {exc}")
        return
    if item is None:
        result.not_article += 1
        return
    fields = dict(ItemAdapter(item).items())
    if fields["url"] != url:
        # The page now canonicalises elsewhere: keep the archived URL, so the article is
        # updated in place rather than duplicated.
        fields["url"] = url
    outcome = archive.save_article(fields, seen_at=last_seen)
    setattr(result, outcome, getattr(result, outcome) + 1)
