"""CDXJ indexes of WARC files (pywb's format, https://specs.webrecorder.net/cdxj/0.1.0/):
one line per response and revisit record, keyed by SURT and capture time. The WACZ
package carries one; every WARC file of a crawl also gets its own beside it
(`<name>.cdxj`), so pywb replays the WARC folder as it is (`index_paths` and
`archive_paths` both the folder), with no `wb-manager add`."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from cdxj_indexer.main import write_cdx_index

from tuyengiao_crawler.archive.warc import SUFFIX

INDEX_SUFFIX = ".cdxj"


def _confirmed_capture(conn: sqlite3.Connection, name: str, offset: str) -> dict | None:
    """For the 304 revisit record at (file, offset): where the capture it confirms is,
    as CDXJ fields; None for any other record."""
    row = conn.execute(
        "SELECT b.warc_file, b.warc_offset, b.warc_length, b.content_type, b.status"
        " FROM fetches f JOIN fetches b ON b.id = f.revisit_of"
        " WHERE f.warc_file = ? AND f.warc_offset = ? AND f.status = 304",
        (name, int(offset)),
    ).fetchone()
    if row is None or row[2] is None:
        return None
    mime = (row[3] or "").split(";")[0].strip() or "unk"
    return {
        "mime": mime,
        "status": str(row[4]),
        "length": str(row[2]),
        "offset": str(row[1]),
        "filename": row[0],
    }


def _point_304s_at_their_capture(line: str, conn: sqlite3.Connection) -> str:
    """A 304 revisit record keeps the server's 304 headers (the evidence), and replay
    tools serve a revisit with its own headers: pywb would answer the second night's
    capture with an empty 304. Its line, at its own time, points instead at the record it
    confirms (`revisit` says where the 304 itself is), so replay shows the page as the
    server confirmed it that night."""
    key, stamp, text = line.split(" ", 2)
    fields = json.loads(text)
    if fields.get("mime") != "warc/revisit" or fields.get("status") != "304":
        return line
    confirmed = _confirmed_capture(conn, fields["filename"], fields["offset"])
    if confirmed is None:
        return line
    revisit = f"{fields['filename']}:{fields['offset']}"
    fields.update(confirmed, revisit=revisit)
    return f"{key} {stamp} {json.dumps(fields)}"


def write_cdxj(
    out: TextIO, folder: Path, names: Iterable[str], conn: sqlite3.Connection | None = None
) -> None:
    """Write one sorted CDXJ line per response and revisit record of these WARC files, as
    Webrecorder's own indexer (cdxj-indexer, which pywb and py-wacz use) writes them: a
    POST's key carries its form (`__wb_method=post&...`), so postback pages replay. With
    the archive, 304 revisits point at the capture they confirm.

    Line by line through a temporary file: the index of a 1 GB WARC file is some 100,000
    lines, and holding it (four times over) was the crawl's peak memory, at its end."""
    paths = [str(Path(folder) / name) for name in names]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as raw:
        write_cdx_index(raw, paths, {"post_append": True, "sort": True})  # sorts on disk
        raw.seek(0)
        lines: Iterator[str] = (line.rstrip("\n") for line in raw)
        if conn is not None:
            lines = _pointed(lines, conn)
        for line in lines:
            out.write(line + "\n")


def _pointed(lines: Iterable[str], conn: sqlite3.Connection) -> Iterator[str]:
    """Sorted lines with their 304s pointed at their captures, still sorted: a line keeps
    its key and time, so only lines sharing both can change places, among themselves."""
    group: list[str] = []
    prefix = None
    for line in lines:
        key, stamp, _ = line.split(" ", 2)
        if (key, stamp) != prefix:
            yield from sorted(group)
            group, prefix = [], (key, stamp)
        group.append(_point_304s_at_their_capture(line, conn))
    yield from sorted(group)


def cdxj_lines(
    folder: Path, names: Iterable[str], conn: sqlite3.Connection | None = None
) -> list[str]:
    """`write_cdxj`'s lines, as a list."""
    out = io.StringIO()
    write_cdxj(out, folder, names, conn)
    return out.getvalue().splitlines()


def index_path(warc: Path) -> Path:
    """Where the index of one WARC file is kept: beside it, `<name>.cdxj`."""
    return warc.with_name(warc.name.removesuffix(SUFFIX) + INDEX_SUFFIX)


def update_indexes(folder: str | Path, conn: sqlite3.Connection | None = None) -> list[str]:
    """Write the index of every WARC file in `folder` that has none or an older one (a
    file a killed crawl left, one a run appended to); returns the WARC files indexed.
    Each index is written under a temporary name and renamed, so a replay server that
    reads the folder never sees half of one."""
    folder = Path(folder)
    indexed = []
    for warc in sorted(folder.glob(f"*{SUFFIX}")):
        index = index_path(warc)
        if index.exists() and index.stat().st_mtime_ns >= warc.stat().st_mtime_ns:
            continue
        partial = index.with_name(index.name + ".partial")
        with partial.open("w", encoding="utf-8") as handle:
            write_cdxj(handle, folder, [warc.name], conn)
        os.replace(partial, index)
        indexed.append(warc.name)
    return indexed


__all__ = ["cdxj_lines", "index_path", "update_indexes", "write_cdxj"]
