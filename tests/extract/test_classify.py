"""Page classification and link discovery for generic mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from parsel import Selector

from tuyengiao_crawler.extract.classify import article_links, page_kind, pagination_links

SITE = Path(__file__).parents[1] / "fixtures" / "generic_site"
EXPECTED = json.loads((SITE / "expected.json").read_text(encoding="utf-8"))
BASE = EXPECTED["base_url"]


def page(path: str) -> Selector:
    return Selector(text=(SITE / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "entry",
    EXPECTED["articles"] + EXPECTED["listings"] + EXPECTED["pages"],
    ids=lambda e: e["path"],
)
def test_page_kind(entry):
    assert page_kind(page(entry["path"]), BASE + entry["path"]) == entry["kind"]


def test_every_fixture_page_is_in_the_manifest():
    listed = {e["path"] for e in EXPECTED["articles"] + EXPECTED["listings"] + EXPECTED["pages"]}
    assert listed == {p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")}


@pytest.mark.parametrize("entry", EXPECTED["listings"], ids=lambda e: e["path"])
def test_listing_links(entry):
    sel, url = page(entry["path"]), BASE + entry["path"]
    articles = article_links(sel, url)
    assert set(articles) == {BASE + p for p in entry["article_links"]}
    assert len(articles) == len(set(articles))
    assert pagination_links(sel, url) == [BASE + p for p in entry["pagination_links"]]


def test_site_is_crawlable_from_home():
    """home -> categories -> listing pages -> every article, following only what we return."""
    seen, queue = set(), ["index.html"]
    menu = page("index.html").css('a[href$="index.html"]::attr(href)').getall()
    queue += [p for p in (m.lstrip("./") for m in menu) if p != "index.html"]
    while queue:
        path = queue.pop()
        if path in seen or not (SITE / path).is_file():
            continue
        seen.add(path)
        sel, url = page(path), BASE + path
        for link in article_links(sel, url) + pagination_links(sel, url):
            queue.append(link[len(BASE) :])
    assert {a["path"] for a in EXPECTED["articles"]} <= seen


def test_home_page():
    sel = page("index.html")
    links = article_links(sel, BASE)
    assert BASE + "thoi-su/index.html" not in links  # "Xem thêm" goes to a category
    assert not [u for u in links if u.endswith(".pdf") or u.startswith("http://nghean")]
    assert pagination_links(sel, BASE) == []


LISTING = """<html><body><ul class="menu"><li><a href="/gioi-thieu.html">Giới thiệu về huyện ủy</a></li></ul>
<div class="list">
<a href="/tin/bai-mot-101.html">A</a><a href="/2021/05/bai-hai/">Bài hai</a>
<a href="/tin.aspx?id=7">x</a><a href="/tin/ve-dich-vu.html">Ba từ đây</a>
<a href="/chuyen-muc/">Một tiêu đề có nhiều chữ</a><a href="/tin/khac.html#binh-luan">Tin khác có bốn chữ</a>
<a href="mailto:a@b.vn">Gửi thư cho tòa soạn nhé</a><a href="#top">Lên đầu trang nhé bạn</a>
<a href="javascript:void(0)">Xem thêm nhiều tin hơn</a><a href="/files/vb.pdf">Văn bản số 12 của huyện</a>
</div>
<div class="paging"><a href="/tin/">Đầu</a><a href="/tin/?page=2">2</a><a href="/tin/trang-3">3</a></div>
<a href="/tin/page/4/" rel="next">Tiếp</a><a href="/tin/list.html?trang=5">›</a>
<a href="/tin/?p=6">Sau</a><a href="/tin/thoi-trang-2021.html">Thời trang</a>
</body></html>"""


def test_link_patterns():
    url = "http://x.vn/tin/"
    sel = Selector(text=LISTING)
    assert article_links(sel, url) == [
        "http://x.vn/tin/bai-mot-101.html",
        "http://x.vn/2021/05/bai-hai/",
        "http://x.vn/tin.aspx?id=7",
        "http://x.vn/tin/ve-dich-vu.html",
        "http://x.vn/chuyen-muc/",  # headline-like text is enough
        "http://x.vn/tin/khac.html",
        "http://x.vn/tin/thoi-trang-2021.html",  # "-2021.html" reads as an article id
    ]
    assert pagination_links(sel, url) == [
        "http://x.vn/tin/?page=2",
        "http://x.vn/tin/trang-3",
        "http://x.vn/tin/page/4/",
        "http://x.vn/tin/list.html?trang=5",
        "http://x.vn/tin/?p=6",
    ]  # "/tin/" itself is the current page


def test_kinds_from_meta_and_shape():
    og = '<meta property="og:type" content="article">'
    dated = f'{og}<meta property="article:published_time" content="2020-03-14T09:40:00+07:00">'
    page = "<html><head>{}</head><body></body></html>"
    assert page_kind(Selector(text=page.format(dated)), "http://x.vn/a") == "article"
    # og:type alone is what SEO plugins write on static pages too: the page's shape decides.
    assert page_kind(Selector(text=page.format(og)), "http://x.vn/a") == "other"
    about = (
        f"{og}<title>Giới thiệu - Ban Tuyên giáo</title>"
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage",'
        ' "datePublished": "2019-10-21T02:11:36+00:00"}]}</script>'
    )
    text = "<p>Ban Tuyên giáo Huyện ủy là cơ quan tham mưu, giúp việc của Huyện ủy.</p>" * 8
    static = f"<html><head>{about}</head><body><h1>Giới thiệu</h1>{text}</body></html>"
    assert page_kind(Selector(text=static), "http://x.vn/gioi-thieu/") == "other"
    ld = '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle"}]}</script>'
    assert page_kind(Selector(text=f"<html><head>{ld}</head></html>"), "http://x.vn/a") == "article"
    bare = "<html><body><h1>Liên hệ</h1><p>Điện thoại: 0238.3865.123</p></body></html>"
    assert page_kind(Selector(text=bare), "http://x.vn/lien-he") == "other"
    assert page_kind(Selector(text=""), "http://x.vn/") == "other"
    shaped = f"""<html><body><h1>Một bài viết không có thẻ meta</h1><span>Thứ Hai, 02/03/2020</span>
    <div><p>{"Nội dung bài viết rất dài. " * 20}</p><p>{"Đoạn thứ hai cũng khá dài. " * 10}</p></div>
    </body></html>"""
    assert page_kind(Selector(text=shaped), "http://x.vn/a") == "article"
    assert page_kind(Selector(text=shaped.replace("02/03/2020", "")), "http://x.vn/a") == "other"


def test_next_page_link_forms():
    from tuyengiao_crawler.extract.classify import next_page_link

    base = "http://127.0.0.1:8000/tin/"
    numbered = '<div class="pagination"><span class="current">1</span><a href="trang-2.html">2</a><a href="trang-3.html">3</a></div>'
    assert next_page_link(Selector(text=numbered), base) == base + "trang-2.html"
    on_two = (
        '<div class="pagination"><a href="./">1</a><span>2</span><a href="trang-3.html">3</a></div>'
    )
    assert next_page_link(Selector(text=on_two), base + "trang-2.html") == base + "trang-3.html"
    worded = '<div class="phan-trang"><a href="?page=4">4</a><a href="?page=3">Trang sau</a></div>'
    assert next_page_link(Selector(text=worded), base + "?page=2") == base + "?page=3"
    rel = '<a rel="next" href="/tin/p/9">›</a>'
    assert next_page_link(Selector(text=rel), base) == "http://127.0.0.1:8000/tin/p/9"
    last = (
        '<div class="pagination"><a href="trang-2.html">2</a><span class="current">3</span></div>'
    )
    assert next_page_link(Selector(text=last), base + "trang-3.html") is None


PARAGRAPHS = "".join(
    f"<p>Đoạn {n}: Sáng 14/3/2019, Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt Nghị"
    f" quyết số 18-NQ/TW cho cán bộ chủ chốt của huyện, xã, thị trấn.</p>"
    for n in range(5)
)
MORE_NEWS = "".join(
    f'<li><a href="/tin-tuc/{n}/bai-{n}.html">&gt;&gt; Hội nghị tổng kết công tác tuyên giáo'
    f" năm 20{n:02d} của huyện</a> (12/03/2019)</li>"
    for n in range(12)
)
HEAD = "<html><head><title>Hội nghị quán triệt Nghị quyết 18 - Cổng</title></head><body>"
MENU = "<div class='menu'><a href='/'>Trang chủ</a></div>"


@pytest.mark.parametrize(
    "column",
    [
        # in-house PHP: the list of older news in the same table cell as the body
        '<td class="main"><div class="title_news">Hội nghị quán triệt Nghị quyết 18</div>'
        f'<div class="date_news">14/03/2019</div>{PARAGRAPHS}<b>Các tin đã đưa:</b>'
        f"<ul>{MORE_NEWS}</ul></td>",
        # a "more news" strip without a label, in the body's own div
        f'<div class="main"><h2>Hội nghị quán triệt Nghị quyết 18</h2><div>14/03/2019</div>'
        f"{PARAGRAPHS}<ul>{MORE_NEWS}</ul></div>",
        # a comment form under the body
        '<div class="main"><h1>Hội nghị quán triệt Nghị quyết 18</h1><p>14/03/2019 09:40</p>'
        f'{PARAGRAPHS}<div id="comments"><h3>Ý kiến bạn đọc</h3><form action="/c" method="post">'
        '<textarea name="c"></textarea><input type="submit" value="Gửi"></form></div></div>',
    ],
)
def test_an_article_whose_column_also_lists_other_articles_is_an_article(column):
    html = f"{HEAD}{MENU}<table><tr>{column}</tr></table></body></html>"
    assert page_kind(Selector(text=html), "http://x.vn/tin-tuc/5/hoi-nghi.html") == "article"


def test_a_listing_with_long_summaries_is_a_listing():
    teasers = "".join(
        f'<div class="item"><h3><a href="/tin-tuc/{n}/bai-{n}.html">Hội nghị tổng kết công tác'
        f" tuyên giáo năm 20{n:02d}</a></h3><span>12/03/2019</span>"
        f"<p>{'Ban Tuyên giáo Huyện ủy tổ chức hội nghị tổng kết, đánh giá kết quả. ' * 5}</p></div>"
        for n in range(10)
    )
    html = f"{HEAD}{MENU}<h1>Tin hoạt động</h1><div class='list'>{teasers}</div></body></html>"
    assert page_kind(Selector(text=html), "http://x.vn/tin-hoat-dong/") == "listing"


# A short news item ("tin vắn"): two paragraphs, under 400 characters of text, in the
# markup of an in-house PHP portal (the date line under the title).
SHORT_NEWS = """<html><head><meta charset="utf-8"><title>Tin vắn</title></head><body>
<div id="top"><a href="/">Trang chủ</a> <a href="/tin-tuc.php">Tin tức</a></div>
<div class="noidung"><h1 class="tieude">Khánh thành nhà văn hóa thôn Đông</h1>
<div class="ngaydang">Cập nhật lúc 08:30 ngày 12/09/2023</div>
<p>Sáng 12/9, UBND xã Quảng Thành tổ chức lễ khánh thành nhà văn hóa thôn Đông với tổng
kinh phí hơn 1,2 tỷ đồng từ nguồn ngân sách và nhân dân đóng góp.</p>
<p>Công trình góp phần đáp ứng nhu cầu sinh hoạt cộng đồng của nhân dân trong thôn.</p>
</div><div class="footer">Cổng thông tin xã Quảng Thành</div></body></html>"""
# A category page: a few teasers with their dates, and the densest text in its footer.
SHORT_LISTING = (
    """<html><head><meta charset="utf-8"><title>Tin tức</title></head><body>
<div class="cot-trai"><h2>Chuyên mục</h2><div class="ngay">12/09/2023</div>
<ul>"""
    + "".join(
        f'<li><a href="/tin/{n}.html">Hội nghị triển khai nhiệm vụ công tác tháng {n}</a></li>'
        for n in range(1, 8)
    )
    + """</ul></div><div class="chan"><p>Cơ quan chủ quản: Ban Tuyên giáo Huyện ủy. Địa chỉ: số 12
đường Trần Phú, thị trấn, huyện. Điện thoại: 0238 3812 345. Chịu trách nhiệm chính: Trưởng
Ban Tuyên giáo Huyện ủy. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>
</body></html>"""
)


def test_a_short_news_item_with_a_date_line_is_an_article():
    # Before: under 400 characters of paragraph text, "other", and never archived.
    assert page_kind(Selector(text=SHORT_NEWS), "http://x.vn/tin/khanh-thanh.html") == "article"
    # Without its date line it is not (a short static page: "Giới thiệu", "Liên hệ").
    undated = SHORT_NEWS.replace("Cập nhật lúc 08:30 ngày 12/09/2023", "Tin địa phương")
    assert page_kind(Selector(text=undated), "http://x.vn/tin/khanh-thanh.html") == "other"


def test_a_listing_whose_densest_text_is_its_footer_is_no_article():
    assert page_kind(Selector(text=SHORT_LISTING), "http://x.vn/tin-tuc.html") == "listing"


# A category page of an ASP.NET portal: three teasers (headline link, date, summary), the
# first with the longest summary, so its block is the densest text on the page.
TEASER_LISTING = (
    """<html><head><meta charset="utf-8"><title>Tin tức</title></head><body>
<table><tr><td class="box-title">LIÊN KẾT WEBSITE</td></tr><tr><td>
<span class="date">(26/07/2019)</span></td></tr></table><div id="MainContent">"""
    + "".join(
        f'<div class="news-item"><a class="news-title" href="ChiTietTin.aspx?NewsID={n}">Hội'
        f' nghị quán triệt nghị quyết Trung ương lần thứ {n}</a> <span class="date">(2{n}/07/2019)'
        f'</span><div class="summary">Sáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị trực tuyến'
        f" quán triệt nghị quyết tới cán bộ chủ chốt các cấp{', với sự tham dự của hơn một nghìn đại biểu tại các điểm cầu huyện, thị xã và thành phố trong tỉnh' * (n == 1)}.</div></div>"
        for n in range(1, 4)
    )
    + "</div></body></html>"
)


def test_a_listing_whose_densest_block_is_one_teaser_is_no_article():
    assert page_kind(Selector(text=TEASER_LISTING), "http://x.vn/TinTuc.aspx?CatID=3") != "article"
