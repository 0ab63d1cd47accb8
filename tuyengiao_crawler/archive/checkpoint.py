"""Checkpoints of the archive's write-ahead log, from a background thread.

A crawl commits once per article and once per fetch. SQLite's automatic checkpoint runs
inside whichever commit fills the log, copying pages and syncing the database file on the
crawl's own thread: a fifth of each article's save (bench/README.md). Here a second
connection checkpoints passively, on its own thread, where SQLite works without Python's
GIL; the crawl's connection keeps an automatic checkpoint only as a far safety net.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

logger = logging.getLogger(__name__)

# Pages the log may hold before the writer checkpoints by itself, if this thread cannot.
SAFETY_NET_PAGES = 50_000


class BackgroundCheckpointer:
    """Runs `PRAGMA wal_checkpoint(PASSIVE)` every `interval` seconds until stopped.

    PASSIVE never waits for readers or writers, so it cannot stall the crawl; what it
    cannot copy now it copies next time. Errors are logged once and end the thread: the
    writer's own automatic checkpoint then takes over.
    """

    def __init__(self, path: str | Path, interval: float = 0.5) -> None:
        self.path = Path(path)
        self.interval = interval
        self.checkpoints = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="tuyengiao-wal-checkpoint", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=0)
        except sqlite3.Error as exc:
            logger.warning("background checkpoints off for %s: %s", self.path, exc)
            return
        try:
            while not self._stop.wait(self.interval):
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                self.checkpoints += 1
        except sqlite3.Error as exc:
            logger.warning("background checkpoints stopped for %s: %s", self.path, exc)
        finally:
            conn.close()
