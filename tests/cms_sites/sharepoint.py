"""A SharePoint 2010 (v4.master, lightly branded) portal of a Ban Tuyên giáo Tỉnh ủy, its
news kept in a custom list "Tin tức" and shown with the list's own forms.

`/Pages/default.aspx` (a publishing page), `/Lists/TinTuc/AllItems.aspx` (the list view,
10 items a page, link pager ``?Paged=TRUE&p_ID=40&PageFirstRow=11&View={GUID}``) and
`/Lists/TinTuc/DispForm.aspx?ID=17&Source=...` (the item's display form). What it holds:

- Every link to an item carries ``Source=`` (the absolute, SharePoint-encoded URL of the
  page that linked it: ``.`` is ``%2E``, a ``%7B`` in it becomes ``%257B``), so one item
  has several URLs: one per listing page that shows it (and page 1 is reachable both as
  ``AllItems.aspx`` and through the "Trang trước" link of page 2, page 2 through that of
  page 3), the home page's, the "Tin khác" box's. The server answers any Source. There is
  no rel=canonical and no Open Graph; the item is one article whichever URL fetched it.
- The home page's "Tin nổi bật" Content Query Web Part links through
  ``/_layouts/CopyUtil.aspx?...``, which answers 302 to the display form.
- "In bài" opens ``DispForm.aspx?ID=17&IsDlg=1``: the same item in the dialog rendering
  (no master page chrome, no title row): not a second article.
- Every page of v4.master has the site's name in an ``<h1>``; the item's title is the
  ``<h2 class="ms-pagetitle">`` of the title area and the "Tiêu đề" row of the
  ``ms-formtable``. ``<title>`` is "Tin tức - <headline>" (list name first).
- The RSS feed of the list (``/_layouts/listfeed.aspx?List={GUID}``) holds the 10 newest
  items, linked as ``DispForm.aspx?ID=17`` with no Source.
- ``__REQUESTDIGEST`` (with a timestamp) differs on every response; the "Giới thiệu" and
  "Liên hệ" publishing pages use the same ``ms-rtestate-field`` as the item's body.
- The search box is SharePoint's script-driven one (no form of its own).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import itertools
import random
from urllib.parse import parse_qsl

from cms_sites.base import RSS, CorpusSite
from tuyengiao_crawler.demo_site.serving import Request, Response

SITE = "Ban Tuyên giáo Tỉnh ủy Hà Giang"
LIST = "/Lists/TinTuc"
PER_PAGE = 10
VIEW = "%7B5F3E2A1C-8D4B-4C7E-9A61-2B7D3E0F4A19%7D"
LIST_ID = "%7BA3B1C2D4-5E6F-4789-9ABC-DEF012345678%7D"
WEB_ID = "%7B0C8E1F27-3B6A-4D59-8E21-7A4F9C3D5B60%7D"
SITE_ID = "%7B9D2B7E44-1A3C-4F8E-B5D6-2C1E0A9F8B73%7D"
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
CSS = "/_layouts/1066/styles/Themable/corev4.css?rev=ox%2BsrLF6MhWEtDE%2BVzC%2FTA%3D%3D"
CORE_JS = "/_layouts/1066/core.js?rev=c3ROI4x%2BKGOTMbn%2FZ8AxBA%3D%3D"
INIT_JS = "/_layouts/1066/init.js?rev=lEi61hsCxcBAfvfQNZA%2FsQ%3D%3D"

NEWS = [
    (
        "Hội nghị học tập, quán triệt Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII",
        "Ngày {date}, Ban Thường vụ Tỉnh ủy tổ chức hội nghị học tập, quán triệt, triển khai thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Hà Giang lần thứ XVII, nhiệm kỳ 2020 - 2025 theo hình thức trực tiếp kết hợp trực tuyến tới 11 điểm cầu huyện, thành phố.",
    ),
    (
        "Ban Tuyên giáo Tỉnh ủy triển khai nhiệm vụ công tác tuyên giáo năm 2021",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác tuyên giáo năm 2020, triển khai nhiệm vụ năm 2021. Dự và chỉ đạo hội nghị có đồng chí Phó Bí thư Thường trực Tỉnh ủy.",
    ),
    (
        "Tuyên truyền Đại hội đại biểu toàn quốc lần thứ XIII của Đảng ở vùng cao",
        "Những ngày này, khắp các bản làng vùng cao núi đá Đồng Văn, Mèo Vạc, Yên Minh, Quản Bạ, không khí chào mừng Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra sôi nổi, với cờ đỏ sao vàng, pa nô, khẩu hiệu rực rỡ dọc các tuyến đường.",
    ),
    (
        "Hà Giang tổ chức Hội thi tuyên truyền viên giỏi về bảo vệ nền tảng tư tưởng của Đảng",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy phối hợp với Tỉnh đoàn tổ chức chung kết Hội thi tuyên truyền viên giỏi về bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch năm 2020.",
    ),
    (
        "Sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW tại huyện Bắc Quang",
        "Ngày {date}, Ban Thường vụ Huyện ủy Bắc Quang tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    ),
    (
        "Khai giảng lớp bồi dưỡng nghiệp vụ công tác tuyên giáo cơ sở năm 2020",
        "Ngày {date}, tại Trường Chính trị tỉnh, Ban Tuyên giáo Tỉnh ủy khai giảng lớp bồi dưỡng nghiệp vụ công tác tuyên giáo cho 120 học viên là cán bộ phụ trách công tác tuyên giáo các xã, phường, thị trấn.",
    ),
    (
        "Đồng Văn: Đưa Nghị quyết vào cuộc sống bằng tiếng đồng bào Mông",
        "Để nghị quyết của Đảng đến được với từng người dân ở các thôn bản vùng sâu, vùng xa, Huyện ủy Đồng Văn đã chỉ đạo biên soạn tài liệu tuyên truyền và tổ chức phổ biến bằng tiếng Mông tại các buổi họp thôn.",
    ),
    (
        "Hội nghị báo cáo viên Tỉnh ủy định kỳ tháng 10",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên Tỉnh ủy định kỳ tháng 10/2020. Hội nghị được thông tin chuyên đề về tình hình kinh tế - xã hội 9 tháng đầu năm và một số vấn đề quốc tế nổi bật.",
    ),
    (
        "Ra mắt Câu lạc bộ “Tuổi trẻ học tập và làm theo Bác” tại Mèo Vạc",
        "Huyện đoàn Mèo Vạc vừa tổ chức ra mắt Câu lạc bộ “Tuổi trẻ học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” với 45 thành viên là đoàn viên, thanh niên tiêu biểu của các xã, thị trấn.",
    ),
    (
        "Ban Chỉ đạo 35 tỉnh Hà Giang triển khai nhiệm vụ năm 2020",
        "Ngày {date}, Ban Chỉ đạo 35 tỉnh tổ chức hội nghị tổng kết công tác bảo vệ nền tảng tư tưởng của Đảng năm 2019 và triển khai nhiệm vụ năm 2020, dưới sự chủ trì của đồng chí Phó Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo.",
    ),
    (
        "Thành phố Hà Giang ra quân tuyên truyền phòng, chống dịch Covid-19",
        "Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy, Thành ủy Hà Giang đã huy động hơn 300 đoàn viên, hội viên và tuyên truyền viên cơ sở ra quân tuyên truyền các biện pháp phòng, chống dịch Covid-19 tới từng tổ dân phố.",
    ),
    (
        "Yên Minh nâng cao chất lượng sinh hoạt chi bộ thôn, bản",
        "Những năm qua, Đảng bộ huyện Yên Minh đã có nhiều giải pháp nâng cao chất lượng sinh hoạt chi bộ, nhất là ở các chi bộ thôn, bản vùng đồng bào dân tộc thiểu số, nơi trình độ dân trí còn hạn chế.",
    ),
    (
        "Trao giải Cuộc thi sáng tác, quảng bá tác phẩm văn học, nghệ thuật, báo chí về chủ đề học tập và làm theo Bác",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy tổ chức lễ trao giải Cuộc thi sáng tác, quảng bá tác phẩm văn học, nghệ thuật, báo chí về chủ đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2016 - 2020.",
    ),
    (
        "Hội thảo khoa học “Đảng bộ tỉnh Hà Giang - 75 năm xây dựng và phát triển”",
        "Ngày {date}, Tỉnh ủy Hà Giang tổ chức Hội thảo khoa học “Đảng bộ tỉnh Hà Giang - 75 năm xây dựng và phát triển” với sự tham gia của nhiều nhà khoa học, nhà nghiên cứu, các đồng chí nguyên lãnh đạo tỉnh qua các thời kỳ.",
    ),
    (
        "Hoàng Su Phì phát huy vai trò người có uy tín trong công tác dân vận",
        "Huyện Hoàng Su Phì hiện có 154 người có uy tín trong đồng bào dân tộc thiểu số. Những năm qua, đội ngũ này đã trở thành cầu nối quan trọng giữa cấp ủy, chính quyền với Nhân dân ở các thôn bản.",
    ),
    (
        "Kiểm tra công tác tuyên giáo tại Đảng bộ huyện Vị Xuyên",
        "Ngày {date}, đoàn kiểm tra của Ban Tuyên giáo Tỉnh ủy đã làm việc với Ban Thường vụ Huyện ủy Vị Xuyên về công tác lãnh đạo, chỉ đạo thực hiện nhiệm vụ tuyên giáo từ đầu nhiệm kỳ.",
    ),
    (
        "Giao ban công tác tuyên giáo 6 tháng đầu năm 2020",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy tổ chức giao ban công tác tuyên giáo 6 tháng đầu năm 2020 bằng hình thức trực tuyến, kết nối tới ban tuyên giáo các huyện ủy, thành ủy và đảng ủy trực thuộc.",
    ),
    (
        "Quản Bạ học tập chuyên đề về tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2020",
        "Ngày {date}, Ban Thường vụ Huyện ủy Quản Bạ tổ chức hội nghị học tập, quán triệt chuyên đề năm 2020 “Tăng cường khối đại đoàn kết toàn dân tộc, xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.",
    ),
    (
        "Tăng cường công tác nắm bắt dư luận xã hội trước thềm đại hội đảng các cấp",
        "Nhằm chuẩn bị tốt cho đại hội đảng bộ các cấp, Ban Tuyên giáo Tỉnh ủy đã ban hành văn bản chỉ đạo đội ngũ cộng tác viên dư luận xã hội tăng cường nắm bắt tâm trạng, ý kiến của cán bộ, đảng viên và Nhân dân.",
    ),
    (
        "Xín Mần tổ chức Hội thi báo cáo viên, tuyên truyền viên giỏi cấp huyện",
        "Ngày {date}, Ban Tuyên giáo Huyện ủy Xín Mần tổ chức Hội thi báo cáo viên, tuyên truyền viên giỏi cấp huyện năm 2020 với sự tham gia của 18 thí sinh đến từ các chi, đảng bộ trực thuộc.",
    ),
    (
        "Phát huy hiệu quả hệ thống truyền thanh cơ sở ở các xã biên giới",
        "Ở các xã biên giới của tỉnh, hệ thống truyền thanh cơ sở vẫn là kênh thông tin quan trọng, đưa chủ trương của Đảng, chính sách, pháp luật của Nhà nước đến với đồng bào một cách nhanh nhất.",
    ),
    (
        "Tọa đàm kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy phối hợp với Trường Chính trị tỉnh tổ chức tọa đàm khoa học kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2020).",
    ),
    (
        "Bắc Mê xây dựng mô hình “Thôn bản không có người vi phạm pháp luật”",
        "Thời gian qua, cấp ủy, chính quyền huyện Bắc Mê đã chỉ đạo nhân rộng mô hình “Thôn bản không có người vi phạm pháp luật”, góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội ở cơ sở.",
    ),
    (
        "Ban Tuyên giáo Tỉnh ủy gặp mặt các cơ quan báo chí nhân Ngày Báo chí cách mạng Việt Nam",
        "Nhân kỷ niệm 95 năm Ngày Báo chí cách mạng Việt Nam, Ban Tuyên giáo Tỉnh ủy tổ chức gặp mặt, biểu dương các cơ quan báo chí, phóng viên thường trú trên địa bàn tỉnh.",
    ),
    (
        "Hà Giang tổng kết Cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh trên mạng Internet",
        "Sau 2 tháng phát động, Cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh Hà Giang trên mạng Internet đã thu hút hơn 46.000 lượt người tham gia. Ngày {date}, Ban Tổ chức đã tổng kết và trao giải cho các cá nhân, tập thể đạt giải.",
    ),
]

POOL = [
    "Hội nghị đã nghe đồng chí {leader} truyền đạt những nội dung cơ bản, trọng tâm và những điểm mới, điểm cốt lõi của văn kiện.",
    "Năm qua, toàn tỉnh tổ chức {n} hội nghị học tập, quán triệt với hơn {m} lượt cán bộ, đảng viên tham dự; tỷ lệ đảng viên tham gia học tập đạt {pct}%.",
    "Công tác tuyên truyền được triển khai bằng nhiều hình thức phù hợp với đặc thù vùng cao như họp thôn, truyền thanh bằng tiếng dân tộc, sân khấu hóa và mạng xã hội.",
    "Đội ngũ báo cáo viên, tuyên truyền viên của {place} đã bám bản, bám dân, kịp thời nắm bắt tâm tư, nguyện vọng của đồng bào.",
    "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đã được cụ thể hóa bằng những việc làm thiết thực ở từng chi bộ, cơ quan, đơn vị.",
    "Tuy nhiên, ở một số nơi việc triển khai còn chậm, hình thức tuyên truyền chưa thật sự đa dạng, chưa phù hợp với từng nhóm đối tượng.",
    "Phát biểu kết luận, đồng chí {leader} đề nghị các cấp ủy tiếp tục quan tâm lãnh đạo, chỉ đạo, bảo đảm các điều kiện cho công tác tuyên giáo ở cơ sở.",
    "Đồng chí yêu cầu chú trọng đổi mới nội dung, phương thức, tăng cường ứng dụng công nghệ thông tin, chuyển đổi số trong công tác tuyên truyền.",
    "Các ý kiến tham luận tập trung làm rõ những kết quả đạt được, những khó khăn, vướng mắc và đề xuất {n} nhóm giải pháp trong thời gian tới.",
    "Dịp này, {org} đã tặng giấy khen cho {n} tập thể và {m2} cá nhân có thành tích xuất sắc.",
    "Các nhóm cộng tác viên dư luận xã hội tiếp tục phát huy hiệu quả, kịp thời định hướng thông tin, đấu tranh với các luận điệu sai trái trên không gian mạng.",
    "Qua đó tạo sự thống nhất cao về nhận thức và hành động trong cán bộ, đảng viên, củng cố niềm tin của Nhân dân các dân tộc đối với Đảng.",
    "Tại {place}, nhiều mô hình hay như “Dòng họ tự quản”, “Thôn bản bình yên”, “Chi bộ gắn với phát triển kinh tế” đã được nhân rộng.",
    "Hội thi diễn ra qua {d} phần: chào hỏi, kiến thức và thuyết trình, các thí sinh đã thể hiện tốt kỹ năng tuyên truyền miệng trước đông đảo khán giả.",
    "Chương trình bồi dưỡng gồm {d} chuyên đề về kỹ năng nắm bắt, định hướng dư luận, viết tin bài và sử dụng mạng xã hội trong công tác tuyên truyền.",
    "Thời gian tới, {org} sẽ tiếp tục tham mưu Ban Thường vụ Tỉnh ủy ban hành các văn bản chỉ đạo sát với thực tiễn địa phương.",
    "Dư luận xã hội nhìn chung phấn khởi, đồng tình với các chủ trương lớn của tỉnh, nhất là chương trình xây dựng nông thôn mới và giảm nghèo bền vững.",
    "Ban Tuyên giáo Tỉnh ủy đã phát hành {n} đề cương tuyên truyền, {m2} số thông tin nội bộ và tài liệu sinh hoạt chi bộ tới các tổ chức cơ sở đảng.",
    "Nhiều đảng viên đã gương mẫu hiến đất, góp công xây dựng đường giao thông nông thôn, nhà văn hóa thôn ở {place}.",
    "Kết thúc đợt kiểm tra, đoàn đề nghị đơn vị khắc phục những hạn chế đã chỉ ra, báo cáo kết quả trước ngày {deadline}.",
    "Cùng với đó, cần quan tâm hơn nữa đến chế độ, chính sách đối với đội ngũ làm công tác tuyên giáo ở các xã vùng sâu, vùng xa, biên giới.",
    "Đến nay, toàn tỉnh có {n} xã đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo giảm bình quân {d} đến 4%/năm.",
]
PLACES = [
    "huyện Đồng Văn",
    "huyện Mèo Vạc",
    "huyện Yên Minh",
    "huyện Quản Bạ",
    "huyện Bắc Quang",
    "huyện Vị Xuyên",
    "huyện Hoàng Su Phì",
    "huyện Xín Mần",
    "huyện Bắc Mê",
    "huyện Quang Bình",
    "thành phố Hà Giang",
    "xã Lũng Cú",
]
LEADERS = [
    "Vũ Mạnh Cường, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Hầu Thị Mai, Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Nguyễn Đức Long, Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Lù Văn Pó, Báo cáo viên Tỉnh ủy",
]
AUTHORS = ["Thu Phương", "Đức Hoàng", "Vàng Thị Dung", "Lê Nam", "Minh Hằng"]


def sp_encode(value: str) -> str:
    """SharePoint's ``SPHttpUtility.UrlKeyValueEncode``: all but letters and digits."""
    return "".join(
        c if c.isascii() and c.isalnum() else "".join(f"%{b:02X}" for b in c.encode("utf-8"))
        for c in value
    )


def _sp_time(when: dt.datetime) -> str:
    hour = when.hour % 12 or 12
    return f"{when:%d/%m/%Y} {hour}:{when:%M} {'SA' if when.hour < 12 else 'CH'}"


class Item:
    def __init__(self, item_id: int, title: str, lead: str, when: dt.datetime) -> None:
        self.id, self.title, self.when = item_id, title, when
        rng = random.Random(item_id * 7919)
        lead = lead.format(date=f"{when.day}/{when.month}/{when.year}")
        chosen = rng.sample(POOL, rng.randint(7, 9))
        paragraphs = [lead]
        while chosen:
            size = rng.randint(2, 3)
            paragraphs.append(" ".join(self._fill(s, rng) for s in chosen[:size]))
            chosen = chosen[size:]
        self.paragraphs = paragraphs
        self.summary = lead.split(". ")[0].rstrip(".") + "."
        self.author = rng.choice(AUTHORS)
        self.modified = when + dt.timedelta(minutes=rng.randint(5, 200))

    @staticmethod
    def _fill(template: str, rng: random.Random) -> str:
        return template.format(
            leader=rng.choice(LEADERS),
            org=SITE,
            place=rng.choice(PLACES),
            n=rng.randint(3, 19),
            m=f"{rng.randint(15, 60) * 1000 + rng.randint(100, 900):,}".replace(",", "."),
            m2=rng.randint(20, 90),
            pct=rng.randint(88, 99),
            d=rng.randint(3, 5),
            deadline=f"{rng.randint(10, 28)}/{rng.randint(1, 12)}/2021",
        )

    @property
    def path(self) -> str:
        return f"{LIST}/DispForm.aspx?ID={self.id}"


class SharePointPortal(CorpusSite):
    family = "sharepoint"
    start_path = "/Pages/default.aspx"

    def __init__(self) -> None:
        super().__init__()
        rng = random.Random(2010)
        when = dt.datetime(2021, 1, 18, 15, 20)
        item_id = 41
        self.items: list[Item] = []  # newest (highest ID) first, as the view sorts
        for title, lead in NEWS:
            self.items.append(Item(item_id, title, lead, when))
            item_id -= rng.choice([1, 1, 1, 2, 3])  # deleted items leave gaps
            when -= dt.timedelta(days=rng.randint(4, 14), hours=rng.randint(-3, 3))
        self.by_id = {i.id: i for i in self.items}
        for i in self.items:
            self.articles[i.title] = i.path
        self.digests = itertools.count(1)

    # -- links -------------------------------------------------------------------------

    def href(self, target: str) -> str:
        return self.link(target)

    def own(self, request: Request) -> str:
        return request.raw_path + (f"?{request.query}" if request.query else "")

    def item_href(self, item: Item, source: str) -> str:
        return self.href(f"{item.path}&Source={sp_encode(source)}")

    def page_url(self, start: int, prev: bool = False, anchor: int | None = None) -> str:
        """The view's URL for the page whose first row is ``start`` (0-based)."""
        if start == 0 and not prev:
            return f"{LIST}/AllItems.aspx"
        if prev:
            return (
                f"{LIST}/AllItems.aspx?Paged=TRUE&PagedPrev=TRUE&p_ID={anchor}"
                f"&PageFirstRow={start + 1}&View={VIEW}"
            )
        return (
            f"{LIST}/AllItems.aspx?Paged=TRUE&p_ID={self.items[start - 1].id}"
            f"&PageFirstRow={start + 1}&View={VIEW}"
        )

    # -- routing -----------------------------------------------------------------------

    def lookup(self, request: Request) -> Response | None:
        path = request.path.lower()
        query = {k.lower(): v for k, v in parse_qsl(request.query, keep_blank_values=True)}
        if path == "/" and not request.query:
            return Response(b"", None, 302, {"Location": f"{request.base_url}/Pages/default.aspx"})
        if path == "/pages/default.aspx":
            return self.home(request)
        if path == "/pages/gioithieu.aspx":
            return self.about(request)
        if path == "/pages/lienhe.aspx":
            return self.contact(request)
        if path == "/lists/tintuc/allitems.aspx":
            return self.listing(request, query)
        if path == "/lists/tintuc/dispform.aspx":
            item = self.by_id.get(int(query["id"])) if query.get("id", "").isdigit() else None
            if item is None:
                return None
            if query.get("isdlg") == "1":
                return self.dialog(request, item)
            return self.display(request, item)
        if path == "/_layouts/copyutil.aspx":
            item_id = query.get("itemid", "")
            if query.get("action") == "dispform" and item_id.isdigit():
                item = self.by_id.get(int(item_id))
                if item is not None:
                    target = f"{item.path}&Source={sp_encode(query.get('source', ''))}"
                    if self.own(request) in self.linked:
                        self.link(target)  # the redirect is a link the site writes
                    location = request.base_url + target
                    return Response(b"", None, 302, {"Location": location})
            return None
        if path == "/_layouts/listfeed.aspx" and query.get("list") == LIST_ID.replace(
            "%7B", "{"
        ).replace("%7D", "}"):
            return self.feed(request)
        if path.startswith("/_layouts/1066/"):
            kind = "text/css" if path.endswith(".css") else "application/x-javascript"
            return Response(b"/* _layouts */", kind)
        if path.startswith("/_layouts/images/") or (
            path.startswith("/publishingimages/") and path.endswith(".gif")
        ):
            return Response(GIF, "image/gif")
        return None

    # -- the master page ---------------------------------------------------------------

    def master(
        self, request: Request, title: str, page_title: str, content: str, feed: bool = False
    ) -> Response:
        own = self.own(request)
        if own in self.linked or own == self.start_path:
            self.link(own)
        action = html.escape(
            request.raw_path.rsplit("/", 1)[1] + (f"?{request.query}" if request.query else "")
        )
        digest = hashlib.sha1(f"digest{next(self.digests)}".encode()).hexdigest().upper()
        stamp = dt.datetime(2021, 1, 20, 2, 0) + dt.timedelta(seconds=37 * next(self.digests))
        alternate = ""
        if feed:
            alternate = (
                f'<link rel="alternate" type="application/rss+xml" title="{SITE}: Tin tức"'
                f' href="{self.href(f"/_layouts/listfeed.aspx?List={LIST_ID}")}" />'
            )
        nav = "".join(
            f'<li class="static"><a class="static menu-item" href="{self.href(target)}">'
            f'<span class="additional-background"><span class="menu-item-text">{name}</span></span></a></li>'
            for target, name in [
                ("/Pages/default.aspx", "Trang chủ"),
                ("/Pages/GioiThieu.aspx", "Giới thiệu"),
                (f"{LIST}/AllItems.aspx", "Tin tức"),
                ("/Pages/LienHe.aspx", "Liên hệ"),
            ]
        )
        quick = "".join(
            f'<li class="static"><a class="static menu-item" href="{self.href(target)}">'
            f'<span class="additional-background"><span class="menu-item-text">{name}</span></span></a></li>'
            for target, name in [
                (f"{LIST}/AllItems.aspx", "Tin tức - Sự kiện"),
                ("/Pages/GioiThieu.aspx", "Chức năng, nhiệm vụ"),
            ]
        )
        weblinks = "".join(
            f'<li class="dfwp-item"><div class="link-item"><a href="{u}" target="_blank">{n}</a></div></li>'
            for u, n in [
                ("http://hagiang.example.gov.vn/", "Cổng thông tin điện tử tỉnh Hà Giang"),
                ("http://tuyengiao.example.vn/", "Ban Tuyên giáo Trung ương"),
                ("http://dangcongsan.example.vn/", "Báo điện tử Đảng Cộng sản Việt Nam"),
                ("http://baohagiang.example.vn/", "Báo Hà Giang điện tử"),
            ]
        )
        page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" /><meta name="progid" content="SharePoint.WebPartPage.Document" /><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><meta http-equiv="X-UA-Compatible" content="IE=8" /><meta http-equiv="Expires" content="0" /><title>
	{title}
</title><link rel="stylesheet" type="text/css" href="{self.href(CSS)}"/>
<script type="text/javascript">
// <![CDATA[
document.write('<script type="text/javascript" src="{self.href(CORE_JS)}" defer="defer"></' + 'script>');
// ]]>
</script>
<script type="text/javascript">var _fV4UI = true;</script>
<script type="text/javascript" src="{self.href(INIT_JS)}"></script>
{alternate}<link rel="shortcut icon" href="{self.href("/_layouts/images/favicon.ico")}" type="image/vnd.microsoft.icon" /></head>
<body scroll="no" onload="if (typeof(_spBodyOnLoadWrapper) != 'undefined') _spBodyOnLoadWrapper();" class="v4master">
<form name="aspnetForm" method="post" action="{action}" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div>
<input type="hidden" name="MSOWebPartPage_PostbackSource" id="MSOWebPartPage_PostbackSource" value="" />
<input type="hidden" name="MSOTlPn_SelectedWpId" id="MSOTlPn_SelectedWpId" value="" />
<input type="hidden" name="MSOGallery_SelectedLibrary" id="MSOGallery_SelectedLibrary" value="" />
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="0x{digest}{digest[:24]},{stamp:%d %b %Y %H:%M:%S} -0000" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIRD2QWAgIDDxYCHgdWaXNpYmxlaGQCAw9kFgQCBQ9kFgICAQ9kFgJmD2QWAgIBDxYCHwBoZAIRD2QWAgIDDxYCHwBoZBgBBR5fX0NvbnRyb2xzUmVxdWlyZVBvc3RCYWNrS2V5X18WAQUqY3RsMDAkUGxhY2VIb2xkZXJTZWFyY2hBcmVhJGN0bDAxJGN0bDAwJGdv" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{
    theForm = document.aspnetForm;
}}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<div id="s4-ribbonrow" class="s4-pr s4-ribbonrowhidetitle" style="height:44px"><div id="s4-ribboncont"><div class="ms-cui-ribbonTopBars"><div class="ms-cui-topBar2"><span class="ms-siteactionscontainer s4-notdlg"><span class="ms-siteactionsmenu" id="siteactiontd"><span class="ms-menu-althov ms-siteactionsmenuinner">Hành động của Site</span></span></span></div></div></div></div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div id="s4-titlerow" class="s4-pr s4-notdlg s4-titlerowhidetitle"><div class="s4-title s4-lp"><div class="s4-title-inner">
<table class="s4-titletable" cellspacing="0"><tbody><tr>
<td class="s4-titlelogo"><a id="ctl00_onetidProjectPropertyTitleGraphic" href="{self.href("/")}"><img id="ctl00_onetidHeadbnnr2" src="{self.href("/PublishingImages/logo-btg.gif")}" alt="{SITE}" style="border-width:0px;" /></a></td>
<td class="s4-titletext">
<h1 name="onetidProjectPropertyTitle"><a id="ctl00_PlaceHolderSiteName_onetidProjectPropertyTitle" href="{self.href("/")}">{SITE}</a></h1>
<span class="s4-titlesep">Cổng thông tin điện tử - Cơ quan tham mưu, giúp việc của Tỉnh ủy về công tác tư tưởng</span>
</td>
<td class="s4-socialdata-notif"></td>
</tr></tbody></table>
</div></div>
<div class="s4-search s4-rp"><div class="ms-sbplain"><table class="s4-wpTopTable s4-search" cellpadding="0" cellspacing="0"><tr><td class="ms-sbcell"><input name="ctl00$PlaceHolderSearchArea$ctl01$S3031AEBB_InputKeywords" type="text" value="Tìm kiếm trong site này..." maxlength="200" id="ctl00_PlaceHolderSearchArea_ctl01_S3031AEBB_InputKeywords" accesskey="S" title="Tìm kiếm..." class="ms-sbplain" onkeypress="javascript:return S3031AEBB_OSBEK(event);" onfocus="if (document.getElementById('ctl00_PlaceHolderSearchArea_ctl01_ctl04').value =='0') {{this.value=''; if (this.className == 's4-searchbox-QueryPrompt') this.className = ''; else this.className = this.className.replace(' s4-searchbox-QueryPrompt',''); document.getElementById('ctl00_PlaceHolderSearchArea_ctl01_ctl04').value=1;}}" /></td><td class="ms-sbgo ms-sbcell"><a id="ctl00_PlaceHolderSearchArea_ctl01_S3031AEBB_go" title="Tìm kiếm" href="javascript:S3031AEBB_Submit()"><img title="Tìm kiếm" alt="Tìm kiếm" src="{self.href("/_layouts/images/gosearch15.gif")}" style="border-width:0px;" /></a></td></tr></table><input name="ctl00$PlaceHolderSearchArea$ctl01$ctl04" type="hidden" id="ctl00_PlaceHolderSearchArea_ctl01_ctl04" value="0" /></div></div>
<div id="s4-topheader2" class="s4-pr s4-notdlg"><div class="s4-lp s4-toplinks"><div id="zz1_TopNavigationMenuV4" class="s4-tn"><div class="menu horizontal menu-horizontal"><ul class="root static">{nav}</ul></div></div></div></div>
</div>
<div id="s4-mainarea" class="s4-pr s4-widecontentarea">
<div id="s4-leftpanel" class="s4-notdlg"><div id="s4-leftpanel-content"><div class="ms-quicklaunchouter"><div class="ms-quickLaunch"><div id="zz2_V4QuickLaunchMenu" class="s4-ql"><div class="menu vertical menu-vertical"><ul class="root static">{quick}</ul></div></div></div></div>
<div class="ms-WPBody"><h3 class="ms-standardheader ms-WPTitle"><span>Liên kết website</span></h3><ul class="dfwp-column dfwp-list">{weblinks}</ul></div></div></div>
<div class="s4-ca s4-ca-dlgNoRibbon" id="MSO_ContentTable">
<div class="s4-pagetitle-area"><h2 class="ms-pagetitle">{page_title}</h2></div>
{content}
</div>
</div>
<div class="s4-notdlg ms-footer" id="footer"><b>{SITE.upper()}</b><br/>Địa chỉ: Tổ 10, phường Nguyễn Trãi, thành phố Hà Giang, tỉnh Hà Giang<br/>Điện thoại: 0219.3866.255 - Email: bantuyengiao@example.gov.vn<br/>Giấy phép số 08/GP-TTĐT ngày 14/4/2014 của Sở Thông tin và Truyền thông tỉnh Hà Giang</div>
</div></div>
<script type="text/javascript">
//<![CDATA[
var _spFormDigestRefreshInterval = 1440000;
function WebForm_OnSubmit() {{ UpdateFormDigest('\\u002f', 1440000); return true; }}
//]]>
</script>
</form>
</body>
</html>
"""
        return Response(page.encode("utf-8"))

    # -- pages -------------------------------------------------------------------------

    def home(self, request: Request) -> Response:
        here = request.base_url + self.own(request)
        hot = "".join(
            f'<li class="dfwp-item"><div class="item"><div class="image-area-left">'
            f'<a href="{self.copyutil(i, here)}" target=""><img class="image" src="{self.href(f"/PublishingImages/TinTuc/anh{i.id}.gif")}" alt="" /></a></div>'
            f'<div class="link-item"><a href="{self.copyutil(i, here)}" title="">{i.title}</a>'
            f'<div class="description">{i.summary}</div></div></div></li>'
            for i in self.items[:3]
        )
        latest = "".join(
            f'<tr class="{"ms-alternating" if n % 2 else ""}"><td class="ms-vb-title"><a onfocus="OnLink(this)" href="{self.item_href(i, here)}" onclick="EditLink2(this,17);return false;" target="_self">{i.title}</a></td>'
            f'<td class="ms-vb2"><nobr>{_sp_time(i.when)}</nobr></td></tr>'
            for n, i in enumerate(self.items[3:9])
        )
        content = f"""<div class="article article-body"><div class="ms-rtestate-field"></div></div>
<table class="ms-webpartPage-root" width="100%" cellpadding="0" cellspacing="0"><tr><td id="_invisibleIfEmpty" valign="top" width="66%">
<div class="ms-WPBody" id="WebPartWPQ3"><h3 class="ms-standardheader ms-WPTitle"><span>Tin nổi bật</span></h3>
<ul class="dfwp-column dfwp-list" style="width:100%">{hot}</ul></div>
<div class="ms-WPBody" id="WebPartWPQ4"><h3 class="ms-standardheader ms-WPTitle"><a href="{self.href(f"{LIST}/AllItems.aspx")}"><span>Tin tức - Sự kiện</span></a></h3>
<table class="ms-listviewtable" cellspacing="0" cellpadding="1" border="0" width="100%" summary="Tin tức">{latest}</table>
<div class="ms-addnew"><a href="{self.href(f"{LIST}/AllItems.aspx")}">Xem tất cả tin &raquo;</a></div></div>
</td><td valign="top" width="34%">
<div class="ms-WPBody" id="WebPartWPQ5"><h3 class="ms-standardheader ms-WPTitle"><span>Thông báo</span></h3>
<div class="ms-rtestate-field"><p>Ban Tuyên giáo Tỉnh ủy thông báo lịch tiếp công dân năm 2021: sáng thứ Năm hằng tuần tại trụ sở cơ quan.</p></div></div>
</td></tr></table>"""
        return self.master(request, f"Trang chủ - {SITE}", "Trang chủ", content)

    def copyutil(self, item: Item, source: str) -> str:
        return self.href(
            f"/_layouts/CopyUtil.aspx?Use=id&Action=dispform&ItemId={item.id}&ListId={LIST_ID}"
            f"&WebId={WEB_ID}&SiteId={SITE_ID}&Source={sp_encode(source)}"
        )

    def listing(self, request: Request, query: dict[str, str]) -> Response:
        anchor = int(query["p_id"]) if query.get("p_id", "").isdigit() else None
        if query.get("paged") == "TRUE" and anchor is not None:
            if query.get("pagedprev") == "TRUE":
                end = sum(1 for i in self.items if i.id > anchor)
                start = max(0, end - PER_PAGE)
            else:
                start = sum(1 for i in self.items if i.id >= anchor)
        elif not request.query:
            start = 0
        else:
            return None
        shown = self.items[start : start + PER_PAGE]
        if not shown:
            return None
        here = request.base_url + self.own(request)
        rows = "".join(
            f'<tr class="{"ms-alternating" if n % 2 else ""}"><td class="ms-vb-title" height="100%"><table height="100%" cellspacing="0" class="ms-unselectedtitle" ItemId="{i.id}" CTXName="ctx1"><tr>'
            f'<td width="100%" class="ms-vb"><a onfocus="OnLink(this)" href="{self.item_href(i, here)}" onclick="EditLink2(this,15);return false;" target="_self">{i.title}</a></td>'
            f'<td><img src="{self.href("/_layouts/images/blank.gif")}" width="13" style="visibility:hidden" alt="" /></td></tr></table></td>'
            f'<td class="ms-vb2"><nobr>{_sp_time(i.when)}</nobr></td><td class="ms-vb2">{i.author}</td></tr>'
            for n, i in enumerate(shown)
        )
        paging = ""
        if start > 0:
            previous = self.page_url(max(0, start - PER_PAGE), prev=True, anchor=shown[0].id)
            paging += (
                f'<td><a href="{self.href(previous)}"><img src="{self.href("/_layouts/images/prev.gif")}" border="0" alt="Trước" />'
                f" Trang trước</a></td>"
            )
        paging += f'<td class="ms-paging">{start + 1} - {start + len(shown)}</td>'
        if start + PER_PAGE < len(self.items):
            paging += (
                f'<td><a href="{self.href(self.page_url(start + PER_PAGE))}">Trang sau '
                f'<img src="{self.href("/_layouts/images/next.gif")}" border="0" alt="Tiếp theo" /></a></td>'
            )
        content = f"""<table class="ms-menutoolbar" cellpadding="2" cellspacing="0" border="0" width="100%"><tr>
<td class="ms-toolbar" nowrap="true"><a href="{self.href(f"/_layouts/listfeed.aspx?List={LIST_ID}")}" title="RSS"><img src="{self.href("/_layouts/images/rss.gif")}" border="0" alt="Nguồn cấp RSS" /> RSS</a></td>
<td width="99%"></td></tr></table>
<div id="WebPartWPQ2" class="ms-WPBody noindex" width="100%" allowDelete="false">
<table summary="Tin tức" class="ms-listviewtable" cellspacing="0" cellpadding="1" border="0" width="100%" dir="None">
<tr valign="top" class="ms-viewheadertr ms-vhltr"><th nowrap="nowrap" scope="col" class="ms-vh2"><div class="ms-vh-div">Tiêu đề</div></th><th nowrap="nowrap" scope="col" class="ms-vh2"><div class="ms-vh-div">Ngày đăng</div></th><th nowrap="nowrap" scope="col" class="ms-vh2"><div class="ms-vh-div">Tác giả</div></th></tr>
{rows}
</table>
<table width="100%" cellpadding="0" cellspacing="0" border="0" class="ms-bottompaging"><tr><td class="ms-bottompagingline1"><img src="{self.href("/_layouts/images/blank.gif")}" width="1" height="1" alt="" /></td></tr>
<tr><td class="ms-vb ms-bottompaging" id="bottomPagingCellWPQ2"><table align="center" border="0" cellpadding="0" cellspacing="0"><tr>{paging}</tr></table></td></tr></table>
</div>"""
        return self.master(request, "Tin tức - Tất cả mục", "Tin tức", content, feed=True)

    def formtable(self, item: Item) -> str:
        body = "".join(
            f'<p style="text-align:justify">{p}</p>' + ("<p>&#160;</p>" if n == 1 else "")
            for n, p in enumerate(item.paragraphs)
        )
        fields = [
            ("Title", "Tiêu đề", "SPFieldText", item.title),
            ("NgayDang", "Ngày đăng", "SPFieldDateTime", _sp_time(item.when)),
            ("TomTat", "Tóm tắt", "SPFieldNote", item.summary),
            (
                "NoiDung",
                "Nội dung",
                "SPFieldNote",
                f'<div class="ms-rtestate-field"><div class="ExternalClass{hashlib.md5(item.title.encode()).hexdigest().upper()}">{body}</div></div>',
            ),
            ("TacGia", "Tác giả", "SPFieldText", item.author),
        ]
        rows = "".join(
            f'<tr>\n<td nowrap="true" valign="top" width="190px" class="ms-formlabel"><h3 class="ms-standardheader"><a name="SPBookmark_{internal}"></a>{label}</h3></td>\n'
            f'<td valign="top" class="ms-formbody" width="400px">\n<!-- FieldName="{label}"\n\t\t\t FieldInternalName="{internal}"\n\t\t\t FieldType="{kind}"\n\t\t  -->\n\t\t{value}\n\t\t</td>\n</tr>'
            for internal, label, kind, value in fields
        )
        return (
            '<table class="ms-formtable" style="margin-top: 8px;" border="0" cellpadding="0" cellspacing="0" width="100%">'
            f"{rows}</table>"
            '<table cellpadding="0" cellspacing="0" class="ms-formtoolbar" width="100%"><tr><td class="ms-descriptiontext" nowrap="nowrap" id="onetidinfoblock1">'
            f"Tạo lúc {_sp_time(item.when)}&#160; bởi Quản trị hệ thống<br />Sửa đổi lần cuối lúc {_sp_time(item.modified)}&#160; bởi Quản trị hệ thống"
            "</td></tr></table>"
        )

    def display(self, request: Request, item: Item) -> Response:
        position = self.items.index(item)
        listing = request.base_url + f"{LIST}/AllItems.aspx"
        others = "".join(
            f'<li class="dfwp-item"><div class="link-item"><a href="{self.item_href(o, listing)}" title="">{o.title}</a>'
            f' <span class="ms-vb2">({o.when:%d/%m/%Y})</span></div></li>'
            for o in self.items[position + 1 : position + 6]
        )
        tools = (
            f'<table class="ms-formtoolbar" cellpadding="2" cellspacing="0" border="0" width="100%"><tr><td width="99%" class="ms-toolbar" nowrap="nowrap"></td>'
            f'<td class="ms-toolbar" nowrap="true"><a href="{self.href(f"{item.path}&IsDlg=1")}" target="_blank">'
            f'<img src="{self.href("/_layouts/images/print.gif")}" border="0" alt="" /> In bài</a></td>'
            f'<td class="ms-toolbar" nowrap="true"><input type="button" name="ctl00$m$g_5f3e2a1c$ctl00$toolBarTbltop$RightRptControls$ctl01$ctl00$diidIOGoBack" value="Đóng" onclick="javascript:STSNavigate(\'\\u002fLists\\u002fTinTuc\\u002fAllItems.aspx\');return false;" accesskey="C" class="ms-ButtonHeightWidth" target="_self" /></td></tr></table>'
        )
        more = (
            f'<div class="ms-WPBody" id="WebPartWPQ3"><h3 class="ms-standardheader ms-WPTitle"><span>Tin khác</span></h3>'
            f'<ul class="dfwp-column dfwp-list">{others}</ul></div>'
            if others
            else ""
        )
        content = f'<div id="WebPartWPQ2" class="ms-WPBody" width="100%" allowDelete="false">{tools}{self.formtable(item)}</div>{more}'
        return self.master(request, f"Tin tức - {item.title}", item.title, content)

    def dialog(self, request: Request, item: Item) -> Response:
        own = self.own(request)
        if own in self.linked:
            self.link(own)
        action = html.escape("DispForm.aspx?" + request.query)
        page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" class="ms-dialog">
<head><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>
	Tin tức - {item.title}
</title><link rel="stylesheet" type="text/css" href="{self.href(CSS)}"/></head>
<body class="v4master ms-dialogBody" onload="window.print();">
<form name="aspnetForm" method="post" action="{action}" id="aspnetForm">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWAgIBD2QWAgIFD2QWAmYPZBYCAgEPFgIeB1Zpc2libGVoZGQ=" /></div>
<div id="s4-workspace"><div id="s4-bodyContainer"><div class="s4-ca s4-ca-dlgNoRibbon" id="MSO_ContentTable">
<div id="WebPartWPQ2" class="ms-WPBody" width="100%">{self.formtable(item)}</div>
</div></div></div>
</form>
</body>
</html>
"""
        return Response(page.encode("utf-8"))

    def about(self, request: Request) -> Response:
        content = (
            '<div class="article article-body"><div class="ms-rtestate-field">'
            f"<p>{SITE} là cơ quan tham mưu, giúp việc của Tỉnh ủy, trực tiếp và thường xuyên là Ban Thường vụ Tỉnh ủy về công tác"
            " chính trị, tư tưởng, lý luận chính trị, lịch sử Đảng, tuyên truyền, báo chí, xuất bản, văn hóa, văn nghệ, khoa giáo;"
            " đồng thời là cơ quan chuyên môn - nghiệp vụ về công tác tuyên giáo của Tỉnh ủy Hà Giang.</p>"
            "</div></div>"
        )
        return self.master(request, f"Giới thiệu - {SITE}", "Giới thiệu", content)

    def contact(self, request: Request) -> Response:
        content = (
            '<div class="article article-body"><div class="ms-rtestate-field">'
            f"<p><strong>{SITE.upper()}</strong></p>"
            "<p>Địa chỉ: Tổ 10, phường Nguyễn Trãi, thành phố Hà Giang, tỉnh Hà Giang</p>"
            "<p>Điện thoại: 0219.3866.255 - Fax: 0219.3866.256</p><p>Email: bantuyengiao@example.gov.vn</p>"
            "</div></div>"
        )
        return self.master(request, f"Liên hệ - {SITE}", "Liên hệ", content)

    def feed(self, request: Request) -> Response:
        base = request.base_url
        items = "".join(
            f"<item><title>{html.escape(i.title)}</title>"
            f"<link>{base}{self.href(i.path)}</link>"
            f"<description><![CDATA[<div><b>Ngày đăng:</b> {_sp_time(i.when)}</div><div><b>Tóm tắt:</b> {i.summary}</div>"
            f"<div><b>Tác giả:</b> {i.author}</div>]]></description>"
            f"<author>Quản trị hệ thống</author>"
            f"<pubDate>{(i.when - dt.timedelta(hours=7)):%a, %d %b %Y %H:%M:%S} GMT</pubDate>"
            f'<guid isPermaLink="true">{base}{self.href(i.path)}</guid></item>'
            for i in self.items[:10]
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?><!--RSS generated by Microsoft SharePoint Foundation RSS Generator on '
            f"{dt.datetime(2021, 1, 20, 9, 3, 11):%m/%d/%Y %H:%M:%S} -->\n"
            f'<rss version="2.0"><channel><title>{SITE}: Tin tức</title>'
            f"<link>{base}{self.href(f'{LIST}/AllItems.aspx')}</link>"
            "<description>Nguồn cấp dữ liệu RSS của danh sách Tin tức.</description>"
            "<lastBuildDate>Wed, 20 Jan 2021 02:03:11 GMT</lastBuildDate>"
            "<generator>Microsoft SharePoint Foundation RSS Generator</generator><ttl>60</ttl><language>vi-VN</language>"
            f"{items}</channel></rss>"
        )
        return Response(xml.encode("utf-8"), RSS)


def make_site() -> CorpusSite:
    return SharePointPortal()
