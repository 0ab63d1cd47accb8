"""From an archived article to its evidence: each version with the WARC record it was read
from, and every capture of its URL (`tuyengiao show`)."""

from __future__ import annotations

import sqlite3
from typing import Any

_FETCH = "f.id AS fetch_id, f.fetched_at, f.status, f.warc_file, f.warc_offset, f.revisit_of"


def _rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def replay_url(prefix: str, fetched_at: str, url: str) -> str:
    """A pywb / Wayback replay URL: PREFIX + 14-digit UTC timestamp + "/" + URL."""
    stamp = "".join(ch for ch in fetched_at[:19] if ch.isdigit())
    return f"{prefix.rstrip('/')}/{stamp}/{url}"


def article_evidence(
    conn: sqlite3.Connection, url: str, replay_prefix: str | None = None
) -> dict[str, Any] | None:
    """The article archived under `url` (its key or the URL it was fetched from): the
    current version and the earlier ones, each with the capture (fetch and WARC record)
    it was read from, and the latest revisit that confirmed it, if any; and every capture
    of its URLs, oldest first. None if the archive has no such article. With
    `replay_prefix`, each capture gets its replay URL."""
    found = _rows(
        conn,
        "SELECT id, url, fetched_url, title, published_at, updated_at, first_seen_at,"
        " last_seen_at, gone_at, fetch_id FROM articles WHERE url = ? OR fetched_url = ?"
        " ORDER BY url = ? DESC LIMIT 1",
        url,
        url,
        url,
    )
    if not found:
        return None
    article = found[0]
    versions = _rows(
        conn,
        "SELECT title, published_at, first_seen_at, last_seen_at, replaced_at, fetch_id"
        " FROM article_versions WHERE article_id = ? ORDER BY id",
        article["id"],
    )
    current = {k: article[k] for k in ("title", "published_at", "first_seen_at", "last_seen_at")}
    current["fetch_id"] = article["fetch_id"]
    # Its URLs' fetches, and those its versions were read from (a URL variant merged into
    # the article by its content has fetches of its own).
    urls = sorted({article["url"], article["fetched_url"] or article["url"]})
    ids = sorted({v["fetch_id"] for v in [*versions, current] if v["fetch_id"]})
    captures = _rows(
        conn,
        f"SELECT f.url, {_FETCH}, f.payload_sha256, f.error FROM fetches f"
        f" WHERE f.url IN ({', '.join('?' * len(urls))})"
        f" OR f.id IN ({', '.join('?' * len(ids)) or 'NULL'}) ORDER BY f.id",
        *urls,
        *ids,
    )
    by_id = {c["fetch_id"]: c for c in captures}
    for capture in captures:
        capture["record"] = "revisit" if capture["revisit_of"] else "response"
        if replay_prefix and capture["warc_file"]:
            capture["replay"] = replay_url(replay_prefix, capture["fetched_at"], capture["url"])
    for version in [*versions, current]:
        # A 304 confirms the version: the capture that holds it is the one it revisits.
        capture = by_id.get(version["fetch_id"])
        while capture and capture["revisit_of"] and capture["revisit_of"] in by_id:
            version.setdefault("confirmed", capture)
            capture = by_id[capture["revisit_of"]]
        version["capture"] = capture
    article.pop("id")
    return {**article, "versions": versions, "current": current, "captures": captures}
