"""Re-processing: rebuild every article from its archived WARC record, without the network.

After an extractor or normaliser fix, `reprocess()` re-reads the archive's latest fetch
of each article (articles.fetch_id -> fetches -> the WARC response record, its body's
Content-Encoding undone) through the same three functions as a crawl: `read_page`,
`normalize_article` and `Archive.save_article`. A changed article gets a new version (the
old one is kept in `article_versions`) and the search index follows; identical results
change nothing. No Scrapy crawler is built.

Each page is read with the profile recorded for the run that fetched it
(`crawl_runs.profile`), or the one given, or in generic mode.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.archive.content_coding import decode_body
from tuyengiao_crawler.archive.lock import ArchiveLock
from tuyengiao_crawler.archive.search import check_date
from tuyengiao_crawler.archive.store import PAYLOAD_JOIN
from tuyengiao_crawler.archive.warc import WarcError, read_record
from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.extract.page import read_page
from tuyengiao_crawler.normalize.article import missing_fields, normalize_article
from tuyengiao_crawler.profiles import SiteProfile, load_profile

logger = logging.getLogger(__name__)

GENERIC = "generic"
# Articles saved per transaction: a crash loses at most one batch, which a new run redoes.
BATCH = 500

# An article's latest fetch, read from the record that holds its payload (PAYLOAD_JOIN).
SELECT_SQL = f"""
SELECT a.url, a.last_seen_at, f.id, b.url, b.warc_file, b.warc_offset, r.profile, b.status
FROM articles a
JOIN fetches f ON f.id = a.fetch_id
{PAYLOAD_JOIN}
LEFT JOIN crawl_runs r ON r.id = f.run_id
WHERE b.warc_file IS NOT NULL {{where}}
ORDER BY a.id
"""
# The latest fetch with a body of each URL: a 304 archived before revisit records (schema
# 10) says "unchanged since", so the page is read from the fetch before it.
LAST_BODY_SQL = """
SELECT f.url, f.id, f.url, f.warc_file, f.warc_offset, r.profile, f.status
FROM fetches f LEFT JOIN crawl_runs r ON r.id = f.run_id
WHERE f.id IN (
    SELECT max(id) FROM fetches
    WHERE status BETWEEN 200 AND 299 AND warc_file IS NOT NULL AND revisit_of IS NULL
    GROUP BY url
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
    with ArchiveLock(db, create=False), Archive(db, create=False) as archive:
        profiles = _Profiles(site)
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
                    _one(archive, profiles, folder, row, result)
            if progress:
                result.seconds = time.perf_counter() - started
                progress(result)
    result.seconds = time.perf_counter() - started
    return result


class _Profiles:
    """The profile to read each page with, each loaded once: the one given, else the one
    recorded for the run that fetched the page; None for generic mode (as recorded, even
    if a profile matches the site now)."""

    def __init__(self, site: str | None) -> None:
        self.site = site
        self.loaded: dict[str, SiteProfile | None] = {GENERIC: None}

    def get(self, recorded: str | None) -> SiteProfile | None:
        name = self.site or recorded or GENERIC
        if name not in self.loaded:
            try:
                self.loaded[name] = load_profile(name)
            except TuyengiaoError as exc:
                hint = "" if self.site else "; give the profile with --site"
                raise ReprocessError(f"profile {name!r}: {exc}{hint}") from None
        return self.loaded[name]


def _one(
    archive: Archive,
    profiles: _Profiles,
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
    reading = profiles.get(profile)
    try:
        headers, body = decode_body(headers, body)
        page = read_page(fetched_url, body, headers, reading)
        if page.kind != "article" or page.article is None:
            result.not_article += 1
            return
        # The archive's key stays the article's identity, whatever the page declares now.
        context = replace(page.fetch_context(last_seen, status or 200, fetch_id), url=url)
        missing = missing_fields(page.article, context)
        if missing:
            result.dropped += 1
            result.errors.append(f"{context.url}: missing {', '.join(missing)}")
            return
        record = normalize_article(page.article, context)
    except Exception as exc:  # one bad page must not stop the others; it is reported
        result.failed += 1
        result.errors.append(f"{url}: {type(exc).__name__}: {exc}")
        return
    # A page that now canonicalises elsewhere keeps its archived URL, so the article is
    # updated in place rather than duplicated.
    record.url = url
    outcome = archive.save_article(record, seen_at=last_seen)
    setattr(result, outcome, getattr(result, outcome) + 1)
