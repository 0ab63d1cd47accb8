"""Crawler traps: endless pagination and calendars, recognised by the shape of their URLs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

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


# A parameter value that no person wrote: a session id, a token, a cache buster.
_RANDOMISH = re.compile(r"^(?=.*\d)(?=.*[a-zA-Z])[A-Za-z0-9_\-]{20,}$|^[0-9a-fA-F\-{}]{16,}$")
# Path segments: more than this many is a path no site builds on purpose.
MAX_SEGMENTS = 16
_SPACE_OR_DIGITS = re.compile(r"[\s\d]+")


def repeating_path(path: str) -> bool:
    """A path that repeats itself: a run of two or more segments twice in a row
    ("/cms/tin-tuc/cms/tin-tuc/"), one segment three times, or more than MAX_SEGMENTS
    segments; what relative links on a soft-404 page grow into."""
    segments = [s for s in path.split("/") if s]
    if len(segments) > MAX_SEGMENTS:
        return True
    counts: dict[str, int] = {}
    for segment in segments:
        counts[segment] = counts.get(segment, 0) + 1
        if counts[segment] >= 3:
            return True
    for size in range(2, len(segments) // 2 + 1):
        for start in range(len(segments) - 2 * size + 1):
            if segments[start : start + size] == segments[start + size : start + 2 * size]:
                return True
    return False


# A calendar day as a whole path part or query value (2019-03-14, 2019/03/14, 14-03-2019,
# 14.03.2019), not one inside a slug ("ke-hoach-den-31-12-2030.html" is a title's words).
_URL_DATE = re.compile(
    r"(?:^|(?<=[/=]))(?:(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})[-.](?P<m2>\d{1,2})[-.](?P<y2>(?:19|20)\d\d))(?=[/&?#]|$)"
)


def url_date(url: str) -> dt.date | None:
    """The calendar day a URL's path or query names, if any."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    found = _URL_DATE.search(unquote(f"{parts.path}?{parts.query}"))
    if not found:
        return None
    year, month, day = (
        (found["y"], found["m"], found["d"])
        if found["y"]
        else (found["y2"], found["m2"], found["d2"])
    )
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _text_fingerprint(text: str) -> int:
    # Digits out: visitor counters and clocks change on every request.
    return hash(_SPACE_OR_DIGITS.sub(" ", text))


class TrapGuard:
    """What the crawl has learned of a site's traps; pure, one per crawl.

    A parameter is session-like on a host once two fetches of one page that differ only
    in its random-looking value (`?s=<32 hex>`) showed the same text: from then on it is
    left out of the key requests are de-duplicated on (the URL fetched keeps it). Article
    ids that look random (`?id=507f1f77bcf86cd799439011`) show other texts and are never
    learned. `dedupe_key` gives None for a URL not to fetch at all (a repeating path, a
    day after tomorrow). A calendar (listing pages whose URLs name days) is walked only
    while its pages show articles not seen before: after `barren_days` pages in a row
    without one, its further links are not followed (`calendar_walks_on`).
    `found` holds each kind of trap met, how often, and a few examples.
    """

    def __init__(self, barren_days: int = 30, today: dt.date | None = None) -> None:
        self.session: dict[str, set[str]] = {}  # host -> session-like parameter names
        # (host, the URL without the parameter, its name) -> text fingerprint -> value
        self._texts: dict[tuple[str, str, str], dict[int, str]] = {}
        self.found: dict[str, dict[str, Any]] = {}
        self.barren_days = barren_days
        # Days after this are no publication date: a calendar's "next" links lead there.
        self.last_day = (today or dt.datetime.now(dt.UTC).date()) + dt.timedelta(days=1)
        self._barren: dict[str, int] = {}  # calendar -> its pages in a row without news

    def note(self, kind: str, url: str) -> None:
        """Count a URL a trap minted (one not fetched), keeping the first examples."""
        trap = self.found.setdefault(kind, {"count": 0, "examples": []})
        trap["count"] += 1
        if len(trap["examples"]) < 3:
            trap["examples"].append(url)

    def dedupe_key(self, key: str) -> str | None:
        """The key to de-duplicate a canonical URL on, or None not to fetch it."""
        try:
            parts = urlsplit(key)
        except ValueError:
            return key
        if repeating_path(parts.path):
            self.note("repeating-path", key)
            return None
        day = url_date(key)
        if day and day > self.last_day:
            self.note("future-date", key)
            return None
        learned = self.session.get(parts.netloc)
        if not learned or not parts.query:
            return key
        query = parse_qsl(parts.query, keep_blank_values=True)
        kept = [(name, value) for name, value in query if name not in learned]
        if len(kept) == len(query):
            return key
        return parts._replace(query=urlencode(kept)).geturl()

    def calendar_walks_on(self, series: str, url: str, news: bool) -> bool:
        """Whether to follow the links of a listing page of `series` at `url` that showed
        (`news`) or did not show articles not seen before: always, unless its URL names a
        day and the series' last `barren_days` such pages, this one included, showed none."""
        if url_date(url) is None:
            return True
        barren = 0 if news else self._barren.get(series, 0) + 1
        self._barren[series] = barren
        if barren < self.barren_days:
            return True
        self.note("calendar", url)
        return False

    def wants(self, key: str) -> bool:
        """Whether a fetched page's text could teach something: its URL has a random-looking
        parameter value not yet known to be a session's."""
        parts = urlsplit(key)
        learned = self.session.get(parts.netloc, ())
        return any(
            _RANDOMISH.match(value) and name not in learned
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
        )

    def observe(self, key: str, text: str) -> None:
        """Learn from a fetched page (its canonical URL and visible text)."""
        parts = urlsplit(key)
        if not parts.query:
            return
        query = parse_qsl(parts.query, keep_blank_values=True)
        for name, value in query:
            if not _RANDOMISH.match(value) or name in self.session.get(parts.netloc, ()):
                continue
            others = urlencode([(n, v) for n, v in query if n != name])
            texts = self._texts.setdefault((parts.netloc, f"{parts.path}?{others}", name), {})
            seen = texts.setdefault(_text_fingerprint(text), value)
            if seen != value:
                self.session.setdefault(parts.netloc, set()).add(name)
