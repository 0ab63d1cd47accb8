"""The `fetches` table: one row per HTTP exchange (or failed attempt), tied to its WARC record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tuyengiao_crawler.archive.store import PAYLOAD_JOIN, Archive, ArchiveError, utc_now
from tuyengiao_crawler.archive.warc import WarcError, read_record

FETCH_COLUMNS = (
    "run_id",
    "url",
    "method",
    "status",
    "fetched_at",
    "content_type",
    "content_length",
    "payload_sha256",
    "etag",
    "last_modified",
    "warc_file",
    "warc_offset",
    "warc_length",
    "error",
    "revisit_of",
)


def latest_capture(archive: Archive, url: str) -> tuple[int, str, int, str] | None:
    """(fetch id, WARC file, offset, payload SHA-256) of the record holding the payload of
    the latest 2xx fetch of `url` that has a record; None if there is none."""
    return archive.conn.execute(
        f"SELECT b.id, b.warc_file, b.warc_offset, b.payload_sha256 FROM fetches f {PAYLOAD_JOIN}"
        " WHERE f.url = ? AND f.warc_file IS NOT NULL AND f.status BETWEEN 200 AND 299"
        " ORDER BY f.id DESC LIMIT 1",
        (url,),
    ).fetchone()


def capture_of_payload(archive: Archive, sha256: str) -> tuple[int, str, int, str] | None:
    """The same for the first 2xx record, of any URL, that holds a payload with this digest."""
    return archive.conn.execute(
        "SELECT id, warc_file, warc_offset, payload_sha256 FROM fetches"
        " WHERE payload_sha256 = ? AND warc_file IS NOT NULL AND revisit_of IS NULL"
        " AND status BETWEEN 200 AND 299 ORDER BY id LIMIT 1",
        (sha256,),
    ).fetchone()


def article_capture(archive: Archive, article_url: str) -> tuple[int, str, int, str] | None:
    """The same for the capture the article archived under `article_url` was read from."""
    return archive.conn.execute(
        "SELECT b.id, b.warc_file, b.warc_offset, b.payload_sha256 FROM articles a"
        f" JOIN fetches f ON f.id = a.fetch_id {PAYLOAD_JOIN}"
        " WHERE a.url = ? AND b.warc_file IS NOT NULL AND b.status BETWEEN 200 AND 299",
        (article_url,),
    ).fetchone()


def record_fetch(archive: Archive, **fields: Any) -> int:
    """Insert one fetch (columns as keyword arguments) and return its id."""
    unknown = set(fields) - set(FETCH_COLUMNS)
    if unknown:
        raise ValueError(f"unknown fetches columns: {', '.join(sorted(unknown))}")
    row = {name: fields.get(name) for name in FETCH_COLUMNS}
    row["method"] = row["method"] or "GET"
    row["fetched_at"] = row["fetched_at"] or utc_now()
    with archive.db.atomic():
        cursor = archive.conn.execute(
            f"INSERT INTO fetches ({', '.join(FETCH_COLUMNS)})"
            f" VALUES ({', '.join('?' for _ in FETCH_COLUMNS)})",
            [row[name] for name in FETCH_COLUMNS],
        )
    return int(cursor.lastrowid)


def set_fetch_error(archive: Archive, fetch_id: int, error: str) -> None:
    """Give a recorded fetch its failure reason (an HTTP error, a body that is no page)."""
    with archive.db.atomic():
        archive.conn.execute("UPDATE fetches SET error = ? WHERE id = ?", (error, fetch_id))


def get_fetch(archive: Archive, fetch_id: int) -> dict[str, Any] | None:
    cursor = archive.conn.execute("SELECT * FROM fetches WHERE id = ?", (fetch_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def fetch_for_article(archive: Archive, article_id: int) -> dict[str, Any] | None:
    """The fetch the article's current version was read from (articles.fetch_id), or None."""
    row = archive.conn.execute(
        "SELECT fetch_id FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return get_fetch(archive, row[0])


def replay(archive: Archive, fetch_id: int, warc_dir: str | Path) -> bytes:
    """The payload bytes of a fetch's WARC response record, exactly as they were transferred
    (still content-encoded if the server compressed them); for a revisit, those of the
    capture it refers to."""
    fetch = get_fetch(archive, fetch_id)
    if fetch is None:
        raise ArchiveError(f"no fetch {fetch_id}")
    if fetch["revisit_of"]:  # a revisit record: the payload is in the capture it refers to
        fetch = get_fetch(archive, fetch["revisit_of"]) or fetch
    if not fetch["warc_file"]:
        raise ArchiveError(f"fetch {fetch_id} has no WARC record")
    try:
        return read_record(warc_dir, fetch["warc_file"], fetch["warc_offset"])[2]
    except WarcError as exc:
        raise ArchiveError(f"fetch {fetch_id}: {exc}") from None
