"""The archive browser (tuyengiao_crawler.datasette_plugin) in a real Datasette process on a
free loopback port, read as HTML and JSON: `tuyengiao serve` and plain `datasette FILE`
show the same pages, for a database of any name."""

import importlib.util
import re
import sqlite3
import sys
import tomllib
import urllib.parse

import pytest
from testkit import ROOT, Server, free_port

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("datasette") is None, reason="needs datasette ([serve] extra)"
)

DB = "/my+archive"  # "my archive.sqlite": Datasette's route for a name with a space


def entry_point() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return project["project"]["entry-points"]["datasette"]["tuyengiao-crawler"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from research_data import make_browsing_archive

    tmp = tmp_path_factory.mktemp("browser")
    db = make_browsing_archive(tmp / "my archive.sqlite")
    port = free_port()
    server = Server(
        [
            sys.executable,
            "-m",
            "tuyengiao_crawler",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--replay",
            "http://localhost:8080/coll/",
        ],
        port,
        tmp / "serve.log",
    )
    server.db = db
    yield server
    server.stop()


def test_article_page_reads_as_an_article(served):
    status, page = served.get(f"{DB}/articles/1")
    assert status == 200
    assert "<h1>Hội nghị Ban Tuyên giáo Tỉnh ủy</h1>" in page
    assert "articles: 1" not in page
    assert '<time datetime="2021-03-04T09:00+07:00">' in page
    assert ">Thu Hà</a>" in page
    # the body as HTML, not as escaped tags; the image as a link, not fetched
    assert "<p>Quán triệt <b>Chỉ thị 05-CT/TW</b> của Bộ Chính trị.</p>" in page
    assert "&lt;p&gt;" not in page
    assert "<img" not in page
    assert (
        '<a class="tg-image" rel="noreferrer" href="http://127.0.0.1:1/anh/hoi-nghi.jpg">'
        "[ảnh · image: Quang cảnh hội nghị]</a>"
    ) in page
    # the citation links to its document
    assert '<a href="/my+archive/documents/1">05-CT/TW</a>' in page
    # two versions: the earlier one with what changed
    assert "Phiên bản · Versions (2)" in page
    assert "<del>Giữ vững hoà bình, ổn định.</del>" in page
    assert "<ins>Giữ vững hoà bình, ổn định lâu dài.</ins>" in page
    # the evidence: each capture's WARC file and offset, and a replay link
    evidence = page.split("Bằng chứng · Evidence", 1)[1]
    cells = re.findall(r"<tr><td>(.*?)</tr>", evidence)
    assert len(cells) == 2
    assert "2024-01-05T08:00:00Z" in cells[0] and "<td>0</td>" in cells[0]
    assert "crawl-00001.warc.gz" in cells[1] and "<td>4096</td>" in cells[1]
    assert "(hiện tại · current)" in cells[1]
    assert 'href="http://localhost:8080/coll/20240209080000/http://127.0.0.1:1/a1.html"' in cells[1]
    # the row's JSON is still Datasette's
    data = served.json(f"{DB}/articles/1.json?_shape=objects")
    assert data["rows"][0]["title"] == "Hội nghị Ban Tuyên giáo Tỉnh ủy"
    assert served.get(f"{DB}/articles/99")[0] == 404


def test_table_pages_cut_long_text_and_link_titles(served):
    status, page = served.get(f"{DB}/articles")
    assert status == 200
    assert '<td class="col-title type-str"><a href="/my+archive/articles/1">' in page
    body_html = re.search(r'<td class="col-body_html type-str">(.*?)</td>', page, re.S).group(1)
    assert "&lt;" not in body_html and "<p>" not in body_html
    assert body_html.startswith('<span class="tg-clip"')
    assert '<details class="tg-columns"><summary>Mô tả các cột · Column descriptions (29)' in page
    assert "/-/tuyengiao.css" in page
    css = served.get("/-/tuyengiao.css")[1]
    assert "dl.column-descriptions { display: none; }" in css
    # a month facet in date order (newest first), whatever the counts
    data = served.json(f"{DB}/articles.json")
    months = data["facet_results"]["published_at"]["results"]
    assert [(m["value"], m["count"]) for m in months] == [
        ("2021-03", 1),
        ("2020-05", 1),
        ("2019-02", 1),
    ]
    chosen = served.json(f"{DB}/articles.json?published_at__startswith=2020-05&_shape=array")
    assert [r["id"] for r in chosen] == [2]
    # default sorts: articles newest first, documents by number
    assert "published_at&nbsp;▲" in page
    assert "canonical&nbsp;▼" in served.get(f"{DB}/documents")[1]


def test_canned_query_links_articles_and_fills_months(served):
    query = urllib.parse.urlencode({"document": "05-CT/TW"})
    status, page = served.get(f"{DB}/articles_citing_document?{query}")
    assert status == 200
    assert '<a href="/my+archive/articles/1">1</a>' in page
    # a second citation 10 months earlier: the months between are there, with 0
    conn = sqlite3.connect(served.db)
    conn.execute(
        'INSERT INTO article_documents (article_id, document_id, field, surface, start, "end")'
        " VALUES (2, 1, 'body_text', '05-CT/TW', 0, 8)"
    )
    conn.commit()
    conn.close()
    rows = served.json(f"{DB}/document_citations_over_time.json?{query}&_shape=array")
    assert [r["published_month"] for r in rows][:3] == ["2020-05", "2020-06", "2020-07"]
    assert len(rows) == 11 and rows[-1]["published_month"] == "2021-03"
    assert [r["mentions"] for r in rows] == [1] + [0] * 9 + [1]


def test_document_page_and_charts(served):
    status, page = served.get(f"{DB}/documents/1")
    assert status == 200
    assert "<h1>Chỉ thị 05-CT/TW</h1>" in page
    assert '<a href="/my+archive/articles/1">Hội nghị Ban Tuyên giáo Tỉnh ủy</a>' in page
    assert '<rect class="mark"' in page
    status, page = served.get(f"{DB}/-/charts?chart=articles&by=category")
    assert status == 200
    marks = re.findall(r'<rect class="mark".*?<title>(.*?)</title>', page)
    assert marks == [
        "2019-02 · Tin hoạt động: 1",
        "2020-05 · Dân vận khéo: 1",
        "2021-03 · Tin hoạt động: 1",
    ]
    status, svg = served.get(f"{DB}/-/charts.svg?chart=authors")
    assert status == 200 and svg.startswith("<svg") and "Thu Hà" in svg
    status, page = served.get(f"{DB}/-/charts?chart=citations&document=99-XX/YY")
    assert status == 400
    assert "no document &#39;99-XX/YY&#39; is cited in this archive" in page


def test_plain_datasette_gets_the_browser_through_the_entry_point(browsing_db, tmp_path):
    """`datasette FILE.sqlite`, no options: the entry point declared in pyproject.toml
    (written here as the installed metadata would have it, in case this checkout was
    installed before it existed) brings metadata, search and pages, for any file name."""
    assert entry_point() == "tuyengiao_crawler.datasette_plugin"
    dist = tmp_path / "site" / "tuyengiao_browser_probe-0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: tuyengiao-browser-probe\nVersion: 0\n"
    )
    (dist / "entry_points.txt").write_text(f"[datasette]\ntuyengiao-crawler = {entry_point()}\n")
    other = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO articles VALUES (1, 'a note')")
    conn.commit()
    conn.close()
    port = free_port()
    server = Server(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(browsing_db),
            str(other),
            "--port",
            str(port),
        ],
        port,
        tmp_path / "datasette.log",
        env={"PYTHONPATH": f"{tmp_path / 'site'}:{ROOT}"},
    )
    try:
        metadata = server.json("/-/metadata.json")
        assert list(metadata["databases"]) == ["my archive"]
        tables = metadata["databases"]["my archive"]["tables"]
        assert tables["articles"]["title"] == "Bài viết · Articles"
        for typed in ("đảng ủy", "dang uy", "Đảng Ủy"):
            query = urllib.parse.urlencode({"_search": typed, "_shape": "array"})
            assert [r["id"] for r in server.json(f"{DB}/articles.json?{query}")] == [1], typed
        assert "<h1>Hội nghị Ban Tuyên giáo Tỉnh ủy</h1>" in server.get(f"{DB}/articles/1")[1]
        # another database's `articles` keeps Datasette's own row page
        status, page = server.get("/notes/articles/1")
        assert status == 200 and "a note" in page and "tg-article" not in page
    finally:
        server.stop()
