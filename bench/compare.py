"""Crawl and reprocess, this checkout against an older one, side by side on one site.

    git worktree add /tmp/before REV
    python -m bench.compare /tmp/before [--articles 10000] [--runs 2]

One generated site is served by this checkout's `bench/server.py`; then in turn a bare
spider, a full crawl by the older checkout and one by this, each a fresh `bench.crawl`
worker, `--runs` times; then `tuyengiao reprocess --json` of each version's own first
archive, alternating. Prints one JSON line per run and a summary of medians: on a shared
machine only figures measured in one such run compare (bench/README.md).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.server import SiteServer

ROOT = Path(__file__).resolve().parent.parent


def _run(tree: Path, *args: str) -> dict[str, Any]:
    """A command of `tree`'s code (its own package first on the path); its JSON report."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{tree}: {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("baseline", type=Path, help="a checkout of the older commit")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    trees = {"before": args.baseline.resolve(), "after": ROOT}
    rates: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as work, SiteServer(args.articles) as server:
        for i in range(args.runs):
            bare = _run(ROOT, "-m", "bench.crawl", "bare", server.url)
            rates.setdefault("bare", []).append(bare["pages"] / bare["seconds"])
            for name, tree in trees.items():
                db = f"{work}/{name}{i}/archive.sqlite"
                full = _run(tree, "-m", "bench.crawl", "full", server.url, db)
                rates.setdefault(name, []).append(full["pages"] / full["seconds"])
                cpu.setdefault(name, []).append(full["cpu_seconds"])
                print(json.dumps({"run": i, "crawl": name, **full}), flush=True)
        for i in range(args.runs):
            for name, tree in trees.items():
                db = f"{work}/{name}0/archive.sqlite"
                report = _run(tree, "-m", "tuyengiao_crawler", "reprocess", "--db", db, "--json")
                rates.setdefault(f"reprocess {name}", []).append(report["articles_per_second"])
                print(json.dumps({"run": i, "reprocess": name, **report}), flush=True)
    median = {name: statistics.median(values) for name, values in rates.items()}
    summary = {
        "fetches_per_second": {n: round(median[n], 1) for n in ("bare", *trees)},
        "ratio_to_bare": {n: round(median[n] / median["bare"], 2) for n in trees},
        "crawl_cpu_seconds": {n: round(statistics.median(v), 1) for n, v in cpu.items()},
        "reprocess_articles_per_second": {n: median[f"reprocess {n}"] for n in trees},
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
