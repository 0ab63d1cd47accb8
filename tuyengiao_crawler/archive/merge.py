"""Merging shard archives (one per worker of a fleet) into one archive: another archive's
records -> `Archive.save_article`, the one way an article enters an archive.

Per shard, in order: its crawl runs (kept per worker, matched on when and by which process
they started), its fetches (matched on run, URL, time, WARC record; the WARC files are
linked, or copied, into the merged archive's WARC folder under `<shard tag>/`), the
documents it names, its articles, and their older versions.

An article the merged archive lacks is saved as new; one with the same content only
widens when it was seen (first seen, last seen, the latest fetch); one with other content
is saved as an update when the shard's version is the later one (the merged archive's
current version is kept in `article_versions`, as a crawl keeps it), and otherwise kept
as an older version. Then each article's versions are made one timeline: sightings of
the same content by several shards, with no other content between, are one version (so
two workers that each saw an article before its edit give one old version, as one process
would). So merging a shard twice changes nothing, and shards merged in any order give the
same articles, authors, documents, citations and versions.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuyengiao_crawler.archive.lock import ArchiveLock
from tuyengiao_crawler.archive.queries import open_readonly
from tuyengiao_crawler.archive.store import (
    ARTICLE_COLUMNS,
    SITE_SETTLED,
    VERSION_COLUMNS,
    Archive,
    ArchiveError,
    insert_sql,
)

BATCH = 500  # articles per transaction
RUN_KEY = ("started_at", "pid", "start_urls", "profile")
DOCUMENT_FIELDS = ("kind", "number", "year", "type_code", "issuer_code", "issued_on", "issuer")


@dataclass
class MergeResult:
    """What one merge did, per shard and in all."""

    shards: list[str] = field(default_factory=list)
    articles: dict[str, int] = field(
        default_factory=lambda: {"new": 0, "updated": 0, "older": 0, "unchanged": 0}
    )
    runs: int = 0
    fetches: int = 0
    warc_files: int = 0
    seconds: float = 0.0

    @property
    def articles_read(self) -> int:
        return sum(self.articles.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "shards": self.shards,
            "articles": self.articles,
            "runs_added": self.runs,
            "fetches_added": self.fetches,
            "warc_files_added": self.warc_files,
            "seconds": round(self.seconds, 3),
        }


def fleet_baseline(
    path: str | Path, start_urls: list[str]
) -> tuple[str | None, dict[str, tuple[str | None, str | None]]]:
    """What a fleet worker's incremental run trusts of the merged archive at `path`: when
    its last finished run of these start URLs started (None: there is none, the run is
    full) and each article's validators (ETag, Last-Modified) by URL. Read-only."""
    conn = open_readonly(path)
    try:
        since = conn.execute(
            "SELECT max(started_at) FROM crawl_runs WHERE start_urls = ?"
            " AND finish_reason = 'finished' AND status IN ('ok', 'partial', 'degraded')",
            (json.dumps(list(start_urls)),),
        ).fetchone()[0]
        validators = {
            row[0]: (row[1], row[2])
            for row in conn.execute("SELECT url, etag, last_modified FROM articles")
        }
    finally:
        conn.close()
    return since, validators


def shard_warc_dir(shard: Path) -> Path:
    """Where a shard's WARC files are: the folder `warc` beside it (TUYENGIAO_WARC_DIR's
    default)."""
    return shard.parent / "warc"


def merge_archives(
    out: str | Path, shards: Iterable[str | Path], warc_dir: str | Path | None = None
) -> MergeResult:
    """Merge each shard into the archive at `out` (created if missing), under its lock."""
    out = Path(out)
    result = MergeResult()
    started = time.perf_counter()
    paths = [Path(shard) for shard in shards]
    for shard in paths:
        if not shard.exists():
            raise ArchiveError(f"no archive at {shard}")
        if out.exists() and shard.resolve() == out.resolve():
            raise ArchiveError(f"{shard} is the merged archive itself")
    target_warc = Path(warc_dir) if warc_dir else out.parent / "warc"
    Archive(out).close()  # one line, before any lock file, if OUT is no archive of ours
    with ArchiveLock(out), Archive(out) as archive:
        for shard in paths:
            with ArchiveLock(shard, create=False):  # not while a worker still writes it
                Archive(shard, create=False).close()  # an older shard is brought up to date
                source = open_readonly(shard)
                try:
                    _merge_one(archive, source, shard, target_warc, result)
                finally:
                    source.close()
            result.shards.append(str(shard))
    result.seconds = time.perf_counter() - started
    return result


def _rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    return list(_each(conn, sql, *params))


def _each(conn: sqlite3.Connection, sql: str, *params: Any) -> Iterator[dict[str, Any]]:
    """The rows one by one, read BATCH at a time."""
    for batch in _batches(conn, sql, *params):
        yield from batch


def _batches(conn: sqlite3.Connection, sql: str, *params: Any) -> Iterator[list[dict[str, Any]]]:
    """The rows BATCH at a time: a shard's articles and versions carry their text and HTML,
    which for a large shard would not all fit in memory at once."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(BATCH):
        yield [dict(zip(names, row, strict=True)) for row in batch]


def shard_tag(source: sqlite3.Connection) -> str:
    """A name for a shard's WARC folder inside the merged one, from its first run (the
    same shard has the same tag wherever its file is)."""
    first = source.execute(
        "SELECT started_at, pid, start_urls FROM crawl_runs ORDER BY id LIMIT 1"
    ).fetchone()
    return "shard-" + hashlib.sha1(json.dumps(list(first or ())).encode()).hexdigest()[:12]


def _merge_one(
    archive: Archive, source: sqlite3.Connection, shard: Path, warc_out: Path, result: MergeResult
) -> None:
    conn = archive.conn
    tag = shard_tag(source)
    with archive.db.atomic():
        runs = _merge_runs(conn, source, result)
        fetches = _merge_fetches(conn, source, runs, tag, result)
        _merge_documents(conn, source)
    _link_warcs(conn, source, shard_warc_dir(shard), warc_out / tag, result)
    ids: dict[int, int] = {}
    articles = _batches(
        source,
        "SELECT a.*, f.run_id FROM articles a LEFT JOIN fetches f ON f.id = a.fetch_id ORDER BY a.id",
    )
    for rows in articles:
        children = _children(source, [row["id"] for row in rows])
        with archive.batch():
            for row in rows:
                ids[row["id"]] = _merge_article(archive, row, children, fetches, runs, result)
    with archive.db.atomic():
        _merge_versions(conn, source, ids, fetches, runs)
        _coalesce_versions(conn, list(ids.values()))
        _merge_answers(conn)


def _merge_answers(conn: sqlite3.Connection) -> None:
    """The 304s and 404/410s a fleet worker got for articles its shard does not hold (it
    asked with the merged archive's validators), wherever the articles came from: seen
    unchanged, or gone, after the fact. Over all the merged fetches, so the order in which
    shards arrive does not matter."""
    articles: dict[str, int] = {}
    for article_id, url, fetched_url in conn.execute("SELECT id, url, fetched_url FROM articles"):
        articles[url] = article_id
        if fetched_url:
            articles.setdefault(fetched_url, article_id)
    answers = conn.execute(
        "SELECT id, url, status, fetched_at FROM fetches WHERE status IN (304, 404, 410)"
        " ORDER BY fetched_at, id"
    ).fetchall()
    for fetch_id, url, status, fetched_at in answers:
        article_id = articles.get(url)
        if article_id is None:
            continue
        if status == 304:
            conn.execute(
                "UPDATE articles SET last_seen_at = ?, fetch_id = ?, gone_at = NULL,"
                " gone_status = NULL WHERE id = ? AND last_seen_at < ?",
                (fetched_at, fetch_id, article_id, fetched_at),
            )
        else:
            conn.execute(
                "UPDATE articles SET gone_at = ?, gone_status = ?"
                " WHERE id = ? AND gone_at IS NULL AND last_seen_at < ?",
                (fetched_at, status, article_id, fetched_at),
            )


def _merge_runs(
    conn: sqlite3.Connection, source: sqlite3.Connection, result: MergeResult
) -> dict[int, int]:
    """Each shard run as a run of the merged archive (its latest state): old id -> new."""
    mapping: dict[int, int] = {}
    for run in _rows(source, "SELECT * FROM crawl_runs ORDER BY id"):
        old = run.pop("id")
        if run["status"] == "running":  # we hold the shard's lock: its worker is dead
            run["status"], run["finish_reason"] = "interrupted", "killed"
        where = " AND ".join(f"{key} IS ?" for key in RUN_KEY)
        found = conn.execute(
            f"SELECT id FROM crawl_runs WHERE {where}", [run[key] for key in RUN_KEY]
        ).fetchone()
        columns = list(run)
        if found:
            conn.execute(
                f"UPDATE crawl_runs SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE id = ?",
                [*run.values(), found[0]],
            )
            mapping[old] = found[0]
            continue
        cursor = conn.execute(insert_sql("crawl_runs", tuple(columns)), list(run.values()))
        mapping[old] = cursor.lastrowid
        result.runs += 1
    return mapping


def _fetch_key(row: dict[str, Any]) -> tuple[Any, ...]:
    warc = Path(row["warc_file"]).name if row["warc_file"] else None
    return (
        row["run_id"],
        row["url"],
        row["method"],
        row["fetched_at"],
        row["status"],
        warc,
        row["warc_offset"],
        row["error"],
    )


def _merge_fetches(
    conn: sqlite3.Connection,
    source: sqlite3.Connection,
    runs: dict[int, int],
    tag: str,
    result: MergeResult,
) -> dict[int, int]:
    """The shard's fetches, each once, with WARC paths under the shard's tag: old id -> new."""
    marks = ",".join("?" * len(runs))
    sql = (
        "SELECT id, run_id, url, method, fetched_at, status, warc_file, warc_offset, error"
        f" FROM fetches WHERE run_id IN ({marks})"
    )
    known = {_fetch_key(row): row["id"] for row in _rows(conn, sql, *runs.values())} if runs else {}
    mapping: dict[int, int] = {}
    for row in _rows(source, "SELECT * FROM fetches ORDER BY id"):
        old = row.pop("id")
        row["run_id"] = runs.get(row["run_id"])
        row["revisit_of"] = mapping.get(row["revisit_of"]) if row["revisit_of"] else None
        if row["warc_file"]:
            row["warc_file"] = f"{tag}/{row['warc_file']}"
        key = _fetch_key(row)
        if key in known:
            mapping[old] = known[key]
            continue
        cursor = conn.execute(insert_sql("fetches", tuple(row)), list(row.values()))
        mapping[old] = known[key] = cursor.lastrowid
        result.fetches += 1
    return mapping


def _merge_documents(conn: sqlite3.Connection, source: sqlite3.Connection) -> None:
    """The documents the shard's articles cite, before the articles: a detail either side
    knows fills the other's gap; where both know one, the smaller wins (in any order)."""
    pick = ", ".join(
        f"{c} = CASE WHEN documents.{c} IS NULL THEN excluded.{c}"
        f" WHEN excluded.{c} IS NULL THEN documents.{c} ELSE min(documents.{c}, excluded.{c}) END"
        for c in DOCUMENT_FIELDS
    )
    # Only where that changes something: most documents of a second shard are known, and
    # an UPDATE rewrites the row even when it writes the same values.
    changes = " OR ".join(
        f"(documents.{c} IS NULL AND excluded.{c} IS NOT NULL) OR excluded.{c} < documents.{c}"
        for c in DOCUMENT_FIELDS
    )
    # One record per document key (schema 12): by number, or by name when it has none.
    columns = ("key", "canonical", "named_key", "title", "identified_by", *DOCUMENT_FIELDS)
    sql = (
        f"INSERT INTO documents ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        f" ON CONFLICT(key) DO UPDATE SET {pick} WHERE {changes}"
    )
    conn.executemany(sql, source.execute(f"SELECT {', '.join(columns)} FROM documents ORDER BY id"))


def _link_warcs(
    conn: sqlite3.Connection,
    source: sqlite3.Connection,
    folder: Path,
    target: Path,
    result: MergeResult,
) -> None:
    """The shard's WARC files in the merged archive's WARC folder: hard links where the
    file system allows, copies elsewhere; a file already there is left alone."""
    names = [r[0] for r in source.execute("SELECT DISTINCT warc_file FROM fetches")]
    for name in filter(None, names):
        there, here = folder / name, target / name
        if here.exists():
            continue
        if not there.is_file():
            raise ArchiveError(f"{there}: WARC file of the shard is missing")
        here.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(there, here)
        except OSError:
            shutil.copy2(there, here)
        result.warc_files += 1


def _children(source: sqlite3.Connection, article_ids: list[int]) -> dict[int, dict[str, Any]]:
    """What `save_article` takes besides the articles' own columns, read from the shard for
    a batch of articles (one query per table), by article id."""
    marks = ",".join("?" * len(article_ids))
    found: dict[int, dict[str, Any]] = {
        i: {"authors": [], "documents": [], "images": [], "attachments": [], "related": []}
        for i in article_ids
    }
    queries = {
        "authors": "SELECT aa.article_id, au.name, aa.role FROM article_authors aa"
        " JOIN authors au ON au.id = aa.author_id"
        f" WHERE aa.article_id IN ({marks}) ORDER BY aa.article_id, aa.position",
        # A partial reference the site settled is carried as it was without the site (its
        # fallback), and the merged archive's site, all shards', settles it again.
        "documents": "SELECT m.article_id, m.partial, d.key AS document_key, d.canonical,"
        " d.title, coalesce(m.named_key, d.named_key) AS named_key, m.how AS identified_by,"
        " m.why AS reason, d.year, d.type_code, d.issuer_code,"
        ' m.field, m.surface, m.start, m."end", m.kind, m.number, m.issued_on, m.issuer'
        f" FROM (SELECT *, iif({SITE_SETTLED}, fallback_document_id, document_id) AS cited,"
        f" iif({SITE_SETTLED}, fallback_identified_by, identified_by) AS how,"
        f" iif({SITE_SETTLED}, fallback_reason, reason) AS why FROM article_documents"
        f" WHERE article_id IN ({marks})) m"
        " LEFT JOIN documents d ON d.id = m.cited ORDER BY m.id",
        "images": "SELECT article_id, url, caption, alt FROM images"
        f" WHERE article_id IN ({marks}) ORDER BY article_id, position",
        "attachments": "SELECT article_id, url, title FROM attachments"
        f" WHERE article_id IN ({marks}) ORDER BY article_id, position",
        "related": "SELECT article_id, url, title FROM related_articles"
        f" WHERE article_id IN ({marks}) ORDER BY article_id, position",
    }
    for name, sql in queries.items():
        cursor = source.execute(sql, article_ids)
        names = [d[0] for d in cursor.description][1:]  # after the article's id
        for row in cursor:
            found[row[0]][name].append(dict(zip(names, row[1:], strict=True)))
    return found


def _merge_article(
    archive: Archive,
    row: dict[str, Any],
    children: dict[int, dict[str, Any]],
    fetches: dict[int, int],
    runs: dict[int, int],
    result: MergeResult,
) -> int:
    conn = archive.conn
    fetch_id = fetches.get(row["fetch_id"]) if row["fetch_id"] else None
    version_at = row["version_seen_at"] or row["first_seen_at"]
    here = conn.execute(
        "SELECT id, content_sha256, coalesce(version_seen_at, first_seen_at), last_seen_at"
        " FROM articles WHERE url = ?",
        (row["url"],),
    ).fetchone()
    if here is not None and here[1] == row["content_sha256"]:
        outcome, article_id = "unchanged", here[0]
    elif here is not None and version_at < here[2]:
        _keep_older(conn, here[0], row, fetch_id, here[2])
        outcome, article_id = "older", here[0]
    else:
        item = {name: row[name] for name in ARTICLE_COLUMNS}
        item["fetch_id"] = fetch_id
        item["breadcrumb"] = json.loads(row["breadcrumb"] or "[]")
        item.update(children[row["id"]])
        run_id = runs.get(row["run_id"])
        outcome, article_id = archive.save(item, seen_at=version_at, run_id=run_id)
    result.articles[outcome] += 1
    _widen_seen(conn, article_id, row, fetch_id)
    return article_id


SEEN_COLUMNS = ("fetch_id", "fetched_url", "etag", "last_modified", "gone_at", "gone_status")


def _widen_seen(
    conn: sqlite3.Connection, article_id: int, row: dict[str, Any], fetch_id: int | None
) -> None:
    """First seen is the earliest of both sides; last seen (with the fetch, validators and
    gone marks that go with it) the latest; the current version was first seen at the
    earlier of both sides' sightings after any other content. Written only when something
    changes: an UPDATE rewrites the whole row, body and HTML included."""
    here = conn.execute(
        "SELECT first_seen_at, last_seen_at, content_sha256, coalesce(version_seen_at,"
        f" first_seen_at), {', '.join(SEEN_COLUMNS)} FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    names = ("first_seen_at", "last_seen_at", "sha", "version_seen_at", *SEEN_COLUMNS)
    current = dict(zip(names, here, strict=True))
    wanted: dict[str, Any] = {}
    if row["first_seen_at"] < current["first_seen_at"]:
        wanted["first_seen_at"] = row["first_seen_at"]
    version_at = row["version_seen_at"] or row["first_seen_at"]
    if current["sha"] == row["content_sha256"] and version_at < current["version_seen_at"]:
        other = conn.execute(
            "SELECT max(last_seen_at) FROM article_versions"
            " WHERE article_id = ? AND content_sha256 <> ?",
            (article_id, current["sha"]),
        ).fetchone()[0]
        if other is None or other < version_at:
            wanted["version_seen_at"] = version_at
    if current["last_seen_at"] <= row["last_seen_at"] and current["sha"] == row["content_sha256"]:
        wanted["last_seen_at"] = row["last_seen_at"]
        wanted.update({c: row[c] for c in SEEN_COLUMNS})
        wanted["fetch_id"] = fetch_id if fetch_id is not None else current["fetch_id"]
    changed = {c: v for c, v in wanted.items() if current[c] != v}
    if changed:
        conn.execute(
            f"UPDATE articles SET {', '.join(f'[{c}] = ?' for c in changed)} WHERE id = ?",
            [*changed.values(), article_id],
        )


# An old version as the shard keeps it, but for the fetch (renumbered in the target).
VERSION_COPY = tuple(c for c in VERSION_COLUMNS if c != "fetch_id")


def _keep_older(
    conn: sqlite3.Connection,
    article_id: int,
    row: dict[str, Any],
    fetch_id: int | None,
    replaced_at: str,
) -> None:
    """A shard's current version that the merged archive already replaced: an old version."""
    version = {
        "first_seen_at": row["version_seen_at"] or row["first_seen_at"],
        "last_seen_at": row["last_seen_at"],
        "replaced_at": replaced_at,
        "replaced_in_run": None,
        "fetch_id": fetch_id,
        **{c: row[c] for c in VERSION_COPY},
    }
    _add_version(conn, article_id, version)


def _add_version(conn: sqlite3.Connection, article_id: int, version: dict[str, Any]) -> None:
    exists = conn.execute(
        "SELECT 1 FROM article_versions WHERE article_id = ? AND content_sha256 = ?"
        " AND first_seen_at = ?",
        (article_id, version["content_sha256"], version["first_seen_at"]),
    ).fetchone()
    if exists:
        return
    columns = ("article_id", *version)
    conn.execute(insert_sql("article_versions", columns), [article_id, *version.values()])


def _merge_versions(
    conn: sqlite3.Connection,
    source: sqlite3.Connection,
    ids: dict[int, int],
    fetches: dict[int, int],
    runs: dict[int, int],
) -> None:
    for row in _each(source, "SELECT * FROM article_versions ORDER BY id"):
        article_id = ids.get(row.pop("article_id"))
        if article_id is None:
            continue
        row.pop("id")
        row["fetch_id"] = fetches.get(row["fetch_id"]) if row["fetch_id"] else None
        row["replaced_in_run"] = (
            runs.get(row["replaced_in_run"]) if row["replaced_in_run"] else None
        )
        _add_version(conn, article_id, row)


def _coalesce_versions(conn: sqlite3.Connection, article_ids: list[int]) -> None:
    """Each article's versions as one timeline, whichever shards saw which part of it:
    sightings of the same content with no other content between them are one version (the
    current one too), and a version was replaced when the next one was first seen. Two
    shards that each saw an article before its edit give one old version, as one process
    seeing it twice would."""
    with_versions = []
    for start in range(0, len(article_ids), BATCH):  # SQLite takes only so many "?"
        chunk = article_ids[start : start + BATCH]
        with_versions += conn.execute(
            "SELECT DISTINCT article_id FROM article_versions"
            f" WHERE article_id IN ({','.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
    for (article_id,) in with_versions:
        versions = conn.execute(
            "SELECT id, content_sha256, first_seen_at, last_seen_at, fetch_id, replaced_in_run"
            " FROM article_versions WHERE article_id = ? ORDER BY first_seen_at, last_seen_at",
            (article_id,),
        ).fetchall()
        current = conn.execute(
            "SELECT content_sha256, coalesce(version_seen_at, first_seen_at) FROM articles"
            " WHERE id = ?",
            (article_id,),
        ).fetchone()
        groups: list[list[tuple[Any, ...]]] = []
        for version in versions:
            if groups and groups[-1][0][1] == version[1]:
                groups[-1].append(version)
            else:
                groups.append([version])
        if groups and groups[-1][0][1] == current[0]:  # seen before, and not replaced between
            absorbed = groups.pop()
            began = absorbed[0][2]
            conn.executemany(
                "DELETE FROM article_versions WHERE id = ?", [(v[0],) for v in absorbed]
            )
            conn.execute(
                "UPDATE articles SET version_seen_at = min(?, coalesce(version_seen_at,"
                " first_seen_at)) WHERE id = ?",
                (began, article_id),
            )
            current = (current[0], min(began, current[1]))
        for n, group in enumerate(groups):
            kept, latest = group[0], max(group, key=lambda v: v[3])
            replaced_at = groups[n + 1][0][2] if n + 1 < len(groups) else current[1]
            conn.execute(
                "UPDATE article_versions SET last_seen_at = ?, fetch_id = ?, replaced_in_run = ?,"
                " replaced_at = ? WHERE id = ?",
                (latest[3], latest[4], latest[5], replaced_at, kept[0]),
            )
            for other in group[1:]:
                conn.execute("DELETE FROM article_versions WHERE id = ?", (other[0],))
