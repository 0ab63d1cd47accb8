"""The demo site's data files, the shared renderer, and the shared local server."""

from __future__ import annotations

import datetime as dt
import gzip
import http.client
import re
import shutil
from pathlib import Path

import pytest

from bench.server import GeneratedSite
from bench.site import Site
from tuyengiao_crawler.demo_site import build, compose, content, render
from tuyengiao_crawler.demo_site.serving import (
    BackgroundSite,
    Request,
    Response,
    SiteHTTPServer,
)

SEED_TITLE = "Tăng cường công tác tuyên truyền đại hội Đảng các cấp"

# --------------------------------------------------------------------------- data files


def test_data_files_give_the_articles_and_resolve_their_keys() -> None:
    data = content.load()
    assert len(data.specs) == 69
    spec = next(s for s in data.specs if s.title == SEED_TITLE)
    assert (spec.cat, spec.when, spec.topic, spec.place) == (
        "tin-hoat-dong",
        "2020-03-02 16:03",
        "lam_viec",
        "Tương Dương",
    )
    assert spec.docs == ("qd208",) and spec.fmt == "wd_lower_pipe"
    # Keys of site.toml and people.toml are resolved to what the build uses.
    assert spec.images == (
        (
            "/uploads/images/doan-cong-tac.png",
            "Đoàn công tác Ban Tuyên giáo Tỉnh ủy làm việc với Huyện ủy Tương Dương",
        ),
    )
    assert spec.byline == content.Byline(
        "name+org",
        ("Phan Sỹ Thành", "Ban Tuyên giáo Tỉnh ủy"),
        (("Phan Sỹ Thành", "author"), ("Ban Tuyên giáo Tỉnh ủy", "organization")),
    )
    assert data.categories["dan-van-kheo"] == ("dv", "Dân vận khéo")
    assert data.documents["qd439x"] == ("Quyết định số 439/Q\u00d0-TTg", ["439/QĐ-TTg"])
    assert data.byline_pools["van-ban-chi-dao"][1] is None  # "none" in the pool
    assert data.focus_by_year[2019].startswith("việc chuẩn bị Đại hội Đảng bộ các cấp")


def test_a_data_file_article_renders_with_its_title_date_image_and_byline() -> None:
    article = next(a for a in compose.compose(compose.CONTENT.specs) if a.title == SEED_TITLE)
    page = build.render_article(article)
    assert f"<title>{SEED_TITLE} - Ban Tuyên giáo Tỉnh ủy</title>" in page
    assert f'<h1 class="article-title">{SEED_TITLE}</h1>' in page
    # 2 March 2020 was a Monday; dates.toml's wd_lower_pipe: "{wd_low}, {d}/{m}/{y} | {hm}"
    assert '<span class="article-date">Thứ hai, 2/3/2020 | 16:03</span>' in page
    assert (
        '<figure class="image"><img src="/uploads/images/doan-cong-tac.png" alt="Đoàn công tác'
        in page
    )
    # The byline closes the body, one <p class="author"> a line (people.toml's "seed").
    assert (
        '     <p class="author">Phan Sỹ Thành</p>\n'
        '     <p class="author">Ban Tuyên giáo Tỉnh ủy</p>\n'
        "  </div>\n"
        '  <div class="share">Chia sẻ: Facebook Zalo</div>\n'
    ) in page
    assert '<div class="banner">Banner Ban tuyên giáo sub-site-1</div>' in page


def test_all_caps_bylines_are_strong() -> None:
    caps = next(
        a
        for a in compose.compose(compose.CONTENT.specs)
        if a.byline and a.byline.kind == "all-caps"
    )
    assert '<p class="author"><strong>PHAN ANH</strong></p>' in build.render_article(caps)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("wd_dash", "Chủ nhật, 15/11/2020 - 14:30"),
        ("h_dash", "14h30 - 15/11/2020"),
        ("dotted", "15.11.2020"),
        ("dmy_12h", "15/11/2020 02:30 CH"),
        ("wd_num_gmt", "Chủ nhật, 15/11/2020, 14:30 (GMT+7)"),
        ("ngay_thang_nam", "Ngày 15 tháng 11 năm 2020"),
    ],
)
def test_date_styles_come_from_dates_toml(fmt: str, expected: str) -> None:
    assert compose.format_date(dt.datetime(2020, 11, 15, 14, 30), fmt) == expected


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(content.DATA_DIR, copy)
    return copy


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('topic = "lam_viec"', 'topic = "lam_viecc"', "unknown topic (texts.toml) 'lam_viecc'"),
        ('byline = "seed"', 'byline = "sed"', "unknown byline (people.toml) 'sed'"),
        ('docs = ["qd208"]', 'docs = ["qd209"]', "unknown document (documents.toml) 'qd209'"),
        ('fmt = "wd_lower_pipe"', 'fmt = "wd_pipe"', "unknown date format (dates.toml)"),
        ('place = "Tương Dương"', 'plac = "Tương Dương"', "unknown field 'plac'"),
        ('{image = "doan"', '{image = "doan2"', "unknown image (site.toml) 'doan2'"),
    ],
)
def test_a_broken_key_in_articles_toml_names_the_article(
    data_copy: Path, old: str, new: str, message: str
) -> None:
    path = data_copy / "articles.toml"
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    with pytest.raises(ValueError, match=re.escape(message)) as err:
        content.load(data_copy)
    assert f"articles.toml, {SEED_TITLE!r}" in str(err.value)


def test_a_cited_document_must_exist(data_copy: Path) -> None:
    path = data_copy / "texts.toml"
    text = path.read_text("utf-8").replace("khuyến cáo 5K", "khuyến cáo [[nq99]]", 1)
    path.write_text(text, "utf-8")
    with pytest.raises(ValueError, match=r"texts.toml.*unknown document .*'nq99'"):
        content.load(data_copy)


def test_a_toml_syntax_error_names_the_file(data_copy: Path) -> None:
    (data_copy / "site.toml").write_text("name = \n", "utf-8")
    with pytest.raises(ValueError, match=r"site\.toml: "):
        content.load(data_copy)


# --------------------------------------------------------------------------- renderer


def test_windowed_pager_links_first_and_last() -> None:
    pager = render.pagination(5, 30, lambda n: f"/p{n}", window=2)
    assert pager == (
        '<div class="pagination"><a class="first" href="/p1">Đầu</a> '
        '<a class="prev" href="/p4">« Trang trước</a> <a href="/p3">3</a> <a href="/p4">4</a> '
        '<span class="current">5</span> <a href="/p6">6</a> <a href="/p7">7</a> '
        '<a class="next" href="/p6">Trang sau »</a> <a class="last" href="/p30">Cuối</a></div>'
    )
    assert render.pagination(1, 2, lambda n: f"/p{n}") == (
        '<div class="pagination"><span class="current">1</span> <a href="/p2">2</a> '
        '<a class="next" href="/p2">Trang sau »</a></div>'
    )


def test_frame_page_escapes_text_and_omits_what_is_not_given() -> None:
    frame = render.Frame(render.menu([("/", "Trang chủ")]), render.footer(["A & B"]))
    page = frame.page("Tin <mới>", "<p>x</p>", banner="Ban & ngành")
    assert page.startswith(
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin &lt;mới&gt;</title>'
    )
    assert (
        '<body><div class="banner">Ban &amp; ngành</div>\n'
        '<ul class="menu"><li><a href="/">Trang chủ</a></li></ul>\n<p>x</p>\n'
        '<div class="footer"><p>A &amp; B</p></div>\n</body></html>\n'
    ) in page
    bare = render.Frame().page("T", "<p>x</p>", charset=None)
    assert "<meta charset" not in bare and "<body><p>x</p>\n</body>" in bare


def test_article_without_lead_or_related() -> None:
    html = render.article(
        [("/", "Trang chủ")], "T", render.article_meta("1/1/2020"), None, ["<p>a</p>"], related=None
    )
    assert "article-sapo" not in html and "related" not in html
    assert html.endswith('  <div class="share">Chia sẻ: Facebook Zalo</div>\n</div>')


# --------------------------------------------------------------------------- server


class _Pages:
    """A two-page `Pages`: one conditional page, one plain."""

    def lookup(self, request: Request) -> Response | None:
        if request.path == "/a.html":
            stamp = dt.datetime(2021, 3, 15, 1, 30, tzinfo=dt.UTC)
            return Response(b"<p>a</p>" * 50, etag='"a1"', last_modified=stamp)
        if request.path == "/b.txt":
            return Response(b"b", "text/plain; charset=utf-8")
        return None

    def not_found(self) -> Response:
        return Response(b"gone", status=404)


class _Running(BackgroundSite):
    def make_server(self, address: tuple[str, int]) -> SiteHTTPServer:
        return SiteHTTPServer(address, _Pages(), gzip=True)


def _get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_shared_server_validators_gzip_404_and_log() -> None:
    with _Running() as site:
        assert site._server is not None and site._server.request_queue_size == 1024
        status, headers, body = _get(site.port, "/a.html", **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["ETag"] == '"a1"'
        assert headers["Last-Modified"] == "Mon, 15 Mar 2021 01:30:00 GMT"
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == b"<p>a</p>" * 50
        assert _get(site.port, "/a.html", **{"If-None-Match": '"a1"'})[:1] == (304,)
        since = {"If-Modified-Since": "Mon, 15 Mar 2021 01:30:00 GMT"}
        assert _get(site.port, "/a.html?x=1", **since)[0] == 304
        status, headers, body = _get(site.port, "/b.txt", **{"Accept-Encoding": "gzip"})
        assert (status, body, "ETag" in headers, "Content-Encoding" in headers) == (
            200,
            b"b",
            False,
            False,
        )
        assert _get(site.port, "/c")[::2] == (404, b"gone")
        assert site.hits("/a.html") == 3
    assert [p for _, _, p in site.log()] == ["/a.html", "/a.html", "/a.html?x=1", "/b.txt", "/c"]


def test_bench_site_is_served_by_the_shared_server() -> None:
    generated = Site(60)
    article = generated.headline(7)[0]
    with GeneratedSite(generated) as site:
        status, headers, body = _get(site.port, article, **{"Accept-Encoding": "gzip"})
        assert status == 200 and re.fullmatch(r'"a[0-9a-f]{8}"', headers["ETag"])
        assert gzip.decompress(body) == generated.page(article)[0]
        assert _get(site.port, article, **{"If-None-Match": headers["ETag"]})[0] == 304
        status, headers, _ = _get(site.port, "/btg/tin-hoat-dong/")
        assert status == 200 and "ETag" not in headers
        assert _get(site.port, "/robots.txt")[2] == b"User-agent: *\nDisallow: /admin/\n"
        assert _get(site.port, "/khong-co.html")[0] == 404
