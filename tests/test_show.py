"""`tuyengiao show URL`: an article, its versions and every capture, each with its WARC
record (issue 15). Two real crawls of the demo site with an edit between them."""

import json

from click.testing import CliRunner
from test_incremental import NEWEST, crawl, site_copy  # noqa: F401  (the fixture)

from tuyengiao_crawler.archive.content_coding import decode_body
from tuyengiao_crawler.archive.warc import read_record
from tuyengiao_crawler.cli import cli
from tuyengiao_crawler.demo_site.server import DemoSite


def show(*args):
    return CliRunner().invoke(cli, ["show", *args])


def test_an_article_with_its_versions_and_captures(site_copy, tmp_path):  # noqa: F811
    db = tmp_path / "a.sqlite"
    page = site_copy / NEWEST["path"].lstrip("/")
    with DemoSite(port=0, root=site_copy) as site:
        crawl(site, db)
        html = page.read_text("utf-8")
        first = NEWEST["body_first"]
        page.write_text(html.replace(first, "ĐÍNH CHÍNH: " + first, 1), "utf-8")
        crawl(site, db)
        crawl(site, db)  # unchanged: a 304
        url = site.url + NEWEST["path"]
    result = show(url, "--db", str(db), "--json", "--replay", "http://localhost:8080/demo/")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["url"] == url
    (version,) = found["versions"]
    assert version["title"] == found["current"]["title"] == NEWEST["title"]
    captures = [c for c in found["captures"] if c["url"] == url]
    assert [(c["status"], c["record"]) for c in captures] == [
        (200, "response"),
        (200, "response"),
        (304, "revisit"),
    ]
    # Each version leads to the record it was read from: the first without the correction.
    for shown, capture, corrected in (
        (version, captures[0], False),
        (found["current"], captures[1], True),
    ):
        assert shown["capture"]["fetch_id"] == capture["fetch_id"]
        _, headers, body = read_record(
            tmp_path / "warc", capture["warc_file"], capture["warc_offset"]
        )
        text = decode_body(headers, body)[1].decode("utf-8")
        assert NEWEST["body_first"] in text and ("ĐÍNH CHÍNH: " in text) == corrected
    # The third run's 304 confirmed the current version: it revisits the second capture.
    assert captures[2]["revisit_of"] == captures[1]["fetch_id"]
    assert found["current"]["confirmed"]["fetch_id"] == captures[2]["fetch_id"]
    assert "confirmed" not in version
    stamp = "".join(ch for ch in captures[0]["fetched_at"][:19] if ch.isdigit())
    assert captures[0]["replay"] == f"http://localhost:8080/demo/{stamp}/{url}"
    text = show(url, "--db", str(db))
    assert text.exit_code == 0, text.output
    assert "version 1 (replaced " in text.output and "current version: " in text.output
    assert f"{captures[2]['warc_file']}:{captures[2]['warc_offset']}" in text.output


def test_an_unknown_url_is_one_line(tmp_path):
    from tuyengiao_crawler.archive import Archive

    db = tmp_path / "a.sqlite"
    Archive(db).close()
    result = show("http://127.0.0.1:9/khong-co.html", "--db", str(db))
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: no article archived under http://127.0.0.1:9/khong-co.html in {db}"
    )
    assert "Example: tuyengiao show" in show("--help").output
