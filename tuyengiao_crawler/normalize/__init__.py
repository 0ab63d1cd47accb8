"""Plain normalisation functions: dates, bylines, document references, text clean-up.

Standard library + dateparser only: no Scrapy, no database.  See docs/normalize.md.
"""

from __future__ import annotations

from typing import Any

from .bylines import parse_byline
from .dates import DateLike, DateSpan, date_spans, find_dates, normalize_date, normalize_date_range
from .references import REF_KEYS, extract_references, link_partial_references
from .text import author_key, clean_text

__all__ = [
    "REF_KEYS",
    "DateSpan",
    "author_key",
    "clean_text",
    "date_spans",
    "extract_references",
    "find_dates",
    "link_partial_references",
    "normalize_date",
    "normalize_date_range",
    "parse_byline",
    "parse_text",
]

_BYLINE_LINE_MAX = 80
_BYLINE_LINES = 4


def _byline_candidate(text: str) -> str:
    """The trailing short lines of a text (where bylines sit), or the whole short text."""
    lines = [ln for ln in clean_text(text).split("\n") if ln.strip()]
    if len(lines) <= _BYLINE_LINES and all(len(ln) <= _BYLINE_LINE_MAX for ln in lines):
        return "\n".join(lines)
    tail: list[str] = []
    for ln in reversed(lines):
        if len(ln) > _BYLINE_LINE_MAX or len(tail) >= _BYLINE_LINES:
            break
        tail.append(ln)
    return "\n".join(reversed(tail))


def parse_text(text: str, reference: DateLike = None) -> dict[str, Any]:
    """Everything this package can read from a text, for ``tuyengiao parse``.

    Returns ``{"dates": [...], "authors": [...], "references": [...]}``; partial
    references are resolved from the text and the registry (:func:`link_partial_references`).
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return {
        "dates": find_dates(text, reference),
        "authors": parse_byline(_byline_candidate(text)),
        "references": link_partial_references(extract_references(text, reference), reference),
    }
