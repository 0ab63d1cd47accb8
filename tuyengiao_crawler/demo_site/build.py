"""Generator for the bundled demo site: ``python -m tuyengiao_crawler.demo_site.build``.

Writes ``www/`` (static HTML, images, one PDF, robots.txt, sitemap.xml) and
``manifest.json`` (the ground truth for every article) from the Python data below.
The output is deterministic: the same bytes on every run (fixed RNG seed, no clock).

The site imitates a provincial Ban Tuyên giáo portal with two sub-sites, modelled on the
one real article page in ``/work/shared/seed``: banner, title, body, byline (name line,
then organisation line) and a "Tin cùng chuyên mục" related list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import shutil
import struct
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import render
from .render import attr, esc

PACKAGE_DIR = Path(__file__).resolve().parent
PER_PAGE = 6
RNG_SEED = 20200302
TZ = "+07:00"
SITE_NAME = "Cổng thông tin Ban Tuyên giáo Tỉnh ủy Nghệ An (demo)"
REDIRECT_OLD_ID = 1001
NOT_FOUND_PATH = "/btg/tin-hoat-dong/bai-da-go-9999.html"
ADMIN_PATH = "/admin/"
PDF_PATH = "/uploads/van-ban/huong-dan-tuyen-truyen-dai-hoi-xix.pdf"
PDF_TITLE = "Hướng dẫn tuyên truyền Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025"

# --------------------------------------------------------------------------- site shape

SUBSITES: dict[str, dict[str, str]] = {
    "btg": {
        "name": "Ban Tuyên giáo",
        "org": "Ban Tuyên giáo Tỉnh ủy",
        "banner": "Banner Ban tuyên giáo sub-site-1",
    },
    "dv": {
        "name": "Ban Dân vận",
        "org": "Ban Dân vận Tỉnh ủy",
        "banner": "Banner Ban dân vận sub-site-2",
    },
}

# key -> (subsite, display name)
CATEGORIES: dict[str, tuple[str, str]] = {
    "tin-hoat-dong": ("btg", "Tin hoạt động"),
    "nghien-cuu-trao-doi": ("btg", "Nghiên cứu - Trao đổi"),
    "van-ban-chi-dao": ("btg", "Văn bản - Chỉ đạo"),
    "dan-van-kheo": ("dv", "Dân vận khéo"),
}

FOOTER_LINES = (
    "Ban Tuyên giáo Tỉnh ủy Nghệ An",
    "Địa chỉ: Số 2 đường Trường Thi, thành phố Vinh, tỉnh Nghệ An",
    "Điện thoại: 0238.3844.567 - Fax: 0238.3844.568",
    "© Bản quyền thuộc Ban Tuyên giáo Tỉnh ủy Nghệ An. Ghi rõ nguồn khi phát hành lại thông tin.",
)

# --------------------------------------------------------------------------- documents

# Placeholder key -> (surface text, canonical codes). Texts use ``[[key]]``.
DOCS: dict[str, tuple[str, list[str]]] = {
    "qd208": ("Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư", ["208-QĐ/TW"]),
    "qd208s": ("Quy định số 208-QĐ/TW", ["208-QĐ/TW"]),
    "ct05": ("Chỉ thị 05-CT/TW", ["05-CT/TW"]),
    "ct05f": (
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo "
        "tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ["05-CT/TW"],
    ),
    "nq08": ("Nghị quyết số 08-NQ/TU ngày 08/12/2017 của Ban Thường vụ Tỉnh ủy", ["08-NQ/TU"]),
    "kl100": ("Kết luận số 100-KL/TW", ["100-KL/TW"]),
    "tb173": (
        "Thông báo Kết luận 173-TB/TW, Chỉ thị 43-CT/TW và Chỉ thị 44-CT/TW của Ban Bí thư",
        ["173-TB/TW", "43-CT/TW", "44-CT/TW"],
    ),
    "nq35": ("Nghị quyết số 35-NQ/TW", ["35-NQ/TW"]),
    "nq35f": (
        "Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ nền tảng "
        "tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới",
        ["35-NQ/TW"],
    ),
    "qd439": ("Quyết định số 439/QĐ-TTg của Thủ tướng Chính phủ", ["439/QĐ-TTg"]),
    # Look-alike letter: U+00D0 (Icelandic Eth) instead of U+0110 Đ, as some CMSs produce.
    "qd439x": ("Quyết định số 439/Q\u00d0-TTg", ["439/QĐ-TTg"]),
    "nd15": ("Nghị định số 15/2020/NĐ-CP", ["15/2020/NĐ-CP"]),
    "nd15f": (
        "Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ quy định xử phạt vi phạm hành "
        "chính trong lĩnh vực bưu chính, viễn thông, tần số vô tuyến điện, công nghệ thông tin "
        "và giao dịch điện tử",
        ["15/2020/NĐ-CP"],
    ),
    "luat24": ("Luật An ninh mạng số 24/2018/QH14", ["24/2018/QH14"]),
    "luat24b": ("Luật số 24/2018/QH14", ["24/2018/QH14"]),
    "ct16": ("Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ", ["16/CT-TTg"]),
    "ct23": ("Chỉ thị số 23-CT/TW ngày 09/02/2018 của Ban Bí thư", ["23-CT/TW"]),
    "qd290": ("Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị", ["290-QĐ/TW"]),
    "kl114": ("Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư", ["114-KL/TW"]),
    "nq25": (
        "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)",
        ["25-NQ/TW"],
    ),
    "kl01": ("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị", ["01-KL/TW"]),
    "nq25s": ("Nghị quyết số 25-NQ/TW", ["25-NQ/TW"]),
    "qd290s": ("Quyết định số 290-QĐ/TW", ["290-QĐ/TW"]),
    "kl01s": ("Kết luận số 01-KL/TW", ["01-KL/TW"]),
    "ct16s": ("Chỉ thị số 16/CT-TTg", ["16/CT-TTg"]),
    "hd45": ("Hướng dẫn số 45-HD/BTGTU ngày 10/6/2020 của Ban Tuyên giáo Tỉnh ủy", ["45-HD/BTGTU"]),
}

# Independent sanity check (build-time only): every code-looking token must come from DOCS.
_CODE_RES = (
    re.compile(r"\b\d{1,4}-[A-Z\u0110\u00d0]{2,4}/[A-Z\u0110\u00d0]{2,6}\b"),
    re.compile(r"\b\d{1,4}/(?:\d{4}/)?[A-Z\u0110\u00d0]{2,4}-[A-Za-z\u0110\u00d0]{2,5}\b"),
    re.compile(r"\b\d{1,4}/\d{4}/QH\d{2}\b"),
)

# --------------------------------------------------------------------------- people

LEADERS = {
    "btg": [
        (
            "đồng chí Kha Văn Tám, Tỉnh ủy viên, Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy",
            "đồng chí Kha Văn Tám",
        ),
        (
            "đồng chí Nguyễn Đình Hùng, Phó Trưởng ban Tuyên giáo Tỉnh ủy",
            "đồng chí Nguyễn Đình Hùng",
        ),
        (
            "đồng chí Lê Thị Minh Nguyệt, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo "
            "Tỉnh ủy",
            "đồng chí Lê Thị Minh Nguyệt",
        ),
    ],
    "dv": [
        (
            "đồng chí Vi Văn Quyết, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy",
            "đồng chí Vi Văn Quyết",
        ),
        ("đồng chí Trần Thị Hải Yến, Phó Trưởng ban Dân vận Tỉnh ủy", "đồng chí Trần Thị Hải Yến"),
    ],
}
ELDERS = ["Lô Văn Thắm", "Nguyễn Văn Tiến", "Lương Văn Cường", "Moong Văn Pó", "Hồ Sỹ Bình"]


@dataclass(frozen=True)
class Byline:
    """One byline variant: the raw <p class="author"> lines and the true authors."""

    kind: str
    lines: tuple[str, ...]
    authors: tuple[tuple[str, str], ...]  # (name, role)


def _b(kind: str, lines: tuple[str, ...], *authors: tuple[str, str]) -> Byline:
    return Byline(kind, lines, tuple(authors))


AU, ORG = "author", "organization"
# fmt: off
BL_SEED = _b("name+org", ("Phan Sỹ Thành", "Ban Tuyên giáo Tỉnh ủy"),
             ("Phan Sỹ Thành", AU), ("Ban Tuyên giáo Tỉnh ủy", ORG))
BL_SEED2 = _b("name+org", ("Lê Thị Thanh Tâm", "Ban Tuyên giáo Tỉnh ủy"),
              ("Lê Thị Thanh Tâm", AU), ("Ban Tuyên giáo Tỉnh ủy", ORG))
BL_DV_ORG = _b("name+org", ("Nguyễn Thị Lan", "Ban Dân vận Tỉnh ủy"),
               ("Nguyễn Thị Lan", AU), ("Ban Dân vận Tỉnh ủy", ORG))
BL_BAI_ANH = _b("prefix", ("Bài, ảnh: Nguyễn Thị Hoa",), ("Nguyễn Thị Hoa", AU))
BL_BAI_ANH2 = _b("prefix", ("Bài, ảnh: Đặng Văn Hải",), ("Đặng Văn Hải", AU))
BL_TIN_ANH = _b("prefix", ("Tin, ảnh: Minh Châu",), ("Minh Châu", AU))
BL_PV = _b("pv", ("PV",), ("PV", AU))
BL_NHOM_PV = _b("pv", ("Nhóm PV",), ("Nhóm PV", AU))
BL_TWO = _b("two-authors", ("Thu Hà - Minh Anh",), ("Thu Hà", AU), ("Minh Anh", AU))
BL_THS = _b("title+org", ("ThS. Trần Văn Long", "Trường Chính trị tỉnh"),
            ("Trần Văn Long", AU), ("Trường Chính trị tỉnh", ORG))
BL_TS = _b("title+org", ("TS. Nguyễn Thị Bích Hạnh", "Trường Đại học Vinh"),
           ("Nguyễn Thị Bích Hạnh", AU), ("Trường Đại học Vinh", ORG))
BL_PAREN = _b("paren-org", ("Hoàng Minh (Ban Tuyên giáo Huyện ủy Quỳnh Lưu)",),
              ("Hoàng Minh", AU), ("Ban Tuyên giáo Huyện ủy Quỳnh Lưu", ORG))
BL_THEO = _b("source", ("Theo Báo Nghệ An",), ("Báo Nghệ An", ORG))
BL_CAPS = _b("all-caps", ("PHAN ANH",), ("Phan Anh", AU))
# fmt: on

BYLINE_POOLS: dict[str, list[Byline | None]] = {
    "tin-hoat-dong": [BL_SEED, BL_BAI_ANH, BL_PV, None, BL_TWO, BL_PAREN, BL_CAPS, BL_TIN_ANH],
    "nghien-cuu-trao-doi": [BL_THS, BL_TS, None, BL_SEED2, BL_THEO, BL_CAPS, BL_THS],
    "van-ban-chi-dao": [BL_SEED, None, BL_PV, BL_THEO, BL_NHOM_PV, None, BL_PAREN],
    "dan-van-kheo": [BL_DV_ORG, BL_TIN_ANH, None, BL_NHOM_PV, BL_THEO, BL_BAI_ANH2, BL_TWO],
}

# --------------------------------------------------------------------------- dates

WD_CAP = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
WD_LOW = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
WD_NUM = ["Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật"]

# format key -> has_time
DATE_FORMATS: dict[str, bool] = {
    "wd_dash": True,  # Thứ Ba, 03/03/2020 - 09:15
    "dmy_hm": True,  # 03/03/2020 09:15
    "wd_lower_pipe": True,  # Thứ hai, 2/3/2020 | 16:03
    "cap_nhat": True,  # Cập nhật: 09:15 ngày 03/03/2020
    "ngay_thang_nam": False,  # Ngày 3 tháng 3 năm 2020
    "h_dash": True,  # 08h15 - 12/05/2020
    "wd_dmy_dash": True,  # Chủ nhật, 17-05-2020, 07:30
    "dotted": False,  # 12.06.2020
    "dang_luc_12h": True,  # Đăng lúc: 20/10/2020 08:15 SA
    "dmy_12h": True,  # 15/11/2020 02:30 CH
    "wd_num_gmt": True,  # Thứ 4, 04/11/2020, 10:05 (GMT+7)
}


def format_date(when: dt.datetime, fmt: str) -> str:
    """Render ``when`` (local Vietnam time) in one of the site's date styles."""
    d, m, y = when.day, when.month, when.year
    dmy = f"{d:02d}/{m:02d}/{y}"
    hm = f"{when.hour:02d}:{when.minute:02d}"
    w = when.weekday()
    h12 = when.hour % 12 or 12
    ampm = f"{h12:02d}:{when.minute:02d} {'SA' if when.hour < 12 else 'CH'}"
    out = {
        "wd_dash": f"{WD_CAP[w]}, {dmy} - {hm}",
        "dmy_hm": f"{dmy} {hm}",
        "wd_lower_pipe": f"{WD_LOW[w]}, {d}/{m}/{y} | {hm}",
        "cap_nhat": f"Cập nhật: {hm} ngày {dmy}",
        "ngay_thang_nam": f"Ngày {d} tháng {m} năm {y}",
        "h_dash": f"{when.hour:02d}h{when.minute:02d} - {dmy}",
        "wd_dmy_dash": f"{WD_CAP[w]}, {d:02d}-{m:02d}-{y}, {hm}",
        "dotted": f"{d:02d}.{m:02d}.{y}",
        "dang_luc_12h": f"Đăng lúc: {dmy} {ampm}",
        "dmy_12h": f"{dmy} {ampm}",
        "wd_num_gmt": f"{WD_NUM[w]}, {dmy}, {hm} (GMT+7)",
    }
    return out[fmt]


def iso(when: dt.datetime, with_time: bool) -> str:
    """ISO string at the precision the visible date string gives."""
    if not with_time:
        return when.date().isoformat()
    return f"{when:%Y-%m-%dT%H:%M}{TZ}"


# --------------------------------------------------------------------------- text pools

FOCUS_BY_YEAR = {
    2019: "việc chuẩn bị Đại hội Đảng bộ các cấp, nhiệm kỳ 2020 - 2025",
    2020: "Đại hội Đảng bộ các cấp tiến tới Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, "
    "nhiệm kỳ 2020 - 2025 và Đại hội lần thứ XIII của Đảng",
    2021: "việc học tập, quán triệt Nghị quyết Đại hội XIII của Đảng và cuộc bầu cử đại biểu "
    "Quốc hội khóa XV, đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026",
}
NEWS_BY_YEAR = {
    2019: "tình hình Biển Đông, công tác bảo vệ chủ quyền biển, đảo và những vấn đề dư luận xã "
    "hội quan tâm như giá cả thị trường, việc làm của người lao động",
    2020: "diễn biến của dịch COVID-19, công tác phòng, chống dịch và những vấn đề dư luận xã "
    "hội quan tâm như hỗ trợ người dân gặp khó khăn, việc làm của người lao động trở về quê",
    2021: "công tác phòng, chống dịch COVID-19, việc triển khai tiêm vắc-xin và những vấn đề "
    "dư luận xã hội quan tâm như phục hồi sản xuất, kinh doanh",
}

DOC_PARAS = [
    "Yêu cầu đặt ra là quán triệt đầy đủ những nội dung cơ bản của {doc}; đồng thời cụ thể "
    "hóa bằng kế hoạch thực hiện, phân công trách nhiệm cụ thể cho từng cơ quan, đơn vị.",
    "Các cấp ủy, tổ chức đảng cần tổ chức triển khai thực hiện có hiệu quả {doc}, gắn với "
    "việc kiểm tra, giám sát, sơ kết, tổng kết định kỳ.",
    "Đặc biệt, việc triển khai {doc} đã được cấp ủy các cấp quan tâm chỉ đạo, cụ thể hóa bằng "
    "các chương trình, kế hoạch sát với tình hình thực tế của địa phương, đơn vị.",
    "Tổ chức triển khai thực hiện có hiệu quả {doc} theo hướng nâng cao chất lượng, thực chất, "
    "tránh hình thức; lấy kết quả thực hiện làm tiêu chí đánh giá, xếp loại tổ chức đảng và "
    "đảng viên hằng năm.",
    "Thực hiện {doc}, cấp ủy các cấp đã ban hành nhiều văn bản lãnh đạo, chỉ đạo; công tác "
    "tuyên truyền, phổ biến được tiến hành thường xuyên, với nhiều hình thức phong phú.",
]

TOPICS: dict[str, dict[str, list[str]]] = {
    "giao_ban": {
        "lead": [
            "Ban Tuyên giáo Tỉnh ủy tổ chức {event}, đánh giá hoạt động báo chí trong tháng và "
            "định hướng thông tin, tuyên truyền thời gian tới.",
            "Các cơ quan báo chí được đề nghị tập trung tuyên truyền {focus}.",
        ],
        "first": [
            "Sáng {d}/{m}, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Thông tin và Truyền thông, Hội "
            "Nhà báo tỉnh tổ chức {event}. {Leader} chủ trì hội nghị.",
            "Chiều {d}/{m}/{y}, tại trụ sở Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy tổ chức {event} nhằm "
            "đánh giá công tác báo chí, xuất bản trong tháng và định hướng nhiệm vụ thời gian tới.",
        ],
        "mid": [
            "Dự hội nghị có lãnh đạo các sở, ban, ngành liên quan; lãnh đạo các cơ quan báo chí "
            "của tỉnh, văn phòng đại diện, phóng viên thường trú các cơ quan báo chí Trung ương "
            "trên địa bàn.",
            "Theo báo cáo, trong tháng qua các cơ quan báo chí trên địa bàn đã bám sát tôn chỉ, "
            "mục đích, thông tin kịp thời các sự kiện chính trị, kinh tế - xã hội nổi bật của "
            "tỉnh; tập trung tuyên truyền {focus}.",
            "Các cơ quan báo chí đã phản ánh đậm nét phong trào thi đua yêu nước, các gương điển "
            "hình tiên tiến, người tốt việc tốt; đồng thời chủ động phát hiện, phản ánh những vấn "
            "đề bức xúc, dư luận xã hội quan tâm, góp phần tạo sự đồng thuận trong xã hội.",
            "Tại hội nghị, đại diện các sở, ngành đã cung cấp thông tin về tình hình thực hiện "
            "nhiệm vụ, giải đáp những vấn đề báo chí quan tâm như giải phóng mặt bằng các dự án "
            "trọng điểm, công tác phòng, chống thiên tai, bảo đảm an toàn thực phẩm.",
            "Hội nghị cũng chỉ ra một số hạn chế: một số tin, bài còn đơn điệu, chưa có chiều sâu; "
            "việc đấu tranh phản bác các quan điểm sai trái, thù địch trên báo chí có lúc chưa kịp "
            "thời; hoạt động của một số trang thông tin điện tử tổng hợp chưa đúng giấy phép.",
        ],
        "last": [
            "Kết luận hội nghị, {leader_short} đề nghị các cơ quan báo chí tiếp tục bám sát định "
            "hướng, tập trung tuyên truyền {focus}; chú trọng thông tin tích cực, nêu gương người "
            "tốt, việc tốt; thực hiện nghiêm quy chế phát ngôn và cung cấp thông tin cho báo chí.",
            "Phát biểu kết luận, {leader_short} yêu cầu các cơ quan báo chí nâng cao tinh thần "
            "trách nhiệm, thực hiện đúng tôn chỉ, mục đích; kịp thời định hướng dư luận xã hội, "
            "không để bị động, bất ngờ trước các thông tin xấu, độc.",
        ],
    },
    "bcv": {
        "lead": [
            "Hội nghị nhằm thông tin kịp thời tình hình thời sự trong nước, quốc tế và của tỉnh "
            "tới đội ngũ báo cáo viên các cấp.",
            "Đội ngũ báo cáo viên các cấp được cung cấp thông tin về {news}.",
        ],
        "first": [
            "Ngày {d}/{m}/{y}, Ban Tuyên giáo Tỉnh ủy tổ chức {event}. Hội nghị được kết nối trực "
            "tuyến đến điểm cầu các huyện, thành, thị ủy, đảng ủy trực thuộc Tỉnh ủy.",
            "Sáng {d}/{m}, Ban Thường vụ Tỉnh ủy tổ chức {event} cho đội ngũ báo cáo viên Tỉnh ủy, "
            "báo cáo viên các huyện, thành, thị ủy và đảng ủy trực thuộc.",
        ],
        "mid": [
            "Tại hội nghị, các đại biểu được nghe {leader} thông tin về tình hình thời sự nổi bật "
            "trong nước, quốc tế và tình hình kinh tế - xã hội, quốc phòng - an ninh của tỉnh.",
            "Báo cáo viên đã thông tin những nội dung cơ bản, cốt lõi, giúp cán bộ, đảng viên "
            "nắm bắt kịp thời tình hình, qua đó tuyên truyền sâu rộng trong các tầng lớp nhân "
            "dân, góp phần củng cố niềm tin vào sự lãnh đạo của Đảng.",
            "Các đại biểu cũng được thông tin về {news}.",
            "Hội nghị là dịp để đội ngũ báo cáo viên các cấp trao đổi kinh nghiệm, đổi mới nội "
            "dung, phương thức tuyên truyền miệng, nâng cao chất lượng sinh hoạt chính trị tại "
            "cơ sở.",
            "Theo đánh giá của Ban Tuyên giáo Tỉnh ủy, hoạt động của đội ngũ báo cáo viên các cấp "
            "ngày càng đi vào nền nếp; nhiều báo cáo viên đã ứng dụng công nghệ thông tin, khai "
            "thác tư liệu trực quan, giúp buổi thông tin sinh động, thuyết phục.",
        ],
        "last": [
            "Đề nghị đội ngũ báo cáo viên các cấp kịp thời truyền đạt nội dung hội nghị đến cán "
            "bộ, đảng viên và nhân dân; nắm chắc tình hình tư tưởng, dư luận xã hội để phản ánh, "
            "tham mưu cấp ủy xử lý kịp thời những vấn đề phát sinh.",
        ],
    },
    "ct05": {
        "lead": [
            "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở {place_phrase} "
            "đã có nhiều chuyển biến, gắn với những việc làm cụ thể, thiết thực.",
            "{Event} nhằm đánh giá kết quả học tập và làm theo tư tưởng, đạo đức, phong cách "
            "Hồ Chí Minh, đề ra giải pháp cho thời gian tới.",
        ],
        "first": [
            "Ngày {d}/{m}/{y}, {host} tổ chức {event}. Dự hội nghị có {leader}.",
            "Thực hiện kế hoạch kiểm tra, giám sát năm {y}, ngày {d}/{m}, đoàn công tác của Ban "
            "Tuyên giáo Tỉnh ủy do {leader} làm trưởng đoàn đã {event}.",
        ],
        "mid": [
            "Thời gian qua, {place_phrase} đã cụ thể hóa nội dung học tập và làm theo Bác bằng "
            "những việc làm thiết thực: đăng ký nêu gương của người đứng đầu, xây dựng mô hình "
            "“Dân vận khéo”, phong trào “Xây dựng nông thôn mới” và nhiều phần việc cụ thể gắn "
            "với nhiệm vụ chính trị của địa phương.",
            "Nhiều tập thể, cá nhân điển hình được biểu dương, khen thưởng; các mô hình, cách làm "
            "hay được nhân rộng, lan tỏa trong đời sống xã hội, góp phần ngăn chặn, đẩy lùi sự "
            "suy thoái về tư tưởng chính trị, đạo đức, lối sống.",
            "Tuy nhiên, việc xây dựng kế hoạch làm theo ở một số chi bộ còn chung chung, chưa gắn "
            "với nhiệm vụ chuyên môn; việc sơ kết, nhân rộng điển hình có nơi chưa thường xuyên.",
            "Tại buổi làm việc, các đại biểu đã trao đổi, làm rõ những thuận lợi, khó khăn trong "
            "quá trình triển khai, đề xuất giải pháp nâng cao chất lượng học tập chuyên đề hằng "
            "năm.",
        ],
        "last": [
            "Phát biểu kết luận, {leader_short} đề nghị tiếp tục gắn việc thực hiện Chỉ thị 05 "
            "với Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng; đưa việc học tập "
            "và làm theo Bác trở thành việc làm tự giác, thường xuyên của mỗi cán bộ, đảng viên.",
        ],
    },
    "quan_triet": {
        "lead": [
            "Hội nghị được tổ chức theo hình thức trực tuyến, kết nối đến các điểm cầu cấp huyện "
            "và cơ sở trong toàn tỉnh.",
        ],
        "first": [
            "Ngày {d}/{m}/{y}, Ban Thường vụ Tỉnh ủy tổ chức {event}. Hội nghị được tổ chức theo "
            "hình thức trực tuyến đến các điểm cầu cấp huyện và cơ sở.",
        ],
        "mid": [
            "Tại hội nghị, {leader} đã quán triệt những nội dung cơ bản, cốt lõi, những điểm mới "
            "của các văn bản; phân tích sâu sắc yêu cầu đặt ra đối với công tác xây dựng Đảng "
            "trong tình hình mới.",
            "Đây là những văn bản quan trọng, thể hiện sự quan tâm của Trung ương đối với công tác "
            "tư tưởng, công tác cán bộ và việc giữ gìn sự đoàn kết, thống nhất trong Đảng.",
            "Sau hội nghị, các cấp ủy, tổ chức đảng xây dựng kế hoạch tổ chức học tập, quán triệt "
            "đến 100% cán bộ, đảng viên; gắn với việc thực hiện nhiệm vụ chính trị của từng địa "
            "phương, đơn vị.",
        ],
        "last": [
            "Đề nghị các cấp ủy, tổ chức đảng nghiêm túc triển khai thực hiện; định kỳ báo cáo "
            "kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy) để tổng hợp, theo dõi.",
        ],
    },
    "lam_viec": {
        "lead": [
            "Đoàn công tác của Ban Tuyên giáo Tỉnh ủy làm việc với Huyện ủy {place}, đánh giá "
            "công tác tuyên giáo và triển khai nhiệm vụ trọng tâm năm {y}.",
            "{Leader_cap} đề nghị Ban Tuyên giáo các cấp nắm chắc tình hình tư tưởng, dư luận xã "
            "hội để kịp thời tham mưu cấp ủy.",
        ],
        "first": [
            "Từ ngày {start} đến ngày {end}, đoàn công tác của Ban Tuyên giáo Tỉnh ủy do {leader} "
            "làm trưởng đoàn làm việc với Huyện ủy {place} để đánh giá tình hình hoạt động công "
            "tác tuyên giáo, chỉ đạo, đôn đốc triển khai những nhiệm vụ trọng tâm năm {y}.",
            "Ngày {d}/{m}/{y}, Ban Tuyên giáo Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy {place} "
            "về công tác nắm bắt tình hình tư tưởng, dư luận xã hội và định hướng thông tin.",
        ],
        "mid": [
            "Dự các buổi làm việc với đoàn có Thường trực Huyện ủy và lãnh đạo UBND huyện, lãnh "
            "đạo, cán bộ tuyên giáo và trung tâm chính trị.",
            "Báo cáo kết quả công tác tuyên giáo tại huyện cho thấy kết quả đạt được khá toàn "
            "diện, nhất là việc quán triệt, triển khai thực hiện các chỉ thị, nghị quyết của Đảng "
            "sớm đi vào thực tiễn cuộc sống; công tác nắm bắt thông tin và cung cấp, định hướng "
            "thông tin được chú trọng.",
            "Hoạt động của Trung tâm chính trị cấp huyện ngày càng đi vào nền nếp, chất lượng ngày "
            "càng được nâng lên, bộ máy ngày càng tinh gọn, hiệu quả.",
            "Công tác nắm bắt tình hình tư tưởng, dư luận xã hội được duy trì thường xuyên; đội "
            "ngũ cộng tác viên dư luận xã hội được kiện toàn đến các chi bộ, thôn, bản, góp phần "
            "đảm bảo an ninh chính trị, trật tự an toàn xã hội ở vùng sâu, vùng xa.",
        ],
        "last": [
            "Phát biểu kết luận, {leader_short} nhấn mạnh, Ban Tuyên giáo các cấp cần chủ động "
            "tham mưu cho cấp ủy bám sát các sự kiện để tổ chức tốt công tác tuyên truyền, giáo "
            "dục; nắm chắc tình hình tư tưởng, dư luận xã hội để tham mưu cấp ủy xử lý kịp thời, "
            "chủ động đấu tranh hiệu quả các quan điểm, luận điệu xuyên tạc của các thế lực thù "
            "địch.",
        ],
    },
    "tong_ket": {
        "lead": [
            "Năm {y_prev}, công tác tuyên giáo của tỉnh đạt nhiều kết quả nổi bật, góp phần tạo "
            "sự đồng thuận trong cán bộ, đảng viên và nhân dân.",
            "{Event} đánh giá kết quả đạt được và triển khai nhiệm vụ trọng tâm thời gian tới.",
        ],
        "first": [
            "Ngày {d}/{m}/{y}, Ban Tuyên giáo Tỉnh ủy tổ chức {event}. {Leader} chủ trì hội nghị.",
        ],
        "mid": [
            "Năm qua, các cấp ủy đã tổ chức học tập, quán triệt, triển khai các chỉ thị, nghị "
            "quyết của Đảng nghiêm túc, kịp thời; tỷ lệ cán bộ, đảng viên tham gia học tập đạt "
            "trên 95%.",
            "Công tác tuyên truyền các ngày lễ lớn, sự kiện chính trị quan trọng được tổ chức "
            "sâu rộng với nhiều hình thức phong phú, tạo không khí phấn khởi trong nhân dân.",
            "Công tác khoa giáo được chăm lo, góp phần tăng cường sự lãnh đạo của cấp ủy Đảng đối "
            "với các lĩnh vực y tế, giáo dục, khoa học công nghệ, tài nguyên, môi trường.",
            "Hoạt động của Ban Chỉ đạo 35 các cấp được triển khai tích cực; nhiều bài viết đấu "
            "tranh phản bác các quan điểm sai trái, thù địch được đăng tải trên báo chí và mạng "
            "xã hội.",
        ],
        "last": [
            "Năm {y}, ngành tuyên giáo tập trung tham mưu tổ chức tốt {focus}; tiếp tục đổi mới "
            "nội dung, phương thức tuyên truyền, nâng cao tính chiến đấu, tính thuyết phục.",
        ],
    },
    "dai_hoi": {
        "lead": [
            "Công tác tuyên truyền {focus} được triển khai sâu rộng, tạo khí thế phấn khởi trong "
            "cán bộ, đảng viên và nhân dân.",
        ],
        "first": [
            "Chiều {d}/{m}/{y}, Ban Tuyên giáo Tỉnh ủy phối hợp với Văn phòng Tỉnh ủy tổ chức "
            "{event}. {Leader} chủ trì.",
            "Ngày {d}/{m}/{y}, {host} tổ chức {event} với sự tham gia của các cơ quan báo chí "
            "Trung ương và địa phương.",
        ],
        "mid": [
            "Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025 là sự kiện chính trị "
            "quan trọng, đánh dấu bước phát triển mới của Đảng bộ và nhân dân trong tỉnh.",
            "Các cơ quan báo chí đã mở chuyên trang, chuyên mục, tăng thời lượng tuyên truyền về "
            "kết quả đại hội đảng bộ cơ sở và cấp trên cơ sở, các công trình chào mừng đại hội.",
            "Cùng với đó, lực lượng tuyên truyền đã chủ động nắm tình hình tư tưởng, kịp thời "
            "phát hiện, đấu tranh với các thông tin sai lệch, luận điệu xuyên tạc chống phá đại "
            "hội trên không gian mạng.",
            "Hàng nghìn cờ Tổ quốc, cờ Đảng, băng rôn, pa nô, khẩu hiệu được treo dọc các tuyến "
            "đường, khu dân cư, tạo không khí vui tươi, phấn khởi chào mừng đại hội.",
        ],
        "last": [
            "Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan báo chí thông tin chính xác, kịp thời, "
            "thực hiện đúng quy định về phát ngôn; góp phần tổ chức thành công {focus}.",
        ],
    },
    "covid": {
        "lead": [
            "Trước diễn biến phức tạp của dịch COVID-19, công tác tuyên truyền được đẩy mạnh, "
            "góp phần nâng cao ý thức phòng, chống dịch trong nhân dân.",
        ],
        "first": [
            "Ngày {d}/{m}/{y}, Ban Tuyên giáo Tỉnh ủy tổ chức {event} với các cơ quan báo chí và "
            "Ban Tuyên giáo các huyện, thành, thị ủy.",
        ],
        "mid": [
            "Các cơ quan báo chí, hệ thống thông tin cơ sở đã thông tin kịp thời, chính xác về "
            "diễn biến dịch bệnh và các biện pháp phòng, chống; hướng dẫn người dân thực hiện "
            "khuyến cáo 5K của Bộ Y tế.",
            "Đội ngũ báo cáo viên, tuyên truyền viên, cộng tác viên dư luận xã hội đã nắm bắt "
            "tâm tư, nguyện vọng của nhân dân, kịp thời phản ánh những vấn đề phát sinh.",
            "Nhiều mô hình hay như “ATM gạo”, “Siêu thị 0 đồng”, “Gian hàng nghĩa tình” đã lan tỏa "
            "tinh thần tương thân, tương ái, sẻ chia với những người gặp khó khăn do dịch bệnh.",
            "Cùng với đó, cơ quan chức năng đã xử lý nghiêm các trường hợp đăng tải, chia sẻ thông "
            "tin sai sự thật về dịch bệnh trên mạng xã hội, gây hoang mang dư luận.",
        ],
        "last": [
            "Thời gian tới, cần tiếp tục thực hiện nhất quán mục tiêu vừa phòng, chống dịch, vừa "
            "phát triển kinh tế - xã hội; không chủ quan, lơ là, mất cảnh giác.",
        ],
    },
    "bau_cu": {
        "lead": [
            "Công tác tuyên truyền bầu cử được triển khai sâu rộng đến từng khu dân cư, thôn, "
            "bản, giúp cử tri hiểu rõ quyền và nghĩa vụ của mình.",
        ],
        "first": [
            "Ngày {d}/{m}/{y}, Ban Tuyên giáo Tỉnh ủy tổ chức {event} với lãnh đạo các cơ quan "
            "báo chí, Ban Tuyên giáo các huyện, thành, thị ủy.",
        ],
        "mid": [
            "Cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026 "
            "là sự kiện chính trị quan trọng, là ngày hội của toàn dân.",
            "Nội dung tuyên truyền tập trung vào ý nghĩa cuộc bầu cử, quyền và nghĩa vụ của cử tri, "
            "tiêu chuẩn của người ứng cử, các quy định của pháp luật về bầu cử.",
            "Hệ thống loa truyền thanh cơ sở, đội ngũ tuyên truyền viên đã đến từng thôn, bản, "
            "khu dân cư, kể cả vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số.",
        ],
        "last": [
            "Đề nghị các địa phương tiếp tục đẩy mạnh tuyên truyền, bảo đảm cuộc bầu cử diễn ra "
            "dân chủ, đúng pháp luật, an toàn, tiết kiệm và thực sự là ngày hội của toàn dân.",
        ],
    },
    "nc_tu_tuong": {
        "lead": [
            "Bảo vệ nền tảng tư tưởng của Đảng là nhiệm vụ hệ trọng, thường xuyên của cả hệ "
            "thống chính trị, nhất là trên không gian mạng.",
            "Từ thực tiễn của tỉnh, bài viết đề xuất một số giải pháp nâng cao hiệu quả {event}.",
        ],
        "first": [
            "Bảo vệ nền tảng tư tưởng của Đảng là nhiệm vụ hệ trọng, sống còn đối với sự nghiệp "
            "cách mạng. Trong bối cảnh bùng nổ thông tin, các thế lực thù địch triệt để lợi dụng "
            "internet, mạng xã hội để xuyên tạc, chống phá.",
            "Không gian mạng đang trở thành “mặt trận” mới của cuộc đấu tranh tư tưởng. Từ thực "
            "tiễn của tỉnh, có thể rút ra một số kinh nghiệm trong {event}.",
        ],
        "mid": [
            "Thứ nhất, nâng cao nhận thức, trách nhiệm của cấp ủy, người đứng đầu trong công tác "
            "bảo vệ nền tảng tư tưởng của Đảng; xác định đây là nhiệm vụ thường xuyên, lâu dài.",
            "Thứ hai, xây dựng, củng cố lực lượng nòng cốt; phát huy vai trò của Ban Chỉ đạo 35 "
            "các cấp, đội ngũ báo cáo viên, tuyên truyền viên, cộng tác viên dư luận xã hội.",
            "Thứ ba, đẩy mạnh thông tin tích cực, lấy cái đẹp dẹp cái xấu, lấy tích cực đẩy lùi "
            "tiêu cực; kịp thời cung cấp thông tin chính thống để định hướng dư luận xã hội.",
            "Thứ tư, chủ động phát hiện, xử lý nghiêm các hành vi đăng tải, chia sẻ thông tin sai "
            "sự thật, xuyên tạc, vu khống trên không gian mạng theo quy định của pháp luật.",
            "Thực tế cho thấy, nhiều tài khoản mạng xã hội đã lợi dụng các vấn đề nhạy cảm như "
            "tôn giáo, dân tộc, đất đai, môi trường để kích động, gây mất ổn định; nếu không được "
            "nhận diện và phản bác kịp thời sẽ ảnh hưởng đến niềm tin của nhân dân.",
        ],
        "last": [
            "Có thể khẳng định, bảo vệ nền tảng tư tưởng của Đảng không chỉ là nhiệm vụ của lực "
            "lượng chuyên trách mà là trách nhiệm của mỗi cán bộ, đảng viên và của toàn xã hội.",
        ],
    },
    "nc_chung": {
        "lead": [
            "Thời gian qua, {event} trên địa bàn tỉnh có nhiều chuyển biến tích cực, song vẫn còn "
            "những hạn chế cần khắc phục.",
            "Bài viết phân tích thực trạng và đề xuất một số giải pháp nâng cao chất lượng {event}.",
        ],
        "first": [
            "Thời gian qua, {event} trên địa bàn tỉnh đã có nhiều chuyển biến tích cực, song vẫn "
            "còn những hạn chế cần được nhận diện đầy đủ để có giải pháp khắc phục.",
            "{Event} có ý nghĩa quan trọng trong việc nâng cao năng lực lãnh đạo, sức chiến đấu "
            "của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên.",
        ],
        "mid": [
            "Qua khảo sát tại một số huyện như {place}, có thể thấy cấp ủy cơ sở đã quan tâm hơn "
            "đến việc đổi mới nội dung, phương thức; nhiều chi bộ xây dựng chuyên đề sát thực tế, "
            "thu hút đảng viên tham gia thảo luận.",
            "Tuy vậy, ở không ít nơi, việc triển khai còn hình thức, nặng về thủ tục; một bộ phận "
            "cán bộ, đảng viên chưa thực sự chủ động nghiên cứu, học tập; điều kiện cơ sở vật chất "
            "ở vùng sâu, vùng xa còn nhiều khó khăn.",
            "Nguyên nhân của những hạn chế trên có nhiều, song chủ yếu là do nhận thức của một số "
            "cấp ủy chưa đầy đủ; công tác kiểm tra, giám sát chưa thường xuyên; đội ngũ làm công "
            "tác tham mưu ở cơ sở còn kiêm nhiệm, thiếu kinh nghiệm.",
            "Thứ nhất, nâng cao vai trò, trách nhiệm của người đứng đầu cấp ủy; đổi mới nội dung, "
            "phương thức theo hướng thiết thực, gắn với nhiệm vụ chính trị của từng địa phương.",
            "Thứ hai, đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số; khai thác hiệu quả các "
            "nền tảng trực tuyến để cán bộ, đảng viên tiếp cận thông tin mọi lúc, mọi nơi.",
            "Thứ ba, quan tâm đào tạo, bồi dưỡng đội ngũ cán bộ làm công tác tuyên giáo ở cơ sở; "
            "có chế độ đãi ngộ phù hợp để họ yên tâm công tác, gắn bó với nghề.",
        ],
        "last": [
            "Đây là những giải pháp có tính căn cơ, lâu dài, đòi hỏi sự vào cuộc đồng bộ của cả "
            "hệ thống chính trị, góp phần xây dựng Đảng bộ tỉnh trong sạch, vững mạnh.",
        ],
    },
    "vb": {
        "lead": [
            "Ban Tuyên giáo Tỉnh ủy ban hành {event}, đề nghị các cấp ủy, tổ chức đảng triển khai "
            "thực hiện nghiêm túc.",
            "Văn bản nêu rõ mục đích, yêu cầu, nội dung và hình thức tuyên truyền trong thời "
            "gian tới.",
        ],
        "first": [
            "Ngày {d}/{m}/{y}, Ban Tuyên giáo Tỉnh ủy ban hành {event}, nhằm thống nhất nội dung, "
            "hình thức tuyên truyền trên địa bàn toàn tỉnh.",
            "Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy đã ban hành "
            "{event} gửi các huyện, thành, thị ủy, đảng ủy trực thuộc và các cơ quan báo chí.",
        ],
        "mid": [
            "Mục đích nhằm tạo sự thống nhất về nhận thức và hành động trong cán bộ, đảng viên và "
            "các tầng lớp nhân dân; phát huy sức mạnh khối đại đoàn kết toàn dân tộc.",
            "Nội dung tuyên truyền tập trung vào ý nghĩa lịch sử, những thành tựu to lớn của đất "
            "nước và của tỉnh; khẳng định vai trò lãnh đạo của Đảng; biểu dương các tập thể, cá "
            "nhân tiêu biểu trong các phong trào thi đua yêu nước.",
            "Về hình thức, đẩy mạnh tuyên truyền trên các phương tiện thông tin đại chúng, hệ thống "
            "thông tin cơ sở, trang thông tin điện tử và mạng xã hội; trang trí cờ, băng rôn, "
            "khẩu hiệu tại các trục đường chính.",
            "Các cơ quan báo chí của tỉnh mở chuyên trang, chuyên mục, tăng thời lượng tuyên "
            "truyền; chú trọng phản ánh những cách làm hay, mô hình hiệu quả ở cơ sở.",
            "Ban Tuyên giáo các huyện, thành, thị ủy, đảng ủy trực thuộc tham mưu cấp ủy xây dựng "
            "kế hoạch cụ thể; định kỳ báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy.",
        ],
        "last": [
            "Quá trình thực hiện có khó khăn, vướng mắc, đề nghị các đơn vị kịp thời phản ánh về "
            "Ban Tuyên giáo Tỉnh ủy (qua Phòng Tuyên truyền) để được hướng dẫn.",
        ],
    },
    "dv_mo_hinh": {
        "lead": [
            "Phong trào thi đua “Dân vận khéo” ở {place} đã lan tỏa sâu rộng, trở thành động lực "
            "trong {event}.",
            "Nhờ làm tốt công tác dân vận, nhiều cách làm hay ở {place} đã được nhân dân đồng "
            "thuận, hưởng ứng.",
        ],
        "first": [
            "Những năm qua, phong trào thi đua “Dân vận khéo” ở {place} đã lan tỏa sâu rộng, trở "
            "thành động lực quan trọng trong {event}.",
            "Về {place} những ngày này, dễ dàng nhận thấy sự đổi thay từ chính những cách làm hay "
            "trong {event}.",
        ],
        "mid": [
            "Xác định “dân là gốc”, cấp ủy, chính quyền địa phương đã chú trọng phát huy vai trò "
            "chủ thể của nhân dân, thực hiện tốt phương châm “dân biết, dân bàn, dân làm, dân "
            "kiểm tra, dân giám sát, dân thụ hưởng”.",
            "Cán bộ, đảng viên gương mẫu đi trước, kiên trì đến từng hộ gia đình vận động, giải "
            "thích để người dân hiểu rõ chủ trương, đồng thuận thực hiện.",
            "Nhờ làm tốt công tác dân vận, nhiều hộ gia đình đã tự nguyện hiến đất, góp công, góp "
            "của làm đường giao thông nông thôn, xây dựng nhà văn hóa, chỉnh trang khu dân cư.",
            "Ông {elder}, Bí thư chi bộ thôn, chia sẻ: “Muốn dân tin, dân theo thì cán bộ phải nói "
            "đi đôi với làm, việc gì khó thì cán bộ, đảng viên phải làm trước”.",
            "Các mô hình “Dân vận khéo” gắn với phát triển kinh tế như trồng cây ăn quả, chăn nuôi "
            "tập trung, phát triển du lịch cộng đồng đã giúp nhiều hộ thoát nghèo bền vững.",
            "Trong công tác vận động đồng bào dân tộc thiểu số, vai trò của già làng, trưởng bản, "
            "người có uy tín được phát huy, góp phần giữ vững an ninh chính trị ở cơ sở.",
        ],
        "last": [
            "Thời gian tới, {place} tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”, kịp thời "
            "phát hiện, biểu dương, nhân rộng các điển hình, góp phần thực hiện thắng lợi nhiệm vụ "
            "phát triển kinh tế - xã hội của địa phương.",
        ],
    },
    "dv_hoi_nghi": {
        "lead": [
            "Ban Dân vận Tỉnh ủy tổ chức {event}, đánh giá kết quả công tác dân vận và đề ra "
            "nhiệm vụ thời gian tới.",
            "Công tác dân vận của hệ thống chính trị tiếp tục được quan tâm, góp phần củng cố "
            "mối quan hệ máu thịt giữa Đảng với nhân dân.",
        ],
        "first": [
            "Ngày {d}/{m}/{y}, Ban Dân vận Tỉnh ủy tổ chức {event}. Dự hội nghị có {leader}.",
            "Sáng {d}/{m}, Ban Dân vận Tỉnh ủy phối hợp với Ủy ban MTTQ tỉnh tổ chức {event}.",
        ],
        "mid": [
            "Báo cáo tại hội nghị cho thấy, công tác dân vận chính quyền có chuyển biến rõ nét, "
            "nhất là trong cải cách hành chính, tiếp công dân, đối thoại với nhân dân.",
            "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội đã đổi mới nội dung, phương thức "
            "hoạt động, hướng mạnh về cơ sở; tập hợp, vận động đoàn viên, hội viên tích cực tham "
            "gia các phong trào thi đua yêu nước.",
            "Phong trào thi đua “Dân vận khéo” được triển khai sâu rộng với hàng nghìn mô hình, "
            "điển hình trên các lĩnh vực kinh tế, văn hóa - xã hội, quốc phòng - an ninh.",
            "Tuy nhiên, hội nghị cũng thẳng thắn chỉ ra một số hạn chế: việc nắm tình hình nhân "
            "dân ở một số nơi chưa kịp thời; một số vụ việc khiếu nại kéo dài chưa được giải quyết "
            "dứt điểm.",
            "Các đại biểu đã tập trung thảo luận, chia sẻ kinh nghiệm trong công tác vận động nhân "
            "dân giải phóng mặt bằng, xây dựng nông thôn mới, phòng, chống dịch bệnh.",
        ],
        "last": [
            "Kết luận hội nghị, {leader_short} đề nghị các cấp ủy, chính quyền tiếp tục quán triệt "
            "quan điểm “dân là gốc”; nâng cao chất lượng công tác dân vận, củng cố mối quan hệ "
            "máu thịt giữa Đảng với nhân dân.",
        ],
    },
}

# --------------------------------------------------------------------------- articles

IMG_HOI_NGHI = "/uploads/images/hoi-nghi-bao-cao-vien.png"
IMG_GIAO_BAN = "/uploads/images/giao-ban-bao-chi.png"
IMG_DOAN = "/uploads/images/doan-cong-tac.png"
IMG_DV = "/uploads/images/dan-van-kheo.png"
IMG_BAC = "/uploads/images/hoc-tap-lam-theo-bac.png"
IMG_DAI_HOI = "/uploads/images/dai-hoi-xix.png"
IMAGE_FILES: dict[str, tuple[tuple[int, int, int], tuple[int, int, int]]] = {
    IMG_HOI_NGHI: ((178, 34, 34), (250, 220, 80)),
    IMG_GIAO_BAN: ((30, 90, 160), (240, 240, 240)),
    IMG_DOAN: ((40, 120, 60), (230, 200, 150)),
    IMG_DV: ((200, 120, 20), (255, 255, 255)),
    IMG_BAC: ((150, 20, 20), (255, 215, 0)),
    IMG_DAI_HOI: ((200, 16, 46), (255, 205, 0)),
}


@dataclass
class Spec:
    """Hand-written facts about one article; everything else is composed from TOPICS."""

    cat: str
    when: str  # "YYYY-MM-DD HH:MM" local time
    title: str
    topic: str
    place: str = "Nghệ An"
    event: str = ""
    docs: tuple[str, ...] = ()
    lead_docs: tuple[str, ...] = ()
    fmt: str | None = None
    host: str = "Ban Tuyên giáo Tỉnh ủy"
    images: tuple[tuple[str, str | None], ...] = ()
    pdf: bool = False
    hostile: bool = False
    byline: Byline | str | None = "pool"  # "pool": rotate through BYLINE_POOLS
    extra: dict[str, Any] = field(default_factory=dict)


S = Spec
# fmt: off
SPECS: list[Spec] = [
    # ---- Tin hoạt động (21)
    S("tin-hoat-dong", "2020-03-02 16:03",
      "Tăng cường công tác tuyên truyền đại hội Đảng các cấp", "lam_viec",
      place="Tương Dương", docs=("qd208",), fmt="wd_lower_pipe", byline=BL_SEED,
      images=((IMG_DOAN, "Đoàn công tác Ban Tuyên giáo Tỉnh ủy làm việc với Huyện ủy Tương Dương"),)),
    S("tin-hoat-dong", "2020-11-27 15:40",
      "Giao ban báo chí định kỳ tháng 11 năm 2020", "giao_ban",
      event="hội nghị giao ban báo chí định kỳ tháng 11 năm 2020",
      images=((IMG_GIAO_BAN, "Quang cảnh hội nghị giao ban báo chí tháng 11/2020"),)),
    S("tin-hoat-dong", "2020-10-12 17:20",
      "Họp báo tuyên truyền Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025",
      "dai_hoi", event="họp báo tuyên truyền Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX",
      pdf=True, images=((IMG_DAI_HOI, "Toàn cảnh buổi họp báo"),)),
    S("tin-hoat-dong", "2020-09-15 10:30",
      "Ban Tuyên giáo Tỉnh ủy khảo sát việc triển khai Chỉ thị 05 tại Đảng bộ Công an tỉnh Nghệ An",
      "ct05", event="khảo sát việc triển khai Chỉ thị 05 tại Đảng bộ Công an tỉnh",
      extra={"place_phrase": "Đảng bộ Công an tỉnh"}),
    S("tin-hoat-dong", "2020-09-08 09:45",
      "Ban Tuyên giáo Tỉnh ủy khảo sát thực hiện Chỉ thị 05 tại huyện Kỳ Sơn", "ct05",
      place="Kỳ Sơn", event="khảo sát việc thực hiện Chỉ thị 05 tại huyện Kỳ Sơn",
      docs=("ct05f",), extra={"place_phrase": "huyện Kỳ Sơn"}),
    S("tin-hoat-dong", "2020-08-20 11:10",
      "Hội nghị quán triệt [[tb173]]", "quan_triet",
      event="hội nghị quán triệt [[tb173]]"),
    S("tin-hoat-dong", "2020-08-28 16:45",
      "Giao ban báo chí định kỳ tháng 8/2020", "giao_ban",
      event="hội nghị giao ban báo chí định kỳ tháng 8/2020"),
    S("tin-hoat-dong", "2020-07-14 10:00",
      "Hội nghị báo cáo viên Tỉnh ủy bằng hình thức trực tuyến", "bcv",
      event="hội nghị báo cáo viên Tỉnh ủy bằng hình thức trực tuyến", hostile=True,
      images=((IMG_HOI_NGHI, "Điểm cầu trực tuyến tại trụ sở Tỉnh ủy"),)),
    S("tin-hoat-dong", "2020-05-26 15:15",
      "Hội nghị báo cáo viên thông báo kết quả hội nghị Trung ương lần thứ 12", "bcv",
      event="hội nghị báo cáo viên thông báo nhanh kết quả Hội nghị Trung ương lần thứ 12 "
      "khóa XII"),
    S("tin-hoat-dong", "2020-03-27 17:05",
      "Giao ban báo chí tháng 3 năm 2020", "giao_ban",
      event="hội nghị giao ban báo chí tháng 3 năm 2020", docs=("ct16",)),
    S("tin-hoat-dong", "2020-01-10 08:50",
      "Quỳnh Lưu: Cần nắm chắc tình hình tư tưởng, dư luận xã hội để kịp thời tham mưu định hướng",
      "lam_viec", place="Quỳnh Lưu", byline=BL_PAREN),
    S("tin-hoat-dong", "2019-12-20 14:20",
      "Kết quả nổi bật sau 2 năm triển khai thực hiện [[nq08]]", "tong_ket",
      event="hội nghị sơ kết 2 năm thực hiện [[nq08]]", docs=("nq08",)),
    S("tin-hoat-dong", "2019-11-22 10:40",
      "Hội nghị sơ kết [[kl100]] của Ban Bí thư Trung ương Đảng", "quan_triet",
      event="hội nghị sơ kết [[kl100]] của Ban Bí thư", docs=("kl100",)),
    S("tin-hoat-dong", "2019-12-05 09:00",
      "Hội nghị báo cáo viên định kỳ tháng 12", "bcv",
      event="hội nghị báo cáo viên định kỳ tháng 12/2019",
      images=((IMG_HOI_NGHI, None),)),
    S("tin-hoat-dong", "2020-01-03 16:30",
      "Những kết quả nổi bật của công tác tuyên giáo năm 2019", "tong_ket",
      event="hội nghị tổng kết công tác tuyên giáo năm 2019", extra={"y_prev": "2019"}),
    S("tin-hoat-dong", "2020-05-17 07:30",
      "Hội nghị chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2020",
      "ct05", event="hội nghị chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
      "Minh năm 2020", host="Ban Thường vụ Tỉnh ủy", docs=("ct05",), fmt="wd_dmy_dash",
      extra={"place_phrase": "các địa phương, đơn vị trong tỉnh"},
      images=((IMG_BAC, "Các đại biểu dự hội nghị chuyên đề năm 2020"),)),
    S("tin-hoat-dong", "2020-04-03 15:00",
      "Đẩy mạnh tuyên truyền phòng, chống dịch COVID-19 theo [[ct16s]]", "covid",
      event="hội nghị trực tuyến triển khai công tác tuyên truyền phòng, chống dịch COVID-19",
      docs=("ct16",)),
    S("tin-hoat-dong", "2021-01-08 10:20",
      "Tổng kết công tác tuyên giáo năm 2020, triển khai nhiệm vụ năm 2021", "tong_ket",
      event="hội nghị tổng kết công tác tuyên giáo năm 2020", extra={"y_prev": "2020"},
      images=((IMG_HOI_NGHI, "Lãnh đạo Ban Tuyên giáo Tỉnh ủy chủ trì hội nghị tổng kết"),)),
    S("tin-hoat-dong", "2021-03-30 14:00",
      "Hội nghị học tập, quán triệt Nghị quyết Đại hội XIII của Đảng", "quan_triet",
      event="hội nghị học tập, quán triệt, triển khai thực hiện Nghị quyết Đại hội đại biểu "
      "toàn quốc lần thứ XIII của Đảng"),
    S("tin-hoat-dong", "2021-04-27 16:10",
      "Giao ban báo chí định kỳ tháng 4 năm 2021", "giao_ban",
      event="hội nghị giao ban báo chí định kỳ tháng 4 năm 2021", docs=("luat24",)),
    S("tin-hoat-dong", "2021-05-10 09:30",
      "Tuyên truyền bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ "
      "2021 - 2026", "bau_cu",
      event="hội nghị triển khai công tác tuyên truyền bầu cử"),
    # ---- Nghiên cứu - Trao đổi (16)
    S("nghien-cuu-trao-doi", "2019-10-22 08:00",
      "Bảo vệ nền tảng tư tưởng của Đảng trong tình hình mới", "nc_tu_tuong",
      event="công tác bảo vệ nền tảng tư tưởng của Đảng", docs=("nq35f",)),
    S("nghien-cuu-trao-doi", "2020-06-12 07:45",
      "Nâng cao hiệu quả đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng",
      "nc_tu_tuong", event="đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian "
      "mạng", docs=("luat24", "nd15"), lead_docs=("nq35",), fmt="dotted"),
    S("nghien-cuu-trao-doi", "2020-02-14 09:10",
      "Vai trò của Trung tâm chính trị cấp huyện theo [[qd208s]]", "nc_chung",
      place="Anh Sơn, Con Cuông", event="hoạt động của Trung tâm chính trị cấp huyện",
      docs=("qd208",)),
    S("nghien-cuu-trao-doi", "2019-05-19 06:30",
      "Học tập và làm theo Bác: từ nhận thức đến hành động", "nc_chung",
      place="Nam Đàn, Hưng Nguyên",
      event="việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
      docs=("ct05f",), images=((IMG_BAC, "Khu di tích Kim Liên, huyện Nam Đàn"),)),
    S("nghien-cuu-trao-doi", "2019-08-09 10:15",
      "Một số giải pháp nâng cao chất lượng sinh hoạt chi bộ ở nông thôn", "nc_chung",
      place="Yên Thành, Diễn Châu", event="việc nâng cao chất lượng sinh hoạt chi bộ"),
    S("nghien-cuu-trao-doi", "2020-07-03 15:25",
      "Công tác nắm bắt dư luận xã hội ở cơ sở: Thực trạng và giải pháp", "nc_chung",
      place="Quỳ Châu, Quế Phong", event="công tác nắm bắt dư luận xã hội ở cơ sở"),
    S("nghien-cuu-trao-doi", "2020-09-25 08:20",
      "Đổi mới công tác giáo dục lý luận chính trị cho đảng viên trẻ", "nc_chung",
      place="Đô Lương, Thanh Chương", event="công tác giáo dục lý luận chính trị",
      docs=("ct23",)),
    S("nghien-cuu-trao-doi", "2020-11-04 10:05",
      "Phát huy vai trò của báo cáo viên trong định hướng thông tin", "nc_chung",
      place="Nghi Lộc, Hưng Nguyên", event="công tác báo cáo viên", fmt="wd_num_gmt"),
    S("nghien-cuu-trao-doi", "2021-04-21 09:40",
      "Xây dựng văn hóa đọc trong cán bộ, đảng viên", "nc_chung",
      place="Thái Hòa, Nghĩa Đàn", event="việc xây dựng văn hóa đọc trong cán bộ, đảng viên"),
    S("nghien-cuu-trao-doi", "2021-02-26 14:35",
      "Tuyên truyền miệng trong thời kỳ chuyển đổi số", "nc_chung",
      place="Cửa Lò, Hoàng Mai", event="công tác tuyên truyền miệng"),
    S("nghien-cuu-trao-doi", "2019-12-13 16:00",
      "Phòng, chống “diễn biến hòa bình” trên lĩnh vực tư tưởng, văn hóa", "nc_tu_tuong",
      event="phòng, chống “diễn biến hòa bình” trên lĩnh vực tư tưởng, văn hóa",
      docs=("nq35",)),
    S("nghien-cuu-trao-doi", "2020-05-12 08:15",
      "Bài học từ công tác tuyên truyền phòng, chống dịch COVID-19", "nc_chung",
      place="Vinh, Cửa Lò", event="công tác tuyên truyền phòng, chống dịch COVID-19",
      fmt="h_dash"),
    S("nghien-cuu-trao-doi", "2019-11-27 11:30",
      "Giữ gìn và phát huy giá trị Dân ca Ví, Giặm Nghệ Tĩnh", "nc_chung",
      place="Nam Đàn, Nghi Lộc", event="việc giữ gìn và phát huy giá trị Dân ca Ví, Giặm",
      images=((IMG_BAC, "Câu lạc bộ dân ca Ví, Giặm biểu diễn phục vụ nhân dân"),)),
    S("nghien-cuu-trao-doi", "2020-04-15 13:50",
      "Xử lý thông tin xấu, độc trên mạng xã hội theo [[nd15]]", "nc_tu_tuong",
      event="việc xử lý thông tin xấu, độc trên mạng xã hội", docs=("nd15f", "luat24b")),
    S("nghien-cuu-trao-doi", "2020-01-20 15:10",
      "Nâng cao chất lượng văn kiện Đại hội Đảng bộ cấp cơ sở nhiệm kỳ 2020 - 2025", "nc_chung",
      place="Tân Kỳ, Quỳ Hợp", event="công tác chuẩn bị văn kiện đại hội đảng bộ cơ sở",
      pdf=True),
    S("nghien-cuu-trao-doi", "2021-06-04 10:25",
      "Thực hiện [[kl01s]] về tiếp tục thực hiện [[ct05]]", "nc_chung",
      place="Con Cuông, Tương Dương", event="việc học tập và làm theo Bác",
      docs=("kl01",)),
    # ---- Văn bản - Chỉ đạo (16)
    S("van-ban-chi-dao", "2020-06-30 16:20",
      "Hướng dẫn tuyên truyền Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX", "vb",
      event="[[hd45]] về tuyên truyền Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ "
      "2020 - 2025", pdf=True),
    S("van-ban-chi-dao", "2019-12-27 09:35",
      "Kế hoạch tuyên truyền kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam "
      "(03/02/1930 - 03/02/2020)", "vb",
      event="kế hoạch tuyên truyền kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam"),
    S("van-ban-chi-dao", "2020-04-22 08:40",
      "Đề cương tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - "
      "19/5/2020)", "vb",
      event="đề cương tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh",
      images=((IMG_BAC, "Quê nội Kim Liên, nơi Chủ tịch Hồ Chí Minh sinh ra và lớn lên"),)),
    S("van-ban-chi-dao", "2020-04-08 14:10",
      "Triển khai [[qd439]]", "vb",
      event="công văn triển khai [[qd439]]", docs=("qd439x",)),
    S("van-ban-chi-dao", "2020-04-01 18:30",
      "Thực hiện [[ct16s]] về các biện pháp cấp bách phòng, chống dịch COVID-19", "vb",
      event="công văn định hướng tuyên truyền các biện pháp cấp bách phòng, chống dịch COVID-19"),
    S("van-ban-chi-dao", "2019-07-17 10:50",
      "Hướng dẫn tuyên truyền [[nq35]] của Bộ Chính trị", "vb",
      event="hướng dẫn tuyên truyền [[nq35f]]"),
    S("van-ban-chi-dao", "2021-01-25 15:05",
      "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện [[ct05]] năm 2021", "vb",
      event="kế hoạch thực hiện Chỉ thị 05 năm 2021", docs=("ct05",)),
    S("van-ban-chi-dao", "2020-08-31 17:15",
      "Định hướng tuyên truyền tháng 9/2020", "vb",
      event="định hướng tuyên truyền tháng 9/2020", docs=("hd45",)),
    S("van-ban-chi-dao", "2021-01-04 08:05",
      "Thông báo lịch giao ban báo chí năm 2021", "vb",
      event="thông báo lịch giao ban báo chí định kỳ năm 2021"),
    S("van-ban-chi-dao", "2021-02-05 09:55",
      "Hướng dẫn tuyên truyền bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp", "vb",
      event="hướng dẫn tuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các "
      "cấp nhiệm kỳ 2021 - 2026"),
    S("van-ban-chi-dao", "2019-06-20 12:05",
      "Triển khai [[luat24]] trong cơ quan, đơn vị", "vb",
      event="hướng dẫn tuyên truyền, phổ biến [[luat24]]", fmt="dmy_12h",
      lead_docs=("luat24b",)),
    S("van-ban-chi-dao", "2020-07-20 11:20",
      "Kế hoạch tổ chức Cuộc thi tìm hiểu 90 năm Xô viết Nghệ Tĩnh (1930 - 2020)", "vb",
      event="kế hoạch tổ chức Cuộc thi tìm hiểu 90 năm Xô viết Nghệ Tĩnh",
      images=((IMG_DAI_HOI, "Khu lưu niệm Xô viết Nghệ Tĩnh"),)),
    S("van-ban-chi-dao", "2021-03-04 13:45",
      "Hướng dẫn học tập chuyên đề năm 2021 theo [[ct05]]", "vb",
      event="hướng dẫn học tập chuyên đề năm 2021", docs=("ct05f",)),
    S("van-ban-chi-dao", "2019-12-16 10:10",
      "Hướng dẫn thực hiện [[qd208s]] về chức năng, nhiệm vụ của Trung tâm chính trị cấp huyện",
      "vb", event="hướng dẫn thực hiện [[qd208]]"),
    S("van-ban-chi-dao", "2020-10-20 08:15",
      "Định hướng tuyên truyền phòng, chống thiên tai, khắc phục hậu quả mưa lũ", "vb",
      event="công văn định hướng tuyên truyền phòng, chống thiên tai", fmt="dang_luc_12h"),
    S("van-ban-chi-dao", "2020-08-05 15:35",
      "Kế hoạch tuyên truyền kỷ niệm 75 năm Cách mạng Tháng Tám và Quốc khánh 2/9", "vb",
      event="kế hoạch tuyên truyền kỷ niệm 75 năm Cách mạng Tháng Tám và Quốc khánh 2/9"),
    # ---- Dân vận khéo (16)
    S("dan-van-kheo", "2019-09-10 09:20",
      "Nhân rộng mô hình “Dân vận khéo” trong xây dựng nông thôn mới ở Yên Thành", "dv_mo_hinh",
      place="Yên Thành", event="xây dựng nông thôn mới",
      images=((IMG_DV, "Người dân Yên Thành hiến đất mở rộng đường giao thông nông thôn"),)),
    S("dan-van-kheo", "2020-12-15 10:35",
      "Hội nghị tổng kết phong trào thi đua “Dân vận khéo” giai đoạn 2016 - 2020", "dv_hoi_nghi",
      event="hội nghị tổng kết phong trào thi đua “Dân vận khéo” giai đoạn 2016 - 2020"),
    S("dan-van-kheo", "2020-06-22 14:25",
      "Quế Phong: Vận động đồng bào dân tộc thiểu số xóa bỏ hủ tục", "dv_mo_hinh",
      place="Quế Phong", event="vận động đồng bào xóa bỏ hủ tục, xây dựng nếp sống văn hóa"),
    S("dan-van-kheo", "2020-10-02 16:50",
      "Dân vận chính quyền: Cải cách hành chính gắn với tiếp công dân", "dv_hoi_nghi",
      event="hội nghị sơ kết công tác dân vận chính quyền", docs=("kl114",)),
    S("dan-van-kheo", "2019-07-25 08:30",
      "Thực hiện [[qd290s]] về Quy chế công tác dân vận", "dv_hoi_nghi",
      event="hội nghị sơ kết thực hiện Quy chế công tác dân vận của hệ thống chính trị",
      docs=("qd290",)),
    S("dan-van-kheo", "2019-10-15 15:55",
      "Cựu chiến binh hiến đất làm đường ở Nghi Lộc", "dv_mo_hinh",
      place="Nghi Lộc", event="phong trào hiến đất làm đường giao thông nông thôn",
      images=((IMG_DV, "Con đường bê tông mới ở xã Nghi Lâm"),)),
    S("dan-van-kheo", "2021-01-19 09:05",
      "Phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số", "dv_mo_hinh",
      place="Kỳ Sơn", event="công tác vận động đồng bào dân tộc thiểu số"),
    S("dan-van-kheo", "2020-03-03 09:15",
      "Diễn Châu: Mô hình tổ tự quản bảo vệ môi trường", "dv_mo_hinh",
      place="Diễn Châu", event="xây dựng tổ tự quản bảo vệ môi trường ở khu dân cư",
      fmt="wd_dash"),
    S("dan-van-kheo", "2020-04-28 17:40",
      "Dân vận khéo trong phòng, chống dịch COVID-19", "dv_mo_hinh",
      place="Hưng Nguyên", event="công tác phòng, chống dịch COVID-19", docs=("ct16",)),
    S("dan-van-kheo", "2020-08-12 10:45",
      "Nâng cao chất lượng công tác dân vận của lực lượng vũ trang", "dv_hoi_nghi",
      event="hội nghị sơ kết công tác dân vận của lực lượng vũ trang tỉnh"),
    S("dan-van-kheo", "2019-12-10 14:05",
      "Gặp mặt điển hình “Dân vận khéo” tiêu biểu năm 2019", "dv_hoi_nghi",
      event="gặp mặt các điển hình “Dân vận khéo” tiêu biểu năm 2019",
      images=((IMG_DV, "Các điển hình “Dân vận khéo” tiêu biểu năm 2019"),
              (IMG_HOI_NGHI, "Lãnh đạo Ban Dân vận Tỉnh ủy tặng giấy khen các điển hình"))),
    S("dan-van-kheo", "2021-03-12 08:55",
      "Tương Dương: Vận động nhân dân giữ rừng đầu nguồn", "dv_mo_hinh",
      place="Tương Dương", event="công tác bảo vệ rừng đầu nguồn"),
    S("dan-van-kheo", "2020-11-15 14:30",
      "Thanh Chương: Dân vận khéo trong dồn điền đổi thửa", "dv_mo_hinh",
      place="Thanh Chương", event="dồn điền đổi thửa, tích tụ ruộng đất", fmt="dmy_12h"),
    S("dan-van-kheo", "2021-06-18 16:15",
      "Hội nghị giao ban công tác dân vận 6 tháng đầu năm 2021", "dv_hoi_nghi",
      event="hội nghị giao ban công tác dân vận 6 tháng đầu năm 2021", docs=("nq25",)),
    S("dan-van-kheo", "2019-06-05 09:50",
      "Thực hiện [[nq25s]] về công tác dân vận trong tình hình mới", "dv_hoi_nghi",
      event="hội nghị sơ kết 6 năm thực hiện Nghị quyết Trung ương 7 khóa XI về công tác dân vận"),
    S("dan-van-kheo", "2020-11-26 11:00",
      "Quỳ Hợp: Xây dựng khối đại đoàn kết toàn dân tộc ở khu dân cư", "dv_mo_hinh",
      place="Quỳ Hợp", event="xây dựng khối đại đoàn kết toàn dân tộc ở khu dân cư",
      images=((IMG_DV, "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư"),)),
]
# fmt: on

# --------------------------------------------------------------------------- helpers


def slugify(text: str, max_len: int = 80) -> str:
    """ASCII slug of a Vietnamese title."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("\u00d0", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text.lower()).strip("-")
    if len(text) > max_len:
        text = text[:max_len].rsplit("-", 1)[0]
    return text


def expand_docs(text: str, found: set[str]) -> str:
    """Replace ``[[key]]`` placeholders by the document text and collect the codes."""

    def sub(m: re.Match[str]) -> str:
        surface, codes = DOCS[m.group(1)]
        found.update(codes)
        return surface

    return re.sub(r"\[\[(\w+)\]\]", sub, text)


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Fields(dict):  # type: ignore[type-arg]
    """format_map helper: ``{Name}`` gives the capitalised value of ``{name}``."""

    def __missing__(self, key: str) -> str:
        low = key[:1].lower() + key[1:]
        if low != key and low in self:
            return cap_first(str(self[low]))
        raise KeyError(key)


ORDINALS = ("nhất", "hai", "ba", "tư")


def _renumber(paragraphs: list[str]) -> list[str]:
    """Make "Thứ nhất/hai/ba, ..." enumerations consecutive after sampling."""
    out, n = [], 0
    for text in paragraphs:
        m = re.match(r"Thứ (?:nhất|hai|ba|tư),", text)
        if m:
            text = f"Thứ {ORDINALS[n]}," + text[m.end() :]
            n += 1
        out.append(text)
    return out


def para_html(text: str) -> str:
    """Escape a paragraph; enumerations ("Thứ nhất, ...") get a <strong> lead-in."""
    m = re.match(r"(Thứ (?:nhất|hai|ba|tư))(,.*)", text, re.S)
    if m:
        return f"<strong>{esc(m.group(1))}</strong>{esc(m.group(2))}"
    return esc(text)


# --------------------------------------------------------------------------- binary assets


def png_bytes(width: int, height: int, fg: tuple[int, int, int], bg: tuple[int, int, int]) -> bytes:
    """A tiny valid RGB PNG with a stripe, using a stored (uncompressed) deflate block."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type 0
        for x in range(width):
            rows.extend(fg if (x + y) % 5 < 2 else bg)
    raw = bytes(rows)
    deflate = b"\x78\x01" + b"\x01" + struct.pack("<HH", len(raw), len(raw) ^ 0xFFFF) + raw
    deflate += struct.pack(">I", zlib.adler32(raw))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", deflate) + chunk(b"IEND", b"")
    )


def pdf_bytes(text: str) -> bytes:
    """A tiny valid one-page PDF showing ``text`` (ASCII) with a correct xref table."""
    stream = f"BT /F1 14 Tf 72 770 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --------------------------------------------------------------------------- model


@dataclass
class Article:
    """A fully composed article (all text final, docs expanded)."""

    spec: Spec
    id: int
    when: dt.datetime
    fmt: str
    slug: str = ""
    title: str = ""
    lead: str = ""
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (html, text)
    figures: dict[int, list[tuple[str, str | None, str]]] = field(default_factory=dict)
    script_after: int | None = None
    byline: Byline | None = None
    documents: list[str] = field(default_factory=list)
    updated: dt.datetime | None = None
    meta_time: bool = False
    related: list[Article] = field(default_factory=list)
    related_variant: str | None = None

    @property
    def cat(self) -> str:
        return self.spec.cat

    @property
    def subsite(self) -> str:
        return CATEGORIES[self.spec.cat][0]

    @property
    def path(self) -> str:
        return f"/{self.subsite}/{self.cat}/{self.slug}-{self.id}.html"

    @property
    def date_raw(self) -> str:
        return format_date(self.when, self.fmt)

    @property
    def has_time(self) -> bool:
        return DATE_FORMATS[self.fmt]

    @property
    def body_text(self) -> str:
        return "\n\n".join(text for _, text in self.paragraphs)


def _pick_formats(specs: list[Spec]) -> list[str]:
    """Forced formats first; the rest balanced round-robin in chronological order."""
    counts = dict.fromkeys(DATE_FORMATS, 0)
    for s in specs:
        if s.fmt:
            counts[s.fmt] += 1
    out = []
    for s in specs:
        if s.fmt:
            out.append(s.fmt)
            continue
        best = min(DATE_FORMATS, key=lambda k: (counts[k], list(DATE_FORMATS).index(k)))
        counts[best] += 1
        out.append(best)
    return out


def compose(specs: list[Spec]) -> list[Article]:
    """Turn the specs into articles, deterministically."""
    rng = random.Random(RNG_SEED)
    ordered = sorted(specs, key=lambda s: (s.when, s.title))
    fmts = _pick_formats(ordered)
    articles: list[Article] = []
    for i, (spec, fmt) in enumerate(zip(ordered, fmts, strict=True)):
        when = dt.datetime.strptime(spec.when, "%Y-%m-%d %H:%M")
        art = Article(spec=spec, id=1001 + i, when=when, fmt=fmt)
        _compose_text(art, rng)
        articles.append(art)

    # bylines: rotate through the category's pool in chronological order
    by_cat: dict[str, list[Article]] = {c: [] for c in CATEGORIES}
    for art in articles:
        by_cat[art.cat].append(art)
    for cat, arts in by_cat.items():
        pool = BYLINE_POOLS[cat]
        for j, art in enumerate(arts):
            chosen = art.spec.byline
            art.byline = pool[j % len(pool)] if chosen == "pool" else chosen  # type: ignore[assignment]

    # updated stamps and og/article meta on a deterministic subset
    for art in articles:
        if art.has_time and art.fmt != "cap_nhat" and art.id % 6 == 2:
            art.updated = art.when + dt.timedelta(hours=2 + art.id % 5, minutes=art.id % 50)
        art.meta_time = art.has_time and art.id % 4 == 0

    # related: other articles of the category, newest first, cyclic from this one
    for arts in by_cat.values():
        newest = sorted(arts, key=lambda a: (a.when, a.id), reverse=True)
        for k, art in enumerate(newest):
            others = newest[k + 1 :] + newest[:k]
            art.related = others[:8]
    newest_thd = max(by_cat["tin-hoat-dong"], key=lambda a: a.when)
    newest_thd.related_variant = "?utm_source=facebook&utm_medium=social"
    return articles


def _compose_text(art: Article, rng: random.Random) -> None:
    spec = art.spec
    sub = CATEGORIES[spec.cat][0]
    leader, leader_short = LEADERS[sub][art.id % len(LEADERS[sub])]
    start = art.when - dt.timedelta(days=4)
    end = art.when - dt.timedelta(days=1)
    fields = _Fields(
        d=art.when.day,
        m=art.when.month,
        y=art.when.year,
        y_prev=str(art.when.year - 1),
        start=f"{start.day}/{start.month}",
        end=f"{end.day}/{end.month}",
        place=spec.place,
        place_phrase=f"huyện {spec.place}",
        event=spec.event,
        host=spec.host,
        leader=leader,
        leader_short=leader_short,
        leader_cap=cap_first(leader_short),
        focus=FOCUS_BY_YEAR[art.when.year],
        news=NEWS_BY_YEAR[art.when.year],
        elder=ELDERS[art.id % len(ELDERS)],
    )
    fields.update(spec.extra)
    topic = TOPICS[spec.topic]
    found: set[str] = set()

    art.title = expand_docs(spec.title, found)
    art.slug = slugify(art.title)
    lead = rng.choice(topic["lead"]).format_map(fields)
    for key in spec.lead_docs:
        lead += f" Bài viết làm rõ yêu cầu đặt ra từ [[{key}]]."
    art.lead = expand_docs(lead, found)

    n_mid = rng.randint(1, min(4, len(topic["mid"]), 5 - len(spec.docs)))
    texts = [rng.choice(topic["first"])]
    picked = sorted(rng.sample(range(len(topic["mid"])), n_mid))
    texts += [topic["mid"][k] for k in picked]
    doc_templates = rng.sample(DOC_PARAS, len(spec.docs))
    for key, tpl in zip(spec.docs, doc_templates, strict=True):
        texts.insert(1 + rng.randint(0, len(texts) - 1), tpl.replace("{doc}", f"[[{key}]]"))
    texts.append(rng.choice(topic["last"]))
    rendered = _renumber([expand_docs(t.format_map(fields), found) for t in texts])
    art.paragraphs = [(para_html(t), t) for t in rendered]
    art.documents = sorted(found)

    if spec.hostile:
        # a javascript: link with an inline handler inside the 3rd paragraph, and a script
        h, t = art.paragraphs[2]
        art.paragraphs[2] = (
            h + ' Tài liệu hội nghị: <a href="javascript:alert(1)" onclick="x()">xem chi tiết</a>.',
            t + " Tài liệu hội nghị: xem chi tiết.",
        )
        art.script_after = 1
    for n, (src, caption) in enumerate(spec.images):
        pos = min(1 + n, len(art.paragraphs) - 1)
        alt = caption or art.title
        art.figures.setdefault(pos, []).append((src, caption, alt))

    # sanity: every code-looking token in the visible text came from a [[placeholder]]
    visible = "\n".join([art.title, art.lead, art.body_text])
    seen = set()
    for rx in _CODE_RES:
        seen.update(m.replace("\u00d0", "Đ") for m in rx.findall(visible))
    if seen != found:
        raise AssertionError(f"document mismatch in {art.title!r}: {seen} != {found}")


# --------------------------------------------------------------------------- rendering


def frame() -> render.Frame:
    """The menu (sub-sites and their categories) and footer of every page."""
    links = [("/", "Trang chủ")]
    for key, sub in SUBSITES.items():
        links.append((f"/{key}/", sub["name"]))
        links += [
            (f"/{key}/{cat}/", name) for cat, (csub, name) in CATEGORIES.items() if csub == key
        ]
    return render.Frame(render.menu(links), render.footer(FOOTER_LINES))


def page(title: str, subsite: str, content: str, head: str = "") -> str:
    """A page of ``subsite`` (its banner) around ``content``."""
    return frame().page(title, content, SUBSITES[subsite]["banner"], head)


def trail(subsite: str, cat: str | None, current_link: bool) -> list[render.Crumb]:
    """Home › sub-site › category (a link, or the current page)."""
    crumbs: list[render.Crumb] = [("/", "Trang chủ"), (f"/{subsite}/", SUBSITES[subsite]["name"])]
    if cat:
        crumbs.append((f"/{subsite}/{cat}/" if current_link else None, CATEGORIES[cat][1]))
    return crumbs


def render_article(art: Article) -> str:
    published = f"{art.when:%Y-%m-%dT%H:%M:00}{TZ}" if art.meta_time else None
    head = render.article_head(art.title, art.path, published)
    updated = f"Cập nhật: {art.updated:%d/%m/%Y %H:%M}" if art.updated else None
    blocks = []
    for i, (phtml, _) in enumerate(art.paragraphs):
        blocks.append(f"<p>{phtml}</p>")
        blocks += [render.figure(src, alt, caption) for src, caption, alt in art.figures.get(i, [])]
        if art.script_after == i:
            blocks.append("<script>var tracking=1;</script>")
    if art.byline:
        blocks += render.bylines(art.byline.lines, strong=art.byline.kind == "all-caps")
    files = render.attachments([(PDF_PATH, f"Tải về: {PDF_TITLE}")] if art.spec.pdf else [])
    related = [
        (other.path + ((art.related_variant or "") if k == 0 else ""), other.title)
        for k, other in enumerate(art.related)
    ]
    content = render.article(
        trail(art.subsite, art.cat, True),
        art.title,
        render.article_meta(art.date_raw, updated),
        art.lead,
        blocks,
        files,
        related,
    )
    return page(f"{art.title} - {SUBSITES[art.subsite]['org']}", art.subsite, content, head)


def listing_path(subsite: str, cat: str, n: int) -> str:
    base = f"/{subsite}/{cat}/"
    return base if n == 1 else f"{base}trang-{n}.html"


def render_listing(
    subsite: str,
    cat: str,
    n: int,
    pages: int,
    items: list[Article],
    broken: tuple[str, str, str] | None,
) -> str:
    lis = [render.news_item(a.path, a.title, f"{a.when:%d/%m/%Y}", a.lead) for a in items]
    if broken:
        href, title, date = broken
        lis.append(render.news_item(href, title, date, "Bài viết đang được cập nhật."))
    pager = render.pagination(n, pages, lambda k: "./" if k == 1 else f"trang-{k}.html")
    name = CATEGORIES[cat][1]
    content = render.listing(trail(subsite, cat, False), name, lis, pager)
    suffix = "" if n == 1 else f" - Trang {n}"
    return page(f"{name}{suffix} - {SUBSITES[subsite]['org']}", subsite, content)


def _latest(arts: list[Article], count: int) -> str:
    latest = sorted(arts, key=lambda a: (a.when, a.id), reverse=True)[:count]
    return "".join(
        f'<li><a href="{a.path}">{esc(a.title)}</a> <span class="date">{a.when:%d/%m/%Y}</span></li>'
        for a in latest
    )


def render_subsite_home(key: str, arts: list[Article]) -> str:
    cats = "".join(
        f'<li><a href="/{key}/{c}/">{esc(n)}</a></li>'
        for c, (s, n) in CATEGORIES.items()
        if s == key
    )
    content = (
        f"{render.breadcrumb([('/', 'Trang chủ'), (None, SUBSITES[key]['name'])])}\n"
        f'<h2>Tin mới</h2><ul class="latest-news">{_latest(arts, 5)}</ul>\n'
        f'<h2>Chuyên mục</h2><ul class="category-list">{cats}</ul>'
    )
    return page(SUBSITES[key]["org"] + " - Trang chủ", key, content)


def render_home(
    articles: list[Article], variants: list[tuple[str, str]], redirect_from: str
) -> str:
    var = "".join(f'<li><a href="{attr(h)}">{esc(t)}</a></li>' for h, t in variants)
    old = next(a for a in articles if a.id == REDIRECT_OLD_ID)
    content = (
        '<h2>Tin mới nhất</h2><ul class="home-news">' + _latest(articles, 10) + "</ul>\n"
        '<h2>Được quan tâm</h2><ul class="home-featured">' + var + "</ul>\n"
        '<div class="home-links"><h2>Liên kết</h2><ul>'
        '<li><a href="/btg/">Ban Tuyên giáo</a></li><li><a href="/dv/">Ban Dân vận</a></li>'
        f'<li><a href="{redirect_from}">Tin cũ: {esc(old.title)}</a></li>'
        f'<li><a href="{ADMIN_PATH}">Quản trị</a></li></ul></div>'
    )
    return page("Ban Tuyên giáo Tỉnh ủy - Trang chủ", "btg", content)


def render_simple(title: str, body: str) -> str:
    return page(title, "btg", f'<div class="page">{body}</div>')


SITE_CSS = (
    "body{font-family:Arial,sans-serif;max-width:960px;margin:auto}"
    ".banner{background:#b22222;color:#fff;padding:16px;font-weight:bold}"
    ".menu{list-style:none;display:flex;gap:12px;padding:8px;background:#eee}"
    ".footer{border-top:1px solid #ccc;margin-top:24px;font-size:13px;color:#555}"
    ".article-title{font-size:26px}.article-sapo{font-weight:bold}"
    ".news-date{color:#888;margin-left:8px}\n"
)

# --------------------------------------------------------------------------- build


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def build(out_dir: Path) -> dict[str, Any]:
    """Write ``out_dir/www/**`` and ``out_dir/manifest.json``; return the manifest."""
    out_dir = Path(out_dir)
    www = out_dir / "www"
    if www.exists():
        shutil.rmtree(www)
    articles = compose(SPECS)
    by_id = {a.id: a for a in articles}

    # static assets
    for src, (fg, bg) in IMAGE_FILES.items():
        _write(www / src.lstrip("/"), png_bytes(16, 9, fg, bg))
    _write(www / PDF_PATH.lstrip("/"), pdf_bytes("Huong dan tuyen truyen Dai hoi XIX (demo)"))
    _write(www / "static/site.css", SITE_CSS)

    # articles
    for art in articles:
        _write(www / art.path.lstrip("/"), render_article(art))

    # listings
    categories_meta = []
    listings: dict[str, list[str]] = {}
    broken_links = []
    for cat, (sub, name) in CATEGORIES.items():
        arts = sorted(
            (a for a in articles if a.cat == cat), key=lambda a: (a.when, a.id), reverse=True
        )
        pages = (len(arts) + PER_PAGE - 1) // PER_PAGE
        paths = []
        for n in range(1, pages + 1):
            chunk = arts[(n - 1) * PER_PAGE : n * PER_PAGE]
            broken = None
            if cat == "tin-hoat-dong" and n == 2:
                date = chunk[-1].when.strftime("%d/%m/%Y")
                broken = (NOT_FOUND_PATH, "Tập huấn nghiệp vụ công tác tuyên giáo năm 2020", date)
                broken_links.append({"from": listing_path(sub, cat, n), "to": NOT_FOUND_PATH})
            lp = listing_path(sub, cat, n)
            fname = "index.html" if n == 1 else f"trang-{n}.html"
            _write(www / sub / cat / fname, render_listing(sub, cat, n, pages, chunk, broken))
            paths.append(lp)
            listings[lp] = [a.path for a in chunk]
        categories_meta.append(
            {
                "path": f"/{sub}/{cat}/",
                "subsite": sub,
                "name": name,
                "article_count": len(arts),
                "page_count": pages,
                "listing_pages": paths,
            }
        )

    # sub-site homes, home, admin, 404
    for key in SUBSITES:
        _write(
            www / key / "index.html",
            render_subsite_home(key, [a for a in articles if a.subsite == key]),
        )
    redirects = {f"/tin-cu/{REDIRECT_OLD_ID}.html": by_id[REDIRECT_OLD_ID].path}
    v1, v2, v3 = by_id[1010], by_id[1030], by_id[1050]
    variants = [
        (v1.path + "?utm_source=facebook&utm_medium=social", v1.title),
        (v2.path + "#binh-luan", v2.title),
        (v3.path + "?sessionid=abc123", v3.title),
    ]
    newest_rel = next(a for a in articles if a.related_variant)
    variant_meta = [
        {"from": "/", "href": h, "canonical": h.split("?")[0].split("#")[0]} for h, _ in variants
    ]
    variant_meta.append(
        {
            "from": newest_rel.path,
            "href": newest_rel.related[0].path + str(newest_rel.related_variant),
            "canonical": newest_rel.related[0].path,
        }
    )
    _write(www / "index.html", render_home(articles, variants, next(iter(redirects))))
    _write(
        www / "admin/index.html",
        render_simple(
            "Quản trị hệ thống", "<h1>Đăng nhập quản trị</h1><p>Khu vực dành cho quản trị viên.</p>"
        ),
    )
    _write(
        www / "404.html",
        render_simple(
            "Không tìm thấy trang",
            "<h1>404 - Không tìm thấy trang</h1><p>Trang bạn yêu cầu không tồn tại hoặc đã bị gỡ bỏ. "
            '<a href="/">Về trang chủ</a></p>',
        ),
    )

    # robots + sitemap ({{BASE_URL}} is substituted by server.py)
    _write(
        www / "robots.txt",
        "User-agent: *\nDisallow: /admin/\n\nSitemap: {{BASE_URL}}/sitemap.xml\n",
    )
    urls = "".join(
        f"  <url><loc>{{{{BASE_URL}}}}{a.path}</loc><lastmod>{a.when:%Y-%m-%d}</lastmod></url>\n"
        for a in articles
    )
    _write(
        www / "sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
    )

    manifest = {
        "site": {
            "name": SITE_NAME,
            "per_page": PER_PAGE,
            "timezone": TZ,
            "home": "/",
            "subsites": [
                {
                    "key": k,
                    "path": f"/{k}/",
                    "name": v["name"],
                    "org": v["org"],
                    "banner": v["banner"],
                }
                for k, v in SUBSITES.items()
            ],
            "categories": categories_meta,
            "listings": listings,
            "robots": {"path": "/robots.txt", "disallow": [ADMIN_PATH]},
            "sitemap": "/sitemap.xml",
            "admin": ADMIN_PATH,
            "redirects": redirects,
            "not_found": [NOT_FOUND_PATH],
            "broken_links": broken_links,
            "url_variants": variant_meta,
            "attachments": [PDF_PATH],
            "image_files": sorted(IMAGE_FILES),
            "date_formats": sorted(DATE_FORMATS),
        },
        "articles": [_article_manifest(a) for a in articles],
    }
    _write(out_dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest


def _article_manifest(art: Article) -> dict[str, Any]:
    body = art.body_text
    images = [
        {"src": src, "caption": caption}
        for i in sorted(art.figures)
        for src, caption, _ in art.figures[i]
    ]
    return {
        "path": art.path,
        "id": art.id,
        "subsite": art.subsite,
        "category": CATEGORIES[art.cat][1],
        "category_path": f"/{art.subsite}/{art.cat}/",
        "title": art.title,
        "lead": art.lead,
        "date_raw": art.date_raw,
        "date_format": art.fmt,
        "published_at": iso(art.when, art.has_time),
        "meta_published_time": f"{art.when:%Y-%m-%dT%H:%M:00}{TZ}" if art.meta_time else None,
        "updated_raw": f"Cập nhật: {art.updated:%d/%m/%Y %H:%M}" if art.updated else None,
        "updated_at": iso(art.updated, True) if art.updated else None,
        "byline_raw": "\n".join(art.byline.lines) if art.byline else None,
        "byline_kind": art.byline.kind if art.byline else None,
        "authors": [{"name": n, "role": r} for n, r in art.byline.authors] if art.byline else [],
        "documents": art.documents,
        "body_first": body[:60],
        "body_last": body[-60:],
        "paragraph_count": len(art.paragraphs),
        "body_sha1": hashlib.sha1(body.encode("utf-8")).hexdigest(),
        "images": images,
        "attachments": [PDF_PATH] if art.spec.pdf else [],
        "related": [o.path for o in art.related],
        "hostile": art.spec.hostile,
    }


def main() -> None:
    """CLI entry: rebuild the committed demo site next to this module."""
    manifest = build(PACKAGE_DIR)
    print(f"wrote {len(manifest['articles'])} articles to {PACKAGE_DIR / 'www'}")


if __name__ == "__main__":
    main()
