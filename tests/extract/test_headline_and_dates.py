"""Headline and publication date-time read off pages of several CMS families (issue 14):
the visible headline over <title>/og:title, the visible date-time by the headline over
metadata that disagrees with it, metadata only where it agrees and adds precision."""

from __future__ import annotations

import datetime as dt

import pytest
from parsel import Selector

from tuyengiao_crawler.extract.classify import page_kind
from tuyengiao_crawler.extract.dates import choose_date
from tuyengiao_crawler.extract.generic import extract_generic
from tuyengiao_crawler.normalize.article import FetchContext, normalize_article
from tuyengiao_crawler.normalize.dates import normalize_date

H = "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15 bàn giải pháp phát triển kinh tế"
P = "".join(
    f"<p>Đoạn {n}. Hội nghị đã thảo luận, đánh giá kết quả thực hiện nhiệm vụ chính trị,"
    " phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh của tỉnh trong quý I.</p>"
    for n in range(6)
)


def read(html: str, url: str = "https://example.vn/tin-tuc/bai-viet-1.html"):
    raw = extract_generic(Selector(text=html), url)
    ctx = FetchContext(url=url, fetched_url=url, site="example.vn", fetched_at="2024-04-01")
    return raw, normalize_article(raw, ctx)


# --- pages --------------------------------------------------------------------------------

WORDPRESS = f"""<html><head><title>{H} - Ban Tuyên giáo Tỉnh ủy</title>
<meta property="og:title" content="{H} - Ban Tuyên giáo Tỉnh ủy">
<meta property="og:site_name" content="Ban Tuyên giáo Tỉnh ủy">
<meta property="article:published_time" content="2024-03-14T02:40:15+00:00">
<meta property="article:modified_time" content="2024-03-15T01:00:00+00:00">
</head><body><header class="site-header"><p class="site-title"><a href="/" rel="home">
Ban Tuyên giáo Tỉnh ủy</a></p></header>
<main><article><header class="entry-header"><h1 class="entry-title">{H}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published"
datetime="2024-03-14T09:40:15+07:00">09:40 14/03/2024</time></span></div></header>
<div class="entry-content">{P}</div></article></main>
<aside class="widget-area"><section class="widget"><h2 class="widget-title">Bài viết mới</h2>
<ul><li><a href="/b">Tin khác 10/03/2024</a></li></ul></section></aside></body></html>"""

JOOMLA = f"""<html><head><title>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15</title>
<meta name="og:title" content="Hội nghị BCH Đảng bộ tỉnh lần thứ 15">
<meta property="article:published_time" content="2024-03-14">
</head><body><div id="logo"><a href="/"><img src="/logo.png" alt="Cổng thông tin Tỉnh ủy"></a></div>
<div class="item-page"><div class="page-header"><h2 itemprop="headline">{H}</h2></div>
<dl class="article-info"><dd class="published"><time datetime="2024-03-14T10:03:00+00:00"
itemprop="datePublished">Ngày đăng: 14/03/2024 10:03</time></dd></dl>
<div itemprop="articleBody">{P}</div></div></body></html>"""

DRUPAL_MISLABELLED = f"""<html><head><title>{H} | Báo Tỉnh</title>
<meta property="og:title" content="{H}">
<meta property="og:site_name" content="Báo Tỉnh">
<meta property="article:published_time" content="2024-03-14T09:40:00+00:00">
</head><body><div class="region-header"><a href="/" class="logo"><img alt="Báo Tỉnh" src="/l.png"></a></div>
<div class="node node-article"><h1 class="page-title">{H}</h1>
<div class="submitted">Thứ Năm, 14/03/2024 09:40</div>
<div class="field-name-body">{P}</div></div></body></html>"""

DNN_BEFORE = f"""<html><head><title>Tin tức &gt; {H}</title></head><body>
<div class="dnn_logo"><a href="/"><img alt="Ban Tuyên giáo Tỉnh ủy Hà Giang"></a></div>
<div class="DnnModule"><div class="ArticleDate">09:40 tối 14/03/13</div>
<h1 class="ArticleTitle">{H}</h1>
<div class="ArticleImage"><img src="/a.jpg"><p>Ảnh: Hội nghị ngày 13/03/2013.</p></div>
<div class="ArticleContent">{P}<p>Tin liên quan: hội nghị ngày 01/02/2013.</p></div></div></body></html>"""

TABLE_12H = f"""<html><head><title>..:: CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ::..</title></head><body>
<table><tr><td class="menu"><a href="/">Trang chủ</a></td></tr>
<tr><td><span class="title">{H}</span><br>
<span class="date">Th&amp;#7913; Ba, 12/03/2024 - 2:15 CH</span>
<span class="update">Cập nhật lúc 4:05 CH 13/03/2024</span>
<div class="content">{P}</div></td></tr></table></body></html>"""

NEXTJS = f"""<html><head><title>{H} | Tin tức</title>
<meta property="og:title" content="Tỉnh ủy bàn giải pháp phát triển kinh tế quý II">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{H}","datePublished":"2024-03-14T09:40:31+07:00","dateModified":"2024-03-14T11:02:00+07:00"}}</script>
</head><body><div id="__next"><header><a href="/"><img alt="Tin tức" src="/logo.svg"></a></header>
<main><article><h1 class="Detail_title__x1">{H}</h1>
<div class="Detail_meta__a"><span>14/03/2024</span> <span>09:40</span></div>
<div class="Detail_body__b">{P}</div></article></main></div></body></html>"""


@pytest.mark.parametrize(
    ("html", "title", "published", "source", "updated"),
    [
        (WORDPRESS, H, "2024-03-14T02:40:15+00:00", "meta", "2024-03-15T01:00+00:00"),
        (JOOMLA, H, "2024-03-14T10:03+07:00", "dateline", None),
        (DRUPAL_MISLABELLED, H, "2024-03-14T09:40+07:00", "dateline", None),
        (DNN_BEFORE, H, "2013-03-14T21:40+07:00", "dateline", None),
        (TABLE_12H, H, "2024-03-12T14:15+07:00", "dateline", "2024-03-13T16:05+07:00"),
        (NEXTJS, H, "2024-03-14T09:40:31+07:00", "meta", "2024-03-14T11:02+07:00"),
    ],
    ids=[
        "wordpress",
        "joomla-date-only-meta",
        "drupal-mislabelled-utc",
        "dnn-date-before",
        "table-12h-entity",
        "nextjs-json-ld",
    ],
)
def test_headline_and_dates(html, title, published, source, updated):
    raw, rec = read(html)
    assert (rec.title, rec.published_at, rec.published_source, rec.updated_at) == (
        title,
        published,
        source,
        updated,
    )
    # The string the value was read from is kept, as the page wrote it.
    assert rec.published_at == normalize_date(raw.published_raw)
    if rec.updated_at:
        assert rec.updated_source and rec.updated_at == normalize_date(
            raw.updated_raw, reference=dt.date(2025, 1, 1)
        )


@pytest.mark.parametrize(
    ("visible", "meta", "kept"),
    [
        # agrees: 09:40 in Hanoi is 02:40 UTC, and the meta adds the seconds
        ("09:40 14/03/2024", "2024-03-14T02:40:15+00:00", "meta"),
        ("09:40 14/03/2024", "2024-03-14T09:40:00+07:00", "meta"),
        # agrees, in UTC, but adds nothing: the page's local time is kept
        ("09:40 14/03/2024", "2024-03-14T02:40:00+00:00", "dateline"),
        ("Thứ Năm, 14/03/2024", "2024-03-14T09:40:00+07:00", "meta"),
        ("14/03/2024", "2024-03-13T20:00:00Z", "meta"),  # 03:00 on the 14th in Hanoi
        ("14/03/2024", "2024-03-14", "meta"),
        # local time labelled UTC or another zone: the page's clock wins
        ("09:40 14/03/2024", "2024-03-14T09:40:00+00:00", "dateline"),
        ("09:40 14/03/2024", "2024-03-14T09:40:00+08:00", "dateline"),
        # a date-only meta does not beat a visible time; another day is not trusted
        ("10:03 14/03/2024", "2024-03-14", "dateline"),
        ("10:03 14/03/2024", "2024-03-15T10:03:00+07:00", "dateline"),
        ("14/03/2024", "2024-02-01", "dateline"),
        # one of them only, or nothing readable in the page's
        (None, "2024-03-14T09:40:00+07:00", "meta"),
        ("10:03 14/03/2024", None, "dateline"),
        ("hôm qua", "2024-03-14", "meta"),
    ],
)
def test_choose_date(visible, meta, kept):
    raw, source = choose_date(visible, "dateline", meta)
    assert source == kept
    assert raw == (meta if kept == "meta" else visible)


def test_nothing_or_nothing_readable():
    assert choose_date(None, "dateline", None) == (None, None)
    assert choose_date("chưa rõ", "dateline", None) == ("chưa rõ", "dateline")
    assert choose_date("chưa rõ", "dateline", "n/a") == ("n/a", "meta")


def test_updated_labels_are_told_from_publication():
    for label in ("Cập nhật", "Cập nhật lúc", "Sửa đổi:", "Updated"):
        html = f"""<html><body><h1>{H}</h1>
        <div class="meta"><span>Đăng lúc 08:00 14/03/2024</span>
        <span>{label} 10:30 15/03/2024</span></div><div class="content">{P}</div></body></html>"""
        raw, rec = read(html)
        assert (rec.published_at, rec.updated_at) == (
            "2024-03-14T08:00+07:00",
            "2024-03-15T10:30+07:00",
        ), label
        assert raw.updated_raw.startswith(label.rstrip(":")), label


def test_meta_modified_time_is_the_update_when_the_page_shows_none():
    html = f"""<html><head>
    <meta itemprop="dateModified" content="2024-03-15T10:30:00+07:00"></head><body>
    <h1>{H}</h1><p class="date">14/03/2024 08:00</p><div class="content">{P}</div></body></html>"""
    raw, rec = read(html)
    assert (raw.published_source, raw.updated_source) == ("dateline", "meta")
    assert (rec.published_at, rec.updated_at) == (
        "2024-03-14T08:00+07:00",
        "2024-03-15T10:30+07:00",
    )


def test_a_page_showing_only_its_update_keeps_the_metadata_publication():
    html = f"""<html><head>
    <meta property="article:published_time" content="2024-03-14T08:00:00+07:00"></head>
    <body><h1>{H}</h1><p class="date">Cập nhật lúc 10:30 15/03/2024</p>
    <div class="content">{P}</div></body></html>"""
    raw, rec = read(html)
    assert (raw.published_source, raw.updated_source) == ("meta", "dateline")
    assert (rec.published_at, rec.updated_at) == (
        "2024-03-14T08:00+07:00",
        "2024-03-15T10:30+07:00",
    )
    # With no metadata, the only date the page gives stands for publication.
    raw, rec = read(html.replace("article:published_time", "x"))
    assert (raw.published_raw, raw.updated_raw) == ("Cập nhật lúc 10:30 15/03/2024", None)


SAPO = (
    "<p class='description'>Sáng nay, Ban Chấp hành Đảng bộ tỉnh họp hội nghị lần thứ 15 để bàn"
    " các giải pháp phát triển kinh tế - xã hội trong những tháng còn lại của năm 2024.</p>"
)
# A news site printing the date above the headline, today's date in its masthead.
DATE_ABOVE = f"""<html><head><title>{H} - VnExpress</title>
<meta property="og:title" content="{H} - VnExpress"></head><body>
<header class="header"><a href="/" class="logo"><img alt="VnExpress"></a>
<span class="time-now">Thứ hai, 1/4/2024</span></header>
<section class="section page-detail"><div class="container"><div class="sidebar-1">
<div class="header-content"><ul class="breadcrumb"><li><a href="/thoi-su">Thời sự</a></li></ul>
<span class="date">Thứ năm, 14/3/2024, 09:40 (GMT+7)</span></div>
<h1 class="title-detail">{H}</h1>{SAPO}<article class="fck_detail">{P}</article>
</div></div></section></body></html>"""
TABLE = f"""<html><head><title>Tin tức - Sự kiện</title></head><body><table>
<tr><td class="top">Hôm nay: Thứ Hai, 01/04/2024</td></tr>
<tr><td class="menu"><a href="/">Trang chủ</a> | <a href="/tt">Tin tức</a></td></tr>
<tr><td><table><tr><td class="title">{H}</td></tr>{{date}}
<tr><td class="content">{P}</td></tr></table></td></tr></table></body></html>"""
LIFERAY = f"""<html><head><title>{H} - Cổng Thông tin điện tử Tỉnh ủy</title></head><body>
<div class="portlet-body"><div class="journal-content-article"><h3 class="header-title">{H}</h3>
<div class="date-news">14/03/2024 - 09:40 SA</div>{P}</div></div></body></html>"""


@pytest.mark.parametrize(
    ("html", "raw_date", "published"),
    [
        (DATE_ABOVE, "Thứ năm, 14/3/2024, 09:40 (GMT+7)", "2024-03-14T09:40+07:00"),
        (TABLE.format(date=""), None, None),  # "Hôm nay" dates the visit
        (
            TABLE.format(date='<tr><td class="date">(14/03/2024)</td></tr>'),
            "(14/03/2024)",
            "2024-03-14",
        ),
        (LIFERAY, "14/03/2024 - 09:40 SA", "2024-03-14T09:40+07:00"),
    ],
    ids=["date-above-headline", "masthead-today-only", "table-date-in-brackets", "liferay"],
)
def test_the_dateline_nearest_the_headline(html, raw_date, published):
    raw, rec = read(html)
    assert rec.title == H
    assert (raw.published_raw, rec.published_at) == (raw_date, published)


# --- datelines whose parts sit in elements of their own (corpus failures, issue 14) -------


def test_an_update_span_inside_a_dateline_before_the_headline_is_the_update():
    # In-house portal: the date line comes before the headline and holds the update in a
    # span of its own, which is the element nearest the headline (before: it alone was
    # read, as the publication date).
    html = f"""<html><body><div class="khung"><div class="tgian">Chủ nhật, 03/03/2024 07:15
    <em class="sua"> (Sửa đổi lúc 18:20 04/03/2024)</em></div><h1 class="tieude">{H}</h1>
    <div class="nd">{P}</div></div></body></html>"""
    _, record = read(html)
    assert (record.published_at, record.updated_at) == (
        "2024-03-03T07:15+07:00",
        "2024-03-04T18:20+07:00",
    )


def test_update_labels_in_spans_of_their_own_stay_with_their_dates():
    # SharePoint-style: labels and dates each in their own span (before: the labels were
    # dropped, and the update date was lost).
    html = f"""<html><body><div class="art"><h1>{H}</h1><div class="ngay"><span>Đăng lúc</span>
    <span id="lblStart">02/02/2024</span> · <span>Cập nhật lúc</span> <span id="lblMod">
    05/02/2024</span></div><div class="body">{P}</div></div></body></html>"""
    _, record = read(html)
    assert (record.published_at, record.updated_at) == ("2024-02-02", "2024-02-05")


def test_a_modification_date_copied_from_the_publication_date_is_no_update():
    html = f"""<html><head><script type="application/ld+json">{{"@type": "NewsArticle",
    "headline": "{H}", "datePublished": "2024-03-14T09:40:00+07:00",
    "dateModified": "2024-03-14T09:40:00+07:00"}}</script></head><body><main><h1>{H}</h1>
    <p class="time">09:40 14/03/2024</p><div class="content">{P}</div></main></body></html>"""
    _, record = read(html)
    assert record.published_at.startswith("2024-03-14T09:40") and record.updated_at is None


# --- an old ASP portal: no heading tags, the date line in the row above the headline, ---
# --- <br>-separated paragraphs in one <span>, a list of earlier news after the text ---

OLD_ASP = """<html><head><title>{title}</title></head><body><table width="960">
<tr><td class="menu"><a href="default.asp">Trang chủ</a> | <a href="tin.asp">Tin tức</a></td></tr>
<tr><td width="700"><table>
<tr><td class="ngay"><span style="color:#777">Chủ nhật, 08:05 sáng 17/02/13</span></td></tr>
<tr><td class="txt14"><strong>Tuổi trẻ huyện ra quân Tháng Thanh niên năm 2013</strong></td></tr>
<tr><td><span class="txt12">Sáng 17/2, Huyện đoàn tổ chức lễ ra quân Tháng Thanh niên năm 2013 với
chủ đề tuổi trẻ xung kích xây dựng nông thôn mới, thu hút hơn 500 đoàn viên tham gia.<br><br>
Các đoàn viên đã ra quân dọn vệ sinh môi trường, sửa chữa đường giao thông nông thôn và thăm
hỏi, tặng quà các gia đình chính sách trên địa bàn các xã, thị trấn trong huyện.<br><br>
Dịp này, Huyện đoàn phát động phong trào thi đua lập thành tích chào mừng kỷ niệm ngày thành
lập Đoàn Thanh niên Cộng sản Hồ Chí Minh và tổng kết các hoạt động vào cuối tháng.<br><br>
<p align="right"><b>Lan Hương</b></p></span></td></tr>
<tr><td><span class="txt11">Tin đã đưa:<br>- <a href="tin.asp?id=88">Hội nghị Ban Chấp hành
Huyện đoàn lần thứ hai năm 2013</a> (02/02/13)<br>- <a href="tin.asp?id=87">Tổng kết công tác
Đoàn và phong trào thanh niên năm 2012</a> (20/01/13)</span></td></tr>
</table></td></tr></table></body></html>"""


@pytest.mark.parametrize(
    "title",
    [
        "HUYỆN ĐOÀN :: Tuổi trẻ huyện ra quân Tháng Thanh niên năm 2013",
        "Tin tức > Tuổi trẻ huyện ra quân Tháng Thanh niên năm 2013",
        "Tuổi trẻ huyện ra quân Tháng Thanh niên năm 2013 › Huyện đoàn",
    ],
)
def test_an_old_portal_with_no_heading_tags(title):
    # Before: "not read as an article" (the paragraphs in one <span> counted for nothing),
    # the <title> kept whole, and the date taken from the list of earlier news.
    html = OLD_ASP.format(title=title)
    assert page_kind(Selector(text=html), "http://x.vn/tin.asp?id=90") == "article"
    _, record = read(html)
    assert record.title == "Tuổi trẻ huyện ra quân Tháng Thanh niên năm 2013"
    assert record.published_at == "2013-02-17T08:05+07:00"
    paragraphs = record.body_text.split("\n\n")
    assert len(paragraphs) == 3 and paragraphs[-1].endswith("vào cuối tháng.")
    assert [a["name"] for a in record.authors] == ["Lan Hương"]


def test_an_hatom_abbr_gives_its_time_to_a_date_only_dateline():
    # Blogger-style: the day in a header over the post, the time in the footer as an
    # <abbr> whose title holds the full date-time (before: the day alone).
    html = f"""<html><body><div class="blog-posts"><h2 class="date-header"><span>Thứ Sáu, 8
    tháng 4, 2016</span></h2><div class="post" itemscope itemtype="http://schema.org/BlogPosting">
    <h3 class="post-title" itemprop="name">{H}</h3><div class="post-body" itemprop="articleBody">
    {P}</div><div class="post-footer"><abbr class="published" itemprop="datePublished"
    title="2016-04-08T19:25:00+07:00">19:25 CH</abbr></div></div></div></body></html>"""
    _, record = read(html)
    assert record.published_at == "2016-04-08T19:25+07:00"
