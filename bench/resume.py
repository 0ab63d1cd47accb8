"""Kill and resume: a crawl of the generated site is SIGKILLed at a random moment, then
continued with `crawl --resume`, trial after trial; beside each, a plain rerun after the
same kill, as the baseline.

    python -m bench.resume                       # 2,000 articles, 10 trials
    python -m bench.resume --articles 500 --trials 3

Reported per mode: trials whose archive ended whole (every generated article, with its
generated title, once), median seconds of the run after the kill, and article pages
fetched again although a killed run had archived them (from `fetches`). Pages only (no
images or PDFs), no delay: the server is this machine's, started by the script.
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.server import SiteServer
from bench.site import Site

ROOT = Path(__file__).resolve().parent.parent
PAGES_ONLY = ["-s", "TUYENGIAO_FETCH_ASSETS=false", "-s", "TUYENGIAO_PROGRESS=off"]


def crawl(url: str, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--site", "demo",
            "--start-url", url + "/", "--db", str(db), *PAGES_ONLY, *extra]  # fmt: skip


def articles(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def whole(db: Path, site: Site) -> bool:
    """Every generated article archived once, with its generated title."""
    expected = dict(site.headline(i)[:2] for i in range(1, site.n + 1))
    conn = sqlite3.connect(db)
    try:
        found = conn.execute("SELECT url, title FROM articles").fetchall()
    finally:
        conn.close()
    return len(found) == len(expected) and {urlsplit(u).path: t for u, t in found} == expected


def fetched_again(db: Path) -> int:
    """Article pages fetched (200) by more than one run."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT count(*) FROM (SELECT url FROM fetches WHERE status = 200 AND url IN"
            " (SELECT fetched_url FROM articles) GROUP BY url HAVING count(DISTINCT run_id) > 1)"
        ).fetchone()[0]
    finally:
        conn.close()


def trial(url: str, site: Site, folder: Path, kill_at: float, mode: str) -> dict:
    db = folder / f"{mode}.sqlite"
    process = subprocess.Popen(crawl(url, db), cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(kill_at)
    process.send_signal(signal.SIGKILL)
    process.wait()
    before = articles(db) if db.exists() else 0
    extra = ["--resume"] if mode == "resume" else []
    started = time.monotonic()
    after = subprocess.run(crawl(url, db, *extra), cwd=ROOT, capture_output=True, text=True)
    seconds = time.monotonic() - started
    return {
        "ok": after.returncode == 0 and whole(db, site),
        "seconds": seconds,
        "killed_with": before,
        "again": fetched_again(db),
        "error": after.stderr.strip().splitlines()[-1:] if after.returncode else [],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.resume", description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    site = Site(args.articles, 1)  # the server's site (seed 1)
    rng = random.Random(args.seed)
    results: dict[str, list[dict]] = {"resume": [], "rerun": []}
    with SiteServer(articles=args.articles) as server, tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        clean = subprocess.run(crawl(server.url, Path(tmp) / "clean.sqlite"), cwd=ROOT,
                               capture_output=True)  # fmt: skip
        duration = time.monotonic() - started
        assert clean.returncode == 0 and whole(Path(tmp) / "clean.sqlite", site)
        for n in range(args.trials):
            kill_at = rng.uniform(1.5, duration * 0.9)
            for mode in ("resume", "rerun"):  # interleaved: the machine is noisy
                folder = Path(tmp) / f"{n}"
                folder.mkdir(exist_ok=True)
                results[mode].append(trial(server.url, site, folder, kill_at, mode))
    print(f"clean crawl of {args.articles} articles: {duration:.1f} s")
    print(
        "| after a SIGKILL | whole | median s | articles at kill (median) | fetched again (median) |"
    )
    print("|---|---|---|---|---|")
    for mode, rows in results.items():
        print(
            f"| {mode} | {sum(r['ok'] for r in rows)}/{len(rows)} "
            f"| {statistics.median(r['seconds'] for r in rows):.1f} "
            f"| {statistics.median(r['killed_with'] for r in rows):.0f} "
            f"| {statistics.median(r['again'] for r in rows):.0f} |"
        )
    for mode, rows in results.items():
        for r in rows:
            if not r["ok"]:
                print(f"{mode}: not whole after a kill at {r['killed_with']} articles {r['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
