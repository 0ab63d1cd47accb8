"""Small helpers several test modules share (importable: tests/ is on sys.path)."""

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (for "unreachable" and bind tests)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rows(db, sql, *params):
    """The query's rows as dicts, from a connection opened and closed for it."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def tuyengiao(*args, stdin=None, timeout=300):
    """The CLI in a fresh process (`python -m tuyengiao_crawler ARGS`), run from the repo."""
    return subprocess.run(
        [sys.executable, "-m", "tuyengiao_crawler", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        input=stdin,
    )


def warcio(*args, timeout=120):
    """warcio's own command line (check, index, extract) on our files."""
    return subprocess.run(
        [sys.executable, "-m", "warcio.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
