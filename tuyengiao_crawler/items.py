"""Item types the spider yields and the pipelines fill in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ArticleItem:
    """One archived article: raw fields from extraction, then normalised values.

    The spider fills the first block; the normalise pipeline fills the second.
    """

    url: str
    fetched_url: str
    site: str
    fetched_at: str
    http_status: int = 200
    # The fetch (and so the WARC record) the article was read from, and its validators.
    fetch_id: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    extractor: str = "generic"
    title: str | None = None
    lead: str | None = None
    body_text: str = ""
    body_html: str = ""
    byline: str | None = None
    published_raw: str | None = None
    published_source: str | None = None
    updated_raw: str | None = None
    updated_source: str | None = None
    category: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    # Filled by the normalise pipeline.
    published_at: str | None = None
    updated_at: str | None = None
    authors: list[dict[str, str]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    content_sha256: str | None = None
    # Broken text: "repaired:<how>" (cp1258, utf-8, tcvn3, vni, utf8-double) or
    # "suspect:<what>"; the spider may leave a "font:<encoding>" hint for the pipeline.
    quality: str | None = None
