"""`read_page`: bytes and headers in, a classified page with an article's raw fields out.

On a WordPress-style saved page (not the demo site's markup) with the traps real sites
have: no charset anywhere, a <base href>, tracking parameters, validators in odd case.
"""

import gzip
from pathlib import Path

import pytest

from tuyengiao_crawler.extract.page import decode_page, read_page
from tuyengiao_crawler.normalize.encoding import encode_cp1258
from tuyengiao_crawler.profiles import load_profile

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
WORDPRESS = (PAGES / "wordpress_article.html").read_bytes()
URL = "http://127.0.0.1:8000/wp/2023/12/05/hoi-nghi-quan-triet/?utm_source=facebook"
TITLE = "Hội nghị quán triệt Nghị quyết Trung ương 8 khóa XIII"


def test_an_article_page_with_its_fields_links_and_fetch_context():
    page = read_page(
        URL,
        WORDPRESS,
        [("content-type", "text/html; charset=UTF-8"), ("etag", '"4127-v2"')],
    )
    assert (page.kind, page.failure, page.profile_misses) == ("article", None, [])
    assert page.article.title == TITLE
    assert page.article.published_raw == "2023-12-05T08:30:00+07:00"
    assert page.article.body_text.startswith("Sáng 04/12, Ban Thường vụ Huyện ủy")
    assert "Nghị quyết số 44-NQ/TW ngày 24/11/2023" in page.article.body_text
    # Links are given as written; they resolve against <base href>, not the page's URL.
    assert page.base_url == "http://127.0.0.1:8000/wp/"
    assert page.hrefs[:3] == ["./", "category/tin-tuc/", "category/van-ban/"]
    context = page.fetch_context("2026-12-01T00:00:00+00:00", 200, fetch_id=7)
    assert context.url == "http://127.0.0.1:8000/wp/2023/12/05/hoi-nghi-quan-triet/"
    assert context.fetched_url == URL  # as the site linked it
    assert (context.site, context.fetch_id, context.etag) == ("127.0.0.1", 7, '"4127-v2"')
    assert context.last_modified is None


def test_a_page_that_names_no_charset_is_decoded_by_its_bytes():
    """Windows-1258 (tones as combining marks) with no charset in header or <meta>."""
    body = encode_cp1258(WORDPRESS.decode("utf-8"))
    assert body != WORDPRESS
    page = read_page(URL, body, {"Content-Type": "text/html"})
    assert page.kind == "article"
    assert page.article.title == TITLE
    assert "Chiến lược bảo vệ Tổ quốc" in page.article.body_text


def test_a_page_declared_utf8_but_sent_as_windows_1258_is_decoded_again():
    body = encode_cp1258(WORDPRESS.decode("utf-8"))
    text, quality = decode_page(body, "text/html; charset=utf-8")
    assert quality == "repaired:cp1258"
    assert TITLE in text
    page = read_page(URL, body, {"Content-Type": "text/html; charset=utf-8"})
    assert (page.quality, page.article.title) == ("repaired:cp1258", TITLE)


@pytest.mark.parametrize(
    ("body", "content_type", "failure"),
    [
        (b"  \n ", "text/html", "empty body"),
        (b"%PDF-1.7\n%binary", "text/html", "binary file (b'%PDF') served as HTML"),
        (
            gzip.compress(WORDPRESS),
            "text/html",
            "binary data served as HTML",
        ),
    ],
)
def test_a_body_that_is_no_page_is_a_failure_with_a_reason(body, content_type, failure):
    page = read_page(URL, body, {"Content-Type": content_type})
    assert (page.kind, page.failure, page.article, page.hrefs) == ("other", failure, None, [])


def test_feeds_and_sitemaps_are_not_read_as_pages():
    sitemap = b'<?xml version="1.0"?><urlset><url><loc>http://127.0.0.1:8000/a</loc></url></urlset>'
    for content_type in ("application/xml", "text/xml; charset=utf-8", "application/rss+xml"):
        page = read_page(
            "http://127.0.0.1:8000/sitemap.xml", sitemap, {"content-type": content_type}
        )
        assert (page.kind, page.selector, page.failure) == ("other", None, None)
    xhtml = read_page(URL, WORDPRESS, {"Content-Type": "application/xhtml+xml"})
    assert xhtml.kind == "article"


def test_a_listing_page_gives_its_articles_and_pager():
    listing = """<html><body><main>
    <h2><a href="tin-1.html">Tin thứ nhất về công tác tuyên giáo</a></h2>
    <h2><a href="tin-2.html">Tin thứ hai về công tác tuyên giáo</a></h2>
    <h2><a href="tin-3.html">Tin thứ ba về công tác tuyên giáo</a></h2>
    <h2><a href="tin-4.html">Tin thứ tư về công tác tuyên giáo</a></h2>
    <h2><a href="tin-5.html">Tin thứ năm về công tác tuyên giáo</a></h2>
    <div class="pagination"><a href="?page=2">2</a><a href="?page=3">3</a>
    <a href="?page=2">Trang sau</a></div></main></body></html>""".encode()
    page = read_page("http://127.0.0.1:8000/tin-tuc/", listing, {"Content-Type": "text/html"})
    assert (page.kind, page.article) == ("listing", None)
    assert page.listing.pager == [
        "http://127.0.0.1:8000/tin-tuc/?page=2",
        "http://127.0.0.1:8000/tin-tuc/?page=3",
    ]
    assert page.listing.next_page == "http://127.0.0.1:8000/tin-tuc/?page=2"


def test_a_profile_that_no_longer_fits_names_its_misses_and_generic_fills_them(tmp_path):
    """The site moved its headline and date: the profile's selectors find neither."""
    path = tmp_path / "wp.toml"
    path.write_text(
        'name = "wp"\ndomains = []\nstart_urls = []\n[selectors]\n'
        'article = "article.type-post"\ntitle = "h1.post-title"\nbody = ".entry-content"\n'
        'published = ".post-date"\n',
        "utf-8",
    )
    page = read_page(URL, WORDPRESS, {"Content-Type": "text/html"}, load_profile(str(path)))
    assert page.kind == "article"
    assert page.profile_misses == ["title", "published"]
    assert page.article.extractor == "profile:wp"
    assert page.article.title == TITLE  # from the generic heuristics
    assert page.article.published_raw == "2023-12-05T08:30:00+07:00"
    assert page.article.body_text.endswith("Nguyễn Văn Hùng")  # the profile's own body


BASED = """<!DOCTYPE html><html><head><meta charset="utf-8"><base href="http://127.0.0.1:8000/">
<title>{title}</title></head><body><table width="100%"><tr><td class="content">{content}</td></tr>
</table></body></html>"""


def test_links_images_and_pagers_resolve_against_base_href():
    """On friendly-URL pages of in-house PHP portals (`/tin-tuc/1287/slug.html`) relative
    links are written for <base href="/">: resolved against the page's own URL they name
    pages that do not exist (`/tin-tuc/1287/index.php?...`)."""
    teasers = "".join(
        f'<p><a href="index.php?mod=news&amp;act=detail&amp;id={n}">Hội nghị quán triệt Nghị'
        f" quyết số {n} của Ban Thường vụ</a></p>"
        for n in range(1, 7)
    )
    pager = '<div class="phantrang"><a href="index.php?mod=news&amp;p=2">2</a></div>'
    listing = BASED.format(title="Tin tức", content=teasers + pager).encode()
    page = read_page("http://127.0.0.1:8000/tin-tuc/trang-1.html", listing)
    assert page.kind == "listing"
    assert page.listing.pager == ["http://127.0.0.1:8000/index.php?mod=news&p=2"]
    assert page.listing.articles[0] == "http://127.0.0.1:8000/index.php?mod=news&act=detail&id=1"
    body = "".join(
        f"<p>Đoạn {n}: Sáng 14/3/2019, Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt"
        " Nghị quyết số 18-NQ/TW cho cán bộ chủ chốt của huyện.</p>"
        for n in range(6)
    )
    article = BASED.format(
        title=TITLE,
        content=f'<h1>{TITLE}</h1><div class="date">14/03/2019</div><div class="body">{body}'
        '<p><img src="upload/2019/hoi-nghi.jpg" alt="Hội nghị"></p>'
        '<p><a href="upload/nghi-quyet-18.pdf">Tải văn bản</a></p></div>',
    ).encode()
    page = read_page("http://127.0.0.1:8000/tin-tuc/1287/hoi-nghi.html", article)
    assert page.kind == "article"
    assert [i["url"] for i in page.article.images] == [
        "http://127.0.0.1:8000/upload/2019/hoi-nghi.jpg"
    ]
    assert [a["url"] for a in page.article.attachments] == [
        "http://127.0.0.1:8000/upload/nghi-quyet-18.pdf"
    ]
