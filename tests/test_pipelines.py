"""The pipelines run through a real Scrapy crawler object onto a real SQLite file."""

import sqlite3

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from tuyengiao_crawler.extensions import ArchiveRun, run_status
from tuyengiao_crawler.items import ArticleItem
from tuyengiao_crawler.pipelines.normalize import NormalizePipeline
from tuyengiao_crawler.pipelines.store import StorePipeline
from tuyengiao_crawler.pipelines.validate import ValidatePipeline


def raw_item(**changes):
    fields = {
        "url": "http://127.0.0.1:1/btg/tin-hoat-dong/tang-cuong-1001.html",
        "fetched_url": "http://127.0.0.1:1/btg/tin-hoat-dong/tang-cuong-1001.html",
        "site": "127.0.0.1",
        "fetched_at": "2026-01-01T00:00:00+00:00",
        "title": "Tăng cường  công tác\u200b tuyên truyền",
        "lead": "Từ ngày 25/2 đến 28/2, đoàn công tác làm việc với 6 Huyện ủy.",
        "body_text": "Tổ chức triển khai thực hiện có hiệu quả Quy định số 208-QĐ/TW ngày 08/11/2019 "
        "của Ban Bí thư.\n\nKhảo sát thực hiện Chỉ thị 05 và Chỉ thị 05-CT/TW.",
        "byline": "Phan Sỹ Thành\nBan Tuyên giáo Tỉnh ủy",
        "published_raw": "Thứ Ba, 03/03/2020 - 09:15",
        "updated_raw": "Cập nhật: 10:00 ngày 04/03",
    }
    fields.update(changes)
    return ArticleItem(**fields)


@pytest.fixture
def crawler(tmp_path):
    return get_crawler(
        settings_dict={
            "TUYENGIAO_DB": str(tmp_path / "archive.sqlite"),
            "EXTENSIONS": {"tuyengiao_crawler.extensions.ArchiveRun": 0},
        }
    )


def test_validate_drops_items_without_title_or_body(crawler):
    pipeline = ValidatePipeline.from_crawler(crawler)
    item = raw_item()
    assert pipeline.process_item(item) is item
    with pytest.raises(DropItem, match="missing title, body_text"):
        pipeline.process_item(raw_item(title="", body_text=""))
    assert crawler.stats.get_value("tuyengiao/items_invalid") == 1


def test_normalize_fills_dates_authors_documents(crawler):
    item = NormalizePipeline.from_crawler(crawler).process_item(raw_item())
    assert item.title == "Tăng cường công tác tuyên truyền"
    assert item.published_at == "2020-03-03T09:15+07:00"
    assert item.updated_at == "2020-03-04T10:00+07:00"  # year taken from the publication date
    assert item.authors == [
        {"name": "Phan Sỹ Thành", "role": "author"},
        {"name": "Ban Tuyên giáo Tỉnh ủy", "role": "organization"},
    ]
    by_canonical = {}
    for ref in item.documents:
        by_canonical.setdefault(ref["canonical"], []).append(ref)
    assert sorted(by_canonical) == ["05-CT/TW", "208-QĐ/TW"]
    quy_dinh = by_canonical["208-QĐ/TW"][0]
    assert (quy_dinh["kind"], quy_dinh["issued_on"], quy_dinh["issuer"]) == (
        "Quy định",
        "2019-11-08",
        "Ban Bí thư",
    )
    assert quy_dinh["field"] == "body_text"
    assert item.body_text[quy_dinh["start"] : quy_dinh["end"]] == quy_dinh["surface"]
    # "Chỉ thị 05" is linked to the full form the same article names
    assert len(by_canonical["05-CT/TW"]) == 2
    assert len(item.content_sha256) == 64


def test_store_writes_articles_and_run(crawler, tmp_path):
    normalize = NormalizePipeline.from_crawler(crawler)
    store = StorePipeline.from_crawler(crawler)
    store.process_item(normalize.process_item(raw_item()))
    store.process_item(normalize.process_item(raw_item()))
    crawler.stats.set_value("downloader/response_count", 2)
    ArchiveRun.of(crawler).spider_closed(None, "finished")
    conn = sqlite3.connect(tmp_path / "archive.sqlite")
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert (
        conn.execute("SELECT published_at FROM articles").fetchone()[0] == "2020-03-03T09:15+07:00"
    )
    assert conn.execute("SELECT name FROM authors ORDER BY id").fetchall() == [
        ("Phan Sỹ Thành",),
        ("Ban Tuyên giáo Tỉnh ủy",),
    ]
    run = conn.execute(
        "SELECT status, pages_fetched, articles_new, articles_unchanged, finished_at IS NOT NULL FROM crawl_runs"
    ).fetchone()
    assert run == ("ok", 2, 1, 1, 1)


@pytest.mark.parametrize(
    ("reason", "stats", "status"),
    [
        ("finished", {"downloader/response_count": 5}, "ok"),
        ("finished", {"downloader/response_count": 5, "tuyengiao/errors": 1}, "partial"),
        ("finished", {}, "failed"),
        ("closespider_pagecount", {"downloader/response_count": 5}, "ok"),
        ("shutdown", {"downloader/response_count": 5}, "interrupted"),
    ],
)
def test_run_status(reason, stats, status):
    assert run_status(reason, stats) == status
