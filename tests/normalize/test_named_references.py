"""Named documents, laws by name, spelling variants and partial references (issue 16).

Sentences are written the way Party and government sites write them; each case gives
what a researcher counts: the mention as written and the one key of its document.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyengiao_crawler.normalize import extract_references, link_partial_references
from tuyengiao_crawler.normalize.references import IDENTIFIED_BY

# (sentence, surface, document_key, identified_by)
NAMED = [
    # Central Committee plenums: number, words, roman, with and without "Hội nghị".
    (
        "Tiếp tục thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng.",
        "Nghị quyết Trung ương 4 khóa XII",
        "04-NQ/TW",
        "registry",
    ),
    (
        "Quán triệt Nghị quyết Hội nghị Trung ương 4 khóa XII gắn với Chỉ thị 05.",
        "Nghị quyết Hội nghị Trung ương 4 khóa XII",
        "04-NQ/TW",
        "registry",
    ),
    (
        "thực hiện Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (khóa XII)",
        "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (khóa XII)",
        "04-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Hội nghị lần thứ 4 Ban Chấp hành Trung ương khóa XII đã chỉ rõ",
        "Nghị quyết Hội nghị lần thứ 4 Ban Chấp hành Trung ương khóa XII",
        "04-NQ/TW",
        "registry",
    ),
    (
        "theo tinh thần Nghị quyết Trung ương 4 (khóa XII)",
        "Nghị quyết Trung ương 4 (khóa XII)",
        "04-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 4, khóa XII là cơ sở để",
        "Nghị quyết Trung ương 4, khóa XII",
        "04-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương lần thứ 4 khóa XII được triển khai",
        "Nghị quyết Trung ương lần thứ 4 khóa XII",
        "04-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 4 khoá XII (chữ khoá cũ)",
        "Nghị quyết Trung ương 4 khoá XII",
        "04-NQ/TW",
        "registry",
    ),
    (
        "sơ kết Nghị quyết Trung ương 8 khóa XII về kinh tế biển",
        "Nghị quyết Trung ương 8 khóa XII",
        "36-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 9 khóa XI về xây dựng và phát triển văn hóa, con người",
        "Nghị quyết Trung ương 9 khóa XI",
        "33-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Hội nghị lần thứ chín Ban Chấp hành Trung ương Đảng khóa XI",
        "Nghị quyết Hội nghị lần thứ chín Ban Chấp hành Trung ương Đảng khóa XI",
        "33-NQ/TW",
        "registry",
    ),
    # One plenum, several resolutions: the theme after the name picks one.
    (
        "Nghị quyết Trung ương 6 khóa XII về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ "
        "thống chính trị tinh gọn",
        "Nghị quyết Trung ương 6 khóa XII",
        "18-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 6 khóa XII về công tác dân số trong tình hình mới",
        "Nghị quyết Trung ương 6 khóa XII",
        "21-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 6 (khóa XII) về tăng cường công tác bảo vệ, chăm sóc và nâng "
        "cao sức khỏe nhân dân",
        "Nghị quyết Trung ương 6 (khóa XII)",
        "20-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 7 khóa XII về cải cách chính sách tiền lương",
        "Nghị quyết Trung ương 7 khóa XII",
        "27-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 7 khóa XII về cải cách chính sách bảo hiểm xã hội",
        "Nghị quyết Trung ương 7 khóa XII",
        "28-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 7 khóa XII về tập trung xây dựng đội ngũ cán bộ các cấp, nhất "
        "là cấp chiến lược",
        "Nghị quyết Trung ương 7 khóa XII",
        "26-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 5 khóa XII về phát triển kinh tế tư nhân trở thành một động "
        "lực quan trọng",
        "Nghị quyết Trung ương 5 khóa XII",
        "10-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 7 khóa XI về tăng cường và đổi mới sự lãnh đạo của Đảng đối "
        "với công tác dân vận trong tình hình mới",
        "Nghị quyết Trung ương 7 khóa XI",
        "25-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 7 khóa XI về chủ động ứng phó với biến đổi khí hậu",
        "Nghị quyết Trung ương 7 khóa XI",
        "24-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo",
        "Nghị quyết Trung ương 8 khóa XI",
        "29-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 8 khóa XIII về Chiến lược bảo vệ Tổ quốc trong tình hình mới",
        "Nghị quyết Trung ương 8 khóa XIII",
        "44-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết Trung ương 8 khóa XIII về tiếp tục xây dựng và phát huy vai trò của đội "
        "ngũ trí thức",
        "Nghị quyết Trung ương 8 khóa XIII",
        "45-NQ/TW",
        "registry",
    ),
    # Conclusions of a plenum.
    (
        "Kết luận Trung ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng",
        "Kết luận Trung ương 4 khóa XIII",
        "21-KL/TW",
        "registry",
    ),
    (
        "Kết luận Hội nghị Trung ương 4 khóa XIII là bước phát triển",
        "Kết luận Hội nghị Trung ương 4 khóa XIII",
        "21-KL/TW",
        "registry",
    ),
    (
        "Kết luận Hội nghị lần thứ mười một Ban Chấp hành Trung ương Đảng khóa XIII",
        "Kết luận Hội nghị lần thứ mười một Ban Chấp hành Trung ương Đảng khóa XIII",
        "121-KL/TW",
        "registry",
    ),
    # Congress resolutions and documents: no number, one key however written.
    (
        "đưa Nghị quyết Đại hội XIII của Đảng vào cuộc sống",
        "Nghị quyết Đại hội XIII của Đảng",
        "Nghị quyết Đại hội XIII",
        "registry",
    ),
    (
        "học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Nghị quyết Đại hội XIII",
        "registry",
    ),
    (
        "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII đã xác định",
        "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII",
        "Nghị quyết Đại hội XIII",
        "registry",
    ),
    (
        "Nghị quyết Đại hội lần thứ XIII của Đảng đề ra",
        "Nghị quyết Đại hội lần thứ XIII của Đảng",
        "Nghị quyết Đại hội XIII",
        "registry",
    ),
    (
        "Nghị quyết Đại hội XII của Đảng xác định",
        "Nghị quyết Đại hội XII của Đảng",
        "Nghị quyết Đại hội XII",
        "registry",
    ),
    (
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đảng",
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đảng",
        "Nghị quyết Đại hội XI",
        "registry",
    ),
    (
        "Văn kiện Đại hội XIII của Đảng nhấn mạnh",
        "Văn kiện Đại hội XIII của Đảng",
        "Văn kiện Đại hội XIII",
        "registry",
    ),
    (
        "Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII của Đảng khẳng định",
        "Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Văn kiện Đại hội XIII",
        "registry",
    ),
    (
        "Văn kiện Đại hội đại biểu toàn quốc lần thứ XII chỉ rõ",
        "Văn kiện Đại hội đại biểu toàn quốc lần thứ XII",
        "Văn kiện Đại hội XII",
        "registry",
    ),
    # Not in the registry: still one record, keyed by name, with no number.
    (
        "Nghị quyết Trung ương 5 khóa X về công tác tư tưởng, lý luận và báo chí",
        "Nghị quyết Trung ương 5 khóa X",
        "Nghị quyết Trung ương 5 khóa X",
        "name-only",
    ),
    (
        "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa X về nông nghiệp",
        "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa X",
        "Nghị quyết Trung ương 7 khóa X",
        "name-only",
    ),
    (
        "Nghị quyết Đại hội X của Đảng",
        "Nghị quyết Đại hội X của Đảng",
        "Nghị quyết Đại hội X",
        "name-only",
    ),
    (
        "Văn kiện Đại hội đại biểu toàn quốc lần thứ XI",
        "Văn kiện Đại hội đại biểu toàn quốc lần thứ XI",
        "Văn kiện Đại hội XI",
        "name-only",
    ),
    (
        "Chỉ thị Trung ương 3 khóa VIII về cán bộ",
        "Chỉ thị Trung ương 3 khóa VIII",
        "Chỉ thị Trung ương 3 khóa VIII",
        "name-only",
    ),
    # Cited by theme: the registry title, with or without the issuer.
    (
        "Thực hiện Quy định về những điều đảng viên không được làm, chi bộ kiểm tra",
        "Quy định về những điều đảng viên không được làm",
        "37-QĐ/TW",
        "registry",
    ),
    (
        "Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW",
        "Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW",
        "01-KL/TW",
        "registry",
    ),
    (
        "Nghị quyết của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
        "Nghị quyết của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
        "35-NQ/TW",
        "registry",
    ),
    (
        "Chỉ thị của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong "
        "cách Hồ Chí Minh",
        "Chỉ thị của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong "
        "cách Hồ Chí Minh",
        "05-CT/TW",
        "registry",
    ),
    (
        "Chỉ thị của Ban Bí thư về đẩy mạnh nghiên cứu, học tập, vận dụng và phát triển chủ "
        "nghĩa Mác - Lênin",
        "Chỉ thị của Ban Bí thư về đẩy mạnh nghiên cứu, học tập, vận dụng và phát triển chủ "
        "nghĩa Mác - Lênin",
        "23-CT/TW",
        "registry",
    ),
    (
        "Kết luận của Bộ Chính trị về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng "
        "tạo vì lợi ích chung",
        "Kết luận của Bộ Chính trị về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng "
        "tạo vì lợi ích chung",
        "14-KL/TW",
        "registry",
    ),
    (
        "Quy định của Bộ Chính trị về việc kiểm soát quyền lực trong công tác cán bộ",
        "Quy định của Bộ Chính trị về việc kiểm soát quyền lực trong công tác cán bộ",
        "205-QĐ/TW",
        "registry",
    ),
    (
        "Quy định về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới",
        "Quy định về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới",
        "144-QĐ/TW",
        "registry",
    ),
    (
        "Nghị quyết của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng "
        "tạo và chuyển đổi số quốc gia",
        "Nghị quyết của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng "
        "tạo và chuyển đổi số quốc gia",
        "57-NQ/TW",
        "registry",
    ),
    (
        "Nghị quyết về phát triển kinh tế tư nhân của Bộ Chính trị",
        "Nghị quyết về phát triển kinh tế tư nhân",
        "68-NQ/TW",
        "registry",
    ),
]


@pytest.mark.parametrize(("text", "surface", "key", "how"), NAMED)
def test_named_documents(text: str, surface: str, key: str, how: str) -> None:
    refs = link_partial_references(extract_references(text))
    ref = next(r for r in refs if r["surface"] == surface)
    assert (ref["document_key"], ref["identified_by"]) == (key, how)
    assert text[ref["start"] : ref["end"]] == surface
    if how == "registry":
        assert ref["title"]
    if ref["canonical"] is None:
        assert ref["reason"]


# Laws, codes and constitutions by name: (sentence, surface, document_key, reference date)
LAWS = [
    ("Theo Luật Báo chí 2016, cơ quan báo chí", "Luật Báo chí 2016", "103/2016/QH13", None),
    ("quy định tại Luật Báo chí năm 2016", "Luật Báo chí năm 2016", "103/2016/QH13", None),
    ("Luật Báo chí có hiệu lực từ năm 2017", "Luật Báo chí", "103/2016/QH13", "2020-01-01"),
    ("Luật Báo chí năm 1989 đã được sửa đổi", "Luật Báo chí năm 1989", "Luật Báo chí 1989", None),
    ("thi hành Luật Đất đai năm 2013", "Luật Đất đai năm 2013", "45/2013/QH13", None),
    ("Luật Đất đai 2024 có hiệu lực", "Luật Đất đai 2024", "31/2024/QH15", None),
    ("Luật Đất đai quy định", "Luật Đất đai", "45/2013/QH13", "2020-05-01"),
    ("Luật Đất đai quy định", "Luật Đất đai", "31/2024/QH15", "2024-06-01"),
    ("Luật Đất đai (sửa đổi) đã được thông qua", "Luật Đất đai", "31/2024/QH15", None),
    ("hành vi bị xử lý theo Bộ luật Hình sự", "Bộ luật Hình sự", "100/2015/QH13", "2019-01-01"),
    ("Bộ luật Hình sự năm 2015 quy định", "Bộ luật Hình sự năm 2015", "100/2015/QH13", None),
    ("Bộ luật Hình sự 1999", "Bộ luật Hình sự 1999", "Bộ luật Hình sự 1999", None),
    ("Bộ luật Dân sự năm 2015", "Bộ luật Dân sự năm 2015", "91/2015/QH13", None),
    ("Bộ luật Lao động 2019 quy định", "Bộ luật Lao động 2019", "45/2019/QH14", None),
    ("Bộ luật Tố tụng hình sự", "Bộ luật Tố tụng hình sự", "101/2015/QH13", "2018-01-01"),
    ("Hiến pháp năm 2013 khẳng định", "Hiến pháp năm 2013", "Hiến pháp 2013", None),
    ("Hiến pháp 2013", "Hiến pháp 2013", "Hiến pháp 2013", None),
    (
        "Hiến pháp năm 1992 (sửa đổi, bổ sung năm 2001)",
        "Hiến pháp năm 1992",
        "Hiến pháp 1992",
        None,
    ),
    ("Hiến pháp năm 1946 là bản hiến pháp đầu tiên", "Hiến pháp năm 1946", "Hiến pháp 1946", None),
    ("Hiến pháp năm 1959 và Hiến pháp năm 1980", "Hiến pháp năm 1980", "Hiến pháp 1980", None),
    ("Luật An ninh mạng năm 2018", "Luật An ninh mạng năm 2018", "24/2018/QH14", None),
    ("vi phạm Luật An ninh mạng", "Luật An ninh mạng", "24/2018/QH14", "2021-01-01"),
    ("Luật Tiếp cận thông tin", "Luật Tiếp cận thông tin", "104/2016/QH13", None),
    (
        "Luật Phòng, chống tham nhũng năm 2018",
        "Luật Phòng, chống tham nhũng năm 2018",
        "36/2018/QH14",
        None,
    ),
    ("Luật Phòng, chống tham nhũng", "Luật Phòng, chống tham nhũng", "36/2018/QH14", None),
    ("Luật Cán bộ, công chức và Luật Viên chức", "Luật Cán bộ, công chức", "22/2008/QH12", None),
    ("Luật Cán bộ, công chức và Luật Viên chức", "Luật Viên chức", "58/2010/QH12", None),
    (
        "Luật Tín ngưỡng, tôn giáo năm 2016",
        "Luật Tín ngưỡng, tôn giáo năm 2016",
        "02/2016/QH14",
        None,
    ),
    (
        "Luật Ban hành văn bản quy phạm pháp luật năm 2015",
        "Luật Ban hành văn bản quy phạm pháp luật năm 2015",
        "80/2015/QH13",
        None,
    ),
    ("Luật Giáo dục 2019", "Luật Giáo dục 2019", "43/2019/QH14", None),
    (
        "Luật Doanh nghiệp năm 2020 và Luật Đầu tư năm 2020",
        "Luật Đầu tư năm 2020",
        "61/2020/QH14",
        None,
    ),
    (
        "Luật Doanh nghiệp năm 2020 và Luật Đầu tư năm 2020",
        "Luật Doanh nghiệp năm 2020",
        "59/2020/QH14",
        None,
    ),
    ("Luật Bảo vệ môi trường năm 2020", "Luật Bảo vệ môi trường năm 2020", "72/2020/QH14", None),
    ("Luật Thực hiện dân chủ ở cơ sở", "Luật Thực hiện dân chủ ở cơ sở", "10/2022/QH15", None),
    (
        "Luật Tổ chức chính quyền địa phương năm 2015",
        "Luật Tổ chức chính quyền địa phương năm 2015",
        "77/2015/QH13",
        None,
    ),
    ("Luật Tổ chức Chính phủ", "Luật Tổ chức Chính phủ", "76/2015/QH13", None),
    (
        "Luật Mặt trận Tổ quốc Việt Nam năm 2015",
        "Luật Mặt trận Tổ quốc Việt Nam năm 2015",
        "75/2015/QH13",
        None,
    ),
    ("Luật Xuất bản", "Luật Xuất bản", "19/2012/QH13", None),
    (
        "Luật Thi đua, khen thưởng năm 2022",
        "Luật Thi đua, khen thưởng năm 2022",
        "06/2022/QH15",
        None,
    ),
    (
        "Luật Tố cáo năm 2018 và Luật Khiếu nại năm 2011",
        "Luật Khiếu nại năm 2011",
        "02/2011/QH13",
        None,
    ),
    ("Luật Bảo vệ bí mật nhà nước", "Luật Bảo vệ bí mật nhà nước", "29/2018/QH14", None),
    ("Luật Nhà ở năm 2023", "Luật Nhà ở năm 2023", "27/2023/QH15", None),
    ("Luật Giao dịch điện tử năm 2023", "Luật Giao dịch điện tử năm 2023", "20/2023/QH15", None),
    ("Luật Di sản văn hóa", "Luật Di sản văn hóa", "28/2001/QH10", None),
    # Not in the registry: keyed by name and year.
    ("Luật Thủ đô năm 2024 trao cho Hà Nội", "Luật Thủ đô năm 2024", "Luật Thủ đô 2024", None),
    ("Luật Thanh niên 2020", "Luật Thanh niên 2020", "Luật Thanh niên 2020", None),
    ("Luật Dữ liệu năm 2024", "Luật Dữ liệu năm 2024", "Luật Dữ liệu 2024", None),
    (
        "Luật Hôn nhân và gia đình năm 2014",
        "Luật Hôn nhân và gia đình năm 2014",
        "Luật Hôn nhân và gia đình 2014",
        None,
    ),
    # The number wins over the name when both are given.
    ("Luật số 24/2018/QH14", "Luật số 24/2018/QH14", "24/2018/QH14", None),
    ("Bộ luật Hình sự số 100/2015/QH13", "Bộ luật Hình sự số 100/2015/QH13", "100/2015/QH13", None),
    (
        "Luật An ninh mạng số 24/2018/QH14 quy định",
        "Luật An ninh mạng số 24/2018/QH14",
        "24/2018/QH14",
        None,
    ),
    ("Luật Thủ đô số 39/2024/QH15", "Luật Thủ đô số 39/2024/QH15", "39/2024/QH15", None),
]


@pytest.mark.parametrize(("text", "surface", "key", "day"), LAWS)
def test_laws_by_name(text: str, surface: str, key: str, day: str | None) -> None:
    from datetime import date

    reference = date.fromisoformat(day) if day else None
    refs = extract_references(text, reference)
    ref = next(r for r in refs if r["surface"] == surface)
    assert ref["document_key"] == key
    assert text[ref["start"] : ref["end"]] == surface


NOT_LAWS = [
    "theo quy định của pháp luật",
    "luật sư của bị cáo",
    "Luật 2013 quy định",
    "Hiến pháp và pháp luật",
    "dự thảo luật đất đai",
    "Luật sư Nguyễn Văn A cho biết",
]


@pytest.mark.parametrize("text", NOT_LAWS)
def test_not_a_law(text: str) -> None:
    assert [r for r in extract_references(text) if r["kind"] in ("Luật", "Hiến pháp")] == []


# Spelling variants of numbered references: (sentence, surface, kind, canonical)
VARIANTS = [
    (
        "Thông tư số 12/2015/TT- BNV của Bộ Nội vụ",
        "Thông tư số 12/2015/TT- BNV",
        "Thông tư",
        "12/2015/TT-BNV",
    ),
    ("Nghị định 15/2020/NĐ- CP", "Nghị định 15/2020/NĐ- CP", "Nghị định", "15/2020/NĐ-CP"),
    (
        "Quyết định số 1234/QĐ- UBND ngày 5/6/2020",
        "Quyết định số 1234/QĐ- UBND",
        "Quyết định",
        "1234/QĐ-UBND",
    ),
    ("Quy định số 105/QĐ/TW của Bộ Chính trị", "Quy định số 105/QĐ/TW", "Quy định", "105-QĐ/TW"),
    ("Nghị quyết số 04/NQ/TW", "Nghị quyết số 04/NQ/TW", "Nghị quyết", "04-NQ/TW"),
    ("Chỉ thị 05/CT/TW", "Chỉ thị 05/CT/TW", "Chỉ thị", "05-CT/TW"),
    ("Hướng dẫn số 12/HD/BTGTU", "Hướng dẫn số 12/HD/BTGTU", "Hướng dẫn", "12-HD/BTGTU"),
    ("Kế hoạch số 45/KH/TU", "Kế hoạch số 45/KH/TU", "Kế hoạch", "45-KH/TU"),
    ("Kết luận số 01/KL/TW", "Kết luận số 01/KL/TW", "Kết luận", "01-KL/TW"),
    ("Quyết định 105⁄QĐ-TTg", "Quyết định 105⁄QĐ-TTg", "Quyết định", "105/QĐ-TTg"),
    ("Nghị định 13⁄2023⁄NĐ-CP", "Nghị định 13⁄2023⁄NĐ-CP", "Nghị định", "13/2023/NĐ-CP"),
    ("Quy định 08-QĐi⁄TW", "Quy định 08-QĐi⁄TW", "Quy định", "08-QĐi/TW"),
    ("Chỉ thị số 16／CT-TTg", "Chỉ thị số 16／CT-TTg", "Chỉ thị", "16/CT-TTg"),
    ("Nghị quyết 35-NQ／TW", "Nghị quyết 35-NQ／TW", "Nghị quyết", "35-NQ/TW"),
    ("Nghị quyết số 35‑NQ/TW", "Nghị quyết số 35‑NQ/TW", "Nghị quyết", "35-NQ/TW"),
    ("Chỉ thị số 05−CT/TW", "Chỉ thị số 05−CT/TW", "Chỉ thị", "05-CT/TW"),
    ("Kết luận 21‐KL/TW", "Kết luận 21‐KL/TW", "Kết luận", "21-KL/TW"),
    ("Nghị định 30/2020/NĐ‑CP", "Nghị định 30/2020/NĐ‑CP", "Nghị định", "30/2020/NĐ-CP"),
    (
        "văn bản số 45-HD/BTGTU về tuyên truyền",
        "văn bản số 45-HD/BTGTU",
        "Hướng dẫn",
        "45-HD/BTGTU",
    ),
    ("Văn bản số 12-KH/TU", "Văn bản số 12-KH/TU", "Kế hoạch", "12-KH/TU"),
    ("công văn số 208-HD/BTGTW", "công văn số 208-HD/BTGTW", "Hướng dẫn", "208-HD/BTGTW"),
    (
        "Công văn số 123-CV/BTGTU ngày 3/4/2020",
        "Công văn số 123-CV/BTGTU",
        "Công văn",
        "123-CV/BTGTU",
    ),
    ("Công văn số 1250-CV/TU", "Công văn số 1250-CV/TU", "Công văn", "1250-CV/TU"),
    ("công văn số 45-CV/BTGTW", "công văn số 45-CV/BTGTW", "Công văn", "45-CV/BTGTW"),
    ("Văn bản số 3250/UBND-VX", "Văn bản số 3250/UBND-VX", "Văn bản", "3250/UBND-VX"),
    ("theo văn bản số 18-TB/TW", "văn bản số 18-TB/TW", "Thông báo", "18-TB/TW"),
    ("văn bản số 99-CT/TU", "văn bản số 99-CT/TU", "Chỉ thị", "99-CT/TU"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "canonical"), VARIANTS)
def test_spelling_variants(text: str, surface: str, kind: str, canonical: str) -> None:
    (ref,) = extract_references(text)
    assert (ref["surface"], ref["kind"], ref["canonical"]) == (surface, kind, canonical)
    assert ref["document_key"] == canonical
    assert text[ref["start"] : ref["end"]] == surface


# The issuing date and the issuer wherever they sit: (sentence, issued_on, issuer)
TAILS = [
    ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", "2016-05-15", "Bộ Chính trị"),
    ("Chỉ thị số 05-CT/TW của Bộ Chính trị ngày 15/5/2016", "2016-05-15", "Bộ Chính trị"),
    ("Chỉ thị số 05-CT/TW, ngày 15-5-2016, của Bộ Chính trị", "2016-05-15", "Bộ Chính trị"),
    ("Chỉ thị 05-CT/TW của Bộ Chính trị, ngày 15/5/2016", "2016-05-15", "Bộ Chính trị"),
    (
        "Quy định số 08-QĐi/TW của Ban Chấp hành Trung ương ngày 25/10/2018",
        "2018-10-25",
        "Ban Chấp hành Trung ương",
    ),
    (
        "Nghị quyết số 35-NQ/TW của Bộ Chính trị (khóa XII) ngày 22/10/2018",
        "2018-10-22",
        "Bộ Chính trị",
    ),
    ("Kết luận số 01-KL/TW của Bộ Chính trị ban hành ngày 18/5/2021", "2021-05-18", "Bộ Chính trị"),
    ("Quyết định số 1234/QĐ-UBND của UBND tỉnh ngày 5/6/2020", "2020-06-05", "UBND tỉnh"),
    (
        "Thông báo kết luận số 173-TB/TW ngày 8 tháng 3 năm 2020 của Ban Bí thư",
        "2020-03-08",
        "Ban Bí thư",
    ),
    (
        "Công văn số 45-CV/BTGTU của Ban Tuyên giáo Tỉnh ủy ký ngày 02/3/2021",
        "2021-03-02",
        "Ban Tuyên giáo Tỉnh ủy",
    ),
]


@pytest.mark.parametrize(("text", "issued_on", "issuer"), TAILS)
def test_date_and_issuer_in_either_order(text: str, issued_on: str, issuer: str) -> None:
    ref = extract_references(text)[0]
    assert (ref["issued_on"], ref["issuer"]) == (issued_on, issuer)


# A name and a number written side by side are one document: (sentence, key of both)
SIDE_BY_SIDE = [
    ("Nghị quyết Trung ương 4 khóa XII (Nghị quyết số 04-NQ/TW)", "04-NQ/TW"),
    ("Nghị quyết số 04-NQ/TW (Nghị quyết Trung ương 4 khóa XII)", "04-NQ/TW"),
    ("Nghị quyết Trung ương 5 khóa X (Nghị quyết số 09-NQ/TW)", "09-NQ/TW"),
    ("Nghị quyết Trung ương 9 khóa X, Nghị quyết số 27-NQ/TW", "27-NQ/TW"),
    ("Nghị quyết Trung ương 6 khóa XI (Nghị quyết số 20-NQ/TW) về khoa học", "20-NQ/TW"),
    ("Nghị quyết Trung ương 8 khóa XIII - Nghị quyết số 44-NQ/TW", "44-NQ/TW"),
]


@pytest.mark.parametrize(("text", "key"), SIDE_BY_SIDE)
def test_name_beside_number_is_one_document(text: str, key: str) -> None:
    refs = extract_references(text)
    assert [r["document_key"] for r in refs] == [key, key]
    named = next(r for r in refs if "số" not in r["surface"])
    numbered = next(r for r in refs if "số" in r["surface"])
    assert named["identified_by"] in ("learned", "registry")
    assert numbered["named_key"] == named["named_key"]


def test_learned_name_resolves_later_mentions_in_the_article() -> None:
    text = (
        "Nghị quyết Trung ương 5 khóa X (Nghị quyết số 09-NQ/TW) về văn hóa. Sau 15 năm thực "
        "hiện Nghị quyết Trung ương 5 khóa X, tỉnh đã đạt nhiều kết quả."
    )
    refs = link_partial_references(extract_references(text))
    assert [r["document_key"] for r in refs] == ["09-NQ/TW", "09-NQ/TW", "09-NQ/TW"]
    assert refs[2]["identified_by"] == "learned"


def test_a_law_named_with_its_number_is_one_mention_linking_both() -> None:
    (ref,) = extract_references("Luật Thủ đô số 39/2024/QH15 có hiệu lực")
    assert (ref["canonical"], ref["named_key"], ref["identified_by"]) == (
        "39/2024/QH15",
        "Luật Thủ đô",
        "number",
    )


def test_number_after_the_plenum_name_learns_the_name() -> None:
    (ref,) = extract_references("Nghị quyết số 09-NQ/TW Hội nghị Trung ương 5 khóa X về văn hóa")
    assert (ref["canonical"], ref["named_key"]) == ("09-NQ/TW", "Nghị quyết Trung ương 5 khóa X")


def test_same_number_of_another_term_is_not_the_registry_document() -> None:
    # 27-NQ/TW of khóa X (2008, intellectuals) is not khóa XII's (2018, salaries).
    text = "Nghị quyết Trung ương 7 khóa X (Nghị quyết số 27-NQ/TW) về đội ngũ trí thức"
    refs = extract_references(text)
    assert all(r["title"] is None for r in refs)
    assert {r["document_key"] for r in refs} == {"27-NQ/TW"}
    (dated,) = extract_references("Nghị quyết số 27-NQ/TW ngày 06/8/2008 của Ban Chấp hành")
    assert dated["title"] is None


# Partial references: (text, index of the partial, document_key, identified_by, reason part)
PARTIALS = [
    ("Triển khai Chỉ thị 05. Chỉ thị số 05-CT/TU của Tỉnh ủy", 0, "05-CT/TU", "article", None),
    (
        "Triển khai Chỉ thị 05 của Bộ Chính trị về học tập và làm theo Bác",
        0,
        "05-CT/TW",
        "registry",
        None,
    ),
    ("Kết luận 01 của Bộ Chính trị", 0, "01-KL/TW", "registry", None),
    ("Nghị quyết 35 về bảo vệ nền tảng tư tưởng", 0, "35-NQ/TW", "registry", None),
    (
        "Chỉ thị 05 và Chỉ thị 05-CT/TW, Chỉ thị số 05-CT/TU",
        0,
        None,
        None,
        "ambiguous in the article",
    ),
    ("Nghị quyết 18 về sắp xếp bộ máy", 0, "18-NQ/TW", "registry", None),
    ("Quy định 37 về những điều đảng viên không được làm", 0, "37-QĐ/TW", "registry", None),
    ("Kế hoạch số 99 của Huyện ủy", 0, None, None, "no full reference"),
    ("Chỉ thị 99 của Ban Thường vụ", 0, None, None, "no full reference"),
    ("Nghị quyết 08 của Tỉnh ủy", 0, None, None, "no full reference"),
]


@pytest.mark.parametrize(("text", "index", "key", "how", "reason"), PARTIALS)
def test_partial_references(
    text: str, index: int, key: str | None, how: str | None, reason: str | None
) -> None:
    ref = link_partial_references(extract_references(text))[index]
    assert ref["partial"] is True
    assert (ref["document_key"], ref["identified_by"]) == (key, how)
    if reason is None:
        assert ref["reason"] is None
    else:
        assert ref["reason"].startswith("partial:") and reason in ref["reason"]


def test_partial_follows_the_registry_in_force_at_the_article_date() -> None:
    from datetime import date

    # Before Chỉ thị 05-CT/TW was issued (May 2016), "Chỉ thị 05" cannot be it.
    (ref,) = link_partial_references(extract_references("Chỉ thị 05"), date(2015, 1, 1))
    assert ref["document_key"] is None
    (ref,) = link_partial_references(extract_references("Chỉ thị 05"), date(2017, 1, 1))
    assert ref["document_key"] == "05-CT/TW"


def test_plenum_without_term_is_kept_with_its_reason() -> None:
    (ref,) = extract_references("Nghị quyết Trung ương 4 về xây dựng Đảng")
    assert ref["document_key"] == "Nghị quyết Trung ương 4"
    assert ref["canonical"] is None
    assert ref["reason"] == "name-only: the term (khóa) is not written"


def test_ambiguous_plenum_says_which_documents() -> None:
    (ref,) = extract_references("Nghị quyết Trung ương 6 khóa XII đã đi vào cuộc sống")
    assert ref["document_key"] == "Nghị quyết Trung ương 6 khóa XII"
    assert ref["reason"] == (
        "name-only: ambiguous in the registry (18-NQ/TW, 19-NQ/TW, 20-NQ/TW, 21-NQ/TW)"
    )


def test_local_congress_is_keyed_by_its_whole_name() -> None:
    (ref,) = extract_references("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 - 2025")
    assert ref["document_key"] == "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 - 2025"
    assert ref["reason"].startswith("name-only: a local congress")


def test_every_reference_has_a_document_key_or_a_reason() -> None:
    text = (
        "Thực hiện Nghị quyết Trung ương 4 khóa XII, Chỉ thị 05, Luật Báo chí 2016, Hiến pháp "
        "năm 2013, Quyết định số 1234/QĐ-UBND và Kế hoạch số 99; Nghị quyết Đại hội XIII của Đảng."
    )
    refs = link_partial_references(extract_references(text))
    assert len(refs) == 7
    for r in refs:
        assert r["document_key"] or r["reason"]
        assert r["canonical"] is None or r["document_key"] == r["canonical"]


_PIECES = [
    "Nghị quyết Trung ương 4 khóa XII",
    "Nghị quyết số 04-NQ/TW",
    "Luật Báo chí",
    " năm 2016",
    "Hiến pháp",
    "Bộ luật Hình sự",
    "Chỉ thị 05",
    " (",
    ")",
    ", ",
    " về ",
    "những điều đảng viên không được làm",
    "Kết luận của Bộ Chính trị",
    "105/QĐ/TW",
    "12/2015/TT- BNV",
    "⁄",
    "Đại hội XIII của Đảng",
    "khóa ",
    "ngày 15/5/2016",
    " của Ban Bí thư",
    "Văn kiện ",
    "văn bản số 45-HD/BTGTU",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=12))
def test_references_from_any_mix_keep_their_contract(parts: list[str]) -> None:
    text = "".join(parts)
    refs = link_partial_references(extract_references(text))
    for r in refs:
        assert text[r["start"] : r["end"]] == r["surface"]
        assert r["canonical"] is None or r["document_key"] == r["canonical"]
        assert r["document_key"] or r["reason"]
        assert r["identified_by"] in (*IDENTIFIED_BY, None)
