"""Fleet benchmarks: two workers of one shared frontier against one worker on the same
generated site, and merging their shards. Needs redis-server (started here on a free
loopback port) and the [distributed] extra; without them the rows are left out.

    python -m bench.fleet [--articles N] [--quick]

Each run seeds a fresh frontier, starts the workers (`tuyengiao crawl --redis`, separate
processes, each its own shard) at once, and times until the frontier has been drained
(queue and requests in flight empty, polled every 0.05 s): process start is in both, the
idle exit in neither. fetches/s = rows in the shards' `fetches` over that time. Runs of
one and two workers are interleaved. The merge row is `tuyengiao merge --json`'s own
articles/s (process start excluded), merging the two-worker shards into a new archive.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.redis_server import RedisServer
from bench.server import SiteServer

ROOT = Path(__file__).resolve().parent.parent
KEY = "tuyengiao"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tuyengiao_crawler", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)


def _fetches(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM fetches").fetchone()[0]
    finally:
        conn.close()


def _worker(url: str, shard: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--redis", url,
               "--db", str(shard), "--idle-exit", "1"]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def crawl_once(
    client: Any, url: str, site_url: str, workdir: Path, workers: int
) -> tuple[float, float]:
    """(fetches/s, worker CPU seconds per 1,000 fetches) of `workers` workers draining one
    freshly seeded frontier."""
    _cli("seed", "--redis", url, "--fresh", "--site", "demo", "--start-url", site_url)
    shards = [workdir / f"w{n}" / "shard.sqlite" for n in range(workers)]
    cpu = _children_cpu()
    started = time.perf_counter()
    processes = [_worker(url, shard) for shard in shards]
    began = False
    while True:
        busy = client.zcard(f"{KEY}:requests") + client.hlen(f"{KEY}:inflight")
        began = began or busy > 0
        if began and not busy:
            break
        if all(p.poll() is not None for p in processes):
            raise RuntimeError(f"workers exited early: {processes[0].stderr.read()[-500:]}")
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    for process in processes:
        _, err = process.communicate(timeout=120)
        if process.returncode != 0:
            raise RuntimeError(f"worker failed: {err[-500:]}")
    fetches = sum(_fetches(shard) for shard in shards)
    return fetches / seconds, (_children_cpu() - cpu) / fetches * 1000


def merge_once(shards: list[Path], out: Path) -> dict[str, Any]:
    done = _cli("merge", str(out), *map(str, shards), "--json")
    return json.loads(done.stdout)


def fleet_rows(workdir: Path, quick: bool, articles: int) -> list[dict[str, Any]]:
    """The fleet rows, or none (said on stderr) without redis-server or the extra."""
    from bench.__main__ import row

    server = shutil.which("redis-server")
    try:
        import redis
        import scrapy_redis  # noqa: F401
    except ImportError:
        redis = None  # type: ignore[assignment]
    if server is None or redis is None:
        print("fleet rows left out: no redis-server or no [distributed] extra", file=sys.stderr)
        return []
    load = os.getloadavg()[0]  # the machine is shared: what else was running
    runs = 1 if quick else 2
    daemon = RedisServer(workdir)
    daemon.start()
    url = daemon.url + "/0"
    client = redis.Redis(port=daemon.port)
    try:
        one, two = [], []
        with SiteServer(articles) as site:
            for i in range(runs):
                one.append(crawl_once(client, url, site.url, workdir / f"one{i}", 1))
                two.append(crawl_once(client, url, site.url, workdir / f"two{i}", 2))
        shards = sorted((workdir / "two0").glob("*/shard.sqlite"))
        merges = [merge_once(shards, workdir / f"merged{i}" / "archive.sqlite") for i in range(2)]
    finally:
        daemon.stop()
    single, double = statistics.median(r for r, _ in one), statistics.median(r for r, _ in two)
    cpu_one, cpu_two = statistics.median(c for _, c in one), statistics.median(c for _, c in two)
    rates = [sum(m["articles"].values()) / m["seconds"] for m in merges]
    merged = sum(merges[0]["articles"].values())
    return [
        row(
            f"fleet: two workers vs one on a shared Redis frontier, fetches/s ({articles:,}"
            f" articles; worker CPU s per 1,000 fetches {cpu_one:.1f} vs {cpu_two:.1f};"
            f" load average {load:.1f} at start)",
            round(double, 1),
            "fetches/s",
            ">= 1.5x one worker",
            double >= 1.5 * single,
            baseline=round(single, 1),
            ratio=round(double / single, 2),
            runs=runs,
        ),
        row(
            f"fleet: merge of the two shards into a new archive ({merged:,} articles)",
            round(statistics.median(rates)),
            "articles/s",
            ">= 2,000",
            statistics.median(rates) >= 2000,
            runs=len(merges),
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    from bench.__main__ import print_table

    parser = argparse.ArgumentParser(prog="python -m bench.fleet", description=__doc__)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="tuyengiao-fleet-"))
    try:
        print_table(fleet_rows(workdir, args.quick, args.articles))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
