"""Benchmarks for tuyengiao_crawler.normalize.

Run ``python -m bench.normalize`` (``--quick`` for a short run).  ``run()`` returns rows
``{"benchmark","value","unit","baseline","ratio","goal","met"}`` for a ``python -m bench``
summary table.  Timings are reported, never asserted.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from tuyengiao_crawler.normalize import extract_references, normalize_date

_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

# Templates seen on provincial Party and government sites: (format, has_time).
_DATE_TEMPLATES: list[tuple[Callable[[dt.datetime], str], bool]] = [
    (lambda t: f"{t:%d/%m/%Y}", False),
    (lambda t: f"{t.day}/{t.month}/{t.year}", False),
    (lambda t: f"{_WEEKDAYS[t.weekday()]}, {t:%d/%m/%Y} - {t:%H:%M}", True),
    (lambda t: f"{_WEEKDAYS[t.weekday()]}, {t:%d/%m/%Y}", False),
    (lambda t: f"ngày {t.day} tháng {t.month} năm {t.year}", False),
    (lambda t: f"Cập nhật: {t:%H:%M} {t:%d/%m/%Y}", True),
    (lambda t: f"{t:%d/%m/%Y} {t:%H:%M}", True),
    (lambda t: f"{t:%d-%m-%Y}", False),
    (lambda t: f"{t:%d/%m/%Y} {t:%H:%M} (GMT+7)", True),
    (lambda t: f"Ngày đăng: {t:%d/%m/%Y}", False),
    (lambda t: f"{t:%Y-%m-%dT%H:%M:%S}+07:00", True),
    (lambda t: f"{t:%Y-%m-%d %H:%M:%S}", True),
]


def date_corpus(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """(string, expected ISO) pairs drawn from the templates above."""
    rng = random.Random(seed)
    start = dt.datetime(2012, 1, 1)
    out = []
    for i in range(n):
        t = start + dt.timedelta(minutes=rng.randrange(0, 14 * 365 * 24 * 60))
        fmt, has_time = _DATE_TEMPLATES[i % len(_DATE_TEMPLATES)]
        expected = f"{t:%Y-%m-%dT%H:%M}+07:00" if has_time else f"{t:%Y-%m-%d}"
        out.append((fmt(t), expected))
    return out


_FILLER = [
    "Dự các buổi làm việc với đoàn có Thường trực Huyện ủy và lãnh đạo UBND các huyện, lãnh "
    "đạo, cán bộ tuyên giáo và trung tâm chính trị.",
    "Báo cáo kết quả công tác tuyên giáo và đào tạo, bồi dưỡng cán bộ tại các huyện cho thấy "
    "kết quả đạt được khá toàn diện, nhất là việc quán triệt, triển khai thực hiện các chỉ thị, "
    "nghị quyết của Đảng sớm đi vào thực tiễn cuộc sống.",
    "Phát biểu kết luận tại các buổi làm việc, đồng chí Kha Văn Tám nhấn mạnh, trong năm 2020 "
    "có rất nhiều sự kiện chính trị quan trọng, đặc biệt là Đại hội Đảng bộ tỉnh lần thứ XIX, "
    "nhiệm kỳ 2020 - 2025.",
    "Tỷ lệ hộ nghèo giảm còn 3,5%, thu nhập bình quân đạt 45 triệu đồng/người/năm; toàn tỉnh "
    "có 12.345 đảng viên mới, điện thoại đường dây nóng 0238.3844.567.",
    "Hoạt động của Trung tâm chính trị cấp huyện ngày càng đi vào nền nếp, chất lượng ngày "
    "càng được nâng lên, bộ máy ngày càng tinh gọn, hiệu quả trong giai đoạn 2021-2025.",
    "Sáng 17/10, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban báo chí định kỳ tháng 10 "
    "năm 2020 với sự tham dự của đại diện các cơ quan báo chí trên địa bàn.",
]
_REF_TEMPLATES = [
    ("Quy định số {n}-QĐ/TW ngày {d} của Ban Bí thư về chức năng, nhiệm vụ", "{n}-QĐ/TW"),
    ("Nghị quyết số {n}-NQ/TU ngày {d} của Ban Thường vụ Tỉnh ủy", "{n}-NQ/TU"),
    ("Chỉ thị {n}-CT/TW của Bộ Chính trị", "{n}-CT/TW"),
    ("Kết luận số {n}-KL/TW của Ban Bí thư Trung ương Đảng", "{n}-KL/TW"),
    ("Quyết định số {n}/QĐ-TTg ngày {d} của Thủ tướng Chính phủ", "{n}/QĐ-TTg"),
    ("Nghị định {n}/2020/NĐ-CP của Chính phủ", "{n}/2020/NĐ-CP"),
    ("Kế hoạch số {n}/KH-UBND của UBND tỉnh", "{n}/KH-UBND"),
    ("Đề án {n}-ĐA/TU về phát triển nguồn nhân lực", "{n}-ĐA/TU"),
]


def article_corpus(target_bytes: int, seed: int = 11) -> tuple[str, list[str]]:
    """Realistic article text with planted references; returns (text, planted canonicals)."""
    rng = random.Random(seed)
    parts: list[str] = []
    planted: list[str] = []
    size = 0
    while size < target_bytes:
        para = [rng.choice(_FILLER) for _ in range(rng.randint(2, 5))]
        if rng.random() < 0.6:
            tpl, canon = rng.choice(_REF_TEMPLATES)
            n = str(rng.randint(1, 999)).zfill(2)
            day = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2010, 2024)}"
            para.insert(rng.randrange(len(para) + 1), "Thực hiện " + tpl.format(n=n, d=day) + ".")
            planted.append(canon.format(n=n))
        if rng.random() < 0.3:
            para.append("Ban Tuyên giáo Tỉnh ủy khảo sát việc triển khai Chỉ thị 05 tại huyện.")
        text = " ".join(para)
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
    return "\n\n".join(parts), planted


def _median_time(fn: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _dp_iso(value: dt.datetime | None, expected: str) -> str | None:
    if value is None:
        return None
    if "T" in expected:
        return f"{value:%Y-%m-%dT%H:%M}+07:00"
    return f"{value:%Y-%m-%d}"


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Run the benchmarks and return result rows."""
    import dateparser

    n_dates = 300 if quick else 3000
    repeats = 1 if quick else 3
    corpus = date_corpus(n_dates)
    strings = [s for s, _ in corpus]

    ours = [normalize_date(s) for s in strings]  # warm-up + accuracy
    t_ours = _median_time(lambda: [normalize_date(s) for s in strings], max(repeats, 3))
    dp_results: list[dt.datetime | None] = []

    def dp_pass() -> None:
        dp_results.clear()
        dp_results.extend(dateparser.parse(s, languages=["vi"]) for s in strings)

    dateparser.parse("01/01/2020", languages=["vi"])  # warm-up (loads language data)
    t_dp = _median_time(dp_pass, repeats)

    correct = sum(o == e for o, (_, e) in zip(ours, corpus, strict=True))
    dp_iso = [_dp_iso(v, e) for v, (_, e) in zip(dp_results, corpus, strict=True)]
    dp_correct = sum(d == e for d, (_, e) in zip(dp_iso, corpus, strict=True))
    agree = sum(o == d for o, d in zip(ours, dp_iso, strict=True))
    us_ours = t_ours / n_dates * 1e6
    us_dp = t_dp / n_dates * 1e6
    ratio = us_dp / us_ours if us_ours else float("inf")

    size = (512 if quick else 2200) * 1024
    text, planted = article_corpus(size)
    mb = len(text.encode("utf-8")) / 1e6
    refs = extract_references(text)
    t_refs = _median_time(lambda: extract_references(text), 1 if quick else 3)
    mbps = mb / t_refs
    found = [r["canonical"] for r in refs if r["canonical"]]
    hits = sum((Counter(found) & Counter(planted)).values())
    recall = hits / max(len(planted), 1)

    return [
        {
            "benchmark": f"normalize_date speed ({n_dates} strings, µs/string)",
            "value": round(us_ours, 2),
            "unit": "µs",
            "baseline": round(us_dp, 1),
            "ratio": round(ratio, 1),
            "goal": ">= 50x faster than dateparser.parse",
            "met": ratio >= 50,
        },
        {
            "benchmark": "normalize_date accuracy vs ground truth",
            "value": round(100 * correct / n_dates, 2),
            "unit": "%",
            "baseline": round(100 * dp_correct / n_dates, 2),
            "ratio": None,
            "goal": ">= 99%",
            "met": correct / n_dates >= 0.99,
        },
        {
            "benchmark": "normalize_date agreement with dateparser",
            "value": round(100 * agree / n_dates, 2),
            "unit": "%",
            "baseline": None,
            "ratio": None,
            "goal": None,
            "met": None,
        },
        {
            "benchmark": f"extract_references throughput ({mb:.1f} MB)",
            "value": round(mbps, 2),
            "unit": "MB/s",
            "baseline": None,
            "ratio": None,
            "goal": ">= 5 MB/s",
            "met": mbps >= 5,
        },
        {
            "benchmark": f"extract_references planted-ref recall ({len(planted)} refs)",
            "value": round(100 * recall, 2),
            "unit": "%",
            "baseline": None,
            "ratio": None,
            "goal": ">= 99%",
            "met": recall >= 0.99,
        },
    ]


def print_table(rows: list[dict[str, Any]]) -> None:
    headers = ["benchmark", "value", "unit", "baseline", "ratio", "goal", "met"]
    cells = [[("" if r[h] is None else str(r[h])) for h in headers] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-" * len(line))
    for c in cells:
        print("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print_table(run(quick="--quick" in args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
