"""Dates written with spaced dashes and dotted day ranges (issue 16), with property tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyengiao_crawler.normalize import date_spans, find_dates, normalize_date, normalize_date_range

CASES = [
    ("Đăng ngày 05 - 09 - 2023", "2023-09-05", None),
    ("Cập nhật 05 – 09 – 2023 08:30", "2023-09-05T08:30+07:00", None),
    ("ngày 1 - 10 - 2024", "2024-10-01", None),
    ("01.9.1945-01.9.2025", "1945-09-01", "2025-09-01"),
    ("Triển lãm 02.9.1945 - 02.9.2025 tại Hà Nội", "1945-09-02", "2025-09-02"),
    ("từ 05 - 09 - 2023 đến 07 - 09 - 2023", "2023-09-05", "2023-09-07"),
    ("30.4.1975-30.4.2025", "1975-04-30", "2025-04-30"),
]


@pytest.mark.parametrize(("text", "start", "end"), CASES)
def test_date_additions(text: str, start: str, end: str | None) -> None:
    assert normalize_date_range(text) == (start, end)
    values = [d["value"] for d in find_dates(text)]
    assert values == [start] + ([end] if end else [])


NOT_DATES = ["Thứ 2 - 03", "tỷ lệ 12.3-4", "Năm học 2023 - 2024", "điểm 5 - 09"]


@pytest.mark.parametrize("text", NOT_DATES)
def test_spaced_dashes_need_the_year(text: str) -> None:
    assert find_dates(text) == []


days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
dashes = st.sampled_from([" - ", " – ", "  -  "])
fillers = st.text(alphabet="abc đêm ngày, .-–/0123456789", max_size=20)
# After a date, digits could be read as its clock time ("24g0"): words and punctuation only.
words_after = st.text(alphabet="abc đêmy,.;", max_size=20)


@settings(max_examples=200, deadline=None)
@given(day=days, dash=dashes, pad=st.booleans(), before=fillers, after=words_after)
def test_spaced_dates_read_back(
    day: dt.date, dash: str, pad: bool, before: str, after: str
) -> None:
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if pad else (str(day.day), str(day.month))
    written = f"{d}{dash}{m}{dash}{day.year}"
    text = f"{before} Đăng ngày {written} {after}"
    found = find_dates(text)
    for item in found:  # spans point at the text, whatever else is around
        assert text[item["start"] : item["end"]] == item["surface"]
    assert day.isoformat() in [f["value"] for f in found]
    assert normalize_date(f"Đăng ngày {written}") == day.isoformat()


@settings(max_examples=200, deadline=None)
@given(a=days, b=days, before=fillers, after=fillers)
def test_dotted_ranges_read_back(a: dt.date, b: dt.date, before: str, after: str) -> None:
    written = f"{a.day:02d}.{a.month}.{a.year}-{b.day:02d}.{b.month}.{b.year}"
    assert normalize_date_range(written) == (a.isoformat(), b.isoformat())
    text = f"{before} {written} {after}"
    for span in date_spans(text):
        assert 0 <= span.start < span.end <= len(text)
    for item in find_dates(text):
        assert text[item["start"] : item["end"]] == item["surface"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 .-–/ngàyth", max_size=40))
def test_nothing_raises_on_digit_soup(text: str) -> None:
    for item in find_dates(text):
        assert text[item["start"] : item["end"]] == item["surface"]
    normalize_date(text)
    normalize_date_range(text)
    date_spans(text)
