"""The SQLite archive: schema and migrations, writes, and read-only queries."""

from tuyengiao_crawler.archive.queries import archive_stats, open_readonly
from tuyengiao_crawler.archive.schema import SCHEMA_VERSION
from tuyengiao_crawler.archive.store import Archive, ArchiveError

__all__ = [
    "SCHEMA_VERSION",
    "Archive",
    "ArchiveError",
    "archive_stats",
    "open_readonly",
]
