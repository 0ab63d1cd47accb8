"""Property tests: the normalize functions never raise and keep their contracts."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuyengiao_crawler.normalize import (
    REF_KEYS,
    author_key,
    clean_text,
    date_spans,
    extract_references,
    find_dates,
    normalize_date,
    normalize_date_range,
    parse_byline,
    parse_text,
)

ISO_RE = re.compile(
    r"^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2})?)?$"
)  # seconds: issue 14

REALISTIC = [
    "Thứ Ba, 03/03/2020 - 09:15",
    "Cập nhật lúc 16:03 ngày 28/4/2020 (GMT+7)",
    "Sáng 17/10, tại Vinh",
    "Từ ngày 25/2 đến 28/2, đoàn công tác làm việc",
    "ngày 21 tháng 09 năm 2025",
    "Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư",
    "Nghị quyết số 18, 19-NQ/TW và Chỉ thị 05",
    "Quyết định số 439/QĐ-TTg; Luật số 24/2018/QH14; Công văn 123/UBND-VX",
    "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025",
    "Bài, ảnh: Nguyễn Văn A\nBan Tuyên giáo Tỉnh ủy",
    "PGS.TS. Trần Văn Bình - Học viện Chính trị quốc gia Hồ Chí Minh",
    "2020-03-03T09:15:00+07:00",
]

# Realistic strings with random edits: insertions, deletions, NFD, Ð, odd spaces.
ALPHABET = "0123456789/-.:,() \u00a0\u200bĐđÐQNTWCHKL" + "áàảãạăâêôơưđ" + "hg"


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(REALISTIC))
    for _ in range(draw(st.integers(0, 6))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["ins", "del", "dup"]))
        if op == "ins":
            text = text[:pos] + draw(st.text(alphabet=ALPHABET, max_size=4)) + text[pos:]
        elif op == "del":
            text = text[:pos] + text[pos + draw(st.integers(1, 3)) :]
        else:
            text = text[:pos] + text[pos : pos + 5] + text[pos:]
    form = draw(st.sampled_from(["NFC", "NFD", "raw"]))
    return text if form == "raw" else unicodedata.normalize(form, text)


ANY_TEXT = st.one_of(st.text(max_size=300), mutated())
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REF_DATES = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))


@SETTINGS
@given(ANY_TEXT, REF_DATES)
def test_normalize_date_shape(text: str, ref: dt.date | None) -> None:
    value = normalize_date(text, ref)
    assert value is None or ISO_RE.match(value), value
    start, end = normalize_date_range(text, ref)
    for v in (start, end):
        assert v is None or ISO_RE.match(v), v


@SETTINGS
@given(ANY_TEXT, REF_DATES)
def test_find_dates_spans(text: str, ref: dt.date | None) -> None:
    for d in find_dates(text, ref):
        assert text[d["start"] : d["end"]] == d["surface"]
        assert ISO_RE.match(d["value"])


@SETTINGS
@given(ANY_TEXT)
def test_date_spans_are_what_normalize_date_reads(text: str) -> None:
    last = 0
    for span in date_spans(text):
        assert last <= span.start < span.end <= len(text)
        last = span.end
        assert len(span.value) >= 10 and ISO_RE.match(span.value)  # a day, never a month
        assert normalize_date(text[span.start : span.end]) == span.value


@SETTINGS
@given(ANY_TEXT)
def test_references_spans_and_canonical(text: str) -> None:
    for r in extract_references(text):
        assert tuple(r) == REF_KEYS
        assert text[r["start"] : r["end"]] == r["surface"]
        if r["canonical"]:
            again = extract_references(r["canonical"])
            assert again and again[0]["canonical"] == r["canonical"]
            assert unicodedata.is_normalized("NFC", r["canonical"])
            assert "Ð" not in r["canonical"]


@SETTINGS
@given(ANY_TEXT)
def test_byline_and_text_never_raise(text: str) -> None:
    for entry in parse_byline(text):
        assert entry["role"] in ("author", "organization")
        assert entry["name"] == entry["name"].strip()
        assert unicodedata.is_normalized("NFC", entry["name"])
    cleaned = clean_text(text)
    assert "\n\n\n" not in cleaned
    assert cleaned == cleaned.strip()
    assert clean_text(cleaned) == cleaned  # idempotent
    key = author_key(text)
    assert key == author_key(key)
    result = parse_text(text)
    assert set(result) == {"dates", "authors", "references"}


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["Quy định", "Nghị quyết", "Chỉ thị", "Kết luận", "Đề án", "Kế hoạch"]),
    st.integers(1, 9999),
    st.sampled_from(["NQ", "CT", "QĐ", "KL", "ĐA", "KH", "HD", "TB"]),
    st.sampled_from(["TW", "TU", "HU", "ĐU", "BTGTW"]),
)
def test_generated_party_codes_round_trip(kind: str, num: int, typ: str, iss: str) -> None:
    code = f"{num:02d}-{typ}/{iss}" if num < 10000 else f"{num}-{typ}/{iss}"
    text = f"Thực hiện {kind} số {code} ngày 08/11/2019 của Ban Bí thư về công tác"
    (r,) = extract_references(text)
    assert r["canonical"] == code
    assert r["number"] == num
    assert r["kind"] == kind
    assert r["issued_on"] == "2019-11-08"
    assert r["year"] == 2019


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)), st.integers(0, 23), st.integers(0, 59))
def test_generated_dates_round_trip(day: dt.date, hour: int, minute: int) -> None:
    assert normalize_date(f"{day.day}/{day.month}/{day.year}") == day.isoformat()
    assert normalize_date(f"ngày {day.day} tháng {day.month} năm {day.year}") == day.isoformat()
    stamp = f"{day.isoformat()}T{hour:02d}:{minute:02d}+07:00"
    assert normalize_date(f"Thứ Hai, {day:%d/%m/%Y} - {hour:02d}:{minute:02d}") == stamp
    assert normalize_date(f"{hour:02d}h{minute:02d} ngày {day:%d/%m/%Y}") == stamp
