"""Full-text search index over articles (title, lead, body_text), kept in step by the code.

Two FTS5 tables, both written here and nowhere else (no triggers):

- `articles_fts_exact` holds the article text as stored (NFC) with one tone placement
  ("hoà" -> "hòa", "thuỷ" -> "thủy"), tokenised with diacritics kept: `--exact` search.
  It keeps its own copy of the text and the article's `content_sha256` (UNINDEXED), so
  the code can tell which rows are out of step.
- `articles_fts` is contentless and holds the same text with đ/Đ folded to d/D, tokenised
  with `remove_diacritics 2`: the accent-insensitive default search, and the table
  Datasette's search box uses. The tokenizer already removes every other diacritic and
  the case, but đ has no Unicode decomposition, so it is folded here in Python.

A contentless table forgets what it indexed; a row is removed by giving it the same
values again, which are rebuilt from `articles_fts_exact` with `folded_text`. If that
function ever changes, existing archives must be rebuilt (`tuyengiao reindex`).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

FTS_TABLE = "articles_fts"
EXACT_TABLE = "articles_fts_exact"
FTS_COLUMNS = ("title", "lead", "body_text")

# đ and the look-alikes the crawler may meet (Icelandic eth, African D) fold to d.
_D_FOLD = str.maketrans(
    {"Đ": "D", "đ": "d", "\u00d0": "D", "\u00f0": "d", "\u0189": "D", "\u0256": "d"}
)
_D_FOLD_PAIRS = tuple((chr(code), value) for code, value in _D_FOLD.items())
# Old tone placement (hoà, thuỷ, khoẻ) moved to the new one (hòa, thủy, khỏe): the tone
# of a syllable-final oa/oe/uy goes onto the first vowel. Works on NFD text; the NFC
# result has the same length, so offsets into the original text stay valid.
_TONE_SWAP_RE = re.compile(
    r"([oOuU])([aeyAEY])([\u0300\u0301\u0303\u0309\u0323])(?![\w\u0300-\u036f])"
)
_COMBINING_RE = re.compile(r"[\u0300-\u036f]")
# A quick test on NFC text for where _TONE_SWAP_RE can match in its NFD: o/u followed by a
# precomposed letter whose decomposition is a/e/y with a tone mark first (à, ả, ỵ, ặ...).
# In NFC text nothing else decomposes to that sequence, so text without such a pair comes
# back unchanged and the decompose/recompose of the whole article is skipped.
_TONED_AEY = "".join(
    ch
    for ch in map(chr, range(0xC0, 0x1F00))
    if len(nfd := unicodedata.normalize("NFD", ch)) > 1
    and nfd[0] in "aeyAEY"
    and nfd[1] in "\u0300\u0301\u0303\u0309\u0323"
)
_TONE_SWAP_CANDIDATE_RE = re.compile(f"[oOuU][{_TONED_AEY}]")


def unify_tones(text: str) -> str:
    """NFC text with one tone placement for oa/oe/uy; same length as NFC(text) in practice."""
    if unicodedata.is_normalized("NFC", text) and not _TONE_SWAP_CANDIDATE_RE.search(text):
        return text
    nfd = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _TONE_SWAP_RE.sub(r"\1\3\2", nfd))


def exact_text(text: str | None) -> str:
    """What the exact (diacritic-sensitive) index holds for one field."""
    return unify_tones(text or "")


def folded_text(text: str | None) -> str:
    """What the accent-insensitive index holds: đ -> d (the tokenizer does the rest)."""
    # Same result as `.translate(_D_FOLD)`, which looks every character up in a dict and
    # took most of the indexing time; these scans are hundreds of times faster.
    text = text or ""
    for char, ascii_char in _D_FOLD_PAIRS:
        if char in text:
            text = text.replace(char, ascii_char)
    return text


@lru_cache(maxsize=65536)
def word_key(word: str, exact: bool) -> str:
    """How a single word compares in each mode (used for highlighting).

    Cached: highlighting looks up every word of each result's text, and an archive's
    vocabulary is small (a few thousand syllables), so most calls are one dict lookup.
    """
    if exact:
        return unify_tones(word).casefold()
    decomposed = unicodedata.normalize("NFD", word.translate(_D_FOLD))
    return _COMBINING_RE.sub("", decomposed).casefold()


def fold(text: str | None) -> str:
    """Accent-free, casefolded, single-spaced text (for filters on names and categories)."""
    return " ".join(word_key(text or "", exact=False).split())


# Writing the index


def _article_fields(conn: sqlite3.Connection, article_id: int) -> tuple[Any, ...] | None:
    return conn.execute(
        "SELECT title, lead, body_text, content_sha256 FROM articles WHERE id = ?", (article_id,)
    ).fetchone()


def _remove(conn: sqlite3.Connection, article_id: int) -> None:
    old = conn.execute(
        f"SELECT title, lead, body_text FROM {EXACT_TABLE} WHERE rowid = ?", (article_id,)
    ).fetchone()
    if old is None:
        return
    conn.execute(
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, lead, body_text)"
        " VALUES ('delete', ?, ?, ?, ?)",
        (article_id, *(folded_text(value) for value in old)),
    )
    conn.execute(f"DELETE FROM {EXACT_TABLE} WHERE rowid = ?", (article_id,))


def _insert(conn: sqlite3.Connection, article_id: int, row: tuple[Any, ...]) -> None:
    title, lead, body, sha = (exact_text(row[0]), exact_text(row[1]), exact_text(row[2]), row[3])
    conn.execute(
        f"INSERT INTO {EXACT_TABLE} (rowid, title, lead, body_text, content_sha256)"
        " VALUES (?, ?, ?, ?, ?)",
        (article_id, title, lead, body, sha),
    )
    conn.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, title, lead, body_text) VALUES (?, ?, ?, ?)",
        (article_id, folded_text(title), folded_text(lead), folded_text(body)),
    )


def index_article(conn: sqlite3.Connection, article_id: int) -> bool:
    """Bring one article's index rows in step with `articles`; True if anything changed.

    Runs inside the caller's transaction. An article whose fingerprint matches what
    was indexed is left alone, so re-crawls of unchanged articles cost two lookups.
    """
    row = _article_fields(conn, article_id)
    indexed = conn.execute(
        f"SELECT content_sha256 FROM {EXACT_TABLE} WHERE rowid = ?", (article_id,)
    ).fetchone()
    if row is not None and indexed is not None and row[3] is not None and indexed[0] == row[3]:
        return False
    _remove(conn, article_id)
    if row is not None:
        _insert(conn, article_id, row)
    return True


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Drop and rebuild both FTS tables from `articles`; returns the number of articles."""
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')")
    conn.execute(f"DELETE FROM {EXACT_TABLE}")
    count = 0
    for batch in _batches(
        conn.execute("SELECT id, title, lead, body_text, content_sha256 FROM articles")
    ):
        for row in batch:
            _insert(conn, row[0], row[1:])
        count += len(batch)
    conn.execute(f"INSERT INTO {EXACT_TABLE} ({EXACT_TABLE}) VALUES ('optimize')")
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")
    return count


def _batches(cursor: sqlite3.Cursor, size: int = 500) -> Iterator[list[tuple[Any, ...]]]:
    while batch := cursor.fetchmany(size):
        yield batch


STALE_SQL = f"""
SELECT a.id FROM articles a LEFT JOIN {EXACT_TABLE} f ON f.rowid = a.id
WHERE f.rowid IS NULL OR f.content_sha256 IS NOT a.content_sha256 OR a.content_sha256 IS NULL
UNION ALL
SELECT f.rowid FROM {EXACT_TABLE} f WHERE f.rowid NOT IN (SELECT id FROM articles)
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
