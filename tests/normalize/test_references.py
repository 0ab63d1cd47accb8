"""Table-driven tests for extract_references / link_partial_references."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from tuyengiao_crawler.normalize import REF_KEYS, extract_references, link_partial_references

# (text, [(surface, kind, number, canonical), ...])
CASES = [
    # --- Party style -------------------------------------------------------------------
    ("Quy định số 208-QĐ/TW", [("Quy định số 208-QĐ/TW", "Quy định", 208, "208-QĐ/TW")]),
    ("208-QĐ/TW", [("208-QĐ/TW", "Quy định", 208, "208-QĐ/TW")]),
    ("Quyết định số 99-QĐ/TW", [("Quyết định số 99-QĐ/TW", "Quyết định", 99, "99-QĐ/TW")]),
    ("Nghị quyết số 08-NQ/TU", [("Nghị quyết số 08-NQ/TU", "Nghị quyết", 8, "08-NQ/TU")]),
    ("08-NQ/TU", [("08-NQ/TU", "Nghị quyết", 8, "08-NQ/TU")]),
    ("Đề án số 32-ĐA/TU", [("Đề án số 32-ĐA/TU", "Đề án", 32, "32-ĐA/TU")]),
    ("32-ĐA/TU", [("32-ĐA/TU", "Đề án", 32, "32-ĐA/TU")]),
    ("Chỉ thị số 05-CT/TW", [("Chỉ thị số 05-CT/TW", "Chỉ thị", 5, "05-CT/TW")]),
    ("05-CT/TW", [("05-CT/TW", "Chỉ thị", 5, "05-CT/TW")]),
    ("173-TB/TW", [("173-TB/TW", "Thông báo", 173, "173-TB/TW")]),
    ("Kết luận số 100-KL/TW", [("Kết luận số 100-KL/TW", "Kết luận", 100, "100-KL/TW")]),
    ("100-KL/TW", [("100-KL/TW", "Kết luận", 100, "100-KL/TW")]),
    ("Nghị quyết 35-NQ/TW", [("Nghị quyết 35-NQ/TW", "Nghị quyết", 35, "35-NQ/TW")]),
    ("Hướng dẫn HD/BTGTW", [("Hướng dẫn HD/BTGTW", "Hướng dẫn", None, "HD/BTGTW")]),
    ("HD/BTGTW", [("HD/BTGTW", "Hướng dẫn", None, "HD/BTGTW")]),
    ("Hướng dẫn số 12-HD/BTGTW", [("Hướng dẫn số 12-HD/BTGTW", "Hướng dẫn", 12, "12-HD/BTGTW")]),
    ("Kế hoạch số 23-KH/TU", [("Kế hoạch số 23-KH/TU", "Kế hoạch", 23, "23-KH/TU")]),
    ("23-KH/TU", [("23-KH/TU", "Kế hoạch", 23, "23-KH/TU")]),
    ("Công văn số 456-CV/BTGTU", [("Công văn số 456-CV/BTGTU", "Công văn", 456, "456-CV/BTGTU")]),
    ("Quy định 08-QĐi/TW", [("Quy định 08-QĐi/TW", "Quy định", 8, "08-QĐi/TW")]),
    ("08-QĐi/TW", [("08-QĐi/TW", "Quy định", 8, "08-QĐi/TW")]),
    ("Chương trình 05-CTr/TU", [("Chương trình 05-CTr/TU", "Chương trình", 5, "05-CTr/TU")]),
    ("05-CTr/TU", [("05-CTr/TU", "Chương trình", 5, "05-CTr/TU")]),
    ("Thông tri số 02-TT/TW", [("Thông tri số 02-TT/TW", "Thông tri", 2, "02-TT/TW")]),
    ("Báo cáo số 15-BC/HU", [("Báo cáo số 15-BC/HU", "Báo cáo", 15, "15-BC/HU")]),
    ("Nghị quyết 57-NQ/TW", [("Nghị quyết 57-NQ/TW", "Nghị quyết", 57, "57-NQ/TW")]),
    ("Quy định 105-QĐ/TW", [("Quy định 105-QĐ/TW", "Quy định", 105, "105-QĐ/TW")]),
    ("Kết luận 01-KL/TW", [("Kết luận 01-KL/TW", "Kết luận", 1, "01-KL/TW")]),
    ("Nghị quyết số 01-NQ/ĐU", [("Nghị quyết số 01-NQ/ĐU", "Nghị quyết", 1, "01-NQ/ĐU")]),
    ("Chỉ thị số 15-CT/HU", [("Chỉ thị số 15-CT/HU", "Chỉ thị", 15, "15-CT/HU")]),
    ("Kết luận số 21-KL/TW", [("Kết luận số 21-KL/TW", "Kết luận", 21, "21-KL/TW")]),
    ("Chỉ thị số 24-CT/TU", [("Chỉ thị số 24-CT/TU", "Chỉ thị", 24, "24-CT/TU")]),
    ("Nghị quyết số 26-NQ/TW", [("Nghị quyết số 26-NQ/TW", "Nghị quyết", 26, "26-NQ/TW")]),
    ("NGHỊ QUYẾT 57-NQ/TW", [("NGHỊ QUYẾT 57-NQ/TW", "Nghị quyết", 57, "57-NQ/TW")]),
    ("nghị quyết số 08-NQ/TU", [("nghị quyết số 08-NQ/TU", "Nghị quyết", 8, "08-NQ/TU")]),
    ("Quy định số: 208-QĐ/TW", [("Quy định số: 208-QĐ/TW", "Quy định", 208, "208-QĐ/TW")]),
    ("Nghị quyết số 18 - NQ/TW", [("Nghị quyết số 18 - NQ/TW", "Nghị quyết", 18, "18-NQ/TW")]),
    ("Nghị quyết số 18–NQ/TW", [("Nghị quyết số 18–NQ/TW", "Nghị quyết", 18, "18-NQ/TW")]),
    # seed headline: a kind phrase before the code wins over the code
    (
        "Thông báo Kết luận 173-TB/TW",
        [("Thông báo Kết luận 173-TB/TW", "Thông báo", 173, "173-TB/TW")],
    ),
    ("Kết luận 173-TB/TW", [("Kết luận 173-TB/TW", "Kết luận", 173, "173-TB/TW")]),
    # --- State style -------------------------------------------------------------------
    (
        "Quyết định số 439/QĐ-TTg",
        [("Quyết định số 439/QĐ-TTg", "Quyết định", 439, "439/QĐ-TTg")],
    ),
    ("439/QĐ-TTg", [("439/QĐ-TTg", "Quyết định", 439, "439/QĐ-TTg")]),
    ("Nghị định 15/2020/NĐ-CP", [("Nghị định 15/2020/NĐ-CP", "Nghị định", 15, "15/2020/NĐ-CP")]),
    ("15/2020/NĐ-CP", [("15/2020/NĐ-CP", "Nghị định", 15, "15/2020/NĐ-CP")]),
    ("Luật số 24/2018/QH14", [("Luật số 24/2018/QH14", "Luật", 24, "24/2018/QH14")]),
    ("24/2018/QH14", [("24/2018/QH14", "Luật", 24, "24/2018/QH14")]),
    ("Thông tư 01/2021/TT-BNV", [("Thông tư 01/2021/TT-BNV", "Thông tư", 1, "01/2021/TT-BNV")]),
    ("01/2021/TT-BNV", [("01/2021/TT-BNV", "Thông tư", 1, "01/2021/TT-BNV")]),
    ("Công văn số 123/UBND-VX", [("Công văn số 123/UBND-VX", "Công văn", 123, "123/UBND-VX")]),
    ("123/UBND-VX", [("123/UBND-VX", "Công văn", 123, "123/UBND-VX")]),
    (
        "Quyết định số 1234/QĐ-UBND",
        [("Quyết định số 1234/QĐ-UBND", "Quyết định", 1234, "1234/QĐ-UBND")],
    ),
    ("Kế hoạch số 56/KH-UBND", [("Kế hoạch số 56/KH-UBND", "Kế hoạch", 56, "56/KH-UBND")]),
    ("Chỉ thị 16/CT-TTg", [("Chỉ thị 16/CT-TTg", "Chỉ thị", 16, "16/CT-TTg")]),
    ("16/CT-TTg", [("16/CT-TTg", "Chỉ thị", 16, "16/CT-TTg")]),
    ("Nghị quyết 68/NQ-CP", [("Nghị quyết 68/NQ-CP", "Nghị quyết", 68, "68/NQ-CP")]),
    ("Công điện 01/CĐ-TTg", [("Công điện 01/CĐ-TTg", "Công điện", 1, "01/CĐ-TTg")]),
    ("01/CĐ-TTg", [("01/CĐ-TTg", "Công điện", 1, "01/CĐ-TTg")]),
    (
        "Thông tư liên tịch số 50/2015/TTLT-BTC-BNV",
        [
            (
                "Thông tư liên tịch số 50/2015/TTLT-BTC-BNV",
                "Thông tư liên tịch",
                50,
                "50/2015/TTLT-BTC-BNV",
            )
        ],
    ),
    (
        "Nghị quyết số 1023/NQ-UBTVQH15",
        [("Nghị quyết số 1023/NQ-UBTVQH15", "Nghị quyết", 1023, "1023/NQ-UBTVQH15")],
    ),
    (
        "Thông tư số 07/2023/TT-BGDĐT",
        [("Thông tư số 07/2023/TT-BGDĐT", "Thông tư", 7, "07/2023/TT-BGDĐT")],
    ),
    (
        "Công văn số 1234/BGDĐT-GDTH",
        [("Công văn số 1234/BGDĐT-GDTH", "Công văn", 1234, "1234/BGDĐT-GDTH")],
    ),
    ("Nghị định 64/CP", [("Nghị định 64/CP", "Nghị định", 64, "64/CP")]),
    (
        "Nghị quyết số 42/2017/QH14",
        [("Nghị quyết số 42/2017/QH14", "Nghị quyết", 42, "42/2017/QH14")],
    ),
    (
        "Quyết định số 2083/QĐ-UBND.VX",
        [("Quyết định số 2083/QĐ-UBND.VX", "Quyết định", 2083, "2083/QĐ-UBND.VX")],
    ),
    ("Tờ trình số 45/TTr-UBND", [("Tờ trình số 45/TTr-UBND", "Tờ trình", 45, "45/TTr-UBND")]),
    ("Báo cáo số 320/BC-UBND", [("Báo cáo số 320/BC-UBND", "Báo cáo", 320, "320/BC-UBND")]),
    ("Hướng dẫn 09/HD-SGDĐT", [("Hướng dẫn 09/HD-SGDĐT", "Hướng dẫn", 9, "09/HD-SGDĐT")]),
    ("Thông báo số 77/TB-VPCP", [("Thông báo số 77/TB-VPCP", "Thông báo", 77, "77/TB-VPCP")]),
    (
        "Quyết định số 16/2020/QĐ-UBND",
        [("Quyết định số 16/2020/QĐ-UBND", "Quyết định", 16, "16/2020/QĐ-UBND")],
    ),
    (
        "Pháp lệnh số 02/2022/UBTVQH15",
        [("Pháp lệnh số 02/2022/UBTVQH15", "Pháp lệnh", 2, "02/2022/UBTVQH15")],
    ),
    # --- partial references ------------------------------------------------------------
    ("Chỉ thị 05 tại huyện Kỳ Sơn", [("Chỉ thị 05", "Chỉ thị", 5, None)]),
    ("Chỉ thị số 11 ngày 28/12/1996 của Bộ Chính trị", [("Chỉ thị số 11", "Chỉ thị", 11, None)]),
    ("Nghị quyết số 08 của Ban Thường vụ", [("Nghị quyết số 08", "Nghị quyết", 8, None)]),
    ("thực hiện Đề án 06 về dân cư", [("Đề án 06", "Đề án", 6, None)]),
    ("Chương trình 135 giai đoạn III", [("Chương trình 135", "Chương trình", 135, None)]),
    ("Kết luận 01 của Bộ Chính trị", [("Kết luận 01", "Kết luận", 1, None)]),
    ("Quy định 08 về nêu gương", [("Quy định 08", "Quy định", 8, None)]),
    ("Kế hoạch số 12 của Tỉnh ủy", [("Kế hoạch số 12", "Kế hoạch", 12, None)]),
    ("Nghị định 100 về xử phạt", [("Nghị định 100", "Nghị định", 100, None)]),
    ("Báo cáo số 150 của UBND", [("Báo cáo số 150", "Báo cáo", 150, None)]),
    ("Luật số 24 năm 2018", [("Luật số 24", "Luật", 24, None)]),
    # --- named resolutions -------------------------------------------------------------
    (
        "Nghị quyết Trung ương 4 khóa XII",
        [("Nghị quyết Trung ương 4 khóa XII", "Nghị quyết", 4, "04-NQ/TW")],
    ),
    (
        "Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng",
        [("Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết", 4, "04-NQ/TW")],
    ),
    ("Nghị quyết Đại hội XIII", [("Nghị quyết Đại hội XIII", "Nghị quyết", None, None)]),
    (
        "Nghị quyết Đại hội XIII của Đảng",
        [("Nghị quyết Đại hội XIII của Đảng", "Nghị quyết", None, None)],
    ),
    (
        "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX",
        [("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX", "Nghị quyết", None, None)],
    ),
    (
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025",
        [
            (
                "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025",
                "Nghị quyết",
                None,
                None,
            )
        ],
    ),
    (
        "Nghị quyết Hội nghị Trung ương 8 khóa XIII",
        [("Nghị quyết Hội nghị Trung ương 8 khóa XIII", "Nghị quyết", None, None)],
    ),
    (
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        [
            (
                "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
                "Nghị quyết",
                None,
                None,
            )
        ],
    ),
    (
        "Kết luận Hội nghị Trung ương 10 khóa XII",
        [("Kết luận Hội nghị Trung ương 10 khóa XII", "Kết luận", None, None)],
    ),
    (
        "Nghị quyết Trung ương 5 khoá XIII",
        [("Nghị quyết Trung ương 5 khoá XIII", "Nghị quyết", None, None)],
    ),
    # --- lists ---------------------------------------------------------------------------
    (
        "Chỉ thị 43-CT/TW và Chỉ thị 44-CT/TW",
        [
            ("Chỉ thị 43-CT/TW", "Chỉ thị", 43, "43-CT/TW"),
            ("Chỉ thị 44-CT/TW", "Chỉ thị", 44, "44-CT/TW"),
        ],
    ),
    (
        "Nghị quyết số 18, 19-NQ/TW",
        [
            ("Nghị quyết số 18", "Nghị quyết", 18, "18-NQ/TW"),
            ("19-NQ/TW", "Nghị quyết", 19, "19-NQ/TW"),
        ],
    ),
    (
        "Nghị quyết số 18-NQ/TW, 19-NQ/TW",
        [
            ("Nghị quyết số 18-NQ/TW", "Nghị quyết", 18, "18-NQ/TW"),
            ("19-NQ/TW", "Nghị quyết", 19, "19-NQ/TW"),
        ],
    ),
    (
        "Nghị quyết số 18, 19 và 20-NQ/TW",
        [
            ("Nghị quyết số 18", "Nghị quyết", 18, "18-NQ/TW"),
            ("20-NQ/TW", "Nghị quyết", 20, "20-NQ/TW"),
        ],
    ),
    (
        "Quyết định số 99-QĐ/TW, 100-QĐ/TW",
        [
            ("Quyết định số 99-QĐ/TW", "Quyết định", 99, "99-QĐ/TW"),
            ("100-QĐ/TW", "Quyết định", 100, "100-QĐ/TW"),
        ],
    ),
    (
        "Thông báo Kết luận 173-TB/TW, Chỉ thị 43-CT/TW và Chỉ thị 44-CT/TW của Ban Bí thư",
        [
            ("Thông báo Kết luận 173-TB/TW", "Thông báo", 173, "173-TB/TW"),
            ("Chỉ thị 43-CT/TW", "Chỉ thị", 43, "43-CT/TW"),
            ("Chỉ thị 44-CT/TW", "Chỉ thị", 44, "44-CT/TW"),
        ],
    ),
    (
        "Nghị định 15/2020/NĐ-CP và Nghị định 14/2022/NĐ-CP",
        [
            ("Nghị định 15/2020/NĐ-CP", "Nghị định", 15, "15/2020/NĐ-CP"),
            ("Nghị định 14/2022/NĐ-CP", "Nghị định", 14, "14/2022/NĐ-CP"),
        ],
    ),
    (
        "Chỉ thị 05 và Chỉ thị 05-CT/TW",
        [("Chỉ thị 05", "Chỉ thị", 5, None), ("Chỉ thị 05-CT/TW", "Chỉ thị", 5, "05-CT/TW")],
    ),
    # --- spellings tolerated -----------------------------------------------------------
    ("Nghị quyêt số 35-NQ/TW", [("Nghị quyêt số 35-NQ/TW", "Nghị quyết", 35, "35-NQ/TW")]),
    ("Nghi quyet so 35-NQ/TW", [("Nghi quyet so 35-NQ/TW", "Nghị quyết", 35, "35-NQ/TW")]),
    ("Quy định số 208-QÐ/TW", [("Quy định số 208-QÐ/TW", "Quy định", 208, "208-QĐ/TW")]),
    ("Quyết định 439/QÐ-TTg", [("Quyết định 439/QÐ-TTg", "Quyết định", 439, "439/QĐ-TTg")]),
    (
        "Nghị ɖịnh số 15/2020/NĐ-CP",
        [("Nghị ɖịnh số 15/2020/NĐ-CP", "Nghị định", 15, "15/2020/NĐ-CP")],
    ),
    ("Chỉ thi 05-CT/TW", [("Chỉ thi 05-CT/TW", "Chỉ thị", 5, "05-CT/TW")]),
    ("Quy đinh 208-QĐ/TW", [("Quy đinh 208-QĐ/TW", "Quy định", 208, "208-QĐ/TW")]),
    # --- in running text ---------------------------------------------------------------
    (
        "Tổ chức triển khai thực hiện có hiệu quả Quy định số 208-QĐ/TW ngày 08/11/2019 "
        "của Ban Bí thư về chức năng, nhiệm vụ",
        [("Quy định số 208-QĐ/TW", "Quy định", 208, "208-QĐ/TW")],
    ),
    (
        "Kết quả nổi bật sau 2 năm triển khai thực hiện Nghị quyết số 08-NQ/TU ngày "
        "08/12/2017 của Ban Thường vụ Tỉnh ủy",
        [("Nghị quyết số 08-NQ/TU", "Nghị quyết", 8, "08-NQ/TU")],
    ),
    (
        "Hội nghị sơ kết Kết luận số 100-KL/TW của Ban Bí thư Trung ương Đảng",
        [("Kết luận số 100-KL/TW", "Kết luận", 100, "100-KL/TW")],
    ),
    (
        "Ban Tuyên giáo Tỉnh ủy khảo sát việc triển khai Chỉ thị 05 tại Đảng bộ Công an tỉnh",
        [("Chỉ thị 05", "Chỉ thị", 5, None)],
    ),
    (
        "theo tinh thần Nghị quyết số 21-NQ/TW (Nghị quyết Trung ương 4 khóa XIII)",
        [
            ("Nghị quyết số 21-NQ/TW", "Nghị quyết", 21, "21-NQ/TW"),
            ("Nghị quyết Trung ương 4 khóa XIII", "Nghị quyết", 21, "21-NQ/TW"),  # learned
        ],
    ),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương; Nghị định số 15/2020/NĐ-CP;",
        [
            ("Luật Tổ chức chính quyền địa phương", "Luật", 77, "77/2015/QH13"),
            ("Nghị định số 15/2020/NĐ-CP", "Nghị định", 15, "15/2020/NĐ-CP"),
        ],
    ),
    (
        "(theo 208-QĐ/TW)",
        [("208-QĐ/TW", "Quy định", 208, "208-QĐ/TW")],
    ),
    (
        "Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập",
        [("Chỉ thị số 05-CT/TW", "Chỉ thị", 5, "05-CT/TW")],
    ),
    (
        "Quyết định 2083/QĐ-UBND.\nNgày hôm sau",
        [("Quyết định 2083/QĐ-UBND", "Quyết định", 2083, "2083/QĐ-UBND")],
    ),
]

# Look-alikes that must yield nothing.
NEGATIVE_CASES = [
    "Đại hội lần thứ XIX",
    "Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025",
    "nhiệm kỳ 2020 - 2025",
    "nhiệm kỳ 2020-2025",
    "COVID-19",
    "dịch Covid-19 diễn biến phức tạp",
    "Điện thoại: 0238.3844.567",
    "ĐT: 0238-3844-567",
    "ngày 08/11/2019",
    "08/11/2019",
    "Quốc lộ 1A",
    "số 12/2020",
    "số 15 đường Lê Lợi",
    "tăng 25%",
    "đạt 98,5%",
    "giai đoạn 2021-2025",
    "giai đoạn 2021 – 2025",
    "các chỉ thị, nghị quyết của Đảng",
    "Kế hoạch 5 năm",
    "Chương trình 3 ngày",
    "Nghị quyết 2 năm qua",
    "Luật 2013",
    "Kế hoạch 2020",
    "Quyết định 3 người",
    "tỷ lệ 1/3",
    "xe 37A-123.45",
    "ô tô biển số 29A-12345",
    "1/5 dân số",
    "24/7",
    "Hội nghị Trung ương lần thứ 12",
    "Tờ trình 5 trang",
    "Báo cáo 2 năm",
    "lúc 16:03",
    "HỌC SINH LỚP 10A1",
    "thực hiện nghị quyết",
    "mục 2.3",
    "tầng 5/F3",
    "Điều 5 của Luật",
    "",
]


def _short(refs: list[dict]) -> list[tuple]:
    return [(r["surface"], r["kind"], r["number"], r["canonical"]) for r in refs]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_extract_references(text: str, expected: list[tuple]) -> None:
    refs = extract_references(text)
    assert _short(refs) == expected
    for r in refs:
        assert tuple(r) == REF_KEYS
        assert text[r["start"] : r["end"]] == r["surface"]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_look_alikes_are_not_references(text: str) -> None:
    assert extract_references(text) == []


# (text, field, expected value of the first reference)
FIELD_CASES = [
    ("Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư", "issued_on", "2019-11-08"),
    ("Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư", "issuer", "Ban Bí thư"),
    ("Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư", "year", 2019),
    ("Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư", "type_code", "QĐ"),
    ("Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư", "issuer_code", "TW"),
    ("Quy định số 208-QĐ/TW", "year", None),
    ("Quy định số 208-QĐ/TW", "issued_on", None),
    (
        "Nghị quyết số 08-NQ/TU ngày 08/12/2017 của Ban Thường vụ Tỉnh ủy",
        "issuer",
        "Ban Thường vụ Tỉnh ủy",
    ),
    ("Nghị quyết số 08-NQ/TU ngày 08/12/2017 của Ban Thường vụ Tỉnh ủy", "issued_on", "2017-12-08"),
    ("Kết luận số 100-KL/TW của Ban Bí thư Trung ương Đảng", "issuer", "Ban Bí thư"),
    ("Chỉ thị số 11 ngày 28/12/1996 của Bộ Chính trị", "issuer", "Bộ Chính trị"),
    ("Chỉ thị số 11 ngày 28/12/1996 của Bộ Chính trị", "issued_on", "1996-12-28"),
    ("Chỉ thị số 11 ngày 28/12/1996 của Bộ Chính trị", "year", 1996),
    ("Chỉ thị số 11 ngày 28/12/1996 của Bộ Chính trị", "type_code", None),
    (
        "Quyết định số 439/QĐ-TTg ngày 24/3/2020 của Thủ tướng Chính phủ",
        "issuer",
        "Thủ tướng Chính phủ",
    ),
    ("Quyết định số 439/QĐ-TTg ngày 24/3/2020 của Thủ tướng Chính phủ", "issued_on", "2020-03-24"),
    ("Quyết định số 439/QĐ-TTg ngày 24/3/2020", "type_code", "QĐ"),
    ("Quyết định số 439/QĐ-TTg ngày 24/3/2020", "issuer_code", "TTg"),
    ("Nghị định 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ", "issuer", "Chính phủ"),
    ("Nghị định 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ", "year", 2020),
    ("Nghị định 15/2020/NĐ-CP", "type_code", "NĐ"),
    ("Nghị định 15/2020/NĐ-CP", "issuer_code", "CP"),
    ("Luật số 24/2018/QH14", "type_code", None),
    ("Luật số 24/2018/QH14", "issuer_code", "QH14"),
    ("Luật số 24/2018/QH14 của Quốc hội khóa XIV", "issuer", "Quốc hội"),
    ("Công văn số 123/UBND-VX", "type_code", None),
    ("Công văn số 123/UBND-VX", "issuer_code", "UBND-VX"),
    ("Thông tư liên tịch số 50/2015/TTLT-BTC-BNV", "issuer_code", "BTC-BNV"),
    (
        "Nghị quyết số 29-NQ/TW ngày 4 tháng 11 năm 2013 của Ban Chấp hành Trung ương Đảng khóa XI",
        "issuer",
        "Ban Chấp hành Trung ương",
    ),
    ("Nghị quyết số 29-NQ/TW ngày 4 tháng 11 năm 2013", "issued_on", "2013-11-04"),
    ("Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị", "issuer", "Bộ Chính trị"),
    ("Chỉ thị số 05-CT/TW (ngày 15/5/2016)", "issued_on", "2016-05-15"),
    ("Kế hoạch số 56/KH-UBND ngày 5/3/2021 của UBND tỉnh Nghệ An", "issuer", "UBND tỉnh Nghệ An"),
    ("Quyết định số 1234/QĐ-BGDĐT của Bộ Giáo dục và Đào tạo", "issuer", "Bộ Giáo dục và Đào tạo"),
    (
        "Nghị quyết 1023/NQ-UBTVQH15 của Ủy ban Thường vụ Quốc hội",
        "issuer",
        "Ủy ban Thường vụ Quốc hội",
    ),
    ("Chỉ thị 43-CT/TW và Chỉ thị 44-CT/TW của Ban Bí thư", "issuer", "Ban Bí thư"),
    ("Kế hoạch số 23-KH/TU của Tỉnh ủy Nghệ An", "issuer", "Tỉnh ủy Nghệ An"),
    ("Nghị quyết số 08-NQ/TU của Tỉnh ủy", "issuer", "Tỉnh ủy"),
]


@pytest.mark.parametrize(("text", "field", "expected"), FIELD_CASES)
def test_reference_fields(text: str, field: str, expected) -> None:
    refs = extract_references(text)
    assert refs, text
    assert refs[0][field] == expected


def test_issued_on_uses_reference_year() -> None:
    (r,) = extract_references("Chỉ thị số 05-CT/TW ngày 15/5", reference=dt.date(2016, 12, 1))
    assert r["issued_on"] == "2016-05-15"
    assert r["year"] == 2016


def test_nfd_input_offsets_map_to_original() -> None:
    text = unicodedata.normalize(
        "NFD", "Trước đó, Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư và Chỉ thị 05"
    )
    refs = extract_references(text)
    assert [r["canonical"] for r in refs] == ["208-QĐ/TW", None]
    assert refs[0]["issuer"] == "Ban Bí thư"
    for r in refs:
        assert text[r["start"] : r["end"]] == r["surface"]
    assert unicodedata.normalize("NFC", refs[0]["surface"]) == "Quy định số 208-QĐ/TW"


def test_canonical_is_nfc_with_real_d() -> None:
    (r,) = extract_references(unicodedata.normalize("NFD", "208-QÐ/TW"))
    assert r["canonical"] == "208-QĐ/TW"
    assert unicodedata.is_normalized("NFC", r["canonical"])


def test_link_partial_references_fills_codes() -> None:
    text = (
        "Ban Tuyên giáo khảo sát việc triển khai Chỉ thị 05. Chỉ thị số 05-CT/TW ngày "
        "15/5/2016 của Bộ Chính trị. Nghị quyết 08 chưa có mã."
    )
    refs = extract_references(text)
    linked = link_partial_references(refs)
    assert refs[0]["canonical"] is None  # input untouched
    assert [r["canonical"] for r in linked] == ["05-CT/TW", "05-CT/TW", None]
    assert linked[0]["type_code"] == "CT"
    assert linked[0]["issuer_code"] == "TW"
    assert linked[0]["issuer"] == "Bộ Chính trị"
    assert linked[0]["surface"] == "Chỉ thị 05"


def test_link_partial_requires_same_kind() -> None:
    refs = extract_references("Nghị quyết 05 và Chỉ thị 05-CT/TW")
    linked = link_partial_references(refs)
    assert linked[0]["canonical"] is None


def test_seed_article() -> None:
    with open("/work/shared/seed/000_7b4006af6d2009e8.txt", encoding="utf-8") as fh:
        seed = fh.read()
    refs = extract_references(seed)
    canon = {r["canonical"] for r in refs if r["canonical"]}
    assert canon == {"208-QĐ/TW", "173-TB/TW", "43-CT/TW", "44-CT/TW", "08-NQ/TU", "100-KL/TW"}
    first = refs[0]
    assert (first["issued_on"], first["issuer"]) == ("2019-11-08", "Ban Bí thư")
    assert sum(1 for r in refs if r["surface"] == "Chỉ thị 05") == 4
