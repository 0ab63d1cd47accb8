"""The demo profile on the seed article (the one real page we have), marked up as the demo site."""

import pytest
from parsel import Selector

from tuyengiao_crawler.extract.profile import extract_with_profile, is_article
from tuyengiao_crawler.profiles import load_profile, parse_profile

URL = "http://127.0.0.1:8000/btg/tin-hoat-dong/bai-1.html"


@pytest.fixture
def seed(saved_page):
    return saved_page("seed_article.html", URL)


def test_seed_article_fields(seed):
    profile = load_profile("demo")
    assert is_article(seed.selector, profile)
    article, missing = extract_with_profile(seed.selector, URL, profile)
    assert missing == []
    assert article.extractor == "profile:demo"
    assert article.title == "Tăng cường công tác tuyên truyền đại hội Đảng các cấp"
    assert article.published_raw == "Thứ Ba, 03/03/2020 - 09:15"
    assert article.published_source == "dateline"
    assert article.byline == "Phan Sỹ Thành\nBan Tuyên giáo Tỉnh ủy"
    assert article.breadcrumb == ["Trang chủ", "Ban Tuyên giáo", "Tin hoạt động"]
    assert article.category == "Tin hoạt động"
    paragraphs = article.body_text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith(
        "Từ ngày 25/2 đến 28/2, đoàn công tác của Ban Tuyên giáo Tỉnh ủy"
    )
    assert paragraphs[-1].endswith("của Ban Thường vụ và Thường trực Huyện ủy.")
    for noise in (
        "Phan Sỹ Thành",
        "Tin cùng chuyên mục",
        "Chia sẻ",
        "Banner",
        "Đoàn công tác Ban Tuyên giáo Tỉnh ủy làm việc",
    ):
        assert noise not in article.body_text
    assert article.images == [
        {
            "url": "http://127.0.0.1:8000/uploads/images/doan-cong-tac.jpg",
            "caption": "Đoàn công tác Ban Tuyên giáo Tỉnh ủy làm việc với Huyện ủy Tương Dương",
            "alt": "Đoàn công tác Ban Tuyên giáo Tỉnh ủy làm việc với Huyện ủy Tương Dương",
        }
    ]
    assert len(article.related) == 15
    assert article.related[0] == {
        "url": "http://127.0.0.1:8000/btg/tin-hoat-dong/tin-1.html",
        "title": "Giao ban báo chí định kỳ tháng 11 năm 2020",
    }
    assert article.attachments == []
    assert "<p>Từ ngày 25/2" in article.body_html and "author" not in article.body_html


def test_listing_page_is_not_an_article():
    html = '<html><body><ul class="news-list"><li><a class="news-title" href="/a.html">Tin</a></li></ul></body></html>'
    assert not is_article(Selector(text=html), load_profile("demo"))


def test_profile_misses_are_reported():
    profile = parse_profile(
        {
            "name": "t",
            "selectors": {
                "article": "body",
                "title": "h1.nope",
                "body": ".nope",
                "published": ".nope",
            },
        }
    )
    article, missing = extract_with_profile(
        Selector(text="<html><body><p>x</p></body></html>"), URL, profile
    )
    assert missing == ["title", "body", "published"]
    assert article.title is None and article.body_text == ""


@pytest.mark.parametrize(
    ("trail", "category"),
    [
        # "Trang nhất" is a home word too; the profile reader knew only "Trang chủ" and "Home".
        (["Trang nhất", "Tiêu đề bài"], None),
        (["TRANG NHẤT", "Thời sự", "Tiêu đề bài"], "Thời sự"),
        (["Trang chủ", "Xây dựng Đảng", "TIÊU ĐỀ BÀI"], "Xây dựng Đảng"),
    ],
)
def test_profile_category_skips_home_and_title_like_generic(trail, category):
    profile = parse_profile(
        {
            "name": "t",
            "selectors": {
                "article": "body",
                "title": "h1",
                "body": "p",
                "published": "time",
                "breadcrumb": "ol.crumbs li",
            },
        }
    )
    items = "".join(f"<li>{item}</li>" for item in trail)
    html = f'<html><body><ol class="crumbs">{items}</ol><h1>Tiêu đề bài</h1></body></html>'
    article, _ = extract_with_profile(Selector(text=html), URL, profile)
    assert article.breadcrumb == trail
    assert article.category == category
