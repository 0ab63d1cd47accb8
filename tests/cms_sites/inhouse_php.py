"""A 2010s in-house PHP portal of a district Party committee: table layout, inline
styles, `<base href>` and relative links, no <h1> anywhere, no robots.txt.

`index.php?mod=news&act=list&cid=4` lists a category (pager `&p=2`); "Tin tức - Sự kiện"
also has friendly URLs (`tin-tuc.html`, `tin-tuc/trang-2.html`). An article is served as
`index.php?mod=news&act=detail&cid=4&id=1287` (what listings and "Các tin đã đưa" link)
and as `tin-tuc/1287/hoi-nghi-quan-triet.html` (what the home page and the marquee
link, and what `<link rel="canonical">` names). The headline is `<td class="title_news">`,
the date `<td class="date_news">Cập nhật: 14/03/2019 - 9:40 AM</td>`, the body
`<div class="content_news">`, followed IN THE SAME CELL by "Các tin đã đưa:" (8 links
`>> Title (dd/mm/yyyy)`) and the article's keywords (links to search results).

Traps:
- two URLs for every article, the canonical one on the page;
- `print.php?id=1287`: the same headline and text without chrome, no canonical;
- the calendar archive `index.php?mod=news&act=archive&date=2019-03-14` links the day
  before and after, for any date: endless ("Không có tin" on most days);
- search result pages linked from keywords (`&keyword=Ngh%E1%BB%8B+quy%E1%BA%BFt`);
- a documents page linking PDFs.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote_plus

from cms_sites.base import CorpusSite, slugify
from tuyengiao_crawler.demo_site.serving import Request, Response

SITE = "Trang thông tin điện tử Đảng bộ huyện Yên Thành"
PER_PAGE = 6
OTHERS = 8
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass(frozen=True)
class Category:
    id: int
    slug: str
    name: str


CATEGORIES = {
    4: Category(4, "tin-tuc", "Tin tức - Sự kiện"),
    5: Category(5, "xay-dung-dang", "Xây dựng Đảng"),
}
FRIENDLY_LISTING = {4}  # sections whose listing has friendly URLs too

HEADLINES = {
    4: [
        "Hội nghị tổng kết công tác xây dựng Đảng năm 2018",
        "Ban Tuyên giáo Huyện ủy tổng kết công tác tuyên giáo năm 2018",
        "Huyện ủy Yên Thành gặp mặt cán bộ hưu trí nhân dịp Tết Nguyên đán Kỷ Hợi 2019",
        "Hội nghị báo cáo viên tháng 1 năm 2019",
        "Đảng bộ xã Công Thành trao huy hiệu 50 năm tuổi Đảng",
        "Tuyên truyền kỷ niệm 89 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "Lễ ra quân Tết trồng cây đời đời nhớ ơn Bác Hồ xuân Kỷ Hợi",
        "Hội nghị quán triệt Nghị quyết Trung ương 8 khóa XII tại huyện Yên Thành",
        "Giao ban công tác dư luận xã hội tháng 2 năm 2019",
        "Xã Bảo Thành đón Bằng công nhận xã đạt chuẩn nông thôn mới kiểu mẫu",
        "Ban Thường vụ Huyện ủy làm việc với Đảng ủy xã Đồng Thành",
        "Hội nghị báo cáo viên tháng 3 năm 2019",
        "Tổng kết 10 năm thực hiện Nghị quyết 26 về nông nghiệp, nông dân, nông thôn",
        "Khai giảng lớp bồi dưỡng nhận thức về Đảng khóa I năm 2019",
        "Hội nghị quán triệt Chỉ thị 05-CT/TW năm 2019 tại Trung tâm Chính trị huyện",
        "Đoàn thanh niên huyện ra quân Tháng Thanh niên năm 2019",
    ],
    5: [
        "Nâng cao chất lượng sinh hoạt chi bộ ở Đảng bộ xã Phúc Thành",
        "Chi bộ xóm 3 xã Tây Thành: điểm sáng trong xây dựng chi bộ kiểu mẫu",
        "Kết nạp đảng viên là học sinh trường THPT Phan Đăng Lưu",
        "Thực hiện quy định về trách nhiệm nêu gương của cán bộ, đảng viên",
        "Đảng ủy xã Hoa Thành thực hiện tốt công tác phát triển đảng viên",
        "Công tác kiểm tra, giám sát ở Đảng bộ huyện Yên Thành năm 2018",
        "Những đảng viên tiêu biểu học tập và làm theo Bác ở Yên Thành",
        "Xây dựng tổ chức đảng trong sạch vững mạnh ở vùng giáo xã Lý Thành",
        "Đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm 2018",
        "Dân vận khéo trong xây dựng nông thôn mới ở xã Mỹ Thành",
        "Đổi mới sinh hoạt chi bộ theo hướng dẫn 12-HD/BTCTW",
        "Đảng bộ xã Quang Thành lãnh đạo phát triển kinh tế trang trại",
        "Bồi dưỡng lý luận chính trị cho bí thư chi bộ năm 2019",
        "Vai trò của người đứng đầu trong công tác dân vận ở cơ sở",
    ],
}
KEYWORDS = {
    "Nghị quyết": ("Nghị quyết", "nghị quyết"),
    "Chỉ thị 05": ("Chỉ thị 05", "làm theo Bác", "nêu gương"),
    "Nông thôn mới": ("nông thôn", "Nông thôn"),
    "Sinh hoạt chi bộ": ("chi bộ", "Chi bộ"),
    "Báo cáo viên": ("báo cáo viên",),
    "Phát triển đảng viên": ("đảng viên", "Kết nạp", "nhận thức về Đảng"),
}
COMMUNES = [
    "xã Công Thành",
    "xã Bảo Thành",
    "xã Đồng Thành",
    "xã Phúc Thành",
    "xã Tây Thành",
    "xã Hoa Thành",
    "xã Mỹ Thành",
    "xã Quang Thành",
    "thị trấn Yên Thành",
]
SENTENCES = [
    "Về dự hội nghị có các đồng chí trong Ban Thường vụ Huyện ủy, lãnh đạo các ban, ngành, đoàn thể cấp huyện và bí thư các tổ chức cơ sở đảng.",
    "Năm qua, Đảng bộ huyện đã lãnh đạo hoàn thành {dat}/{tong} chỉ tiêu chủ yếu, trong đó nhiều chỉ tiêu vượt kế hoạch.",
    "Toàn Đảng bộ kết nạp được {so} đảng viên mới, đạt {pt}% kế hoạch, trong đó có nhiều đảng viên là đoàn viên thanh niên.",
    "Tại {xa}, cấp ủy đã chỉ đạo các chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt định kỳ.",
    "Đồng chí Bí thư Huyện ủy đề nghị các cấp ủy tiếp tục nâng cao chất lượng sinh hoạt chi bộ, gắn với thực hiện nhiệm vụ chính trị của địa phương.",
    "Các đại biểu đã tập trung thảo luận, đánh giá những mặt được, những hạn chế và đề ra giải pháp trong thời gian tới.",
    "Phong trào xây dựng nông thôn mới tiếp tục được nhân dân hưởng ứng, đến nay toàn huyện có {so} xóm đạt chuẩn khu dân cư kiểu mẫu.",
    "Công tác tuyên truyền miệng được duy trì đều đặn thông qua hội nghị báo cáo viên hằng tháng.",
    "Bên cạnh những kết quả đạt được, một số chi bộ sinh hoạt còn đơn điệu, chưa thu hút được đảng viên tham gia.",
    "Ban Tuyên giáo Huyện ủy đã phối hợp với Trung tâm Chính trị huyện mở {so} lớp bồi dưỡng cho cán bộ, đảng viên.",
    "Dịp này, Ban Thường vụ Huyện ủy đã tặng giấy khen cho {so} tập thể và cá nhân có thành tích xuất sắc.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định.",
    "Thu nhập bình quân đầu người đạt trên {tr} triệu đồng/năm, tỷ lệ hộ nghèo giảm còn {pt2}%.",
    "Đảng ủy {xa} đã ban hành nghị quyết chuyên đề, phân công cấp ủy viên phụ trách từng chi bộ.",
    "Hội nghị đã nghe báo cáo viên cấp tỉnh thông tin về tình hình thời sự trong nước và quốc tế nổi bật.",
    "Nhiều mô hình dân vận khéo được nhân rộng, góp phần thúc đẩy phát triển kinh tế - xã hội ở cơ sở.",
    "Chất lượng đội ngũ cán bộ, đảng viên từng bước được nâng lên, đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
    "Thời gian tới, các cấp ủy cần tiếp tục đẩy mạnh công tác tuyên truyền, tạo sự đồng thuận cao trong nhân dân.",
    "Kết quả đánh giá cho thấy có {pt}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.",
    "Người đứng đầu cấp ủy phải gương mẫu, nói đi đôi với làm, thường xuyên lắng nghe ý kiến của nhân dân.",
    "Đoàn viên thanh niên đã ra quân làm vệ sinh môi trường, trồng cây xanh và giúp đỡ các gia đình chính sách.",
    "Đây là hoạt động thiết thực, góp phần giáo dục truyền thống cách mạng cho thế hệ trẻ.",
    "Cấp ủy các cấp đã chú trọng công tác kiểm tra, giám sát, kịp thời chấn chỉnh những thiếu sót.",
    "Với tinh thần đoàn kết, chủ động, sáng tạo, Đảng bộ và nhân dân huyện quyết tâm hoàn thành thắng lợi nhiệm vụ năm 2019.",
]
DOCUMENTS = [
    (
        "05-NQ/HU",
        "12/01/2019",
        "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2019",
        "nq-05-hu.pdf",
    ),
    (
        "18-KH/HU",
        "21/01/2019",
        "Kế hoạch tổ chức các hoạt động kỷ niệm 89 năm thành lập Đảng",
        "kh-18-hu.pdf",
    ),
    (
        "24-CV/BTG",
        "20/02/2019",
        "Công văn về tuyên truyền Hội nghị Trung ương 9 khóa XII",
        "cv-24-btg.pdf",
    ),
]


def prose(rng: random.Random, count: int) -> list[str]:
    picks = rng.sample(SENTENCES, count * 3)
    out = []
    for n in range(count):
        chosen = picks[n * 3 : n * 3 + rng.choice((2, 3))]
        out.append(
            " ".join(
                s.format(
                    so=rng.randint(9, 140),
                    dat=rng.randint(21, 24),
                    tong=rng.randint(24, 27),
                    pt=rng.randint(85, 99),
                    pt2=f"{rng.randint(2, 6)},{rng.randint(1, 9)}",
                    tr=rng.randint(32, 41),
                    xa=rng.choice(COMMUNES),
                )
                for s in chosen
            )
        )
    return out


def clock(when: dt.datetime) -> str:
    """9:40 AM, as the portal prints times."""
    hour = when.hour % 12 or 12
    return f"{hour}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}"


@dataclass
class Article:
    id: int
    title: str
    category: Category
    published: dt.datetime
    sapo: str
    paragraphs: list[str]
    author: str
    keywords: list[str]
    views: int

    @property
    def detail(self) -> str:
        return f"/index.php?mod=news&act=detail&cid={self.category.id}&id={self.id}"

    @property
    def friendly(self) -> str:
        words = slugify(self.title).split("-")[:6]
        return f"/{self.category.slug}/{self.id}/{'-'.join(words)}.html"

    @property
    def image(self) -> str:
        return f"/upload/news/{self.published:%Y/%m}/{self.id}_1.jpg"


class InhousePortal(CorpusSite):
    family = "inhouse_php"
    start_path = "/"

    def __init__(self) -> None:
        super().__init__()
        rng = random.Random(1287)
        queues = {c: list(HEADLINES[c]) for c in HEADLINES}
        order = []
        while any(queues.values()):
            cat = rng.choice([c for c, q in queues.items() if q])
            order.append((cat, queues[cat].pop(0)))
        day = dt.date(2018, 12, 27)
        ident = 1240
        self.items: list[Article] = []
        for cat, title in order:
            day += dt.timedelta(days=rng.choice((0, 1, 2, 2, 3, 3, 4)))
            when = dt.datetime.combine(day, dt.time(rng.randint(7, 16), rng.randint(0, 59)))
            ident += rng.randint(1, 5)
            paragraphs = prose(rng, rng.randint(5, 8))
            keywords = [k for k, words in KEYWORDS.items() if any(w in title for w in words)]
            self.items.append(
                Article(
                    id=ident,
                    title=title,
                    category=CATEGORIES[cat],
                    published=when,
                    sapo=paragraphs[0],
                    paragraphs=paragraphs[1:],
                    author=rng.choice(["Hồ Sỹ Thắng", "Nguyễn Thị Hằng", "Phan Văn Lâm", "BTG"]),
                    keywords=keywords[:2],
                    views=rng.randint(40, 900),
                )
            )
        self.items.sort(key=lambda a: a.published, reverse=True)  # newest first
        self.by_id = {a.id: a for a in self.items}
        for a in self.items:
            self.articles[a.title] = a.friendly
        self.base = ""

    # -- helpers ------------------------------------------------------------------

    def rel(self, target: str) -> str:
        """Record a root-relative ``target``; write it relative to <base href="/">."""
        self.link(target)
        return html.escape("./" if target == "/" else target.removeprefix("/"), quote=True)

    def in_category(self, category: Category) -> list[Article]:
        return [a for a in self.items if a.category is category]

    def list_url(self, category: Category, page: int = 1, friendly: bool = False) -> str:
        if friendly:
            return f"/{category.slug}.html" if page == 1 else f"/{category.slug}/trang-{page}.html"
        url = f"/index.php?mod=news&act=list&cid={category.id}"
        return url if page == 1 else f"{url}&p={page}"

    def archive_url(self, day: dt.date) -> str:
        return f"/index.php?mod=news&act=archive&date={day.isoformat()}"

    def search_url(self, keyword: str, page: int = 1) -> str:
        url = f"/index.php?mod=news&act=search&keyword={quote_plus(keyword)}"
        return url if page == 1 else f"{url}&p={page}"

    def calendar(self) -> str:
        """The month of the latest news; days with news link their archive page."""
        latest = self.items[0].published.date()
        first = latest.replace(day=1)
        days_with_news = {a.published.date() for a in self.items}
        cells = ["<td>&nbsp;</td>"] * first.weekday()
        day = first
        while day.month == first.month:
            if day in days_with_news:
                cells.append(
                    f'<td align="center" style="background:#fde9c9"><a href="'
                    f'{self.rel(self.archive_url(day))}"><b>{day.day}</b></a></td>'
                )
            else:
                cells.append(f'<td align="center" style="color:#999">{day.day}</td>')
            day += dt.timedelta(days=1)
        while len(cells) % 7:
            cells.append("<td>&nbsp;</td>")
        rows = "".join(
            "<tr>" + "".join(cells[n : n + 7]) + "</tr>" for n in range(0, len(cells), 7)
        )
        head = "".join(
            f'<td align="center"><b>{d}</b></td>'
            for d in ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
        )
        return (
            '<table width="100%" border="0" cellspacing="1" cellpadding="2" class="calendar"'
            ' style="background:#fff; font-size:11px">'
            f'<tr><td colspan="7" align="center" style="background:#b30000; color:#fff">'
            f"<b>Tháng {first.month}/{first.year}</b></td></tr><tr>{head}</tr>{rows}</table>"
        )

    def box(self, title: str, inner: str) -> str:
        return (
            '<table width="100%" border="0" cellspacing="0" cellpadding="0" style="margin-bottom:8px">'
            f'<tr><td class="title_box" style="background:url({self.rel("/images/bg_box.gif")}) repeat-x;'
            f' height:28px; padding-left:10px; color:#fff; font-weight:bold">{title}</td></tr>'
            f'<tr><td style="border:1px solid #e0c8a0; padding:5px">{inner}</td></tr></table>'
        )

    def page(self, title: str, center: str, canonical: str | None = None) -> Response:
        menu = [
            ("/index.php", "TRANG CHỦ"),
            ("/index.php?mod=gioithieu", "GIỚI THIỆU"),
            (self.list_url(CATEGORIES[4], friendly=True), "TIN TỨC - SỰ KIỆN"),
            (self.list_url(CATEGORIES[5]), "XÂY DỰNG ĐẢNG"),
            ("/index.php?mod=document&act=list", "VĂN BẢN"),
            ("/index.php?mod=contact", "LIÊN HỆ"),
        ]
        menu_html = '<td style="color:#fff">|</td>'.join(
            f'<td align="center"><a href="{self.rel(u)}" class="menu">{n}</a></td>' for u, n in menu
        )
        marquee = " &nbsp;&nbsp; ".join(
            f'<img src="{self.rel("/images/icon_new.gif")}"> <a href="{self.rel(a.friendly)}"'
            f' class="link_marquee">{html.escape(a.title)}</a>'
            for a in self.items[:5]
        )
        links = "".join(
            f'<option value="{u}">{n}</option>'
            for u, n in [
                ("http://dangcongsan.example.vn/", "Báo điện tử Đảng Cộng sản Việt Nam"),
                ("http://nghean.example.gov.vn/", "Cổng thông tin điện tử tỉnh Nghệ An"),
                ("http://baonghean.example.vn/", "Báo Nghệ An"),
                ("http://yenthanh.example.gov.vn/", "UBND huyện Yên Thành"),
            ]
        )
        left = (
            self.box(
                "TÌM KIẾM",
                f'<form name="frmSearch" action="{self.rel("/index.php")}" method="get">'
                '<input type="hidden" name="mod" value="news"><input type="hidden" name="act"'
                ' value="search"><input type="text" name="keyword" size="18"'
                ' style="border:1px solid #ccc"> <input type="submit" value="Tìm"></form>',
            )
            + self.box("LỊCH TIN", self.calendar())
            + self.box(
                "LIÊN KẾT WEBSITE",
                '<select name="lienket" style="width:180px" onchange="if(this.value!=\'\')'
                f' window.open(this.value,\'_blank\')"><option value="">--- Chọn liên kết ---'
                f"</option>{links}</select><br><br>"
                '<a href="http://dangcongsan.example.vn/" target="_blank"><img src="'
                f'{self.rel("/images/lk_dcs.jpg")}" width="180" border="0"></a>',
            )
            + self.box(
                "THỐNG KÊ TRUY CẬP",
                '<table width="100%" style="font-size:11px"><tr><td>Đang online:</td>'
                '<td align="right">12</td></tr><tr><td>Hôm nay:</td><td align="right">347</td>'
                '</tr><tr><td>Tổng lượt truy cập:</td><td align="right">1.204.588</td></tr></table>',
            )
        )
        canonical_tag = (
            f'<link rel="canonical" href="{html.escape(self.base + canonical)}">'
            if canonical
            else ""
        )
        if canonical:
            self.link(canonical)
        text = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<base href="{html.escape(self.base)}/" />
<title>{html.escape(title)}</title>
<meta name="keywords" content="Đảng bộ huyện Yên Thành, Huyện ủy Yên Thành, Nghệ An" />
<meta name="description" content="{SITE}" />
{canonical_tag}
<link href="{self.rel("/css/style.css")}" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="{self.rel("/js/script.js")}"></script>
</head>
<body style="margin:0; background:#f3e3c3">
<a name="top"></a>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" style="background:#fff">
<tr><td><img src="{self.rel("/images/banner.jpg")}" width="1000" height="150" border="0" alt="{SITE}" /></td></tr>
<tr><td style="background:#b30000; height:32px"><table border="0" cellspacing="0" cellpadding="6" align="center"><tr>{menu_html}</tr></table></td></tr>
<tr><td style="background:#fff6e5; padding:4px; border-bottom:1px solid #e0c8a0"><table width="100%"><tr><td width="90" style="color:#b30000"><b>Tin mới:</b></td><td><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">{marquee}</marquee></td></tr></table></td></tr>
<tr><td>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr>
<td width="210" valign="top" style="padding:6px">{left}</td>
<td valign="top" style="padding:6px; border-left:1px dotted #ccc">{center}</td>
</tr>
</table>
</td></tr>
<tr><td style="background:#b30000; color:#fff; padding:10px; font-size:12px" align="center">
<b>TRANG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ HUYỆN YÊN THÀNH</b><br />
Cơ quan chủ quản: Ban Thường vụ Huyện ủy Yên Thành<br />
Địa chỉ: Khối 1, thị trấn Yên Thành, huyện Yên Thành, tỉnh Nghệ An - ĐT: 0238.3863.125 - Email: huyenuyyenthanh@example.vn<br />
Ghi rõ nguồn khi phát hành lại thông tin từ website này. Thiết kế bởi Công ty TNHH Phần mềm Hồng Lam
</td></tr>
</table>
</body>
</html>
"""
        return Response(text.encode("utf-8"))

    def list_rows(self, articles: list[Article]) -> str:
        rows = []
        for a in articles:
            rows.append(
                '<table width="100%" border="0" cellspacing="0" cellpadding="4"'
                ' style="border-bottom:1px dotted #ccc"><tr>'
                f'<td width="110" valign="top" rowspan="2"><a href="{self.rel(a.detail)}">'
                f'<img src="{self.rel(a.image)}" width="100" height="75" border="0"'
                ' style="border:1px solid #ccc" /></a></td>'
                f'<td class="title_list" valign="top"><a href="{self.rel(a.detail)}"'
                f' class="link_title">{html.escape(a.title)}</a>'
                f' <font color="#999999" size="1">({a.published:%d/%m/%Y})</font></td></tr>'
                f'<tr><td class="sapo_list" valign="top" style="text-align:justify">'
                f"{html.escape(a.sapo[:260])}...</td></tr></table>"
            )
        return "\n".join(rows)

    def pager(self, page: int, pages: int, url) -> str:
        if pages < 2:
            return ""
        parts = []
        if page > 1:
            parts.append(f'<a href="{self.rel(url(1))}" class="link_page">&laquo;&laquo;</a>')
            parts.append(f'<a href="{self.rel(url(page - 1))}" class="link_page">&laquo;</a>')
        for n in range(1, pages + 1):
            if n == page:
                parts.append(f'<b style="color:#b30000">[{n}]</b>')
            else:
                parts.append(f'<a href="{self.rel(url(n))}" class="link_page">{n}</a>')
        if page < pages:
            parts.append(f'<a href="{self.rel(url(page + 1))}" class="link_page">&raquo;</a>')
            parts.append(f'<a href="{self.rel(url(pages))}" class="link_page">&raquo;&raquo;</a>')
        return (
            '<div align="center" style="padding:8px" class="phantrang">Trang: '
            + " ".join(parts)
            + "</div>"
        )

    def path_bar(self, *crumbs: tuple[str, str | None]) -> str:
        parts = [f'<a href="{self.rel("/index.php")}" class="link_path">Trang chủ</a>']
        for name, url in crumbs:
            parts.append(f'<a href="{self.rel(url)}" class="link_path">{name}</a>' if url else name)
        return (
            '<table width="100%" border="0" cellspacing="0" cellpadding="5"><tr>'
            '<td class="path" style="border-bottom:2px solid #b30000; font-weight:bold">'
            + " &raquo; ".join(parts)
            + "</td></tr></table>"
        )

    # -- routing ------------------------------------------------------------------

    def lookup(self, request: Request) -> Response | None:
        self.base = request.base_url
        path = request.path
        query = {k: v[0] for k, v in parse_qs(request.query).items()}
        if path in ("/", "/index.php"):
            return self.index(request, query)
        if path == "/print.php":
            article = self.by_id.get(int(query["id"])) if query.get("id", "").isdigit() else None
            return self.print_view(article) if article else None
        if path.startswith(("/images/", "/upload/", "/css/", "/js/")):
            return self.asset(path)
        for category in CATEGORIES.values():
            if category.id in FRIENDLY_LISTING:
                if path == f"/{category.slug}.html":
                    return self.listing(category, 1, friendly=True)
                paged = re.fullmatch(rf"/{category.slug}/trang-(\d+)\.html", path)
                if paged:
                    return self.listing(category, int(paged.group(1)), friendly=True)
            detail = re.fullmatch(rf"/{category.slug}/(\d+)/[a-z0-9-]+\.html", path)
            if detail:
                article = self.by_id.get(int(detail.group(1)))
                if article and article.category is category:
                    return self.detail(article)
        return None

    def index(self, request: Request, query: dict[str, str]) -> Response | None:
        mod, act = query.get("mod"), query.get("act", "")
        page = int(query["p"]) if query.get("p", "").isdigit() else 1
        if mod is None:
            return self.home()
        if mod == "news":
            category = CATEGORIES.get(int(query["cid"])) if query.get("cid", "").isdigit() else None
            if act == "list" and category:
                return self.listing(category, page)
            if act == "detail":
                ident = int(query["id"]) if query.get("id", "").isdigit() else 0
                article = self.by_id.get(ident)
                return self.detail(article) if article else None
            if act == "archive":
                try:
                    day = dt.date.fromisoformat(query.get("date", ""))
                except ValueError:
                    return None
                return self.archive(day)
            if act == "search":
                return self.search(query.get("keyword", ""), page)
            return None
        if mod == "gioithieu":
            return self.about()
        if mod == "document" and act == "list":
            return self.documents()
        if mod == "contact":
            return self.contact(sent=request.method == "POST")
        return None

    # -- pages --------------------------------------------------------------------

    def home(self) -> Response:
        hot = self.items[0]
        latest = "".join(
            f'<tr><td valign="top" width="12"><img src="{self.rel("/images/bullet.gif")}" /></td>'
            f'<td><a href="{self.rel(a.friendly)}" class="link_new">{html.escape(a.title)}</a>'
            f' <font color="#999999" size="1">({a.published:%d/%m})</font></td></tr>'
            for a in self.items[1:7]
        )
        center = [
            '<table width="100%" border="0" cellspacing="0" cellpadding="5"><tr>'
            f'<td width="55%" valign="top"><a href="{self.rel(hot.friendly)}"><img src="'
            f'{self.rel(hot.image)}" width="300" height="210" border="0" /></a><br />'
            f'<a href="{self.rel(hot.friendly)}" class="title_hot"><b>{html.escape(hot.title)}'
            f'</b></a><div class="sapo_hot" style="text-align:justify">{html.escape(hot.sapo)}'
            "</div></td>"
            f'<td valign="top" style="border-left:1px dotted #ccc"><b style="color:#b30000">'
            f'TIN MỚI CẬP NHẬT</b><table width="100%" cellpadding="3">{latest}</table></td>'
            "</tr></table>"
        ]
        for category in CATEGORIES.values():
            first, *rest = self.in_category(category)[:5]
            items = "".join(
                f'<li><a href="{self.rel(a.friendly)}" class="link_cat">{html.escape(a.title)}</a></li>'
                for a in rest
            )
            center.append(
                '<table width="100%" border="0" cellspacing="0" cellpadding="0" style="margin-top:8px">'
                f'<tr><td class="title_cat" style="border-bottom:2px solid #b30000"><a href="'
                f'{self.rel(self.list_url(category))}" class="link_cat_title"><b>'
                f'{category.name.upper()}</b></a></td><td align="right" style="border-bottom:2px'
                f' solid #b30000"><a href="{self.rel(self.list_url(category))}" class="xemtiep">'
                "Xem tiếp &raquo;</a></td></tr>"
                f'<tr><td colspan="2" valign="top" style="padding:5px"><a href="'
                f'{self.rel(first.friendly)}"><img src="{self.rel(first.image)}" width="120"'
                f' height="90" align="left" hspace="5" border="0" /></a><a href="'
                f'{self.rel(first.friendly)}" class="link_title"><b>{html.escape(first.title)}</b>'
                f"</a><br />{html.escape(first.sapo[:200])}...<ul>{items}</ul></td></tr></table>"
            )
        return self.page(SITE, "\n".join(center))

    def listing(self, category: Category, page: int, friendly: bool = False) -> Response | None:
        articles = self.in_category(category)
        pages = (len(articles) + PER_PAGE - 1) // PER_PAGE
        if not 1 <= page <= pages:
            return None
        shown = articles[(page - 1) * PER_PAGE : page * PER_PAGE]
        center = (
            self.path_bar((category.name, None))
            + self.list_rows(shown)
            + self.pager(page, pages, lambda n: self.list_url(category, n, friendly))
        )
        return self.page(f"{category.name} - {SITE}", center)

    def body(self, article: Article) -> str:
        paragraphs = [
            f'<p style="text-align: justify;">{html.escape(p)}</p>' for p in article.paragraphs
        ]
        paragraphs.insert(
            1,
            f'<p align="center"><img src="{self.rel(article.image)}" width="450" border="0" /><br />'
            f"<i>Ảnh: {article.author}</i></p>",
        )
        return (
            '<div class="content_news">\n'
            + "\n".join(paragraphs)
            + f'\n<p align="right"><b>{article.author}</b></p>\n</div>'
        )

    def detail(self, article: Article) -> Response:
        cat = article.category
        at = self.items.index(article)
        others = [a for a in self.items if a.category is cat and a.published < article.published]
        if len(others) < OTHERS:
            newer = [a for a in self.items[:at] if a.category is cat]
            others = others + newer[::-1][: OTHERS - len(others)]
        others_html = "".join(
            f'&gt;&gt; <a href="{self.rel(a.detail)}" class="link_other">{html.escape(a.title)}</a>'
            f' <font color="#999999">({a.published:%d/%m/%Y})</font><br />\n'
            for a in others[:OTHERS]
        )
        keywords = ", ".join(
            f'<a href="{self.rel(self.search_url(k))}" class="link_keyword">{k}</a>'
            for k in article.keywords
        )
        keyword_html = (
            f'<div class="keyword" style="padding:5px 0">Từ khóa: {keywords}</div>'
            if keywords
            else ""
        )
        when = article.published
        center = (
            self.path_bar((cat.name, self.list_url(cat)))
            + '<table width="100%" border="0" cellspacing="0" cellpadding="4">'
            f'<tr><td class="title_news" style="font-size:17px; font-weight:bold; color:#b30000;'
            f' padding-top:8px">{html.escape(article.title)}</td></tr>'
            f'<tr><td class="date_news" style="color:#888; font-size:11px">Cập nhật:'
            f" {when:%d/%m/%Y} - {clock(when)}</td></tr>"
            f'<tr><td class="sapo_news" style="text-align:justify"><b>{html.escape(article.sapo)}'
            "</b></td></tr>"
            f"<tr><td>\n{self.body(article)}\n"
            '<div style="text-align:right; padding:5px; border-top:1px dotted #ccc">'
            f'Số lượt xem: {article.views} &nbsp;|&nbsp; <img src="{self.rel("/images/print.gif")}"'
            f' border="0" /> <a href="{self.rel(f"/print.php?id={article.id}")}" target="_blank"'
            ' class="link_tool">In bài viết</a> &nbsp;|&nbsp; <a href="javascript:history.back()"'
            ' class="link_tool">Quay lại</a> &nbsp;|&nbsp; <a href="#top" class="link_tool">'
            "Lên đầu trang</a></div>\n"
            f"{keyword_html}\n"
            f"<br /><b>Các tin đã đưa:</b><br />\n{others_html}"
            "</td></tr></table>"
        )
        return self.page(f"{article.title} - {SITE}", center, canonical=article.friendly)

    def print_view(self, article: Article) -> Response:
        when = article.published
        text = f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>In bài viết - {html.escape(article.title)}</title>
<style type="text/css">body {{ font-family: Arial, Helvetica, sans-serif; font-size: 13px; }}</style>
</head>
<body onload="window.print()">
<table width="650" border="0" align="center" cellpadding="4" cellspacing="0">
<tr><td style="border-bottom:2px solid #000"><img src="{self.rel("/images/logo_print.gif")}" /> <b>{SITE.upper()}</b></td></tr>
<tr><td class="title_news" style="font-size:16px; font-weight:bold">{html.escape(article.title)}</td></tr>
<tr><td class="date_news">Cập nhật: {when:%d/%m/%Y} - {clock(when)}</td></tr>
<tr><td><b>{html.escape(article.sapo)}</b></td></tr>
<tr><td>{self.body(article)}</td></tr>
<tr><td style="border-top:1px solid #000; font-size:11px">Nguồn: {html.escape(self.base + article.friendly)}</td></tr>
</table>
</body>
</html>
"""
        return Response(text.encode("utf-8"))

    def archive(self, day: dt.date) -> Response:
        found = [a for a in self.items if a.published.date() == day]
        rows = (
            self.list_rows(found)
            if found
            else ('<div style="padding:20px; color:#b30000" align="center">Không có tin</div>')
        )
        nav = []
        if day > dt.date.min:
            nav.append(
                f'<a href="{self.rel(self.archive_url(day - dt.timedelta(days=1)))}"'
                ' class="link_page">&laquo; Ngày trước</a>'
            )
        if day < dt.date.max:
            nav.append(
                f'<a href="{self.rel(self.archive_url(day + dt.timedelta(days=1)))}"'
                ' class="link_page">Ngày sau &raquo;</a>'
            )
        center = (
            self.path_bar(("Lịch tin", None))
            + f'<div class="title_cat" style="padding:6px; font-weight:bold">Tin ngày {day:%d/%m/%Y}</div>'
            + rows
            + f'<div align="center" style="padding:8px">{" | ".join(nav)}</div>'
        )
        return self.page(f"Tin ngày {day:%d/%m/%Y} - {SITE}", center)

    def search(self, keyword: str, page: int) -> Response | None:
        words = KEYWORDS.get(keyword, (keyword,))
        found = [
            a
            for a in self.items
            if keyword
            and (keyword in a.keywords or any(w.lower() in a.title.lower() for w in words))
        ]
        pages = max(1, (len(found) + 9) // 10)
        if page > pages:
            return None
        shown = found[(page - 1) * 10 : page * 10]
        rows = (
            self.list_rows(shown)
            if shown
            else (
                '<div style="padding:20px" align="center">Không tìm thấy kết quả nào phù hợp.</div>'
            )
        )
        center = (
            self.path_bar(("Tìm kiếm", None))
            + f'<div style="padding:6px">Kết quả tìm kiếm với từ khóa: <b>{html.escape(keyword)}</b>'
            f" ({len(found)} kết quả)</div>"
            + rows
            + self.pager(page, pages, lambda n: self.search_url(keyword, n))
        )
        return self.page(f"Tìm kiếm - {SITE}", center)

    def about(self) -> Response:
        center = self.path_bar(("Giới thiệu", None)) + (
            '<div class="content_static" style="padding:8px; text-align:justify">'
            "<p><b>Huyện Yên Thành</b> nằm ở phía Tây Bắc tỉnh Nghệ An, có diện tích tự nhiên"
            " 547 km², gồm 38 xã, 1 thị trấn. Đảng bộ huyện hiện có 72 tổ chức cơ sở đảng với"
            " hơn 15.000 đảng viên.</p>"
            "<p>Trang thông tin điện tử Đảng bộ huyện Yên Thành do Ban Thường vụ Huyện ủy chủ"
            " quản, Ban Tuyên giáo Huyện ủy thường trực biên tập, có nhiệm vụ thông tin về hoạt"
            " động của Đảng bộ, chính quyền và nhân dân trong huyện.</p></div>"
        )
        return self.page(f"Giới thiệu - {SITE}", center)

    def documents(self) -> Response:
        rows = "".join(
            f'<tr><td align="center">{n}</td><td>{number}</td><td align="center">{date}</td>'
            f'<td>{title}</td><td align="center"><a href="{self.rel(f"/upload/files/2019/{name}")}"'
            f' target="_blank"><img src="{self.rel("/images/pdf.gif")}" border="0" /> Tải về</a></td></tr>'
            for n, (number, date, title, name) in enumerate(DOCUMENTS, 1)
        )
        center = self.path_bar(("Văn bản", None)) + (
            '<table width="100%" border="1" cellspacing="0" cellpadding="4"'
            ' style="border-collapse:collapse; border-color:#ccc">'
            '<tr style="background:#f3e3c3"><td><b>STT</b></td><td><b>Số hiệu</b></td>'
            "<td><b>Ngày ban hành</b></td><td><b>Trích yếu</b></td><td><b>Tệp</b></td></tr>"
            f"{rows}</table>"
        )
        return self.page(f"Văn bản - {SITE}", center)

    def contact(self, sent: bool) -> Response:
        notice = (
            '<div style="color:green; padding:5px">Cảm ơn bạn đã gửi thông tin liên hệ!</div>'
            if sent
            else ""
        )
        center = self.path_bar(("Liên hệ", None)) + (
            f'{notice}<form action="{self.rel("/index.php?mod=contact&act=send")}" method="post">'
            '<table cellpadding="4"><tr><td>Họ và tên:</td><td><input type="text" name="hoten"'
            ' size="40"></td></tr><tr><td>Email:</td><td><input type="text" name="email"'
            ' size="40"></td></tr><tr><td>Tiêu đề:</td><td><input type="text" name="tieude"'
            ' size="40"></td></tr><tr><td valign="top">Nội dung:</td><td><textarea name="noidung"'
            ' cols="45" rows="8"></textarea></td></tr><tr><td></td><td><input type="submit"'
            ' value="Gửi liên hệ"> <input type="reset" value="Nhập lại"></td></tr></table></form>'
        )
        return self.page(f"Liên hệ - {SITE}", center)

    def asset(self, path: str) -> Response | None:
        if path == "/css/style.css":
            return Response(b".title_news{color:#b30000}", "text/css")
        if path == "/js/script.js":
            return Response(
                b"function popup(u){window.open(u,'','width=700,height=600')}",
                "application/x-javascript",
            )
        if path.startswith("/upload/files/") and path.endswith(".pdf"):
            name = path.rsplit("/", 1)[1]
            return (
                Response(PDF, "application/pdf") if any(d[3] == name for d in DOCUMENTS) else None
            )
        if path.endswith((".gif", ".jpg", ".png")):
            return Response(GIF, "image/gif")
        return None


def make_site() -> CorpusSite:
    return InhousePortal()
