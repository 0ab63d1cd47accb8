"""Streaming exports of archive tables, views or queries to CSV, JSON and JSON Lines.

Rows are read from a cursor in batches and written as they come, so memory stays flat
however big the archive is. Columns that hold JSON arrays (authors, documents, the
breadcrumb...) are real arrays in JSON/JSONL and "; "-joined text in CSV.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tuyengiao_crawler.archive.queries import guard_reads
from tuyengiao_crawler.archive.search import ArticleFilters, filter_clauses, prepare_connection
from tuyengiao_crawler.errors import TuyengiaoError

FORMATS = ("csv", "json", "jsonl")
SUFFIXES = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
# Public tables and views, and the column that ties each row to an article (for filters).
TABLES: dict[str, str | None] = {
    "articles": "id",
    "article_details": "id",
    "citations": "article_id",
    "authors": None,
    "article_authors": "article_id",
    "documents": None,
    "article_documents": "article_id",
    "images": "article_id",
    "attachments": "article_id",
    "related_articles": "article_id",
    "article_versions": "article_id",
    "crawl_runs": None,
    "fetches": None,
}
# Columns stored as JSON arrays, whichever table or query they come from.
JSON_COLUMNS = {
    "authors",
    "organizations",
    "documents",
    "document_kinds",
    "breadcrumb",
    "start_urls",
}
LIST_SEPARATOR = "; "
BATCH = 1000


class ExportError(TuyengiaoError):
    """A bad format, table, query or output path; one line."""


def format_for(fmt: str | None, out: str | None) -> str:
    """The format asked for, or the one the output file's suffix names."""
    if fmt is None and out:
        fmt = SUFFIXES.get(Path(out).suffix.lower())
        if fmt is None:
            raise ExportError(f"cannot tell the format from {out!r}; give --format csv|json|jsonl")
    fmt = (fmt or "csv").lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose csv, json or jsonl")
    return fmt


def export_sql(
    conn: sqlite3.Connection,
    table: str | None = None,
    query: str | None = None,
    filters: ArticleFilters | None = None,
) -> tuple[str, dict[str, Any]]:
    """The SELECT to stream, with its parameters."""
    if table and query:
        raise ExportError("give --table or --query, not both")
    if query:
        if filters is not None and filters.active():
            raise ExportError("filters apply to --table exports; put conditions in --query")
        return query, {}
    table = table or "articles"
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; choose one of: {', '.join(TABLES)}")
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')", (table,)
    ).fetchone()
    if not exists:
        raise ExportError(f"this archive has no table {table!r}; open it once with a newer tool")
    sql = f"SELECT * FROM {table}"
    clauses, params = filter_clauses(filters)
    if clauses:
        key = TABLES[table]
        if key is None:
            raise ExportError(
                f"filters apply to article tables, not {table!r}: "
                + ", ".join(name for name, column in TABLES.items() if column)
            )
        sql += f" WHERE {key} IN (SELECT a.id FROM articles a WHERE {' AND '.join(clauses)})"
    order = "id" if table not in {"article_authors"} else "article_id, position"
    return f"{sql} ORDER BY {order}", params


def stream_rows(
    conn: sqlite3.Connection, sql: str, params: dict[str, Any] | None = None
) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Column names and a lazy iterator over the rows of `sql`."""
    prepare_connection(conn)
    conn.row_factory = None
    try:
        cursor = conn.execute(sql, params or {})
    except (sqlite3.OperationalError, sqlite3.ProgrammingError, sqlite3.Warning) as exc:
        raise ExportError(f"cannot run the query: {exc}") from None
    if cursor.description is None:
        raise ExportError("the query returns no rows (only SELECT statements can be exported)")
    columns = [d[0] for d in cursor.description]

    def rows() -> Iterator[tuple[Any, ...]]:
        while batch := cursor.fetchmany(BATCH):
            yield from batch

    return columns, rows()


def _decoder(columns: list[str]) -> list[int]:
    return [i for i, name in enumerate(columns) if name in JSON_COLUMNS]


def _as_list(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    return value


def write_rows(
    out: IO[str],
    fmt: str,
    columns: list[str],
    rows: Iterator[tuple[Any, ...]],
    excel: bool = False,
) -> int:
    """Write rows to a text stream opened with newline=''; returns the row count."""
    nested = _decoder(columns)
    count = 0
    if fmt == "csv":
        if excel:
            out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
        writer.writerow(columns)
        for row in rows:
            if nested:
                row = list(row)
                for i in nested:
                    value = _as_list(row[i])
                    if isinstance(value, list):
                        row[i] = LIST_SEPARATOR.join(
                            v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                            for v in value
                        )
            writer.writerow(row)
            count += 1
        return count
    dumps = json.JSONEncoder(ensure_ascii=False, default=_jsonable).encode
    if fmt == "json":
        out.write("[")
    for row in rows:
        record = dict(zip(columns, row, strict=True))
        for i in nested:
            record[columns[i]] = _as_list(row[i])
        if fmt == "json":
            out.write("\n" if count == 0 else ",\n")
        out.write(dumps(record))
        if fmt == "jsonl":
            out.write("\n")
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def output_file(path: str | Path, force: bool = False) -> Iterator[IO[str]]:
    """A UTF-8 text file written beside `path` and moved into place only when complete."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name with --out")
    if path.exists() and not force:
        raise ExportError(f"{path} exists; add --force to overwrite it")
    if not path.parent.is_dir():
        raise ExportError(f"no folder {path.parent} for {path.name}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"cannot write to {path.parent}: {exc.strerror}") from None
    try:
        with open(fd, "w", encoding="utf-8", newline="", buffering=1 << 16) as handle:
            yield handle
        # mkstemp makes the file private (0600); the export gets a new file's usual mode.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(
    conn: sqlite3.Connection,
    out: IO[str],
    fmt: str,
    *,
    table: str | None = None,
    query: str | None = None,
    filters: ArticleFilters | None = None,
    excel: bool = False,
) -> int:
    """Export a table, view or query to an open text stream; returns the row count.

    The statement runs under an authorizer that lets it only read (`guard_reads`): a
    `--query` that would ATTACH, VACUUM (INTO a file), set a PRAGMA or write is refused
    before it runs, so it writes nothing anywhere."""
    if excel and fmt != "csv":
        raise ExportError("--excel applies to CSV only")
    with guard_reads(conn) as guard:
        try:
            sql, params = export_sql(conn, table, query, filters)
            columns, rows = stream_rows(conn, sql, params)
        except (ExportError, sqlite3.DatabaseError):
            if guard.refused:
                raise ExportError(
                    f"cannot run the query: {guard.refused} is refused; --query may only read"
                ) from None
            raise
        try:
            return write_rows(out, fmt, columns, rows, excel=excel)
        except sqlite3.OperationalError as exc:
            raise ExportError(f"export failed: {exc}") from None
