"""WACZ 1.1.1 packages of an archive's evidence, for ReplayWeb.page and `wacz validate`:
the WARC files, a CDXJ index of their response and revisit records, `pages.jsonl` with
one entry per article (its title and capture time) and `datapackage.json` with the
SHA-256 of each file (https://specs.webrecorder.net/wacz/1.1.1/)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tuyengiao_crawler import __version__
from tuyengiao_crawler.archive.cdxj import cdxj_lines
from tuyengiao_crawler.archive.store import PAYLOAD_JOIN, ArchiveError

WACZ_VERSION = "1.1.1"
CHUNK = 1 << 20


@dataclass
class WaczSummary:
    path: str
    warc_files: int
    index_lines: int
    pages: int
    bytes: int


def _iso(moment: str) -> str:
    """An ISO date-time as pages.jsonl wants it: UTC with a Z."""
    return datetime.fromisoformat(moment).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def page_lines(conn: sqlite3.Connection, since: str | None) -> list[str]:
    """pages.jsonl: its header, then each article as fetched (the URL its record has),
    with its title and the time of the capture that holds it."""
    rows = conn.execute(
        "SELECT a.id, b.url, a.title, b.fetched_at FROM articles a"
        f" JOIN fetches f ON f.id = a.fetch_id {PAYLOAD_JOIN}"
        " WHERE b.warc_file IS NOT NULL AND (? IS NULL OR f.fetched_at >= ?) ORDER BY a.id",
        (since, since),
    ).fetchall()
    header = {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
    pages = [
        {"id": f"article-{aid}", "url": url, "title": title or url, "ts": _iso(fetched_at)}
        for aid, url, title, fetched_at in rows
    ]
    return [json.dumps(line, ensure_ascii=False) for line in [header, *pages]]


def warc_names(conn: sqlite3.Connection, since: str | None) -> list[str]:
    """The WARC files holding the fetches (since a date), and the captures their revisits
    refer to."""
    rows = conn.execute(
        "SELECT DISTINCT b.warc_file FROM fetches f"
        " JOIN fetches b ON b.id IN (f.id, coalesce(f.revisit_of, f.id))"
        " WHERE b.warc_file IS NOT NULL AND (? IS NULL OR f.fetched_at >= ?)",
        (since, since),
    ).fetchall()
    return sorted(r[0] for r in rows)


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def write_wacz(
    conn: sqlite3.Connection,
    folder: str | Path,
    out: str | Path,
    *,
    since: str | None = None,
    title: str | None = None,
) -> WaczSummary:
    """Write the WACZ package of the archive's evidence (fetched on or after `since`, an
    ISO date) to `out`, from the WARC files in `folder`; refuses to write an empty one."""
    folder, out = Path(folder), Path(out)
    names = warc_names(conn, since)
    missing = [n for n in names if not (folder / n).is_file()]
    if missing:
        raise ArchiveError(f"WARC file {missing[0]} is not in {folder}")
    if not names:
        raise ArchiveError("no WARC records to package" + (f" since {since}" if since else ""))
    index = ("\n".join(cdxj_lines(folder, names, conn)) + "\n").encode("utf-8")
    pages = ("\n".join(page_lines(conn, since)) + "\n").encode("utf-8")
    resources = []
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w") as package:
        for name in names:
            hasher, size = hashlib.sha256(), 0
            path = f"archive/{name}"
            # Stored, not deflated: replay tools read records at their offsets.
            with (
                (folder / name).open("rb") as src,
                package.open(zipfile.ZipInfo(path, _zip_time()), "w") as dst,
            ):
                while chunk := src.read(CHUNK):
                    hasher.update(chunk)
                    size += len(chunk)
                    dst.write(chunk)
            resources.append(
                {
                    "name": name.lower(),
                    "path": path,
                    "hash": f"sha256:{hasher.hexdigest()}",
                    "bytes": size,
                }
            )
        for path, data in (("indexes/index.cdxj", index), ("pages/pages.jsonl", pages)):
            info = zipfile.ZipInfo(path, _zip_time())
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data)
            resources.append(
                {"name": Path(path).name, "path": path, "hash": _sha256(data), "bytes": len(data)}
            )
        datapackage = {
            "profile": "data-package",
            "wacz_version": WACZ_VERSION,
            "title": title or "tuyengiao-crawler archive",
            "software": f"tuyengiao-crawler {__version__}",
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "resources": resources,
        }
        described = json.dumps(datapackage, ensure_ascii=False, indent=2).encode("utf-8")
        package.writestr("datapackage.json", described)
        digest = {"path": "datapackage.json", "hash": _sha256(described)}
        package.writestr("datapackage-digest.json", json.dumps(digest, indent=2))
    partial.replace(out)  # an interrupted run leaves no half package under the name
    return WaczSummary(
        str(out), len(names), index.count(b"\n"), pages.count(b"\n") - 1, out.stat().st_size
    )


def _zip_time() -> tuple[int, int, int, int, int, int]:
    now = datetime.now(UTC)
    return (now.year, now.month, now.day, now.hour, now.minute, now.second)


__all__ = ["WACZ_VERSION", "WaczSummary", "page_lines", "warc_names", "write_wacz"]
