"""The pieces behind the fault crawl, one by one: Retry-After, backoff, listing series,
the quality migration and the normalise pipeline's repair of mixed pages."""

import sqlite3
from datetime import UTC, datetime

from scrapy.utils.test import get_crawler

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.archive.schema import MIGRATIONS, statements
from tuyengiao_crawler.extensions.disk import is_disk_full
from tuyengiao_crawler.extract.charset import not_html, repair_page
from tuyengiao_crawler.extract.traps import listing_key
from tuyengiao_crawler.items import ArticleItem
from tuyengiao_crawler.middlewares.retry import backoff_delay, retry_after_seconds
from tuyengiao_crawler.normalize.encoding import (
    detect_mojibake,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    font_hint,
)
from tuyengiao_crawler.pipelines.normalize import NormalizePipeline

TEXT = "Đảng bộ tỉnh tổ chức hội nghị quán triệt Nghị quyết cho cán bộ chủ chốt toàn tỉnh"


def test_retry_after_seconds_and_dates():
    now = datetime(2024, 6, 11, 8, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(b"120") == 120.0
    assert retry_after_seconds("Tue, 11 Jun 2024 08:01:30 GMT", now=now) == 90.0
    assert retry_after_seconds("Tue, 11 Jun 2024 07:00:00 GMT", now=now) == 0.0  # past
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
    # Digits to Python, not to HTTP (found by hypothesis): unreadable, not a crash.
    assert retry_after_seconds(b"\xb2") is None  # "²" in latin-1
    assert retry_after_seconds("٣٠") is None


def test_backoff_doubles_is_capped_and_yields_to_a_capped_retry_after():
    assert [backoff_delay(n, 2, 60) for n in (1, 2, 3, 6, 7)] == [2, 4, 8, 60, 60]
    assert backoff_delay(1, 2, 60, retry_after=30) == 30
    assert backoff_delay(1, 2, 60, retry_after=3600, retry_after_cap=120) == 120
    assert backoff_delay(5, 2, 60, retry_after=1) == 32  # the longer wait wins


def test_listing_series_share_a_key_across_numbers_only():
    assert listing_key("http://a.vn/tin/trang-7.html") == listing_key(
        "http://a.vn/tin/trang-8.html"
    )
    assert listing_key("http://a.vn/lich?ngay=2021-01-02") == listing_key(
        "http://a.vn/lich?ngay=2022-12-31"
    )
    assert listing_key("http://a.vn/tin/") != listing_key("http://a.vn/van-ban/")
    assert listing_key("http://a.vn/x?cat=tin&p=2") != listing_key("http://a.vn/x?cat=van-ban&p=2")


def test_quality_migration_is_appended_and_upgrades_an_old_archive(tmp_path):
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    for version, script in enumerate(MIGRATIONS[:3], start=1):
        for statement in statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    with Archive(db) as archive:
        columns = {row[1] for row in archive.conn.execute("PRAGMA table_info(articles)")}
        assert "quality" in columns
        assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def item(**fields):
    base = {"url": "http://127.0.0.1:9/a.html", "fetched_url": "x", "site": "127.0.0.1"}
    return ArticleItem(fetched_at="2024-01-01T00:00:00+00:00", **base, **fields)


def test_pipeline_repairs_a_tcvn3_body_in_a_unicode_page():
    pipeline = NormalizePipeline(get_crawler())
    broken = encode_tcvn3(TEXT).decode("latin-1")
    out = pipeline.process_item(
        item(title="Tiêu đề đúng", body_text=broken, body_html=f"<div><p>{broken}</p></div>")
    )
    assert out.body_text == TEXT and out.title == "Tiêu đề đúng"
    assert out.body_html == f"<div><p>{TEXT}</p></div>"
    assert out.quality == "repaired:tcvn3"


def test_pipeline_uses_the_font_hint_for_short_fields():
    pipeline = NormalizePipeline(get_crawler())
    body = encode_vni(TEXT).decode("cp1252")
    title = encode_vni("Đảng bộ").decode("cp1252")
    out = pipeline.process_item(item(title=title, body_text=body, quality="font:vni"))
    assert (out.title, out.body_text, out.quality) == ("Đảng bộ", TEXT, "repaired:vni")


def test_pipeline_flags_what_it_cannot_repair():
    pipeline = NormalizePipeline(get_crawler())
    out = pipeline.process_item(item(title="Tiêu đề", body_text="Nội dung \ufffd\ufffd\ufffd mất"))
    assert out.quality == "suspect:replacement-characters"
    sound = pipeline.process_item(item(title="Tiêu đề", body_text=TEXT))
    assert sound.quality is None


def test_page_level_detection():
    page = f"<html><body><p>{TEXT}</p></body></html>"
    body = encode_cp1258(page)
    text, quality = repair_page(body, "utf-8", body.decode("utf-8", errors="replace"))
    assert TEXT in text and quality == "repaired:cp1258"
    assert repair_page(page.encode(), "utf-8", page) == (None, None)
    assert font_hint("<style>p{font-family:.VnTimeH}</style>") == "tcvn3"
    assert font_hint("<font face='VNI-Times'>") == "vni"
    assert detect_mojibake(TEXT) is None
    assert detect_mojibake(TEXT.encode().decode("cp1252", errors="replace")) in (
        "utf8-double",
        "unknown",
    )
    assert not_html(b"%PDF-1.7 ...") and not_html(b"<html>") is None


def test_disk_full_errors_are_recognised():
    assert is_disk_full(OSError(28, "No space left on device"))
    assert is_disk_full(sqlite3.OperationalError("database or disk is full"))
    assert not is_disk_full(OSError(2, "No such file"))
    assert not is_disk_full(ValueError("disk is full"))
