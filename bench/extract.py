"""Generic mode's `read_page` on saved pages: the extraction corpus and demo pages.

    python -m bench.extract                      # this checkout's code
    python -m bench.extract --tree /tmp/before   # an older checkout's (git worktree add)

Prints the median milliseconds per page over 7 passes. Run the two side by side, in
turns: on this shared machine only figures of one sitting compare.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = [("Content-Type", "text/html; charset=utf-8")]


def pages() -> list[tuple[str, bytes]]:
    corpus = sorted((ROOT / "tests" / "extraction_corpus").rglob("*.html"))
    demo = sorted((ROOT / "tuyengiao_crawler" / "demo_site" / "www").rglob("*.html"))[:60]
    return [(f"http://127.0.0.1/{p.name}", p.read_bytes()) for p in corpus + demo]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__)
    parser.add_argument("--tree", help="read with the code of this checkout instead")
    args = parser.parse_args(argv)
    if args.tree:
        sys.path.insert(0, str(Path(args.tree).resolve()))
    read_page = importlib.import_module("tuyengiao_crawler.extract.page").read_page
    print(f"code: {Path(read_page.__code__.co_filename).parents[2]}")
    found = pages()
    runs = []
    for _ in range(7):
        started = time.perf_counter()
        for url, body in found:
            read_page(url, body, HEADERS)
        runs.append((time.perf_counter() - started) / len(found) * 1000)
    print(
        f"read_page, generic mode: {len(found)} pages, median {statistics.median(runs):.2f} ms/page"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
