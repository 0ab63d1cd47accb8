"""A Joomla 3.x provincial portal (SEF URLs off, a protostar-derived template), as the
Ban Tuyên giáo of many provinces ran it in the late 2010s.

Everything is `/index.php?...`: the home page (featured view), two category blogs with
Joomla's pagination (`&limitstart=5`, page 1 also linked as `&limitstart=0`), articles
`/index.php?option=com_content&view=article&id=345:alias&catid=12&Itemid=105`.

Traps:
- every article links its print view (`&tmpl=component&print=1&layout=default&page=`,
  the same text without chrome, robots noindex) and a com_mailto form page;
- under the article body, inside the main column, the "Các tin khác" module (headline
  links of the category) and Joomla's `<ul class="pager pagenav">` to the previous and
  next ARTICLES, which looks like a listing's pager;
- a blog page ends with "Xem thêm" links to the next page's articles;
- "Giới thiệu" is a com_content article (same item-page markup, no date): a static page;
- category feeds (`&format=feed&limitstart=&type=rss|atom`) and the home feeds;
- `<base href>` is the current URL without query, as Joomla 3 writes it.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import random
import re
from dataclasses import dataclass
from email.utils import format_datetime
from urllib.parse import parse_qs

from cms_sites.base import ATOM, RSS, TEXT, CorpusSite, slugify
from tuyengiao_crawler.demo_site.serving import Request, Response

SITE = "Ban Tuyên giáo Tỉnh ủy Quảng Trị"
ICT = dt.timezone(dt.timedelta(hours=7))
PER_PAGE = 5  # 1 leading + 4 intro articles
MORE_LINKS = 3  # "Xem thêm" links after the intro articles
MEDIA = "8d3d1e46bed2ac7e6f35e9bcc2c25ff6"
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@dataclass(frozen=True)
class Category:
    id: int
    itemid: int
    alias: str
    name: str
    description: str


CATEGORIES = {
    12: Category(
        12,
        105,
        "tin-hoat-dong",
        "Tin hoạt động",
        "Tin tức về hoạt động của ngành Tuyên giáo tỉnh và các huyện, thị, thành ủy.",
    ),
    14: Category(
        14,
        107,
        "nghien-cuu-trao-doi",
        "Nghiên cứu - Trao đổi",
        "Bài viết nghiên cứu, trao đổi về lý luận chính trị và thực tiễn công tác xây dựng Đảng.",
    ),
}

HEADLINES = {
    12: [
        "Kiểm tra công tác tuyên giáo tại Đảng bộ huyện Vĩnh Linh",
        "Hội nghị quán triệt Nghị quyết Trung ương 8 khóa XII cho cán bộ chủ chốt toàn tỉnh",
        "Đoàn công tác Ban Tuyên giáo Trung ương làm việc tại Quảng Trị",
        "Ban Tuyên giáo Huyện ủy Hải Lăng tổng kết công tác dư luận xã hội năm 2018",
        "Hội nghị tổng kết công tác tuyên giáo năm 2018, triển khai nhiệm vụ năm 2019",
        "Tọa đàm kỷ niệm 89 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "Khai mạc triển lãm ảnh Quảng Trị - Những chặng đường lịch sử",
        "Hội thảo khoa học về Đảng bộ tỉnh lãnh đạo sự nghiệp đổi mới",
        "Giao ban công tác tuyên giáo khối các huyện, thị xã quý I năm 2019",
        "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 3 năm 2019",
        "Tập huấn nghiệp vụ công tác tuyên giáo cho cán bộ cơ sở năm 2019",
        "Bồi dưỡng lý luận chính trị cho đảng viên mới đợt 1 năm 2019",
        "Hội nghị cộng tác viên dư luận xã hội toàn tỉnh năm 2019",
        "Ra mắt mô hình Dân vận khéo gắn với học tập và làm theo Bác tại xã Gio Mỹ",
        "Phát động Cuộc thi sáng tác tác phẩm văn học, nghệ thuật, báo chí về học tập và làm theo Bác",
        "Sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị",
    ],
    14: [
        "Nâng cao chất lượng sinh hoạt chi bộ ở nông thôn hiện nay",
        "Đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng",
        "Phát huy vai trò của đội ngũ báo cáo viên trong tình hình mới",
        "Một số giải pháp nâng cao hiệu quả công tác nắm bắt dư luận xã hội",
        "Xây dựng văn hóa công sở gắn với học tập và làm theo Bác",
        "Vai trò của người đứng đầu trong phòng, chống suy thoái tư tưởng chính trị",
        "Đổi mới nội dung, phương thức công tác tuyên truyền miệng ở cơ sở",
        "Bảo vệ nền tảng tư tưởng của Đảng qua góc nhìn của cán bộ cơ sở",
        "Tư tưởng Hồ Chí Minh về công tác cán bộ và giá trị thời sự",
        "Giữ gìn bản sắc văn hóa đồng bào Vân Kiều, Pa Kô trong thời kỳ hội nhập",
        "Nâng cao hiệu quả học tập lý luận chính trị tại Trung tâm chính trị cấp huyện",
        "Phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước",
        "Công tác giáo dục truyền thống cách mạng cho thế hệ trẻ",
        "Ứng dụng công nghệ thông tin trong công tác tuyên giáo",
    ],
}

PLACES = [
    "thành phố Đông Hà",
    "thị xã Quảng Trị",
    "huyện Vĩnh Linh",
    "huyện Gio Linh",
    "huyện Cam Lộ",
    "huyện Triệu Phong",
    "huyện Hải Lăng",
    "huyện Hướng Hóa",
    "huyện Đakrông",
]
PEOPLE = [
    "đồng chí Nguyễn Văn Hùng, Trưởng Ban Tuyên giáo Tỉnh ủy",
    "đồng chí Lê Thị Thu Hà, Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
    "đồng chí Trần Quốc Bảo, Phó Trưởng Ban Thường trực Ban Tuyên giáo Tỉnh ủy",
    "đồng chí Hoàng Minh Tuấn, Ủy viên Ban Thường vụ Tỉnh ủy",
    "đồng chí Phan Thị Lan, Trưởng phòng Lý luận chính trị",
]
DOCUMENTS = [
    "Nghị quyết Trung ương 4 khóa XII",
    "Chỉ thị số 05-CT/TW của Bộ Chính trị",
    "Nghị quyết số 35-NQ/TW của Bộ Chính trị",
    "Kết luận số 01-KL/TW",
    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI",
]
SENTENCES = [
    "Các đại biểu đã tập trung thảo luận, làm rõ những kết quả đạt được, chỉ ra hạn chế, nguyên nhân và đề xuất giải pháp khắc phục trong thời gian tới.",
    "Năm qua, ngành Tuyên giáo tỉnh đã bám sát chủ trương của Trung ương, của Tỉnh ủy, chủ động tham mưu và tổ chức thực hiện {pt}% chỉ tiêu đề ra.",
    "Công tác nắm bắt, định hướng dư luận xã hội được thực hiện thường xuyên, với {so} báo cáo chuyên đề gửi cấp ủy các cấp.",
    "Việc học tập, quán triệt {doc} được triển khai nghiêm túc, bảo đảm tỷ lệ cán bộ, đảng viên tham gia đạt trên {pt}%.",
    "Tại {place}, cấp ủy đã chỉ đạo xây dựng {so} mô hình, điển hình trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Phát biểu chỉ đạo, {person} ghi nhận, biểu dương những kết quả mà đội ngũ làm công tác tuyên giáo đã đạt được.",
    "{person} đề nghị các cấp ủy tiếp tục đổi mới nội dung, phương thức tuyên truyền, gắn lý luận với thực tiễn của địa phương.",
    "Bên cạnh kết quả đạt được, công tác tuyên truyền ở một số cơ sở còn hình thức, chưa sát với đặc điểm của từng đối tượng.",
    "Đội ngũ báo cáo viên, tuyên truyền viên cơ sở được kiện toàn, hiện có {so} người, phần lớn có trình độ lý luận chính trị trung cấp trở lên.",
    "Các cơ quan báo chí trên địa bàn đã đăng tải hàng nghìn tin, bài phản ánh kịp thời đời sống chính trị, kinh tế, văn hóa, xã hội của tỉnh.",
    "Hội nghị cũng đã nghe tham luận của đại diện Ban Tuyên giáo các huyện ủy, thị ủy, thành ủy về kinh nghiệm triển khai nhiệm vụ.",
    "Nhiều cách làm hay, sáng tạo ở {place} đã được nhân rộng, tạo sức lan tỏa trong cán bộ, đảng viên và nhân dân.",
    "Thời gian tới, cần tiếp tục tăng cường công tác bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch.",
    "Các cấp ủy cần quan tâm hơn nữa đến việc bồi dưỡng nghiệp vụ, nâng cao chất lượng đội ngũ cán bộ làm công tác tuyên giáo.",
    "Qua kiểm tra cho thấy, {pt}% chi bộ đã đưa nội dung học tập chuyên đề vào sinh hoạt định kỳ hằng tháng.",
    "Việc ứng dụng công nghệ thông tin, mạng xã hội trong công tác tuyên truyền được các địa phương chú trọng triển khai.",
    "Trung tâm Chính trị cấp huyện đã mở {so} lớp bồi dưỡng, thu hút đông đảo cán bộ, đảng viên tham gia.",
    "Đây là dịp để các địa phương, đơn vị trao đổi kinh nghiệm, cùng tháo gỡ khó khăn, vướng mắc trong quá trình thực hiện.",
    "Dịp này, {so} tập thể và cá nhân có thành tích xuất sắc đã được khen thưởng.",
    "Nhìn chung, cán bộ, đảng viên và nhân dân trong tỉnh tin tưởng vào sự lãnh đạo của Đảng, đồng tình với các chủ trương, chính sách mới.",
    "Tình hình tư tưởng trong Đảng bộ cơ bản ổn định; đời sống của nhân dân từng bước được cải thiện.",
    "Lý luận và thực tiễn đều cho thấy, xây dựng Đảng về đạo đức là nhiệm vụ vừa cơ bản, vừa cấp bách trong giai đoạn hiện nay.",
    "Tác giả cho rằng cần phát huy hơn nữa vai trò nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu.",
    "Ở nhiều chi bộ nông thôn, nội dung sinh hoạt còn đơn điệu, chủ yếu là triển khai công việc hành chính, ít thảo luận chuyên đề.",
]


def prose(rng: random.Random, count: int) -> list[str]:
    """``count`` paragraphs of 2-3 sentences, none repeated within the text."""
    picks = rng.sample(SENTENCES, count * 3)
    out = []
    for n in range(count):
        chosen = picks[n * 3 : n * 3 + rng.choice((2, 3))]
        sentences = []
        for s in chosen:
            s = s.format(
                pt=rng.randint(86, 99),
                so=rng.randint(12, 480),
                doc=rng.choice(DOCUMENTS),
                place=rng.choice(PLACES),
                person=rng.choice(PEOPLE),
            )
            sentences.append(s[0].upper() + s[1:])
        out.append(" ".join(sentences))
    return out


def truncate(text: str, limit: int) -> str:
    """Joomla's string.truncate: cut at a word, add '...'."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "..."


@dataclass
class Article:
    id: int
    title: str
    category: Category
    published: dt.datetime
    hits: int
    lead: str
    paragraphs: list[str]
    author: str

    @property
    def alias(self) -> str:
        return slugify(self.title)

    @property
    def url(self) -> str:
        return (
            f"/index.php?option=com_content&view=article&id={self.id}:{self.alias}"
            f"&catid={self.category.id}&Itemid={self.category.itemid}"
        )

    @property
    def image(self) -> str:
        return f"/images/tin-tuc/{self.published:%Y/%m}/anh-{self.id}.jpg"


def category_url(category: Category, start: int | None = None) -> str:
    url = f"/index.php?option=com_content&view=category&id={category.id}&Itemid={category.itemid}"
    return url if start is None else f"{url}&limitstart={start}"


ABOUT_URL = "/index.php?option=com_content&view=article&id=2&Itemid=102"
CONTACT_URL = "/index.php?option=com_contact&view=contact&id=1&Itemid=104"


class JoomlaPortal(CorpusSite):
    family = "joomla"
    start_path = "/index.php"

    def __init__(self) -> None:
        super().__init__()
        rng = random.Random(1254)
        # The two categories' headlines (each oldest first) merged at random.
        queues = {c: list(HEADLINES[c]) for c in HEADLINES}
        order = []
        while any(queues.values()):
            cat = rng.choice([c for c, q in queues.items() if q])
            order.append((cat, queues[cat].pop(0)))
        # Oldest first: ids grow with the date, as Joomla assigns them.
        when = dt.datetime(2018, 11, 8, 8, 0, tzinfo=ICT)
        self.items: dict[int, Article] = {}
        for n, (cat, title) in enumerate(order):
            when += dt.timedelta(days=rng.randint(3, 7), minutes=rng.randint(-90, 90))
            paragraphs = prose(rng, rng.randint(4, 7))
            article = Article(
                id=330 + n,
                title=title,
                category=CATEGORIES[cat],
                published=when,
                hits=rng.randint(95, 940),
                lead=paragraphs[0],
                paragraphs=paragraphs,
                author=rng.choice(["Hoài Nam", "Thanh Tâm", "Minh Đức", "BTG"]),
            )
            self.items[article.id] = article
            self.articles[title] = article.url
        self.assets: set[str] = set()

    # -- helpers ------------------------------------------------------------------

    def asset(self, path: str) -> str:
        self.assets.add(path.split("?")[0])
        return self.link(path)

    def newest(self, category: Category | None = None) -> list[Article]:
        found = [a for a in self.items.values() if category is None or a.category is category]
        return sorted(found, key=lambda a: a.published, reverse=True)

    def info(self, article: Article, category_link: bool = True) -> str:
        cat = article.category
        genre = (
            f'<a href="{self.link(category_url(cat))}" itemprop="genre">{cat.name}</a>'
            if category_link
            else f'<span itemprop="genre">{cat.name}</span>'
        )
        utc = article.published.astimezone(dt.UTC)
        return (
            '<dl class="article-info muted">\n<dt class="article-info-term">Chi tiết</dt>\n'
            f'<dd class="category-name">Danh mục: {genre}</dd>\n'
            f'<dd class="published"><span class="icon-calendar" aria-hidden="true"></span>'
            f' <time datetime="{utc:%Y-%m-%dT%H:%M:%S}+00:00" itemprop="datePublished">'
            f"Ngày đăng: {article.published.day} Tháng {article.published.month}"
            f" {article.published.year}</time></dd>\n"
            f'<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span>'
            f' <meta itemprop="interactionCount" content="UserPageVisits:{article.hits}" />'
            f"Lượt xem: {article.hits}</dd>\n</dl>"
        )

    def module_list(self, title: str, css: str, articles: list[Article]) -> str:
        items = "".join(
            f'<li itemscope itemtype="https://schema.org/Article"><a href="{self.link(a.url)}"'
            f' itemprop="url"><span itemprop="name">{html.escape(a.title)}</span></a></li>\n'
            for a in articles
        )
        return (
            f'<div class="well {css}"><h3 class="page-header">{title}</h3>\n'
            f'<ul class="{css} mod-list">\n{items}</ul>\n</div>'
        )

    def sidebar(self) -> str:
        latest = self.module_list("Tin mới nhất", "latestnews", self.newest()[:6])
        popular = self.module_list(
            "Đọc nhiều nhất",
            "mostread",
            sorted(self.items.values(), key=lambda a: a.hits, reverse=True)[:5],
        )
        sites = [
            ("http://dangcongsan.example.vn/", "Báo điện tử Đảng Cộng sản Việt Nam"),
            ("http://tuyengiao.example.vn/", "Ban Tuyên giáo Trung ương"),
            ("http://quangtri.example.gov.vn/", "Cổng thông tin điện tử tỉnh Quảng Trị"),
            ("http://baoquangtri.example.vn/", "Báo Quảng Trị"),
        ]
        options = "".join(f'<option value="{u}">{n}</option>' for u, n in sites)
        banners = "".join(
            f'<a href="{u}" target="_blank" rel="noopener">'
            f'<img src="{self.asset(f"/images/banners/lk-{i}.jpg")}" alt="{n}" /></a>\n'
            for i, (u, n) in enumerate(sites[:2], 1)
        )
        return (
            f"{latest}\n{popular}\n"
            '<div class="well lienket"><h3 class="page-header">Liên kết website</h3>\n'
            f'<div class="custom lienket">{banners}'
            '<select name="lienket" onchange="if (this.value) window.open(this.value)">'
            f'<option value="">-- Chọn liên kết --</option>{options}</select></div></div>\n'
            '<div class="well thongke"><h3 class="page-header">Thống kê truy cập</h3>'
            '<div class="mod_vvisit_counter"><table><tr><td>Hôm nay</td><td>1.208</td></tr>'
            "<tr><td>Hôm qua</td><td>1.964</td></tr><tr><td>Tổng cộng</td><td>2.451.307</td>"
            "</tr></table><p>Đang trực tuyến: 37</p></div></div>"
        )

    def page(
        self,
        request: Request,
        title: str,
        component: str,
        *,
        body_class: str,
        crumbs: list[tuple[str, str | None]],
        head: str = "",
        below: str = "",
        description: str = "Ban Tuyên giáo Tỉnh ủy Quảng Trị - Trang thông tin điện tử",
    ) -> Response:
        menu_items = [
            (101, "/index.php", "Trang chủ"),
            (102, ABOUT_URL, "Giới thiệu"),
            (105, category_url(CATEGORIES[12]), "Tin hoạt động"),
            (107, category_url(CATEGORIES[14]), "Nghiên cứu - Trao đổi"),
            (104, CONTACT_URL, "Liên hệ"),
        ]
        menu = "".join(
            f'<li class="item-{i}"><a href="{self.link(u)}">{n}</a></li>' for i, u, n in menu_items
        )
        trail = []
        for n, (name, url) in enumerate(crumbs, 1):
            if url:
                trail.append(
                    '<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">'
                    f'<a itemprop="item" href="{self.link(url)}" class="pathway">'
                    f'<span itemprop="name">{html.escape(name)}</span></a>'
                    f'<span class="divider"> / </span><meta itemprop="position" content="{n}"></li>'
                )
            else:
                trail.append(
                    '<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"'
                    f' class="active"><span itemprop="name">{html.escape(name)}</span>'
                    f'<meta itemprop="position" content="{n}"></li>'
                )
        base = request.base_url + request.path
        text = f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
	<meta name="viewport" content="width=device-width, initial-scale=1.0" />
	<meta charset="utf-8" />
	<base href="{html.escape(base)}" />
	<meta name="keywords" content="tuyên giáo, Quảng Trị, Tỉnh ủy, xây dựng Đảng" />
	<meta name="description" content="{html.escape(description)}" />
	<meta name="generator" content="Joomla! - Open Source Content Management" />
	<title>{html.escape(title)}</title>
	{head}
	<link href="{self.asset("/templates/tuyengiao/favicon.ico")}" rel="shortcut icon" type="image/vnd.microsoft.icon" />
	<link href="{self.asset("/templates/tuyengiao/css/template.css?" + MEDIA)}" rel="stylesheet" />
	<script src="{self.asset("/media/jui/js/jquery.min.js?" + MEDIA)}"></script>
	<script src="{self.asset("/media/system/js/caption.js?" + MEDIA)}"></script>
	<script>jQuery(window).on('load',  function() {{ new JCaption('img.caption'); }});</script>
</head>
<body class="site {body_class}">
<div class="body" id="top"><div class="container">
<header class="header" role="banner"><div class="header-inner clearfix">
<a class="brand pull-left" href="{self.link("/")}"><img src="{self.asset("/images/banners/logo-btg.png")}" alt="{SITE}" /></a>
<div class="header-search pull-right"><div class="search">
<form action="{self.link("/index.php")}" method="post" class="form-inline" role="search">
<label for="mod-search-searchword" class="element-invisible">Tìm kiếm...</label>
<input name="searchword" id="mod-search-searchword" maxlength="200" class="inputbox search-query input-medium" type="search" placeholder="Tìm kiếm..." />
<input type="hidden" name="task" value="search" /><input type="hidden" name="option" value="com_search" /><input type="hidden" name="Itemid" value="101" />
</form></div></div>
</div></header>
<nav class="navigation" role="navigation"><div class="navbar pull-left"><a class="btn btn-navbar collapsed" data-toggle="collapse" data-target=".nav-collapse"><span class="element-invisible">Menu</span></a></div>
<div class="nav-collapse"><ul class="nav menu nav-pills mod-list">{menu}</ul></div></nav>
<div class="moduletable banner-top"><div class="bannergroup"><div class="banneritem"><img src="{self.asset("/images/banners/chao-mung-dai-hoi.jpg")}" alt="Chào mừng Đại hội đại biểu Đảng bộ tỉnh" /></div></div></div>
<div class="row-fluid">
<main id="content" role="main" class="span9">
<div aria-label="Breadcrumbs" role="navigation"><ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb"><li>Bạn đang ở: &#160;</li>{"".join(trail)}</ul></div>
<div id="system-message-container"></div>
{component}
{below}
</main>
<div id="aside" class="span3">{self.sidebar()}</div>
</div>
</div></div>
<footer class="footer" role="contentinfo"><div class="container"><hr />
<div class="custom"><p><strong>BAN TUYÊN GIÁO TỈNH ỦY QUẢNG TRỊ</strong></p>
<p>Địa chỉ: Số 45 Hùng Vương, phường 1, thành phố Đông Hà, tỉnh Quảng Trị</p>
<p>Điện thoại: 0233.3852.134 - Fax: 0233.3852.135 - Email: <span id="cloak7f1c">Địa chỉ email này đang được bảo vệ khỏi chương trình chống thư rác, bạn cần bật JavaScript để xem nó.</span><script type='text/javascript'>
 document.getElementById('cloak7f1c').innerHTML = '';
 var prefix = '&#109;a' + 'i&#108;' + '&#116;o';
 var addy7f1c = 'bantuyengiao' + '&#64;' + 'quangtri' + '&#46;' + 'example' + '&#46;' + 'vn';
 document.getElementById('cloak7f1c').innerHTML += '<a ' + 'href' + '=\\'' + prefix + ':' + addy7f1c + '\\'>' + addy7f1c + '<\\/a>';
</script></p>
<p>Chịu trách nhiệm chính: Trưởng Ban Tuyên giáo Tỉnh ủy. Giấy phép số 12/GP-TTĐT ngày 05/3/2015 của Sở Thông tin và Truyền thông.</p></div>
<p class="pull-right"><a href="#top" id="back-top">Lên đầu trang</a></p>
<p>&copy; 2019 {SITE}</p>
</div></footer>
</body>
</html>
"""
        return Response(text.encode("utf-8"))

    # -- routing ------------------------------------------------------------------

    def lookup(self, request: Request) -> Response | None:
        if request.path == "/robots.txt":
            return Response(ROBOTS.encode(), TEXT)
        if request.path in self.assets:
            return self.serve_asset(request.path)
        if request.path not in ("/", "/index.php"):
            return None
        query = {k: v[0] for k, v in parse_qs(request.query, keep_blank_values=True).items()}
        if request.method == "POST":
            form = {k: v[0] for k, v in parse_qs(request.body.decode("utf-8", "replace")).items()}
            return self.posted(request, form)
        option = query.get("option", "com_content")
        view = query.get("view", "featured" if "option" not in query else "")
        if query.get("format") == "feed":
            return self.feed(request, query, option, view)
        if option == "com_mailto":
            return self.mailto(request, query.get("link", ""))
        if option == "com_contact" and view == "contact" and query.get("id") == "1":
            return self.contact(request)
        if option != "com_content":
            return None
        if view == "featured":
            return self.home(request)
        ident = re.match(r"\d+", query.get("id", ""))
        if ident is None:
            return None
        number = int(ident.group())
        if view == "category" and number in CATEGORIES:
            start = query.get("limitstart") or "0"
            if not start.isdigit():
                return None
            return self.blog(request, CATEGORIES[number], int(start))
        if view == "article":
            if number == 2:
                return self.about(request)
            article = self.items.get(number)
            if article is None:
                return None
            if query.get("tmpl") == "component" and query.get("print") == "1":
                return self.print_view(request, article)
            return self.article(request, article)
        return None

    def serve_asset(self, path: str) -> Response:
        if path.endswith(".css"):
            return Response(b"body{font-family:Arial,sans-serif}", "text/css")
        if path.endswith(".js"):
            return Response(b"/* joomla */", "application/javascript")
        return Response(GIF, "image/gif")

    # -- pages --------------------------------------------------------------------

    def intro_item(self, article: Article, css: str) -> str:
        more = truncate(article.title, 100)
        return (
            f'<div class="{css}" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">\n'
            f'<div class="page-header"><h2 itemprop="name"><a href="{self.link(article.url)}"'
            f' itemprop="url">{html.escape(article.title)}</a></h2></div>\n'
            f"{self.info(article)}\n"
            f'<div class="pull-left item-image"><img src="{self.asset(article.image)}" alt=""'
            ' itemprop="thumbnailUrl"/></div>\n'
            f"<p>{html.escape(truncate(article.lead, 240))}</p>\n"
            f'<p class="readmore"><a class="btn" href="{self.link(article.url)}" itemprop="url"'
            f' aria-label="Đọc thêm: {html.escape(article.title)}"><span class="icon-chevron-right"'
            f' aria-hidden="true"></span> Đọc thêm: {html.escape(more)}</a></p>\n</div>'
        )

    def home(self, request: Request) -> Response:
        featured = self.newest(CATEGORIES[12])[:4]
        leading = self.intro_item(featured[0], "leading-0")
        intro = "".join(
            f'<div class="span6">{self.intro_item(a, f"item column-{n % 2 + 1}")}</div>'
            for n, a in enumerate(featured[1:])
        )
        research = self.newest(CATEGORIES[14])[:5]
        box = "".join(
            f'<li><a class="mod-articles-category-title" href="{self.link(a.url)}">'
            f"{html.escape(a.title)}</a></li>"
            for a in research
        )
        component = (
            '<div class="blog-featured" itemscope itemtype="https://schema.org/Blog">\n'
            f'<div class="items-leading clearfix">{leading}</div>\n'
            f'<div class="items-row cols-2 row-0 row-fluid clearfix">{intro}</div>\n</div>'
        )
        below = (
            '<div class="moduletable home-box"><h3><a href="'
            f'{self.link(category_url(CATEGORIES[14]))}">Nghiên cứu - Trao đổi</a></h3>'
            f'<ul class="category-module mod-list">{box}</ul></div>'
        )
        head = (
            f'<link href="{self.link("/index.php?format=feed&type=rss")}" rel="alternate"'
            ' type="application/rss+xml" title="RSS 2.0" />\n'
            f'\t<link href="{self.link("/index.php?format=feed&type=atom")}" rel="alternate"'
            ' type="application/atom+xml" title="Atom 1.0" />'
        )
        return self.page(
            request,
            SITE,
            component,
            body_class="com_content view-featured no-layout no-task itemid-101",
            crumbs=[("Trang chủ", None)],
            head=head,
            below=below,
        )

    def pagination(self, category: Category, start: int, total: int) -> str:
        pages = (total + PER_PAGE - 1) // PER_PAGE
        current = start // PER_PAGE + 1

        def item(label: str, page: int, css: str = "", title: str = "") -> str:
            cls = f' class="{css}"' if css else ""
            if page == current or not 1 <= page <= pages:
                return f'<li{cls}><span class="pagenav">{label}</span></li>'
            url = self.link(category_url(category, (page - 1) * PER_PAGE))
            tip = f' title="{title}"' if title else ""
            return f'<li{cls}><a{tip} href="{url}" class="hasTooltip pagenav">{label}</a></li>'

        parts = [
            item("« Đầu", 1 if current > 1 else current, "pagination-start", "Đầu"),
            item("‹ Trước", current - 1, "pagination-prev", "Trước"),
            *(item(str(p), p) for p in range(1, pages + 1)),
            item("Tiếp ›", current + 1, "pagination-next", "Tiếp"),
            item("Cuối »", pages if current < pages else current, "pagination-end", "Cuối"),
        ]
        return (
            f'<div class="pagination">\n<p class="counter pull-right">Trang {current} / {pages}'
            f"</p>\n<ul>\n{''.join(parts)}\n</ul>\n</div>"
        )

    def blog(self, request: Request, category: Category, start: int) -> Response | None:
        articles = self.newest(category)
        if start % PER_PAGE or start >= len(articles):
            return None
        shown = articles[start : start + PER_PAGE]
        leading = self.intro_item(shown[0], "leading-0")
        rows = []
        for row in range(0, len(shown) - 1, 2):
            cells = "".join(
                f'<div class="span6">{self.intro_item(a, f"item column-{c + 1}")}</div>'
                for c, a in enumerate(shown[1 + row : 3 + row])
            )
            rows.append(
                f'<div class="items-row cols-2 row-{row // 2} row-fluid clearfix">{cells}</div>'
            )
        more = articles[start + PER_PAGE : start + PER_PAGE + MORE_LINKS]
        more_html = ""
        if more:
            links = "".join(
                f'<li><a href="{self.link(a.url)}">{html.escape(a.title)}</a></li>' for a in more
            )
            more_html = (
                '<div class="items-more"><h3>Xem thêm...</h3>'
                f'<ol class="nav nav-tabs nav-stacked">{links}</ol></div>'
            )
        component = (
            '<div class="blog" itemscope itemtype="https://schema.org/Blog">\n'
            f'<h2><span class="subheading-category">{category.name}</span></h2>\n'
            f'<div class="category-desc clearfix"><p>{category.description}</p></div>\n'
            f'<div class="items-leading clearfix">{leading}</div>\n'
            f"{''.join(rows)}\n{more_html}\n"
            f"{self.pagination(category, start, len(articles))}\n</div>"
        )
        feed = category_url(category) + "&format=feed&limitstart="
        head = (
            f'<link href="{self.link(feed + "&type=rss")}" rel="alternate"'
            ' type="application/rss+xml" title="RSS 2.0" />\n'
            f'\t<link href="{self.link(feed + "&type=atom")}" rel="alternate"'
            ' type="application/atom+xml" title="Atom 1.0" />'
        )
        page_title = (
            category.name if start == 0 else f"{category.name} - Trang {start // PER_PAGE + 1}"
        )
        return self.page(
            request,
            f"{page_title} - {SITE}",
            component,
            body_class=f"com_content view-category layout-blog no-task itemid-{category.itemid}",
            crumbs=[("Trang chủ", "/index.php"), (category.name, None)],
            head=head,
            description=category.description,
        )

    def body_html(self, article: Article) -> str:
        paragraphs = "".join(
            f'<p style="text-align: justify;">{html.escape(p)}</p>\n' for p in article.paragraphs
        )
        figure = (
            f'<p style="text-align: center;"><img src="{self.asset(article.image)}"'
            f' alt="{html.escape(article.title)}" width="600" /></p>\n'
            f'<p style="text-align: center;"><em>Ảnh: {article.author}</em></p>\n'
        )
        lead, rest = paragraphs.split("\n", 1)
        return (
            f'<div itemprop="articleBody">\n{lead}\n{figure}{rest}'
            f'<p style="text-align: right;"><strong>{article.author}</strong></p>\n</div>'
        )

    def article(self, request: Request, article: Article) -> Response:
        cat = article.category
        print_url = article.url + "&tmpl=component&print=1&layout=default&page="
        absolute = request.base_url + article.url
        mail_url = "/index.php?option=com_mailto&tmpl=component&link=" + base64.b64encode(
            absolute.encode()
        ).decode("ascii")
        icons = (
            '<div class="icons"><div class="btn-group pull-right">'
            '<a class="btn dropdown-toggle" data-toggle="dropdown" href="#"><span class="icon-cog">'
            '</span><span class="caret"></span></a>\n<ul class="dropdown-menu">\n'
            f'<li class="print-icon"><a href="{self.link(print_url)}" title="In bài"'
            " onclick=\"window.open(this.href,'win2','status=no,toolbar=no,scrollbars=yes,"
            "titlebar=no,menubar=no,resizable=yes,width=640,height=480,directories=no,"
            'location=no\'); return false;" rel="nofollow"><span class="icon-print"></span>'
            "In</a></li>\n"
            f'<li class="email-icon"><a href="{self.link(mail_url)}" title="Gửi email"'
            " onclick=\"window.open(this.href,'win2','width=400,height=350,menubar=yes,"
            'resizable=yes\'); return false;" rel="nofollow"><span class="icon-envelope">'
            "</span>Email</a></li>\n</ul></div></div>"
        )
        siblings = self.newest(cat)
        at = siblings.index(article)
        nav = []
        if at > 0:
            nav.append(
                f'<li class="previous"><a href="{self.link(siblings[at - 1].url)}" rel="prev">'
                "&lt; Trước</a></li>"
            )
        if at + 1 < len(siblings):
            nav.append(
                f'<li class="next"><a href="{self.link(siblings[at + 1].url)}" rel="next">'
                "Tiếp &gt;</a></li>"
            )
        component = (
            '<div class="item-page" itemscope itemtype="https://schema.org/Article">\n'
            '<meta itemprop="inLanguage" content="vi-VN" />\n'
            f'<div class="page-header"><h2 itemprop="headline">{html.escape(article.title)}</h2></div>\n'
            f"{icons}\n{self.info(article)}\n{self.body_html(article)}\n"
            f'<ul class="pager pagenav">{"".join(nav)}</ul>\n</div>'
        )
        others = "".join(
            f'<li><a class="mod-articles-category-title " href="{self.link(a.url)}">'
            f'{html.escape(a.title)}</a><span class="mod-articles-category-date">'
            f"{a.published:%d/%m/%Y}</span></li>\n"
            for a in siblings[:7]
        )
        below = (
            '<div class="moduletable cac-tin-khac"><h3>Các tin khác</h3>\n'
            f'<ul class="category-module mod-list">\n{others}</ul></div>'
        )
        return self.page(
            request,
            f"{article.title} - {SITE}",
            component,
            body_class=f"com_content view-article no-layout no-task itemid-{cat.itemid}",
            crumbs=[
                ("Trang chủ", "/index.php"),
                (cat.name, category_url(cat)),
                (article.title, None),
            ],
            head=f'<meta name="author" content="{article.author}" />',
            below=below,
            description=truncate(article.lead, 160),
        )

    def print_view(self, request: Request, article: Article) -> Response:
        text = f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
	<meta charset="utf-8" />
	<base href="{html.escape(request.base_url + request.path)}" />
	<meta name="robots" content="noindex, nofollow" />
	<meta name="generator" content="Joomla! - Open Source Content Management" />
	<title>{html.escape(article.title)} - {SITE}</title>
	<link href="{self.asset("/templates/tuyengiao/css/template.css?" + MEDIA)}" rel="stylesheet" />
</head>
<body class="contentpane modal">
<div id="system-message-container"></div>
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="vi-VN" />
<div id="pop-print" class="btn hidden-print"><a href="#" onclick="window.print();return false;"><span class="icon-print"></span>In</a></div>
<div class="clearfix"></div>
<div class="page-header"><h2 itemprop="headline">{html.escape(article.title)}</h2></div>
{self.info(article, category_link=False)}
{self.body_html(article)}
</div>
</body>
</html>
"""
        return Response(text.encode("utf-8"))

    def mailto(self, request: Request, link: str) -> Response:
        text = f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
	<meta charset="utf-8" />
	<meta name="generator" content="Joomla! - Open Source Content Management" />
	<title>{SITE}</title>
	<script src="{self.asset("/media/system/js/core.js?" + MEDIA)}"></script>
	<script>
	Joomla.submitbutton = function(pressbutton) {{
		var form = document.getElementById('mailtoForm');
		if (form.mailto.value == "" || form.from.value == "") {{
			alert('Vui lòng nhập địa chỉ email hợp lệ.');
			return false;
		}}
		form.submit();
	}}
	</script>
</head>
<body class="contentpane modal">
<div id="mailto-window">
<h2>Gửi liên kết này tới bạn bè.</h2>
<div class="mailto-close"><a href="javascript: void window.close()" title="Đóng cửa sổ"><span>Đóng cửa sổ</span></a></div>
<form action="{self.link("/index.php")}" id="mailtoForm" method="post">
<div class="formelm"><label for="mailto_field">Email tới</label><input type="text" id="mailto_field" name="mailto" class="inputbox" size="25" value="" /></div>
<div class="formelm"><label for="sender_field">Người gửi</label><input type="text" id="sender_field" name="sender" class="inputbox" value="" size="25" /></div>
<div class="formelm"><label for="from_field">Email của bạn</label><input type="text" id="from_field" name="from" class="inputbox" value="" size="25" /></div>
<div class="formelm"><label for="subject_field">Tiêu đề</label><input type="text" id="subject_field" name="subject" class="inputbox" value="" size="25" /></div>
<p><button class="button" onclick="return Joomla.submitbutton('send');">Gửi</button>
<button class="button" onclick="window.close();return false;">Hủy</button></p>
<input type="hidden" name="layout" value="default" />
<input type="hidden" name="option" value="com_mailto" />
<input type="hidden" name="task" value="send" />
<input type="hidden" name="tmpl" value="component" />
<input type="hidden" name="link" value="{html.escape(link)}" />
<input type="hidden" name="3f9a1b7c2d4e5f60718293a4b5c6d7e8" value="1" />
</form>
</div>
</body>
</html>
"""
        return Response(text.encode("utf-8"))

    def about(self, request: Request) -> Response:
        component = (
            '<div class="item-page" itemscope itemtype="https://schema.org/Article">\n'
            '<meta itemprop="inLanguage" content="vi-VN" />\n'
            '<div class="page-header"><h2 itemprop="headline">Giới thiệu Ban Tuyên giáo Tỉnh ủy</h2></div>\n'
            '<div itemprop="articleBody">\n'
            "<p>Ban Tuyên giáo Tỉnh ủy Quảng Trị là cơ quan tham mưu, giúp việc của Tỉnh ủy, mà trực"
            " tiếp, thường xuyên là Ban Thường vụ Tỉnh ủy về chủ trương, chính sách lớn trong lĩnh"
            " vực tuyên giáo của Đảng bộ tỉnh, gồm: chính trị, tư tưởng, lý luận chính trị, tuyên"
            " truyền, báo chí, xuất bản, văn hóa, văn nghệ, khoa giáo.</p>\n"
            "<p><strong>Chức năng:</strong> Tham mưu cho Tỉnh ủy về công tác tuyên giáo; hướng dẫn,"
            " kiểm tra, đôn đốc các cấp ủy trực thuộc thực hiện các chủ trương, nghị quyết của Đảng"
            " trong lĩnh vực tuyên giáo; là cơ quan chuyên môn - nghiệp vụ về công tác tuyên giáo của"
            " Tỉnh ủy.</p>\n"
            "<p><strong>Cơ cấu tổ chức:</strong> Lãnh đạo Ban gồm Trưởng ban và các Phó Trưởng ban;"
            " các phòng: Tuyên truyền - Báo chí - Xuất bản; Lý luận chính trị và Lịch sử Đảng;"
            " Văn hóa - Văn nghệ - Khoa giáo; Văn phòng Ban.</p>\n"
            "<p>Địa chỉ: Số 45 Hùng Vương, phường 1, thành phố Đông Hà, tỉnh Quảng Trị.</p>\n"
            "</div>\n</div>"
        )
        return self.page(
            request,
            f"Giới thiệu - {SITE}",
            component,
            body_class="com_content view-article no-layout no-task itemid-102",
            crumbs=[("Trang chủ", "/index.php"), ("Giới thiệu", None)],
        )

    def contact(self, request: Request) -> Response:
        component = f"""<div class="contact" itemscope itemtype="https://schema.org/Person">
<div class="page-header"><h2><span class="contact-name" itemprop="name">Văn phòng Ban Tuyên giáo Tỉnh ủy</span></h2></div>
<h3>Thông tin liên hệ</h3>
<dl class="contact-address dl-horizontal" itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
<dd><span class="contact-street" itemprop="streetAddress">Số 45 Hùng Vương, phường 1</span></dd>
<dd><span class="contact-suburb" itemprop="addressLocality">thành phố Đông Hà, tỉnh Quảng Trị</span></dd>
<dd><span class="contact-telephone" itemprop="telephone">0233.3852.134</span></dd>
</dl>
<h3>Biểu mẫu liên hệ</h3>
<div class="contact-form">
<form id="contact-form" action="{self.link(CONTACT_URL)}" method="post" class="form-validate form-horizontal well">
<fieldset><legend>Gửi email. Tất cả các trường có dấu * là bắt buộc.</legend>
<div class="control-group"><label id="jform_contact_name-lbl" for="jform_contact_name">Tên *</label><input type="text" name="jform[contact_name]" id="jform_contact_name" value="" required aria-required="true" /></div>
<div class="control-group"><label for="jform_contact_email">Email *</label><input type="email" name="jform[contact_email]" id="jform_contact_email" value="" required /></div>
<div class="control-group"><label for="jform_contact_emailmsg">Tiêu đề *</label><input type="text" name="jform[contact_subject]" id="jform_contact_emailmsg" value="" required /></div>
<div class="control-group"><label for="jform_contact_message">Nội dung *</label><textarea name="jform[contact_message]" id="jform_contact_message" cols="50" rows="10" required></textarea></div>
<button class="btn btn-primary validate" type="submit">Gửi email</button>
<input type="hidden" name="option" value="com_contact" /><input type="hidden" name="task" value="contact.submit" />
</fieldset></form></div>
</div>"""
        return self.page(
            request,
            f"Liên hệ - {SITE}",
            component,
            body_class="com_contact view-contact no-layout no-task itemid-104",
            crumbs=[("Trang chủ", "/index.php"), ("Liên hệ", None)],
        )

    def posted(self, request: Request, form: dict[str, str]) -> Response:
        if form.get("option") == "com_search":
            word = html.escape(form.get("searchword", ""))
            component = (
                '<div class="search"><h1 class="page-title">Tìm kiếm</h1>'
                f'<div class="searchintro"><p>Tìm kiếm từ khóa: <span class="badge badge-info">{word}</span></p>'
                "<p>Không tìm thấy kết quả nào!</p></div></div>"
            )
            return self.page(
                request,
                f"Tìm kiếm - {SITE}",
                component,
                body_class="com_search view-search no-layout no-task itemid-101",
                crumbs=[("Trang chủ", "/index.php"), ("Tìm kiếm", None)],
            )
        component = (
            '<div class="alert alert-message"><h4 class="alert-heading">Thông báo</h4>'
            "<p>Thư của bạn đã được gửi thành công.</p></div>"
        )
        return self.page(
            request,
            SITE,
            component,
            body_class="com_content view-featured no-task itemid-101",
            crumbs=[("Trang chủ", "/index.php")],
        )

    # -- feeds --------------------------------------------------------------------

    def feed(
        self, request: Request, query: dict[str, str], option: str, view: str
    ) -> Response | None:
        kind = query.get("type", "rss")
        if option != "com_content" or kind not in ("rss", "atom"):
            return None
        if view == "category":
            ident = re.match(r"\d+", query.get("id", ""))
            category = CATEGORIES.get(int(ident.group())) if ident else None
            if category is None:
                return None
            items = self.newest(category)[:10]
            title, page = f"{category.name} - {SITE}", category_url(category)
            self_url = f"{page}&format=feed&limitstart=&type={kind}"
        elif view == "featured":
            items = self.newest(CATEGORIES[12])[:4]
            title, page = SITE, "/index.php"
            self_url = f"/index.php?format=feed&type={kind}"
        else:
            return None
        build = max(a.published for a in items)

        def absolute(path: str) -> str:
            self.link(path)
            return html.escape(request.base_url + path, quote=False)

        entries = []
        if kind == "rss":
            for a in items:
                url = absolute(a.url)
                entries.append(
                    f"""		<item>
			<title>{html.escape(a.title, quote=False)}</title>
			<link>{url}</link>
			<guid isPermaLink="true">{url}</guid>
			<description><![CDATA[<p>{a.lead}</p>]]></description>
			<author>bantuyengiao@quangtri.example.vn ({a.author})</author>
			<category>{a.category.name}</category>
			<pubDate>{format_datetime(a.published)}</pubDate>
		</item>
"""
                )
            text = f"""<?xml version="1.0" encoding="utf-8"?>
<!-- generator="Joomla! - Open Source Content Management" -->
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
	<channel>
		<title>{html.escape(title, quote=False)}</title>
		<description><![CDATA[Ban Tuyên giáo Tỉnh ủy Quảng Trị - Trang thông tin điện tử]]></description>
		<link>{absolute(page)}</link>
		<lastBuildDate>{format_datetime(build)}</lastBuildDate>
		<generator>Joomla! - Open Source Content Management</generator>
		<atom:link rel="self" type="application/rss+xml" href="{absolute(self_url)}"/>
		<language>vi-vn</language>
{"".join(entries)}	</channel>
</rss>
"""
            return Response(text.encode("utf-8"), RSS)
        for a in items:
            url = absolute(a.url)
            entries.append(
                f"""	<entry>
		<title>{html.escape(a.title, quote=False)}</title>
		<link rel="alternate" type="text/html" href="{url}"/>
		<published>{a.published.isoformat()}</published>
		<updated>{a.published.isoformat()}</updated>
		<id>{url}</id>
		<author><name>{a.author}</name><email>bantuyengiao@quangtri.example.vn</email></author>
		<summary type="html"><![CDATA[<p>{a.lead}</p>]]></summary>
		<category term="{a.category.name}" />
	</entry>
"""
            )
        text = f"""<?xml version="1.0" encoding="utf-8"?>
<!-- generator="Joomla! - Open Source Content Management" -->
<feed xmlns="http://www.w3.org/2005/Atom"  xml:lang="vi-vn">
	<title type="text">{html.escape(title, quote=False)}</title>
	<subtitle type="text">Ban Tuyên giáo Tỉnh ủy Quảng Trị - Trang thông tin điện tử</subtitle>
	<link rel="alternate" type="text/html" href="{absolute(page)}"/>
	<id>{absolute(self_url)}</id>
	<updated>{build.isoformat()}</updated>
	<generator uri="https://www.joomla.org">Joomla! - Open Source Content Management</generator>
	<link rel="self" type="application/atom+xml" href="{absolute(self_url)}"/>
{"".join(entries)}</feed>
"""
        return Response(text.encode("utf-8"), ATOM)


ROBOTS = """# If the Joomla site is installed within a folder
# eg www.example.com/joomla/ then the robots.txt file
# MUST be moved to the site root
# eg www.example.com/robots.txt
# AND the joomla folder name MUST be prefixed to all of the
# paths.
# eg the Disallow rule for the /administrator/ folder MUST
# be changed to read
# Disallow: /joomla/administrator/
#
# For more information about the robots.txt standard, see:
# https://www.robotstxt.org/orig.html

User-agent: *
Disallow: /administrator/
Disallow: /bin/
Disallow: /cache/
Disallow: /cli/
Disallow: /components/
Disallow: /includes/
Disallow: /installation/
Disallow: /language/
Disallow: /layouts/
Disallow: /libraries/
Disallow: /logs/
Disallow: /modules/
Disallow: /plugins/
Disallow: /tmp/
"""


def make_site() -> CorpusSite:
    return JoomlaPortal()
