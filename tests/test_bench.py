"""`python -m bench --smoke` runs and prints every row with numbers (no timing asserted),
so the benchmark suite cannot rot unnoticed."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = [
    "crawl throughput, full pipeline vs bare Scrapy spider",
    "incremental re-crawl of the unchanged site",
    "reprocess from WARC",
    "peak RSS of the full crawl",
    "normalize_date speed",
    "extract_references throughput",
    "FTS search latency",
    "export articles CSV",
    "export articles JSONL",
]


def test_smoke_bench_prints_every_row_with_numbers():
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = [cell.strip() for cell in lines[0].split(" | ")]
    assert header[:7] == ["benchmark", "value", "unit", "baseline", "ratio", "goal", "met"]
    table = [[cell.strip() for cell in line.split(" | ")] for line in lines[2:] if " | " in line]
    for name in ROWS:
        found = [cells for cells in table if cells[0].startswith(name)]
        assert found, f"no row {name!r} in:\n{done.stdout}"
        cells = dict(zip(header, found[0], strict=True))
        float(cells["value"])  # a number
        assert cells["met"] in ("yes", "NO"), cells
        if cells["ratio"]:
            float(cells["ratio"])
    assert "smoke run:" in done.stdout


def test_side_by_side_comparison_reports_both_checkouts():
    """`python -m bench.compare BASELINE`, here this checkout against itself on a tiny site:
    every crawl archived the whole site and both reprocess runs read every article."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.compare", str(ROOT), "--articles", "30", "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    reports = [json.loads(line) for line in done.stdout.splitlines()]
    crawls = [r for r in reports if "crawl" in r]
    assert [r["crawl"] for r in crawls] == ["before", "after"]
    assert all(r["articles"] == 30 and r["status"] == "ok" for r in crawls)
    reprocessed = [r for r in reports if "reprocess" in r]
    assert [(r["reprocess"], r["articles"], r["failed"]) for r in reprocessed] == [
        ("before", 30, 0),
        ("after", 30, 0),
    ]
    summary = reports[-1]
    assert set(summary["ratio_to_bare"]) == {"before", "after"}
    assert all(rate > 0 for rate in summary["fetches_per_second"].values())
