"""Re-processing an archive from its WARC records: identical when nothing changed, exact
updates (versioned, indexed) when the extraction changed. Real crawls of the demo site."""

import gzip
import json
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from testkit import rows, tuyengiao

from tuyengiao_crawler.archive.content_coding import decode_body
from tuyengiao_crawler.archive.fts import stale_articles
from tuyengiao_crawler.archive.store import ARTICLE_COLUMNS
from tuyengiao_crawler.cli import cli
from tuyengiao_crawler.demo_site.server import DemoSite
from tuyengiao_crawler.reprocess import ReprocessError, reprocess

ROOT = Path(__file__).resolve().parent.parent
DEMO_PROFILE = ROOT / "tuyengiao_crawler" / "profiles" / "demo.toml"


def one(db, sql, *params):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The demo site crawled twice: a full run, then an incremental one whose 304s become
    the latest fetch of most articles."""
    folder = tmp_path_factory.mktemp("reprocess")
    db = folder / "archive.sqlite"
    with DemoSite(port=0) as site:
        for _ in range(2):
            result = tuyengiao(
                "crawl", "--site", "demo", "--start-url", site.url + "/", "--db", str(db)
            )
            assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.fixture
def archive(crawled, tmp_path):
    """A private copy of the crawled archive and its WARC files."""
    copy = tmp_path / "copy"
    shutil.copytree(crawled, copy, ignore=shutil.ignore_patterns("jobs", "*.lock"))
    return copy / "archive.sqlite"


def test_reprocess_of_an_unchanged_archive_changes_nothing(archive):
    articles = one(archive, "SELECT count(*) FROM articles")
    versions = one(archive, "SELECT count(*) FROM article_versions")
    hashes = one(archive, "SELECT group_concat(content_sha256) FROM articles ORDER BY id")
    answered_304 = one(
        archive,
        "SELECT count(*) FROM articles a JOIN fetches f ON f.id = a.fetch_id WHERE f.status = 304",
    )
    assert answered_304 > 0  # the fetch before the 304 is the one re-read

    result = reprocess(archive)

    assert result.articles == articles > 60
    assert (result.updated, result.failed, result.no_record, result.dropped) == (0, 0, 0, 0)
    assert result.unchanged == articles
    assert one(archive, "SELECT count(*) FROM article_versions") == versions
    assert one(archive, "SELECT group_concat(content_sha256) FROM articles ORDER BY id") == hashes


def test_reprocess_with_a_changed_profile_records_exactly_the_changed_articles(archive, tmp_path):
    with_lead = one(archive, "SELECT count(*) FROM articles WHERE lead IS NOT NULL")
    versions = one(archive, "SELECT count(*) FROM article_versions")
    assert with_lead > 10
    # The "fix": this profile no longer reads the lead.
    profile = tmp_path / "demo-nolead.toml"
    text = DEMO_PROFILE.read_text(encoding="utf-8")
    assert 'lead = ".article-sapo"' in text
    profile.write_text(text.replace('lead = ".article-sapo"', 'lead = ".no-lead"'), "utf-8")

    result = reprocess(archive, site=str(profile))

    assert result.updated == with_lead
    assert result.unchanged == result.articles - with_lead
    assert one(archive, "SELECT count(*) FROM articles WHERE lead IS NOT NULL") == 0
    assert one(archive, "SELECT count(*) FROM article_versions") == versions + with_lead
    assert one(archive, "SELECT count(*) FROM article_versions WHERE lead IS NOT NULL") >= with_lead
    conn = sqlite3.connect(archive)
    assert stale_articles(conn) == []  # the search index followed every update
    conn.close()
    # Reprocessing again with the same profile finds nothing more to change.
    again = reprocess(archive, site=str(profile))
    assert again.updated == 0 and again.unchanged == again.articles


def test_reprocess_with_a_monkeypatched_extractor(archive, monkeypatch):
    from tuyengiao_crawler.extract import profile as profile_extract

    original = profile_extract._parse_byline

    def shouting(sel, profile):
        byline = original(sel, profile)
        return byline.upper() + " (SỬA)" if byline else byline

    monkeypatch.setattr(profile_extract, "_parse_byline", shouting)
    with_byline = one(archive, "SELECT count(*) FROM articles WHERE byline IS NOT NULL")
    result = reprocess(archive)
    assert result.updated == with_byline > 0
    assert one(archive, "SELECT count(*) FROM articles WHERE byline LIKE '% (SỬA)'") == with_byline


def test_since_selects_by_fetch_date(archive):
    assert reprocess(archive, since="2999").articles == 0
    assert reprocess(archive, since="2000-01").articles == one(
        archive, "SELECT count(*) FROM articles"
    )
    with pytest.raises(ReprocessError, match="not an ISO date"):
        reprocess(archive, since="yesterday")


def test_cli_reprocess(archive):
    runner = CliRunner()
    result = runner.invoke(cli, ["reprocess", "--db", str(archive), "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.output.strip().splitlines()[-1])
    assert counts["updated"] == 0 and counts["unchanged"] == counts["articles"] > 60
    result = runner.invoke(cli, ["reprocess", "--db", str(archive)])
    assert result.exit_code == 0 and "0 updated" in result.output
    missing = runner.invoke(cli, ["reprocess", "--db", str(archive.parent / "none.sqlite")])
    assert missing.exit_code != 0 and "Traceback" not in missing.output


def test_decode_body_undoes_content_encoding():
    html = "<p>Đảng ủy</p>".encode()
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    assert decode_body(headers, gzip.compress(html)) == ([("Content-Type", "text/html")], html)
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    deflated = raw.compress(html) + raw.flush()
    assert decode_body([("content-encoding", "deflate")], deflated)[1] == html
    assert decode_body([("Content-Encoding", "deflate")], zlib.compress(html))[1] == html
    assert decode_body([], html) == ([], html)


GENERIC_SITE = ROOT / "tests" / "fixtures" / "generic_site"
# Columns a reprocess sets as the crawl did; the version bookkeeping (when this version
# was first and last seen) and the fetch are compared apart.
SAME_COLUMNS = [c for c in ARTICLE_COLUMNS if c != "fetch_id"] + ["breadcrumb"]
CHILDREN = {
    "article_authors": "author_id, role, position",
    "article_documents": "document_id, field, surface, start, [end], kind, number, issued_on, issuer",
    "images": "position, url, caption, alt",
    "attachments": "position, url, title",
    "related_articles": "position, url, title",
}


def archived_rows(db):
    """Every article row as the crawl stored it, with its children, by URL."""
    articles = {
        r["url"]: r for r in rows(db, f"SELECT id, {', '.join(SAME_COLUMNS)} FROM articles")
    }
    for table, columns in CHILDREN.items():
        for article in articles.values():
            article[table] = rows(
                db,
                f"SELECT {columns} FROM {table} WHERE article_id = ? ORDER BY rowid",
                article["id"],
            )
    return articles


def forget_what_was_read(db):
    """Blank what extraction gave, so a reprocess must rebuild every article from WARC."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE articles SET content_sha256 = 'forgotten', title = '?', lead = NULL,"
            " body_text = '', body_html = '', byline = NULL, published_at = NULL"
        )
        for table in CHILDREN:
            conn.execute(f"DELETE FROM {table}")
    conn.close()


@pytest.fixture(scope="module")
def generic_crawl(tmp_path_factory):
    """The generic-mode fixture site (not the demo site's markup) crawled once."""
    folder = tmp_path_factory.mktemp("generic")
    db = folder / "archive.sqlite"
    with DemoSite(port=0, root=GENERIC_SITE) as site:
        result = tuyengiao("crawl", "--start-url", site.url + "/", "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.mark.parametrize("source", ["crawled", "generic_crawl"])
def test_a_reprocess_rebuilds_exactly_the_rows_the_crawl_wrote(source, request, tmp_path):
    """Live and from WARC, a page becomes the same article: one reading path."""
    copy = tmp_path / "copy"
    shutil.copytree(
        request.getfixturevalue(source), copy, ignore=shutil.ignore_patterns("jobs", "*.lock")
    )
    db = copy / "archive.sqlite"
    crawled = archived_rows(db)
    read_from = dict(
        (r["url"], r["fetch_id"])
        for r in rows(
            db,
            "SELECT a.url, a.fetch_id FROM articles a JOIN fetches f ON f.id = a.fetch_id"
            " WHERE f.status = 200",
        )
    )
    assert len(crawled) >= 10 and read_from
    forget_what_was_read(db)

    result = reprocess(db)

    assert (result.updated, result.failed, result.not_article) == (len(crawled), 0, 0)
    rebuilt = archived_rows(db)
    assert set(rebuilt) == set(crawled)
    for url, row in crawled.items():
        assert rebuilt[url] == row, url
    fetches = dict(
        (r["url"], r["fetch_id"]) for r in rows(db, "SELECT url, fetch_id FROM articles")
    )
    assert {url: fetches[url] for url in read_from} == read_from
    assert stale_articles(sqlite3.connect(db)) == []
