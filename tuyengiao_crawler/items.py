"""Item types the spider yields and the pipelines fill in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tuyengiao_crawler.extract.fields import RawArticle


@dataclass(kw_only=True)
class ArticleItem(RawArticle):
    """One archived article: the raw fields extraction read (inherited from `RawArticle`),
    where and when the page was fetched, then the values the normalise pipeline fills in."""

    url: str
    fetched_url: str
    site: str
    fetched_at: str
    http_status: int = 200
    # The fetch (and so the WARC record) the article was read from, and its validators.
    fetch_id: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    # Filled by the normalise pipeline.
    published_at: str | None = None
    updated_at: str | None = None
    authors: list[dict[str, str]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    content_sha256: str | None = None
    # Broken text: "repaired:<how>" (cp1258, utf-8, tcvn3, vni, utf8-double) or
    # "suspect:<what>"; the spider may leave a "font:<encoding>" hint for the pipeline.
    quality: str | None = None
