"""A generated provincial Party news site of any size, in the bundled demo site's HTML shape.

Every page is computed from (number of articles, seed) on demand, so a 50,000-article site
costs no disk and little memory, and the benchmark driver can know the site's URLs and
content without fetching it. The pages come from the demo site's renderer
(tuyengiao_crawler/demo_site/render.py), so the `demo` profile applies: `.news-list
a.news-title`, `.pagination a.next`, `.article-detail`, `h1.article-title`, `.article-date`,
`p.author`...

Content varies the way real sites do: Vietnamese paragraphs from a pool with names, places
and numbers substituted, several date-line formats, bylines (people, organisations,
"Theo ..."), references to Party and State documents, images with captions, PDF
attachments, an "updated" line on some articles.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from tuyengiao_crawler.demo_site import content, render

PER_PAGE = 20
# Page numbers shown either side of the current page; the first and last pages are always
# linked, as on most portals, so Scrapy's DEPTH_LIMIT (50) does not cut deep categories
# short (417 pages of a 50,000-article site are at most ~22 links deep).
PAGER_WINDOW = 10
# Sizes of the served images and PDF attachments (a news photo resized for the web, a
# scanned one-page document).
IMAGE_BYTES = 40_000
PDF_BYTES = 60_000
ASSET_PATH = re.compile(r"/uploads/(?:\d{4}/\d{2}/anh-(?P<jpg>\d+)\.jpg|van-ban/(?P<pdf>\d+)\.pdf)")

SUBSITES = [
    (
        "btg",
        "Ban Tuyên giáo",
        [
            ("tin-hoat-dong", "Tin hoạt động"),
            ("nghien-cuu-trao-doi", "Nghiên cứu - Trao đổi"),
            ("van-ban-chi-dao", "Văn bản - Chỉ đạo"),
            ("hoc-tap-lam-theo-bac", "Học tập và làm theo Bác"),
        ],
    ),
    (
        "dv",
        "Ban Dân vận",
        [("dan-van-kheo", "Dân vận khéo"), ("tin-dan-van", "Tin dân vận")],
    ),
]
CATEGORIES = [
    (sub, sub_title, key, title) for sub, sub_title, cats in SUBSITES for key, title in cats
]
BANNER = "Cổng thông tin điện tử Đảng bộ tỉnh"
# The demo site's footer; the menu lists the sub-sites, each followed by its categories.
FRAME = render.Frame(
    render.menu(
        [("/", "Trang chủ")]
        + [
            link
            for sub, sub_title, cats in SUBSITES
            for link in [(f"/{sub}/", sub_title), *((f"/{sub}/{k}/", t) for k, t in cats)]
        ]
    ),
    render.footer(content.read("site")["footer"]),
)

PLACES = [
    "Kỳ Sơn", "Quỳnh Lưu", "Diễn Châu", "Nghi Lộc", "Thanh Chương", "Anh Sơn", "Con Cuông",
    "Tương Dương", "Quế Phong", "Nghĩa Đàn", "Hưng Nguyên", "Nam Đàn", "Đô Lương", "Yên Thành",
    "Thị xã Hoàng Mai", "Thành phố Vinh", "Thị xã Cửa Lò", "Tân Kỳ", "Quỳ Hợp", "Quỳ Châu",
]  # fmt: skip
PEOPLE = [
    "Nguyễn Đình Hùng", "Kha Văn Tám", "Trần Thị Mỹ Hạnh", "Lê Văn Giáp", "Hoàng Nghĩa Hiếu",
    "Phạm Thị Hồng Toan", "Võ Thị Minh Sinh", "Nguyễn Văn Thông", "Thái Văn Thành",
    "Bùi Đình Long", "Đặng Thị Thu Hà", "Hồ Lê Ngọc", "Ngô Đức Tiến", "Vi Văn Sơn",
]  # fmt: skip
REPORTERS = [
    "PHAN ANH", "THU HUYỀN", "MINH CHI", "QUANG AN", "HOÀI THU", "ĐỨC DŨNG", "NGỌC LAN",
    "THANH THỦY", "VĂN TRUYỀN", "PV",
]  # fmt: skip
ORGS = [
    "Ban Tuyên giáo Huyện ủy {place}", "Trung tâm Chính trị huyện {place}",
    "Ban Dân vận Thị ủy {place}", "Văn phòng Tỉnh ủy", "Báo Nghệ An",
]  # fmt: skip
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

TITLES = [
    "Hội nghị giao ban báo chí định kỳ tháng {month} năm {year}",
    "Ban Tuyên giáo Tỉnh ủy khảo sát việc thực hiện {ref_short} tại huyện {place}",
    "{place}: Nâng cao chất lượng sinh hoạt chi bộ ở nông thôn",
    "Triển khai thực hiện {ref_short} trên địa bàn {place}",
    "Hội nghị báo cáo viên định kỳ tháng {month} năm {year}",
    "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở {place}",
    "Dân vận khéo trong xây dựng nông thôn mới tại {place}",
    "Sơ kết {years} năm thực hiện {ref_short}",
    "Nâng cao hiệu quả đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng",
    "Tuyên truyền miệng trong thời kỳ chuyển đổi số ở {place}",
    "Đồng chí {person} làm việc với Ban Thường vụ Huyện ủy {place}",
    "Tổng kết công tác tuyên giáo năm {year}, triển khai nhiệm vụ năm {next_year}",
]
LEADS = [
    "Sáng {day}/{month}, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị nhằm đánh giá kết quả công "
    "tác tuyên giáo và định hướng nhiệm vụ thời gian tới.",
    "Thực hiện {ref}, các cấp ủy, tổ chức đảng trên địa bàn {place} đã triển khai nhiều giải "
    "pháp sáng tạo, mang lại kết quả thiết thực.",
    "Công tác dân vận được triển khai sâu rộng đến từng khu dân cư, thôn, bản, tạo sự đồng "
    "thuận trong nhân dân.",
    "Đoàn công tác do đồng chí {person} làm trưởng đoàn đã làm việc với Ban Thường vụ Huyện "
    "ủy {place} về kết quả thực hiện các nhiệm vụ trọng tâm.",
]
SENTENCES = [
    "Chiều {day}/{month}/{year}, tại trụ sở Huyện ủy {place}, đoàn công tác đã làm việc với "
    "lãnh đạo huyện về kết quả thực hiện nhiệm vụ chính trị năm {year}.",
    "Các cấp ủy, tổ chức đảng cần tổ chức triển khai thực hiện có hiệu quả {ref}, gắn với "
    "việc kiểm tra, giám sát, sơ kết, tổng kết định kỳ.",
    "Dự hội nghị có lãnh đạo các sở, ban, ngành liên quan; lãnh đạo các cơ quan báo chí của "
    "tỉnh, văn phòng đại diện, phóng viên thường trú trên địa bàn.",
    "Tỷ lệ hộ nghèo giảm còn {pct}%, thu nhập bình quân đạt {income} triệu đồng/người/năm; "
    "toàn huyện kết nạp {members} đảng viên mới.",
    "Phát biểu kết luận, đồng chí {person} nhấn mạnh, năm {year} có rất nhiều sự kiện chính "
    "trị quan trọng, đặc biệt là Đại hội Đảng bộ các cấp nhiệm kỳ 2020 - 2025.",
    "Hoạt động của Trung tâm chính trị cấp huyện ngày càng đi vào nền nếp, chất lượng ngày "
    "càng được nâng lên theo tinh thần {ref}.",
    "Các cơ quan báo chí đã phản ánh đậm nét phong trào thi đua yêu nước, các gương điển "
    "hình tiên tiến, người tốt việc tốt ở {place}.",
    "Hội nghị cũng chỉ ra một số hạn chế: một số tin, bài còn đơn điệu, chưa có chiều sâu; "
    "việc đấu tranh phản bác các quan điểm sai trái có lúc chưa kịp thời.",
    "Ngày {day}/{month}/{year}, Ban Thường vụ Tỉnh ủy ban hành {ref} nhằm tăng cường sự lãnh "
    "đạo của Đảng đối với công tác tuyên truyền trong tình hình mới.",
    "Mô hình dân vận khéo “{model}” của xã {commune} đã huy động nhân dân hiến {area} m² đất, "
    "đóng góp {money} triệu đồng làm đường giao thông nông thôn.",
    "Đến nay, {pct}% chi bộ đạt chuẩn trong sạch, vững mạnh; {villages} thôn, bản đạt chuẩn "
    "nông thôn mới, vượt chỉ tiêu Nghị quyết Đại hội đề ra.",
    "Theo đồng chí {person}, thời gian tới cần tiếp tục quán triệt sâu sắc {ref}, gắn với "
    "thực hiện {ref2}.",
    "Điện thoại đường dây nóng: 0238.3844.{phone}; thư điện tử: bantuyengiao@nghean.dcs.vn.",
]
MODELS = ["Ngày thứ Bảy văn minh", "Đường hoa nông thôn mới", "Dòng họ không có người vi phạm"]
COMMUNES = ["Diễn Kim", "Quỳnh Thắng", "Nghi Phong", "Thanh Liên", "Mường Lống", "Châu Bình"]
REFERENCES = [
    ("Chỉ thị số {n}-CT/TW ngày {date} của Bộ Chính trị", "Chỉ thị {n}"),
    ("Nghị quyết số {n}-NQ/TU ngày {date} của Ban Thường vụ Tỉnh ủy", "Nghị quyết {n}"),
    ("Quy định số {n}-QĐ/TW ngày {date} của Ban Bí thư", "Quy định {n}"),
    ("Kết luận số {n}-KL/TW của Bộ Chính trị", "Kết luận {n}"),
    ("Quyết định số {n}/QĐ-TTg ngày {date} của Thủ tướng Chính phủ", "Quyết định {n}"),
    ("Nghị định số {n}/{year}/NĐ-CP của Chính phủ", "Nghị định {n}"),
    ("Kế hoạch số {n}/KH-UBND ngày {date} của UBND tỉnh", "Kế hoạch {n}"),
    ("Hướng dẫn số {n}-HD/BTGTW của Ban Tuyên giáo Trung ương", "Hướng dẫn {n}"),
]

START = dt.datetime(2014, 1, 6, 7, 30)
# Minutes between consecutive articles: 50,000 articles span about ten years.
STEP_MINUTES = 97
VN_TZ = dt.timezone(dt.timedelta(hours=7))

_WORD_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _WORD_RE.sub("-", text).strip("-")[:80].rstrip("-")


@dataclass(frozen=True)
class Article:
    id: int
    category: int
    when: dt.datetime
    title: str
    lead: str
    paragraphs: tuple[str, ...]
    byline: str
    date_line: str
    updated_line: str | None
    image: tuple[str, str] | None
    attachment: str | None

    @property
    def path(self) -> str:
        return article_path(self.category, self.title, self.id)

    @property
    def last_modified(self) -> dt.datetime:
        return self.when.replace(tzinfo=VN_TZ).astimezone(dt.UTC)


def article_path(category: int, title: str, article_id: int) -> str:
    sub, _, key, _ = CATEGORIES[category]
    return f"/{sub}/{key}/{slugify(title)}-{article_id}.html"


@cache
def _path_and_headline(
    seed: int, article_id: int, category: int
) -> tuple[str, str, str, dt.datetime]:
    when, _, title, lead = _headline(seed, article_id)
    return article_path(category, title, article_id), title, lead, when


class Site:
    """The site for `articles` articles: paths, pages and the articles behind them."""

    def __init__(self, articles: int, seed: int = 1) -> None:
        self.n = articles
        self.seed = seed

    # Structure

    def category_of(self, article_id: int) -> int:
        return (article_id * 7 + article_id // 11) % len(CATEGORIES)

    @cached_property
    def by_category(self) -> list[list[int]]:
        """Article ids of each category, newest first."""
        cats: list[list[int]] = [[] for _ in CATEGORIES]
        for i in range(self.n, 0, -1):
            cats[self.category_of(i)].append(i)
        return cats

    def pages_of(self, category: int) -> int:
        return max(1, -(-len(self.by_category[category]) // PER_PAGE))

    def listing_path(self, category: int, page: int) -> str:
        sub, _, key, _ = CATEGORIES[category]
        return f"/{sub}/{key}/" if page == 1 else f"/{sub}/{key}/trang-{page}.html"

    def all_paths(self) -> list[str]:
        """Every HTML page the crawl should reach (home, sub-sites, listings, articles)."""
        paths = ["/", *(f"/{sub}/" for sub, _, _ in SUBSITES)]
        for c in range(len(CATEGORIES)):
            paths += [self.listing_path(c, p) for p in range(1, self.pages_of(c) + 1)]
        paths += [self.headline(i)[0] for i in range(1, self.n + 1)]
        return paths

    def asset_paths(self) -> list[str]:
        """Every image and PDF attachment the articles point to."""
        found = []
        for i in range(1, self.n + 1):
            article = self.article(i)
            found += [article.image[0]] if article.image else []
            found += [article.attachment] if article.attachment else []
        return found

    # Articles

    def article(self, article_id: int) -> Article:
        return _article(self.seed, article_id, self.category_of(article_id))

    def headline(self, article_id: int) -> tuple[str, str, str, dt.datetime]:
        """(path, title, lead, time) of an article, without building its body."""
        return _path_and_headline(self.seed, article_id, self.category_of(article_id))

    # Images and attachments

    def asset(self, path: str) -> tuple[bytes, str] | None:
        """(bytes, content type) of an article's image or PDF attachment, or None for 404:
        incompressible bytes of a typical web size, so WARC capture pays a real cost."""
        match = ASSET_PATH.fullmatch(path)
        if not match:
            return None
        article_id = int(match["jpg"] or match["pdf"])
        if not 1 <= article_id <= self.n:
            return None
        article = self.article(article_id)
        if match["pdf"]:
            if article.attachment != path:
                return None
            return b"%PDF-1.4\n" + random.Random(article_id).randbytes(PDF_BYTES), "application/pdf"
        if article.image is None or article.image[0] != path:
            return None
        return b"\xff\xd8\xff\xe0" + random.Random(-article_id).randbytes(IMAGE_BYTES), "image/jpeg"

    # Pages

    def page(self, path: str) -> tuple[bytes, dt.datetime | None] | None:
        """(HTML, Last-Modified for articles) of a path, or None for 404."""
        if path == "/":
            return self._home().encode(), None
        parts = path.strip("/").split("/")
        subs = {sub: i for i, (sub, _, _) in enumerate(SUBSITES)}
        if len(parts) == 1 and parts[0] in subs and path.endswith("/"):
            return self._subsite(subs[parts[0]]).encode(), None
        if len(parts) not in (2, 3) or parts[0] not in subs:
            return None
        cat = next(
            (c for c, (s, _, k, _) in enumerate(CATEGORIES) if (s, k) == (parts[0], parts[1])),
            None,
        )
        if cat is None:
            return None
        if len(parts) == 2:
            return (self._listing(cat, 1).encode(), None) if path.endswith("/") else None
        last = parts[2]
        if last.startswith("trang-") and last.endswith(".html"):
            number = last[6:-5]
            if number.isdigit() and 2 <= int(number) <= self.pages_of(cat):
                return self._listing(cat, int(number)).encode(), None
            return None
        match = re.search(r"-(\d+)\.html$", last)
        if not match:
            return None
        article_id = int(match.group(1))
        if not 1 <= article_id <= self.n or self.category_of(article_id) != cat:
            return None
        if self.headline(article_id)[0] != path:
            return None
        article = self.article(article_id)
        return self._article_page(article).encode(), article.last_modified

    def _page(self, title: str, content: str, head: str = "") -> str:
        return FRAME.page(f"{title} - Ban Tuyên giáo Tỉnh ủy", content, BANNER, head)

    def _news_items(self, ids: list[int]) -> list[str]:
        items = []
        for i in ids:
            path, title, lead, when = self.headline(i)
            items.append(render.news_item(path, title, f"{when:%d/%m/%Y}", lead))
        return items

    def _home(self) -> str:
        latest = list(range(self.n, max(0, self.n - 20), -1))
        content = '<h1 class="category-title">Tin mới</h1>\n' + render.news_list(
            self._news_items(latest)
        )
        return self._page("Trang chủ", content)

    def _subsite(self, index: int) -> str:
        sub, sub_title, _ = SUBSITES[index]
        parts = [f'<h1 class="category-title">{render.esc(sub_title)}</h1>']
        for c, (s, _, key, title) in enumerate(CATEGORIES):
            if s == sub:
                parts.append(f'<h2><a href="/{s}/{key}/">{render.esc(title)}</a></h2>')
                parts.append(render.news_list(self._news_items(self.by_category[c][:5])))
        return self._page(sub_title, "\n".join(parts))

    def _listing(self, cat: int, page: int) -> str:
        sub, sub_title, _, title = CATEGORIES[cat]
        ids = self.by_category[cat][(page - 1) * PER_PAGE : page * PER_PAGE]
        pager = render.pagination(
            page, self.pages_of(cat), lambda p: self.listing_path(cat, p), PAGER_WINDOW
        )
        trail = [("/", "Trang chủ"), (f"/{sub}/", sub_title), (None, title)]
        return self._page(title, render.listing(trail, title, self._news_items(ids), pager))

    def _article_page(self, a: Article) -> str:
        sub, sub_title, key, cat_title = CATEGORIES[a.category]
        ids = self.by_category[a.category]
        pos = ids.index(a.id) if len(ids) < 64 else _position(ids, a.id)
        related = [ids[(pos + k) % len(ids)] for k in range(1, 7) if len(ids) > k]
        blocks = []
        for n, para in enumerate(a.paragraphs):
            blocks.append(f"<p>{render.esc(para)}</p>")
            if n == 1 and a.image:
                src, caption = a.image
                blocks.append(render.figure(src, caption, caption, css_class=None))
        blocks += render.bylines([a.byline], strong=True)
        files = render.attachments([(a.attachment, "Tải văn bản (PDF)")] if a.attachment else [])
        content = render.article(
            [("/", "Trang chủ"), (f"/{sub}/", sub_title), (f"/{sub}/{key}/", cat_title)],
            a.title,
            render.article_meta(a.date_line, a.updated_line),
            a.lead,
            blocks,
            files,
            [self.headline(r)[:2] for r in related],
        )
        return self._page(a.title, content, render.article_head(a.title, a.path))


def _position(ids: list[int], article_id: int) -> int:
    """Index of an id in a newest-first (descending) list, by bisection."""
    lo, hi = 0, len(ids)
    while lo < hi:
        mid = (lo + hi) // 2
        if ids[mid] > article_id:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _reference(rng: random.Random, year: int) -> tuple[str, str]:
    template, short = rng.choice(REFERENCES)
    n = str(rng.randint(1, 350)).zfill(2)
    issued = dt.date(rng.randint(max(2005, year - 8), year), rng.randint(1, 12), rng.randint(1, 28))
    values = {"n": n, "date": f"{issued.day:02d}/{issued.month:02d}/{issued.year}", "year": year}
    return template.format(**values), short.format(**values)


def _date_line(rng: random.Random, when: dt.datetime) -> str:
    style = rng.randrange(6)
    if style == 0:
        return f"{when:%d.%m.%Y}"
    if style == 1:
        return f"{WEEKDAYS[when.weekday()]}, {when:%d/%m/%Y} - {when:%H:%M}"
    if style == 2:
        return f"{when:%d/%m/%Y %H:%M}"
    if style == 3:
        return f"Ngày {when.day} tháng {when.month} năm {when.year}"
    if style == 4:
        return f"Cập nhật: {when:%H:%M} {when:%d/%m/%Y}"
    return f"{when:%d/%m/%Y}"


def _byline(rng: random.Random, place: str) -> str:
    style = rng.randrange(5)
    if style <= 1:
        return rng.choice(REPORTERS)
    if style == 2:
        return f"{rng.choice(PEOPLE)} - {rng.choice(ORGS).format(place=place)}"
    if style == 3:
        return f"{rng.choice(REPORTERS)} - {rng.choice(REPORTERS)}"
    return f"Theo {rng.choice(ORGS).format(place=place)}"


def _values(rng: random.Random, when: dt.datetime, place: str) -> dict[str, object]:
    ref, short = _reference(rng, when.year)
    ref2, _ = _reference(rng, when.year)
    day = when - dt.timedelta(days=rng.randrange(0, 5))
    return {
        "ref": ref,
        "ref2": ref2,
        "ref_short": short,
        "place": place,
        "person": rng.choice(PEOPLE),
        "day": day.day,
        "month": day.month,
        "year": day.year,
        "next_year": day.year + 1,
        "years": rng.randint(2, 10),
        "pct": f"{rng.randint(1, 99)},{rng.randint(0, 9)}",
        "income": rng.randint(25, 80),
        "members": f"{rng.randint(1, 12)}.{rng.randint(100, 999)}",
        "model": rng.choice(MODELS),
        "commune": rng.choice(COMMUNES),
        "area": f"{rng.randint(1, 40)}.{rng.randint(100, 999)}",
        "money": rng.randint(100, 9000),
        "villages": rng.randint(3, 150),
        "phone": rng.randint(100, 999),
    }


@cache
def _headline(seed: int, article_id: int) -> tuple[dt.datetime, str, str, str]:
    """(time, place, title, lead): what listings and related links show, kept for reuse."""
    rng = random.Random(seed * 1_000_003 + article_id)
    when = START + dt.timedelta(minutes=STEP_MINUTES * article_id + rng.randrange(60))
    place = rng.choice(PLACES)
    values = _values(rng, when, place)
    return when, place, rng.choice(TITLES).format(**values), rng.choice(LEADS).format(**values)


@lru_cache(maxsize=256)
def _article(seed: int, article_id: int, category: int) -> Article:
    when, place, title, lead = _headline(seed, article_id)
    rng = random.Random(seed * 7_000_003 + article_id)
    paragraphs = []
    for _ in range(rng.randint(4, 10)):
        values = _values(rng, when, place)
        sentences = rng.sample(SENTENCES, rng.randint(1, 3))
        paragraphs.append(" ".join(s.format(**values) for s in sentences))
    image = None
    if rng.random() < 0.3:
        image = (f"/uploads/{when:%Y/%m}/anh-{article_id}.jpg", f"Quang cảnh hội nghị tại {place}.")
    attachment = f"/uploads/van-ban/{article_id}.pdf" if rng.random() < 0.1 else None
    updated = None
    if rng.random() < 0.15:
        later = when + dt.timedelta(hours=rng.randint(2, 72))
        updated = f"Cập nhật lúc {later:%H:%M} ngày {later:%d/%m/%Y}"
    return Article(
        id=article_id,
        category=category,
        when=when,
        title=title,
        lead=lead,
        paragraphs=tuple(paragraphs),
        byline=_byline(rng, place),
        date_line=_date_line(rng, when),
        updated_line=updated,
        image=image,
        attachment=attachment,
    )
