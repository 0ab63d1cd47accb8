"""A WordPress 6.1 site of a district Ban Tuyên giáo, with Yoast SEO and an _s-based
Vietnamese news theme, as countless Huyện ủy and Đảng bộ sites run.

Pretty permalinks `/%year%/%monthnum%/%postname%/`, every URL absolute (home_url). The
home page lists the latest posts (`/page/2/` ...); category (`/chuyen-muc/...`), tag,
author and month archives, each paginated, each with its feed; `/feed/`, comment feeds
(the site's and every post's); Yoast's `sitemap_index.xml` (named in robots.txt) with
post, page, category, tag and author sitemaps; the REST API, oEmbed and RSD links in
every head; the shortlink `/?p=123` (a 301 to the permalink, named by rel=canonical).

Traps:
- archive pages are `<article class="post-N post type-post ...">` lists with excerpts
  and "Đọc tiếp" links (`#more-N`); the home page shows `entry-content` teasers;
- a post ends with a post navigation (prev/next post), "Bài viết liên quan" (4 related
  posts with thumbnails) and the comment form `<form action=".../wp-comments-post.php">`;
- the WordPress pages `/gioi-thieu/` and `/lien-he/` (og:type article, as Yoast writes
  for pages; no date): static pages, not articles; Yoast's post sitemap lists the home
  page first;
- the REST API serves each post's title and content as JSON; feeds carry full content;
- Yoast's SearchAction names `/?s={search_term_string}`, a template, not a link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import random
import re
from dataclasses import dataclass, field
from email.utils import format_datetime
from urllib.parse import parse_qs, quote

from cms_sites.base import RSS, TEXT, CorpusSite, slugify
from tuyengiao_crawler.demo_site.serving import Request, Response

SITE = "Ban Tuyên giáo Huyện ủy Hương Khê"
TAGLINE = "Trang thông tin điện tử"
ICT = dt.timezone(dt.timedelta(hours=7))
PER_PAGE = 10
WP = "6.1.1"
THEME = "1.2.0"
MONTHS = [
    "",
    "Tháng Một",
    "Tháng Hai",
    "Tháng Ba",
    "Tháng Tư",
    "Tháng Năm",
    "Tháng Sáu",
    "Tháng Bảy",
    "Tháng Tám",
    "Tháng Chín",
    "Tháng Mười",
    "Tháng Mười Một",
    "Tháng Mười Hai",
]
JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00C\x00"
    + bytes(range(1, 65))
    + b"\xff\xd9"
)


@dataclass(frozen=True)
class Term:
    id: int
    slug: str
    name: str
    description: str = ""


CATEGORIES = [
    Term(3, "tin-hoat-dong", "Tin hoạt động", "Tin tức hoạt động của ngành Tuyên giáo huyện."),
    Term(4, "nghien-cuu-trao-doi", "Nghiên cứu - Trao đổi", "Bài viết nghiên cứu, trao đổi."),
    Term(5, "hoc-tap-va-lam-theo-bac", "Học tập và làm theo Bác", "Gương điển hình làm theo Bác."),
]
TAGS = [
    Term(7, "nghi-quyet", "nghị quyết"),
    Term(8, "dai-hoi-dang", "đại hội đảng"),
    Term(9, "covid-19", "Covid-19"),
    Term(10, "hoc-tap-lam-theo-bac", "học tập và làm theo Bác"),
    Term(11, "du-luan-xa-hoi", "dư luận xã hội"),
    Term(12, "xay-dung-dang", "xây dựng Đảng"),
]
TAG_WORDS = {
    "nghi-quyet": ("Nghị quyết", "nghị quyết", "Chỉ thị", "Kết luận"),
    "dai-hoi-dang": ("Đại hội", "đại hội", "nhiệm kỳ", "nhân sự", "văn kiện"),
    "covid-19": ("Covid", "dịch"),
    "hoc-tap-lam-theo-bac": ("Bác", "Hồ Chí Minh", "gương", "tấm gương"),
    "du-luan-xa-hoi": ("dư luận", "cộng tác viên", "mạng xã hội"),
    "xay-dung-dang": ("chi bộ", "Đảng", "dân chủ", "cấp ủy"),
}


@dataclass(frozen=True)
class Author:
    id: int
    slug: str
    name: str


AUTHORS = [Author(1, "admin", "admin"), Author(2, "bientap", "Biên tập viên")]

HEADLINES = {
    "tin-hoat-dong": [
        "Hội nghị tổng kết công tác tuyên giáo năm 2019, triển khai nhiệm vụ năm 2020",
        "Huyện ủy Hương Khê quán triệt Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp",
        "Tọa đàm kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "Ban Tuyên giáo Huyện ủy triển khai tuyên truyền phòng, chống dịch Covid-19",
        "Hội nghị báo cáo viên tháng 3 năm 2020",
        "Giao ban công tác dư luận xã hội quý I năm 2020",
        "Đại hội Chi bộ Trường THPT Hương Khê nhiệm kỳ 2020 - 2022",
        "Hội nghị trực tuyến sơ kết công tác phòng, chống dịch tại huyện",
        "Xã Hương Trạch tổ chức Đại hội điểm Đảng bộ xã nhiệm kỳ 2020 - 2025",
        "Kiểm tra công tác chuẩn bị đại hội tại các tổ chức cơ sở đảng",
        "Ban Tuyên giáo Huyện ủy gặp mặt cộng tác viên dư luận xã hội",
        "Tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh",
        "Triển khai Cuộc thi trắc nghiệm tìm hiểu lịch sử Đảng bộ huyện",
        "Đại hội Đảng bộ thị trấn Hương Khê lần thứ XXIV",
        "Hương Khê tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW",
    ],
    "nghien-cuu-trao-doi": [
        "Phát huy vai trò của Mặt trận trong xây dựng nông thôn mới ở Hương Khê",
        "Đưa nghị quyết của Đảng vào cuộc sống: bài học từ cơ sở",
        "Cảnh giác trước âm mưu lợi dụng dịch bệnh để chống phá",
        "Nâng cao chất lượng văn kiện đại hội đảng bộ cấp xã",
        "Vai trò của chi bộ thôn, xóm trong vận động quần chúng",
        "Thực hành dân chủ trong Đảng qua đợt đại hội cấp cơ sở",
        "Giải pháp phát triển kinh tế đồi rừng gắn với giảm nghèo bền vững",
        "Công tác tuyên truyền trên mạng xã hội ở cấp huyện: thực trạng và giải pháp",
        "Lựa chọn nhân sự cấp ủy: đúng người, đúng việc",
    ],
    "hoc-tap-va-lam-theo-bac": [
        "Cựu chiến binh Trần Văn Lợi làm theo lời Bác",
        "Cô giáo vùng cao Hương Liên tận tụy với học trò",
        "Bí thư chi bộ thôn Phú Lễ gương mẫu trong phát triển kinh tế",
        "Những tấm gương bình dị làm theo Bác ở vùng lũ Hương Khê",
        "Chi đoàn thanh niên xã Phúc Đồng với công trình Thắp sáng đường quê",
        "Nữ đảng viên trẻ Lê Thị Hoa khởi nghiệp từ cây bưởi Phúc Trạch",
    ],
}
# Editors shorten a few slugs by hand.
SLUGS = {"Hội nghị báo cáo viên tháng 3 năm 2020": "hoi-nghi-bao-cao-vien-thang-3"}

COMMUNES = [
    "xã Hương Trạch",
    "xã Phúc Đồng",
    "xã Hương Liên",
    "xã Hương Đô",
    "xã Gia Phố",
    "xã Hà Linh",
    "xã Phú Gia",
    "thị trấn Hương Khê",
]
SENTENCES = [
    "Thực hiện kế hoạch của Ban Thường vụ Huyện ủy, Ban Tuyên giáo đã chủ động tham mưu, hướng dẫn các tổ chức cơ sở đảng triển khai nhiệm vụ.",
    "Toàn huyện hiện có {so} tổ chức cơ sở đảng với hơn {ngan} đảng viên sinh hoạt tại các chi bộ.",
    "Tại {xa}, cấp ủy đã tổ chức {so} buổi sinh hoạt chuyên đề, thu hút đông đảo đảng viên và quần chúng tham gia.",
    "Đồng chí Nguyễn Đình Hải, Trưởng Ban Tuyên giáo Huyện ủy nhấn mạnh yêu cầu bám sát cơ sở, nắm chắc tình hình tư tưởng của nhân dân.",
    "Đồng chí Phan Thị Minh Nguyệt, Phó Bí thư Thường trực Huyện ủy đề nghị các chi bộ tiếp tục đổi mới nội dung sinh hoạt.",
    "Qua đó, nhận thức của cán bộ, đảng viên về vị trí, vai trò của công tác tư tưởng được nâng lên rõ rệt.",
    "Tỷ lệ đảng viên tham gia học tập, quán triệt đạt {pt}%, nhiều nơi tổ chức viết thu hoạch nghiêm túc.",
    "Đội ngũ cộng tác viên dư luận xã hội gồm {so} đồng chí, thường xuyên phản ánh kịp thời tâm tư, nguyện vọng của nhân dân.",
    "Trong bối cảnh dịch bệnh diễn biến phức tạp, các hình thức tuyên truyền trực tuyến được đẩy mạnh.",
    "Hệ thống truyền thanh cơ sở ở {so} thôn, tổ dân phố phát sóng đều đặn các nội dung tuyên truyền.",
    "Nhiều mô hình hay như tổ tự quản, câu lạc bộ dân vận khéo ở {xa} đã phát huy hiệu quả.",
    "Người dân phấn khởi, đồng tình với chủ trương của cấp ủy, chính quyền địa phương.",
    "Bên cạnh đó, vẫn còn một số chi bộ sinh hoạt chưa nền nếp, nội dung chưa phong phú.",
    "Thời gian tới, Ban Tuyên giáo Huyện ủy sẽ tiếp tục hướng dẫn cơ sở thực hiện tốt công tác tuyên truyền trước, trong và sau đại hội.",
    "Các đại biểu đã thảo luận sôi nổi, đóng góp nhiều ý kiến tâm huyết vào dự thảo văn kiện.",
    "Huyện đã khen thưởng {so} tập thể, cá nhân điển hình trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Công tác nắm bắt dư luận được duy trì thường xuyên, kịp thời tham mưu cấp ủy định hướng thông tin.",
    "Để nâng cao hiệu quả, cần đa dạng hóa hình thức tuyên truyền, phù hợp với từng nhóm đối tượng.",
    "Thực tiễn ở Hương Khê cho thấy, nơi nào cấp ủy quan tâm, nơi đó phong trào chuyển biến rõ nét.",
    "Các thế lực thù địch triệt để lợi dụng mạng xã hội để tung tin xuyên tạc, gây hoang mang dư luận.",
    "Mỗi cán bộ, đảng viên cần nâng cao tinh thần cảnh giác, không chia sẻ thông tin chưa được kiểm chứng.",
    "Đến nay, {pt}% số thôn đạt chuẩn khu dân cư nông thôn mới kiểu mẫu theo kế hoạch.",
    "Lãnh đạo huyện ghi nhận những kết quả đạt được, đồng thời chỉ ra một số tồn tại cần sớm khắc phục.",
]


# For the portraits of "Học tập và làm theo Bác" only.
PORTRAIT = [
    "Ông chia sẻ, điều quan trọng nhất là nói đi đôi với làm, cán bộ phải gương mẫu trước để dân tin, dân theo.",
    "Mỗi năm, gia đình ông thu nhập trên {so} triệu đồng, tạo việc làm thường xuyên cho nhiều lao động địa phương.",
    "Với những đóng góp đó, nhiều năm liền được công nhận đảng viên hoàn thành xuất sắc nhiệm vụ.",
    "Không chỉ làm kinh tế giỏi, đây còn là người đi đầu trong các phong trào ở thôn, được bà con tin yêu.",
    "Những việc làm bình dị ấy đã góp phần lan tỏa sâu rộng việc học tập và làm theo Bác trong cộng đồng.",
]


def prose(rng: random.Random, count: int, portrait: bool = False) -> list[str]:
    picks = rng.sample(SENTENCES + PORTRAIT if portrait else SENTENCES, count * 3)
    out = []
    for n in range(count):
        chosen = picks[n * 3 : n * 3 + rng.choice((2, 3))]
        out.append(
            " ".join(
                s.format(
                    so=rng.randint(14, 160),
                    ngan=f"{rng.randint(4, 7)}.{rng.randint(100, 999)}",
                    pt=rng.randint(88, 99),
                    xa=rng.choice(COMMUNES),
                )
                for s in chosen
            )
        )
    return out


@dataclass
class Post:
    id: int
    title: str
    slug: str
    category: Term
    tags: list[Term]
    author: Author
    date: dt.datetime
    modified: dt.datetime
    paragraphs: list[str]
    signature: str

    @property
    def path(self) -> str:
        return f"/{self.date:%Y/%m}/{self.slug}/"

    @property
    def image(self) -> str:
        return (
            f"/wp-content/uploads/{self.date:%Y/%m}/{self.slug[:40].strip('-')}-{self.id + 1}.jpg"
        )

    @property
    def thumb(self) -> str:
        return self.image.removesuffix(".jpg") + "-300x200.jpg"

    def excerpt(self) -> str:
        words = " ".join(self.paragraphs).split()
        return " ".join(words[:55]) + " [&hellip;]"


@dataclass
class Archive:
    """A listing: its base path, heading, posts and the head/graph it declares."""

    base: str
    title: str
    heading: str
    posts: list[Post]
    body_class: str
    og_type: str = "website"
    description: str = ""
    feed: tuple[str, str] | None = None
    crumbs: list[tuple[str, str | None]] = field(default_factory=list)
    blurb: str = ""


def iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


class WordPressSite(CorpusSite):
    family = "wordpress"
    start_path = "/"

    def __init__(self) -> None:
        super().__init__()
        rng = random.Random(2020)
        queues = {c.slug: list(HEADLINES[c.slug]) for c in CATEGORIES}
        order = []
        while any(queues.values()):
            slug = rng.choice([s for s, q in queues.items() if q])
            order.append((slug, queues[slug].pop(0)))
        cats = {c.slug: c for c in CATEGORIES}
        when = dt.datetime(2020, 1, 3, 8, 15, tzinfo=ICT)
        ident = 112
        self.posts: list[Post] = []
        for slug, title in order:
            when += dt.timedelta(days=rng.randint(3, 8), minutes=rng.randint(-200, 200))
            paragraphs = prose(rng, rng.randint(4, 7), slug == "hoc-tap-va-lam-theo-bac")
            tags = [t for t in TAGS if any(w in title for w in TAG_WORDS[t.slug])]
            if not tags:
                tags = [rng.choice(TAGS)]
            post = Post(
                id=ident,
                title=title,
                slug=SLUGS.get(title, slugify(title)),
                category=cats[slug],
                tags=tags,
                author=AUTHORS[0] if rng.random() < 0.6 else AUTHORS[1],
                date=when,
                modified=when + dt.timedelta(hours=rng.randint(1, 60)),
                paragraphs=paragraphs,
                signature=rng.choice(["Minh Hà", "Thu Trang", "Quang Đạo", "Ban Tuyên giáo"]),
            )
            ident += rng.randint(2, 6)
            self.posts.append(post)
            self.articles[title] = post.path
        self.posts.reverse()  # newest first, as every listing shows them
        self.by_path = {p.path: p for p in self.posts}
        self.by_id = {p.id: p for p in self.posts}
        self.base = ""

    # -- URLs -----------------------------------------------------------------

    def abs(self, path: str) -> str:
        """Record ``path`` and return it absolute, unescaped (for JSON and XML)."""
        self.link(path)
        return self.base + path

    def home(self) -> str:
        """home_url() as WordPress writes it in feeds: no trailing slash (recorded as
        written, and as the "/" it means)."""
        self.link("/")
        self.linked.add("")
        return html.escape(self.base, quote=False)

    def u(self, path: str) -> str:
        """Record ``path`` and return it absolute, escaped for an HTML attribute."""
        return html.escape(self.abs(path), quote=True)

    def x(self, path: str) -> str:
        """Absolute and escaped for XML text."""
        return html.escape(self.abs(path), quote=False)

    # -- the theme --------------------------------------------------------------

    def head_links(self, extra_feeds: list[tuple[str, str]], json_alt: str | None) -> str:
        feeds = [
            (f"{SITE} &raquo; Dòng thông tin", "/feed/"),
            (f"{SITE} &raquo; Dòng phản hồi", "/comments/feed/"),
            *extra_feeds,
        ]
        out = ["<link rel='dns-prefetch' href='//s.w.org' />"]
        out += [
            f'<link rel="alternate" type="application/rss+xml" title="{t}" href="{self.u(p)}" />'
            for t, p in feeds
        ]
        out += [
            f"<link rel='stylesheet' id='wp-block-library-css' href='"
            f"{self.u(f'/wp-includes/css/dist/block-library/style.min.css?ver={WP}')}' media='all' />",
            f"<link rel='stylesheet' id='tgnews-style-css' href='"
            f"{self.u(f'/wp-content/themes/tgnews/style.css?ver={THEME}')}' media='all' />",
            f"<script src='{self.u('/wp-includes/js/jquery/jquery.min.js?ver=3.6.1')}'"
            " id='jquery-core-js'></script>",
            f'<link rel="https://api.w.org/" href="{self.u("/wp-json/")}" />',
        ]
        if json_alt:
            out.append(
                f'<link rel="alternate" type="application/json" href="{self.u(json_alt)}" />'
            )
        out += [
            f'<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{self.u("/xmlrpc.php?rsd")}" />',
            f'<meta name="generator" content="WordPress {WP}" />',
        ]
        return "\n".join(out)

    def graph(self, nodes: list[dict]) -> str:
        website = {
            "@type": "WebSite",
            "@id": self.abs("/") + "#website",
            "url": self.abs("/"),
            "name": SITE,
            "description": TAGLINE,
            "publisher": {"@id": self.abs("/") + "#organization"},
            "potentialAction": [
                {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": self.base + "/?s={search_term_string}",
                    },
                    "query-input": "required name=search_term_string",
                }
            ],
            "inLanguage": "vi",
        }
        organization = {
            "@type": "Organization",
            "@id": self.abs("/") + "#organization",
            "name": SITE,
            "url": self.abs("/"),
            "logo": {
                "@type": "ImageObject",
                "inLanguage": "vi",
                "@id": self.abs("/") + "#/schema/logo/image/",
                "url": self.abs("/wp-content/uploads/2019/10/logo-btg.png"),
                "contentUrl": self.abs("/wp-content/uploads/2019/10/logo-btg.png"),
                "width": 420,
                "height": 90,
                "caption": SITE,
            },
            "image": {"@id": self.abs("/") + "#/schema/logo/image/"},
        }
        data = {"@context": "https://schema.org", "@graph": [*nodes, website, organization]}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return f'<script type="application/ld+json" class="yoast-schema-graph">{text}</script>'

    def breadcrumb_node(self, page: str, crumbs: list[tuple[str, str | None]]) -> dict:
        items = []
        for n, (name, path) in enumerate(crumbs, 1):
            item = {"@type": "ListItem", "position": n, "name": name}
            if path:
                item["item"] = self.abs(path)
            items.append(item)
        return {"@type": "BreadcrumbList", "@id": page + "#breadcrumb", "itemListElement": items}

    def sidebar(self) -> str:
        recent = "".join(
            f'<li><a href="{self.u(p.path)}">{html.escape(p.title)}</a></li>'
            for p in self.posts[:5]
        )
        cats = "".join(
            f'<li class="cat-item cat-item-{c.id}"><a href="{self.u(f"/chuyen-muc/{c.slug}/")}">'
            f"{c.name}</a> ({sum(p.category is c for p in self.posts)})</li>"
            for c in CATEGORIES
        )
        months = sorted({(p.date.year, p.date.month) for p in self.posts}, reverse=True)
        archive = "".join(
            f"<li><a href='{self.u(f'/{y}/{m:02d}/')}'>{MONTHS[m]} {y}</a></li>" for y, m in months
        )
        cloud = []
        for n, t in enumerate(TAGS, 1):
            count = sum(t in p.tags for p in self.posts)
            size = 8 + min(14, count)
            cloud.append(
                f'<a href="{self.u(f"/tag/{t.slug}/")}" class="tag-cloud-link tag-link-{t.id}'
                f' tag-link-position-{n}" style="font-size: {size}pt;"'
                f' aria-label="{t.name} ({count} mục)">{t.name}</a>'
            )
        return f"""<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="{self.u("/")}">
<label><span class="screen-reader-text">Tìm kiếm cho:</span><input type="search" class="search-field" placeholder="Tìm kiếm &hellip;" value="" name="s" /></label>
<input type="submit" class="search-submit" value="Tìm kiếm" /></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><ul>{recent}</ul></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Chuyên mục</h2><ul>{cats}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2><ul>{archive}</ul></section>
<section id="tag_cloud-2" class="widget widget_tag_cloud"><h2 class="widget-title">Thẻ</h2><div class="tagcloud">{" ".join(cloud)}</div></section>
<section id="media_image-2" class="widget widget_media_image"><a href="http://example.gov.vn/"><img width="300" height="120" src="{self.u("/wp-content/uploads/2020/01/banner-dai-hoi-300x120.jpg")}" class="image wp-image-95 attachment-medium size-medium" alt="Chào mừng Đại hội Đảng bộ huyện" decoding="async" loading="lazy" /></a></section>
<section id="custom_html-2" class="widget_text widget widget_custom_html"><h2 class="widget-title">Liên kết website</h2><div class="textwidget custom-html-widget"><ul class="lien-ket">
<li><a href="http://dangcongsan.example.vn/" target="_blank" rel="noopener">Báo điện tử Đảng Cộng sản Việt Nam</a></li>
<li><a href="http://tuyengiao.example.vn/" target="_blank" rel="noopener">Tạp chí Tuyên giáo</a></li>
<li><a href="http://hatinh.example.gov.vn/" target="_blank" rel="noopener">Cổng thông tin điện tử tỉnh Hà Tĩnh</a></li>
<li><a href="http://huongkhe.example.gov.vn/" target="_blank" rel="noopener">Cổng thông tin điện tử huyện Hương Khê</a></li>
</ul></div></section>
</aside>"""

    def page(
        self,
        *,
        title: str,
        description: str,
        canonical: str | None,
        og_type: str,
        graph: list[dict],
        body_class: str,
        main: str,
        feeds: list[tuple[str, str]] = (),
        json_alt: str | None = None,
        shortlink: str | None = None,
        oembed: str | None = None,
        meta: str = "",
        front: bool = False,
        scripts: str = "",
        status: int = 200,
    ) -> Response:
        head = [
            '<meta charset="UTF-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<link rel="profile" href="https://gmpg.org/xfn/11">',
            "<meta name='robots' content='index, follow, max-image-preview:large,"
            " max-snippet:-1, max-video-preview:-1' />",
            "",
            "<!-- This site is optimized with the Yoast SEO plugin v19.10 -"
            " https://yoast.com/wordpress/plugins/seo/ -->",
            f"<title>{html.escape(title)}</title>",
            f'<meta name="description" content="{html.escape(description)}" />',
        ]
        if canonical:
            head.append(f'<link rel="canonical" href="{self.u(canonical)}" />')
        head += [
            '<meta property="og:locale" content="vi_VN" />',
            f'<meta property="og:type" content="{og_type}" />',
            f'<meta property="og:title" content="{html.escape(title)}" />',
            f'<meta property="og:description" content="{html.escape(description)}" />',
        ]
        if canonical:
            head.append(f'<meta property="og:url" content="{self.u(canonical)}" />')
        head += [f'<meta property="og:site_name" content="{SITE}" />', meta]
        head.append(self.graph(graph))
        head.append("<!-- / Yoast SEO plugin. -->\n")
        head.append(self.head_links(list(feeds), json_alt))
        if shortlink:
            head.append(f"<link rel='shortlink' href='{self.u(shortlink)}' />")
        if oembed:
            target = quote(self.base + oembed, safe="")
            head.append(
                '<link rel="alternate" type="application/json+oembed" href="'
                f'{self.u(f"/wp-json/oembed/1.0/embed?url={target}")}" />'
            )
            head.append(
                '<link rel="alternate" type="text/xml+oembed" href="'
                f'{self.u(f"/wp-json/oembed/1.0/embed?url={target}&format=xml")}" />'
            )
        menu = [
            (10, "/", "Trang chủ", "menu-item-home"),
            (11, "/gioi-thieu/", "Giới thiệu", "menu-item-object-page"),
            *(
                (20 + c.id, f"/chuyen-muc/{c.slug}/", c.name, "menu-item-object-category")
                for c in CATEGORIES
            ),
            (30, "/lien-he/", "Liên hệ", "menu-item-object-page"),
        ]
        menu_html = "".join(
            f'<li id="menu-item-{i}" class="menu-item menu-item-type-custom {css} menu-item-{i}">'
            f'<a href="{self.u(p)}">{n}</a></li>'
            for i, p, n, css in menu
        )
        title_tag = "h1" if front else "p"
        text = f"""<!doctype html>
<html lang="vi">
<head>
{chr(10).join(head)}
</head>

<body class="{body_class} wp-custom-logo hfeed">
<div id="page" class="site">
	<a class="skip-link screen-reader-text" href="#primary">Chuyển đến nội dung</a>
	<header id="masthead" class="site-header">
		<div class="top-bar"><div class="container"><span class="hotline">Đường dây nóng: 0239.3871.246</span></div></div>
		<div class="site-branding container">
			<a href="{self.u("/")}" class="custom-logo-link" rel="home"><img width="420" height="90" src="{self.u("/wp-content/uploads/2019/10/logo-btg.png")}" class="custom-logo" alt="{SITE}" decoding="async" /></a>
			<{title_tag} class="site-title"><a href="{self.u("/")}" rel="home">{SITE}</a></{title_tag}>
			<p class="site-description">{TAGLINE}</p>
		</div>
		<nav id="site-navigation" class="main-navigation">
			<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
			<div class="menu-menu-chinh-container"><ul id="primary-menu" class="menu">{menu_html}</ul></div>
		</nav>
	</header>
	<div id="content" class="site-content"><div class="container">
{main}
{self.sidebar()}
	</div></div>
	<footer id="colophon" class="site-footer">
		<div class="site-info container">
			<p><strong>BAN TUYÊN GIÁO HUYỆN ỦY HƯƠNG KHÊ</strong></p>
			<p>Địa chỉ: Khối 9, thị trấn Hương Khê, huyện Hương Khê, tỉnh Hà Tĩnh. Điện thoại: 0239.3871.246. Email: btghuongkhe@example.vn</p>
			<p>Ghi rõ nguồn &quot;Ban Tuyên giáo Huyện ủy Hương Khê&quot; khi phát hành lại thông tin từ website này.</p>
			<a href="https://wordpress.org/">Vận hành bởi WordPress</a>
		</div>
	</footer>
</div>
{scripts}<script src='{self.u(f"/wp-content/themes/tgnews/js/navigation.js?ver={THEME}")}' id='tgnews-navigation-js'></script>
</body>
</html>
"""
        return Response(text.encode("utf-8"), status=status)

    def meta_line(self, post: Post) -> str:
        return (
            f'<div class="entry-meta"><span class="posted-on"><a href="{self.u(post.path)}"'
            f' rel="bookmark"><time class="entry-date published" datetime="'
            f'{post.date.isoformat()}">{post.date:%d/%m/%Y}</time><time class="updated"'
            f' datetime="{post.modified.isoformat()}">{post.modified:%d/%m/%Y}</time></a></span>'
            f' <span class="byline">Bởi <span class="author vcard"><a class="url fn n" href="'
            f'{self.u(f"/author/{post.author.slug}/")}">{post.author.name}</a></span></span></div>'
        )

    def post_classes(self, post: Post) -> str:
        tags = " ".join(f"tag-{t.slug}" for t in post.tags)
        return (
            f"post-{post.id} post type-post status-publish format-standard has-post-thumbnail"
            f" hentry category-{post.category.slug} {tags}"
        )

    # -- routing ----------------------------------------------------------------

    def lookup(self, request: Request) -> Response | None:
        self.base = request.base_url
        path, query = request.path, parse_qs(request.query, keep_blank_values=True)
        if path == "/robots.txt":
            return Response(self.robots().encode(), TEXT)
        if path == "/":
            if "p" in query:
                post = self.by_id.get(int(query["p"][0])) if query["p"][0].isdigit() else None
                return self.redirect(post.path) if post else None
            if "page_id" in query:
                target = PAGES_BY_ID.get(query["page_id"][0])
                return self.redirect(target) if target else None
            if "s" in query:
                return self.search(query["s"][0])
            return self.listing(self.home_archive(), 1)
        if path == "/wp-comments-post.php":
            return self.comment_post(request)
        if path == "/xmlrpc.php":
            if request.query == "rsd":
                return Response(self.rsd().encode(), "application/rsd+xml; charset=UTF-8")
            return Response(
                b"XML-RPC server accepts POST requests only.",
                TEXT,
                status=405,
                headers={"Allow": "POST"},
            )
        if path.startswith("/wp-json/"):
            return self.rest(path, query)
        if path.startswith(("/wp-content/", "/wp-includes/")):
            return self.asset(path)
        if path in SITEMAPS or path == "/main-sitemap.xsl":
            return self.sitemap(path)
        if path in PAGES:
            return self.static_page(path)
        feed = path.endswith("/feed/")
        stem = path.removesuffix("feed/") if feed else path
        paged = re.fullmatch(r"(.*/)page/(\d+)/", stem)
        number = 1
        if paged:
            if feed:
                return None
            stem, number = paged.group(1), int(paged.group(2))
            if number == 1:
                return self.redirect(stem)
        if stem == "/":
            if feed:
                return self.feed(self.home_archive(), "/feed/")
            return self.listing(self.home_archive(), number)
        if stem == "/comments/" and feed:
            return self.comment_feed(None)
        if stem in self.by_path:
            post = self.by_path[stem]
            if paged:
                return None
            return self.comment_feed(post) if feed else self.single(post)
        archive = self.archive_for(stem)
        if archive is None:
            return None
        if feed:
            return self.feed(archive, path) if archive.feed else None
        return self.listing(archive, number)

    def redirect(self, target: str) -> Response:
        location = self.abs(target)
        return Response(b"", None, status=301, headers={"Location": location})

    def home_archive(self) -> Archive:
        return Archive(
            "/",
            f"{SITE} - {TAGLINE}",
            "",
            self.posts,
            "home blog",
            description=TAGLINE,
            crumbs=[("Trang chủ", None)],
        )

    def archive_for(self, stem: str) -> Archive | None:
        parts = stem.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "chuyen-muc":
            cat = next((c for c in CATEGORIES if c.slug == parts[1]), None)
            if cat is None:
                return None
            return Archive(
                stem,
                f"Lưu trữ {cat.name} - {SITE}",
                f"Chuyên mục: <span>{cat.name}</span>",
                [p for p in self.posts if p.category is cat],
                f"archive category category-{cat.slug} category-{cat.id}",
                description=cat.description,
                feed=(f"{SITE} &raquo; {cat.name} Dòng chuyên mục", stem + "feed/"),
                crumbs=[("Trang chủ", "/"), (cat.name, None)],
                blurb=f'<div class="archive-description"><p>{cat.description}</p></div>',
            )
        if len(parts) == 2 and parts[0] == "tag":
            tag = next((t for t in TAGS if t.slug == parts[1]), None)
            if tag is None:
                return None
            return Archive(
                stem,
                f"Lưu trữ {tag.name} - {SITE}",
                f"Thẻ: <span>{tag.name}</span>",
                [p for p in self.posts if tag in p.tags],
                f"archive tag tag-{tag.slug} tag-{tag.id}",
                feed=(f"{SITE} &raquo; {tag.name} Dòng thẻ", stem + "feed/"),
                crumbs=[("Trang chủ", "/"), (tag.name, None)],
            )
        if len(parts) == 2 and parts[0] == "author":
            author = next((a for a in AUTHORS if a.slug == parts[1]), None)
            if author is None:
                return None
            return Archive(
                stem,
                f"{author.name}, Tác giả tại {SITE}",
                f'Tác giả: <span class="vcard">{author.name}</span>',
                [p for p in self.posts if p.author is author],
                f"archive author author-{author.slug} author-{author.id}",
                og_type="profile",
                feed=(f"{SITE} &raquo; Dòng tin của {author.name}", stem + "feed/"),
                crumbs=[("Trang chủ", "/"), (f"Lưu trữ cho {author.name}", None)],
            )
        if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit() and len(parts[1]) == 2:
            year, month = int(parts[0]), int(parts[1])
            posts = [p for p in self.posts if (p.date.year, p.date.month) == (year, month)]
            if not posts:
                return None
            label = f"{MONTHS[month]} {year}"
            return Archive(
                stem,
                f"{label} - {SITE}",
                f"Tháng: <span>{label}</span>",
                posts,
                "archive date",
                crumbs=[("Trang chủ", "/"), (f"Lưu trữ cho {label}", None)],
            )
        return None

    # -- listings ---------------------------------------------------------------

    def pagination(self, base: str, number: int, pages: int) -> str:
        def href(n: int) -> str:
            return self.u(base if n == 1 else f"{base}page/{n}/")

        parts = []
        if number > 1:
            parts.append(
                f'<a class="prev page-numbers" href="{href(number - 1)}">&laquo; Trang trước</a>'
            )
        for n in range(1, pages + 1):
            if n == number:
                parts.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
            elif n in (1, pages) or abs(n - number) <= 1:
                parts.append(f'<a class="page-numbers" href="{href(n)}">{n}</a>')
            elif abs(n - number) == 2:
                parts.append('<span class="page-numbers dots">&hellip;</span>')
        if number < pages:
            parts.append(
                f'<a class="next page-numbers" href="{href(number + 1)}">Trang sau &raquo;</a>'
            )
        return (
            '<nav class="navigation pagination" aria-label="Bài viết">\n'
            '<h2 class="screen-reader-text">Điều hướng bài viết</h2>\n'
            f'<div class="nav-links">{chr(10).join(parts)}</div>\n</nav>'
        )

    def teaser(self, post: Post, front: bool) -> str:
        thumb = (
            f'<a class="post-thumbnail" href="{self.u(post.path)}" aria-hidden="true" tabindex="-1">'
            f'<img width="300" height="200" src="{self.u(post.thumb)}" class="attachment-medium'
            f' size-medium wp-post-image" alt="{html.escape(post.title)}" decoding="async"'
            ' loading="lazy" /></a>'
        )
        more = (
            f'<a href="{self.u(post.path)}#more-{post.id}" class="more-link">Đọc tiếp'
            f'<span class="screen-reader-text"> &quot;{html.escape(post.title)}&quot;</span></a>'
        )
        if front:
            summary = (
                f'<div class="entry-content"><p>{html.escape(post.paragraphs[0])}</p>\n'
                f"<p>{more}</p></div>"
            )
        else:
            summary = f'<div class="entry-summary"><p>{post.excerpt()}</p>\n<p>{more}</p></div>'
        return f"""<article id="post-{post.id}" class="{self.post_classes(post)}">
	{thumb}
	<header class="entry-header">
		<span class="cat-links"><a href="{self.u(f"/chuyen-muc/{post.category.slug}/")}" rel="category tag">{post.category.name}</a></span>
		<h2 class="entry-title"><a href="{self.u(post.path)}" rel="bookmark">{html.escape(post.title)}</a></h2>
		{self.meta_line(post)}
	</header>
	{summary}
</article>"""

    def listing(self, archive: Archive, number: int) -> Response | None:
        pages = (len(archive.posts) + PER_PAGE - 1) // PER_PAGE
        if not 1 <= number <= pages:
            return None
        shown = archive.posts[(number - 1) * PER_PAGE : number * PER_PAGE]
        here = archive.base if number == 1 else f"{archive.base}page/{number}/"
        front = archive.base == "/"
        title = archive.title
        if number > 1:
            site, _, rest = title.partition(" - ")
            title = f"{site} - Trang {number} trên {pages} - {rest}"
        header = (
            ""
            if front
            else f'<header class="page-header"><h1 class="page-title">{archive.heading}</h1>'
            f"{archive.blurb}</header>"
        )
        pager = self.pagination(archive.base, number, pages) if pages > 1 else ""
        main = (
            f'<main id="primary" class="site-main">\n{header}\n'
            + "\n".join(self.teaser(p, front) for p in shown)
            + f"\n{pager}\n</main>"
        )
        page_url = self.abs(here)
        graph = [
            {
                "@type": "CollectionPage",
                "@id": page_url,
                "url": page_url,
                "name": title,
                "isPartOf": {"@id": self.abs("/") + "#website"},
                "breadcrumb": {"@id": page_url + "#breadcrumb"},
                "inLanguage": "vi",
            },
            self.breadcrumb_node(page_url, archive.crumbs),
        ]
        feeds = [archive.feed] if archive.feed else []
        classes = archive.body_class + (f" paged paged-{number}" if number > 1 else "")
        return self.page(
            title=title,
            description=archive.description or TAGLINE,
            canonical=here,
            og_type=archive.og_type,
            graph=graph,
            body_class=classes,
            main=main,
            feeds=feeds,
            front=front,
        )

    def search(self, words: str) -> Response:
        found = [p for p in self.posts if words and words.lower() in p.title.lower()]
        items = "\n".join(self.teaser(p, False) for p in found[:PER_PAGE])
        if not found:
            items = (
                '<section class="no-results not-found"><p>Xin lỗi, không có kết quả nào phù hợp'
                " với từ khóa của bạn. Vui lòng thử lại với từ khóa khác.</p></section>"
            )
        main = (
            '<main id="primary" class="site-main"><header class="page-header">'
            f'<h1 class="page-title">Kết quả tìm kiếm cho: <span>{html.escape(words)}</span></h1>'
            f"</header>\n{items}\n</main>"
        )
        return self.page(
            title=f"Bạn đã tìm kiếm {words} - {SITE}",
            description=TAGLINE,
            canonical=None,
            og_type="website",
            graph=[],
            body_class="search search-results",
            main=main,
        )

    # -- singles ----------------------------------------------------------------

    def content_html(self, post: Post) -> str:
        paras = [f"<p>{html.escape(p)}</p>" for p in post.paragraphs]
        paras[0] = f"<p><strong>{html.escape(post.paragraphs[0])}</strong></p>"
        figure = (
            '<figure class="wp-block-image size-large"><img decoding="async" width="800" height="533"'
            f' src="{self.u(post.image)}" alt="" class="wp-image-{post.id + 1}" />'
            f"<figcaption>Ảnh: {post.signature}</figcaption></figure>"
        )
        paras.insert(2, figure)
        paras.append(f'<p style="text-align:right"><strong>{post.signature}</strong></p>')
        return "\n".join(paras)

    def related(self, post: Post) -> list[Post]:
        same = [p for p in self.posts if p.category is post.category and p is not post]
        rest = [p for p in self.posts if p.category is not post.category]
        at = self.posts.index(post)
        same.sort(key=lambda p: abs(self.posts.index(p) - at))
        return (same + rest)[:4]

    def single(self, post: Post) -> Response:
        at = self.posts.index(post)
        older = self.posts[at + 1] if at + 1 < len(self.posts) else None
        newer = self.posts[at - 1] if at > 0 else None
        nav = ""
        if older:
            nav += (
                f'<div class="nav-previous"><a href="{self.u(older.path)}" rel="prev">'
                '<span class="nav-subtitle">Bài trước:</span> <span class="nav-title">'
                f"{html.escape(older.title)}</span></a></div>"
            )
        if newer:
            nav += (
                f'<div class="nav-next"><a href="{self.u(newer.path)}" rel="next">'
                '<span class="nav-subtitle">Bài tiếp theo:</span> <span class="nav-title">'
                f"{html.escape(newer.title)}</span></a></div>"
            )
        related = "\n".join(
            f'<div class="related-item"><a href="{self.u(r.path)}" class="related-thumb">'
            f'<img width="300" height="200" src="{self.u(r.thumb)}" alt="{html.escape(r.title)}"'
            f' loading="lazy" /></a><h4 class="related-item-title"><a href="{self.u(r.path)}">'
            f'{html.escape(r.title)}</a></h4><span class="related-date">{r.date:%d/%m/%Y}</span></div>'
            for r in self.related(post)
        )
        tags = ", ".join(
            f'<a href="{self.u(f"/tag/{t.slug}/")}" rel="tag">{t.name}</a>' for t in post.tags
        )
        permalink = self.abs(post.path)
        share = quote(permalink, safe="")
        main = f"""<main id="primary" class="site-main">
<nav class="yoast-breadcrumbs"><span><span><a href="{self.u("/")}">Trang chủ</a></span> » <span><a href="{self.u(f"/chuyen-muc/{post.category.slug}/")}">{post.category.name}</a></span> » <span class="breadcrumb_last" aria-current="page">{html.escape(post.title)}</span></span></nav>
<article id="post-{post.id}" class="{self.post_classes(post)}">
	<header class="entry-header">
		<span class="cat-links"><a href="{self.u(f"/chuyen-muc/{post.category.slug}/")}" rel="category tag">{post.category.name}</a></span>
		<h1 class="entry-title">{html.escape(post.title)}</h1>
		{self.meta_line(post)}
	</header>
	<div class="post-thumbnail"><img width="800" height="533" src="{self.u(post.image)}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" decoding="async" /></div>
	<div class="entry-content">
{self.content_html(post)}
	</div>
	<footer class="entry-footer"><span class="tags-links">Thẻ: {tags}</span></footer>
</article>
<div class="share-buttons">Chia sẻ: <a href="https://www.facebook.com/sharer/sharer.php?u={share}" target="_blank" rel="nofollow noopener">Facebook</a> <a href="https://zalo.me/share?u={share}" target="_blank" rel="nofollow noopener">Zalo</a></div>
<nav class="navigation post-navigation" aria-label="Bài viết">
<h2 class="screen-reader-text">Điều hướng bài viết</h2>
<div class="nav-links">{nav}</div>
</nav>
<div class="related-posts"><h3 class="related-title">Bài viết liên quan</h3><div class="related-grid">
{related}
</div></div>
<div id="comments" class="comments-area">
	<div id="respond" class="comment-respond">
		<h3 id="reply-title" class="comment-reply-title">Trả lời <small><a rel="nofollow" id="cancel-comment-reply-link" href="{self.u(post.path)}#respond" style="display:none;">Hủy</a></small></h3>
		<form action="{self.u("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form" novalidate>
		<p class="comment-notes"><span id="email-notes">Email của bạn sẽ không được hiển thị công khai.</span> <span class="required-field-message">Các trường bắt buộc được đánh dấu <span class="required">*</span></span></p>
		<p class="comment-form-comment"><label for="comment">Bình luận <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
		<p class="comment-form-author"><label for="author">Tên <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required /></p>
		<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required /></p>
		<p class="comment-form-url"><label for="url">Trang web</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>
		<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label for="wp-comment-cookies-consent">Lưu tên của tôi, email, và trang web trong trình duyệt này cho lần bình luận kế tiếp của tôi.</label></p>
		<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Gửi bình luận" /> <input type='hidden' name='comment_post_ID' value='{post.id}' id='comment_post_ID' />
<input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p>
		</form>
	</div>
</div>
</main>"""
        crumbs = [
            ("Trang chủ", "/"),
            (post.category.name, f"/chuyen-muc/{post.category.slug}/"),
            (post.title, None),
        ]
        words = len(" ".join(post.paragraphs).split())
        graph = [
            {
                "@type": "Article",
                "@id": permalink + "#article",
                "isPartOf": {"@id": permalink},
                "author": {
                    "name": post.author.name,
                    "@id": self.abs("/") + f"#/schema/person/{post.author.id:032x}",
                },
                "headline": post.title,
                "datePublished": iso(post.date),
                "dateModified": iso(post.modified),
                "mainEntityOfPage": {"@id": permalink},
                "wordCount": words,
                "commentCount": 0,
                "publisher": {"@id": self.abs("/") + "#organization"},
                "image": {"@id": permalink + "#primaryimage"},
                "thumbnailUrl": self.abs(post.image),
                "keywords": [t.name for t in post.tags],
                "articleSection": [post.category.name],
                "inLanguage": "vi",
                "potentialAction": [
                    {
                        "@type": "CommentAction",
                        "name": "Comment",
                        "target": [permalink + "#respond"],
                    }
                ],
            },
            {
                "@type": "WebPage",
                "@id": permalink,
                "url": permalink,
                "name": f"{post.title} - {SITE}",
                "isPartOf": {"@id": self.abs("/") + "#website"},
                "primaryImageOfPage": {"@id": permalink + "#primaryimage"},
                "image": {"@id": permalink + "#primaryimage"},
                "thumbnailUrl": self.abs(post.image),
                "datePublished": iso(post.date),
                "dateModified": iso(post.modified),
                "breadcrumb": {"@id": permalink + "#breadcrumb"},
                "inLanguage": "vi",
                "potentialAction": [{"@type": "ReadAction", "target": [permalink]}],
            },
            {
                "@type": "ImageObject",
                "inLanguage": "vi",
                "@id": permalink + "#primaryimage",
                "url": self.abs(post.image),
                "contentUrl": self.abs(post.image),
                "width": 800,
                "height": 533,
            },
            self.breadcrumb_node(permalink, crumbs),
            {
                "@type": "Person",
                "@id": self.abs("/") + f"#/schema/person/{post.author.id:032x}",
                "name": post.author.name,
                "url": self.abs(f"/author/{post.author.slug}/"),
            },
        ]
        description = post.excerpt().removesuffix(" [&hellip;]")[:155]
        meta = "\n".join(
            [
                f'<meta property="article:published_time" content="{iso(post.date)}" />',
                f'<meta property="article:modified_time" content="{iso(post.modified)}" />',
                f'<meta property="og:image" content="{self.u(post.image)}" />',
                '<meta property="og:image:width" content="800" />',
                '<meta property="og:image:height" content="533" />',
                '<meta property="og:image:type" content="image/jpeg" />',
                f'<meta name="author" content="{post.author.name}" />',
                '<meta name="twitter:card" content="summary_large_image" />',
                '<meta name="twitter:label1" content="Được viết bởi" />',
                f'<meta name="twitter:data1" content="{post.author.name}" />',
                '<meta name="twitter:label2" content="Ước tính thời gian đọc" />',
                f'<meta name="twitter:data2" content="{max(1, words // 200)} phút" />',
            ]
        )
        scripts = (
            f"<script src='{self.u(f'/wp-includes/js/comment-reply.min.js?ver={WP}')}'"
            " id='comment-reply-js' async></script>\n"
        )
        return self.page(
            title=f"{post.title} - {SITE}",
            description=description,
            canonical=post.path,
            og_type="article",
            graph=graph,
            body_class=(
                f"post-template-default single single-post postid-{post.id} single-format-standard"
            ),
            main=main,
            feeds=[
                (f"{SITE} &raquo; {html.escape(post.title)} Dòng phản hồi", post.path + "feed/")
            ],
            json_alt=f"/wp-json/wp/v2/posts/{post.id}",
            shortlink=f"/?p={post.id}",
            oembed=post.path,
            meta=meta,
            scripts=scripts,
        )

    def static_page(self, path: str) -> Response:
        ident, title, paragraphs, extra = PAGES[path]
        url = self.abs(path)
        body = "\n".join(f"<p>{p}</p>" for p in paragraphs) + extra.replace(
            "{action}", self.u(path)
        )
        main = f"""<main id="primary" class="site-main">
<article id="post-{ident}" class="post-{ident} page type-page status-publish hentry">
	<header class="entry-header"><h1 class="entry-title">{title}</h1></header>
	<div class="entry-content">
{body}
	</div>
</article>
</main>"""
        graph = [
            {
                "@type": "WebPage",
                "@id": url,
                "url": url,
                "name": f"{title} - {SITE}",
                "isPartOf": {"@id": self.abs("/") + "#website"},
                "datePublished": "2019-10-21T02:11:36+00:00",
                "dateModified": "2020-02-17T08:40:12+00:00",
                "breadcrumb": {"@id": url + "#breadcrumb"},
                "inLanguage": "vi",
                "potentialAction": [{"@type": "ReadAction", "target": [url]}],
            },
            self.breadcrumb_node(url, [("Trang chủ", "/"), (title, None)]),
        ]
        meta = '<meta property="article:modified_time" content="2020-02-17T08:40:12+00:00" />'
        return self.page(
            title=f"{title} - {SITE}",
            description=paragraphs[0][:150],
            canonical=path,
            og_type="article",
            graph=graph,
            body_class=f"page-template-default page page-id-{ident}",
            main=main,
            json_alt=f"/wp-json/wp/v2/pages/{ident}",
            shortlink=f"/?page_id={ident}",
            oembed=path,
            meta=meta,
        )

    def comment_post(self, request: Request) -> Response:
        if request.method != "POST":
            return Response(b"", None, status=405, headers={"Allow": "POST"})
        text = (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi - '
            f'{SITE}</title></head><body id="error-page"><div class="wp-die-message">'
            "<p><strong>Lỗi</strong>: Vui lòng điền các thông tin bắt buộc.</p></div>"
            '<p><a href="javascript:history.back()">&laquo; Quay lại</a></p></body></html>'
        )
        return Response(text.encode("utf-8"))

    # -- feeds ------------------------------------------------------------------

    def feed(self, archive: Archive, path: str) -> Response:
        posts = archive.posts[:10]
        title = SITE if archive.base == "/" else archive.title.replace("Lưu trữ ", "", 1)
        items = []
        for post in posts:
            cats = [post.category.name, *(t.name for t in post.tags)]
            categories = "".join(f"\n\t\t<category><![CDATA[{c}]]></category>" for c in cats)
            body = self.content_html(post)
            items.append(
                f"""	<item>
		<title>{html.escape(post.title, quote=False)}</title>
		<link>{self.x(post.path)}</link>
		<comments>{self.x(post.path)}#respond</comments>
		<dc:creator><![CDATA[{post.author.name}]]></dc:creator>
		<pubDate>{format_datetime(post.date.astimezone(dt.UTC))}</pubDate>{categories}
		<guid isPermaLink="false">{self.x(f"/?p={post.id}")}</guid>

					<description><![CDATA[{post.excerpt().replace("&hellip;", "&#8230;")}]]></description>
										<content:encoded><![CDATA[{body}]]></content:encoded>
					<wfw:commentRss>{self.x(post.path + "feed/")}</wfw:commentRss>
			<slash:comments>0</slash:comments>
	</item>
"""
            )
        build = max(p.modified for p in posts)
        channel = self.home() if archive.base == "/" else self.x(archive.base)
        text = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>{html.escape(title, quote=False)}</title>
	<atom:link href="{self.x(path)}" rel="self" type="application/rss+xml" />
	<link>{channel}</link>
	<description>{TAGLINE}</description>
	<lastBuildDate>{format_datetime(build.astimezone(dt.UTC))}</lastBuildDate>
	<language>vi</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v={WP}</generator>

<image>
	<url>{self.x("/wp-content/uploads/2019/10/cropped-logo-32x32.png")}</url>
	<title>{html.escape(title, quote=False)}</title>
	<link>{channel}</link>
	<width>32</width>
	<height>32</height>
</image>
{"".join(items)}</channel>
</rss>
"""
        return self.feed_response(text, build)

    def comment_feed(self, post: Post | None) -> Response:
        if post is None:
            title, path, link = f"Bình luận cho {SITE}", "/comments/feed/", "/"
            build = self.posts[0].modified
        else:
            title = f"Phản hồi trên: {post.title}"
            path, link, build = post.path + "feed/", post.path, post.modified
        text = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	>
<channel>
	<title>{html.escape(title, quote=False)}</title>
	<atom:link href="{self.x(path)}" rel="self" type="application/rss+xml" />
	<link>{self.x(link)}</link>
	<description>{TAGLINE}</description>
	<lastBuildDate>{format_datetime(build.astimezone(dt.UTC))}</lastBuildDate>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v={WP}</generator>
</channel>
</rss>
"""
        return self.feed_response(text, build)

    def feed_response(self, text: str, build: dt.datetime) -> Response:
        body = text.encode("utf-8")
        etag = '"' + hashlib.md5(body).hexdigest() + '"'
        return Response(body, RSS, etag=etag, last_modified=build.astimezone(dt.UTC))

    # -- sitemaps, robots, API ----------------------------------------------------

    def robots(self) -> str:
        return (
            "# START YOAST BLOCK\n# ---------------------------\nUser-agent: *\nDisallow:\n\n"
            f"Sitemap: {self.abs('/sitemap_index.xml')}\n"
            "# ---------------------------\n# END YOAST BLOCK\n"
        )

    def sitemap(self, path: str) -> Response:
        if path == "/main-sitemap.xsl":
            xsl = (
                '<?xml version="1.0" encoding="UTF-8"?>\n<xsl:stylesheet version="2.0"'
                ' xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">'
                "<html><body><h1>XML Sitemap</h1></body></html></xsl:template></xsl:stylesheet>\n"
            )
            return Response(xsl.encode(), "text/xml; charset=utf-8")
        self.link("/main-sitemap.xsl")
        style = (
            '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="'
            f'{self.base.removeprefix("http:")}/main-sitemap.xsl"?>\n'
        )
        newest = max(p.modified for p in self.posts)
        if path == "/sitemap_index.xml":
            maps = "".join(
                f"\t<sitemap>\n\t\t<loc>{self.x(m)}</loc>\n\t\t<lastmod>{iso(newest)}</lastmod>\n"
                "\t</sitemap>\n"
                for m in SITEMAPS
                if m != "/sitemap_index.xml"
            )
            text = (
                f'{style}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"{maps}</sitemapindex>\n<!-- XML Sitemap generated by Yoast SEO -->"
            )
            return Response(text.encode("utf-8"), "text/xml; charset=UTF-8")
        rows: list[tuple[str, dt.datetime | None, str | None]] = []
        if path == "/post-sitemap.xml":
            rows.append(("/", newest, None))
            rows += [(p.path, p.modified, p.image) for p in reversed(self.posts)]
        elif path == "/page-sitemap.xml":
            rows += [(p, dt.datetime(2020, 2, 17, 15, 40, tzinfo=ICT), None) for p in PAGES]
        elif path == "/category-sitemap.xml":
            for c in CATEGORIES:
                latest = max(p.modified for p in self.posts if p.category is c)
                rows.append((f"/chuyen-muc/{c.slug}/", latest, None))
        elif path == "/post_tag-sitemap.xml":
            for t in TAGS:
                tagged = [p.modified for p in self.posts if t in p.tags]
                if tagged:
                    rows.append((f"/tag/{t.slug}/", max(tagged), None))
        elif path == "/author-sitemap.xml":
            for a in AUTHORS:
                rows.append((f"/author/{a.slug}/", None, None))
        urls = []
        for loc, mod, image in rows:
            parts = [f"\t\t<loc>{self.x(loc)}</loc>"]
            if mod:
                parts.append(f"\t\t<lastmod>{iso(mod)}</lastmod>")
            if image:
                parts.append(
                    f"\t\t<image:image>\n\t\t\t<image:loc>{self.x(image)}</image:loc>\n"
                    "\t\t</image:image>"
                )
            urls.append("\t<url>\n" + "\n".join(parts) + "\n\t</url>\n")
        text = (
            f'{style}<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
            ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'
            ' xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9'
            " http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd"
            " http://www.google.com/schemas/sitemap-image/1.1"
            ' http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd"'
            ' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{''.join(urls)}</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->"
        )
        return Response(text.encode("utf-8"), "text/xml; charset=UTF-8")

    def rsd(self) -> str:
        return f"""<?xml version="1.0" encoding="UTF-8"?><rsd version="1.0" xmlns="http://archipelago.phrasewise.com/rsd">
	<service>
		<engineName>WordPress</engineName>
		<engineLink>https://wordpress.org/</engineLink>
		<homePageLink>{self.home()}</homePageLink>
		<apis>
			<api name="WordPress" blogID="1" preferred="true" apiLink="{self.x("/xmlrpc.php")}" />
			<api name="Movable Type" blogID="1" preferred="false" apiLink="{self.x("/xmlrpc.php")}" />
			<api name="MetaWeblog" blogID="1" preferred="false" apiLink="{self.x("/xmlrpc.php")}" />
			<api name="Blogger" blogID="1" preferred="false" apiLink="{self.x("/xmlrpc.php")}" />
			<api name="WP-API" blogID="1" preferred="false" apiLink="{self.x("/wp-json/")}" />
		</apis>
	</service>
</rsd>
"""

    def rest(self, path: str, query: dict[str, list[str]]) -> Response | None:
        def answer(data: object) -> Response:
            return Response(
                json.dumps(data, ensure_ascii=False).encode("utf-8"),
                "application/json; charset=UTF-8",
                headers={"Link": f'<{self.base}/wp-json/>; rel="https://api.w.org/"'},
            )

        if path == "/wp-json/":
            return answer(
                {
                    "name": SITE,
                    "description": TAGLINE,
                    "url": self.home(),
                    "home": self.home(),
                    "gmt_offset": "7",
                    "timezone_string": "Asia/Ho_Chi_Minh",
                    "namespaces": ["oembed/1.0", "wp/v2", "wp-site-health/v1", "yoast/v1"],
                    "authentication": [],
                    "routes": {"/": {"namespace": "", "methods": ["GET"]}},
                }
            )
        posted = re.fullmatch(r"/wp-json/wp/v2/(posts|pages)/(\d+)", path)
        if posted:
            kind, ident = posted.group(1), int(posted.group(2))
            if kind == "posts" and ident in self.by_id:
                post = self.by_id[ident]
                return answer(
                    {
                        "id": post.id,
                        "date": post.date.strftime("%Y-%m-%dT%H:%M:%S"),
                        "date_gmt": iso(post.date)[:19],
                        "guid": {"rendered": self.abs(f"/?p={post.id}")},
                        "modified": post.modified.strftime("%Y-%m-%dT%H:%M:%S"),
                        "slug": post.slug,
                        "status": "publish",
                        "type": "post",
                        "link": self.abs(post.path),
                        "title": {"rendered": html.escape(post.title, quote=False)},
                        "content": {"rendered": self.content_html(post), "protected": False},
                        "excerpt": {"rendered": f"<p>{post.excerpt()}</p>", "protected": False},
                        "author": post.author.id,
                        "featured_media": post.id + 1,
                        "comment_status": "open",
                        "categories": [post.category.id],
                        "tags": [t.id for t in post.tags],
                    }
                )
            page = next((p for p, v in PAGES.items() if v[0] == ident), None)
            if kind == "pages" and page:
                ident, title, paragraphs, _ = PAGES[page]
                return answer(
                    {
                        "id": ident,
                        "slug": page.strip("/"),
                        "type": "page",
                        "link": self.abs(page),
                        "title": {"rendered": title},
                        "content": {"rendered": "".join(f"<p>{p}</p>" for p in paragraphs)},
                    }
                )
            return None
        if path == "/wp-json/oembed/1.0/embed":
            target = query.get("url", [""])[0].removeprefix(self.base)
            post = self.by_path.get(target)
            if post is None and target not in PAGES:
                return None
            title = post.title if post else PAGES[target][1]
            data = {
                "version": "1.0",
                "provider_name": SITE,
                "provider_url": self.home(),
                "author_name": post.author.name if post else "admin",
                "author_url": self.abs(f"/author/{post.author.slug if post else 'admin'}/"),
                "title": title,
                "type": "rich",
                "width": 600,
                "height": 338,
                "html": f'<blockquote class="wp-embedded-content"><a href="{self.base}{target}">'
                f"{html.escape(title)}</a></blockquote>",
            }
            if query.get("format", [""])[0] == "xml":
                fields = "".join(
                    f"<{k}>{html.escape(str(v), quote=False)}</{k}>" for k, v in data.items()
                )
                text = f'<?xml version="1.0"?>\n<oembed>{fields}</oembed>\n'
                return Response(text.encode("utf-8"), "text/xml; charset=UTF-8")
            return answer(data)
        return None

    def asset(self, path: str) -> Response | None:
        if path.endswith(".css"):
            return Response(b"body{margin:0}", "text/css")
        if path.endswith(".js"):
            return Response(b"/* wp */", "application/javascript")
        if path.endswith((".jpg", ".png")):
            return Response(JPEG, "image/jpeg")
        return None


PAGES = {
    "/gioi-thieu/": (
        2,
        "Giới thiệu",
        [
            "Ban Tuyên giáo Huyện ủy Hương Khê là cơ quan tham mưu, giúp việc của Huyện ủy,"
            " trực tiếp và thường xuyên là Ban Thường vụ Huyện ủy, về công tác chính trị, tư"
            " tưởng, lý luận chính trị, tuyên truyền, báo chí, văn hóa, văn nghệ, khoa giáo.",
            "Ban có chức năng nghiên cứu, đề xuất, hướng dẫn, kiểm tra các tổ chức cơ sở đảng"
            " thực hiện chủ trương của cấp trên và của Huyện ủy trong lĩnh vực tuyên giáo.",
            "Địa chỉ: Khối 9, thị trấn Hương Khê, huyện Hương Khê, tỉnh Hà Tĩnh.",
        ],
        "",
    ),
    "/lien-he/": (
        48,
        "Liên hệ",
        [
            "Mọi thông tin, tin bài cộng tác xin gửi về Ban Tuyên giáo Huyện ủy Hương Khê."
            " Điện thoại: 0239.3871.246. Email: btghuongkhe@example.vn.",
        ],
        '\n<div class="wpcf7 js" id="wpcf7-f60-p48-o1" lang="vi" dir="ltr">'
        '<form action="{action}#wpcf7-f60-p48-o1" method="post" class="wpcf7-form init">'
        '<p><label>Họ tên<br /><input size="40" class="wpcf7-form-control wpcf7-text" type="text" name="your-name" /></label></p>'
        '<p><label>Email<br /><input size="40" class="wpcf7-form-control wpcf7-email" type="email" name="your-email" /></label></p>'
        '<p><label>Nội dung<br /><textarea cols="40" rows="10" class="wpcf7-form-control wpcf7-textarea" name="your-message"></textarea></label></p>'
        '<p><input class="wpcf7-form-control wpcf7-submit" type="submit" value="Gửi" /></p></form></div>',
    ),
}
PAGES_BY_ID = {str(v[0]): p for p, v in PAGES.items()}
SITEMAPS = [
    "/sitemap_index.xml",
    "/post-sitemap.xml",
    "/page-sitemap.xml",
    "/category-sitemap.xml",
    "/post_tag-sitemap.xml",
    "/author-sitemap.xml",
]


def make_site() -> CorpusSite:
    return WordPressSite()
