"""Crawler traps: endless pagination and calendars, recognised by the shape of their URLs."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

_DIGITS = re.compile(r"\d+")


def listing_key(url: str) -> str:
    """The shape of a URL with its numbers blanked: "/tin/trang-7.html" and
    "/tin/trang-8.html", or "/lich?ngay=2021-01-02" and "/lich?ngay=2021-01-03", have the
    same key. Pages linked from a listing page with the same key belong to the same
    series (a category's pages, a calendar's days); TUYENGIAO_MAX_LISTING_PAGES caps each
    series, so an endless one ends."""
    try:
        parts = urlsplit(url)
        query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    except ValueError:
        return url
    shape = "&".join(f"{name}={_DIGITS.sub('#', value)}" for name, value in query)
    return f"{parts.netloc.lower()}{_DIGITS.sub('#', parts.path)}?{shape}"
