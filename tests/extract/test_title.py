"""The headline on portals that write it in other places than the demo site
(extract/title.py: `find_title`), in markup of other CMS families."""

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
