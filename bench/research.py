"""Research-side benchmarks on a generated archive: FTS search latency (the library call,
no process start) and exports against `sqlite-utils rows`.

The archive is built directly (bulk inserts into `articles`, then the project's own
`rebuild_index`), with the generated site's articles (bench/site.py), so 100,000 articles
take about a minute instead of a crawl.
"""

from __future__ import annotations

import hashlib
import html
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.site import CATEGORIES, Site

SEARCHES = [
    "tuyen giao",
    "dang uy",
    "chi thi",
    '"dan van kheo"',
    "nong thon moi",
    "bao chi",
    "hội nghị",
    "Quỳnh Lưu",
    "chuyen doi so",
    "05-CT/TW",
    "nghi quyet AND tinh uy",
    "phong trao thi dua",
    "sinh hoat chi bo",
    "Nguyễn Đình Hùng",
    "duong giao thong",
    "dai hoi dang bo",
]


def build_archive(path: Path, articles: int, seed: int = 3) -> None:
    """An archive of `articles` generated articles with a full search index."""
    from tuyengiao_crawler.archive import Archive
    from tuyengiao_crawler.archive.fts import rebuild_index

    site = Site(articles, seed)
    with Archive(path) as archive:
        conn = archive.conn
        now = "2024-01-01T00:00:00+00:00"
        sql = (
            "INSERT INTO articles (url, site, category, title, lead, body_text, body_html,"
            " byline, published_at, published_raw, published_source, breadcrumb, extractor,"
            " first_seen_at, last_seen_at, content_sha256) VALUES"
            " (?, '127.0.0.1', ?, ?, ?, ?, ?, ?, ?, ?, 'dateline', ?, 'profile:demo', ?, ?, ?)"
        )

        def rows():
            for i in range(1, articles + 1):
                a = site.article(i)
                body = "\n\n".join(a.paragraphs)
                body_html = "<div>" + "".join(f"<p>{html.escape(p)}</p>" for p in a.paragraphs)
                category = CATEGORIES[a.category][3]
                yield (
                    f"http://127.0.0.1{a.path}",
                    category,
                    a.title,
                    a.lead,
                    body,
                    body_html + "</div>",
                    a.byline,
                    f"{a.when:%Y-%m-%dT%H:%M}+07:00",
                    a.date_line,
                    f'["Trang chủ", "{category}"]',
                    now,
                    now,
                    hashlib.sha256(body.encode()).hexdigest(),
                )

        with archive.db.atomic():
            conn.executemany(sql, rows())
        with archive.db.atomic():
            rebuild_index(conn)


def _median(times: list[float]) -> float:
    return statistics.median(times)


def search_latency(path: Path, repeats: int) -> tuple[float, float]:
    """(median, 90th percentile) seconds per `search_articles` call over SEARCHES."""
    from tuyengiao_crawler.archive import open_readonly
    from tuyengiao_crawler.archive.search import search_articles

    conn = open_readonly(path)
    for query in SEARCHES:  # warm-up: page cache and the query planner
        search_articles(conn, query, limit=20)
    times = []
    for _ in range(repeats):
        for query in SEARCHES:
            started = time.perf_counter()
            search_articles(conn, query, limit=20)
            times.append(time.perf_counter() - started)
    conn.close()
    times.sort()
    return _median(times), times[int(0.9 * (len(times) - 1))]


def _timed(command: list[str], out: Path) -> float:
    started = time.perf_counter()
    with out.open("wb") as handle:
        subprocess.run(command, stdout=handle, check=True)
    return time.perf_counter() - started


def export_times(path: Path, workdir: Path, repeats: int) -> dict[str, tuple[float, float]]:
    """{format: (ours, sqlite-utils)} median seconds, each a fresh process, interleaved."""
    bin_dir = Path(sys.executable).parent
    sqlite_utils = shutil.which("sqlite-utils", path=str(bin_dir)) or "sqlite-utils"
    results = {}
    for fmt, flag in (("csv", "--csv"), ("jsonl", "--nl")):
        ours, theirs = [], []
        for _ in range(repeats):
            ours.append(
                _timed(
                    [
                        sys.executable,
                        "-m",
                        "tuyengiao_crawler",
                        "export",
                        "--db",
                        str(path),
                        "--table",
                        "articles",
                        "--format",
                        fmt,
                    ],
                    workdir / f"ours.{fmt}",
                )
            )
            theirs.append(
                _timed([sqlite_utils, "rows", str(path), "articles", flag], workdir / f"su.{fmt}")
            )
        results[fmt] = (_median(ours), _median(theirs))
    return results


def build_rows(
    workdir: Path, quick: bool, articles: int
) -> tuple[Path, float, list[dict[str, Any]]]:
    """Builds the research archive and times the exports: (archive, seconds to build it,
    export rows). These may share the machine: an export and sqlite-utils' run interleaved,
    and only their ratio is judged."""
    repeats = 2 if quick else 3
    path = workdir / "research.sqlite"
    started = time.perf_counter()
    build_archive(path, articles)
    built = time.perf_counter() - started
    rows = []
    for fmt, (ours, theirs) in export_times(path, workdir, repeats).items():
        ratio = ours / theirs
        rows.append(
            {
                "benchmark": f"export articles {fmt.upper()} ({articles:,} rows) vs"
                f" sqlite-utils rows {'--csv' if fmt == 'csv' else '--nl'}",
                "value": round(ours, 2),
                "unit": "s",
                "baseline": round(theirs, 2),
                "ratio": round(ratio, 2),
                "goal": "<= 1.2x sqlite-utils",
                "met": ratio <= 1.2,
            }
        )
    return path, built, rows


def search_row(path: Path, built: float, quick: bool, articles: int) -> dict[str, Any]:
    """The search latency row: a researcher's wait for one query, so measured with nothing
    else running (the count runs on a second core while the first ranks)."""
    from tuyengiao_crawler.archive.search import RANK_WINDOW

    median, p90 = search_latency(path, 2 if quick else 3)
    return {
        "benchmark": f"FTS search latency, library call ({articles:,} articles;"
        f" every match counted exactly, broad queries ranked among {RANK_WINDOW:,};"
        f" p90 {p90 * 1000:.1f} ms; archive built in {built:.0f} s)",
        "value": round(median * 1000, 2),
        "unit": "ms",
        "baseline": None,
        "ratio": None,
        "goal": "< 20 ms",
        "met": median < 0.020,
    }
