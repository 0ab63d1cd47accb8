"""`normalize_article`: a raw article and its fetch context in, the archive's record out."""

import copy

from tuyengiao_crawler.normalize.article import (
    ArticleRecord,
    FetchContext,
    RawArticle,
    content_sha256,
    missing_fields,
    normalize_article,
)

CONTEXT = FetchContext(
    url="http://127.0.0.1:8000/tin-tuc/hoi-nghi-4127.html",
    fetched_url="http://127.0.0.1:8000/tin-tuc/hoi-nghi-4127.html?utm_source=zalo",
    site="127.0.0.1",
    fetched_at="2026-12-01T00:00:00+00:00",
    fetch_id=12,
    etag='"v2"',
)


def raw(**changes):
    fields = {
        "title": "Hội nghị  quán triệt\u200b Nghị quyết",
        "body_text": "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành"
        " Trung ương.\n\nTiếp tục thực hiện Kết luận 21.",
        "byline": "Trần Minh Đức\nBan Tuyên giáo Huyện ủy",
        "published_raw": "Thứ Ba, 05/12/2023 - 08:30",
        "updated_raw": "Cập nhật 10:15 ngày 06/12",
    }
    fields.update(changes)
    return RawArticle(**fields)


def test_the_record_has_exact_values_and_keeps_its_fetch():
    record = normalize_article(raw(), CONTEXT)
    assert isinstance(record, ArticleRecord)
    assert record.title == "Hội nghị quán triệt Nghị quyết"
    assert record.published_at == "2023-12-05T08:30+07:00"
    assert record.updated_at == "2023-12-06T10:15+07:00"
    assert record.authors == [
        {"name": "Trần Minh Đức", "role": "author"},
        {"name": "Ban Tuyên giáo Huyện ủy", "role": "organization"},
    ]
    assert [d["canonical"] for d in record.documents] == ["21-KL/TW", "21-KL/TW"]
    assert record.documents[0]["issued_on"] == "2021-10-25"
    assert (record.url, record.fetched_url, record.fetch_id, record.etag) == (
        CONTEXT.url,
        CONTEXT.fetched_url,
        12,
        '"v2"',
    )
    assert record.content_sha256 == content_sha256(record) and len(record.content_sha256) == 64


def test_its_inputs_are_left_as_they_were():
    article, context = raw(), copy.copy(CONTEXT)
    before = copy.deepcopy(article)
    normalize_article(article, context)
    assert article == before and context == CONTEXT


def test_what_a_crawl_counts_is_reported():
    counted = []
    normalize_article(raw(published_raw="hôm qua"), CONTEXT, counted.append)
    assert counted == ["dates_unparsed"]
    broken = normalize_article(
        raw(body_text="Nội dung \ufffd\ufffd\ufffd mất"), CONTEXT, counted.append
    )
    assert counted[1:] == ["articles_text_suspect"]
    assert broken.quality == "suspect:replacement-characters"


def test_the_fingerprint_ignores_when_and_how_the_page_was_fetched():
    first = normalize_article(raw(), CONTEXT)
    later = normalize_article(
        raw(), FetchContext(**{**vars(CONTEXT), "fetched_at": "2027-01-01", "fetch_id": 99})
    )
    edited = normalize_article(raw(title="Hội nghị quán triệt Nghị quyết (sửa)"), CONTEXT)
    assert first.content_sha256 == later.content_sha256 != edited.content_sha256


def test_missing_fields_looks_in_the_article_then_its_context():
    assert missing_fields(raw(), CONTEXT) == []
    assert missing_fields(raw(title="", body_text=""), CONTEXT) == ["title", "body_text"]
    assert missing_fields(raw()) == ["url", "site"]
    assert missing_fields({"url": "u", "site": "s", "title": "t"}) == ["body_text"]
