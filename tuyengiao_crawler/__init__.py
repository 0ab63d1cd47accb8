"""Archival crawler for Vietnamese Party and government news sites."""

__version__ = "0.1.0"
