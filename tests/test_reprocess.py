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
from testkit import tuyengiao

from tuyengiao_crawler.archive.fts import stale_articles
from tuyengiao_crawler.cli import cli
from tuyengiao_crawler.demo_site.server import DemoSite
from tuyengiao_crawler.reprocess import ReprocessError, decode_body, reprocess

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
