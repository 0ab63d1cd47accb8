"""The benchmark suite: `python -m bench` (full), `--quick` (small inputs) or `--smoke`
(the smallest, for tests/test_bench.py: every row, figures that mean nothing).

Prints one table. Every figure is a median of several runs (the `runs` column says how
many); a ratio compares two things measured in the same invocation, runs interleaved.
Timings are reported, never asserted. See bench/README.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import normalize as normalize_bench
from bench import research
from bench.crawl import finish_worker, run_worker, start_process, start_worker
from bench.fleet import fleet_rows
from bench.server import SiteServer, measure_server
from bench.site import Site

# Articles of the crawled site, of the memory crawl's larger site, of the research archive
# and of the fleet's site, per size.
SIZES = {
    "full": {"site": 10_000, "big": 50_000, "research": 100_000, "fleet": 2_000},
    "quick": {"site": 600, "big": 2_000, "research": 5_000, "fleet": 300},
    "smoke": {"site": 60, "big": 300, "research": 500, "fleet": 60},
}

HEADERS = ["benchmark", "value", "unit", "baseline", "ratio", "goal", "met", "runs"]


def row(benchmark: str, value: Any, unit: str, goal: str | None, met: bool | None, **kw: Any):
    return {
        "benchmark": benchmark,
        "value": value,
        "unit": unit,
        "baseline": kw.get("baseline"),
        "ratio": kw.get("ratio"),
        "goal": goal,
        "met": met,
        "runs": kw.get("runs"),
    }


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _check_archive(db: Path, site: Site, base: str) -> tuple[int, int]:
    """(articles archived, of which the title is the generated one): a crawl that got
    faster by extracting less, or text damaged on the way, shows here."""
    import sqlite3

    conn = sqlite3.connect(db)
    titles = dict(conn.execute("SELECT url, title FROM articles"))
    conn.close()
    good = 0
    for i in range(1, site.n + 1):
        path, title, _, _ = site.headline(i)
        good += titles.get(base + path) == title
    return len(titles), good


def _reprocess(db: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "tuyengiao_crawler", "reprocess", "--db", str(db), "--json"]
    return finish_worker(start_process(command))


def crawl_rows(
    server: SiteServer, site: Site, workdir: Path, quick: bool
) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Throughput and reprocess rows on the smaller site, measured with nothing else
    running; also what the later rows compare with (first crawl's time, peak RSS)."""
    runs = 1 if quick else 2
    paths = site.all_paths()
    server_rate = measure_server(server.url, paths[-min(len(paths), 3000) :])
    bare, full = [], []
    for i in range(runs):
        bare.append(run_worker("bare", server.url))
        db = workdir / f"crawl{i}" / "archive.sqlite"
        full.append(run_worker("full", server.url, str(db)))
    first_db = workdir / "crawl0" / "archive.sqlite"
    stored, matching = _check_archive(first_db, site, server.url.rstrip("/"))
    bare_rate = _median([r["pages"] / r["seconds"] for r in bare])
    full_rate = _median([r["pages"] / r["seconds"] for r in full])
    ratio = full_rate / bare_rate
    rows = [
        row(
            f"crawl throughput, full pipeline vs bare Scrapy spider ({site.n:,} articles:"
            f" {full[0]['pages']:,} fetches of {len(paths):,} pages,"
            f" {len(site.asset_paths()):,} images and PDFs, robots.txt; server alone"
            f" {server_rate:,.0f} req/s; {matching:,}/{stored:,} titles as generated)",
            round(full_rate, 1),
            "fetches/s",
            ">= 0.75x bare",
            ratio >= 0.75,
            baseline=round(bare_rate, 1),
            ratio=round(ratio, 2),
            runs=runs,
        )
    ]
    reprocessed = [_reprocess(first_db) for _ in range(2)]
    rate = _median([r["articles_per_second"] for r in reprocessed])
    rows.append(
        row(
            f"reprocess from WARC, one process ({reprocessed[0]['articles']:,} articles,"
            f" {reprocessed[-1]['updated']} updated)",
            round(rate, 1),
            "articles/s",
            ">= 1,000/s",
            rate >= 1000,
            runs=len(reprocessed),
        )
    )
    baseline = {
        "first_crawl_seconds": _median([r["seconds"] for r in full]),
        "peak_rss_mb": _median([r["peak_rss_mb"] for r in full]),
    }
    return rows, baseline


def incremental_row(server: SiteServer, workdir: Path, first: float, quick: bool) -> dict[str, Any]:
    """A second crawl of the unchanged site into the first crawl's archive. It runs beside
    the memory crawl: contention can only make it slower, never flatter the ratio."""
    db = workdir / "crawl0" / "archive.sqlite"
    again = [run_worker("again", server.url, str(db)) for _ in range(2 if quick else 3)]
    second = _median([r["seconds"] for r in again])
    return row(
        f"incremental re-crawl of the unchanged site, time vs first crawl"
        f" ({again[0]['pages']} pages, {again[0]['not_modified']} answers 304)",
        round(second, 2),
        "s",
        "<= 1/5 of first",
        second <= first / 5,
        baseline=round(first, 1),
        ratio=round(second / first, 3),
        runs=len(again),
    )


@contextmanager
def memory_crawl(
    workdir: Path, articles: int, big: int
) -> Iterator[Callable[[float], dict[str, Any]]]:
    """Starts the crawl of the larger site in the background and yields the function that
    waits for it and makes its row. Only its peak RSS is reported, so the rows measured
    meanwhile are those that run on the other core: the incremental re-crawl,
    normalisation, building the research archive and the exports (the search latency is
    measured after it, alone). It
    fetches pages only (images and PDFs left out, to keep the suite under 10 minutes):
    they pass through memory one response at a time and leave the peak unchanged
    (bench/README.md)."""
    with SiteServer(big) as server:
        process = start_worker("pages", server.url, str(workdir / "big" / "archive.sqlite"))
        try:

            def finish(small_rss: float) -> dict[str, Any]:
                large = finish_worker(process)
                growth = large["peak_rss_mb"] / small_rss
                return row(
                    f"peak RSS of the full crawl, {articles:,} -> {big:,} articles"
                    f" ({large['articles']:,} archived from {large['pages']:,} pages, images"
                    f" and PDFs not fetched; {large['pages'] / large['seconds']:.0f} pages/s)",
                    round(large["peak_rss_mb"], 1),
                    "MB",
                    "growth < 1.5x and < 400 MB",
                    growth < 1.5 and large["peak_rss_mb"] < 400,
                    baseline=round(small_rss, 1),
                    ratio=round(growth, 2),
                    runs=1,
                )

            yield finish
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def normalize_rows(quick: bool) -> list[dict[str, Any]]:
    rows = []
    for r in normalize_bench.run(quick=quick):
        r = dict(r)
        r["runs"] = 1 if quick else 3
        rows.append(r)
    return rows


def run(size: str) -> list[dict[str, Any]]:
    workdir = Path(tempfile.mkdtemp(prefix="tuyengiao-bench-"))
    quick, sizes = size != "full", SIZES[size]
    try:
        site = Site(sizes["site"])
        with SiteServer(site.n) as server:
            rows, baseline = crawl_rows(server, site, workdir, quick)
            with memory_crawl(workdir, site.n, sizes["big"]) as memory_row:
                first = baseline["first_crawl_seconds"]
                rows.insert(1, incremental_row(server, workdir, first, quick))
                later = normalize_rows(quick)
                archive, built, exports = research.build_rows(workdir, quick, sizes["research"])
                rows.append(memory_row(baseline["peak_rss_mb"]))
        rows += [*later, research.search_row(archive, built, quick, sizes["research"]), *exports]
        # last: the only rows that need redis-server
        rows += fleet_rows(workdir, quick, sizes["fleet"])
        for r in rows:
            r.setdefault("runs", None)
            if r.get("runs") is None and r["value"] is not None:
                r["runs"] = 2 if quick else 3
        return rows
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def print_table(rows: list[dict[str, Any]]) -> None:
    cells = [
        [
            ""
            if r.get(h) is None
            else ("yes" if r[h] is True else "NO" if r[h] is False else str(r[h]))
            for h in HEADERS
        ]
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(HEADERS)]
    line = " | ".join(h.ljust(w) for h, w in zip(HEADERS, widths, strict=True))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for c in cells:
        print(" | ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument("--quick", action="store_true", help="small inputs, about two minutes")
    sizes.add_argument("--smoke", action="store_true", help="the smallest inputs: every row")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    size = "smoke" if args.smoke else "quick" if args.quick else "full"
    started = time.perf_counter()
    rows = run(size)
    print_table(rows)
    print(f"\n{size} run: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
