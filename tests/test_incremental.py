"""Repeat crawls of a local site whose content the tests change between runs."""

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tuyengiao_crawler.demo_site.server import MANIFEST_PATH, WWW_DIR, DemoSite

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads(MANIFEST_PATH.read_text("utf-8"))
# Newest article of "Tin hoạt động": first on its category's first listing page.
NEWEST = max(
    (a for a in MANIFEST["articles"] if a["category_path"] == "/btg/tin-hoat-dong/"),
    key=lambda a: a["published_at"],
)


@pytest.fixture
def site_copy(tmp_path):
    """A private copy of the demo site that a test may edit between crawls."""
    shutil.copytree(WWW_DIR, tmp_path / "site" / "www")
    shutil.copy(MANIFEST_PATH, tmp_path / "site" / "manifest.json")
    return tmp_path / "site" / "www"


def crawl(site, db, *extra):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tuyengiao_crawler",
            "crawl",
            "--site",
            "demo",
            "--start-url",
            site.url + "/",
            "--db",
            str(db),
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return last_run(db)


def last_run(db):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone())
    finally:
        conn.close()


def query(db, sql, *params):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def fetched_paths(site, since):
    return [urlsplit(path).path for _, path in site.requests[since:]]


def test_unchanged_site_second_run_fetches_far_less(site_copy, tmp_path):
    db = tmp_path / "a.sqlite"
    with DemoSite(port=0, root=site_copy) as site:
        first = crawl(site, db)
        before = len(site.requests)
        second = crawl(site, db)
        paths = fetched_paths(site, before)
    total = len(MANIFEST["articles"])
    assert (first["mode"], first["articles_new"]) == ("full", total)
    assert second["mode"] == "incremental"
    assert (second["articles_new"], second["articles_updated"]) == (0, 0)
    # every archived article asked about came back 304; only listings were downloaded again
    assert second["not_modified"] == second["articles_unchanged"] > 0
    assert second["pages_fetched"] * 4 < first["pages_fetched"]
    assert second["pages_fetched"] + second["not_modified"] < first["pages_fetched"]
    # pagination stopped after two pages of known articles
    assert "/btg/nghien-cuu-trao-doi/trang-3.html" not in paths
    assert "/btg/nghien-cuu-trao-doi/trang-2.html" in paths
    assert query(db, "SELECT count(*) FROM articles") == [(total,)]
    assert query(db, "SELECT count(*) FROM article_versions") == [(0,)]


def test_one_edit_is_one_new_version(site_copy, tmp_path):
    db = tmp_path / "a.sqlite"
    page = site_copy / NEWEST["path"].lstrip("/")
    with DemoSite(port=0, root=site_copy) as site:
        crawl(site, db)
        html = page.read_text("utf-8")
        first_sentence = NEWEST["body_first"]
        page.write_text(html.replace(first_sentence, "ĐÍNH CHÍNH: " + first_sentence, 1), "utf-8")
        second = crawl(site, db)
    assert (second["articles_updated"], second["articles_new"]) == (1, 0)
    url = f"{site.url}{NEWEST['path']}"
    versions = query(
        db,
        "SELECT v.body_text FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE a.url = ?",
        url,
    )
    assert len(versions) == 1
    assert versions[0][0].startswith(NEWEST["body_first"])
    (body,) = query(db, "SELECT body_text FROM articles WHERE url = ?", url)[0]
    assert body.startswith("ĐÍNH CHÍNH: " + NEWEST["body_first"])
    assert query(db, "SELECT count(*) FROM article_versions") == [(1,)]


def test_new_article_is_found_and_deleted_one_marked_gone(site_copy, tmp_path):
    db = tmp_path / "a.sqlite"
    listing = site_copy / "btg/tin-hoat-dong/index.html"
    source = site_copy / NEWEST["path"].lstrip("/")
    new_path = "/btg/tin-hoat-dong/bai-moi-2001.html"
    with DemoSite(port=0, root=site_copy) as site:
        crawl(site, db)
        # A new article names itself (rel=canonical), not the article it was copied from.
        html = (
            source.read_text("utf-8")
            .replace(NEWEST["title"], "Bài mới đăng sau lần thu thập đầu")
            .replace(NEWEST["path"], new_path)
        )
        (site_copy / new_path.lstrip("/")).write_text(html, "utf-8")
        listing.write_text(
            listing.read_text("utf-8").replace(
                '<ul class="news-list">',
                f'<ul class="news-list"><li class="news-item"><a class="news-title" href="{new_path}">Bài mới</a></li>',
                1,
            ),
            "utf-8",
        )
        gone = max(
            (a for a in MANIFEST["articles"] if a["category_path"] == "/dv/dan-van-kheo/"),
            key=lambda a: a["published_at"],
        )
        (site_copy / gone["path"].lstrip("/")).unlink()
        second = crawl(site, db)
    assert second["articles_new"] == 1
    assert query(db, "SELECT title FROM articles WHERE url = ?", site.url + new_path) == [
        ("Bài mới đăng sau lần thu thập đầu",)
    ]
    assert second["articles_gone"] == 1
    assert second["errors"] == 1  # only the demo's dead link: a deleted article is a finding
    row = query(
        db,
        "SELECT gone_status, gone_at IS NOT NULL, title FROM articles WHERE url = ?",
        site.url + gone["path"],
    )
    assert row == [(404, 1, gone["title"])]  # marked, never deleted


def test_server_without_validators(site_copy, tmp_path):
    db = tmp_path / "a.sqlite"
    with DemoSite(port=0, root=site_copy, validators=False) as site:
        first = crawl(site, db)
        before = len(site.requests)
        second = crawl(site, db)
        paths = fetched_paths(site, before)
    assert second["mode"] == "incremental"
    assert second["not_modified"] == 0
    # recent articles are downloaded again, found identical, and not stored twice; the
    # older ones behind the stopped pagination are not asked for at all
    assert second["articles_unchanged"] > 0 and second["articles_updated"] == 0
    assert second["articles_unchanged"] < len(MANIFEST["articles"])
    assert second["pages_fetched"] < first["pages_fetched"]
    assert "/btg/nghien-cuu-trao-doi/trang-3.html" not in paths
    assert query(db, "SELECT count(*) FROM article_versions") == [(0,)]


def test_full_flag_fetches_everything_again(site_copy, tmp_path):
    db = tmp_path / "a.sqlite"
    with DemoSite(port=0, root=site_copy) as site:
        first = crawl(site, db)
        again = crawl(site, db, "--full")
    assert again["mode"] == "full"
    assert again["pages_fetched"] == first["pages_fetched"]
    assert again["articles_unchanged"] == len(MANIFEST["articles"])


def test_unfinished_first_crawl_is_not_a_baseline(site_copy, tmp_path):
    db = tmp_path / "a.sqlite"
    with DemoSite(port=0, root=site_copy) as site:
        cut = crawl(site, db, "--max-pages", "20")
        rest = crawl(site, db)
    assert cut["finish_reason"] == "closespider_pagecount"
    assert rest["mode"] == "full"
    assert query(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [
        (len(MANIFEST["articles"]),) * 2
    ]
