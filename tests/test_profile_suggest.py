"""`tuyengiao profile-suggest URL...`: a starter profile from article pages of a new site
(issue 14), checked by reading a page it was not made from. Joomla 3 markup (not the demo
site's), with the chrome real portals have around the article."""

import tomllib

from click.testing import CliRunner

from tuyengiao_crawler.cli import cli
from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer
from tuyengiao_crawler.extract.page import read_page
from tuyengiao_crawler.normalize.article import normalize_article
from tuyengiao_crawler.profiles import parse_profile

ARTICLES = {
    "/tin-tuc/hoi-nghi-so-ket.html": (
        "Hội nghị sơ kết công tác tuyên giáo 6 tháng đầu năm",
        "Thứ Hai, 03 Tháng 7 2023 08:15",
        "Trần Văn Hùng",
    ),
    "/tin-tuc/tap-huan-bao-cao-vien.html": (
        "Tập huấn nghiệp vụ cho đội ngũ báo cáo viên cơ sở",
        "Thứ Năm, 13 Tháng 7 2023 14:40",
        "Nguyễn Thị Mai",
    ),
    "/tin-tuc/ra-quan-dan-van.html": (
        "Ra quân thực hiện mô hình dân vận khéo năm 2023",
        "Thứ Sáu, 21 Tháng 7 2023 07:05",
        "Lê Quốc Bảo",
    ),
}
PAGE = """<!DOCTYPE html><html lang="vi-vn" dir="ltr"><head><meta charset="utf-8">
<title>{title} - Ban Tuyên giáo Huyện ủy</title></head>
<body class="site com_content view-article itemid-{n}">
<header class="header"><div class="container"><a class="brand pull-left" href="/">
<span class="site-title">Ban Tuyên giáo Huyện ủy</span></a></div></header>
<nav class="navigation"><ul class="nav menu nav-pills mod-list"><li class="item-101">
<a href="/">Trang chủ</a></li><li class="item-102"><a href="/tin-tuc.html">Tin tức</a></li></ul></nav>
<div class="row-fluid"><main id="content" role="main" class="span9">
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">{title}</h2></div>
<dl class="article-info muted"><dd class="createdby" itemprop="author">Viết bởi <span itemprop="name">{author}</span></dd>
<dd class="published"><time itemprop="datePublished">Ngày đăng: {date}</time></dd></dl>
<div itemprop="articleBody"><p>{p1}</p><p>Các đại biểu đã thảo luận, đóng góp nhiều ý kiến
tâm huyết nhằm nâng cao chất lượng công tác tuyên truyền miệng ở cơ sở trong thời gian tới.</p>
<p>Phát biểu chỉ đạo, đồng chí Phó Bí thư Thường trực Huyện ủy ghi nhận kết quả đạt được,
đồng thời đề nghị các cấp ủy tiếp tục nắm bắt tình hình tư tưởng của cán bộ, nhân dân.</p>
<p>{last}</p></div></div></main>
<div id="aside" class="span3"><div class="moduletable"><h3>Tin mới</h3><ul class="latestnews">
<li><a href="/tin-tuc/ra-quan-dan-van.html">Ra quân thực hiện mô hình dân vận khéo</a></li>
</ul></div></div></div><footer class="footer">© 2023 Ban Tuyên giáo Huyện ủy</footer></body></html>"""


def page_of(n, path):
    title, date, author = ARTICLES[path]
    body = PAGE.format(
        n=n, title=title, date=date, author=author,
        p1=f"Sáng nay, {title.lower()} đã được tổ chức trang trọng tại hội trường Huyện ủy với "
        "sự tham dự của đông đảo cán bộ, đảng viên các chi bộ trực thuộc.",
        last=f"Kết thúc hội nghị, các đơn vị ký cam kết thực hiện nhiệm vụ năm 2023 (bài {n}).",
    )  # fmt: skip
    return body.encode()


class Pages:
    def lookup(self, request: Request) -> Response | None:
        for n, path in enumerate(ARTICLES, 1):
            if request.path == path:
                return Response(page_of(n, path))
        if request.path == "/tin-tuc.html":
            links = "".join(f'<a href="{p}">{t}</a>' for p, (t, _, _) in ARTICLES.items())
            return Response(f"<html><body><div class='blog'>{links}</div></body></html>".encode())
        return None

    def not_found(self) -> Response:
        return Response(b"<html><body>404</body></html>", status=404)


class Site(BackgroundSite):
    def make_server(self, address):
        return SiteHTTPServer(address, Pages())


def suggest(*args):
    return CliRunner().invoke(cli, ["profile-suggest", *args])


def test_a_suggested_profile_reads_a_page_it_was_not_made_from(tmp_path):
    first, second, third = ARTICLES
    with Site() as site:
        result = suggest(site.url + first, site.url + second, "--name", "btg-huyen")
    assert result.exit_code == 0, result.output
    data = tomllib.loads(result.output)
    profile = parse_profile(data, "suggested")
    assert profile.name == "btg-huyen" and data["domains"] == ["127.0.0.1"]
    selectors = data["selectors"]
    assert {"article", "title", "body", "published"} <= set(selectors)
    # Microdata and the template's own classes, not layout classes (span9, row-fluid,
    # itemid-1) that differ from page to page or say nothing.
    assert selectors["title"] == 'h2[itemprop="headline"]'
    assert selectors["body"] == 'div[itemprop="articleBody"]'
    assert selectors["published"] == 'time[itemprop="datePublished"]'
    assert selectors["article"] == "div.item-page"
    url = "http://127.0.0.1:1" + third
    read = read_page(url, page_of(3, third), [("Content-Type", "text/html")], profile)
    assert read.kind == "article" and read.profile_misses == []
    record = normalize_article(read.article, read.fetch_context("2023-07-22T00:00:00+00:00"))
    assert record.title == "Ra quân thực hiện mô hình dân vận khéo năm 2023"
    assert record.published_at == "2023-07-21T07:05+07:00"
    paragraphs = record.body_text.split("\n\n")
    assert len(paragraphs) == 4 and paragraphs[-1].endswith("(bài 3).")
    assert record.extractor == "profile:btg-huyen"


def test_bad_input_is_one_line(tmp_path):
    out = tmp_path / "exists.toml"
    out.write_text("x", encoding="utf-8")
    with Site() as site:
        listing = suggest(site.url + "/tin-tuc.html")
        taken = suggest(site.url + next(iter(ARTICLES)), "--out", str(out))
        missing = suggest(site.url + "/khong-co.html")
        written = suggest(site.url + next(iter(ARTICLES)), "--out", str(tmp_path / "new.toml"))
    assert listing.exit_code == 1
    assert listing.output.strip().endswith("/tin-tuc.html does not read as an article page (other)")
    assert taken.exit_code == 2 and "exists; choose another file" in taken.output
    assert out.read_text(encoding="utf-8") == "x"
    assert missing.exit_code == 1 and missing.output.strip().endswith("HTTP 404")
    assert written.exit_code == 0, written.output
    assert tomllib.loads((tmp_path / "new.toml").read_text(encoding="utf-8"))["selectors"]["title"]
    assert "Example: tuyengiao profile-suggest" in suggest("--help").output
