"""Read-only questions researchers and the CLI ask of an archive."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tuyengiao_crawler.archive.schema import SCHEMA_VERSION
from tuyengiao_crawler.archive.store import ArchiveError, check_sqlite_file


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing archive of a schema this tool understands."""
    path = Path(path)
    if not path.exists():
        raise ArchiveError(f"no archive at {path}")
    check_sqlite_file(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot read {path}: {exc}") from None
    if version == 0:
        conn.close()
        raise ArchiveError(f"{path} is not a tuyengiao archive")
    if version > SCHEMA_VERSION:
        conn.close()
        raise ArchiveError(
            f"{path}: archive schema version {version} is newer than this tool supports "
            f"({SCHEMA_VERSION}); upgrade tuyengiao-crawler"
        )
    return conn


def _rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in conn.execute(sql, params)]


def archive_stats(conn: sqlite3.Connection, top: int = 10) -> dict[str, Any]:
    """Counts, date range, articles by category and month, top authors and documents, runs."""
    one = conn.execute(
        "SELECT count(*) AS articles, min(substr(published_at, 1, 10)) AS first_published,"
        " max(substr(published_at, 1, 10)) AS last_published,"
        " sum(published_at IS NULL) AS undated FROM articles"
    ).fetchone()
    return {
        "articles": one["articles"],
        "first_published": one["first_published"],
        "last_published": one["last_published"],
        "undated": one["undated"] or 0,
        "sites": _rows(
            conn, "SELECT site, count(*) AS articles FROM articles GROUP BY site ORDER BY 2 DESC"
        ),
        "authors": conn.execute("SELECT count(*) FROM authors").fetchone()[0],
        "documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0],
        "citations": conn.execute("SELECT count(*) FROM article_documents").fetchone()[0],
        "by_category": _rows(
            conn,
            "SELECT coalesce(category, '(none)') AS category, count(*) AS articles"
            " FROM articles GROUP BY 1 ORDER BY 2 DESC, 1",
        ),
        "by_month": _rows(
            conn,
            "SELECT substr(published_at, 1, 7) AS month, count(*) AS articles FROM articles"
            " WHERE published_at IS NOT NULL GROUP BY 1 ORDER BY 1",
        ),
        "top_authors": _rows(
            conn,
            "SELECT authors.name, article_authors.role, count(*) AS articles"
            " FROM article_authors JOIN authors ON authors.id = article_authors.author_id"
            " GROUP BY authors.id, article_authors.role ORDER BY 3 DESC, 1 LIMIT ?",
            top,
        ),
        "top_documents": _rows(
            conn,
            "SELECT documents.canonical, documents.kind, count(DISTINCT article_id) AS articles"
            " FROM article_documents JOIN documents ON documents.id = article_documents.document_id"
            " GROUP BY documents.id ORDER BY 3 DESC, 1 LIMIT ?",
            top,
        ),
        "runs": _rows(
            conn,
            "SELECT id, started_at, finished_at, status, pages_fetched, articles_new,"
            " articles_updated, articles_unchanged, errors FROM crawl_runs ORDER BY id DESC LIMIT ?",
            top,
        ),
    }
