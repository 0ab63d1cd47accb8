"""Full-text search index over articles (title, lead, body_text), kept in step by the code.

Two FTS5 tables, both written here and nowhere else (no triggers), neither keeping a copy
of the text:

- `articles_fts_exact` indexes the article text as stored (NFC) with one tone placement
  ("hoà" -> "hòa", "thuỷ" -> "thủy"), tokenised with diacritics kept: `--exact` search.
  A contentless table (schema 15).
- `articles_fts` indexes the same text with đ/Đ folded to d/D, tokenised with
  `remove_diacritics 2`: the accent-insensitive default search, and the table Datasette's
  search box uses. The tokenizer already removes every other diacritic and the case, but
  đ has no Unicode decomposition, so it is folded here in Python. It is an external-
  content table over `articles` (schema 14) only so that sqlite-utils and Datasette find
  it: its `rebuild` command would index the unfolded text (docs/schema.md).

`articles_fts_indexed` says which version of each article both hold (its
`content_sha256`), so the code can tell which are out of step. An FTS5 table that keeps
no text removes a row's terms only when given the values it indexed again: they are made
again from that version's text (the article's row, or the old version an edit kept in
`article_versions`) with `exact_text` and `folded_text`. Where that text is gone, both
indexes are rebuilt.

The folding and tone unification themselves live in normalize/text.py (`fold_d`,
`unify_tones`), shared with search and bylines. If `fold_d` or `unify_tones` ever changes
its output, existing archives must be rebuilt (`tuyengiao reindex`; tests/normalize/
test_fold.py pins both).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from tuyengiao_crawler.normalize.text import fold, fold_d, unify_tones

FTS_TABLE = "articles_fts"
EXACT_TABLE = "articles_fts_exact"
INDEXED_TABLE = "articles_fts_indexed"  # which version of each article the indexes hold
FTS_COLUMNS = ("title", "lead", "body_text")
FTS_FIELDS = (*FTS_COLUMNS, "content_sha256")  # an article's, as index_article takes them


def exact_text(text: str | None) -> str:
    """What the exact (diacritic-sensitive) index holds for one field."""
    return unify_tones(text or "")


def folded_text(text: str | None) -> str:
    """What the accent-insensitive index holds: đ -> d (the tokenizer does the rest)."""
    return fold_d(text or "")


@lru_cache(maxsize=65536)
def word_key(word: str, exact: bool) -> str:
    """How a single word compares in each mode (used for highlighting).

    Cached: highlighting looks up every word of each result's text, and an archive's
    vocabulary is small (a few thousand syllables), so most calls are one dict lookup.
    """
    return unify_tones(word).casefold() if exact else fold(word)


# Writing the index


def _article_fields(conn: sqlite3.Connection, article_id: int) -> tuple[Any, ...] | None:
    return conn.execute(
        f"SELECT {', '.join(FTS_FIELDS)} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()


def _indexed_text(
    conn: sqlite3.Connection, article_id: int, sha: str | None
) -> tuple[Any, ...] | None:
    """The title, lead and body the indexes hold for an article (the version `sha`): its
    row, or the old version an edit kept; None if neither has it any more."""
    # `IS`: an article archived before fingerprints were kept has none, and only a save
    # (which gives it one) changes its text.
    return (
        conn.execute(
            "SELECT title, lead, body_text FROM articles WHERE id = ? AND content_sha256 IS ?",
            (article_id, sha),
        ).fetchone()
        or conn.execute(
            "SELECT title, lead, body_text FROM article_versions"
            " WHERE article_id = ? AND content_sha256 = ? ORDER BY id DESC LIMIT 1",
            (article_id, sha),
        ).fetchone()
    )


def _remove(conn: sqlite3.Connection, article_id: int, old: tuple[Any, ...]) -> None:
    """Remove an article's index rows; `old`, the text they were made from."""
    exact = [exact_text(value) for value in old]
    conn.execute(
        f"INSERT INTO {EXACT_TABLE} ({EXACT_TABLE}, rowid, title, lead, body_text)"
        " VALUES ('delete', ?, ?, ?, ?)",
        (article_id, *exact),
    )
    conn.execute(
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, lead, body_text)"
        " VALUES ('delete', ?, ?, ?, ?)",
        (article_id, *(folded_text(value) for value in exact)),
    )
    conn.execute(f"DELETE FROM {INDEXED_TABLE} WHERE id = ?", (article_id,))


def _insert(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Index articles new to the indexes: (id, *FTS_FIELDS) each, one statement a table."""
    exact = [(row[0], exact_text(row[1]), exact_text(row[2]), exact_text(row[3])) for row in rows]
    conn.executemany(
        f"INSERT INTO {EXACT_TABLE} (rowid, title, lead, body_text) VALUES (?, ?, ?, ?)", exact
    )
    conn.executemany(
        f"INSERT INTO {FTS_TABLE} (rowid, title, lead, body_text) VALUES (?, ?, ?, ?)",
        [
            (i, folded_text(title), folded_text(lead), folded_text(body))
            for i, title, lead, body in exact
        ],
    )
    conn.executemany(
        f"INSERT INTO {INDEXED_TABLE} (id, content_sha256) VALUES (?, ?)",
        [(row[0], row[4]) for row in rows],
    )


def index_article(
    conn: sqlite3.Connection, article_id: int, fields: tuple[Any, ...] | None = None
) -> bool:
    """Bring one article's index rows in step with `articles`; True if anything changed.

    Runs inside the caller's transaction. `fields`: the article's FTS_FIELDS, when the
    caller has just written them (read from `articles` otherwise). An article whose
    fingerprint matches what was indexed is left alone, so re-crawls of unchanged
    articles cost two lookups.
    """
    return index_articles(conn, {article_id: fields}) > 0


def index_articles(conn: sqlite3.Connection, articles: Mapping[int, tuple[Any, ...] | None]) -> int:
    """`index_article` for many articles at once (a batch of saves): one lookup of what the
    indexes hold per 500 articles, and one insert statement per table. Returns how many
    articles' index rows changed."""
    ids, indexed = list(articles), {}
    for start in range(0, len(ids), 500):  # SQLite takes only so many "?"
        chunk = ids[start : start + 500]
        indexed.update(
            conn.execute(
                f"SELECT id, content_sha256 FROM {INDEXED_TABLE}"
                f" WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
        )
    fresh, changed = [], 0
    for article_id, fields in articles.items():
        row = fields or _article_fields(conn, article_id)
        if article_id in indexed:
            if row is not None and row[3] is not None and indexed[article_id] == row[3]:
                continue
            old = _indexed_text(conn, article_id, indexed[article_id])
            if old is None:  # what the indexes hold can no longer be named: start them again
                rebuild_index(conn)
                return len(ids)
            _remove(conn, article_id, old)
        if row is not None:
            fresh.append((article_id, *row))
        changed += 1
    _insert(conn, fresh)
    return changed


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Drop and rebuild both FTS tables from `articles`; returns the number of articles."""
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')")
    conn.execute(f"INSERT INTO {EXACT_TABLE} ({EXACT_TABLE}) VALUES ('delete-all')")
    conn.execute(f"DELETE FROM {INDEXED_TABLE}")
    count = 0
    for batch in _batches(conn.execute(f"SELECT id, {', '.join(FTS_FIELDS)} FROM articles")):
        _insert(conn, batch)
        count += len(batch)
    conn.execute(f"INSERT INTO {EXACT_TABLE} ({EXACT_TABLE}) VALUES ('optimize')")
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")
    return count


def _batches(cursor: sqlite3.Cursor, size: int = 500) -> Iterator[list[tuple[Any, ...]]]:
    while batch := cursor.fetchmany(size):
        yield batch


STALE_SQL = f"""
SELECT a.id FROM articles a LEFT JOIN {INDEXED_TABLE} f ON f.id = a.id
WHERE f.id IS NULL OR f.content_sha256 IS NOT a.content_sha256 OR a.content_sha256 IS NULL
UNION ALL
SELECT f.id FROM {INDEXED_TABLE} f WHERE f.id NOT IN (SELECT id FROM articles)
"""


def stale_articles(conn: sqlite3.Connection) -> list[int]:
    """Ids whose index rows are missing, out of date, or left over from a deleted article."""
    return [row[0] for row in conn.execute(STALE_SQL)]


def sync_index(conn: sqlite3.Connection) -> int:
    """Index what is missing or out of date (e.g. an archive just migrated); returns count."""
    stale = stale_articles(conn)
    for article_id in stale:
        index_article(conn, article_id)
    return len(stale)


def index_ready(conn: sqlite3.Connection) -> bool:
    """True if the archive has the FTS tables (schema version 3 or later)."""
    return (
        conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name IN (?, ?)", (FTS_TABLE, EXACT_TABLE)
        ).fetchone()[0]
        == 2
    )
