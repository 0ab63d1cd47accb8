"""Archival crawler for Vietnamese Party and government news sites."""

__version__ = "0.1.0"

# Where the archive is when no --db or TUYENGIAO_DB says otherwise.
DEFAULT_DB = "data/archive.sqlite"
