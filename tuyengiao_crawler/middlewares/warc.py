"""Downloader middlewares: WARC capture of every exchange, indexed in the `fetches` table."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

from tuyengiao_crawler import DEFAULT_DB, __version__
from tuyengiao_crawler.archive.cdxj import update_indexes
from tuyengiao_crawler.archive.fetches import (
    article_capture,
    capture_of_payload,
    latest_capture,
    record_fetch,
)
from tuyengiao_crawler.archive.warc import (
    Capture,
    WarcError,
    WarcLocation,
    WarcWriter,
    read_capture,
)
from tuyengiao_crawler.extensions.run import ArchiveRun
from tuyengiao_crawler.extract.urls import canonicalize_url

logger = logging.getLogger(__name__)

FETCH_ID_KEY = "tuyengiao_fetch_id"
# Scrapy hands over the body de-chunked, so the header would misdescribe the stored bytes;
# it is kept under this name instead.
TRANSFER_ENCODING_KEPT_AS = "X-Crawler-Transfer-Encoding"


def warc_dir(settings) -> Path:
    """TUYENGIAO_WARC_DIR, or the folder `warc` beside the archive file."""
    folder = settings.get("TUYENGIAO_WARC_DIR")
    if folder:
        return Path(folder)
    return Path(settings.get("TUYENGIAO_DB") or DEFAULT_DB).parent / "warc"


def _text(value: bytes | str | None) -> str | None:
    if value is None:
        return None
    return value.decode("latin-1") if isinstance(value, bytes) else value


def header_pairs(headers) -> list[tuple[str, str]]:
    """Scrapy Headers as (name, value) pairs, repeated headers kept as separate lines."""
    pairs = []
    for name, values in headers.items():
        for value in values:
            pairs.append((_text(name), _text(value)))
    return pairs


def request_target_and_headers(request: Request) -> tuple[str, list[tuple[str, str]]]:
    """The request line's target and the headers as sent (Host first, as Twisted adds it)."""
    parts = urlsplit(request.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = header_pairs(request.headers)
    if not any(name.lower() == "host" for name, _ in headers):
        headers.insert(0, ("Host", parts.netloc.rpartition("@")[2]))
    if request.body and not any(name.lower() == "content-length" for name, _ in headers):
        headers.append(("Content-Length", str(len(request.body))))
    return target, headers


def response_headers(response: Response) -> list[tuple[str, str]]:
    headers = []
    for name, value in header_pairs(response.headers):
        if name.lower() == "transfer-encoding":
            name = TRANSFER_ENCODING_KEPT_AS
        headers.append((name, value))
    return headers


def error_reason(exception: BaseException) -> str:
    """A short, one-line reason: 'TimeoutError: ...', 'ConnectionRefusedError'."""
    name = type(exception).__name__
    message = " ".join(str(exception).split())
    reason = f"{name}: {message}" if message else name
    return reason if len(reason) <= 300 else reason[:297] + "..."


class WarcCaptureMiddleware:
    """Writes every response (3xx, 4xx, 304 and robots.txt included) with its request to the
    WARC files, and indexes each exchange, or failed attempt, in `fetches`.

    At priority 950 it is the closest middleware to the network: the body is the entity as
    transferred (HttpCompressionMiddleware decompresses later, at 590). The fetch id is put
    in `request.meta["tuyengiao_fetch_id"]`, which the spider copies into the item.

    Settings: TUYENGIAO_WARC_DIR (empty: `warc/` beside TUYENGIAO_DB) and
    TUYENGIAO_WARC_MAX_BYTES (0: no WARC files; fetches are still indexed).
    """

    def __init__(self, crawler: Crawler, folder: Path, max_bytes: int) -> None:
        self.crawler = crawler
        self.folder = folder
        self.writer: WarcWriter | None = None
        if max_bytes > 0:
            settings = crawler.settings
            info = {
                # Empty values are left out of the warcinfo record.
                "operator": settings.get("TUYENGIAO_CONTACT"),
                "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
                "description": f"tuyengiao-crawler {__version__} archival crawl",
            }
            self.writer = WarcWriter(folder, max_bytes, info=info)
        self._run: ArchiveRun | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        settings = crawler.settings
        middleware = cls(
            crawler, warc_dir(settings), settings.getint("TUYENGIAO_WARC_MAX_BYTES", 0)
        )
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    @property
    def run(self) -> ArchiveRun:
        if self._run is None:
            self._run = ArchiveRun.of(self.crawler)
        return self._run

    def process_response(self, request: Request, response: Response) -> Response:
        if "cached" in response.flags:
            return response  # from HTTPCACHE: no exchange with the server took place
        fetched = datetime.now(UTC)
        body = response.body
        sha256 = hashlib.sha256(body).hexdigest()
        earlier = self._earlier_capture(request, response, sha256)
        location = self._write(request, response, fetched, earlier[1] if earlier else None)
        headers = response.headers
        fetch_id = record_fetch(
            self.run.archive,
            run_id=self.run.ensure_started(),
            url=response.url,
            method=request.method,
            status=response.status,
            fetched_at=fetched.isoformat(timespec="seconds"),
            content_type=_text(headers.get(b"Content-Type")),
            content_length=len(body),
            payload_sha256=sha256,
            etag=_text(headers.get(b"ETag")),
            last_modified=_text(headers.get(b"Last-Modified")),
            warc_file=location.file if location else None,
            warc_offset=location.offset if location else None,
            warc_length=location.length if location else None,
            revisit_of=earlier[0] if earlier and location else None,
        )
        request.meta[FETCH_ID_KEY] = fetch_id
        self.crawler.stats.inc_value("tuyengiao/fetches")
        return response

    def _earlier_capture(
        self, request: Request, response: Response, sha256: str
    ) -> tuple[int, Capture] | None:
        """The capture a revisit record refers to (its fetch id and record), or None: for a
        304, the URL's latest capture with a body (or, for a URL variant met for the first
        time, its article's); for a 200, the URL's latest capture when its payload is the
        same bytes, else the first capture of any URL that holds them (de-duplication by
        digest). Revisits point at the record that holds the payload."""
        if (
            self.writer is None
            or request.method != "GET"
            or not (response.status == 304 or (200 <= response.status < 300 and response.body))
        ):
            return None
        archive = self.run.archive
        # A URL variant first fetched now ("?utm_source=..."): the earlier capture is the
        # one the archived article was read from.
        row = latest_capture(archive, response.url) or article_capture(
            archive, canonicalize_url(request.url)
        )
        if response.status != 304 and (row is None or row[3] != sha256):
            row = capture_of_payload(archive, sha256)
        if row is None:
            return None
        try:
            return row[0], read_capture(self.writer.folder, row[1], row[2])
        except WarcError as exc:  # the earlier file is gone or damaged: a plain record
            logger.warning("%s: the earlier capture cannot be read (%s)", response.url, exc)
            return None

    def _write(
        self,
        request: Request,
        response: Response,
        fetched: datetime,
        revisit_of: Capture | None = None,
    ) -> WarcLocation | None:
        if self.writer is None:
            return None
        target, sent_headers = request_target_and_headers(request)
        records, written = self.writer.records, self.writer.bytes_written
        location = self.writer.write_exchange(
            response.url,
            method=request.method,
            request_target=target,
            request_headers=sent_headers,
            request_body=request.body or b"",
            status=response.status,
            protocol=response.protocol or "HTTP/1.1",
            response_headers=response_headers(response),
            body=response.body,
            fetched_at=fetched,
            ip_address=str(response.ip_address) if response.ip_address else None,
            truncated="disconnect" if "dataloss" in (response.flags or []) else None,
            revisit_of=revisit_of,
        )
        stats = self.crawler.stats
        stats.inc_value("tuyengiao/warc_records", self.writer.records - records)
        stats.inc_value("tuyengiao/warc_bytes", self.writer.bytes_written - written)
        return location

    def _index(self) -> None:
        """Bring the CDXJ index beside each WARC file up to date (archive/cdxj.py): this
        run's files, and any an earlier, killed run left unindexed."""
        try:
            indexed = (
                update_indexes(self.folder, self.run.archive.conn) if self.folder.is_dir() else []
            )
        except (OSError, WarcError) as exc:  # the WARC files stay; `wacz` indexes anew
            logger.warning("CDXJ index of %s not updated: %s", self.folder, exc)
            return
        self.crawler.stats.set_value("tuyengiao/warc_indexed", len(indexed))

    def process_exception(self, request: Request, exception: BaseException) -> None:
        if isinstance(exception, IgnoreRequest):
            return None  # a decision (robots.txt, offsite), not a fetch
        fetch_id = record_fetch(
            self.run.archive,
            run_id=self.run.ensure_started(),
            url=request.url,
            method=request.method,
            status=None,
            error=error_reason(exception),
        )
        request.meta[FETCH_ID_KEY] = fetch_id
        self.crawler.stats.inc_value("tuyengiao/fetches")
        self.crawler.stats.inc_value("tuyengiao/fetch_errors")
        return None

    def spider_closed(self, spider: Spider) -> None:
        if self.writer is not None:
            self.writer.close()
            self._index()
            files = len(self.writer.files)
            self.crawler.stats.set_value("tuyengiao/warc_files", files)
            logger.info(
                "WARC: %d records, %d bytes in %d file(s) under %s",
                self.writer.records,
                self.writer.bytes_written,
                files,
                self.folder,
            )
