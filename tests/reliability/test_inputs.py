"""Inputs checked before they can do harm (issue 13, item 7), at the level of the functions:
crawl settings, start URLs, archive files, read-only queries and profile selectors. The
command line's side of the same faults is in test_cli_bad_input.py."""

import http.server
import socket
import sqlite3
import threading

import pytest
import testkit

from tuyengiao_crawler import settings as project_settings
from tuyengiao_crawler.archive import Archive, ArchiveError
from tuyengiao_crawler.archive.queries import check_archive_file, guard_reads
from tuyengiao_crawler.profiles import ELEMENT_SELECTORS, ProfileError, parse_profile
from tuyengiao_crawler.runner import CrawlError, check_start_url, crawl_settings
from tuyengiao_crawler.settings_check import (
    IPV6_RESOLVER,
    SettingError,
    check_setting,
    check_settings,
    crawl_overrides,
)


def test_every_default_passes_its_own_check():
    """A rule that refuses a default would make every crawl fail; new settings in
    settings.py are checked by the type of their default."""
    for name in dir(project_settings):
        if name.isupper() and name != "TUYENGIAO_DB":
            check_setting(name, getattr(project_settings, name))


@pytest.mark.parametrize(
    "name, given, used",
    [
        ("ROBOTSTXT_OBEY", "no", False),
        ("ROBOTSTXT_OBEY", "On", True),
        ("ROBOTSTXT_OBEY", False, False),
        ("CONCURRENT_REQUESTS", " 4 ", 4),
        ("CONCURRENT_REQUESTS", 4, 4),
        ("DOWNLOAD_DELAY", "0.5", 0.5),
        ("DOWNLOAD_DELAY", "0", 0.0),
        ("DOWNLOAD_TIMEOUT", "0.25", 0.25),
        ("TUYENGIAO_PROGRESS_INTERVAL", "1", 1.0),
        ("TUYENGIAO_PROGRESS", "LINES", "lines"),
        ("LOG_LEVEL", "debug", "DEBUG"),
        ("DEPTH_LIMIT", "0", 0),
        ("RETRY_PRIORITY_ADJUST", "-3", -3),  # inferred from Scrapy's default: any integer
        ("TUYENGIAO_START_URLS", "http://[::1]:8000/,https://a.gov.vn/", None),
        ("TUYENGIAO_EXTRA_DOMAINS", ["btg.a.gov.vn", "a.vn"], None),
        ("DOWNLOADER_MIDDLEWARES", '{"x.Y": 100}', None),
        ("MY_EXTENSION_SETTING", "anything at all", None),  # unknown to Scrapy: passed on
        ("TWISTED_REACTOR", "twisted.internet.asyncioreactor.AsyncioSelectorReactor", None),
    ],
)
def test_good_values_are_typed_for_scrapy(name, given, used):
    assert check_setting(name, given) == (given if used is None else used)


def test_checked_values_read_back_in_scrapy(tmp_path):
    db = tmp_path / "a.sqlite"
    checked = check_settings(
        {"ROBOTSTXT_OBEY": "no", "CONCURRENT_REQUESTS": "3", "TUYENGIAO_FULL": "yes"}, db
    )
    settings = crawl_settings(db, overrides=checked)
    assert settings.getbool("ROBOTSTXT_OBEY") is False  # Scrapy's getbool("no") raises
    assert settings.getint("CONCURRENT_REQUESTS") == 3
    assert settings.getbool("TUYENGIAO_FULL") is True


def test_archive_setting_must_be_the_archive_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert check_settings({"TUYENGIAO_DB": "a.sqlite"}, tmp_path / "a.sqlite")
    with pytest.raises(SettingError, match="names another archive than --db"):
        check_settings({"TUYENGIAO_DB": "b.sqlite"}, tmp_path / "a.sqlite")
    with pytest.raises(SettingError, match="TUYENGIAO_DB='' must name the archive file"):
        check_settings({"TUYENGIAO_DB": ""}, "a.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_resolver_for_ipv6_start_urls_only(tmp_path):
    db = tmp_path / "a.sqlite"
    assert crawl_overrides(None, db, ["http://[::1]:8000/"]) == {
        "TWISTED_DNS_RESOLVER": IPV6_RESOLVER
    }
    assert crawl_overrides(None, db, ["http://127.0.0.1:8000/"]) == {}
    chosen = {"TWISTED_DNS_RESOLVER": "my.Resolver"}
    assert crawl_overrides(chosen, db, ["http://[::1]:8000/"]) == chosen


@pytest.mark.parametrize(
    "url", ["http://[::1]:8000/", "https://[2001:db8::1]/tin/", "http://127.0.0.1:8000/a?b=1"]
)
def test_good_start_urls(url):
    assert check_start_url(url) == url


def test_bad_start_url_is_a_crawl_error():
    with pytest.raises(CrawlError, match=r"port 99999 is out of range \(1-65535\)"):
        check_start_url("http://127.0.0.1:99999/")


def test_archive_file_checks(tmp_path):
    sound = tmp_path / "sound.sqlite"
    with Archive(sound) as archive:
        archive.save_article({"url": "http://127.0.0.1:9/a.html", "title": "Bài", "site": "x"})
    conn = sqlite3.connect(sound)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    check_archive_file(sound)
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    check_archive_file(empty, empty_ok=True)  # a crawl makes its archive in an empty file
    with pytest.raises(ArchiveError, match="is empty"):
        check_archive_file(empty)
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(sound.read_bytes()[:8192])
    with pytest.raises(ArchiveError, match="is damaged: cut short at 8,192 of"):
        check_archive_file(cut)
    # A crawl killed during a checkpoint leaves the file short of its header's size until
    # SQLite replays the log beside it: not damage.
    (tmp_path / "cut.sqlite-wal").write_bytes(b"\0" * 32)
    check_archive_file(cut)
    short = tmp_path / "short.sqlite"
    short.write_bytes(sound.read_bytes()[:40])
    with pytest.raises(ArchiveError, match="shorter than a SQLite header"):
        check_archive_file(short)


def test_read_guard_refuses_then_lets_the_connection_go(tmp_path):
    db = tmp_path / "a.sqlite"
    Archive(db).close()
    conn = sqlite3.connect(db)
    with guard_reads(conn) as guard:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute(f"ATTACH DATABASE '{tmp_path / 'x.sqlite'}' AS x")
        assert guard.refused == f"ATTACH or VACUUM INTO '{tmp_path / 'x.sqlite'}'"
    assert not (tmp_path / "x.sqlite").exists()
    conn.execute("PRAGMA user_version = 99")  # the caller's connection is its own again
    conn.close()


def _profile(**selectors):
    return {"name": "x", "selectors": {"article": "a", "title": "h1", "body": "p", **selectors}}


@pytest.mark.parametrize("field", sorted(ELEMENT_SELECTORS))
@pytest.mark.parametrize("css", ["div.x::text", "a::attr(href)", "p, div *::text"])
def test_element_fields_refuse_pseudo_elements(field, css):
    with pytest.raises(ProfileError, match=rf"selectors\.{field}: .* must select elements"):
        parse_profile(_profile(**{field: css}))


def test_text_fields_keep_pseudo_elements():
    profile = parse_profile(
        _profile(
            title="h1::text",
            published="meta[itemprop=datePublished]::attr(content)",
            breadcrumb=".crumbs a::text",
            category=".cat::text",
            body=[".content", "#noidung"],
        )
    )
    assert profile.css("published") == "meta[itemprop=datePublished]::attr(content)"


@pytest.fixture
def ipv6_site():
    """A page with one link, served on ::1 (skipped where IPv6 is off)."""
    if not socket.has_ipv6:
        pytest.skip("no IPv6")
    page = b'<html><body><h1>Trang</h1><a href="/b.html">b</a></body></html>'
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            body = page if self.path in ("/", "/b.html") else b""
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        address_family = socket.AF_INET6

    try:
        server = Server(("::1", 0), Handler)
    except OSError:
        pytest.skip("cannot listen on ::1")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://[::1]:{server.server_address[1]}/", requests
    server.shutdown()
    server.server_close()


def test_ipv6_start_url_is_crawled(ipv6_site, tmp_path):
    url, requests = ipv6_site
    result = testkit.tuyengiao("crawl", "--start-url", url, "--db", tmp_path / "a.sqlite",
                               timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "DNS lookup failed" not in result.stderr  # what Scrapy's IPv4 resolver said
    assert "/" in requests and "/b.html" in requests
    assert testkit.rows(tmp_path / "a.sqlite", "SELECT status FROM crawl_runs") == [
        {"status": "ok"}
    ]
