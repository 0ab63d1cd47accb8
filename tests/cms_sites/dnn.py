"""A DotNetNuke 7 district portal (Ban Tuyên giáo Huyện ủy) with the Ventrian "News
Articles" module on its news tab.

Tabs answer both as friendly URLs (`/Trang-chu`, `/tin-tuc`) and in the older
`/tabid/55/Default.aspx` form; the module writes `/tin-tuc/tabid/75/...` URLs. What it
holds for a crawler:

- One article has up to four URLs, none of them canonical: the listing's
  ``/tin-tuc/tabid/75/ArticleID/312/<slug>.aspx``, "Bài viết liên quan"'s
  ``/tin-tuc/tabid/75/ArticleID/312/Default.aspx``, the "Tin mới" module's
  ``/tabid/75/ctl/ArticleView/mid/412/articleId/312/Default.aspx`` and "In bài"'s
  ``/DesktopModules/DnnForge%20-%20NewsArticles/Print.aspx?...`` (a space in the path,
  percent-encoded; the print view has the article's text without the skin). The server
  answers any slug and ignores the case of the path.
- The listing pager writes page N as ``/tin-tuc/tabid/75/currentpage/N/Default.aspx``
  (numbers) and as ``/tin-tuc/tabid/75/Default.aspx?currentpage=N`` ("Trang sau",
  "Trang trước"); category views page the same way.
- Every page carries the "Tin mới" module (5 headlines) in the right pane, every module
  its container title in ``<span class="Head">``; the headline is ``h1.ArticleTitle``.
- robots.txt is DNN's default (``Disallow: /DesktopModules/``, ``Disallow: /*/ctl/``)
  with a Sitemap line; the sitemap lists the tabs only.
- The login link (rel=nofollow, under ``/ctl/``) opens a login form whose button is a
  ``__doPostBack``; posting it answers the login page with an error.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
import unicodedata
from urllib.parse import parse_qsl

from cms_sites.base import TEXT, XML, CorpusSite
from tuyengiao_crawler.demo_site.serving import Request, Response

SITE = "Ban Tuyên giáo Huyện ủy Thạch Hà"
PER_PAGE = 8
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
CATEGORIES = {4: "Hoạt động Đảng", 5: "Học tập và làm theo Bác", 6: "Văn hóa - Xã hội"}
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
ASSETS = {
    "/Resources/Shared/stylesheets/dnndefault/7.0.0/default.css?cdv=52": "text/css",
    "/Portals/_default/Skins/ThachHa/skin.css?cdv=52": "text/css",
    "/Resources/libraries/jQuery/01_09_01/jquery.js?cdv=52": "application/javascript",
    "/js/dnn.js?cdv=52": "application/javascript",
}
LOGIN = "/tabid/55/ctl/Login/Default.aspx"
LOGIN_BUTTON = "dnn$ctr$Login$Login_DNN$cmdLogin"

# (category, headline, lead)
NEWS = [
    (
        4,
        "Hội nghị quán triệt Nghị quyết Trung ương 8 khóa XII cho cán bộ chủ chốt huyện",
        "Sáng {date}, Ban Thường vụ Huyện ủy Thạch Hà tổ chức hội nghị học tập, quán triệt Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XII cho hơn 350 cán bộ chủ chốt cấp huyện và cơ sở.",
    ),
    (
        5,
        "Sinh hoạt chuyên đề “Học Bác về phong cách làm việc khoa học” tại Đảng bộ xã Thạch Sơn",
        "Chiều {date}, Đảng bộ xã Thạch Sơn tổ chức buổi sinh hoạt chuyên đề “Học Bác về phong cách làm việc khoa học, sâu sát thực tiễn” với sự tham gia của bí thư các chi bộ và cán bộ, công chức xã.",
    ),
    (
        4,
        "Ban Tuyên giáo Huyện ủy tổ chức tập huấn công tác tuyên giáo cơ sở năm 2019",
        "Ngày {date}, Ban Tuyên giáo Huyện ủy Thạch Hà phối hợp với Trung tâm Bồi dưỡng chính trị huyện mở lớp tập huấn nghiệp vụ công tác tuyên giáo cho 62 cán bộ phụ trách tuyên giáo của 31 xã, thị trấn.",
    ),
    (
        6,
        "Thạch Kênh ra mắt mô hình “Khu dân cư văn minh, sạch đẹp”",
        "Ngày {date}, Ủy ban MTTQ xã Thạch Kênh tổ chức ra mắt mô hình “Khu dân cư văn minh, sạch đẹp” tại thôn Thống Nhất, với sự tham gia của đông đảo bà con Nhân dân trong thôn.",
    ),
    (
        4,
        "Hội thi “Bí thư chi bộ giỏi” huyện Thạch Hà năm 2019",
        "Ngày {date}, Ban Tổ chức Huyện ủy phối hợp với Ban Tuyên giáo Huyện ủy tổ chức Hội thi “Bí thư chi bộ giỏi” năm 2019 với sự tham gia của 24 thí sinh là bí thư chi bộ thôn, tổ dân phố.",
    ),
    (
        5,
        "Thạch Xuân biểu dương điển hình tiên tiến trong học tập và làm theo Bác",
        "Ngày {date}, Đảng ủy xã Thạch Xuân tổ chức hội nghị biểu dương các tập thể, cá nhân điển hình tiên tiến trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2019.",
    ),
    (
        4,
        "Huyện ủy Thạch Hà sơ kết công tác dân vận 9 tháng đầu năm 2019",
        "Ngày {date}, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận 9 tháng đầu năm, triển khai nhiệm vụ trọng tâm 3 tháng cuối năm 2019.",
    ),
    (
        6,
        "Thạch Long đẩy mạnh tuyên truyền xây dựng nông thôn mới nâng cao",
        "Sau khi về đích nông thôn mới, xã Thạch Long tiếp tục đẩy mạnh tuyên truyền, vận động Nhân dân chung sức xây dựng nông thôn mới nâng cao, khu dân cư nông thôn mới kiểu mẫu.",
    ),
    (
        4,
        "Gặp mặt kỷ niệm 89 năm Ngày truyền thống ngành Tuyên giáo của Đảng",
        "Ngày {date}, Ban Tuyên giáo Huyện ủy tổ chức gặp mặt kỷ niệm 89 năm Ngày truyền thống ngành Tuyên giáo của Đảng (1/8/1930 - 1/8/2019), với sự tham dự của các đồng chí nguyên lãnh đạo Ban qua các thời kỳ.",
    ),
    (
        5,
        "Kiểm tra việc thực hiện Chỉ thị 05-CT/TW tại Đảng bộ xã Thạch Đài",
        "Ngày {date}, đoàn kiểm tra của Ban Thường vụ Huyện ủy do đồng chí Trưởng Ban Tuyên giáo Huyện ủy làm trưởng đoàn đã kiểm tra việc thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị tại Đảng bộ xã Thạch Đài.",
    ),
    (
        6,
        "Tọa đàm “Phát huy vai trò của người có uy tín trong cộng đồng dân cư”",
        "Ngày {date}, Ban Tuyên giáo Huyện ủy phối hợp với Ủy ban MTTQ huyện tổ chức tọa đàm “Phát huy vai trò của người có uy tín trong cộng đồng dân cư” với sự tham gia của 45 đại biểu là trưởng thôn, chức sắc tôn giáo, già làng.",
    ),
    (
        6,
        "Tuyên truyền phòng, chống bệnh dịch tả lợn châu Phi ở các xã vùng bãi ngang",
        "Trước diễn biến phức tạp của bệnh dịch tả lợn châu Phi, các xã vùng bãi ngang của huyện Thạch Hà đã tăng cường tuyên truyền để người chăn nuôi chủ động các biện pháp phòng, chống.",
    ),
    (
        4,
        "Khai giảng lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú đợt 2 năm 2019",
        "Ngày {date}, Trung tâm Bồi dưỡng chính trị huyện Thạch Hà khai giảng lớp bồi dưỡng nhận thức về Đảng đợt 2 năm 2019 cho 78 quần chúng ưu tú của các chi, đảng bộ cơ sở.",
    ),
    (
        6,
        "Huyện Thạch Hà tổ chức Lễ kỷ niệm 74 năm Cách mạng tháng Tám và Quốc khánh 2/9",
        "Tối {date}, tại Quảng trường trung tâm huyện, Huyện ủy, HĐND, UBND, Ủy ban MTTQ huyện Thạch Hà tổ chức Lễ kỷ niệm 74 năm Cách mạng tháng Tám thành công và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
    ),
    (
        4,
        "Cộng tác viên dư luận xã hội huyện tập huấn kỹ năng nắm bắt thông tin trên mạng",
        "Ngày {date}, Ban Tuyên giáo Huyện ủy tổ chức tập huấn kỹ năng nắm bắt, phản ánh dư luận xã hội trên không gian mạng cho 40 cộng tác viên dư luận xã hội của huyện.",
    ),
    (
        6,
        "Thạch Ngọc tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư",
        "Ngày {date}, Ban Công tác Mặt trận thôn Ngọc Lâm, xã Thạch Ngọc tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2019 với nhiều hoạt động văn hóa, thể thao sôi nổi.",
    ),
    (
        4,
        "Hội nghị báo cáo viên cấp huyện quý III năm 2019",
        "Ngày {date}, Ban Tuyên giáo Huyện ủy tổ chức hội nghị báo cáo viên cấp huyện quý III năm 2019, thông tin về tình hình thời sự, chính sách mới và kết quả phát triển kinh tế - xã hội của huyện.",
    ),
    (
        5,
        "Đảng bộ xã Việt Tiến học tập chuyên đề năm 2019",
        "Ngày {date}, Đảng bộ xã Việt Tiến tổ chức hội nghị học tập chuyên đề năm 2019 “Nâng cao ý thức tôn trọng Nhân dân, phát huy dân chủ, chăm lo đời sống Nhân dân theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.",
    ),
    (
        5,
        "Ban Tuyên giáo Huyện ủy làm việc với các chi bộ trường học về công tác chính trị tư tưởng",
        "Ngày {date}, đoàn công tác Ban Tuyên giáo Huyện ủy đã làm việc với chi bộ các trường trung học cơ sở trên địa bàn về công tác chính trị tư tưởng trong giáo viên và học sinh.",
    ),
    (
        6,
        "Thị trấn Thạch Hà nâng cao chất lượng hệ thống truyền thanh cơ sở",
        "Thời gian qua, thị trấn Thạch Hà đã đầu tư nâng cấp hệ thống truyền thanh cơ sở, đổi mới nội dung chương trình, góp phần đưa chủ trương của Đảng, chính sách, pháp luật của Nhà nước đến với Nhân dân.",
    ),
    (
        4,
        "Trao giải Cuộc thi tìm hiểu lịch sử Đảng bộ huyện Thạch Hà",
        "Ngày {date}, Ban Thường vụ Huyện ủy tổ chức lễ tổng kết, trao giải Cuộc thi tìm hiểu lịch sử Đảng bộ huyện Thạch Hà. Sau 3 tháng phát động, cuộc thi đã thu hút 12.450 bài dự thi của cán bộ, đảng viên và Nhân dân.",
    ),
    (
        5,
        "Thạch Liên phát huy vai trò nêu gương của đảng viên trong xây dựng đường giao thông",
        "Ở xã Thạch Liên, nhiều đảng viên đã gương mẫu hiến đất, tháo dỡ tường rào, góp ngày công để mở rộng đường giao thông nông thôn, tạo sức lan tỏa trong Nhân dân.",
    ),
    (
        6,
        "Tuyên truyền Luật An ninh mạng cho cán bộ, đoàn viên, hội viên",
        "Ngày {date}, Ban Tuyên giáo Huyện ủy phối hợp với Công an huyện tổ chức hội nghị tuyên truyền Luật An ninh mạng cho hơn 200 cán bộ, đoàn viên, hội viên các đoàn thể chính trị - xã hội.",
    ),
    (
        4,
        "Chuẩn bị tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022",
        "Thực hiện Chỉ thị 35-CT/TW của Bộ Chính trị, Ban Thường vụ Huyện ủy Thạch Hà đã chọn chi bộ thôn Đông Tiến, xã Thạch Kênh tổ chức đại hội điểm nhiệm kỳ 2020 - 2022 để rút kinh nghiệm chỉ đạo.",
    ),
    (
        4,
        "Hội nghị cán bộ chủ chốt triển khai nhiệm vụ trọng tâm cuối năm 2019",
        "Ngày {date}, Ban Thường vụ Huyện ủy Thạch Hà tổ chức hội nghị cán bộ chủ chốt đánh giá kết quả 10 tháng, triển khai nhiệm vụ trọng tâm những tháng cuối năm 2019.",
    ),
]

POOL = [
    "Tại hội nghị, đồng chí {leader} đã truyền đạt những nội dung cơ bản, trọng tâm, gắn với tình hình thực tiễn của địa phương.",
    "Thời gian qua, các chi bộ đã đưa nội dung này vào sinh hoạt định kỳ hằng tháng; {n} chi bộ xây dựng được mô hình, cách làm cụ thể.",
    "Hệ thống truyền thanh ở {place} phát {n} chuyên mục mỗi tuần, kết hợp với pa nô, khẩu hiệu dọc các trục đường chính.",
    "Đội ngũ tuyên truyền viên thôn, tổ dân phố đã tích cực nắm bắt tâm tư, nguyện vọng của Nhân dân, kịp thời phản ánh với cấp ủy.",
    "Ở {place}, cán bộ, đảng viên gương mẫu đi đầu, vận động Nhân dân hiến {m} m² đất, góp hàng nghìn ngày công làm đường giao thông.",
    "Bên cạnh kết quả đạt được, một số chi bộ sinh hoạt còn đơn điệu, việc liên hệ, đề ra việc làm cụ thể của đảng viên chưa rõ.",
    "Phát biểu chỉ đạo, đồng chí {leader} đề nghị các chi, đảng bộ tiếp tục phát huy vai trò của người đứng đầu, tăng cường kiểm tra, giám sát.",
    "Các đại biểu đã thảo luận sôi nổi, chia sẻ nhiều cách làm hay, đồng thời kiến nghị {n} vấn đề cần được tháo gỡ.",
    "Dịp này, Ban Thường vụ Huyện ủy tặng giấy khen cho {n} tập thể và {m2} cá nhân có thành tích xuất sắc.",
    "Qua đó góp phần củng cố niềm tin của Nhân dân vào sự lãnh đạo của Đảng, tạo đồng thuận trong thực hiện nhiệm vụ chính trị của huyện.",
    "Lớp học diễn ra trong {d} ngày, các học viên được nghiên cứu, học tập những chuyên đề cơ bản theo chương trình của Ban Tuyên giáo Trung ương.",
    "Kết thúc hội thi, Ban Tổ chức trao giải Nhất cho thí sinh của {place}, cùng {d} giải Nhì, giải Ba và giải Khuyến khích.",
    "Năm 2019, toàn huyện có {n} thôn đạt chuẩn khu dân cư nông thôn mới kiểu mẫu, thu nhập bình quân đạt {inc} triệu đồng/người/năm.",
    "Dư luận Nhân dân phấn khởi trước kết quả xây dựng nông thôn mới, song còn lo lắng về giá cả nông sản và tình trạng ô nhiễm môi trường ở một số nơi.",
    "Ban Tuyên giáo Huyện ủy đã biên soạn {n} đề cương tuyên truyền, cung cấp tài liệu sinh hoạt chi bộ hằng tháng cho 100% chi bộ trực thuộc.",
    "Trong thời gian tới, các cấp ủy cần tiếp tục đổi mới nội dung, phương thức tuyên truyền, phù hợp với từng nhóm đối tượng.",
    "Buổi sinh hoạt diễn ra nghiêm túc; các đảng viên đã liên hệ bản thân, chỉ ra những việc cần làm ngay để sửa chữa, khắc phục hạn chế.",
    "Đoàn kiểm tra đánh giá cao kết quả đạt được, đồng thời đề nghị đơn vị hoàn thiện hồ sơ, báo cáo trước ngày {deadline}.",
    "Cùng với đó, huyện chú trọng tuyên truyền trên trang thông tin điện tử, nhóm Zalo của các thôn, tổ dân phố.",
    "Nhiều mô hình như “Tuyến đường hoa”, “Vườn mẫu”, “Dòng họ hiếu học” đã lan tỏa, góp phần làm thay đổi diện mạo nông thôn.",
]
PLACES = [
    "xã Thạch Kênh",
    "xã Thạch Sơn",
    "xã Thạch Long",
    "xã Thạch Đài",
    "xã Thạch Xuân",
    "xã Thạch Ngọc",
    "xã Việt Tiến",
    "xã Thạch Liên",
    "thị trấn Thạch Hà",
    "xã Thạch Khê",
]
LEADERS = [
    "Trần Văn Nam, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Huyện ủy",
    "Phan Thị Hồng, Phó Trưởng Ban Tuyên giáo Huyện ủy",
    "Nguyễn Huy Hoàng, Phó Bí thư Thường trực Huyện ủy",
]
AUTHORS = [
    "Nguyễn Văn Anh - Ban Tuyên giáo Huyện ủy",
    "Trần Thị Thu - Ban Tuyên giáo Huyện ủy",
    "Lê Quang Hải - Trung tâm Văn hóa - Truyền thông huyện",
    "Hoàng Minh - Đảng ủy xã Thạch Kênh",
]


def slugify(text: str, words: int = 8) -> str:
    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    parts = re.findall(r"[A-Za-z0-9]+", plain)
    return "-".join(parts[:words])


class Article:
    def __init__(self, aid: int, cat: int, title: str, lead: str, when: dt.datetime) -> None:
        self.id, self.cat, self.title, self.when = aid, cat, title, when
        rng = random.Random(aid * 31)
        lead = lead.format(date=f"{when.day}/{when.month}")
        chosen = rng.sample(POOL, rng.randint(7, 9))
        paragraphs = [lead]
        while chosen:
            size = rng.randint(2, 3)
            paragraphs.append(" ".join(self._fill(s, rng) for s in chosen[:size]))
            chosen = chosen[size:]
        self.paragraphs = paragraphs
        self.summary = lead
        self.author = rng.choice(AUTHORS)
        self.views = rng.randint(90, 1900)
        self.slug = slugify(title)

    @staticmethod
    def _fill(template: str, rng: random.Random) -> str:
        return template.format(
            leader=rng.choice(LEADERS),
            place=rng.choice(PLACES),
            n=rng.randint(3, 21),
            m=f"{rng.randint(2, 30) * 100 + rng.randint(10, 99):,}".replace(",", "."),
            m2=rng.randint(12, 60),
            d=rng.randint(3, 5),
            inc=rng.randint(38, 49),
            deadline=f"{rng.randint(10, 28)}/12/2019",
        )

    @property
    def path(self) -> str:
        return f"/tin-tuc/tabid/75/ArticleID/{self.id}/{self.slug}.aspx"

    @property
    def plain_path(self) -> str:
        return f"/tin-tuc/tabid/75/ArticleID/{self.id}/Default.aspx"

    @property
    def ctl_path(self) -> str:
        return f"/tabid/75/ctl/ArticleView/mid/412/articleId/{self.id}/Default.aspx"

    @property
    def print_path(self) -> str:
        return (
            f"/DesktopModules/DnnForge%20-%20NewsArticles/Print.aspx?tabid=75&tabmoduleid=503"
            f"&articleId={self.id}&moduleId=412&PortalID=0"
        )

    def dateline(self) -> str:
        return (
            f"Cập nhật lúc {self.when:%H:%M}, {WEEKDAYS[self.when.weekday()]}, {self.when:%d/%m/%Y}"
        )


ARTICLE_PATH = re.compile(r"^(?:/tin-tuc)?/tabid/75/articleid/(\d+)/[^/]+\.aspx$")
CTL_PATH = re.compile(r"^/tabid/75/ctl/articleview/mid/412/articleid/(\d+)/default\.aspx$")
LIST_PATH = re.compile(
    r"^/tin-tuc/tabid/75(?:/categoryid/(\d+))?(?:/currentpage/(\d+))?/([a-z0-9-]+)\.aspx$"
)


class DnnPortal(CorpusSite):
    family = "dnn"
    start_path = "/"

    def __init__(self) -> None:
        super().__init__()
        rng = random.Random(2019)
        when = dt.datetime(2019, 11, 4, 8, 15)
        aid = 341
        self.all: list[Article] = []
        for cat, title, lead in NEWS:
            self.all.append(Article(aid, cat, title, lead, when))
            aid -= rng.randint(1, 4)
            when -= dt.timedelta(days=rng.randint(3, 8), minutes=rng.randint(-120, 120))
        self.by_id = {a.id: a for a in self.all}
        for a in self.all:
            self.articles[a.title] = a.path

    # -- links -------------------------------------------------------------------------

    def href(self, target: str) -> str:
        return self.link(target)

    @staticmethod
    def cat_slug(cat: int) -> str:
        return slugify(CATEGORIES[cat])

    def list_url(self, cat: int | None, page: int, query_form: bool = False) -> str:
        base = "/tin-tuc/tabid/75" + (f"/CategoryID/{cat}" if cat else "")
        tail = f"/{self.cat_slug(cat)}.aspx" if cat else "/Default.aspx"
        if query_form:
            return f"{base}{tail}?currentpage={page}"
        if page == 1:
            return base + tail
        return f"{base}/currentpage/{page}{tail}"

    # -- routing -----------------------------------------------------------------------

    def lookup(self, request: Request) -> Response | None:
        path = request.path.lower()
        query = dict((k.lower(), v) for k, v in parse_qsl(request.query, keep_blank_values=True))
        posted = (
            dict(parse_qsl(request.body.decode("utf-8", "replace")))
            if request.method == "POST"
            else {}
        )
        if path == "/robots.txt":
            return self.robots(request)
        if path == "/sitemap.aspx":
            return self.sitemap(request)
        if request.raw_path + (f"?{request.query}" if request.query else "") in ASSETS:
            return Response(b"/* DNN */", ASSETS[request.raw_path + f"?{request.query}"])
        if path.startswith("/portals/0/") and path.endswith(".gif"):
            return Response(GIF, "image/gif")
        if path == LOGIN.lower():
            return self.login(request, LOGIN_BUTTON in posted.get("__EVENTTARGET", ""))
        if request.query and not set(query) <= {"currentpage"}:
            if path != "/desktopmodules/dnnforge - newsarticles/print.aspx":
                return None
        if path in ("/", "/trang-chu", "/tabid/55/default.aspx"):
            return self.home(request)
        if path in ("/gioi-thieu", "/tabid/56/default.aspx"):
            return self.about(request)
        if path == "/lien-he":
            return self.contact(request)
        if path == "/tin-tuc" and not request.query:
            return self.listing(request, None, 1)
        match = LIST_PATH.match(path)
        if match:
            cat = int(match.group(1)) if match.group(1) else None
            if cat is not None and cat not in CATEGORIES:
                return None
            if match.group(2) and request.query:
                return None
            page = match.group(2) or query.get("currentpage", "1")
            if not page.isdigit():
                return None
            return self.listing(request, cat, int(page))
        match = ARTICLE_PATH.match(path) or CTL_PATH.match(path)
        if match and not request.query and int(match.group(1)) in self.by_id:
            return self.detail(request, self.by_id[int(match.group(1))])
        if path == "/desktopmodules/dnnforge - newsarticles/print.aspx":
            wanted = [
                ("tabid", "75"),
                ("tabmoduleid", "503"),
                ("moduleid", "412"),
                ("portalid", "0"),
            ]
            article_id = query.get("articleid", "")
            if all(query.get(k) == v for k, v in wanted) and article_id.isdigit():
                article = self.by_id.get(int(article_id))
                if article:
                    return self.printable(article)
        return None

    # -- the skin ----------------------------------------------------------------------

    def container(self, mid: int, kind: str, title: str, body: str) -> str:
        return (
            f'<div class="DnnModule DnnModule-{kind} DnnModule-{mid}"><a name="{mid}"></a>\n'
            f'<div class="Container-Blue"><div class="c_head"><h2 class="c_title">'
            f'<span id="dnn_ctr{mid}_dnnTITLE_titleLabel" class="Head">{title}</span></h2></div>\n'
            f'<div id="dnn_ctr{mid}_ContentPane" class="c_content"><!-- Start_Module_{mid} -->'
            f'<div id="dnn_ctr{mid}_ModuleContent" class="DNNModuleContent Mod{kind.replace("-", "").replace("_", "")}C">\n'
            f"{body}\n</div><!-- End_Module_{mid} --></div>\n</div></div>"
        )

    def skin(
        self,
        request: Request,
        title: str,
        content: str,
        tab: str,
        description: str = "",
        left: str = "",
    ) -> Response:
        own = request.raw_path + (f"?{request.query}" if request.query else "")
        if own in self.linked or own == self.start_path:
            self.link(own)
        tabs = [
            ("/Trang-chu", "Trang chủ"),
            ("/Gioi-thieu", "Giới thiệu"),
            ("/tin-tuc", "Tin tức - Sự kiện"),
            ("/Lien-he", "Liên hệ"),
        ]
        menu = "".join(
            f'<li class="{"active " if name == tab else ""}dropdown"><a href="{self.href(url)}">{name}</a></li>'
            for url, name in tabs
        )
        latest = "".join(
            f'<li><a href="{self.href(a.ctl_path)}">{a.title}</a> <span class="latestDate">({a.when:%d/%m})</span></li>'
            for a in self.all[:5]
        )
        links = "".join(
            f'<li><a href="{u}" target="_blank">{n}</a></li>'
            for u, n in [
                ("http://hatinh.example.gov.vn/", "Cổng TTĐT tỉnh Hà Tĩnh"),
                ("http://tinhuyhatinh.example.vn/", "Tỉnh ủy Hà Tĩnh"),
                ("http://thachha.example.gov.vn/", "UBND huyện Thạch Hà"),
                ("http://tuyengiao.example.vn/", "Ban Tuyên giáo Trung ương"),
            ]
        )
        right = self.container(
            430,
            "DnnForge-NewsArticles",
            "Tin mới",
            f'<div class="LatestArticles"><ul>{latest}</ul></div>',
        ) + self.container(
            431,
            "DNN_HTML",
            "Liên kết website",
            f'<div id="dnn_ctr431_HtmlModule_lblContent" class="Normal"><ul class="weblinks">{links}</ul>'
            f'<p><a href="http://tuyengiao.example.vn/" target="_blank"><img src="{self.href("/Portals/0/Images/banner-hoc-tap-lam-theo-bac.gif")}" alt="Học tập và làm theo Bác" width="260" /></a></p></div>',
        )
        action = html.escape(own)
        css = "".join(
            f'<link href="{self.href(u)}" type="text/css" rel="stylesheet"/>'
            for u, kind in ASSETS.items()
            if kind == "text/css"
        )
        page = f"""<!DOCTYPE html>
<html  lang="vi-VN">
<head id="Head">
<!--*********************************************-->
<!-- DNN Platform - http://www.dnnsoftware.com   -->
<!-- Copyright (c) 2002-2016, by DNN Corporation -->
<!--*********************************************-->
<meta content="text/html; charset=UTF-8" http-equiv="Content-Type" /><title>
	{title}
</title><meta id="MetaDescription" name="DESCRIPTION" content="{html.escape(description or SITE)}" /><meta id="MetaKeywords" name="KEYWORDS" content="tuyên giáo, Thạch Hà, Hà Tĩnh,DotNetNuke,DNN" /><meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " /><meta id="MetaRobots" name="ROBOTS" content="INDEX, FOLLOW" />{css}<script src="{self.href("/Resources/libraries/jQuery/01_09_01/jquery.js?cdv=52")}" type="text/javascript"></script><link id="dnn_dnnLOGO" rel="SHORTCUT ICON" href="{self.href("/Portals/0/favicon.gif")}" type="image/gif" /></head>
<body id="Body">
<form method="post" action="{action}" id="Form" enctype="multipart/form-data">
<div class="aspNetHidden">
<input type="hidden" name="StylesheetManager_TSSM" id="StylesheetManager_TSSM" value="" />
<input type="hidden" name="ScriptManager_TSM" id="ScriptManager_TSM" value="" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="hqD0zW1P8l1K8LeWx2Hq4tT5zE0b+PDk0Xlq2Q7mH3kYzN6uV1sR9cA4fB8gJ2eL5oI7wU3yT0xC6vM9nK1pQ==" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['Form'];
if (!theForm) {{
    theForm = document.Form;
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
<script src="{self.href("/js/dnn.js?cdv=52")}" type="text/javascript"></script>
<div id="siteWrapper">
<div id="dnn_HeaderPane" class="HeaderPane">
<div class="topbar"><span class="date-now">Huyện Thạch Hà, tỉnh Hà Tĩnh</span>
<div id="dnn_dnnSearch_ClassicSearch" class="searchBox pull-right"><input name="dnn$dnnSearch$txtSearch" type="text" maxlength="255" size="20" id="dnn_dnnSearch_txtSearch" class="NormalTextBox" placeholder="Tìm kiếm..." onkeydown="if (event.keyCode == 13) {{ thachHaSearch(); return false; }}" /><a id="dnn_dnnSearch_cmdSearch" class="SkinObject" href="javascript:thachHaSearch();">Tìm</a></div>
<script type="text/javascript">function thachHaSearch() {{ var q = document.getElementById('dnn_dnnSearch_txtSearch').value; if (q) window.location.href = '/Tim-kiem?Search=' + encodeURIComponent(q); }}</script>
<div id="login" class="pull-right"><div class="loginGroup"><a id="dnn_dnnLOGIN_loginLink" title="Đăng nhập" class="LoginLink" rel="nofollow" onclick="this.disabled=true;" href="{self.href(f"{LOGIN}?returnurl={self.returnurl(tab)}")}">Đăng nhập</a></div></div></div>
<div class="banner"><a id="dnn_dnnLOGO_hypLogo" title="{SITE}" href="{self.href("/Trang-chu")}"><img id="dnn_dnnLOGO_imgLogo" src="{self.href("/Portals/0/Images/banner-btg-thachha.gif")}" alt="{SITE}" /></a></div>
<nav class="navbar"><div id="dnnMenu" class="menu"><ul class="nav navbar-nav topLevel">{menu}</ul></div></nav>
<div class="breadcrumb"><span id="dnn_dnnBREADCRUMB_lblBreadCrumb" itemprop="breadcrumb" itemscope="" itemtype="https://schema.org/breadcrumb"><span itemscope itemtype="http://schema.org/BreadcrumbList"><span itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem"><a href="{self.href(self.tab_url(tab))}" class="Breadcrumb" itemprop="item"><span itemprop="name">{tab}</span></a><meta itemprop="position" content="1" /></span></span></span></div>
</div>
<div id="dnn_ContentWrapper" class="container"><div class="row">
{left}<div id="dnn_ContentPane" class="contentPane col-md-8">{content}</div>
<div id="dnn_RightPane" class="RightPane col-md-4">{right}</div>
</div></div>
<div id="dnn_FooterPane" class="FooterPane"><div class="DnnModule DnnModule-DNN_HTML DnnModule-432"><a name="432"></a><div id="dnn_ctr432_HtmlModule_lblContent" class="Normal">
<p><strong>BAN TUYÊN GIÁO HUYỆN ỦY THẠCH HÀ</strong></p>
<p>Địa chỉ: Khối 7, thị trấn Thạch Hà, huyện Thạch Hà, tỉnh Hà Tĩnh - Điện thoại: 0239.3845.112</p>
<p><a href="{self.href("/tabid/55/Default.aspx")}">Trang chủ</a> | <a href="{self.href("/tabid/56/Default.aspx")}">Giới thiệu</a> | <a href="{self.href("/Lien-he")}">Liên hệ</a></p>
</div></div>
<div class="copyright"><span id="dnn_dnnCOPYRIGHT_lblCopyright" class="SkinObject">Copyright 2019 by Ban Tuyên giáo Huyện ủy Thạch Hà</span></div></div>
</div>
<input name="ScrollTop" type="hidden" id="ScrollTop" />
<input name="__dnnVariable" type="hidden" id="__dnnVariable" autocomplete="off" value="`{{`__scdoff`:`1`}}" />
</form>
</body>
</html>
"""
        return Response(page.encode("utf-8"))

    @staticmethod
    def tab_url(tab: str) -> str:
        return {
            "Trang chủ": "/Trang-chu",
            "Giới thiệu": "/Gioi-thieu",
            "Tin tức - Sự kiện": "/tin-tuc",
            "Liên hệ": "/Lien-he",
        }.get(tab, "/Trang-chu")

    def returnurl(self, tab: str) -> str:
        return self.tab_url(tab).replace("/", "%2f")

    # -- pages -------------------------------------------------------------------------

    def teaser(self, a: Article) -> str:
        return (
            f'<div class="articleItem"><a href="{self.href(a.path)}"><img src="{self.href(f"/Portals/0/NewsArticles/{a.id}/thumb.gif")}" alt="" class="articleImage" /></a>'
            f'<h2 class="articleTitle"><a href="{self.href(a.path)}">{a.title}</a></h2>'
            f'<div class="articleMeta"><span class="articleDate">{a.when:%d/%m/%Y}</span> | Lượt xem: {a.views}</div>'
            f'<div class="articleSummary Normal">{a.summary}</div>'
            f'<a href="{self.href(a.path)}" class="readMore">Xem tiếp &raquo;</a><div class="clear"></div></div>'
        )

    def home(self, request: Request) -> Response:
        body = "".join(self.teaser(a) for a in self.all[:6])
        more = f'<p class="viewAll"><a href="{self.href("/tin-tuc")}">Xem tất cả &raquo;</a></p>'
        welcome = self.container(
            421,
            "DNN_HTML",
            "Chào mừng",
            '<div id="dnn_ctr421_HtmlModule_lblContent" class="Normal"><p>Chào mừng bạn đến với trang thông tin điện tử'
            f" {SITE}, nơi cung cấp thông tin về hoạt động công tác tuyên giáo trên địa bàn huyện.</p></div>",
        )
        content = welcome + self.container(
            420,
            "DnnForge-NewsArticles",
            "Tin tức - Sự kiện",
            f'<div class="LatestArticles">{body}{more}</div>',
        )
        return self.skin(request, f"{SITE} > Trang chủ", content, "Trang chủ")

    def listing(self, request: Request, cat: int | None, page: int) -> Response | None:
        pool = [a for a in self.all if cat is None or a.cat == cat]
        pages = -(-len(pool) // PER_PAGE)
        if not 1 <= page <= pages:
            return None
        shown = pool[(page - 1) * PER_PAGE : page * PER_PAGE]
        numbers = "".join(
            f'<span class="NormalBold">{n}</span> '
            if n == page
            else f'<a href="{self.href(self.list_url(cat, n))}" class="CommandButton">{n}</a> '
            for n in range(1, pages + 1)
        )
        prev_link = (
            f'<a href="{self.href(self.list_url(cat, page - 1, query_form=True))}" class="CommandButton">&laquo; Trang trước</a> '
            if page > 1
            else ""
        )
        next_link = (
            f'<a href="{self.href(self.list_url(cat, page + 1, query_form=True))}" class="CommandButton">Trang sau &raquo;</a>'
            if page < pages
            else ""
        )
        categories = "".join(
            f'<li><a href="{self.href(self.list_url(c, 1))}">{name}</a></li>'
            for c, name in CATEGORIES.items()
        )
        body = (
            f'<div class="NewsArticles"><div class="articleCategories"><b>Chuyên mục:</b><ul>{categories}</ul></div>'
            + "".join(self.teaser(a) for a in shown)
            + f'<div class="Pager"><span class="Normal">Trang {page} / {pages}</span> &nbsp; {prev_link}{numbers}{next_link}</div></div>'
        )
        heading = CATEGORIES[cat] if cat else "Tin tức - Sự kiện"
        content = self.container(412, "DnnForge-NewsArticles", heading, body)
        return self.skin(request, f"{SITE} > {heading}", content, "Tin tức - Sự kiện")

    def detail(self, request: Request, a: Article) -> Response:
        same = [o for o in self.all if o.cat == a.cat and o is not a]
        same.sort(key=lambda o: abs((o.when - a.when).total_seconds()))
        related = "".join(
            f'<li><a href="{self.href(o.plain_path)}">{o.title}</a> <span class="relatedDate">({o.when:%d/%m/%Y})</span></li>'
            for o in sorted(same[:4], key=lambda o: o.when, reverse=True)
        )
        body = "".join(f"<p>{p}</p>" for p in a.paragraphs)
        article = f"""<div class="article">
<h1 class="ArticleTitle">{a.title}</h1>
<div class="ArticleDate">{a.dateline()}</div>
<div class="ArticleContent Normal">
{body}
<p style="text-align: right;"><strong>{a.author}</strong></p>
</div>
<div class="ArticleTools"><a href="{self.href(a.print_path)}" target="_blank"><img src="{self.href("/Portals/0/Images/print.gif")}" alt="" /> In bài</a> | <a href="mailto:?subject={html.escape(a.title)}">Gửi email</a> | Lượt xem: {a.views}</div>
<div class="RelatedArticles"><h3 class="relatedTitle">Bài viết liên quan</h3><ul>{related}</ul></div>
</div>"""
        content = self.container(412, "DnnForge-NewsArticles", "Tin tức - Sự kiện", article)
        return self.skin(request, f"{a.title} - {SITE}", content, "Tin tức - Sự kiện", a.summary)

    def printable(self, a: Article) -> Response:
        body = "".join(f"<p>{p}</p>" for p in a.paragraphs)
        page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>
	{a.title}
</title><link href="{self.href("/Portals/_default/Skins/ThachHa/skin.css?cdv=52")}" type="text/css" rel="stylesheet"/></head>
<body class="Print" onload="window.print();">
<form method="post" action="./Print.aspx?tabid=75&amp;tabmoduleid=503&amp;articleId={a.id}&amp;moduleId=412&amp;PortalID=0" id="Form">
<table width="100%" cellpadding="4"><tr><td>
<div class="article"><h1 class="ArticleTitle">{a.title}</h1>
<div class="ArticleDate">{a.dateline()}</div>
<div class="ArticleContent Normal">{body}<p style="text-align: right;"><strong>{a.author}</strong></p></div></div>
</td></tr></table>
</form>
</body>
</html>
"""
        return Response(page.encode("utf-8"))

    def about(self, request: Request) -> Response:
        body = (
            '<div id="dnn_ctr440_HtmlModule_lblContent" class="Normal">'
            f"<p>{SITE} là cơ quan tham mưu, giúp việc của Ban Chấp hành, Ban Thường vụ Huyện ủy về công tác"
            " chính trị, tư tưởng, tuyên truyền, báo chí, văn hóa, văn nghệ, khoa giáo và lịch sử Đảng bộ huyện; đồng thời là"
            " cơ quan chuyên môn - nghiệp vụ về công tác tuyên giáo của Huyện ủy Thạch Hà, tỉnh Hà Tĩnh.</p></div>"
        )
        content = self.container(440, "DNN_HTML", "Giới thiệu", body)
        return self.skin(request, f"{SITE} > Giới thiệu", content, "Giới thiệu")

    def contact(self, request: Request) -> Response:
        body = (
            '<div id="dnn_ctr445_HtmlModule_lblContent" class="Normal">'
            f"<p><strong>{SITE.upper()}</strong></p><p>Địa chỉ: Khối 7, thị trấn Thạch Hà, huyện Thạch Hà, tỉnh Hà Tĩnh</p>"
            "<p>Điện thoại: 0239.3845.112 - Email: btg.thachha@example.gov.vn</p></div>"
        )
        content = self.container(445, "DNN_HTML", "Liên hệ", body)
        return self.skin(request, f"{SITE} > Liên hệ", content, "Liên hệ")

    def login(self, request: Request, attempted: bool) -> Response:
        error = (
            '<div class="dnnFormMessage dnnFormValidationSummary">Đăng nhập thất bại. Vui lòng kiểm tra lại tên đăng nhập, mật khẩu.</div>'
            if attempted
            else ""
        )
        body = f"""<div class="dnnForm dnnLoginService dnnClear">{error}
<div class="dnnFormItem"><label for="dnn_ctr_Login_Login_DNN_txtUsername" class="dnnFormLabel">Tên đăng nhập:</label><input name="dnn$ctr$Login$Login_DNN$txtUsername" type="text" id="dnn_ctr_Login_Login_DNN_txtUsername" /></div>
<div class="dnnFormItem"><label for="dnn_ctr_Login_Login_DNN_txtPassword" class="dnnFormLabel">Mật khẩu:</label><input name="dnn$ctr$Login$Login_DNN$txtPassword" type="password" id="dnn_ctr_Login_Login_DNN_txtPassword" /></div>
<div class="dnnFormItem"><a id="dnn_ctr_Login_Login_DNN_cmdLogin" title="Đăng nhập" class="dnnPrimaryAction" href="javascript:__doPostBack(&#39;{LOGIN_BUTTON}&#39;,&#39;&#39;)">Đăng nhập</a></div>
</div>"""
        content = self.container(0, "Login", "Đăng nhập", body)
        return self.skin(request, f"{SITE} > Đăng nhập", content, "Trang chủ")

    def robots(self, request: Request) -> Response:
        sitemap = request.base_url + self.href("/SiteMap.aspx")
        text = (
            "# Begin robots.txt file\n#/-----------------------------------------------\\\n"
            "# | In single portal/domain situations, uncomment the sitmap line and enter domain name\n"
            "#\\-----------------------------------------------/\n\n"
            f"Sitemap: {sitemap}\n\n"
            "User-agent: *\nDisallow: /admin/\nDisallow: /App_Browsers/\nDisallow: /App_Code/\n"
            "Disallow: /App_Data/\nDisallow: /App_GlobalResources/\nDisallow: /bin/\n"
            "Disallow: /Components/\nDisallow: /Config/\nDisallow: /contest/\nDisallow: /controls/\n"
            "Disallow: /DesktopModules/\nDisallow: /Documentation/\nDisallow: /HttpModules/\n"
            "Disallow: /Install/\nDisallow: /Providers/\nDisallow: /Activity-Feed/userId/\n"
            "Disallow: /*/ctl/\nDisallow: /*/tabid/*/ctl/\n# End of robots.txt file\n"
        )
        return Response(text.encode("utf-8"), TEXT)

    def sitemap(self, request: Request) -> Response:
        base = request.base_url
        entries = [
            ("/Trang-chu", "1.0"),
            ("/Gioi-thieu", "0.5"),
            ("/tin-tuc", "0.8"),
            ("/Lien-he", "0.5"),
        ]
        urls = "".join(
            f"<url><loc>{base}{self.href(path)}</loc><lastmod>2019-11-04</lastmod>"
            f"<changefreq>daily</changefreq><priority>{priority}</priority></url>"
            for path, priority in entries
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )
        return Response(xml.encode("utf-8"), XML)


def make_site() -> CorpusSite:
    return DnnPortal()
