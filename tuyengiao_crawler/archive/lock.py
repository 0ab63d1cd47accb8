"""One writer per archive: an exclusive `flock` on the archive file itself, held for a crawl.

The lock belongs to the file (its inode), not to the name it was reached by: a second
writer coming through a symlink or a hard link meets the same lock. Who holds it is
written beside the file's real path (`<db>.lock`), for the message the second one gets.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path

from tuyengiao_crawler.archive.store import ArchiveError, check_sqlite_file
from tuyengiao_crawler.errors import TuyengiaoError

# Locks this process holds, by file identity (device, inode), so the runner and the
# crawler's extension can both ask.
_HELD: dict[tuple[int, int], ArchiveLock] = {}


class ArchiveLocked(TuyengiaoError):
    """Another process is crawling into the same archive: nothing failed, try later."""

    exit_code = 5


def _identity(path: Path) -> tuple[int, int]:
    found = path.stat()
    return found.st_dev, found.st_ino


class ArchiveLock:
    """`flock` on the archive file; the kernel releases it when the process dies, even by
    SIGKILL. The file is created (empty, which SQLite takes as a new database) if missing;
    anything that exists and is not a SQLite database is refused before it is touched.

    Release it only after this process's SQLite connections to the archive are closed:
    closing a file descriptor drops every POSIX lock the process holds on the file, and
    SQLite's own locks are POSIX locks.
    """

    def __init__(self, db_path: str | Path, *, create: bool = True) -> None:
        self.db_path = Path(db_path)
        self.create = create
        self.info = Path(f"{self.db_path.resolve()}.lock")
        self.identity: tuple[int, int] | None = None
        self.fd: int | None = None

    def acquire(self) -> ArchiveLock:
        check_sqlite_file(self.db_path)
        if not self.db_path.exists() and not self.create:
            raise ArchiveError(f"no archive at {self.db_path}")
        if self.db_path.exists() and _identity(self.db_path) in _HELD:
            return _HELD[_identity(self.db_path)]
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.db_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ArchiveError(f"cannot open archive {self.db_path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)  # holds no SQLite lock of ours: this process has no connection yet
            raise ArchiveLocked(
                f"another crawl is writing {self.db_path} ({self._holder()}); wait for it to finish"
            ) from None
        self.fd = fd
        self.identity = _identity(self.db_path)
        _HELD[self.identity] = self
        started = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            self.info.write_text(f"pid {os.getpid()} since {started}", encoding="utf-8")
        except OSError:
            pass  # the note is for the message only; the lock is the flock
        return self

    def _holder(self) -> str:
        try:
            return self.info.read_text("utf-8", "replace").strip()[:200] or "unknown process"
        except OSError:  # reached by another name (a hard link): no note beside this one
            return "unknown process"

    def release(self) -> None:
        if self.fd is None:
            return
        _HELD.pop(self.identity, None)
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> ArchiveLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
