"""The raw fields one article page yields, before any normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class RawArticle:
    """What an extractor read off one article page, as the page wrote it.

    `body_text` is clean paragraphs joined by a blank line; `body_html` is the
    sanitised article body. `*_source` says where a date string was found:
    "meta" (a meta tag), "dateline" (the date line near the title) or "body".
    """

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
    images: list[dict[str, str | None]] = field(default_factory=list)
    related: list[dict[str, str | None]] = field(default_factory=list)
    attachments: list[dict[str, str | None]] = field(default_factory=list)
    extractor: str = "generic"

    def as_dict(self) -> dict[str, Any]:
        # Shallow on purpose: the item takes these lists over, so a deep copy (asdict)
        # would only cost time on every page.
        return {f.name: getattr(self, f.name) for f in fields(self)}
