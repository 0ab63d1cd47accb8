"""Table-driven tests for normalize_date / normalize_date_range / find_dates."""

from __future__ import annotations

import datetime as dt

import pytest

from tuyengiao_crawler.normalize import (
    date_spans,
    find_dates,
    normalize_date,
    normalize_date_range,
)

REF = dt.date(2020, 11, 30)
REF_DT = dt.datetime(2020, 3, 5, 10, 0)

# (text, expected) with no reference date
NO_REF_CASES = [
    # plain numeric
    ("03/03/2020", "2020-03-03"),
    ("3/3/2020", "2020-03-03"),
    ("08/11/2019", "2019-11-08"),
    ("28/12/1996", "1996-12-28"),
    ("2/9/1945", "1945-09-02"),
    ("19/5/1890", "1890-05-19"),
    ("31/12/2020", "2020-12-31"),
    ("29/02/2020", "2020-02-29"),
    ("01/01/2021", "2021-01-01"),
    ("3 / 3 / 2020", "2020-03-03"),
    ("22-7-1986", "1986-07-22"),
    ("22-07-1986", "1986-07-22"),
    ("22.7.1986", "1986-07-22"),
    ("05.10.2020", "2020-10-05"),
    # two-digit years
    ("3/3/20", "2020-03-03"),
    ("15/08/69", "2069-08-15"),
    ("15/08/70", "1970-08-15"),
    ("1/5/99", "1999-05-01"),
    ("30/4/75", "1975-04-30"),
    ("01/02/00", "2000-02-01"),
    # weekday prefixes
    ("Thứ Ba, 03/03/2020", "2020-03-03"),
    ("Thứ hai, 02/03/2020", "2020-03-02"),
    ("Thứ 2, 02/03/2020", "2020-03-02"),
    ("Thứ năm, 28/04/2022", "2022-04-28"),
    ("Thứ Sáu, 29/5/2020", "2020-05-29"),
    ("Thứ bảy, 30/05/2020", "2020-05-30"),
    ("Chủ nhật, 01/11/2020", "2020-11-01"),
    ("Chủ Nhật 01/11/2020", "2020-11-01"),
    ("CN, 01/11/2020", "2020-11-01"),
    ("T2, 02/11/2020", "2020-11-02"),
    ("T7 07/11/2020", "2020-11-07"),
    ("Thứ Tư - 04/11/2020", "2020-11-04"),
    # a weekday number before a dash is not the start of a day range ("2 - 03/03")
    ("Thứ 2 - 03/03/2020", "2020-03-03"),
    ("Thứ 7 – 07/11/2020 - 08:30", "2020-11-07T08:30+07:00"),
    # word forms
    ("ngày 21 tháng 09 năm 2025", "2025-09-21"),
    ("21 tháng 09 năm 2025", "2025-09-21"),
    ("Ngày 3 tháng 2 năm 1930", "1930-02-03"),
    ("ngày 8 tháng 11 năm 2019", "2019-11-08"),
    ("Nghệ An, ngày 15 tháng 8 năm 2020", "2020-08-15"),
    ("21 tháng 9, 2025", "2025-09-21"),
    ("21 Tháng 9 2025", "2025-09-21"),
    ("Thứ Hai, 21 tháng 9 năm 2020", "2020-09-21"),
    # month precision
    ("Tháng 12 2023", "2023-12"),
    ("Tháng 12/2023", "2023-12"),
    ("tháng 3-1989", "1989-03"),
    ("tháng 11 năm 2020", "2020-11"),
    ("tháng 8/2020", "2020-08"),
    ("Giao ban báo chí định kỳ tháng 8/2020", "2020-08"),
    ("Giao ban báo chí tháng 3 năm 2020", "2020-03"),
    ("tháng 12, năm 2019", "2019-12"),
    ("Tháng 01.2021", "2021-01"),
    ("8/2020", "2020-08"),
    ("12-2019", "2019-12"),
    # times after the date
    ("Thứ Ba, 03/03/2020 - 09:15", "2020-03-03T09:15+07:00"),
    ("03/03/2020 09:15", "2020-03-03T09:15+07:00"),
    ("28/04/2020 16:03", "2020-04-28T16:03+07:00"),
    ("28/04/2020 | 16:03", "2020-04-28T16:03+07:00"),
    ("28/04/2020, 16:03", "2020-04-28T16:03+07:00"),
    # seconds kept when the text gives them (issue 14), never a made-up ":00"
    ("28/04/2020 16:03:22", "2020-04-28T16:03:22+07:00"),
    ("28/04/2020 16:03:00", "2020-04-28T16:03+07:00"),
    ("2024-03-14T02:40:15+00:00", "2024-03-14T02:40:15+00:00"),
    ("2024-03-14T02:40:15.123Z", "2024-03-14T02:40:15+00:00"),
    ("2024-03-14 09:40:15", "2024-03-14T09:40:15+07:00"),
    ("14/03/2024 09:40:15 +0700", "2024-03-14T09:40:15+07:00"),
    # 12-hour clocks, two-digit years, weekdays the page encoded twice (issue 14)
    ("09:40 tối 14/03/13", "2013-03-14T21:40+07:00"),
    ("09:40 tối thứ Năm 14/03/13", "2013-03-14T21:40+07:00"),
    ("14/03/2024 2:15 CH", "2024-03-14T14:15+07:00"),
    ("2:15 CH 14/03/2024", "2024-03-14T14:15+07:00"),
    ("14/03/2024 12:15 SA", "2024-03-14T00:15+07:00"),
    ("12:30 trưa 14/03/2024", "2024-03-14T12:30+07:00"),
    ("Th&#7913; Ba, 12/03/2024 - 2:15 CH", "2024-03-12T14:15+07:00"),
    ("Th&#7913; N&#259;m, 14/03/2024 09:40&nbsp;", "2024-03-14T09:40+07:00"),
    # a zone after the date, the clock before it
    ("09:40 14/03/2024 (GMT+08:00)", "2024-03-14T09:40+08:00"),
    ("09:40 14/03/2024 GMT+7", "2024-03-14T09:40+07:00"),
    ("Chủ nhật, 01/11/2020, 08h15", "2020-11-01T08:15+07:00"),
    ("02/11/2020 8h", "2020-11-02T08:00+07:00"),
    ("02/11/2020 lúc 8 giờ", "2020-11-02T08:00+07:00"),
    ("02/11/2020 8 giờ 15", "2020-11-02T08:15+07:00"),
    ("02/11/2020 8 giờ 15 phút", "2020-11-02T08:15+07:00"),
    ("03/03/2020 08:15 CH", "2020-03-03T20:15+07:00"),
    ("03/03/2020 08:15 SA", "2020-03-03T08:15+07:00"),
    ("03/03/2020 12:05 SA", "2020-03-03T00:05+07:00"),
    ("03/03/2020 12:05 CH", "2020-03-03T12:05+07:00"),
    ("03/03/2020 08:15 PM", "2020-03-03T20:15+07:00"),
    ("03/03/2020 08:15 AM", "2020-03-03T08:15+07:00"),
    ("03/03/2020 16:03 (GMT+7)", "2020-03-03T16:03+07:00"),
    ("03/03/2020 16:03 GMT+07:00", "2020-03-03T16:03+07:00"),
    ("03/03/2020 16:03 GMT+8", "2020-03-03T16:03+08:00"),
    ("03/03/2020 16:03 (GMT+08:00)", "2020-03-03T16:03+08:00"),
    ("03/03/2020 16:03 UTC", "2020-03-03T16:03+00:00"),
    ("03/03/2020 16:03 GMT", "2020-03-03T16:03+00:00"),
    ("03/03/2020 16:03 GMT-5", "2020-03-03T16:03-05:00"),
    ("ngày 3 tháng 3 năm 2020, 9 giờ", "2020-03-03T09:00+07:00"),
    # times before the date
    ("16:03 28/04/2020", "2020-04-28T16:03+07:00"),
    ("16:03, 28/04/2020", "2020-04-28T16:03+07:00"),
    ("16:03 - 28/04/2020", "2020-04-28T16:03+07:00"),
    ("16:03 | 28/04/2020", "2020-04-28T16:03+07:00"),
    ("08h15 ngày 03/03/2020", "2020-03-03T08:15+07:00"),
    # a time written "08h15" before a dash must not turn "15 - 12/05" into a day range
    ("08h15 - 12/05/2020", "2020-05-12T08:15+07:00"),
    ("10h40 - 22/11/2019", "2019-11-22T10:40+07:00"),
    ("14g35 - 26/02/2021", "2021-02-26T14:35+07:00"),
    ("08:15 CH 03/03/2020", "2020-03-03T20:15+07:00"),
    ("08:15 SA, Thứ Ba 03/03/2020", "2020-03-03T08:15+07:00"),
    ("8 giờ 15 phút ngày 17/10/2020", "2020-10-17T08:15+07:00"),
    ("Cập nhật lúc 16:03 ngày 28/4/2020", "2020-04-28T16:03+07:00"),
    ("Cập nhật: 16:03 28/04/2020", "2020-04-28T16:03+07:00"),
    ("Đăng lúc: 09:15 (GMT+7) 03/03/2020", "2020-03-03T09:15+07:00"),
    ("9 giờ sáng 03/03/2020", "2020-03-03T09:00+07:00"),
    ("3 giờ chiều ngày 03/03/2020", "2020-03-03T15:00+07:00"),
    ("8 giờ tối ngày 03/03/2020", "2020-03-03T20:00+07:00"),
    ("10g30 ngày 03/03/2020", "2020-03-03T10:30+07:00"),
    # prefixes without time
    ("Cập nhật: 28/04/2020", "2020-04-28"),
    ("Ngày đăng: 28/04/2020", "2020-04-28"),
    ("Ngày: 28/04/2020", "2020-04-28"),
    ("Đăng ngày 28-04-2020", "2020-04-28"),
    ("Sáng 17/10/2020", "2020-10-17"),
    ("Chiều 17/10/2020", "2020-10-17"),
    ("Tối 17-10-2020", "2020-10-17"),
    ("Trưa 17.10.2020", "2020-10-17"),
    ("Đêm 17/10/2020", "2020-10-17"),
    ("(28/4/2020)", "2020-04-28"),
    ("Ngày cập nhật: 05/11/2020 - 10:22", "2020-11-05T10:22+07:00"),
    # ISO / meta tags
    ("2020-03-03T09:15:00+07:00", "2020-03-03T09:15+07:00"),
    ("2020-03-03T09:15:00+0700", "2020-03-03T09:15+07:00"),
    ("2020-03-03T09:15:00Z", "2020-03-03T09:15+00:00"),
    ("2020-03-03T09:15:00.123+08:00", "2020-03-03T09:15+08:00"),
    ("2020-03-03 09:15:00", "2020-03-03T09:15+07:00"),
    ("2020-03-03 09:15", "2020-03-03T09:15+07:00"),
    ("2020-03-03", "2020-03-03"),
    ("2020/03/03", "2020-03-03"),
    ("  2020-03-03  ", "2020-03-03"),
    # ranges -> start
    ("25-28/2/2020", "2020-02-25"),
    ("từ 25/2 - 28/2/2020", "2020-02-25"),
    ("Từ ngày 25/2/2020 đến 28/2/2020", "2020-02-25"),
    ("từ ngày 25 đến ngày 28 tháng 2 năm 2020", "2020-02-25"),
    ("28/12 - 3/1/2021", "2020-12-28"),
    # impossible / not dates
    ("31/02/2020", None),
    ("32/01/2020", None),
    ("00/01/2020", None),
    ("15/13/2020", None),
    ("03/03/2020 25:61", None),
    ("03/03/2020 24:00", None),
    ("29/02/2021", None),
    ("tháng 13/2020", None),
    ("Sáng 17/10", None),
    ("25/2", None),
    ("", None),
    ("   ", None),
    ("không có ngày", None),
    ("COVID-19", None),
    ("năm 2020", None),
    ("0238.3844.567", None),
    ("25:61", None),
    ("abc 123", None),
]

# (text, reference, expected) - the missing year comes from the reference
REF_CASES = [
    ("Sáng 17/10", REF, "2020-10-17"),
    ("25/2", REF, "2020-02-25"),
    ("ngày 15-8", REF, "2020-08-15"),
    ("2.10", REF, "2020-10-02"),
    ("(28/4)", REF, "2020-04-28"),
    ("Chiều 30/11", REF, "2020-11-30"),
    ("Sáng 1/12", REF, "2019-12-01"),
    ("ngày 31/12", REF, "2019-12-31"),
    ("ngày 17 tháng 10", REF, "2020-10-17"),
    ("ngày 3 tháng 12", REF, "2019-12-03"),
    ("Thứ Ba (3/3)", REF_DT, "2020-03-03"),
    ("Sáng 6/3", REF_DT, "2019-03-06"),
    ("16:03 ngày 28/4", REF, "2020-04-28T16:03+07:00"),
    ("28/4 lúc 9h30", REF, "2020-04-28T09:30+07:00"),
    ("29/2", dt.date(2021, 3, 1), "2020-02-29"),
    ("Từ ngày 25/2 đến 28/2", REF, "2020-02-25"),
    ("03/03/2020", REF, "2020-03-03"),
    ("ngày 15-8", dt.datetime(2021, 8, 14, 23, 0), "2020-08-15"),
]


@pytest.mark.parametrize(("text", "expected"), NO_REF_CASES)
def test_normalize_date_without_reference(text: str, expected: str | None) -> None:
    assert normalize_date(text) == expected


@pytest.mark.parametrize(("text", "reference", "expected"), REF_CASES)
def test_normalize_date_with_reference(text: str, reference: dt.date, expected: str) -> None:
    assert normalize_date(text, reference) == expected


RANGE_CASES = [
    ("Từ ngày 25/2 đến 28/2", REF, ("2020-02-25", "2020-02-28")),
    ("Từ ngày 25/2 ɖến 28/2", REF, ("2020-02-25", "2020-02-28")),  # ɖ read as đ
    ("25-28/2/2020", None, ("2020-02-25", "2020-02-28")),
    ("từ 25/2 - 28/2/2020", None, ("2020-02-25", "2020-02-28")),
    ("từ 25/2/2020 - 28/2", None, ("2020-02-25", "2020-02-28")),
    ("từ ngày 25 đến 28/2/2020", None, ("2020-02-25", "2020-02-28")),
    ("Từ ngày 28/12/2020 đến ngày 3/1", None, ("2020-12-28", "2021-01-03")),
    ("28/12 - 3/1/2021", None, ("2020-12-28", "2021-01-03")),
    ("từ 1/3 đến 15/3", dt.date(2021, 1, 1), ("2020-03-01", "2020-03-15")),
    ("03/03/2020", None, ("2020-03-03", None)),
    ("không phải ngày", None, (None, None)),
    (None, None, (None, None)),
]


@pytest.mark.parametrize(("text", "reference", "expected"), RANGE_CASES)
def test_normalize_date_range(text, reference, expected) -> None:
    assert normalize_date_range(text, reference) == expected


def test_accepts_date_objects() -> None:
    assert normalize_date(dt.date(2020, 3, 3)) == "2020-03-03"
    assert normalize_date(None) is None
    assert normalize_date(12345) is None  # type: ignore[arg-type]


def test_long_tail_uses_dateparser() -> None:
    # Not covered by the regex fast path; dateparser handles the English form.
    assert normalize_date("March 3, 2020") == "2020-03-03"


def test_huge_input_does_not_raise() -> None:
    assert normalize_date("x" * 1_000_000) is None
    assert normalize_date("03/03/2020 " + "y" * 1_000_000) == "2020-03-03"


SEED_TEXT = (
    "Từ ngày 25/2 đến 28/2, đoàn công tác của Ban Tuyên giáo Tỉnh ủy làm việc với 6 Huyện ủy. "
    "Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư. "
    "Giao ban báo chí định kỳ tháng 8/2020. Tỷ lệ 1/5 dân số, tăng 2.10%."
)


def test_find_dates_spans_and_values() -> None:
    found = find_dates(SEED_TEXT, reference=dt.date(2020, 3, 1))
    values = [d["value"] for d in found]
    assert values == ["2020-02-25", "2020-02-28", "2019-11-08", "2020-08"]
    for d in found:
        assert SEED_TEXT[d["start"] : d["end"]] == d["surface"]
    assert found[2]["surface"] == "08/11/2019"


def test_find_dates_skips_fractions_and_unresolved() -> None:
    # No reference: the yearless range cannot be resolved and is skipped.
    found = find_dates(SEED_TEXT)
    assert [d["value"] for d in found] == ["2019-11-08", "2020-08"]
    assert find_dates("Tỷ lệ 1/5 dân số đạt 2.10 điểm", reference=REF) == []
    assert find_dates("trực 24/7, tỷ số 2-1, Nghị định 15/2020/NĐ-CP", reference=REF) == []


def test_find_dates_with_time_extends_surface() -> None:
    text = "Cập nhật lúc 16:03 ngày 28/4/2020, bài viết"
    (d,) = find_dates(text)
    assert d["value"] == "2020-04-28T16:03+07:00"
    assert d["surface"] == "16:03 ngày 28/4/2020"


def test_find_dates_day_range() -> None:
    found = find_dates("Diễn ra 25-28/2/2020 tại Vinh")
    assert [(d["surface"], d["value"]) for d in found] == [
        ("25", "2020-02-25"),
        ("28/2/2020", "2020-02-28"),
    ]


def test_find_dates_nfd_offsets() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Sáng ngày 17 tháng 10 năm 2020, Hội nghị")
    (d,) = find_dates(text)
    assert d["value"] == "2020-10-17"
    assert text[d["start"] : d["end"]] == d["surface"]


# (text, [(surface, value)]) for date_spans: the date lines generic extraction meets.
SPAN_CASES = [
    ("Thứ Ba, 03/03/2020 - 09:15", [("Thứ Ba, 03/03/2020 - 09:15", "2020-03-03T09:15+07:00")]),
    ("08h15 - 12/05/2020", [("08h15 - 12/05/2020", "2020-05-12T08:15+07:00")]),
    ("09:15 ngày 12/05/2021", [("09:15 ngày 12/05/2021", "2021-05-12T09:15+07:00")]),
    ("Cập nhật: 10:03 14/03/2023", [("10:03 14/03/2023", "2023-03-14T10:03+07:00")]),
    ("Cập nhật lúc 08:15 ngày 12/05/2021", [("08:15 ngày 12/05/2021", "2021-05-12T08:15+07:00")]),
    ("Đăng lúc: 20/10/2021 08:15 SA", [("20/10/2021 08:15 SA", "2021-10-20T08:15+07:00")]),
    ("Ngày 3 tháng 6 năm 2021", [("Ngày 3 tháng 6 năm 2021", "2021-06-03")]),
    ("12.06.2021", [("12.06.2021", "2021-06-12")]),
    ("2021-05-20T07:30:00+07:00", [("2021-05-20T07:30:00+07:00", "2021-05-20T07:30+07:00")]),
    ("Thứ Hai, ngày 02/03/2020", [("Thứ Hai, ngày 02/03/2020", "2020-03-02")]),
    ("Thứ 2 - 03/03/2020", [("Thứ 2 - 03/03/2020", "2020-03-03")]),
    ("Chủ nhật, 01/11/2020 | 16:03 (GMT+7)", [("Chủ nhật, 01/11/2020 | 16:03 (GMT+7)", "2020-11-01T16:03+07:00")]),
    (
        "Ngày đăng: 05/06/2021 10:20 | Cập nhật: 09:15 ngày 06/06/2021",
        [
            ("05/06/2021 10:20", "2021-06-05T10:20+07:00"),
            ("09:15 ngày 06/06/2021", "2021-06-06T09:15+07:00"),
        ],
    ),
    # a paragraph citing dates mid-sentence: each full date, a range as one span
    (
        "Sáng 25/6/2021, Đảng ủy xã tổ chức sơ kết Nghị quyết số 35-NQ/TW ngày 22/10/2018 "
        "của Bộ Chính trị; đợt tuyên truyền kéo dài từ 25/6 - 30/7/2021.",
        [
            ("25/6/2021", "2021-06-25"),
            ("22/10/2018", "2018-10-22"),
            ("25/6 - 30/7/2021", "2021-06-25"),
        ],
    ),
    ("Kỷ niệm 130 năm Ngày sinh (19/5/1890 - 19/5/2020)", [("19/5/1890 - 19/5/2020", "1890-05-19")]),
    # no day, or no year and no reference: nothing dates an article
    ("Giao ban báo chí định kỳ tháng 11 năm 2020", []),
    ("Sáng 18/5, Huyện ủy dâng hoa; tháng 8/2020", []),
    ("Tỷ lệ 1/5 dân số, trực 24/7, tỷ số 2-1, Nghị định 15/2020/NĐ-CP", []),
    ("Nhiệm kỳ 2020 - 2025", []),
    ("", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SPAN_CASES)
def test_date_spans(text: str, expected: list[tuple[str, str]]) -> None:
    spans = date_spans(text)
    assert [(text[s.start : s.end], s.value) for s in spans] == expected
    for s in spans:  # found and parsed by the same grammar
        assert normalize_date(text[s.start : s.end]) == s.value


def test_date_spans_limit_and_offsets() -> None:
    import unicodedata

    text = "Hội nghị 12/05/2021; " * 50
    assert len(date_spans(text, limit=1)) == 1
    assert len(date_spans(text)) == 50
    nfd = unicodedata.normalize("NFD", "Thứ Bảy, 07/11/2020 - 08:30 Tuyên giáo")
    (span,) = date_spans(nfd)
    assert unicodedata.normalize("NFC", nfd[span.start : span.end]) == "Thứ Bảy, 07/11/2020 - 08:30"
    assert span.value == "2020-11-07T08:30+07:00"
    assert date_spans(None) == [] and date_spans(12) == []  # type: ignore[arg-type]


def test_a_string_reference_is_read_not_ignored():
    """reference="2020-11-30" supplies the year as date(2020, 11, 30) does (it used to be
    ignored silently, giving None); a string that is not a date is an error."""
    import datetime

    from tuyengiao_crawler.normalize.dates import normalize_date

    assert normalize_date("ngày 5 tháng 1", reference="2020-11-30") == "2020-01-05"
    assert normalize_date("03/12", reference="2020-11-30T08:00+07:00") == normalize_date(
        "03/12", reference=datetime.date(2020, 11, 30)
    )
    assert normalize_date("03/12", reference="2020-11-30") == "2019-12-03"
    with pytest.raises(ValueError, match="is not an ISO date"):
        normalize_date("03/12", reference="30/11/2020")
    with pytest.raises(TypeError, match="reference must be"):
        normalize_date("03/12", reference=2020)
