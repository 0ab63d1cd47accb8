"""The headline on portals that write it in other places than the demo site
(extract/title.py: `find_title`), in markup of other CMS families."""

import pytest
from lxml import etree
from parsel import Selector

from tuyengiao_crawler.extract.content import main_block
from tuyengiao_crawler.extract.metadata import meta_tags
from tuyengiao_crawler.extract.title import find_title
from tuyengiao_crawler.extract.tree import document_order

HEADLINE = "Ban Chỉ đạo 35 tỉnh Hà Giang triển khai nhiệm vụ năm 2020"
BODY = "".join(
    f"<p>Đoạn {n}: sáng 27/10/2020, Ban Chỉ đạo 35 tỉnh tổ chức hội nghị triển khai nhiệm vụ"
    " bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái.</p>"
    for n in range(6)
)


def title_of(html: str) -> tuple[str | None, str | None]:
    root = Selector(text=html).root
    title, node = find_title(root, meta_tags(root), main_block(root), document_order(root))
    return title, (etree.QName(node).localname if node is not None else None)


def test_a_yoast_og_title_loses_the_site_name_the_visible_headline_does_not_have():
    html = (
        f'<html><head><meta property="og:title" content="{HEADLINE} - Ban Tuyên giáo Huyện ủy">'
        '<meta property="og:site_name" content="Ban Tuyên giáo Huyện ủy"></head><body>'
        '<header class="entry-header"><h1 class="entry-title">'
        f"{HEADLINE}</h1></header><div class='entry-content'>{BODY}</div></body></html>"
    )
    assert title_of(html) == (HEADLINE, "h1")


def test_sharepoint_writes_the_list_name_before_the_headline_and_the_site_name_as_h1():
    html = (
        f"<html><head><title>\n\tTin tức - {HEADLINE}\n</title></head><body>"
        '<td class="s4-titletext"><h1 name="onetidProjectPropertyTitle"><a href="/">'
        "Ban Tuyên giáo Tỉnh ủy Hà Giang</a></h1></td>"
        f'<div class="s4-pagetitle-area"><h2 class="ms-pagetitle">{HEADLINE}</h2></div>'
        f'<div class="ms-rtestate-field">{BODY}</div></body></html>'
    )
    assert title_of(html) == (HEADLINE, "h2")


def test_a_portal_whose_title_is_always_its_name_and_that_has_no_h1():
    html = (
        "<html><head><title>..:: BAN TUYÊN GIÁO TỈNH ỦY QUẢNG TRỊ ::..</title></head><body>"
        '<table><tr><td class="menu"><a href="/">Trang chủ</a></td></tr><tr><td>'
        f'<span id="ctl00_MainContent_lblTitle" class="title">{HEADLINE}</span>'
        '<span class="date">(27/10/2020 09:20)</span>'
        f'<div id="ctl00_MainContent_pnlContent">{BODY}</div></td></tr></table></body></html>'
    )
    assert title_of(html) == (HEADLINE, "span")


# --- issue 14: the visible headline wins; only the site's own name is cut -------------------

SITE = "Cổng thông tin điện tử huyện Mèo Vạc"


def test_a_visible_h1_wins_over_an_og_title_with_a_suffix_no_og_site_name_names():
    html = (
        f'<html><head><meta property="og:title" content="{HEADLINE} - Báo Hà Giang">'
        f"<title>{HEADLINE} - Báo Hà Giang</title></head><body>"
        f'<div class="detail"><h1 class="title-detail">“{HEADLINE}”</h1>'
        f'<div class="content-detail">{BODY}</div></div></body></html>'
    )
    assert title_of(html) == (f"“{HEADLINE}”", "h1")


def test_an_seo_og_title_loses_to_the_headline_of_a_next_js_page():
    html = (
        '<html><head><meta property="og:title" content="Hà Giang: 35 nhiệm vụ cho năm 2020">'
        f'</head><body><div id="__next"><main><h1 class="Detail_title__3x">{HEADLINE}</h1>'
        f'<div class="Detail_content__9a">{BODY}</div></main></div></body></html>'
    )
    assert title_of(html) == (HEADLINE, "h1")


def test_a_category_h1_that_is_also_a_menu_link_does_not_win():
    category = "Hoạt động của các cấp ủy Đảng địa phương"
    html = (
        f'<html><head><meta property="og:title" content="{HEADLINE}"></head><body>'
        f'<ul class="main-menu"><li><a href="/hoat-dong">{category}</a></li></ul>'
        f'<h1 class="cat-name">{category}</h1><div class="news-detail">'
        f'<h2 class="news-title">{HEADLINE}</h2><div class="news-body">{BODY}</div></div>'
        "</body></html>"
    )
    assert title_of(html) == (HEADLINE, "h2")


def test_a_sidebar_h1_is_never_the_headline():
    html = (
        f"<html><head><title>{SITE}</title></head><body>"
        '<div class="sidebar-left"><h1>Tin tiêu điểm về công tác tuyên giáo trong tỉnh</h1>'
        '<ul><li><a href="/a">Một tin khác</a></li></ul></div>'
        f'<div class="main"><span class="tieude">{HEADLINE}</span>'
        f'<div class="noidung">{BODY}</div></div></body></html>'
    )
    assert title_of(html) == (HEADLINE, "span")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the site's name, from the logo's alt, is cut at either end
        (f"{HEADLINE} - {SITE}", HEADLINE),
        (f"{SITE} | {HEADLINE}", HEADLINE),
        (f"{HEADLINE} - Dangcongsan.vn", HEADLINE),
        # a part that is not the site's name stays
        ("Tổng kết năm 2023: thành công - hạn chế", "Tổng kết năm 2023: thành công - hạn chế"),
        ("Hội nghị tổng kết nhiệm kỳ 2020 - 2025", "Hội nghị tổng kết nhiệm kỳ 2020 - 2025"),
    ],
)
def test_only_the_sites_own_name_is_cut_from_title(title, expected):
    html = (
        f"<html><head><title>{title}</title></head><body>"
        f'<div id="logo"><a href="/"><img src="/logo.png" alt="{SITE}"></a></div>'
        f'<div class="noidung">{BODY}</div></body></html>'
    )
    assert title_of(html)[0] == expected


def test_page_builder_and_theme_classes_do_not_hide_the_headline():
    # Elementor wraps everything in "elementor-widget"; themes mark <body> "has-sidebar".
    html = (
        '<html><head><meta property="og:title" content="Tin tức"></head>'
        '<body class="post-template-default has-sidebar sidebar-right footer-widgets">'
        '<div class="elementor-widget elementor-widget-theme-post-title">'
        f'<div class="elementor-widget-container"><h1 class="elementor-heading-title">{HEADLINE}'
        '</h1></div></div><div class="elementor-widget elementor-widget-theme-post-content">'
        f"{BODY}</div></body></html>"
    )
    assert title_of(html) == (HEADLINE, "h1")


def test_a_masthead_h1_spelling_the_title_suffix_is_the_site_not_the_headline():
    html = (
        f"<html><head><title>{HEADLINE} - Ban Tuyên giáo Tỉnh ủy Hà Giang</title></head><body>"
        '<div id="top"><h1>BAN TUYÊN GIÁO TỈNH ỦY HÀ GIANG</h1></div>'
        f'<div class="chitiet"><h2>{HEADLINE}</h2><div class="noidung">{BODY}</div></div>'
        "</body></html>"
    )
    assert title_of(html) == (HEADLINE, "h2")


def test_a_headline_linked_to_hash_is_not_taken_for_a_home_link():
    html = (
        f'<html><head><meta property="og:title" content="Tin tức"></head><body>'
        f'<div class="detail"><h1 class="title"><a href="#">{HEADLINE}</a></h1>'
        f'<div class="content">{BODY}</div></div></body></html>'
    )
    assert title_of(html) == (HEADLINE, "h1")


def test_dnn_breadcrumb_title_with_angle_separators_and_no_h1():
    html = (
        f"<html><head><title>Trang chủ &gt; Tin tức &gt; {HEADLINE}</title></head><body>"
        f'<div class="DnnModule"><span class="NewsTitle">{HEADLINE}</span>'
        f'<div class="Normal">{BODY}</div></div></body></html>'
    )
    assert title_of(html) == (HEADLINE, "span")
