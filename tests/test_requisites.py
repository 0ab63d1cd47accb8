"""Page requisites (issue 15): what an article page loads when shown is fetched once per run,
kept in the WARC and `fetches`, de-duplicated by digest, and never read as a page; and
every WARC file gets a CDXJ index beside it."""

import json
from collections import Counter
from urllib.parse import urlsplit

import pytest
from parsel import Selector
from requisite_site import ARTICLES, FILES, LATER, NEVER_ASKED, THEME, ServedPortal
from testkit import rows, tuyengiao

from tuyengiao_crawler.archive.cdxj import index_path, update_indexes
from tuyengiao_crawler.archive.warc import IDENTICAL_PAYLOAD_DIGEST, iter_records, warc_files
from tuyengiao_crawler.extract.requisites import css_requisites, page_requisites

BASE = "http://tinh.example.vn/tin-tuc/bai.html"


def test_page_requisites_are_what_a_browser_would_load():
    html = """<html><head><base href="http://tinh.example.vn/portal/">
    <link rel="StyleSheet" href="css/a.css"><link rel="alternate stylesheet" href="b.css">
    <link rel="shortcut icon" href="/favicon.ico"><link rel="preload" as="font" href="f.woff2">
    <link rel="alternate" type="application/rss+xml" href="/rss">
    <link rel="canonical" href="/tin-tuc/bai.html">
    <style>@import url('print.css') print; .x{background:url(img/x.png)}</style>
    <script src="/combo?browserId=other&/o/js/a.js&t=1"></script><script>var u="/a.html"</script>
    </head><body background="bg.gif"><img src="data:image/png;base64,AAAA">
    <img src="p.jpg" srcset="p-480.jpg 480w, p-800.jpg 800w"><picture><source srcset="p.webp">
    </picture><div style="background-image: url(&quot;hero.jpg&quot;)"></div>
    <video poster="v.jpg"><source src="v.mp4"></video><a href="/tin-tuc/khac.html">x</a>
    </body></html>"""
    base = "http://tinh.example.vn/portal/"
    found = page_requisites(Selector(text=html), base)
    assert found == [
        base + "css/a.css",
        base + "b.css",
        "http://tinh.example.vn/favicon.ico",
        base + "f.woff2",
        "http://tinh.example.vn/combo?browserId=other&/o/js/a.js&t=1",
        base + "bg.gif",
        base + "p.jpg",
        base + "v.jpg",
        base + "v.mp4",
        base + "p-480.jpg",
        base + "p-800.jpg",
        base + "p.webp",
        base + "print.css",
        base + "img/x.png",
        base + "hero.jpg",
    ]


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ('@import "fonts.css";', ["http://h.vn/css/fonts.css"]),
        ("@import url(/a.css) screen;", ["http://h.vn/a.css"]),
        ("@IMPORT 'b.css';", ["http://h.vn/css/b.css"]),
        (
            "src: url('../f/a.eot?#iefix') format('embedded-opentype'), url(\"../f/a.woff\")",
            ["http://h.vn/f/a.eot#iefix", "http://h.vn/f/a.woff"],
        ),
        ("a { background: URL( ../i/x.png ) }", ["http://h.vn/i/x.png"]),
        ("/* url(gone.png) */ b { color: red }", []),
        ("i { background: url(data:image/png;base64,AAAA) }", []),
        ("u { background: url(x.png) } v { background: url('x.png') }", ["http://h.vn/css/x.png"]),
        ("w { background: url() }", []),
    ],
)
def test_css_requisites(css, expected):
    assert css_requisites(css, "http://h.vn/css/style.css") == expected


def crawl(served, db, *extra):
    result = tuyengiao(
        "crawl",
        "--start-url",
        served.url + "/",
        "--db",
        db,
        "-s",
        "TUYENGIAO_ASSET_HOSTS=localhost",
        *extra,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return rows(db, "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")[0]


def paths(served, since=0):
    return Counter(urlsplit(p).path for _, _, p in served.log()[since:])


@pytest.fixture
def portal():
    with ServedPortal() as served:
        yield served


def test_requisites_are_fetched_once_per_run_and_never_read_as_pages(portal, tmp_path):
    db = tmp_path / "a.sqlite"
    run = crawl(portal, db)
    asked = paths(portal)
    # Every file the three articles load, once, though each article names them all:
    # @imports inside <style>, the theme's @import of its fonts, images named only in CSS
    # or an inline style, srcset candidates, the print stylesheet, scripts, the icon.
    assert {p: asked[p] for p in FILES} == dict.fromkeys(FILES, 1)
    assert asked[f"{THEME}/css/ie.css"] == 1  # gone (404): asked once, not retried
    for never in NEVER_ASKED:  # a commented-out url(), a path written in a script
        assert asked[never] == 0
    # The CDN's logo is fetched; the CDN's page is not followed.
    assert portal.cdn.hits("/sites/default/files/logo.png") == 1
    assert portal.cdn.hits("/trang-chu") == 0
    # A missing stylesheet is the site's fault: the run is not partial, and says so.
    assert run["status"] == "ok"
    assert rows(db, "SELECT status FROM fetches WHERE url LIKE '%/ie.css%'") == [{"status": 404}]
    # Requisites are kept, not read: only the portal's articles are articles.
    titles = {r["title"] for r in rows(db, "SELECT title FROM articles")}
    assert titles == set(ARTICLES.values())
    css = rows(db, "SELECT url, content_type FROM fetches WHERE url LIKE '%fonts.css%'")
    assert css == [{"url": f"{portal.url}{THEME}/css/fonts.css", "content_type": "text/css"}]


def test_the_same_bytes_under_a_new_url_are_a_revisit_of_the_capture_that_holds_them(
    portal, tmp_path
):
    db = tmp_path / "a.sqlite"
    crawl(portal, db)
    portal.site.clear_caches()  # new ?query on every stylesheet, one new article
    before = len(portal.log())
    crawl(portal, db)
    asked = paths(portal, before)
    assert asked[f"/tin-tuc/{next(iter(LATER))}"] == 1
    assert asked[f"{THEME}/css/style.css"] == 1  # once this run, under its new URL
    old = f"{portal.url}{THEME}/css/style.css?r5k2mq"
    new = f"{portal.url}{THEME}/css/style.css?t8w1zb"
    pair = rows(
        db,
        "SELECT f.warc_file, f.warc_offset, e.url AS refers_to FROM fetches f"
        " JOIN fetches e ON e.id = f.revisit_of WHERE f.url = ?",
        new,
    )
    assert [p["refers_to"] for p in pair] == [old]
    record = next(
        r
        for path in warc_files(tmp_path / "warc")
        if path.name == pair[0]["warc_file"]
        for r in iter_records(path)
        if r.offset == pair[0]["warc_offset"]
    )
    assert record.rec_type == "revisit"
    assert record.header("WARC-Profile") == IDENTICAL_PAYLOAD_DIGEST
    assert record.header("WARC-Refers-To-Target-URI") == old
    # Unchanged fonts under their unchanged URL: revisits too, no payload stored twice.
    stored = rows(
        db,
        "SELECT count(*) AS n FROM fetches WHERE url LIKE '%utm-avo.woff'"
        " AND warc_file IS NOT NULL AND revisit_of IS NULL",
    )
    assert stored == [{"n": 1}]


def test_requisites_can_be_turned_off(portal, tmp_path):
    crawl(portal, tmp_path / "a.sqlite", "-s", "TUYENGIAO_FETCH_REQUISITES=false")
    asked = paths(portal)
    assert not [p for p in asked if p.endswith((".css", ".js", ".woff", ".eot"))]
    assert asked["/sites/default/files/anh-hoi-nghi.jpg"] == 1  # the article's own image
    assert portal.cdn.hits("/sites/default/files/logo.png") == 0


def test_every_warc_file_has_a_cdxj_index_beside_it_kept_up_to_date(portal, tmp_path):
    db = tmp_path / "a.sqlite"
    crawl(portal, db)
    portal.site.clear_caches()
    crawl(portal, db)
    warcs = warc_files(tmp_path / "warc")
    assert len(warcs) == 2
    for warc in warcs:
        lines = index_path(warc).read_text(encoding="utf-8").splitlines()
        records = [r for r in iter_records(warc) if r.rec_type in ("response", "revisit")]
        assert len(lines) == len(records) and lines == sorted(lines)
        assert {json.loads(line.split(" ", 2)[2])["filename"] for line in lines} == {warc.name}
    # An index lost (or a WARC file a killed run left unindexed) is written again.
    first = index_path(warcs[0])
    text = first.read_text(encoding="utf-8")
    first.unlink()
    assert update_indexes(tmp_path / "warc") == [warcs[0].name]
    assert first.read_text(encoding="utf-8") == text
    assert update_indexes(tmp_path / "warc") == []  # nothing out of date
