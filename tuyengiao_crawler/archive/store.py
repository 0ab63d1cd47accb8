"""Writing articles and crawl runs into the SQLite archive, one transaction per item."""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import operator
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import sqlite_utils
from sqlite_utils.db import jsonify_if_needed

from tuyengiao_crawler.archive.checkpoint import SAFETY_NET_PAGES, BackgroundCheckpointer
from tuyengiao_crawler.archive.fts import FTS_FIELDS, index_article, index_articles
from tuyengiao_crawler.archive.schema import SchemaError, migrate
from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.normalize import author_key
from tuyengiao_crawler.normalize.article import ArticleRecord, content_sha256

SQLITE_MAGIC = b"SQLite format 3\x00"
ARTICLE_COLUMNS = (
    "url",
    "site",
    "category",
    "title",
    "lead",
    "body_text",
    "body_html",
    "byline",
    "published_at",
    "updated_at",
    "published_raw",
    "published_source",
    "updated_raw",
    "updated_source",
    "extractor",
    "content_sha256",
    "fetch_id",
    "etag",
    "last_modified",
    "quality",
    "fetched_url",
    "found_via",
)
# How an article was first reached stays as it was when a later fetch reaches it again.
FIRST_ONLY_COLUMNS = ("found_via",)
# What an old version keeps when an edit replaces it.
VERSION_COLUMNS = (
    "content_sha256",
    "fetch_id",
    "title",
    "lead",
    "body_text",
    "body_html",
    "byline",
    "category",
    "published_at",
    "updated_at",
    "published_raw",
    "updated_raw",
)
_SCALARS = frozenset((str, int, float, bytes, type(None)))
# A citation's row in `article_documents`, as `_insert_documents` builds it.
MENTION_COLUMNS = (
    "article_id",
    "document_id",
    "field",
    "surface",
    "start",
    "end",
    "kind",
    "number",
    "issued_on",
    "issuer",
    "named_key",
    "identified_by",
    "reason",
    "partial",
    "fallback_document_id",
    "fallback_identified_by",
    "fallback_reason",
)
CHILD_TABLES = ("article_authors", "article_documents", "images", "attachments", "related_articles")


# Joins `b`, the fetch whose WARC record holds fetch `f`'s payload: `f` itself, or the
# capture its revisit record refers to (`revisit_of`: a 304, or a 200 whose payload was
# the same bytes and was not stored again). Revisits never chain.
# How a document record was identified, weakest first: a later citation may strengthen it.
DOCUMENT_IDENTIFICATION = ("name-only", "number", "learned", "registry")


# The citations `_settle_partials` settles: partial, and not settled by their own article.
SITE_SETTLED = "partial = 1 AND coalesce(identified_by, '') <> 'article'"
BATCH_NUMBERS = 400  # (kind, number) pairs a query names: 800 values, under any SQLite's limit


# What a citation can add to a document record that lacks it (`_document_id`'s upsert).
DOCUMENT_GAPS = ("named_key", "title", "kind", "year", "issued_on", "issuer")


_IDENTIFICATION_RANK = {how: rank for rank, how in enumerate(DOCUMENT_IDENTIFICATION)}


def _adds_to(known: tuple[Any, ...], ref: Mapping[str, Any], how: str) -> bool:
    """Whether a citation (identified `how`) would change the document record `known`
    (id, identified_by, *DOCUMENT_GAPS), as the upsert in `_upsert_document` does."""
    if _IDENTIFICATION_RANK[how] > _IDENTIFICATION_RANK[known[1]]:
        return True
    if None not in known:  # the common case: the record has every detail already
        return False
    return any(
        have is None and ref.get(name) is not None
        for name, have in zip(DOCUMENT_GAPS, known[2:], strict=True)
    )


def _rank(table: str) -> str:
    """SQL for the rank of `table`.identified_by in DOCUMENT_IDENTIFICATION."""
    order = " ".join(DOCUMENT_IDENTIFICATION)
    return f"instr('{order}', {table}.identified_by)"


PAYLOAD_JOIN = "JOIN fetches b ON b.id = coalesce(f.revisit_of, f.id)"


@functools.lru_cache(maxsize=64)
def insert_sql(table: str, columns: tuple[str, ...], ignore: bool = False) -> str:
    """`INSERT [OR IGNORE] INTO table (columns) VALUES (?, ...)`."""
    # Cached: the same few statements for every article, and building their text was a
    # twentieth of a merge's Python.
    return (
        f"INSERT {'OR IGNORE ' if ignore else ''}INTO {table}"
        f" ({', '.join(f'[{c}]' for c in columns)})"
        f" VALUES ({', '.join('?' for _ in columns)})"
    )


class Saved(NamedTuple):
    """What `Archive.save` did: "new", "updated" or "unchanged", and the article's id."""

    status: str
    article_id: int


def _indexed_fields(record: Mapping[str, Any]) -> tuple[Any, ...]:
    """What the search index holds of an article record (archive/fts.py)."""
    return tuple(record[name] for name in FTS_FIELDS)


class ArchiveError(TuyengiaoError):
    """An archive that cannot be opened or written; the message is one line for the user."""


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_sqlite_file(path: Path) -> None:
    """Refuse anything that exists but is not a SQLite database, before SQLite touches it."""
    if path.is_dir():
        raise ArchiveError(f"{path} is a folder, not an archive file")
    if path.exists() and path.stat().st_size:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                raise ArchiveError(f"{path} is not a SQLite database")


class Archive:
    """The archive file: schema migrations on open, WAL, and article/run writes.

    `background_checkpoints` moves the write-ahead log's checkpoints to a second thread
    (archive/checkpoint.py): for a long run of small commits, such as a crawl.
    """

    def __init__(
        self, path: str | Path, *, create: bool = True, background_checkpoints: bool = False
    ) -> None:
        self.path = Path(path)
        check_sqlite_file(self.path)
        if not self.path.exists():
            if not create:
                raise ArchiveError(f"no archive at {self.path}")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ArchiveError(
                    f"cannot create folder {self.path.parent}: {exc.strerror}"
                ) from None
        try:
            # Without sqlite-utils' plugins: they are for its own CLI, and finding them scans
            # every installed package's entry points, 30 ms on each first open.
            self.db = sqlite_utils.Database(self.path, execute_plugins=False)
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.db.enable_wal()
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            migrate(self.db)
        except SchemaError as exc:
            raise ArchiveError(f"{self.path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"cannot open archive {self.path}: {exc}") from None
        self._checkpointer: BackgroundCheckpointer | None = None
        self._batch = False  # inside `batch()`
        # Within a batch, what its saves looked up: document records by key and author ids
        # by key (a merge's most frequent queries); forgotten where the batch changes them.
        self._documents: dict[str, tuple[Any, ...]] = {}
        self._authors: dict[str, int] = {}
        self._unsettled: set[tuple[str | None, str, int]] = set()  # (site, kind, number)
        self._unindexed: dict[int, tuple[Any, ...] | None] = {}  # article id -> its FTS fields
        if background_checkpoints:
            self.db.execute(f"PRAGMA wal_autocheckpoint = {SAFETY_NET_PAGES}")
            self._checkpointer = BackgroundCheckpointer(self.path)
            self._checkpointer.start()

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for many `save_article` calls (a merge): each call then opens
        no savepoint of its own, whose release makes FTS5 flush its pending index, and
        the batch's articles are indexed for search at its end, all at once."""
        with self.db.atomic():
            self._batch, self._unsettled, self._unindexed = True, set(), {}
            try:
                yield
                index_articles(self.conn, self._unindexed)
                by_site: dict[str | None, list[tuple[str, int]]] = {}
                for site, kind, number in self._unsettled:
                    by_site.setdefault(site, []).append((kind, number))
                for site, numbers in by_site.items():
                    self._settle_partials(site, numbers)
            finally:
                self._batch = False
                self._documents.clear()
                self._authors.clear()

    # Articles

    def save_article(
        self,
        item: ArticleRecord | Mapping[str, Any],
        seen_at: str | None = None,
        run_id: int | None = None,
    ) -> str:
        """Insert or update one article and its children atomically, keyed by canonical URL:
        the one way a record enters the archive, from a crawl, a reprocess or a merge.

        `seen_at`: when the article was seen (default now); `run_id`: the crawl run that
        saw it. An edit keeps the replaced version in `article_versions`. Returns "new",
        "updated" or "unchanged".
        """
        return self.save(item, seen_at, run_id).status

    def save(
        self,
        item: ArticleRecord | Mapping[str, Any],
        seen_at: str | None = None,
        run_id: int | None = None,
    ) -> Saved:
        """`save_article`, telling also which article the item was saved as."""
        if isinstance(item, ArticleRecord):
            item = item.as_dict()
        seen_at = seen_at or utc_now()
        record = {name: item.get(name) for name in ARTICLE_COLUMNS}
        record["content_sha256"] = record["content_sha256"] or content_sha256(item)
        record["breadcrumb"] = json.dumps(item.get("breadcrumb") or [], ensure_ascii=False)
        record["last_seen_at"] = seen_at
        record["gone_at"] = record["gone_status"] = None
        with contextlib.nullcontext() if self._batch else self.db.atomic():
            row = self.conn.execute(
                "SELECT id, content_sha256 FROM articles WHERE url = ?", (record["url"],)
            ).fetchone() or self._same_content(record)
            if row is None:
                record["first_seen_at"] = record["version_seen_at"] = seen_at
                article_id = self._insert_rows("articles", [record])
                status = "new"
            elif row[1] == record["content_sha256"]:
                article_id, status = row[0], "unchanged"
                self._update_article(
                    article_id,
                    {
                        key: record[key]
                        for key in (
                            "last_seen_at",
                            "fetch_id",
                            "fetched_url",
                            "etag",
                            "last_modified",
                            "gone_at",
                            "gone_status",
                        )
                    },
                )
            else:
                article_id, status = row[0], "updated"
                self._keep_version(article_id, seen_at, run_id)
                record["version_seen_at"] = seen_at
                for key in FIRST_ONLY_COLUMNS:
                    del record[key]
                self._update_article(article_id, record)
            fresh = status == "new"  # nothing of its own to replace yet
            if status != "unchanged":
                self._replace_children(article_id, record["site"], item, fresh)
            self._replace_related(article_id, item.get("related") or [], fresh)
            # What the item's text is, unless unchanged: then in step, unless archived before
            # the index was.
            fields = _indexed_fields(record) if status != "unchanged" else None
            if self._batch:  # indexed at the batch's end, all at once
                self._unindexed[article_id] = fields or self._unindexed.get(article_id)
            else:
                index_article(self.conn, article_id, fields)
        return Saved(status, article_id)

    def _same_content(self, record: dict[str, Any]) -> tuple[int, str] | None:
        """The archived article this new URL is another link to: the same content (title,
        body, byline, dates, category, images: `content_sha256`) on the same site, where
        the page declares no canonical URL: SharePoint's `Source=` and other navigation
        parameters, DNN's slug and `Default.aspx` forms of one article, IIS paths in
        another case. `record` takes the archived article's URL."""
        found = self.conn.execute(
            "SELECT id, content_sha256, url FROM articles WHERE content_sha256 = ? AND site = ?"
            " ORDER BY id LIMIT 1",
            (record["content_sha256"], record["site"]),
        ).fetchone()
        if found is None:
            return None
        record["url"] = found[2]
        return found[0], found[1]

    # Plain SQL for the per-article writes: sqlite-utils' table helpers look the table up
    # in sqlite_master and open a savepoint on every call (a third of save_article's time
    # in the crawl benchmark). Values are converted exactly as sqlite-utils converts them.

    @staticmethod
    def _value(value: Any) -> Any:
        return value if type(value) in _SCALARS else jsonify_if_needed(value)

    @classmethod
    def _params(cls, rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Each row's values as SQLite takes them. Nearly every value is a scalar already,
        so the types are checked once for all the rows, in C: converting value by value
        was a tenth of a merge's time."""
        rows = list(rows)
        if _SCALARS.issuperset(map(type, itertools.chain.from_iterable(rows))):
            return rows
        return [tuple(map(cls._value, row)) for row in rows]

    def _insert_rows(
        self, table: str, rows: list[Mapping[str, Any]], ignore: bool = False
    ) -> int | None:
        """Insert rows that have the same keys; returns the rowid of a single row."""
        columns = tuple(rows[0])
        sql = insert_sql(table, columns, ignore)
        params = self._params(map(operator.itemgetter(*columns), rows))
        if len(params) > 1:  # one call: SQLite steps the statement in a C loop
            self.conn.executemany(sql, params)
            return None
        return self.conn.execute(sql, params[0]).lastrowid

    def _update_article(self, article_id: int, values: Mapping[str, Any]) -> None:
        columns = list(values)
        self.conn.execute(
            f"UPDATE articles SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE id = ?",
            (*self._params([tuple(values.values())])[0], article_id),
        )

    def _keep_version(self, article_id: int, replaced_at: str, run_id: int | None) -> None:
        columns = ", ".join(VERSION_COLUMNS)
        self.conn.execute(
            f"""
            INSERT INTO article_versions (article_id, first_seen_at, last_seen_at, replaced_at,
                                          replaced_in_run, {columns})
            SELECT id, coalesce(version_seen_at, first_seen_at), last_seen_at, ?, ?, {columns}
            FROM articles WHERE id = ?
            """,
            (replaced_at, run_id, article_id),
        )

    def touch_article(
        self, url: str, seen_at: str | None = None, fetch_id: int | None = None
    ) -> bool:
        """Record that an archived article was seen unchanged (a 304); False if unknown."""
        with self.db.atomic():
            cursor = self.conn.execute(
                "UPDATE articles SET last_seen_at = ?, fetch_id = coalesce(?, fetch_id),"
                " gone_at = NULL, gone_status = NULL WHERE url = ?",
                (seen_at or utc_now(), fetch_id, url),
            )
        return cursor.rowcount > 0

    def mark_gone(self, url: str, status: int, seen_at: str | None = None) -> bool:
        """Mark an archived article as gone (404/410); nothing is deleted. False if unknown
        or already marked."""
        with self.db.atomic():
            cursor = self.conn.execute(
                "UPDATE articles SET gone_at = ?, gone_status = ? WHERE url = ? AND gone_at IS NULL",
                (seen_at or utc_now(), status, url),
            )
        return cursor.rowcount > 0

    def article_urls(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT url FROM articles")}

    def last_completed_run(self, start_urls: Iterable[str]) -> str | None:
        """When the latest crawl from these start URLs that ran to its end started (UTC,
        ISO 8601), or None: only after such a run can a later one trust the archive as a
        baseline and skip what it already holds. A `degraded` run (its extraction fell,
        archive/coverage.py) ran to its end and fetched what it found: a baseline too."""
        row = self.conn.execute(
            "SELECT max(started_at) FROM crawl_runs WHERE start_urls = ?"
            " AND finish_reason = 'finished' AND status IN ('ok', 'partial', 'degraded')",
            (json.dumps(list(start_urls)),),
        ).fetchone()
        return row[0]

    def stopped_runs(self, start_urls: Iterable[str]) -> list[int]:
        """The runs of these start URLs since the last that ran to its end, if all were
        stopped or killed: what a resumed crawl continues (oldest first)."""
        key = json.dumps(list(start_urls))
        last = self.conn.execute(
            "SELECT coalesce(max(id), 0) FROM crawl_runs WHERE start_urls = ?"
            " AND finish_reason = 'finished' AND status IN ('ok', 'partial', 'degraded')",
            (key,),
        ).fetchone()[0]
        runs = self.conn.execute(
            "SELECT id, status FROM crawl_runs WHERE start_urls = ? AND id > ? ORDER BY id",
            (key, last),
        ).fetchall()
        return [r[0] for r in runs] if all(r[1] == "interrupted" for r in runs) else []

    def latest_run_stopped(self) -> bool:
        """Whether the archive's latest run was stopped or killed (or is still marked
        running: a process that died)."""
        row = self.conn.execute("SELECT status FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
        return bool(row) and row[0] in ("interrupted", "running")

    def articles_fetched_in(self, run_ids: Iterable[int]) -> list[tuple[Any, ...]]:
        """(url, fetched_url, status, warc_file, warc_offset) of the articles whose last
        fetch was by one of these runs, with the record that holds that fetch's payload."""
        ids = list(run_ids)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        return self.conn.execute(
            "SELECT a.url, f.url, b.status, b.warc_file, b.warc_offset FROM articles a"
            f" JOIN fetches f ON f.id = a.fetch_id {PAYLOAD_JOIN}"
            f" WHERE f.run_id IN ({marks}) ORDER BY f.id",
            ids,
        ).fetchall()

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(etag, last_modified) of an archived article, or None if it is not archived."""
        row = self.conn.execute(
            "SELECT etag, last_modified FROM articles WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def _replace_children(
        self, article_id: int, site: str | None, item: Mapping[str, Any], fresh: bool = False
    ) -> None:
        """The article's authors, documents, images and attachments as the item has them
        (`fresh`: a new article, which has none to remove)."""
        numbers = set() if fresh else self._cited_numbers(article_id)  # may be gone now
        if not fresh:
            for table in CHILD_TABLES:
                if table != "related_articles":
                    self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self._insert_authors(article_id, item.get("authors") or [])
        numbers |= self._insert_documents(article_id, item.get("documents") or [])
        if self._batch:  # once per number at the batch's end, for all its articles
            self._unsettled.update((site, kind, number) for kind, number in numbers)
        else:
            self._settle_partials(site, numbers)
        self._insert_positioned(
            "images", article_id, item.get("images") or [], ("url", "caption", "alt")
        )
        self._insert_positioned(
            "attachments", article_id, item.get("attachments") or [], ("url", "title")
        )

    def _replace_related(
        self, article_id: int, related: list[Mapping[str, Any]], fresh: bool = False
    ) -> None:
        if not fresh:
            self.conn.execute("DELETE FROM related_articles WHERE article_id = ?", (article_id,))
        self._insert_positioned("related_articles", article_id, related, ("url", "title"))

    def _insert_positioned(
        self,
        table: str,
        article_id: int,
        rows: Iterable[Mapping[str, Any]],
        columns: tuple[str, ...],
    ) -> None:
        records = [
            {"article_id": article_id, "position": position, **{c: row.get(c) for c in columns}}
            for position, row in enumerate(rows)
            if row.get("url")
        ]
        if records:
            self._insert_rows(table, records)

    def _insert_authors(self, article_id: int, authors: Iterable[Mapping[str, str]]) -> None:
        links = []
        for position, author in enumerate(authors):
            key = author_key(author["name"])
            if not key:
                continue
            author_id = self._authors.get(key)
            if author_id is None:
                self.conn.execute(
                    "INSERT OR IGNORE INTO authors (name, key) VALUES (?, ?)",
                    (author["name"], key),
                )
                author_id = self.conn.execute(
                    "SELECT id FROM authors WHERE key = ?", (key,)
                ).fetchone()[0]
                if self._batch:
                    self._authors[key] = author_id
            links.append(
                {
                    "article_id": article_id,
                    "author_id": author_id,
                    "role": author["role"],
                    "position": position,
                }
            )
        if links:
            self._insert_rows("article_authors", links, ignore=True)

    def _insert_documents(
        self, article_id: int, references: Iterable[Mapping[str, Any]]
    ) -> set[tuple[str, int]]:
        """The article's citations; returns the (kind, number) they name."""
        mentions = []
        numbers: set[tuple[str, int]] = set()
        for ref in references:
            get = ref.get
            canonical, named, kind, number = (
                get("canonical"), get("named_key"), get("kind"), get("number")
            )  # fmt: skip
            document_id = None
            identified_by, reason = get("identified_by"), get("reason")
            if not canonical and named:
                document_id = self._learned_document(named)
                if document_id is not None:
                    identified_by, reason = "learned", None
            if document_id is None and (get("document_key") or canonical):
                document_id = self._document_id(ref)
            # The article's own full references were tried first (normalize); one it does
            # not settle is settled by the site's (`_settle_partials`), before the
            # registry's ("Chỉ thị 05" on a provincial site), with this as its fallback.
            partial = bool(get("partial"))
            by_site = partial and get("identified_by") != "article"
            if kind and number is not None:
                numbers.add((kind, number))
            mentions.append(
                (
                    article_id,
                    document_id,
                    get("field", "body_text"),
                    ref["surface"],
                    ref["start"],
                    ref["end"],
                    kind,
                    number,
                    get("issued_on"),
                    get("issuer"),
                    named,
                    identified_by or ("number" if canonical else None),
                    reason,
                    int(partial),
                    document_id if by_site else None,
                    identified_by if by_site else None,
                    reason if by_site else None,
                )
            )
        if mentions:
            self.conn.executemany(
                insert_sql("article_documents", MENTION_COLUMNS), self._params(mentions)
            )
        return numbers

    def _cited_numbers(self, article_id: int) -> set[tuple[str, int]]:
        """The (kind, number) of the article's citations, before they are replaced."""
        return set(
            self.conn.execute(
                "SELECT DISTINCT kind, number FROM article_documents"
                " WHERE article_id = ? AND kind IS NOT NULL AND number IS NOT NULL",
                (article_id,),
            ).fetchall()
        )

    def _settle_partials(self, site: str | None, numbers: Iterable[tuple[str, int]]) -> None:
        """Each partial reference on `site` to one of these (kind, number) takes the one
        numbered document the site's full references of it name, else its fallback: a
        function of what the site holds, whatever order articles came in."""
        for kind, number in self._partially_cited(numbers):
            found = self.conn.execute(
                """
                SELECT DISTINCT d.id, d.canonical FROM article_documents m
                JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = m.document_id
                WHERE m.kind = ? AND m.number = ? AND coalesce(m.partial, 0) = 0
                    AND d.canonical IS NOT NULL AND a.site = ?
                ORDER BY d.canonical
                """,
                (kind, number, site),
            ).fetchall()
            # EXISTS, not `article_id IN (SELECT id FROM articles WHERE site = ?)`: that
            # lists every article of the site for each number (a merge spent a tenth of
            # its time there at 2,000 articles, and it grows with the archive).
            where = (
                f"kind = ? AND number = ? AND {SITE_SETTLED} AND EXISTS (SELECT 1 FROM articles a"
                " WHERE a.id = article_documents.article_id AND a.site = ?)"
            )
            if len(found) == 1:
                self.conn.execute(
                    "UPDATE article_documents SET document_id = ?, identified_by = 'site',"
                    f" reason = NULL WHERE {where}",
                    (found[0][0], kind, number, site),
                )
                continue
            ambiguous = "partial: ambiguous on the site (" + ", ".join(r[1] for r in found) + ")"
            self.conn.execute(
                "UPDATE article_documents SET document_id = fallback_document_id,"
                " identified_by = fallback_identified_by, reason = CASE"
                " WHEN fallback_document_id IS NULL AND ? THEN ? ELSE fallback_reason END"
                f" WHERE {where}",
                (len(found) > 1, ambiguous, kind, number, site),
            )

    def _partially_cited(self, numbers: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
        """Those of these (kind, number) that a partial reference the site settles names,
        anywhere: few do. One query for many numbers (a merge's batch names thousands)."""
        numbers, found = list(numbers), []
        for start in range(0, len(numbers), BATCH_NUMBERS):
            chunk = numbers[start : start + BATCH_NUMBERS]
            found += self.conn.execute(
                "SELECT DISTINCT m.kind, m.number FROM"
                f" (VALUES {', '.join('(?, ?)' for _ in chunk)}) AS wanted"
                " JOIN article_documents m ON m.kind = wanted.column1"
                f" AND m.number = wanted.column2 WHERE {SITE_SETTLED} ORDER BY 1, 2",
                [value for pair in chunk for value in pair],
            ).fetchall()
        return found

    def _learned_document(self, named_key: str) -> int | None:
        """The numbered document an earlier article linked this name to, if any."""
        row = self.conn.execute(
            "SELECT id FROM documents WHERE named_key = ? AND canonical IS NOT NULL LIMIT 1",
            (named_key,),
        ).fetchone()
        return row[0] if row else None

    def _document_id(self, ref: Mapping[str, Any]) -> int:
        # A document is one row however many articles cite it, by number or by name;
        # details one mention gives (date, issuer, name) fill the gaps others left, and
        # the strongest identification wins.
        canonical, named = ref.get("canonical"), ref.get("named_key")
        key = ref.get("document_key") or canonical
        if ref.get("title"):
            how = "registry"
        elif canonical and named:
            how = "learned"
        else:
            how = "number" if canonical else "name-only"
        known = (
            self._documents.get(key)
            or self.conn.execute(
                f"SELECT id, identified_by, {', '.join(DOCUMENT_GAPS)} FROM documents WHERE key = ?",
                (key,),
            ).fetchone()
        )
        if known is not None and not _adds_to(known, ref, how):
            document_id = known[0]  # most citations: a document recorded, nothing new
            if self._batch:
                self._documents[key] = known
        else:
            document_id = self._upsert_document(key, how, ref)
            self._documents.pop(key, None)
        if canonical and named:
            self._merge_named(document_id, named)
        return document_id

    def _upsert_document(self, key: str, how: str, ref: Mapping[str, Any]) -> int:
        self.conn.execute(
            f"""
            INSERT INTO documents (key, canonical, named_key, title, identified_by, kind,
                number, year, type_code, issuer_code, issued_on, issuer)
            VALUES (:key, :canonical, :named_key, :title, :how, :kind,
                :number, :year, :type_code, :issuer_code, :issued_on, :issuer)
            ON CONFLICT(key) DO UPDATE SET
                named_key = coalesce(documents.named_key, excluded.named_key),
                title = coalesce(documents.title, excluded.title),
                identified_by = CASE
                    WHEN {_rank("excluded")} > {_rank("documents")} THEN excluded.identified_by
                    ELSE documents.identified_by END,
                kind = coalesce(documents.kind, excluded.kind),
                year = coalesce(documents.year, excluded.year),
                issued_on = coalesce(documents.issued_on, excluded.issued_on),
                issuer = coalesce(documents.issuer, excluded.issuer)
            """,
            {
                "key": key,
                "how": how,
                **{
                    k: ref.get(k)
                    for k in (
                        "canonical",
                        "named_key",
                        "title",
                        "kind",
                        "number",
                        "year",
                        "type_code",
                        "issuer_code",
                        "issued_on",
                        "issuer",
                    )
                },
            },
        )
        return self.conn.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()[0]

    def _merge_named(self, document_id: int, named_key: str) -> None:
        """A name now known to be this number: its name-only record joins this one."""
        for (other,) in self.conn.execute(
            "SELECT id FROM documents WHERE canonical IS NULL AND (key = ? OR named_key = ?)",
            (named_key, named_key),
        ).fetchall():
            self.conn.execute(
                "UPDATE article_documents SET document_id = ?, identified_by = 'learned',"
                " reason = NULL WHERE document_id = ?",
                (document_id, other),
            )
            self.conn.execute("DELETE FROM documents WHERE id = ?", (other,))
            self._documents.clear()  # by key: which of them was `other` is not known here

    # Runs

    def start_run(
        self,
        start_urls: Iterable[str],
        profile: str | None,
        mode: str | None = None,
        pid: int | None = None,
    ) -> int:
        with self.db.atomic():
            table = self.db["crawl_runs"].insert(
                {
                    "started_at": utc_now(),
                    "status": "running",
                    "start_urls": json.dumps(list(start_urls)),
                    "profile": profile,
                    "mode": mode,
                    "pid": pid,
                }
            )
        return int(table.last_pk)

    def finish_run(self, run_id: int, status: str, counts: Mapping[str, Any]) -> None:
        with self.db.atomic():
            self.db["crawl_runs"].update(
                run_id, {"finished_at": utc_now(), "status": status, **counts}
            )

    def close_stale_runs(self) -> int:
        """Mark runs left "running" by a process that died (SIGKILL, power loss) as
        interrupted. Only call with the archive's lock held."""
        with self.db.atomic():
            cursor = self.conn.execute(
                "UPDATE crawl_runs SET status = 'interrupted', finish_reason = 'killed'"
                " WHERE status = 'running'"
            )
        return cursor.rowcount

    def run(self, run_id: int) -> dict[str, Any]:
        return self.db["crawl_runs"].get(run_id)
