"""Table-driven tests for parse_byline and author_key."""

from __future__ import annotations

import unicodedata

import pytest

from tuyengiao_crawler.normalize import author_key, parse_byline

A = "author"
ORG = "organization"

CASES = [
    # the seed's trailing lines
    (
        "Phan Sỹ Thành \n\nBan Tuyên giáo Tỉnh ủy ",
        [("Phan Sỹ Thành", A), ("Ban Tuyên giáo Tỉnh ủy", ORG)],
    ),
    (
        "Phan Sỹ Thành\nBan Tuyên giáo Tỉnh ủy",
        [("Phan Sỹ Thành", A), ("Ban Tuyên giáo Tỉnh ủy", ORG)],
    ),
    # labels
    ("Bài, ảnh: Nguyễn Văn A", [("Nguyễn Văn A", A)]),
    ("Bài và ảnh: Minh Anh", [("Minh Anh", A)]),
    ("Bài & ảnh: Minh Anh", [("Minh Anh", A)]),
    ("Tin, ảnh: Hoài Thu", [("Hoài Thu", A)]),
    ("Tin: Hoài Thu", [("Hoài Thu", A)]),
    ("Ảnh: Đức Anh", [("Đức Anh", A)]),
    ("Bài: Lê Thanh Hương", [("Lê Thanh Hương", A)]),
    ("Thực hiện: Ngọc Anh", [("Ngọc Anh", A)]),
    ("Video: Quang Minh", [("Quang Minh", A)]),
    ("Bài, ảnh, video: Trần Hải", [("Trần Hải", A)]),
    # desk credits and CMS accounts name nobody: dropped (the schema has no role for them)
    ("Tin, ảnh: PV", []),
    ("PV", []),
    ("pv", []),
    ("Nhóm PV", []),
    ("Nhóm phóng viên", []),
    ("Phóng viên", []),
    ("CTV", []),
    ("Cộng tác viên", []),
    ("Tin: PV", []),
    ("PV - CTV", []),
    ("BTV", []),
    ("Biên tập viên", []),
    ("BBT", []),
    ("Ban biên tập", []),
    ("Ban Biên Tập", []),
    ("BAN BIÊN TẬP", []),
    ("Ban biên tập Cổng TTĐT tỉnh", []),
    ("Tòa soạn", []),
    ("admin", []),
    ("Admin", []),
    ("admin2", []),
    ("Bởi Admin", []),
    ("Đăng bởi: admin", []),
    ("By administrator", []),
    ("Quản trị viên", []),
    ("quan tri vien", []),
    ("administrator", []),
    ("editor", []),
    ("Webmaster", []),
    ("Super User", []),
    ("Viết bởi Super User", []),
    ("Gửi bởi bientap", []),
    ("Đăng bởi: tuyengiao_ha", []),
    ("PV1", []),
    ("Ảnh: internet", []),
    ("Ảnh minh họa", []),
    ("(Hết)", []),
    ("(Còn nữa)", []),
    # ... but a reporter named after the desk credit is a person
    ("PV Hoàng Long", [("Hoàng Long", A)]),
    ("PV Hoàng Long (theo TTXVN)", [("Hoàng Long", A), ("TTXVN", ORG)]),
    ("Phóng viên Lê Hằng", [("Lê Hằng", A)]),
    ("Nhóm PV, Minh Hà", [("Minh Hà", A)]),
    ("CTV Trần Hoa - Báo Nghệ An", [("Trần Hoa", A), ("Báo Nghệ An", ORG)]),
    ("Tin, ảnh: PV Hữu Nghĩa", [("Hữu Nghĩa", A)]),
    # "Bởi ...", "By ...", "Đăng bởi ..." say who; the word itself is no name
    ("Bởi Nguyễn Văn Bình", [("Nguyễn Văn Bình", A)]),
    ("Bởi: Trần Thu", [("Trần Thu", A)]),
    ("By Minh Khang", [("Minh Khang", A)]),
    ("Đăng bởi: Lê Văn Hải", [("Lê Văn Hải", A)]),
    ("Người đăng: Hoàng Yến", [("Hoàng Yến", A)]),
    # titles stripped
    ("ThS. Nguyễn Thị Hà", [("Nguyễn Thị Hà", A)]),
    ("TS. Nguyễn Văn Dương", [("Nguyễn Văn Dương", A)]),
    ("TS Nguyễn Văn Dương", [("Nguyễn Văn Dương", A)]),
    ("PGS.TS Trần Văn Bình", [("Trần Văn Bình", A)]),
    ("PGS.TS. Trần Văn Bình", [("Trần Văn Bình", A)]),
    ("GS.TS Hoàng Chí Bảo", [("Hoàng Chí Bảo", A)]),
    ("Đại tá Lê Văn Cường", [("Lê Văn Cường", A)]),
    ("Thượng tá Nguyễn Hữu Đức", [("Nguyễn Hữu Đức", A)]),
    ("Trung tá Phạm Văn Tùng", [("Phạm Văn Tùng", A)]),
    ("Thiếu tá Hồ Thị Lan", [("Hồ Thị Lan", A)]),
    ("NSND Trần Văn Đông", [("Trần Văn Đông", A)]),
    ("Nhà báo Hữu Thọ", [("Hữu Thọ", A)]),
    ("đồng chí Kha Văn Tám", [("Kha Văn Tám", A)]),
    ("Đồng chí Kha Văn Tám", [("Kha Văn Tám", A)]),
    ("Đ/c Lê Hồng Phong", [("Lê Hồng Phong", A)]),
    ("PGS, TS. Trần Văn Bình", [("Trần Văn Bình", A)]),
    ("Th.S Lê Thị Mai", [("Lê Thị Mai", A)]),
    ("Ths. Lê Thị Mai", [("Lê Thị Mai", A)]),
    ("NCS. Lê Thị Hà", [("Lê Thị Hà", A)]),
    ("Thượng tá, TS. Lê Văn Hùng", [("Lê Văn Hùng", A)]),
    ("TS. NGUYỄN VĂN AN", [("Nguyễn Văn An", A)]),
    ("Nhà báo, Thạc sĩ Lê Quốc Minh", [("Lê Quốc Minh", A)]),
    # an office after the name is no body; the body it names is kept
    (
        "Đồng chí Nguyễn Văn Nên, Ủy viên Bộ Chính trị, Bí thư Thành ủy",
        [("Nguyễn Văn Nên", A), ("Bộ Chính trị", ORG), ("Thành ủy", ORG)],
    ),
    (
        "PGS.TS. NGUYỄN VĂN A - Viện trưởng Viện Triết học",
        [("Nguyễn Văn A", A), ("Viện Triết học", ORG)],
    ),
    ("Đ/c Nguyễn Văn A - Phó Bí thư Tỉnh ủy", [("Nguyễn Văn A", A), ("Tỉnh ủy", ORG)]),
    ("Lê Văn Hải, Tỉnh ủy viên, Giám đốc Sở Nội vụ", [("Lê Văn Hải", A), ("Sở Nội vụ", ORG)]),
    ("Minh Anh (theo Reuters, AFP)", [("Minh Anh", A), ("Reuters", ORG), ("AFP", ORG)]),
    # several authors
    ("Minh Anh - Thu Hà", [("Minh Anh", A), ("Thu Hà", A)]),
    ("Minh Anh – Thu Hà", [("Minh Anh", A), ("Thu Hà", A)]),
    ("Minh Anh, Thu Hà", [("Minh Anh", A), ("Thu Hà", A)]),
    ("Minh Anh; Thu Hà", [("Minh Anh", A), ("Thu Hà", A)]),
    ("Minh Anh và Thu Hà", [("Minh Anh", A), ("Thu Hà", A)]),
    ("Bài: Minh Anh, Thu Hà và Lan Hương", [("Minh Anh", A), ("Thu Hà", A), ("Lan Hương", A)]),
    ("Minh Anh - Minh Anh", [("Minh Anh", A)]),
    ("Thu Hà/VOV", [("Thu Hà", A), ("VOV", ORG)]),
    # sources
    ("Theo TTXVN", [("TTXVN", ORG)]),
    ("(Theo TTXVN)", [("TTXVN", ORG)]),
    ("(Theo Báo Nghệ An)", [("Báo Nghệ An", ORG)]),
    ("Theo Báo Nhân Dân", [("Báo Nhân Dân", ORG)]),
    ("Nguồn: baochinhphu.vn", [("baochinhphu.vn", ORG)]),
    ("Nguồn: Tạp chí Cộng sản", [("Tạp chí Cộng sản", ORG)]),
    ("Theo VOV", [("VOV", ORG)]),
    # "Theo X" / "Nguồn: X": the outlet when X is one, the author when X is a person
    ("Theo Nguyễn Văn A", [("Nguyễn Văn A", A)]),
    ("Theo Minh Anh", [("Minh Anh", A)]),
    ("(Theo Trần Thị Hồng)", [("Trần Thị Hồng", A)]),
    ("Theo TS. Nguyễn Văn Dương", [("Nguyễn Văn Dương", A)]),
    ("Theo Minh Anh/VOV", [("Minh Anh", A), ("VOV", ORG)]),
    ("Theo Thanh Niên", [("Thanh Niên", ORG)]),
    ("Theo Lao Động", [("Lao Động", ORG)]),
    ("Theo Tiền Phong", [("Tiền Phong", ORG)]),
    ("Theo Dân trí", [("Dân trí", ORG)]),
    ("Theo Reuters", [("Reuters", ORG)]),
    ("Theo The Diplomat", [("The Diplomat", ORG)]),
    ("Theo Nikkei Asia", [("Nikkei Asia", ORG)]),
    ("Theo AFP", [("AFP", ORG)]),
    ("Theo baochinhphu.vn", [("baochinhphu.vn", ORG)]),
    ("Nguồn: Báo Nhân Dân", [("Báo Nhân Dân", ORG)]),
    ("Nguồn: VnExpress", [("VnExpress", ORG)]),
    ("Nguồn: TTXVN", [("TTXVN", ORG)]),
    ("Theo Báo Điện tử Chính phủ", [("Báo Điện tử Chính phủ", ORG)]),
    ("Hà Linh (Theo Reuters)", [("Hà Linh", A), ("Reuters", ORG)]),
    # after a slash: the outlet, Vietnamese or foreign
    ("Minh Anh/The Diplomat", [("Minh Anh", A), ("The Diplomat", ORG)]),
    ("Quang Huy/Reuters", [("Quang Huy", A), ("Reuters", ORG)]),
    ("Lan Anh/VOV-Tây Bắc", [("Lan Anh", A), ("VOV-Tây Bắc", ORG)]),
    ("Thanh Hà/TTXVN", [("Thanh Hà", A), ("TTXVN", ORG)]),
    ("Ngọc Hân/Bloomberg", [("Ngọc Hân", A), ("Bloomberg", ORG)]),
    # a byline sharing its line with the date: the person, never the date
    ("Thứ Ba, 14/03/2023 09:40 | Nguyễn Thị Hoa", [("Nguyễn Thị Hoa", A)]),
    ("Nguyễn Thị Hoa | Thứ Ba, 14/03/2023 09:40", [("Nguyễn Thị Hoa", A)]),
    ("14/03/2023 09:40 - Trần Minh", [("Trần Minh", A)]),
    ("Cập nhật: 09:40 14/03/2023 | Bởi: Lê Hà", [("Lê Hà", A)]),
    ("Thứ hai, 12/5/2021, 10:22 (GMT+7) | Bài, ảnh: Hồng Sơn", [("Hồng Sơn", A)]),
    ("Chủ nhật, 05/11/2023 | 08:15 | Theo TTXVN", [("TTXVN", ORG)]),
    ("Thứ Ba, 14/03/2023 09:40", []),
    ("Thứ Ba, 14/03/2023 09:40 | admin", []),
    ("Thứ Sáu, 01/09/2023 - 07:00 | Lượt xem: 1234", []),
    ("Hội nghị ngày 14/3/2023", []),
    ("Nghệ An, ngày 14 tháng 3 năm 2023", []),
    ("Hà Nội, 14/3/2023", []),
    ("Nguyễn Thị Hoa - Thứ Ba, 14/03/2023 09:40 - Lượt xem: 120", [("Nguyễn Thị Hoa", A)]),
    ("14/03/2023 | 3 bình luận | Hữu Đức", [("Hữu Đức", A)]),
    ("Hội nghị lần thứ 5 - Ban Chấp hành Trung ương", []),
    ("Đăng ngày 14/03/2023 bởi Lê Hà", [("Lê Hà", A)]),
    # "and N other authors", the others listed beside
    ("Nguyễn Văn An và 1 tác giả khác", [("Nguyễn Văn An", A)]),
    (
        "Nguyễn Văn An và 2 tác giả khác\nNguyễn Văn An\nTrần Bình\nLê Cúc",
        [("Nguyễn Văn An", A), ("Trần Bình", A), ("Lê Cúc", A)],
    ),
    ("NGUYỄN VĂN AN - TRẦN THỊ BÌNH", [("Nguyễn Văn An", A), ("Trần Thị Bình", A)]),
    ("Bài: Hữu Đức – Quốc Tuấn", [("Hữu Đức", A), ("Quốc Tuấn", A)]),
    # casing
    ("PHAN SỸ THÀNH", [("Phan Sỹ Thành", A)]),
    ("nguyễn văn a", [("Nguyễn Văn A", A)]),
    ("ĐẶNG THỊ HOÀI", [("Đặng Thị Hoài", A)]),
    ("BAN TUYÊN GIÁO TỈNH ỦY", [("Ban Tuyên Giáo Tỉnh Ủy", ORG)]),
    ("UBND TỈNH NGHỆ AN", [("UBND Tỉnh Nghệ An", ORG)]),
    ("Phan  Sỹ   Thành", [("Phan Sỹ Thành", A)]),
    (unicodedata.normalize("NFD", "Phan Sỹ Thành"), [("Phan Sỹ Thành", A)]),
    # names with organisations
    (
        "Minh Châu (Ban Tuyên giáo Huyện ủy Quỳnh Lưu)",
        [("Minh Châu", A), ("Ban Tuyên giáo Huyện ủy Quỳnh Lưu", ORG)],
    ),
    ("Hoài Thu (tổng hợp)", [("Hoài Thu", A)]),
    ("Minh Châu (Theo TTXVN)", [("Minh Châu", A), ("TTXVN", ORG)]),
    (
        "PGS.TS. Nguyễn Văn Minh - Học viện Chính trị quốc gia Hồ Chí Minh",
        [("Nguyễn Văn Minh", A), ("Học viện Chính trị quốc gia Hồ Chí Minh", ORG)],
    ),
    ("Lê Hà - Báo Nghệ An", [("Lê Hà", A), ("Báo Nghệ An", ORG)]),
    ("Trung tâm Chính trị huyện Anh Sơn", [("Trung tâm Chính trị huyện Anh Sơn", ORG)]),
    # an org head in the old tone placement (Toà án) is the head Tòa án
    ("Toà án nhân dân tỉnh Bắc Ninh", [("Toà án nhân dân tỉnh Bắc Ninh", ORG)]),
    ("Sở Văn hóa, Thể thao và Du lịch", [("Sở Văn hóa, Thể thao và Du lịch", ORG)]),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", [("Ban Tuyên giáo và Dân vận Tỉnh ủy", ORG)]),
    ("Đài Phát thanh và Truyền hình Nghệ An", [("Đài Phát thanh và Truyền hình Nghệ An", ORG)]),
    ("Huyện ủy Quỳnh Lưu", [("Huyện ủy Quỳnh Lưu", ORG)]),
    ("Công an tỉnh Nghệ An", [("Công an tỉnh Nghệ An", ORG)]),
    ("Cổng TTĐT tỉnh", [("Cổng TTĐT tỉnh", ORG)]),
    ("Văn phòng Tỉnh ủy", [("Văn phòng Tỉnh ủy", ORG)]),
    ("Bộ Chỉ huy Quân sự tỉnh", [("Bộ Chỉ huy Quân sự tỉnh", ORG)]),
    ("Mặt trận Tổ quốc tỉnh", [("Mặt trận Tổ quốc tỉnh", ORG)]),
    ("Hội Nông dân tỉnh", [("Hội Nông dân tỉnh", ORG)]),
    ("Đoàn Minh Huấn", [("Đoàn Minh Huấn", A)]),
    ("Đoàn Thanh niên tỉnh", [("Đoàn Thanh niên tỉnh", ORG)]),
    ("Tỉnh Đoàn Thanh Hóa", [("Tỉnh Đoàn Thanh Hóa", ORG)]),
    ("Thành Đoàn Hà Nội", [("Thành Đoàn Hà Nội", ORG)]),
    ("TTXVN", [("TTXVN", ORG)]),
    # not bylines
    ("Hội nghị báo cáo viên Tỉnh ủy bằng hình thức trực tuyến", []),
    ("Ban Tuyên giáo Tỉnh ủy khảo sát thực hiện Chỉ thị 05 tại huyện Kỳ Sơn", []),
    ("Giao ban báo chí định kỳ tháng 11 năm 2020", []),
    ("Đây là một câu văn bình thường có nhiều chữ và kết thúc bằng dấu chấm.", []),
    (
        "Dự các buổi làm việc với đoàn có Thường trực Huyện ủy và lãnh đạo UBND các huyện, "
        "lãnh đạo, cán bộ tuyên giáo và trung tâm chính trị.",
        [],
    ),
    ("Tin cùng chuyên mục", []),
    # a colon after no known label, lower-case words among other pieces: prose, not names
    ("Tải về: Báo cáo sơ kết (tải về)", []),
    ("Xem thêm: Ban Tuyên giáo", []),
    ("Email: bbt@baonghean.vn", []),
    ("Theo đó, các đơn vị triển khai", []),
    ("Tin Tức", []),
    ("Nhóm PV: Minh Hà", [("Minh Hà", A)]),
    ("Điện thoại: 0238.3844.567", []),
    ("", []),
    ("   \n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_byline(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e["name"], e["role"]) for e in parse_byline(text)] == expected


def test_parse_byline_none_and_junk() -> None:
    assert parse_byline(None) == []  # type: ignore[arg-type]
    assert parse_byline(42) == []  # type: ignore[arg-type]


SAME_KEY = [
    ("Phan  Sỹ Thành", "PHAN SỸ THÀNH"),
    ("Phan Sỹ Thành", unicodedata.normalize("NFD", "Phan Sỹ Thành")),
    ("Nguyễn Thị Hòa", "Nguyễn Thị Hoà"),
    ("Lê Thủy", "Lê Thuỷ"),
    ("Trần Khỏe", "Trần Khoẻ"),
    ("Đặng Hoàng", "ĐẶNG HOÀNG"),
    ("Ðặng Hoàng", "Đặng Hoàng"),
    ("Nguyễn ɖình", "Nguyễn Đình"),
    (" Minh Anh ", "minh anh"),
]
DIFFERENT_KEY = [
    ("Phan Sỹ Thành", "Phan Sĩ Thành"),
    ("Nguyễn Văn Hòa", "Nguyễn Văn Hóa"),
    ("Lê Thủy", "Lê Thúy"),
    ("Minh Anh", "Minh Ánh"),
    ("Hoàng", "Hoang"),
    ("Đức", "Dức"),
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_author_key_same(a: str, b: str) -> None:
    assert author_key(a) == author_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_KEY)
def test_author_key_different(a: str, b: str) -> None:
    assert author_key(a) != author_key(b)


def test_author_key_shape() -> None:
    assert author_key("PHAN  SỸ THÀNH") == "phan sỹ thành"
    assert author_key("") == ""
