"""The `fetches` table: one row per HTTP exchange (or failed attempt), tied to its WARC record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tuyengiao_crawler.archive.store import Archive, ArchiveError, utc_now
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
