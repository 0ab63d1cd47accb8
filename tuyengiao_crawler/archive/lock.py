"""One writer per archive: an exclusive lock file beside the database, held for a crawl."""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path

from tuyengiao_crawler.errors import TuyengiaoError

# Locks this process holds, so the runner and the crawler's extension can both ask.
_HELD: dict[Path, ArchiveLock] = {}


class ArchiveLocked(TuyengiaoError):
    """Another process is crawling into the same archive."""


class ArchiveLock:
    """`flock` on `<db>.lock`; the kernel releases it when the process dies, even by SIGKILL."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self.path = Path(f"{db_path}.lock").resolve()
        self.fd: int | None = None

    def acquire(self) -> ArchiveLock:
        if self.path in _HELD:
            return _HELD[self.path]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "unknown process"
            os.close(fd)
            raise ArchiveLocked(
                f"another crawl is writing {self.db_path} ({holder}); wait for it to finish"
            ) from None
        os.ftruncate(fd, 0)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        os.write(fd, f"pid {os.getpid()} since {started}".encode())
        self.fd = fd
        _HELD[self.path] = self
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        _HELD.pop(self.path, None)
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> ArchiveLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
