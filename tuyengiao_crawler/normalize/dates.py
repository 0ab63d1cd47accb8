"""Vietnamese date parsing: fast regex path, dateparser only for the long tail.

Output is ISO 8601 at the precision the text gives:
``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM+07:00`` or, when the text gives
seconds, ``YYYY-MM-DDTHH:MM:SS+07:00``; the offset is +07:00 unless the text names another.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
import unicodedata
from collections.abc import Iterator
from itertools import islice
from typing import Any, NamedTuple

from .text import fix_d, nfc_with_offsets

__all__ = ["DateSpan", "date_spans", "find_dates", "normalize_date", "normalize_date_range"]

DateLike = _dt.date | _dt.datetime | str | None

# --- regex building blocks -------------------------------------------------------------

# Numeric day/month: a slash may be padded with spaces ("03 / 03 / 2020"), dots and
# dashes may not ("Thứ 2 - 03/03" must not read as the 2nd of March).
_NUM_DATE = (
    r"(?<![\w/.,:])(?P<d>\d{1,2})(?P<sep>\s?/\s?|\.|-)(?P<m>\d{1,2})"
    r"(?:(?P=sep)(?P<y>\d{4}|\d{2}))?"
    # A dash right after is the end of a number ("12.3-4"), unless a whole date follows:
    # "01.9.1945-01.9.2025" is a range.
    r"(?!\d|[/.]\d|-(?!\d{1,2}(?P=sep)\d{1,2}(?P=sep)\d{4}(?!\d))\d|\s?%|,\d)"
)
# "05 - 09 - 2023": spaced dashes, only with the year ("Thứ 2 - 03/03" is a weekday).
_SPACED_DATE = r"(?:ngày\s+)?(?<![\w/.,:])(?P<sd>\d{1,2})\s+[-–]\s+(?P<sm>\d{1,2})\s+[-–]\s+(?P<sy>\d{4})(?!\d)"
_ISO_DATE = (
    r"(?<![\d/.])(?P<iy>\d{4})(?P<isep>[-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
    r"(?:(?:T|\s+)(?P<ih>\d{1,2}):(?P<imi>\d{2})(?::(?P<isec>\d{2})(?:[.,]\d+)?)?)?"
    r"(?P<itz>Z|\s?[+-]\d{2}:?\d{2})?(?!\d)"
)
_WORD_DATE = (
    r"(?:ngày\s+)?(?<!\d)(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?!\d)"
    r"(?:\s*,?\s*năm\s+(?P<wy>\d{4})|\s*[/.\-,]\s*(?P<wy2>\d{4})|\s+(?P<wy3>\d{4}))?(?!\d)"
)
_MONTH_YEAR = r"tháng\s+(?P<mm>\d{1,2})(?:\s*[/.\-]\s*|\s*,?\s*năm\s+|\s+)(?P<my>\d{4})(?!\d)"
# "25-28/2/2020": a day range sharing month and year. "Thứ 2 - 03/03/2020" is a weekday
# and a date, not the range 2-3 March.
_DAY_RANGE = (
    r"(?<![\w/.,:])(?<!thứ\s)(?P<rd1>\d{1,2})\s?[-–]\s?(?P<rd2>\d{1,2})\s?/\s?(?P<rm>\d{1,2})"
    r"(?:\s?/\s?(?P<ry>\d{4}|\d{2}))?(?![\d/]|\.\d)"
)
# "từ ngày 25 đến 28/2/2020": a bare start day; month/year come from the end.
_BARE_DAY = (
    r"ngày\s+(?P<bd>\d{1,2})(?:\s*(?:đến|tới)\s*|\s+[-–]\s+)(?:hết\s+)?(?:ngày\s+)?"
    r"(?=\d{1,2}\s*(?:/|\.|-|tháng))"
)
# Month/year without the word "tháng" ("8/2020"), only used by normalize_date.
_NUM_MONTH_YEAR = r"(?<![\d/.,:])(?P<nm>\d{1,2})\s?[/.\-]\s?(?P<ny>\d{4})(?![\d/])"


def _any_of(*forms: str) -> re.Pattern[str]:
    # Every form starts with a digit, "ngày" or "tháng": the lookahead turns most positions
    # away before each form is tried in turn (a search is about 4x faster).
    return re.compile(r"(?=\d|ngày|tháng)(?:" + "|".join(forms) + ")", re.IGNORECASE)


_DATE_RE = _any_of(
    _ISO_DATE, _DAY_RANGE, _SPACED_DATE, _BARE_DAY, _WORD_DATE, _NUM_DATE, _MONTH_YEAR
)
_DATE_LENIENT_RE = _any_of(
    _ISO_DATE,
    _DAY_RANGE,
    _SPACED_DATE,
    _BARE_DAY,
    _WORD_DATE,
    _NUM_DATE,
    _MONTH_YEAR,
    _NUM_MONTH_YEAR,
)

_TIME = (
    r"(?<![\d.,:/])(?P<h>\d{1,2})"
    r"(?:\s?(?::|h|g)\s?(?P<mi>\d{1,2})(?!\d)(?:\s?:\s?(?P<sec>\d{2}))?(?:\s*phút)?"
    r"|\s*giờ(?:\s*(?P<mi2>\d{1,2})(?!\d)(?:\s*phút)?)?"
    r"|\s?h(?![^\W\d_]))"
    r"(?:\s*(?P<ap>SA|CH|AM|PM|A\.M\.?|P\.M\.?|sáng|trưa|chiều|tối|đêm)(?![^\W\d_]))?"
)
_TZ = (
    r"(?:\s*\(?\s*(?:(?P<tzn>GMT|UTC)\s*(?:(?P<tzs>[+-])\s*(?P<tzh>\d{1,2})"
    r"(?::?(?P<tzm>\d{2}))?)?|(?P<tzs2>[+-])(?P<tzh2>\d{2}):?(?P<tzm2>\d{2}))\s*\)?)?"
)
# A zone written after a date whose clock time came before it: "09:40 14/03/2024 (GMT+7)".
_ZONE_AFTER_RE = re.compile(
    r"\s*\(?\s*(?P<tzn>GMT|UTC)\s*(?:(?P<tzs>[+-])\s*(?P<tzh>\d{1,2})(?::?(?P<tzm>\d{2}))?)?"
    r"(?![\w+-])",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|CN|T[2-7])(?![^\W\d_])"
_TIME_AFTER_RE = re.compile(
    r"(?:\s*[,\-–|/]\s*|\s+)(?:(?:vào\s+)?lúc\s*:?\s*)?" + _TIME + _TZ + r"(?![\d/])",
    re.IGNORECASE,
)
_TIME_BEFORE_RE = re.compile(
    _TIME + _TZ + r"\s*[,\-–|]?\s*(?:(?:ngày|hôm|" + _WEEKDAY + r")\s*[,\-–]?\s*)*\Z",
    re.IGNORECASE,
)
# A weekday (and "ngày") just before a date: part of a dateline, as in "Thứ Ba, 03/03/2020".
_WEEKDAY_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])" + _WEEKDAY + r"\s*[,\-–]?\s*(?:ngày\s+)?\Z", re.IGNORECASE
)
_RANGE_SEP_RE = re.compile(r"\s*(?:[-–—]|đến|tới|to)\s*(?:hết\s+)?(?:ngày\s+)?", re.IGNORECASE)
# Keywords that make a yearless "25/2" a date rather than a fraction or a score.
_YEARLESS_CUE_RE = re.compile(
    r"(?:ngày|sáng|trưa|chiều|tối|đêm|hôm|từ|đến|tới|và|nay|qua|lúc|\()\s*\Z",
    re.IGNORECASE,
)
_HAS_DIGIT_RE = re.compile(r"\d")
_RELATIVE_RE = re.compile(r"trước|sau|qua|nay|tới|ago|hôm", re.IGNORECASE)

_MAX_SCAN = 2000  # normalize_date only looks at the start of very long strings


# --- small helpers ---------------------------------------------------------------------


def _year2(y: str) -> int:
    v = int(y)
    if len(y) == 2:
        return 2000 + v if v <= 69 else 1900 + v
    return v


def _ref_date(reference: Any) -> _dt.date | None:
    """The reference as a date: a date, a datetime, or an ISO string ("2020-11-30",
    "2020-11-30T08:00+07:00"); anything else is refused rather than ignored."""
    if reference is None:
        return None
    if isinstance(reference, _dt.datetime):
        return reference.date()
    if isinstance(reference, _dt.date):
        return reference
    if isinstance(reference, str):
        try:
            return _dt.date.fromisoformat(reference.strip()[:10])
        except ValueError:
            raise ValueError(f"reference {reference!r} is not an ISO date (YYYY-MM-DD)") from None
    raise TypeError(
        f"reference must be a date, a datetime or an ISO date string, not {reference!r}"
    )


def _valid(y: int, m: int, d: int) -> bool:
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return 1000 <= y <= 2999


def _fill_year(m: int, d: int, reference: _dt.date | None) -> int | None:
    """Year of a yearless date: the reference's, or the one before if that is later."""
    if reference is None:
        return None
    y = reference.year
    try:
        if _dt.date(y, m, d) > reference:
            y -= 1
    except ValueError:
        # 29/2 in a non-leap reference year: fall back to the last leap year before it.
        if m == 2 and d == 29:
            while y > reference.year - 8:
                y -= 1
                if _valid(y, m, d):
                    return y
        return None
    return y


def _fmt_offset(sign: str, hh: str | None, mm: str | None) -> str | None:
    h = int(hh) if hh else 0
    mi = int(mm) if mm else 0
    if h > 14 or mi > 59:
        return None
    return f"{sign}{h:02d}:{mi:02d}"


class _Mention:
    """A parsed date mention before rendering (private)."""

    __slots__ = ("bad", "d", "end", "hour", "m", "minute", "second", "start", "tz", "y")

    def __init__(self, start: int, end: int, y: int | None, m: int, d: int | None) -> None:
        self.start, self.end, self.y, self.m, self.d = start, end, y, m, d
        self.hour: int | None = None
        self.minute: int | None = None
        self.second = 0
        self.tz = "+07:00"
        self.bad = False

    def render(self) -> str | None:
        if self.bad or self.y is None:
            return None
        if self.d is None:
            if not 1 <= self.m <= 12 or not 1000 <= self.y <= 2999:
                return None
            return f"{self.y:04d}-{self.m:02d}"
        if not _valid(self.y, self.m, self.d):
            return None
        base = f"{self.y:04d}-{self.m:02d}-{self.d:02d}"
        if self.hour is None:
            return base
        # Seconds only when the text gives some: "10:03:25", never a made-up ":00".
        sec = f":{self.second:02d}" if self.second else ""
        return f"{base}T{self.hour:02d}:{self.minute or 0:02d}{sec}{self.tz}"


def _apply_time(men: _Mention, tm: re.Match[str]) -> None:
    h = int(tm.group("h"))
    mi_s = tm.group("mi") or tm.group("mi2")
    mi = int(mi_s) if mi_s else 0
    ap = (tm.group("ap") or "").lower().replace(".", "")
    if ap in ("sa", "am") and h == 12:
        h = 0
    elif ap in ("ch", "pm", "chiều", "tối") and 1 <= h < 12:
        h += 12
    elif ap == "trưa" and 1 <= h < 6:
        h += 12
    elif ap == "đêm" and 6 <= h < 12:
        h += 12
    if h > 23 or mi > 59 or (ap in ("sa", "am", "ch", "pm") and int(tm.group("h")) > 12):
        men.bad = True
        return
    men.hour, men.minute = h, mi
    men.second = _seconds(tm.group("sec"))
    _apply_tz(men, tm)


def _seconds(raw: str | None) -> int:
    sec = int(raw) if raw else 0
    return sec if sec <= 59 else 0


def _apply_tz(men: _Mention, tm: re.Match[str]) -> None:
    if tm.group("tzn"):
        if tm.group("tzs"):
            off = _fmt_offset(tm.group("tzs"), tm.group("tzh"), tm.group("tzm"))
        else:
            off = "+00:00"
    elif "tzs2" in tm.re.groupindex and tm.group("tzs2"):
        off = _fmt_offset(tm.group("tzs2"), tm.group("tzh2"), tm.group("tzm2"))
    else:
        return
    if off is None:
        men.bad = True
    else:
        men.tz = off


def _iso_tz(men: _Mention, raw: str | None) -> None:
    if not raw:
        return
    raw = raw.strip()
    if raw == "Z":
        men.tz = "+00:00"
        return
    off = _fmt_offset(raw[0], raw[1:3], raw[-2:])
    if off is None:
        men.bad = True
    else:
        men.tz = off


def _attach_time(text: str, men: _Mention) -> None:
    """Look for a clock time right after, else right before, a day-precision date."""
    tm = _TIME_AFTER_RE.match(text, men.end)
    if tm is not None:
        _apply_time(men, tm)
        men.end = tm.end()
        return
    lo = max(0, men.start - 60)
    tm = _TIME_BEFORE_RE.search(text, lo, men.start)
    if tm is not None:
        _apply_time(men, tm)
        men.start = tm.start()
        if not (tm.group("tzn") or tm.group("tzs2")):
            zone = _ZONE_AFTER_RE.match(text, men.end)
            if zone is not None:
                _apply_tz(men, zone)
                men.end = zone.end()


# --- the scanner -----------------------------------------------------------------------


def _from_match(mt: re.Match[str]) -> _Mention | None:
    """Turn a single-date match (not a range form) into a mention."""
    s, e = mt.span()
    g = mt.group
    if g("iy"):
        men = _Mention(s, e, int(g("iy")), int(g("im")), int(g("id")))
        if g("ih"):
            men.hour, men.minute = int(g("ih")), int(g("imi"))
            men.second = _seconds(g("isec"))
            if men.hour > 23 or men.minute > 59:
                men.bad = True
            _iso_tz(men, g("itz"))
        return men
    if g("wd"):
        y = g("wy") or g("wy2") or g("wy3")
        return _Mention(s, e, int(y) if y else None, int(g("wm")), int(g("wd")))
    if g("sd"):
        return _Mention(s, e, int(g("sy")), int(g("sm")), int(g("sd")))
    if g("d"):
        y = g("y")
        return _Mention(s, e, _year2(y) if y else None, int(g("m")), int(g("d")))
    if g("mm"):
        return _Mention(s, e, int(g("my")), int(g("mm")), None)
    if g("nm"):
        return _Mention(s, e, int(g("ny")), int(g("nm")), None)
    return None


def _resolve_pair(a: _Mention, b: _Mention, reference: _dt.date | None) -> None:
    """Share the year across the two ends of a range, else fall back to the reference."""
    if a.d is None or b.d is None:
        return
    if a.y is None and b.y is not None:
        a.y = b.y
        if (a.m, a.d) > (b.m, b.d):
            a.y -= 1
    elif b.y is None and a.y is not None:
        b.y = a.y
        if (b.m, b.d) < (a.m, a.d):
            b.y += 1
    elif a.y is None and b.y is None:
        b.y = _fill_year(b.m, b.d, reference)
        if b.y is not None:
            a.y = b.y - 1 if (a.m, a.d) > (b.m, b.d) else b.y


def _yearless_ok(text: str, men: _Mention) -> bool:
    return bool(_YEARLESS_CUE_RE.search(text, max(0, men.start - 8), men.start))


def _scan(
    text: str, reference: _dt.date | None, strict: bool, limit: int = 0
) -> list[tuple[_Mention, _Mention | None]]:
    """Find date mentions; returns (mention, range_end_or_None) pairs in text order."""
    return list(islice(_iter_scan(text, reference, strict), limit or None))


def _iter_scan(
    text: str, reference: _dt.date | None, strict: bool
) -> Iterator[tuple[_Mention, _Mention | None]]:
    """The mentions of `_scan` one by one, so a caller may stop at the first it wants."""
    regex = _DATE_RE if strict else _DATE_LENIENT_RE
    pos = 0
    n = len(text)
    while pos < n:
        mt = regex.search(text, pos)
        if mt is None:
            break
        pos = mt.end() if mt.end() > mt.start() else mt.start() + 1
        g = mt.group
        if g("rd1"):
            # "25-28/2/2020": two mentions sharing the month (and year).
            y = _year2(g("ry")) if g("ry") else None
            m = int(g("rm"))
            a = _Mention(mt.start("rd1"), mt.end("rd1"), y, m, int(g("rd1")))
            b = _Mention(mt.start("rd2"), mt.end(), y, m, int(g("rd2")))
            if y is None:
                b.y = _fill_year(m, b.d or 1, reference)
                a.y = b.y
            _attach_time(text, b)
            pos = max(pos, b.end)
            yield a, b
        elif g("bd"):
            nxt = regex.match(text, mt.end())
            end = _from_match(nxt) if nxt is not None else None
            if end is None or end.d is None:
                continue
            a = _Mention(mt.start("bd"), mt.end("bd"), end.y, end.m, int(g("bd")))
            if a.d is not None and end.d is not None and a.d > end.d and end.y is not None:
                # "ngày 28 đến 3/3" crosses a month boundary.
                a.m = end.m - 1 or 12
                if end.m == 1:
                    a.y = end.y - 1
            elif a.d is not None and end.d is not None and a.d > end.d:
                a.m = end.m - 1 or 12
            if end.y is None:
                end.y = _fill_year(end.m, end.d, reference)
                a.y = end.y if a.m <= end.m or end.y is None else end.y - 1
            _attach_time(text, end)
            pos = max(pos, end.end)
            yield a, end
        else:
            men = _from_match(mt)
            if men is None:
                continue
            if men.d is not None and not g("iy"):
                _attach_time(text, men)
            # A second date after a range connector makes a range.
            other: _Mention | None = None
            if men.d is not None:
                sep = _RANGE_SEP_RE.match(text, men.end)
                if sep is not None:
                    nxt = regex.match(text, sep.end())
                    if nxt is not None and not nxt.group("rd1") and not nxt.group("bd"):
                        cand = _from_match(nxt)
                        if cand is not None and cand.d is not None:
                            other = cand
                            _attach_time(text, other)
                            pos = max(pos, other.end)
            if other is not None:
                _resolve_pair(men, other, reference)
            elif men.y is None:
                if strict and not _yearless_ok(text, men) and men.d is not None:
                    continue
                if men.d is not None:
                    men.y = _fill_year(men.m, men.d, reference)
            if strict and men.y is None and other is None and not _yearless_ok(text, men):
                continue
            yield men, other


# --- dateparser fallback ---------------------------------------------------------------

_DP_PARSER: Any = None


def _dateparser_fallback(text: str, reference: _dt.date | None) -> str | None:
    """Long-tail parsing; never called for text without digits or for long strings."""
    global _DP_PARSER
    if len(text) > 120 or not _HAS_DIGIT_RE.search(text):
        return None
    if reference is None and _RELATIVE_RE.search(text):
        return None  # relative phrases would resolve against "now": not reproducible
    try:
        from dateparser.date import DateDataParser

        settings: dict[str, Any] = {
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["month", "year"],
        }
        if reference is not None:
            settings["RELATIVE_BASE"] = _dt.datetime.combine(reference, _dt.time(12, 0))
            parser = DateDataParser(languages=["vi", "en"], settings=settings)
        else:
            if _DP_PARSER is None:
                _DP_PARSER = DateDataParser(languages=["vi", "en"], settings=settings)
            parser = _DP_PARSER
        data = parser.get_date_data(text)
    except Exception:
        return None
    obj = data.date_obj if data is not None else None
    if obj is None:
        return None
    period = data.period or "day"
    if period == "month":
        return f"{obj.year:04d}-{obj.month:02d}"
    if period == "year":
        return None
    base = f"{obj.year:04d}-{obj.month:02d}-{obj.day:02d}"
    if period == "time" and (obj.hour or obj.minute):
        off = "+07:00"
        if obj.utcoffset() is not None:
            secs = int(obj.utcoffset().total_seconds())
            sign = "+" if secs >= 0 else "-"
            secs = abs(secs)
            off = f"{sign}{secs // 3600:02d}:{secs % 3600 // 60:02d}"
        return f"{base}T{obj.hour:02d}:{obj.minute:02d}{off}"
    return base


# --- public API ------------------------------------------------------------------------


def _prepare(text: Any) -> str | None:
    if not isinstance(text, str) or not text:
        return None
    text = text[:_MAX_SCAN]
    if "&" in text:
        # An entity the page encoded twice reaches us as text: "Th&#7913; Ba" is "Thứ Ba".
        text = html.unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", fix_d(text))
    return text


def normalize_date(text: Any, reference: DateLike = None) -> str | None:
    """Normalise one date string (e.g. a dateline) to ISO 8601, or None.

    ``reference`` (a date, datetime or ISO date string) supplies the year when the text has none.
    For a range the start is returned.  Never raises for any `text`; a `reference` that
    is not a date is a ValueError or TypeError.
    """
    ref = _ref_date(reference)
    try:
        if isinstance(text, _dt.datetime):
            return text.isoformat(timespec="minutes")
        if isinstance(text, _dt.date):
            return text.isoformat()
        prepared = _prepare(text)
        if prepared is None:
            return None
        found = _scan(prepared, ref, strict=False, limit=1)
        if found:
            return found[0][0].render()
        return _dateparser_fallback(prepared.strip(), ref)
    except Exception:
        return None


def normalize_date_range(text: Any, reference: DateLike = None) -> tuple[str | None, str | None]:
    """Return (start, end) of a date range; end is None when the text holds one date."""
    ref = _ref_date(reference)
    try:
        prepared = _prepare(text)
        if prepared is None:
            return None, None
        found = _scan(prepared, ref, strict=False, limit=1)
        if not found:
            return normalize_date(prepared, reference), None
        a, b = found[0]
        return a.render(), (b.render() if b is not None else None)
    except Exception:
        return None, None


def find_dates(text: Any, reference: DateLike = None) -> list[dict[str, Any]]:
    """Every resolvable date mention in a longer text.

    Each item is ``{"surface", "start", "end", "value"}`` with offsets into ``text``
    and ``value`` the ISO string (mentions that cannot be resolved are skipped).
    Yearless forms (``25/2``) are only taken after a cue such as "ngày"/"sáng".
    """
    ref = _ref_date(reference)
    if not isinstance(text, str) or not text:
        return []
    try:
        work, mapping = nfc_with_offsets(text)
        out: list[dict[str, Any]] = []
        for a, b in _scan(work, ref, strict=True):
            for men in (a, b):
                if men is None:
                    continue
                value = men.render()
                if value is None:
                    continue
                s, e = men.start, men.end
                if mapping is not None:
                    s, e = mapping[s], mapping[e]
                out.append({"surface": text[s:e], "start": s, "end": e, "value": value})
        return out
    except Exception:
        return []


def date_at(text: str, pos: int, reference: DateLike = None) -> tuple[str | None, int]:
    """Parse a day-precision date starting exactly at ``pos`` (used by references).

    Returns (ISO date or None, end offset).  Clock times are ignored.
    """
    try:
        mt = _DATE_LENIENT_RE.match(text, pos)
        if mt is None or mt.group("rd1") or mt.group("bd"):
            return None, pos
        men = _from_match(mt)
        if men is None or men.d is None:
            return None, pos
        if men.y is None:
            men.y = _fill_year(men.m, men.d, _ref_date(reference))
        men.hour = None
        return men.render(), mt.end()
    except Exception:
        return None, pos


class DateSpan(NamedTuple):
    """Where a full date sits in a text (``text[start:end]``) and its ISO value."""

    start: int
    end: int
    value: str


def date_spans(text: Any, limit: int = 0) -> list[DateSpan]:
    """Where the full dates of a text are: the one grammar, for finding datelines.

    A span takes in the clock time beside its date and a weekday just before it
    ("Thứ Ba, 03/03/2020 - 09:15"); a day range is one span ("25-28/2/2020"). ``value``
    is what :func:`normalize_date` reads from ``text[start:end]``. Only dates with day,
    month and year count: no reference resolves a year-less one, and a month alone
    ("tháng 11 năm 2020") dates no article. ``limit`` stops after that many spans.
    """
    # Most lines of a page hold no digit, so no date: answered before any set-up.
    if not isinstance(text, str) or not _HAS_DIGIT_RE.search(text):
        return []
    try:
        work, mapping = nfc_with_offsets(text)
        out: list[DateSpan] = []
        last = 0
        for a, b in _iter_scan(work, None, strict=True):
            value = a.render()
            if value is None or len(value) < 10:  # unresolved, or a month: no day
                continue
            start, end = max(a.start, last), b.end if b is not None else a.end
            weekday = _WEEKDAY_BEFORE_RE.search(work, max(last, start - 24), start)
            if weekday is not None:
                start = weekday.start()
            last = end
            if mapping is not None:
                start, end = mapping[start], mapping[end]
            out.append(DateSpan(start, end, value))
            if limit and len(out) >= limit:
                break
        return out
    except Exception:
        return []
