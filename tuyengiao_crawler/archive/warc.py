"""WARC/1.1 files of every HTTP exchange: writing with rotation, reading one record by offset.

Files are gzip-compressed one record per gzip member, so any record can be read by seeking to
its offset, and a crash (even SIGKILL) leaves at most a torn last record, which `iter_records`
detects and skips. Files get their final name from the start (no `.open` suffix): the
`fetches` rows written during the crawl name the file, and a name that changed on close would
leave them pointing nowhere after a crash.

No Scrapy here: the downloader middleware turns Scrapy's objects into the plain values
`WarcWriter.write_exchange` takes.
"""

from __future__ import annotations

import io
import logging
import socket
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import IO, Any, NamedTuple

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser
from warcio.timeutils import datetime_to_iso_date
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from tuyengiao_crawler import __version__

logger = logging.getLogger(__name__)

SOFTWARE = f"tuyengiao-crawler/{__version__}"
WARC_FORMAT = "WARC File Format 1.1"
CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
SUFFIX = ".warc.gz"
CHUNK = 1 << 20

Headers = Sequence[tuple[str, str]]


class WarcError(Exception):
    """A record that cannot be read where the index says it is."""


# Profiles of revisit records (WARC 1.1, section 6.7.2): a 304, and a 200 whose payload is
# byte for byte the earlier capture's (de-duplication: the payload is not stored again).
SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
IDENTICAL_PAYLOAD_DIGEST = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"


def payload_digest(body: bytes) -> str:
    """A payload's WARC-Payload-Digest, as warcio writes it (sha256, base32)."""
    digester = Digester("sha256")
    digester.update(body)
    return str(digester)


@dataclass(frozen=True)
class Capture:
    """An earlier response record, as a revisit record refers to it."""

    uri: str
    date: str  # its WARC-Date, exactly
    record_id: str | None


class WarcLocation(NamedTuple):
    """Where a record is: file name (relative to the WARC folder), offset and length in bytes
    of its gzip member. `warcio extract FILE OFFSET` replays it."""

    file: str
    offset: int
    length: int


class _ExactHeaders(StatusAndHeaders):
    """HTTP headers written byte for byte (latin-1), where warcio would %-encode non-ASCII."""

    def compute_headers_buffer(self, header_filter: Any = None) -> None:
        self.headers_buff = self.to_str(header_filter).encode("latin-1", "replace") + b"\r\n"


# Payloads that are already compressed: deflating them again costs the CPU several times
# more than storing them (40 KB of JPEG: ~0.5 ms at any level against ~0.1 ms stored) and
# saves nothing, so their records are written as stored (level 0) gzip members.
_COMPRESSED_TYPES = ("image/", "audio/", "video/", "application/zip", "application/gzip")
_TEXT_LEVEL = 6  # zlib's default; warcio's 9 gives the same size on HTML, slower


def _gzip_level(headers: Headers) -> int:
    for name, value in headers:
        name = name.lower()
        value = value.strip().lower()
        if name == "content-encoding" and value not in ("", "identity"):
            return 0
        if name == "content-type" and value.startswith(_COMPRESSED_TYPES):
            return 0
    return _TEXT_LEVEL


class _GzipMember:
    """One gzip member per record, at a chosen level (warcio's own wrapper is fixed at 9).
    warcio calls `flush` at the end of the record: the member is finished, and the file
    flushed unless `flush_file` is off (a response waits for its request record)."""

    def __init__(self, out: IO[bytes], level: int, flush_file: bool) -> None:
        self.out = out
        self.flush_file = flush_file
        self.compressor = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS + 16)

    def write(self, data: bytes) -> None:
        self.out.write(self.compressor.compress(data))

    def flush(self) -> None:
        self.out.write(self.compressor.flush())
        if self.flush_file:
            self.out.flush()


class _Sha256Writer(WARCWriter):
    """warcio's writer with SHA-256 block and payload digests (base32, as warcio writes them),
    and gzip members compressed at a level chosen per record."""

    def __init__(self, out: IO[bytes], **kwargs: Any) -> None:
        super().__init__(out, gzip=False, **kwargs)

    @staticmethod
    def _create_digester() -> Digester:
        return Digester("sha256")

    def write_record(  # type: ignore[override]
        self, record: Any, level: int = _TEXT_LEVEL, flush: bool = True
    ) -> None:
        self._write_warc_record(_GzipMember(self.out, level, flush), record)


def warc_date(moment: datetime) -> str:
    """WARC-Date for WARC/1.1: UTC with microseconds."""
    return datetime_to_iso_date(moment.astimezone(UTC).replace(tzinfo=None), True)


class WarcWriter:
    """Appends request/response pairs to `<prefix>-<YYYYMMDDHHMMSS>-<serial>.warc.gz` files in
    `folder`, starting a new file once the current one reaches `max_bytes`.

    Each file starts with a `warcinfo` record (software, format, and `info`, e.g. operator,
    contact, user agent). A request and its response always go into the same file, and
    are flushed together as soon as they are written. Names are never reused: files are
    created exclusively and the serial moves on past any name already taken.
    """

    def __init__(
        self,
        folder: str | Path,
        max_bytes: int,
        prefix: str = "tuyengiao",
        info: Mapping[str, Any] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self.prefix = prefix
        self.info = dict(info or {})
        self.serial = 0
        self.records = 0
        self.bytes_written = 0
        self.files: list[str] = []
        self._fh: IO[bytes] | None = None
        self._name: str | None = None
        self._writer: _Sha256Writer | None = None
        self._warcinfo_id: str | None = None

    # Files

    @property
    def current_file(self) -> str | None:
        return self._name

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        while True:
            self.serial += 1
            name = f"{self.prefix}-{stamp}-{self.serial:05d}{SUFFIX}"
            try:
                self._fh = open(self.folder / name, "xb")  # closed in close()
                break
            except FileExistsError:
                continue
        self._name = name
        self.files.append(name)
        self._writer = _Sha256Writer(self._fh, warc_version="1.1")
        fields = {
            "software": SOFTWARE,
            "format": WARC_FORMAT,
            "conformsTo": CONFORMS_TO,
            "hostname": socket.gethostname(),
            **self.info,
        }
        record = self._writer.create_warcinfo_record(name, fields)
        self._warcinfo_id = record.rec_headers.get_header("WARC-Record-ID")
        self._write(record)

    def close(self) -> None:
        """Close the current file (the next write opens a new one)."""
        if self._fh is not None:
            self._fh.close()
        self._fh = self._writer = self._name = self._warcinfo_id = None

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, record: Any, level: int = _TEXT_LEVEL, flush: bool = True) -> WarcLocation:
        assert self._fh is not None and self._writer is not None and self._name is not None
        offset = self._fh.tell()
        self._writer.write_record(record, level, flush)
        length = self._fh.tell() - offset
        self.records += 1
        self.bytes_written += length
        return WarcLocation(self._name, offset, length)

    # Records

    def _fields(self, rec_type: str, date: str) -> dict[str, str]:
        # WARC-Type and WARC-Record-ID first, as readers of the raw text expect.
        return {
            "WARC-Type": rec_type,
            "WARC-Record-ID": StatusAndHeadersParser.make_warc_id(),
            "WARC-Date": date,
            "WARC-Warcinfo-ID": self._warcinfo_id or "",
        }

    def write_exchange(
        self,
        url: str,
        *,
        method: str = "GET",
        request_target: str = "/",
        request_headers: Headers = (),
        request_body: bytes = b"",
        status: int,
        reason: str | None = None,
        protocol: str = "HTTP/1.1",
        response_headers: Headers = (),
        body: bytes = b"",
        fetched_at: datetime | None = None,
        ip_address: str | None = None,
        truncated: str | None = None,
        revisit_of: Capture | None = None,
    ) -> WarcLocation:
        """Write one `response` record and its `request` record; returns where the response is.

        `body` is the entity as transferred (still content-encoded, transfer coding removed);
        the headers are written as given, in order. With `revisit_of`, the response is a
        `revisit` record that refers to that capture: profile server-not-modified for a
        304, identical-payload-digest (the body not stored, its digest kept) otherwise.
        """
        if self._fh is None:
            self._open()
        assert self._writer is not None
        date = warc_date(fetched_at or datetime.now(UTC))
        if reason is None:
            try:
                reason = HTTPStatus(status).phrase
            except ValueError:
                reason = ""
        kind = "revisit" if revisit_of else "response"
        response_fields = self._fields(kind, date)
        if revisit_of:
            # The capture it refers to holds the payload: after a 304 ("not modified"), or
            # a 200 with the same payload, which is then not stored again.
            if status == 304:
                response_fields["WARC-Profile"] = SERVER_NOT_MODIFIED
            else:
                response_fields["WARC-Profile"] = IDENTICAL_PAYLOAD_DIGEST
                response_fields["WARC-Payload-Digest"] = payload_digest(body)
                body = b""
            response_fields["WARC-Refers-To-Target-URI"] = revisit_of.uri
            response_fields["WARC-Refers-To-Date"] = revisit_of.date
            if revisit_of.record_id:
                response_fields["WARC-Refers-To"] = revisit_of.record_id
        if ip_address:
            response_fields["WARC-IP-Address"] = ip_address
        if truncated:
            response_fields["WARC-Truncated"] = truncated
        response = self._writer.create_warc_record(
            url,
            kind,
            payload=io.BytesIO(body),
            length=len(body),
            warc_headers_dict=response_fields,
            http_headers=_ExactHeaders(
                f"{status} {reason}".rstrip(), list(response_headers), protocol=protocol
            ),
        )
        request_fields = self._fields("request", date)
        request_fields["WARC-Concurrent-To"] = response.rec_headers.get_header("WARC-Record-ID")
        request = self._writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(request_body),
            length=len(request_body),
            warc_headers_dict=request_fields,
            http_headers=_ExactHeaders(
                f"{method} {request_target} {protocol}",
                list(request_headers),
                is_http_request=True,
            ),
        )
        # One flush for the pair: a crash in between loses both, never leaves half.
        location = self._write(response, _gzip_level(response_headers), flush=False)
        self._write(request)
        if self.max_bytes and self._fh is not None and self._fh.tell() >= self.max_bytes:
            self.close()
        return location


# Reading


@dataclass
class WarcRecord:
    """One record read back: WARC headers, HTTP status line and headers, payload as stored."""

    offset: int
    length: int
    rec_type: str
    warc_headers: list[tuple[str, str]]
    http_status: int | None
    http_headers: list[tuple[str, str]]
    payload: bytes = field(repr=False)

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.warc_headers if k.lower() == name), None)

    @property
    def target_uri(self) -> str | None:
        return self.header("WARC-Target-URI")


def _status(http_headers: StatusAndHeaders | None, rec_type: str) -> int | None:
    if http_headers is None or rec_type not in ("response", "revisit"):
        return None
    try:
        return int(http_headers.get_statuscode())
    except (TypeError, ValueError):
        return None


def _read_payload(record: Any) -> bytes:
    """The payload as stored (no content or transfer decoding); raises if it is short."""
    payload = record.raw_stream.read()
    if getattr(record.raw_stream, "limit", 0):
        raise WarcError(f"record ends {record.raw_stream.limit} bytes early")
    return payload


def read_capture(folder: str | Path, warc_file: str, offset: int) -> Capture:
    """The target URI, WARC-Date and record id of the record at `offset`, for a revisit
    record to refer to (its payload is not read)."""
    try:
        with (Path(folder) / warc_file).open("rb") as fh:
            fh.seek(offset)
            record = next(ArchiveIterator(fh), None)
            if record is None:
                raise WarcError(f"no record at {warc_file}:{offset}")
            headers = record.rec_headers
            return Capture(
                headers.get_header("WARC-Target-URI"),
                headers.get_header("WARC-Date"),
                headers.get_header("WARC-Record-ID"),
            )
    except WarcError:
        raise
    except Exception as exc:  # OSError, warcio's ArchiveLoadFailed
        raise WarcError(f"cannot read {warc_file}:{offset}: {exc}") from None


def read_record(folder: str | Path, warc_file: str, offset: int) -> tuple[int | None, list, bytes]:
    """(HTTP status, HTTP headers, payload bytes as stored) of the record at `offset`."""
    path = Path(folder) / warc_file
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            # A wrong offset must fail: warcio reads on from some garbage instead of raising.
            if not fh.read(5).startswith((b"\x1f\x8b", b"WARC/")):
                raise WarcError(f"no record starts at {warc_file}:{offset}")
            fh.seek(offset)
            iterator = ArchiveIterator(fh)
            record = next(iterator, None)
            if record is None:
                raise WarcError(f"no record at {warc_file}:{offset}")
            payload = _read_payload(record)
            return (
                _status(record.http_headers, record.rec_type),
                list(record.http_headers.headers) if record.http_headers else [],
                payload,
            )
    except WarcError:
        raise
    except Exception as exc:  # OSError, zlib.error, warcio's ArchiveLoadFailed, parse errors
        raise WarcError(f"cannot read {warc_file}:{offset}: {exc}") from None


def _gzip_members(fh: IO[bytes]) -> Iterator[tuple[int, int, bytes]]:
    """(offset, length, decompressed bytes) of each complete gzip member; WarcError at the
    offset of a member that is cut short or corrupt."""
    pending = b""
    offset = 0
    while True:
        if not pending:
            pending = fh.read(CHUNK)
            if not pending:
                return
        decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
        parts: list[bytes] = []
        used = 0
        while True:
            try:
                parts.append(decompressor.decompress(pending))
            except zlib.error as exc:
                raise _Torn(offset, f"corrupt gzip member: {exc}") from None
            if decompressor.eof:
                used += len(pending) - len(decompressor.unused_data)
                pending = decompressor.unused_data
                break
            used += len(pending)
            pending = fh.read(CHUNK)
            if not pending:
                raise _Torn(offset, "gzip member cut short (torn last record)")
        yield offset, used, b"".join(parts)
        offset += used


class _Torn(Exception):
    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.offset = offset
        self.reason = reason


class RecordScan:
    """Iterates the records of one .warc.gz file, stopping (not raising) at a torn tail.

    After iterating, `torn_at` is the offset where an incomplete or unreadable record starts
    (None if the file is whole) and `torn_reason` says why; a warning is logged too.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.torn_at: int | None = None
        self.torn_reason: str | None = None

    def __iter__(self) -> Iterator[WarcRecord]:
        loader = ArcWarcRecordLoader()
        with self.path.open("rb") as fh:
            members = _gzip_members(fh)
            while True:
                try:
                    item = next(members, None)
                    if item is None:
                        return
                    offset, length, data = item
                    try:
                        record = loader.parse_record_stream(io.BytesIO(data))
                        payload = _read_payload(record)
                    except Exception as exc:  # a member that is not a whole WARC record
                        raise _Torn(offset, f"unreadable record: {exc}") from None
                except _Torn as torn:
                    self.torn_at, self.torn_reason = torn.offset, torn.reason
                    logger.warning(
                        "%s: torn record at offset %d (%s); skipped",
                        self.path,
                        torn.offset,
                        torn.reason,
                    )
                    return
                yield WarcRecord(
                    offset=offset,
                    length=length,
                    rec_type=record.rec_type,
                    warc_headers=list(record.rec_headers.headers),
                    http_status=_status(record.http_headers, record.rec_type),
                    http_headers=list(record.http_headers.headers) if record.http_headers else [],
                    payload=payload,
                )


def iter_records(path: str | Path) -> RecordScan:
    """The records of a .warc.gz file; a torn last record ends the iteration (see RecordScan)."""
    return RecordScan(path)


def warc_files(folder: str | Path) -> list[Path]:
    """The WARC files of a folder, in name order (which is creation order per writer)."""
    return sorted(Path(folder).glob(f"*{SUFFIX}"))


__all__ = [
    "IDENTICAL_PAYLOAD_DIGEST",
    "SERVER_NOT_MODIFIED",
    "Capture",
    "RecordScan",
    "WarcError",
    "WarcLocation",
    "WarcRecord",
    "WarcWriter",
    "iter_records",
    "payload_digest",
    "read_capture",
    "read_record",
    "warc_files",
]
