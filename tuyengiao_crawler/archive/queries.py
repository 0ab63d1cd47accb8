"""Read-only questions researchers and the CLI ask of an archive."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tuyengiao_crawler.archive.coverage import coverage_history
from tuyengiao_crawler.archive.schema import SCHEMA_VERSION
from tuyengiao_crawler.archive.store import ArchiveError, check_sqlite_file
from tuyengiao_crawler.archive.timeline import fill_months

HEADER_BYTES = 100
# SQLite's words for a file whose pages are not what its header and schema promise.
DAMAGE_WORDS = ("malformed", "not a database", "vtable constructor failed", "corrupt")


def _has_log(path: Path) -> bool:
    """Whether a write-ahead log or rollback journal beside the file holds pages SQLite will
    replay (a crawl killed during a checkpoint leaves the file shorter than its header says
    until then)."""
    return any(
        log.is_file() and log.stat().st_size > 0
        for log in (Path(f"{path}-wal"), Path(f"{path}-journal"))
    )


def check_archive_file(path: str | Path, *, empty_ok: bool = False) -> None:
    """Refuse, from its size and first 100 bytes alone, a file that is no sound SQLite
    database: a folder, another kind of file, an empty file (unless `empty_ok`: a crawl
    makes its archive in one), a garbled header, a file cut short. Cheap, so every command
    can afford it before it opens (or locks) anything; damage further in is found when
    SQLite reads it."""
    path = Path(path)
    check_sqlite_file(path)
    if not path.is_file():
        return
    size = path.stat().st_size
    if size == 0:
        if empty_ok:
            return
        raise ArchiveError(f"{path} is empty (0 bytes), not an archive")
    with path.open("rb") as handle:
        header = handle.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES:
        raise ArchiveError(f"{path} is damaged: {size} bytes, shorter than a SQLite header")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise ArchiveError(f"{path} is damaged: its SQLite header is garbled")
    pages = int.from_bytes(header[28:32], "big")
    # The page count is trusted only when it was written with the last change (SQLite's rule).
    counted = pages and header[24:28] == header[92:96]
    if counted and size < pages * page_size and not _has_log(path):
        raise ArchiveError(
            f"{path} is damaged: cut short at {size:,} of {pages * page_size:,} bytes; "
            "restore it from a backup"
        )


def damage_message(path: str | Path, exc: sqlite3.Error) -> str:
    """One line for an SQLite error met while reading an archive."""
    if any(word in str(exc).lower() for word in DAMAGE_WORDS):
        return f"{path} is damaged ({exc}); restore it from a backup"
    return f"cannot read {path}: {exc}"


# Reads through a memory map rather than a read() per page: a search of a large archive
# reads index pages scattered over the file (bm25 looks up each match's sizes), and the
# system calls were a third of its time at 100,000 articles. SQLite's own upper limit (2 GB).
MMAP_BYTES = 0x7FFF0000


class ReadConnection(sqlite3.Connection):
    """What `open_readonly` returns: a plain connection that can open a second one to the
    same file (`sibling`), for a query that runs in a thread meanwhile (search's count)."""

    _sibling: sqlite3.Connection | None = None

    def sibling(self) -> sqlite3.Connection:
        """Another read-only connection to this file, opened once; closed with this one."""
        if self._sibling is None:
            path = self.execute("PRAGMA database_list").fetchone()[2]
            sibling = sqlite3.connect(
                f"{Path(path).as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            sibling.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self._sibling = sibling
        return self._sibling

    def close(self) -> None:
        if self._sibling is not None:
            self._sibling.close()
        super().close()


def open_readonly(path: str | Path, *, check_pages: bool = False) -> sqlite3.Connection:
    """A read-only connection to an existing archive of a schema this tool understands.

    An empty, truncated or garbled file, or a SQLite database that is no archive, is a
    one-line ArchiveError, and the file is never written. `check_pages` also reads every
    page (`PRAGMA quick_check`, a few seconds a GB): for commands that are about to write,
    since a write into a damaged file can spread the damage."""
    path = Path(path)
    if not path.exists():
        raise ArchiveError(f"no archive at {path}")
    check_archive_file(path)
    conn = None
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, factory=ReadConnection
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        # Parsing the schema now finds a garbled schema page at once, in one line, rather
        # than in the middle of a command's output.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        problems = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if check_pages else "ok"
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise ArchiveError(damage_message(path, exc)) from None
    if problems != "ok":
        conn.close()
        first = " ".join(problems.replace("*** in database main ***", "").split())
        raise ArchiveError(f"{path} is damaged ({first}); restore it from a backup")
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


# What a read-only query may do (sqlite3 authorizer actions); anything else is refused.
_READ_ACTIONS = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_RECURSIVE})
# PRAGMAs whose argument names a table or index, or a limit: they only report.
_REPORTING_PRAGMAS = frozenset(
    {
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
        "collation_list", "database_list", "function_list", "module_list", "pragma_list",
        "compile_options",
    }
)  # fmt: skip
# PRAGMAs that set a value when given one: read-only only without it.
_VALUE_PRAGMAS = frozenset(
    {
        "user_version", "schema_version", "application_id", "data_version", "page_size",
        "page_count", "freelist_count", "max_page_count", "encoding", "journal_mode",
        "auto_vacuum", "foreign_keys", "recursive_triggers", "query_only", "cache_size",
    }
)  # fmt: skip
_SCHEMA_TABLES = frozenset({"sqlite_master", "sqlite_schema", "sqlite_temp_master"})
_ACTION_NAMES = {
    sqlite3.SQLITE_INSERT: "INSERT",
    sqlite3.SQLITE_UPDATE: "UPDATE",
    sqlite3.SQLITE_DELETE: "DELETE",
    sqlite3.SQLITE_ATTACH: "ATTACH",
    sqlite3.SQLITE_DETACH: "DETACH",
    sqlite3.SQLITE_TRANSACTION: "a transaction",
    sqlite3.SQLITE_SAVEPOINT: "a savepoint",
    sqlite3.SQLITE_ALTER_TABLE: "ALTER TABLE",
    sqlite3.SQLITE_REINDEX: "REINDEX",
    sqlite3.SQLITE_ANALYZE: "ANALYZE",
    sqlite3.SQLITE_CREATE_VTABLE: "CREATE VIRTUAL TABLE",
    sqlite3.SQLITE_DROP_VTABLE: "DROP VIRTUAL TABLE",
}


class ReadOnlyGuard:
    """An sqlite3 authorizer (`conn.set_authorizer`) that lets a statement read and nothing
    else: no ATTACH or DETACH (VACUUM and VACUUM INTO attach a database, so they are refused
    too: they write files although the connection is read-only), no PRAGMA that sets a
    value, no write, schema change or transaction. `refused` says what was refused first.

    SQLite checks these while it compiles a statement, so nothing runs and no file is made.
    """

    def __init__(self) -> None:
        self.refused: str | None = None

    def __call__(
        self, action: int, arg1: str | None, arg2: str | None, db: str | None, source: str | None
    ) -> int:
        if self._allowed(action, arg1, arg2):
            return sqlite3.SQLITE_OK
        if self.refused is None:
            self.refused = self._describe(action, arg1, arg2)
        return sqlite3.SQLITE_DENY

    @staticmethod
    def _allowed(action: int, arg1: str | None, arg2: str | None) -> bool:
        if action in _READ_ACTIONS:
            return True
        if action == sqlite3.SQLITE_FUNCTION:
            return (arg2 or "").lower() != "load_extension"
        if action == sqlite3.SQLITE_PRAGMA:
            name = (arg1 or "").lower()
            return name in _REPORTING_PRAGMAS or (name in _VALUE_PRAGMAS and arg2 is None)
        # SQLite asks to UPDATE its schema table when a statement first uses a virtual
        # table (the full-text index, pragma_table_info()); no statement can change that
        # table without PRAGMA writable_schema, which is refused above.
        return action == sqlite3.SQLITE_UPDATE and arg1 in _SCHEMA_TABLES

    @staticmethod
    def _describe(action: int, arg1: str | None, arg2: str | None) -> str:
        if action == sqlite3.SQLITE_ATTACH:
            return f"ATTACH or VACUUM INTO {arg1!r}" if arg1 else "VACUUM"
        if action == sqlite3.SQLITE_PRAGMA:
            return f"PRAGMA {arg1} = {arg2}" if arg2 is not None else f"PRAGMA {arg1}"
        if action == sqlite3.SQLITE_FUNCTION:
            return f"{arg2}()"
        if action in (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE):
            return f"{_ACTION_NAMES[action]} on {arg1}"
        return _ACTION_NAMES.get(action, "a write or schema change")


@contextmanager
def guard_reads(conn: sqlite3.Connection) -> Iterator[ReadOnlyGuard]:
    """While in the block, `conn` refuses everything but reading (for user-written SQL);
    yields the guard, whose `refused` names what a failed statement tried."""
    was_query_only = conn.execute("PRAGMA query_only").fetchone()[0]
    conn.execute("PRAGMA query_only = ON")  # a second lock, should the authorizer be lifted
    guard = ReadOnlyGuard()
    conn.set_authorizer(guard)
    try:
        yield guard
    finally:
        conn.set_authorizer(None)
        conn.execute(f"PRAGMA query_only = {int(bool(was_query_only))}")


def _rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in conn.execute(sql, params)]


def _document_key(conn: sqlite3.Connection) -> str:
    """The documents column that names a document: `key` since schema 12, else `canonical`
    (stats read an older archive as it is, without migrating it)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    return "key" if "key" in columns else "canonical"


def archive_stats(conn: sqlite3.Connection, top: int = 10) -> dict[str, Any]:
    """Counts, date range, articles by category and month, top authors and documents, runs,
    and the extraction coverage of the last runs (archive/coverage.py: one row per site of
    each run, shares in percent of the run's new and updated articles)."""
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
        # Every month from the first to the last, 0 where nothing was published.
        "by_month": fill_months(
            _rows(
                conn,
                "SELECT substr(published_at, 1, 7) AS month, count(*) AS articles FROM articles"
                " WHERE length(published_at) >= 7 GROUP BY 1 ORDER BY 1",
            )
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
            f"SELECT documents.{_document_key(conn)} AS document, documents.kind,"
            " count(DISTINCT article_id) AS articles"
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
        "coverage": coverage_history(conn, top),
    }
