"""Nothing good lost (issue 13, item 4): articles whose markup or transfer is hostile are
archived whole, in generic and profile mode; a compressed body cut short is a failed,
retried fetch, never a short article.

The pages are written here (not the demo site's markup): a small news portal's article
template with the fault put inside or after its body.
"""

import os
import threading
import zipfile
from io import BytesIO

import pytest
from testkit import rows, tuyengiao

from tuyengiao_crawler.demo_site.serving import (
    BackgroundSite,
    Request,
    Response,
    SiteHTTPServer,
    gzip_bytes,
)
from tuyengiao_crawler.extract.html import MAX_DEPTH, text_blocks
from tuyengiao_crawler.extract.page import read_page
from tuyengiao_crawler.profiles import parse_profile

URL = "http://127.0.0.1:8000/tin-tuc/bai-viet-123.html"
HEADERS = {"Content-Type": "text/html; charset=utf-8"}
PARAGRAPHS = (
    "Chiều 12/5, Ban Tuyên giáo Huyện ủy tổ chức hội nghị học tập, quán triệt các nghị "
    "quyết mới của Trung ương cho cán bộ chủ chốt toàn huyện.",
    "Tại hội nghị, các đại biểu đã nghe báo cáo viên truyền đạt những nội dung cơ bản, "
    "trọng tâm của nghị quyết và kế hoạch thực hiện trong thời gian tới.",
    "Kết thúc hội nghị, đồng chí Bí thư Huyện ủy yêu cầu các chi bộ xây dựng chương trình "
    "hành động cụ thể, sát với tình hình thực tế của địa phương.",
)
PROFILE = parse_profile(
    {
        "name": "hostile",
        "selectors": {
            "article": "article.post",
            "title": "h1.post-title",
            "body": ".post-body",
            "published": ".post-date",
        },
    }
)
MODES = {"generic": None, "profile": PROFILE}


def paragraph(i):
    return f"<p>{PARAGRAPHS[i]}</p>"


def page(body, after="", title="Hội nghị quán triệt nghị quyết của Trung ương", head="", before=""):
    """An article page whose body holds `body`, with `before` and `after` the article."""
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{title} - Cổng thông tin huyện</title>{head}"
        '<meta property="article:published_time" content="2024-05-12T15:00:00+07:00">'
        '</head><body><header class="site-head"><a href="/">Trang chủ</a></header>'
        f'{before}<main><article class="post"><h1 class="post-title">{title}</h1>'
        f'<p class="post-date">12/05/2024 15:00</p><div class="post-body">{body}</div>'
        f"</article>{after}</main></body></html>"
    ).encode()


def body_paragraphs(page_read):
    return page_read.article.body_text.split("\n\n")


# Markup that put the paragraphs after it inside an element the extractors drop.
SWALLOWING = {
    "bare embed": paragraph(0) + '<embed src="/media/phong-su.swf" width="480">'
    + paragraph(1) + paragraph(2),
    "embed in a paragraph": f"<p>{PARAGRAPHS[0]}<embed src='/media/clip.swf'></p>"
    + paragraph(1) + paragraph(2),
    "unclosed object with params": paragraph(0)
    + '<object data="/media/video.swf" type="application/x-shockwave-flash">'
    '<param name="movie" value="/media/video.swf"><param name="quality" value="high">'
    + paragraph(1) + paragraph(2),
    "object with an embed inside, closed": paragraph(0)
    + '<object data="/m.swf"><param name="movie" value="/m.swf"><embed src="/m.swf"></object>'
    + paragraph(1) + paragraph(2),
    "unclosed embed before a list": paragraph(0) + '<embed src="/a.swf"><div>'
    + paragraph(1) + "</div>" + paragraph(2),
    "nested embeds": paragraph(0) + '<embed src="/a.swf"><embed src="/b.swf">'
    + paragraph(1) + '<param name="x" value="y">' + paragraph(2),
}  # fmt: skip


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("markup", SWALLOWING.values(), ids=SWALLOWING)
def test_paragraphs_after_an_embed_or_object_are_kept(markup, mode):
    read = read_page(URL, page(markup), HEADERS, MODES[mode])
    assert read.kind == "article"
    assert body_paragraphs(read) == list(PARAGRAPHS)
    html = read.article.body_html
    assert all(text in html for text in PARAGRAPHS)
    # The plugin elements themselves are still cut from the stored HTML.
    assert "<embed" not in html and "<object" not in html and "<param" not in html


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("tag", ["div", "b", "span"])
def test_fifty_thousand_nested_tags_after_the_body(tag, mode):
    read = read_page(URL, page("".join(map(paragraph, range(3))), f"<{tag}>" * 50_000 + "x"),
                     HEADERS, MODES[mode])  # fmt: skip
    assert read.kind == "article"
    assert body_paragraphs(read) == list(PARAGRAPHS)
    assert read.article.title == "Hội nghị quán triệt nghị quyết của Trung ương"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("depth", [3_000, 50_000])
def test_nested_tags_before_the_article(depth, mode):
    # Before: libxml2 gives up at depth 2048 and drops the rest of the page, article and all.
    before = "<div>" * depth + "</div>" * depth
    read = read_page(URL, page("".join(map(paragraph, range(3))), head="", before=before),
                     HEADERS, MODES[mode])  # fmt: skip
    assert read.kind == "article"
    assert body_paragraphs(read) == list(PARAGRAPHS)
    assert read.article.title == "Hội nghị quán triệt nghị quyết của Trung ương"


@pytest.mark.parametrize("mode", MODES)
def test_nested_tags_inside_the_body_after_its_paragraphs(mode):
    body = "".join(map(paragraph, range(3))) + "<span>" * 50_000 + "chữ cuối"
    read = read_page(URL, page(body), HEADERS, MODES[mode])
    assert body_paragraphs(read)[:3] == list(PARAGRAPHS)


def test_paragraphs_nested_past_the_depth_cut_keep_their_text_and_breaks():
    # Unclosed <font> tags, as old editors wrote them, put each paragraph deeper.
    body = "<font>" * (MAX_DEPTH + 40) + "".join(map(paragraph, range(3)))
    for mode in MODES.values():
        read = read_page(URL, page(body), HEADERS, mode)
        assert body_paragraphs(read) == list(PARAGRAPHS)


def test_text_blocks_walk_a_tree_deeper_than_pythons_recursion_limit():
    from parsel import Selector

    root = Selector(text="<div id=c>" + "<div>" * 2000 + "sâu</div>").root
    assert text_blocks(root.get_element_by_id("c")) == ["sâu"]


CONTROL_BYTES = {
    "a NUL in the head": lambda html: html.replace(b"<title>", b"\x00<title>", 1),
    "control bytes in the first KB": lambda html: html.replace(
        b"<main>", b"<main>" + bytes(range(1, 32)) * 4, 1
    ),
    "NUL padding before the page": lambda html: b"\x00" * 3000 + html,
    "a NUL in every line": lambda html: html.replace(b">", b">\x00"),
}


@pytest.mark.parametrize("damage", CONTROL_BYTES.values(), ids=CONTROL_BYTES)
def test_nul_and_control_bytes_do_not_make_a_page_binary(damage):
    read = read_page(URL, damage(page("".join(map(paragraph, range(3))))), HEADERS)
    assert (read.failure, read.kind) == (None, "article")
    assert read.article.title == "Hội nghị quán triệt nghị quyết của Trung ương"
    assert body_paragraphs(read) == list(PARAGRAPHS)


def _zip_bytes():
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("bao-cao.txt", "Báo cáo " * 200)
    return out.getvalue()


BINARY = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + os.urandom(3000),
    "png": b"\x89PNG\r\n\x1a\n" + os.urandom(3000),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF" + os.urandom(3000),
    "zip": _zip_bytes(),
    "gzip of a page": gzip_bytes(page(paragraph(0))),
    "random bytes": os.urandom(4000),
    "an executable": b"\x7fELF\x02\x01\x01\x00" + os.urandom(3000),
    "control bytes only": bytes(range(32)) * 10,
}


@pytest.mark.parametrize("body", BINARY.values(), ids=BINARY)
def test_binary_files_served_as_html_are_still_refused(body):
    read = read_page(URL, body, HEADERS)
    assert read.kind == "other" and read.article is None
    assert read.failure and "served as HTML" in read.failure


# A crawl, through the command line, of a site with each fault on one article page.

RETRY_TIMES = 2
ARTICLES = {
    "/tin/embed.html": page(SWALLOWING["bare embed"], title="Bài có embed trần"),
    "/tin/nul.html": CONTROL_BYTES["a NUL in the head"](
        page("".join(map(paragraph, range(3))), title="Bài có byte NUL")
    ),
    "/tin/long-sau.html": page(
        "".join(map(paragraph, range(3))), "<div>" * 50_000, title="Bài có thẻ lồng sâu"
    ),
    "/tin/lam-moi-js.html": page(
        '<meta http-equiv="refresh" content="0;url=javascript:location.reload()">'
        + "".join(map(paragraph, range(3))),
        title="Bài có làm mới javascript",
    ),
    "/tin/lam-moi-chinh-no.html": page(
        "".join(map(paragraph, range(3))),
        title="Bài tự làm mới sau nửa phút",
        head='<meta http-equiv="refresh" content="30;url=/tin/lam-moi-chinh-no.html">',
    ),
}
CUT_ALWAYS = "/tin/cat-gzip.html"
CUT_ONCE = "/tin/cat-mot-lan.html"
CUT_PAGES = {
    CUT_ALWAYS: page("".join(map(paragraph, range(3))), title="Bài luôn bị cắt"),
    CUT_ONCE: page("".join(map(paragraph, range(3))), title="Bài bị cắt một lần"),
}


class HostileSite:
    """The pages: a home page linking every article; the cut ones sent gzip, cut after
    three quarters (the title and a paragraph and a half are in them), with a
    Content-Length that matches what is sent (CUT_ONCE only the first time)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.served: dict[str, int] = {}

    def lookup(self, request: Request) -> Response | None:
        with self.lock:
            times = self.served[request.path] = self.served.get(request.path, 0) + 1
        if request.path == "/":
            links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in [*ARTICLES, *CUT_PAGES])
            return Response(f"<html><body><ul>{links}</ul></body></html>".encode())
        if request.path in ARTICLES:
            return Response(ARTICLES[request.path])
        if request.path in CUT_PAGES:
            whole = gzip_bytes(CUT_PAGES[request.path])
            body = whole if request.path == CUT_ONCE and times > 1 else whole[: len(whole) * 3 // 4]
            return Response(body, headers={"Content-Encoding": "gzip"})
        return None

    def not_found(self) -> Response:
        return Response(b"<html><body>Not found</body></html>", status=404)


class Served(BackgroundSite):
    def __init__(self, pages):
        super().__init__()
        self.pages = pages

    def make_server(self, address):
        return SiteHTTPServer(address, self.pages, validators=False)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    db = tmp_path_factory.mktemp("lost") / "archive.sqlite"
    pages = HostileSite()
    with Served(pages) as site:
        result = tuyengiao(
            "crawl", "--start-url", site.url + "/", "--db", db,
            "-s", f"RETRY_TIMES={RETRY_TIMES}", "-s", "TUYENGIAO_RETRY_BACKOFF=0.05",
            "-s", "DOWNLOAD_TIMEOUT=10", timeout=120,
        )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return db, result, pages


def _path(url):
    return "/" + url.split("/", 3)[3]


def test_every_hostile_article_is_archived_whole(crawl):
    db, result, _ = crawl
    assert "Traceback" not in result.stderr, result.stderr
    archived = {_path(a["url"]): a for a in rows(db, "SELECT * FROM articles")}
    assert set(archived) == {*ARTICLES, CUT_ONCE}
    for path, article in archived.items():
        assert article["body_text"].split("\n\n") == list(PARAGRAPHS), path


def test_a_gzip_body_cut_short_is_a_failed_retried_fetch_never_an_article(crawl):
    db, _, pages = crawl
    fetches = [
        f for f in rows(db, "SELECT * FROM fetches ORDER BY id") if _path(f["url"]) == CUT_ALWAYS
    ]
    assert pages.served[CUT_ALWAYS] == RETRY_TIMES + 1
    assert len(fetches) == RETRY_TIMES + 1
    assert all((f["status"], f["error"]) == (200, "truncated gzip body") for f in fetches)
    assert not [a for a in rows(db, "SELECT url FROM articles") if _path(a["url"]) == CUT_ALWAYS]
    run = rows(db, "SELECT * FROM crawl_runs")[-1]
    assert run["status"] == "partial" and run["errors"] >= 1


def test_a_gzip_body_cut_once_is_archived_from_its_retry(crawl):
    db, _, pages = crawl
    fetches = [
        f for f in rows(db, "SELECT * FROM fetches ORDER BY id") if _path(f["url"]) == CUT_ONCE
    ]
    assert pages.served[CUT_ONCE] == 2
    assert [f["error"] for f in fetches] == ["truncated gzip body", None]
    (article,) = [a for a in rows(db, "SELECT * FROM articles") if _path(a["url"]) == CUT_ONCE]
    assert article["fetch_id"] == fetches[-1]["id"]


@pytest.mark.parametrize("path", ["/tin/lam-moi-js.html", "/tin/lam-moi-chinh-no.html"])
def test_a_page_whose_meta_refresh_is_not_followed_is_read_as_it_is(crawl, path):
    db, result, pages = crawl
    assert pages.served[path] == 1
    assert "Missing scheme" not in result.stdout + result.stderr
    (article,) = [a for a in rows(db, "SELECT * FROM articles") if _path(a["url"]) == path]
    assert article["body_text"].split("\n\n") == list(PARAGRAPHS)
