"""What the archive browser's pages show, read from the archive: an article with its
authors, citations, images, versions (each with a diff) and evidence; a document with
every article citing it. Plain dicts; the Datasette plugin renders them.

Columns are read with `SELECT *` and looked up by name, so an archive with more columns
(a newer schema) is shown as well as one with exactly these.
"""

from __future__ import annotations

import difflib
import sqlite3
from typing import Any

from tuyengiao_crawler.archive.evidence import article_evidence


def _rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def is_archive(conn: sqlite3.Connection) -> bool:
    """True if the database has the archive's article, citation and fetch tables."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {"articles", "article_documents", "documents", "fetches"} <= names


def version_diff(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str]]:
    """The changes from one version to the next, paragraph by paragraph, as (kind, text):
    kind is "-" (removed), "+" (added) or "=" (a heading such as the field's name)."""
    out: list[tuple[str, str]] = []
    for field in ("title", "lead", "published_at", "category", "byline", "body_text"):
        a = (old.get(field) or "").split("\n\n")
        b = (new.get(field) or "").split("\n\n")
        if a == b:
            continue
        out.append(("=", field))
        for line in difflib.ndiff(a, b):
            if line[:1] in "-+":
                out.append((line[0], line[2:]))
    return out


def article_page(
    conn: sqlite3.Connection, article_id: int, replay_prefix: str | None = None
) -> dict[str, Any] | None:
    """Everything the article page shows, or None if there is no such article."""
    found = _rows(conn, "SELECT * FROM articles WHERE id = ?", article_id)
    if not found:
        return None
    article = found[0]
    article["authors"] = _rows(
        conn,
        "SELECT au.id, au.name, aa.role FROM article_authors aa"
        " JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ? ORDER BY aa.position",
        article_id,
    )
    article["citations"] = _rows(
        conn,
        "SELECT ad.document_id, ad.surface, ad.field, coalesce(d.kind, ad.kind) AS kind,"
        " d.key, ad.reason FROM article_documents ad LEFT JOIN documents d ON d.id = ad.document_id"
        " WHERE ad.article_id = ? ORDER BY ad.field, ad.start",
        article_id,
    )
    article["images"] = _rows(
        conn,
        "SELECT url, caption, alt FROM images WHERE article_id = ? ORDER BY position",
        article_id,
    )
    article["attachments"] = _rows(
        conn,
        "SELECT url, title FROM attachments WHERE article_id = ? ORDER BY position",
        article_id,
    )
    versions = _rows(
        conn, "SELECT * FROM article_versions WHERE article_id = ? ORDER BY id", article_id
    )
    # Each earlier version with what changed on the way to the next one (the last to the
    # current text).
    for i, version in enumerate(versions):
        following = versions[i + 1] if i + 1 < len(versions) else article
        version["diff"] = version_diff(version, following)
    article["versions"] = versions
    article["evidence"] = article_evidence(conn, article["url"], replay_prefix)
    return article


def document_page(conn: sqlite3.Connection, document_id: int) -> dict[str, Any] | None:
    """A document's fields and every article citing it (newest first, with how often and
    as what it was written), or None if there is no such document."""
    found = _rows(conn, "SELECT * FROM documents WHERE id = ?", document_id)
    if not found:
        return None
    document = found[0]
    document["articles"] = _rows(
        conn,
        "SELECT a.id, a.title, a.published_at, a.category, a.site, count(*) AS mentions,"
        " group_concat(DISTINCT ad.surface) AS as_written FROM article_documents ad"
        " JOIN articles a ON a.id = ad.article_id WHERE ad.document_id = ?"
        " GROUP BY a.id ORDER BY a.published_at DESC, a.id DESC",
        document_id,
    )
    return document
