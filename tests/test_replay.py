"""The WARC folder replays in pywb as it is (issue 15): pywb's `wayback` is started on
127.0.0.1 with the folder as both index and archive path (the CDXJ index beside each WARC
file is all it needs), and asked for what an archivist would look at: an article from the
first run, its revisit from an unchanged second run, a page with its stylesheets and
fonts, a stylesheet de-duplicated by digest under a new URL, and a postback page."""

import gzip
import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from requisite_site import FILES, FONTS_CSS, STYLE_CSS, THEME, ServedPortal
from test_cms_corpus import crawl as crawl_family
from test_incremental import crawl as crawl_demo
from test_incremental import site_copy  # noqa: F401  (the fixture)
from test_requisites import crawl as crawl_portal
from testkit import free_port, rows

from tuyengiao_crawler.archive.warc import iter_records
from tuyengiao_crawler.demo_site.server import DemoSite

ROOT = Path(__file__).resolve().parent.parent
# pywb lives in a venv of its own (.ci/run makes it): it installs brotlipy, which takes
# the `brotli` module's name from the brotli that Scrapy and reprocess use, and pins a
# redis client older than scrapy-redis needs.
WAYBACK = (
    os.environ.get("TUYENGIAO_WAYBACK")
    or shutil.which("wayback", path=str(ROOT / ".venv-pywb" / "bin"))
    or shutil.which("wayback")
)
pytestmark = pytest.mark.skipif(
    WAYBACK is None,
    reason="pywb's wayback not found: python3 -m venv .venv-pywb &&"
    " .venv-pywb/bin/pip install pywb (as .ci/run does), or set TUYENGIAO_WAYBACK",
)


@contextmanager
def wayback(warc_folder: Path, workdir: Path):
    """pywb serving one collection, `tuyengiao`, straight from the crawl's WARC folder."""
    workdir.mkdir(exist_ok=True)
    folder = f"{warc_folder.resolve()}/"
    (workdir / "config.yaml").write_text(
        "collections:\n"
        f"  tuyengiao:\n    index_paths: {folder}\n    archive_paths: {folder}\n"
        "framed_replay: false\nenable_memento: true\n",
        encoding="utf-8",
    )
    port = free_port()
    log = (workdir / "wayback.log").open("wb")
    process = subprocess.Popen(
        [WAYBACK, "-p", str(port), "-b", "127.0.0.1"], cwd=workdir, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}/tuyengiao"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        "wayback did not start: " + (workdir / "wayback.log").read_text()
                    ) from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def get(url: str, data: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body (its content coding undone) of a request to pywb."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if data else {}
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, head, body = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, head, body = error.code, dict(error.headers), error.read()
    if head.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return status, head, body


def stamp(iso: str) -> str:
    """A fetch's time as a replay URL's 14 digits."""
    return "".join(ch for ch in iso if ch.isdigit())[:14]


def http_date(iso: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(iso), usegmt=True)


def test_an_article_and_its_revisit_from_an_unchanged_night_replay_with_their_body(
    site_copy,  # noqa: F811
    tmp_path,
):
    db = tmp_path / "a.sqlite"
    with DemoSite(port=0, root=site_copy) as site:
        crawl_demo(site, db)
        crawl_demo(site, db)
        pair = rows(
            db,
            "SELECT f.url, f.fetched_at AS second, e.fetched_at AS first FROM fetches f"
            " JOIN fetches e ON e.id = f.revisit_of"
            " WHERE f.status = 304 AND f.url IN (SELECT fetched_url FROM articles)"
            " ORDER BY f.id LIMIT 1",
        )[0]
        with urllib.request.urlopen(pair["url"]) as live:
            original = live.read()
    assert pair["first"] != pair["second"]
    with wayback(tmp_path / "warc", tmp_path / "pywb") as replay:
        # Both nights are captures of the page in pywb's index, the second one the 304...
        status, _, listing = get(f"{replay}/cdx?output=json&url={pair['url']}")
        captures = [json.loads(line) for line in listing.decode().splitlines()]
        assert [(c["timestamp"], c["status"]) for c in captures] == [
            (stamp(pair["first"]), "200"),
            (stamp(pair["second"]), "200"),
        ]
        assert "revisit" in captures[1] and "revisit" not in captures[0]
        # ...and each replays with the page's body, not an empty 304.
        for moment in (pair["first"], pair["second"]):
            status, headers, body = get(f"{replay}/{stamp(moment)}id_/{pair['url']}")
            assert status == 200
            assert body == original
            assert headers["Memento-Datetime"] == http_date(pair["first"])


def test_a_styled_page_replays_with_its_stylesheets_and_fonts_and_a_digest_revisit(tmp_path):
    db = tmp_path / "a.sqlite"
    with ServedPortal() as portal:
        crawl_portal(portal, db)
        portal.site.clear_caches()
        crawl_portal(portal, db)
        base = portal.url
    article = rows(  # as the first night saw it
        db,
        "SELECT a.url, min(f.fetched_at) AS fetched_at FROM articles a"
        " JOIN fetches f ON f.url = a.fetched_url GROUP BY a.id ORDER BY a.id LIMIT 1",
    )[0]
    with wayback(tmp_path / "warc", tmp_path / "pywb") as replay:
        ts = stamp(article["fetched_at"])
        status, _, page = get(f"{replay}/{ts}/{article['url']}")
        assert status == 200
        html = page.decode("utf-8")
        # pywb points the page's @imports at the archived stylesheets...
        imported = f"/tuyengiao/{ts}cs_/{base}{THEME}/css/style.css?r5k2mq"
        assert imported in html
        status, headers, css = get(f"{replay.removesuffix('/tuyengiao')}{imported}")
        assert status == 200 and headers["Content-Type"].startswith("text/css")
        assert ".views-row h2 a { color: #b30000; }" in css.decode()
        # ...and they at the archived fonts, which replay byte for byte.
        for name, raw in (("fonts.css", FONTS_CSS), ("style.css?r5k2mq", STYLE_CSS)):
            assert get(f"{replay}/{ts}id_/{base}{THEME}/css/{name}")[2] == raw
        woff = f"{THEME}/fonts/utm-avo.woff"
        assert get(f"{replay}/{ts}id_/{base}{woff}")[2] == FILES[woff][0]
        # The second night's stylesheet, under a new URL, is a revisit of the first one's
        # record (another URL): it replays with the bytes that record holds.
        later = rows(db, "SELECT fetched_at FROM fetches WHERE url LIKE '%style.css?t8w1zb'")[0][
            "fetched_at"
        ]
        status, _, body = get(f"{replay}/{stamp(later)}id_/{base}{THEME}/css/style.css?t8w1zb")
        assert (status, body) == (200, STYLE_CSS)


def test_a_postback_page_replays_when_posted_its_form(tmp_path):
    run = crawl_family("aspnet_webforms", tmp_path)
    posted = rows(
        run["db"],
        "SELECT id, url, fetched_at, warc_file, warc_offset FROM fetches"
        " WHERE method = 'POST' AND status = 200 ORDER BY id LIMIT 1",
    )[0]
    # The form as posted and the page as answered, from the WARC records.
    records = list(iter_records(tmp_path / "warc" / posted["warc_file"]))
    index = next(i for i, r in enumerate(records) if r.offset == posted["warc_offset"])
    answer = records[index]
    request = next(
        r
        for r in (records[index - 1], records[index + 1])
        if r.rec_type == "request" and r.target_uri == answer.target_uri
    )
    with wayback(tmp_path / "warc", tmp_path / "pywb") as replay:
        url = f"{replay}/{stamp(posted['fetched_at'])}id_/{posted['url']}"
        status, _, body = get(url, request.payload)  # the form exactly as it was posted
        assert status == 200
        assert body == answer.payload
        # Not the page a GET of the same URL replays: the post was looked up by its form.
        assert get(url)[2] != answer.payload
