"""A modern in-house provincial portal (2020s) whose listings are drawn by JavaScript.

The home page, the category pages, the topic pages and the search page are shells:
`<div class="news-list" data-api="/api/news?cat=2&page=1"></div>` and a script that
fetches JSON from `/api/` (served, but disallowed in robots.txt and not HTML). Article
pages are rendered on the server (`<main><article><header><h1>`, `<time datetime>`,
JSON-LD NewsArticle); their "Tin liên quan" are drawn by the script too.

So a crawler without JavaScript finds articles only through:
- one RSS 2.0 feed per category (`<link rel="alternate">` in the heads, and the
  `/rss.html` page), each with the 10 latest items;
- the Atom feed `/feeds/all.atom` (15 latest);
- robots.txt's `Sitemap:` -> a sitemap index -> `posts-1.xml`, `posts-2.xml` (written
  nightly: the three newest articles are not in them yet), the Google News sitemap
  `news.xml` (the last days' articles) and `pages.xml` (home, categories, static pages).
The feeds hold a strict subset of the articles; only the sitemaps together hold all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import random
import re
from dataclasses import dataclass
from email.utils import format_datetime
from urllib.parse import parse_qs, quote_plus

from cms_sites.base import ATOM, RSS, TEXT, XML, CorpusSite, slugify
from tuyengiao_crawler.demo_site.serving import Request, Response

SITE = "Ban Tuyên giáo Tỉnh ủy Đắk Nông"
ICT = dt.timezone(dt.timedelta(hours=7))
BUILD = "3f9c2a7"
FEED_ITEMS = 10
ATOM_ITEMS = 15
NEWS_EXTRA = 3  # the news sitemap's articles already in the post sitemaps
SITEMAP_LAG = 3  # the nightly post sitemaps do not hold the newest articles yet
POSTS_PER_SITEMAP = 20
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7"
    b"5\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


@dataclass(frozen=True)
class Category:
    id: int
    slug: str
    name: str
    description: str


CATEGORIES = [
    Category(2, "tin-tuc", "Tin tức", "Tin tức hoạt động công tác tuyên giáo của tỉnh."),
    Category(
        3,
        "nghien-cuu-trao-doi",
        "Nghiên cứu - Trao đổi",
        "Nghiên cứu lý luận, trao đổi kinh nghiệm thực tiễn.",
    ),
    Category(
        5,
        "van-hoa-van-nghe",
        "Văn hóa - Văn nghệ",
        "Hoạt động văn hóa, văn nghệ, bảo tồn bản sắc các dân tộc.",
    ),
]
TOPICS = {
    "chuyen-doi-so": "chuyển đổi số",
    "bao-ve-nen-tang-tu-tuong": "bảo vệ nền tảng tư tưởng",
    "nghi-quyet-trung-uong": "nghị quyết Trung ương",
    "ban-sac-van-hoa": "bản sắc văn hóa",
}
HEADLINES = {
    "tin-tuc": [
        "Hội nghị tổng kết công tác tuyên giáo năm 2020 tại huyện Đắk Mil",
        "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 10",
        "Quán triệt Nghị quyết Hội nghị Trung ương 8 khóa XIII cho cán bộ chủ chốt",
        "Đắk Nông triển khai Đề án chuyển đổi số trong công tác tuyên giáo",
        "Tập huấn kỹ năng tuyên truyền trên mạng xã hội cho cán bộ cơ sở",
        "Giao ban công tác dư luận xã hội các huyện, thành phố quý III",
        "Đoàn công tác Ban Tuyên giáo Trung ương làm việc với Tỉnh ủy Đắk Nông",
        "Hội nghị cộng tác viên dư luận xã hội năm 2026",
        "Phát động Giải Búa liềm vàng lần thứ XI trên địa bàn tỉnh",
        "Ra mắt Tổ tuyên truyền cộng đồng tại xã Quảng Sơn",
        "Kiểm tra việc học tập, quán triệt nghị quyết tại Đảng bộ huyện Krông Nô",
        "Hội thảo khoa học lịch sử Đảng bộ tỉnh Đắk Nông giai đoạn 2004 - 2024",
        "Bồi dưỡng nghiệp vụ công tác tuyên giáo cho cán bộ mới",
        "Trao giải Cuộc thi chính luận về bảo vệ nền tảng tư tưởng của Đảng",
        "Sơ kết công tác tuyên giáo 10 tháng năm 2026",
    ],
    "nghien-cuu-trao-doi": [
        "Chuyển đổi số trong công tác tuyên giáo: cơ hội và thách thức",
        "Nhận diện luận điệu xuyên tạc về vấn đề dân tộc, tôn giáo ở Tây Nguyên",
        "Nâng cao chất lượng sinh hoạt chi bộ ở vùng đồng bào dân tộc thiểu số",
        "Vai trò của người có uy tín trong công tác dân vận ở buôn, bon",
        "Bảo vệ nền tảng tư tưởng của Đảng từ cơ sở",
        "Phát huy sức mạnh khối đại đoàn kết toàn dân tộc ở Đắk Nông",
        "Đổi mới công tác giáo dục lý luận chính trị cho đảng viên trẻ",
        "Công tác nắm bắt dư luận xã hội trong thời đại số",
        "Xây dựng đội ngũ báo cáo viên đáp ứng yêu cầu mới",
        "Kinh nghiệm tuyên truyền miệng ở các bon người M'nông",
        "Một số vấn đề về xây dựng văn hóa trong Đảng",
        "Phòng ngừa suy thoái tư tưởng chính trị trong cán bộ, đảng viên",
        "Từ Nghị quyết đến hành động: câu chuyện ở Tuy Đức",
        "Giải pháp nâng cao hiệu quả thông tin đối ngoại của tỉnh",
    ],
    "van-hoa-van-nghe": [
        "Lễ hội văn hóa thổ cẩm Việt Nam lần thứ II tại Đắk Nông",
        "Bảo tồn không gian văn hóa cồng chiêng của người M'nông",
        "Công viên địa chất toàn cầu UNESCO Đắk Nông: di sản và phát triển",
        "Nghệ nhân Điểu Đơn và hành trình giữ lửa sử thi Ot Ndrong",
        "Liên hoan văn nghệ quần chúng các dân tộc tỉnh năm 2026",
        "Trưng bày chuyên đề Đắk Nông - 20 năm xây dựng và phát triển",
        "Sáng tác văn học nghệ thuật về đề tài học tập và làm theo Bác",
        "Giữ gìn nghề dệt thổ cẩm truyền thống ở bon Bu Nơr",
        "Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa bản địa",
        "Trại sáng tác mỹ thuật Đắk Nông - Cao nguyên xanh",
        "Ngày hội văn hóa, thể thao các dân tộc huyện Đắk Glong",
    ],
}
TAGGED = {
    "chuyen-doi-so": ("số", "mạng xã hội", "thời đại số"),
    "bao-ve-nen-tang-tu-tuong": ("nền tảng tư tưởng", "xuyên tạc", "suy thoái"),
    "nghi-quyet-trung-uong": ("Nghị quyết", "nghị quyết"),
    "ban-sac-van-hoa": ("văn hóa", "cồng chiêng", "thổ cẩm", "sử thi"),
}
PLACES = [
    "thành phố Gia Nghĩa",
    "huyện Đắk Mil",
    "huyện Krông Nô",
    "huyện Cư Jút",
    "huyện Đắk Song",
    "huyện Đắk R'lấp",
    "huyện Tuy Đức",
    "huyện Đắk Glong",
]
SENTENCES = [
    "Thời gian qua, ngành Tuyên giáo tỉnh đã chủ động tham mưu cấp ủy lãnh đạo, chỉ đạo thực hiện đồng bộ các nhiệm vụ chính trị, tư tưởng.",
    "Tại {place}, cấp ủy đã tổ chức {so} hội nghị học tập, quán triệt với sự tham gia của trên {pt}% cán bộ, đảng viên.",
    "Việc ứng dụng nền tảng số giúp thông tin chính thống đến với người dân nhanh hơn, đa dạng hơn.",
    "Toàn tỉnh hiện có {so} trang fanpage, nhóm Zalo do các cơ quan, đơn vị quản lý, thường xuyên đăng tải tin tích cực.",
    "Đồng chí Y Tuấn, Trưởng Ban Tuyên giáo Tỉnh ủy yêu cầu các địa phương bám sát cơ sở, nắm chắc diễn biến tư tưởng trong nhân dân.",
    "Đồng chí Nguyễn Thị Minh Thư, Phó Trưởng Ban Tuyên giáo Tỉnh ủy đề nghị đổi mới mạnh mẽ phương thức tuyên truyền.",
    "Các đại biểu đánh giá cao tính thiết thực của chương trình, đồng thời đề xuất nhiều giải pháp sát với thực tiễn.",
    "Đội ngũ báo cáo viên, tuyên truyền viên được kiện toàn với {so} người, trong đó có nhiều người là đồng bào dân tộc thiểu số.",
    "Bên cạnh kết quả đạt được, công tác tuyên truyền ở vùng sâu, vùng xa vẫn còn gặp nhiều khó khăn về phương tiện.",
    "Các thế lực thù địch tiếp tục lợi dụng vấn đề dân tộc, tôn giáo, đất đai để kích động, chia rẽ khối đại đoàn kết.",
    "Người có uy tín trong cộng đồng đã phát huy vai trò cầu nối giữa cấp ủy, chính quyền với đồng bào.",
    "Nhiều mô hình hay như Tổ tuyên truyền cộng đồng, Loa phát thanh thôn bon tiếp tục được duy trì ở {place}.",
    "Năm nay, các địa phương đã tổ chức {so} chương trình văn hóa, văn nghệ phục vụ nhân dân các dân tộc.",
    "Không gian văn hóa cồng chiêng được tái hiện sinh động, thu hút đông đảo người dân và du khách.",
    "Các nghệ nhân đã truyền dạy cho {so} học viên trẻ, góp phần gìn giữ bản sắc văn hóa truyền thống.",
    "Tỷ lệ hộ dân được tiếp cận thông tin qua các kênh chính thống đạt {pt}%, tăng so với cùng kỳ năm trước.",
    "Thực tiễn cho thấy, nơi nào cấp ủy quan tâm, nơi đó công tác tư tưởng có chuyển biến rõ nét.",
    "Thời gian tới, cần tiếp tục nâng cao chất lượng nghiên cứu, dự báo, kịp thời tham mưu xử lý các vấn đề nảy sinh.",
    "Hội nghị cũng đã khen thưởng {so} tập thể, cá nhân có thành tích tiêu biểu.",
    "Tác giả cho rằng, giải pháp then chốt là phát huy vai trò nêu gương của người đứng đầu cấp ủy.",
    "Công tác thông tin đối ngoại góp phần quảng bá hình ảnh vùng đất, con người Đắk Nông đến bạn bè trong nước và quốc tế.",
    "Dịp này, Ban Tổ chức đã trao {so} giải thưởng cho các tác phẩm xuất sắc.",
    "Sản phẩm thổ cẩm của đồng bào đã được đưa lên sàn thương mại điện tử, mở ra hướng đi mới.",
    "Chương trình là dịp để các địa phương giao lưu, học hỏi kinh nghiệm lẫn nhau.",
    "Qua khảo sát, {pt}% ý kiến đồng tình với chủ trương, chính sách mới của Đảng và Nhà nước.",
]
PAGES = {
    "/gioi-thieu.html": (
        "Giới thiệu",
        [
            "Ban Tuyên giáo Tỉnh ủy Đắk Nông là cơ quan tham mưu, giúp việc của Tỉnh ủy về"
            " công tác chính trị, tư tưởng, lý luận chính trị, tuyên truyền, báo chí, xuất bản,"
            " văn hóa, văn nghệ, khoa giáo.",
            "Trụ sở: đường 23/3, phường Nghĩa Trung, thành phố Gia Nghĩa, tỉnh Đắk Nông.",
        ],
    ),
    "/lien-he.html": (
        "Liên hệ",
        [
            "Văn phòng Ban Tuyên giáo Tỉnh ủy Đắk Nông. Điện thoại: 0261.3544.169."
            " Email: btg@daknong.example.vn.",
            "Tin bài cộng tác xin gửi qua biểu mẫu dưới đây.",
        ],
    ),
}


def prose(rng: random.Random, count: int) -> list[str]:
    picks = rng.sample(SENTENCES, count * 3)
    out = []
    for n in range(count):
        chosen = picks[n * 3 : n * 3 + rng.choice((2, 3))]
        out.append(
            " ".join(
                s.format(so=rng.randint(12, 380), pt=rng.randint(82, 98), place=rng.choice(PLACES))
                for s in chosen
            )
        )
    return out


@dataclass
class Article:
    id: int
    title: str
    category: Category
    published: dt.datetime
    updated: dt.datetime
    sapo: str
    paragraphs: list[str]
    author: str
    topics: list[str]

    @property
    def path(self) -> str:
        return f"/{self.category.slug}/{slugify(self.title)}-a{self.id}.html"

    @property
    def image(self) -> str:
        return f"/uploads/{self.published:%Y/%m}/a{self.id}-cover.jpg"

    @property
    def thumb(self) -> str:
        return f"/uploads/{self.published:%Y/%m}/a{self.id}-thumb.jpg"


class JsFeedsPortal(CorpusSite):
    family = "js_feeds"
    start_path = "/"

    def __init__(self) -> None:
        super().__init__()
        rng = random.Random(4240)
        queues = {c.slug: list(HEADLINES[c.slug]) for c in CATEGORIES}
        cats = {c.slug: c for c in CATEGORIES}
        order = []
        while any(queues.values()):
            slug = rng.choice([s for s, q in queues.items() if q])
            order.append((slug, queues[slug].pop(0)))
        when = dt.datetime(2026, 10, 1, 7, 30, tzinfo=ICT)
        ident = 1187
        items = []
        for slug, title in order:
            when += dt.timedelta(hours=rng.randint(20, 40), minutes=rng.randint(0, 59))
            ident += rng.randint(1, 4)
            paragraphs = prose(rng, rng.randint(5, 8))
            items.append(
                Article(
                    id=ident,
                    title=title,
                    category=cats[slug],
                    published=when,
                    updated=when + dt.timedelta(minutes=rng.randint(5, 600)),
                    sapo=paragraphs[0],
                    paragraphs=paragraphs[1:],
                    author=rng.choice(["Thu Hà", "Y Blang", "Minh Quân", "Hồng Nhung", "BTG"]),
                    topics=[t for t, words in TAGGED.items() if any(w in title for w in words)],
                )
            )
        self.items = sorted(items, key=lambda a: a.published, reverse=True)  # newest first
        self.by_path = {a.path: a for a in self.items}
        self.by_id = {a.id: a for a in self.items}
        for a in self.items:
            self.articles[a.title] = a.path
        self.base = ""

    # -- helpers ------------------------------------------------------------------

    def abs(self, path: str) -> str:
        self.link(path)
        return self.base + path

    def rec(self, path: str) -> str:
        """Record ``path``; return it as is (for JSON)."""
        self.link(path)
        return path

    def x(self, path: str) -> str:
        return html.escape(self.abs(path), quote=False)

    def in_category(self, category: Category) -> list[Article]:
        return [a for a in self.items if a.category is category]

    def shell(
        self,
        *,
        title: str,
        description: str,
        canonical: str,
        main: str,
        feeds: list[Category],
        og_type: str = "website",
        head: str = "",
        status: int = 200,
    ) -> Response:
        alternates = "\n".join(
            f'<link rel="alternate" type="application/rss+xml" title="{c.name}"'
            f' href="{self.link(f"/rss/{c.slug}.rss")}">'
            for c in feeds
        )
        nav = "".join(
            f'<li class="nav-item"><a class="nav-link" href="{self.link(f"/{c.slug}/")}">'
            f"{c.name}</a></li>"
            for c in CATEGORIES
        )
        text = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<title>{html.escape(title)}</title>
<meta name="description" content="{html.escape(description)}">
<link rel="canonical" href="{html.escape(self.abs(canonical))}">
<meta property="og:site_name" content="{SITE}">
<meta property="og:type" content="{og_type}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:description" content="{html.escape(description)}">
<meta property="og:url" content="{html.escape(self.abs(canonical))}">
{head}
{alternates}
<link rel="alternate" type="application/atom+xml" title="Tất cả tin bài" href="{self.link("/feeds/all.atom")}">
<link rel="icon" type="image/png" href="{self.link("/static/img/favicon.png")}">
<link rel="stylesheet" href="{self.link(f"/static/css/app.{BUILD}.css")}">
</head>
<body>
<div id="app">
<header class="site-header">
  <div class="topbar"><div class="container"><span class="today" id="today"></span><a class="topbar-link" href="{self.link("/rss.html")}">RSS</a></div></div>
  <div class="container brand-row">
    <a class="logo" href="{self.link("/")}"><img src="{self.link("/static/img/logo.png")}" alt="{SITE}" width="360" height="80"></a>
    <form class="search-form" action="{self.link("/tim-kiem")}" method="get" role="search"><input type="search" name="q" placeholder="Nhập từ khóa..." aria-label="Tìm kiếm"><button type="submit">Tìm</button></form>
  </div>
  <nav class="main-nav"><div class="container"><ul class="nav">
    <li class="nav-item"><a class="nav-link" href="{self.link("/")}">Trang chủ</a></li>{nav}
    <li class="nav-item"><a class="nav-link" href="{self.link("/gioi-thieu.html")}">Giới thiệu</a></li>
  </ul></div></nav>
</header>
<main class="main" id="main">
<div class="container">
{main}
</div>
</main>
<footer class="site-footer">
  <div class="container">
    <div class="footer-links">
      <h3>Liên kết</h3>
      <ul>
        <li><a href="http://dangcongsan.example.vn/" target="_blank" rel="noopener">Báo điện tử Đảng Cộng sản Việt Nam</a></li>
        <li><a href="http://tuyengiao.example.vn/" target="_blank" rel="noopener">Tạp chí Tuyên giáo</a></li>
        <li><a href="http://daknong.example.gov.vn/" target="_blank" rel="noopener">Cổng thông tin điện tử tỉnh Đắk Nông</a></li>
      </ul>
    </div>
    <div class="footer-info">
      <p><strong>{SITE.upper()}</strong></p>
      <p>Địa chỉ: đường 23/3, phường Nghĩa Trung, thành phố Gia Nghĩa, tỉnh Đắk Nông</p>
      <p>Điện thoại: 0261.3544.169 - Email: btg@daknong.example.vn</p>
      <p>Chịu trách nhiệm nội dung: Trưởng Ban Tuyên giáo Tỉnh ủy</p>
      <p><a href="{self.link("/gioi-thieu.html")}">Giới thiệu</a> · <a href="{self.link("/lien-he.html")}">Liên hệ</a> · <a href="{self.link("/rss.html")}">RSS</a></p>
    </div>
  </div>
</footer>
</div>
<noscript>Trình duyệt của bạn đã tắt JavaScript. Vui lòng bật JavaScript để xem đầy đủ nội dung.</noscript>
<script src="{self.link(f"/static/js/app.{BUILD}.js")}" defer></script>
</body>
</html>
"""
        body = text.encode("utf-8")
        return Response(body, status=status, etag='"' + hashlib.sha1(body).hexdigest()[:16] + '"')

    def api_box(self, title: str, api: str, more: str | None = None, css: str = "") -> str:
        heading = (
            f'<h2 class="section-title"><a href="{self.link(more)}">{title}</a></h2>'
            if more
            else f'<h2 class="section-title">{title}</h2>'
        )
        return (
            f'<section class="news-box {css}">{heading}\n'
            f'<div class="news-list" data-api="{self.link(api)}"><div class="skeleton"></div>'
            '<div class="skeleton"></div><div class="skeleton"></div></div>\n'
            f'<button class="btn-more" type="button" hidden>Xem thêm</button></section>'
        )

    # -- routing ------------------------------------------------------------------

    def lookup(self, request: Request) -> Response | None:
        self.base = request.base_url
        path = request.path
        query = {k: v[0] for k, v in parse_qs(request.query).items()}
        if path == "/robots.txt":
            return Response(self.robots().encode(), TEXT)
        if path == "/":
            return self.home()
        if path.startswith("/api/"):
            return self.api(path, query)
        if path.startswith(("/static/", "/uploads/")):
            return self.asset(path)
        if path == "/sitemap.xml" or path.startswith("/sitemaps/"):
            return self.sitemap(path)
        if path.startswith("/rss/") and path.endswith(".rss"):
            category = next((c for c in CATEGORIES if path == f"/rss/{c.slug}.rss"), None)
            return self.rss(category) if category else None
        if path == "/feeds/all.atom":
            return self.atom()
        if path == "/rss.html":
            return self.rss_page()
        if path in PAGES:
            return self.static_page(path, request)
        if path == "/tim-kiem":
            return self.search(query.get("q", ""))
        if path in self.by_path:
            return self.article(self.by_path[path])
        category = next((c for c in CATEGORIES if path == f"/{c.slug}/"), None)
        if category:
            return self.category(category)
        topic = re.fullmatch(r"/chu-de/([a-z0-9-]+)", path)
        if topic and topic.group(1) in TOPICS:
            return self.topic(topic.group(1))
        return None

    # -- shells -------------------------------------------------------------------

    def home(self) -> Response:
        boxes = "\n".join(
            self.api_box(c.name, f"/api/news?cat={c.id}&page=1&limit=5", f"/{c.slug}/", "col-4")
            for c in CATEGORIES
        )
        main = (
            f'<h1 class="visually-hidden">{SITE}</h1>\n'
            '<div class="home-hero" id="hero" data-api="'
            f'{self.link("/api/news?featured=1&limit=5")}"></div>\n'
            f"{self.api_box('Tin mới nhất', '/api/news?page=1&limit=8', None, 'latest')}\n"
            f'<div class="row">\n{boxes}\n</div>\n'
            '<section class="banner-row"><a href="http://daknong.example.gov.vn/dich-vu-cong"'
            ' target="_blank" rel="noopener"><img src="'
            f'{self.link("/static/img/banner-dvc.png")}" alt="Dịch vụ công trực tuyến"></a></section>'
        )
        return self.shell(
            title=f"Trang chủ | {SITE}",
            description="Trang thông tin điện tử Ban Tuyên giáo Tỉnh ủy Đắk Nông",
            canonical="/",
            main=main,
            feeds=CATEGORIES,
        )

    def category(self, category: Category) -> Response:
        main = (
            '<nav class="breadcrumb" aria-label="breadcrumb"><ol>'
            f'<li><a href="{self.link("/")}">Trang chủ</a></li>'
            f'<li class="active" aria-current="page">{category.name}</li></ol></nav>\n'
            f'<h1 class="page-title">{category.name}</h1>\n'
            f'<p class="page-desc">{category.description}</p>\n'
            f'<div id="list-news" class="news-list" data-api="'
            f'{self.link(f"/api/news?cat={category.id}&page=1")}"></div>\n'
            '<nav class="pager" id="pager" data-target="list-news"></nav>'
        )
        return self.shell(
            title=f"{category.name} | {SITE}",
            description=category.description,
            canonical=f"/{category.slug}/",
            main=main,
            feeds=[category],
        )

    def topic(self, slug: str) -> Response:
        name = TOPICS[slug]
        main = (
            '<nav class="breadcrumb" aria-label="breadcrumb"><ol>'
            f'<li><a href="{self.link("/")}">Trang chủ</a></li>'
            f'<li class="active">Chủ đề</li></ol></nav>\n'
            f'<h1 class="page-title">Chủ đề: {name}</h1>\n'
            f'<div id="list-news" class="news-list" data-api="'
            f'{self.link(f"/api/news?topic={slug}&page=1")}"></div>'
        )
        return self.shell(
            title=f"Chủ đề {name} | {SITE}",
            description=f"Tin bài về {name}",
            canonical=f"/chu-de/{slug}",
            main=main,
            feeds=[],
        )

    def search(self, words: str) -> Response:
        api = self.link("/api/search?q=" + quote_plus(words))
        main = (
            f'<h1 class="page-title">Kết quả tìm kiếm: {html.escape(words)}</h1>\n'
            f'<div id="list-news" class="news-list" data-api="{api}"></div>'
        )
        return self.shell(
            title=f"Tìm kiếm | {SITE}",
            description="Tìm kiếm",
            canonical="/tim-kiem",
            main=main,
            feeds=[],
            head='<meta name="robots" content="noindex, follow">',
        )

    def rss_page(self) -> Response:
        rows = "".join(
            f'<tr><td>{c.name}</td><td><a class="rss-link" href="{self.link(f"/rss/{c.slug}.rss")}">'
            f"{self.base}/rss/{c.slug}.rss</a></td></tr>"
            for c in CATEGORIES
        )
        rows += (
            f'<tr><td>Tất cả tin bài (Atom)</td><td><a class="rss-link" href="'
            f'{self.link("/feeds/all.atom")}">{self.base}/feeds/all.atom</a></td></tr>'
        )
        main = (
            '<h1 class="page-title">RSS</h1>\n<p>RSS (Really Simple Syndication) là định dạng'
            " dữ liệu dùng để chia sẻ tin bài. Bạn có thể dùng các phần mềm đọc tin để nhận tin"
            " mới nhất từ Trang thông tin điện tử Ban Tuyên giáo Tỉnh ủy Đắk Nông.</p>\n"
            f'<table class="table rss-table"><thead><tr><th>Chuyên mục</th><th>Đường dẫn</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
        return self.shell(
            title=f"RSS | {SITE}",
            description="Danh sách kênh RSS",
            canonical="/rss.html",
            main=main,
            feeds=[],
        )

    def static_page(self, path: str, request: Request) -> Response:
        title, paragraphs = PAGES[path]
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        if path == "/lien-he.html":
            body += (
                f'<form class="contact-form" action="{self.link("/lien-he.html")}" method="post">'
                '<input type="text" name="name" placeholder="Họ tên" required>'
                '<input type="email" name="email" placeholder="Email" required>'
                '<textarea name="message" rows="6" placeholder="Nội dung"></textarea>'
                '<button type="submit">Gửi liên hệ</button></form>'
            )
            if request.method == "POST":
                body = '<div class="alert alert-success">Cảm ơn bạn đã liên hệ.</div>' + body
        main = (
            f'<div class="static-page"><h1 class="page-title">{title}</h1>\n'
            f'<div class="page-content">{body}</div></div>'
        )
        return self.shell(
            title=f"{title} | {SITE}",
            description=paragraphs[0][:150],
            canonical=path,
            main=main,
            feeds=[],
        )

    # -- the article ----------------------------------------------------------------

    def article(self, article: Article) -> Response:
        cat = article.category
        when = article.published
        url = self.abs(article.path)
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": article.title,
            "description": article.sapo,
            "image": [self.abs(article.image)],
            "datePublished": when.isoformat(),
            "dateModified": article.updated.isoformat(),
            "articleSection": cat.name,
            "author": {"@type": "Person", "name": article.author},
            "publisher": {
                "@type": "Organization",
                "name": SITE,
                "logo": {"@type": "ImageObject", "url": self.abs("/static/img/logo.png")},
            },
        }
        crumbs = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Trang chủ", "item": self.abs("/")},
                {
                    "@type": "ListItem",
                    "position": 2,
                    "name": cat.name,
                    "item": self.abs(f"/{cat.slug}/"),
                },
            ],
        }
        head = "\n".join(
            [
                f'<meta property="og:image" content="{html.escape(self.abs(article.image))}">',
                f'<meta property="article:published_time" content="{when.isoformat()}">',
                f'<meta property="article:modified_time" content="{article.updated.isoformat()}">',
                f'<meta property="article:section" content="{cat.name}">',
                '<script type="application/ld+json">'
                + json.dumps(ld, ensure_ascii=False)
                + "</script>",
                '<script type="application/ld+json">'
                + json.dumps(crumbs, ensure_ascii=False)
                + "</script>",
            ]
        )
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
        topics = ""
        if article.topics:
            topics = '<div class="tags"><span>Từ khóa:</span> ' + " ".join(
                f'<a class="tag" href="{self.link(f"/chu-de/{t}")}">{TOPICS[t]}</a>'
                for t in article.topics
            )
            topics += "</div>"
        main = f"""<nav class="breadcrumb" aria-label="breadcrumb"><ol>
  <li><a href="{self.link("/")}">Trang chủ</a></li>
  <li><a href="{self.link(f"/{cat.slug}/")}">{cat.name}</a></li>
</ol></nav>
<div class="row">
<div class="col-main">
<article class="article-detail" data-id="{article.id}">
  <header class="article-header">
    <h1 class="article-title">{html.escape(article.title)}</h1>
    <div class="article-meta"><time datetime="{when.isoformat()}">{WEEKDAYS[when.weekday()]}, {when:%d/%m/%Y - %H:%M}</time> <span class="article-author">{article.author}</span></div>
  </header>
  <p class="article-sapo"><strong>{html.escape(article.sapo)}</strong></p>
  <figure class="article-figure"><img src="{self.link(article.image)}" alt="{html.escape(article.title)}" width="800" height="500"><figcaption>Ảnh: {article.author}</figcaption></figure>
  <div class="article-body">
{body}
  <p class="article-source" style="text-align:right"><strong>{article.author}</strong></p>
  </div>
  <footer class="article-footer">
    {topics}
    <div class="share" data-url="{html.escape(url)}"><button class="share-fb" type="button">Facebook</button><button class="share-zalo" type="button">Zalo</button><button class="share-copy" type="button">Sao chép liên kết</button></div>
  </footer>
</article>
<section class="related"><h2 class="section-title">Tin liên quan</h2>
<div class="news-list" data-api="{self.link(f"/api/related?id={article.id}")}"></div></section>
</div>
<aside class="col-side">
{self.api_box("Đọc nhiều", "/api/news?sort=views&limit=6", None, "most-read")}
</aside>
</div>"""
        return self.shell(
            title=f"{article.title} | {SITE}",
            description=article.sapo[:160],
            canonical=article.path,
            main=main,
            feeds=[cat],
            og_type="article",
            head=head,
        )

    # -- JSON (for the script) ------------------------------------------------------

    def api(self, path: str, query: dict[str, str]) -> Response | None:
        items = self.items
        if path == "/api/related":
            article = (
                self.by_id.get(int(query.get("id", "0") or 0))
                if query.get("id", "").isdigit()
                else None
            )
            if article is None:
                return None
            items = [a for a in self.in_category(article.category) if a is not article][:5]
            return self.json({"items": [self.card(a) for a in items]})
        if path == "/api/search":
            words = query.get("q", "").lower()
            items = [a for a in self.items if words and words in a.title.lower()]
        elif path != "/api/news":
            return None
        if "cat" in query:
            items = [a for a in items if str(a.category.id) == query["cat"]]
        if "topic" in query:
            items = [a for a in items if query["topic"] in a.topics]
        if query.get("featured") == "1":
            items = items[::3]
        limit = int(query["limit"]) if query.get("limit", "").isdigit() else 10
        page = int(query["page"]) if query.get("page", "").isdigit() else 1
        pages = max(1, (len(items) + limit - 1) // limit)
        shown = items[(page - 1) * limit : page * limit]
        data: dict[str, object] = {
            "page": page,
            "totalPages": pages,
            "items": [self.card(a) for a in shown],
        }
        if page < pages:
            rest = "&".join(f"{k}={v}" for k, v in query.items() if k != "page")
            data["next"] = self.rec(f"{path}?{rest}&page={page + 1}".replace("?&", "?"))
        return self.json(data)

    def card(self, article: Article) -> dict[str, object]:
        return {
            "id": article.id,
            "title": article.title,
            "url": self.rec(article.path),
            "thumb": self.rec(article.thumb),
            "sapo": article.sapo[:220],
            "category": {
                "name": article.category.name,
                "url": self.rec(f"/{article.category.slug}/"),
            },
            "publishedAt": article.published.isoformat(),
        }

    def json(self, data: object) -> Response:
        return Response(
            json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8"
        )

    # -- feeds ----------------------------------------------------------------------

    def rss(self, category: Category) -> Response:
        items = self.in_category(category)[:FEED_ITEMS]
        entries = []
        for a in items:
            link = self.x(a.path)
            description = (
                f'<a href="{self.abs(a.path)}"><img src="{self.abs(a.thumb)}" width="240" /></a>'
                f"{html.escape(a.sapo)}"
            )
            entries.append(
                f"""    <item>
      <title>{html.escape(a.title, quote=False)}</title>
      <link>{link}</link>
      <guid isPermaLink="true">{link}</guid>
      <description><![CDATA[{description}]]></description>
      <category>{category.name}</category>
      <pubDate>{format_datetime(a.published)}</pubDate>
      <enclosure url="{self.x(a.thumb)}" length="48213" type="image/jpeg" />
    </item>
"""
            )
        build = max(a.updated for a in items)
        text = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{category.name} - {SITE}</title>
    <link>{self.x(f"/{category.slug}/")}</link>
    <description>{category.description}</description>
    <language>vi-VN</language>
    <copyright>{SITE}</copyright>
    <lastBuildDate>{format_datetime(build)}</lastBuildDate>
    <ttl>30</ttl>
    <atom:link href="{self.x(f"/rss/{category.slug}.rss")}" rel="self" type="application/rss+xml" />
    <image><url>{self.x("/static/img/logo.png")}</url><title>{SITE}</title><link>{self.x("/")}</link></image>
{"".join(entries)}  </channel>
</rss>
"""
        return self.cached(text, RSS, build)

    def atom(self) -> Response:
        items = self.items[:ATOM_ITEMS]
        entries = "".join(
            f"""  <entry>
    <title>{html.escape(a.title, quote=False)}</title>
    <link rel="alternate" type="text/html" href="{self.x(a.path)}" />
    <id>tag:btg.daknong.example.vn,{a.published:%Y-%m-%d}:/a{a.id}</id>
    <published>{a.published.isoformat()}</published>
    <updated>{a.updated.isoformat()}</updated>
    <author><name>{a.author}</name></author>
    <category term="{a.category.slug}" label="{a.category.name}" />
    <summary type="html">{html.escape(html.escape(a.sapo, quote=False), quote=False)}</summary>
  </entry>
"""
            for a in items
        )
        build = max(a.updated for a in items)
        text = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <title>{SITE}</title>
  <subtitle>Tin bài mới nhất</subtitle>
  <link rel="self" type="application/atom+xml" href="{self.x("/feeds/all.atom")}" />
  <link rel="alternate" type="text/html" href="{self.x("/")}" />
  <id>tag:btg.daknong.example.vn,2016:/feeds/all</id>
  <updated>{build.isoformat()}</updated>
  <icon>{self.x("/static/img/favicon.png")}</icon>
{entries}</feed>
"""
        return self.cached(text, ATOM, build)

    def cached(self, text: str, ctype: str, modified: dt.datetime) -> Response:
        body = text.encode("utf-8")
        return Response(
            body,
            ctype,
            etag='"' + hashlib.sha1(body).hexdigest()[:16] + '"',
            last_modified=modified.astimezone(dt.UTC),
        )

    # -- robots and sitemaps ----------------------------------------------------------

    def robots(self) -> str:
        return (
            "User-agent: *\nDisallow: /api/\nDisallow: /tim-kiem\nAllow: /\n\n"
            f"Sitemap: {self.abs('/sitemap.xml')}\n"
        )

    def posts_in_sitemaps(self) -> list[list[Article]]:
        """The nightly post sitemaps, oldest first, without the newest articles."""
        written = list(reversed(self.items[SITEMAP_LAG:]))
        return [
            written[n : n + POSTS_PER_SITEMAP] for n in range(0, len(written), POSTS_PER_SITEMAP)
        ]

    def news_items(self) -> list[Article]:
        """The Google News sitemap: the last days' articles (more than the lag)."""
        return self.items[: SITEMAP_LAG + NEWS_EXTRA]

    def sitemap(self, path: str) -> Response | None:
        chunks = self.posts_in_sitemaps()
        night = self.items[SITEMAP_LAG].updated.replace(hour=2, minute=0) + dt.timedelta(days=1)
        if path == "/sitemap.xml":
            maps = [("/sitemaps/news.xml", self.items[0].updated)]
            maps += [
                (f"/sitemaps/posts-{n}.xml", max(a.updated for a in chunk))
                for n, chunk in enumerate(chunks, 1)
            ]
            maps.append(("/sitemaps/pages.xml", dt.datetime(2026, 6, 2, 9, 0, tzinfo=ICT)))
            rows = "".join(
                f"  <sitemap>\n    <loc>{self.x(p)}</loc>\n"
                f"    <lastmod>{m.isoformat()}</lastmod>\n  </sitemap>\n"
                for p, m in maps
            )
            text = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"{rows}</sitemapindex>\n"
            )
            return self.cached(text, XML, self.items[0].updated)
        if path == "/sitemaps/news.xml":
            rows = "".join(
                f"""  <url>
    <loc>{self.x(a.path)}</loc>
    <news:news>
      <news:publication>
        <news:name>{SITE}</news:name>
        <news:language>vi</news:language>
      </news:publication>
      <news:publication_date>{a.published.isoformat()}</news:publication_date>
      <news:title>{html.escape(a.title, quote=False)}</news:title>
    </news:news>
    <image:image><image:loc>{self.x(a.image)}</image:loc></image:image>
  </url>
"""
                for a in self.news_items()
            )
            text = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
                ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
                ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
                f"{rows}</urlset>\n"
            )
            return self.cached(text, XML, self.items[0].updated)
        posts = re.fullmatch(r"/sitemaps/posts-(\d+)\.xml", path)
        if posts:
            n = int(posts.group(1))
            if not 1 <= n <= len(chunks):
                return None
            rows = "".join(
                f"  <url>\n    <loc>{self.x(a.path)}</loc>\n"
                f"    <lastmod>{a.updated.isoformat()}</lastmod>\n"
                "    <changefreq>monthly</changefreq>\n    <priority>0.6</priority>\n  </url>\n"
                for a in chunks[n - 1]
            )
            text = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"{rows}</urlset>\n"
            )
            return self.cached(text, XML, night)
        if path == "/sitemaps/pages.xml":
            pages = [("/", "daily", "1.0")]
            pages += [(f"/{c.slug}/", "hourly", "0.8") for c in CATEGORIES]
            pages += [(p, "yearly", "0.3") for p in PAGES]
            pages.append(("/rss.html", "yearly", "0.2"))
            rows = "".join(
                f"  <url>\n    <loc>{self.x(p)}</loc>\n    <changefreq>{f}</changefreq>\n"
                f"    <priority>{pr}</priority>\n  </url>\n"
                for p, f, pr in pages
            )
            text = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"{rows}</urlset>\n"
            )
            return self.cached(text, XML, dt.datetime(2026, 6, 2, 9, 0, tzinfo=ICT))
        return None

    # -- static files -------------------------------------------------------------------

    def asset(self, path: str) -> Response | None:
        if path == f"/static/js/app.{BUILD}.js":
            return Response(APP_JS.encode("utf-8"), "application/javascript; charset=utf-8")
        if path == f"/static/css/app.{BUILD}.css":
            return Response(b".news-list{min-height:200px}", "text/css; charset=utf-8")
        if path.startswith("/static/img/") and path.endswith(".png"):
            return Response(PNG, "image/png")
        match = re.fullmatch(r"/uploads/\d{4}/\d{2}/a(\d+)-(cover|thumb)\.jpg", path)
        if match and int(match.group(1)) in self.by_id:
            return Response(PNG, "image/jpeg")
        return None


APP_JS = """(function () {
  'use strict';
  var days = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  var now = new Date();
  var today = document.getElementById('today');
  if (today) today.textContent = days[now.getDay()] + ', ' + now.toLocaleDateString('vi-VN');
  function esc(s) { var d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
  function card(it) {
    return '<div class="news-item"><a class="thumb" href="' + it.url + '"><img src="' + it.thumb +
      '" alt=""></a><h3 class="news-title"><a href="' + it.url + '">' + esc(it.title) +
      '</a></h3><p class="news-sapo">' + esc(it.sapo) + '</p></div>';
  }
  function load(el, url, append) {
    fetch(url, {headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var html = data.items.map(card).join('');
        el.innerHTML = append ? el.innerHTML + html : html;
        var more = el.parentNode.querySelector('.btn-more');
        if (more) {
          more.hidden = !data.next;
          more.onclick = function () { load(el, data.next, true); };
        }
      });
  }
  document.querySelectorAll('[data-api]').forEach(function (el) { load(el, el.dataset.api); });
})();
"""


def make_site() -> CorpusSite:
    return JsFeedsPortal()
