import sqlite3
import unicodedata

import pytest

from tuyengiao_crawler.archive import (
    SCHEMA_VERSION,
    Archive,
    ArchiveError,
    archive_stats,
    open_readonly,
)
from tuyengiao_crawler.archive.fts import stale_articles, sync_index
from tuyengiao_crawler.archive.queries import MMAP_BYTES
from tuyengiao_crawler.archive.schema import MIGRATIONS, statements


def article(**changes):
    item = {
        "url": "http://127.0.0.1:1/btg/a-1.html",
        "site": "127.0.0.1",
        "category": "Tin hoạt động",
        "title": "Tăng cường công tác tuyên truyền đại hội Đảng các cấp",
        "lead": "Sapo",
        "body_text": "Đoạn một.\n\nTổ chức thực hiện Quy định số 208-QĐ/TW ngày 08/11/2019.",
        "body_html": "<div><p>Đoạn một.</p></div>",
        "byline": "Phan Sỹ Thành\nBan Tuyên giáo Tỉnh ủy",
        "published_raw": "Thứ Ba, 03/03/2020 - 09:15",
        "published_at": "2020-03-03T09:15+07:00",
        "breadcrumb": ["Trang chủ", "Tin hoạt động"],
        "authors": [
            {"name": "Phan Sỹ Thành", "role": "author"},
            {"name": "Ban Tuyên giáo Tỉnh ủy", "role": "organization"},
        ],
        "documents": [
            {
                "surface": "Quy định số 208-QĐ/TW",
                "start": 31,
                "end": 52,
                "field": "body_text",
                "kind": "Quy định",
                "number": 208,
                "year": 2019,
                "type_code": "QĐ",
                "issuer_code": "TW",
                "canonical": "208-QĐ/TW",
                "issued_on": "2019-11-08",
                "issuer": None,
            },
            {
                "surface": "Chỉ thị 05",
                "start": 0,
                "end": 10,
                "field": "lead",
                "kind": "Chỉ thị",
                "number": 5,
                "year": None,
                "type_code": None,
                "issuer_code": None,
                "canonical": None,
                "issued_on": None,
                "issuer": None,
            },
        ],
        "images": [{"url": "http://127.0.0.1:1/i.jpg", "caption": "Đoàn công tác", "alt": None}],
        "attachments": [{"url": "http://127.0.0.1:1/v.pdf", "title": "Tải về"}],
        "related": [{"url": "http://127.0.0.1:1/btg/a-2.html", "title": "Tin 2"}],
    }
    item.update(changes)
    return item


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "sub" / "a.sqlite") as archive:
        yield archive


def count(archive, table):
    return archive.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_new_archive_has_schema_and_wal(archive):
    conn = archive.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "articles",
        "authors",
        "article_authors",
        "documents",
        "article_documents",
        "images",
        "attachments",
        "related_articles",
        "crawl_runs",
    } <= tables


def test_save_new_unchanged_updated(archive):
    assert archive.save_article(article(), seen_at="2026-01-01T00:00:00+00:00") == "new"
    assert archive.save_article(article(), seen_at="2026-01-02T00:00:00+00:00") == "unchanged"
    row = archive.db["articles"].get(1)
    assert (row["first_seen_at"], row["last_seen_at"]) == (
        "2026-01-01T00:00:00+00:00",
        "2026-01-02T00:00:00+00:00",
    )
    assert row["breadcrumb"] == '["Trang chủ", "Tin hoạt động"]'
    assert len(row["content_sha256"]) == 64
    edited = article(
        body_text="Nội dung đã sửa.", authors=[{"name": "Phan Sỹ Thành", "role": "author"}]
    )
    assert archive.save_article(edited) == "updated"
    assert count(archive, "articles") == 1
    assert archive.db["articles"].get(1)["body_text"] == "Nội dung đã sửa."
    # children were replaced, not appended
    assert count(archive, "article_authors") == 1
    assert count(archive, "images") == 1


def test_values_that_are_not_scalars_are_stored_as_json(archive):
    # A spider of one's own may give a list or a dict where the schema has text: each is
    # stored as sqlite-utils stores it, in the article's row and in its children alike.
    image = {"url": "http://127.0.0.1:1/i.jpg", "caption": {"vi": "Đoàn công tác"}, "alt": None}
    archive.save_article(article(category=["Tin tức", "Hoạt động"], images=[image]))
    assert archive.conn.execute("SELECT category FROM articles").fetchone()[0] == (
        '["Tin tức", "Hoạt động"]'
    )
    assert archive.conn.execute("SELECT caption, alt FROM images").fetchone() == (
        '{"vi": "Đoàn công tác"}',
        None,
    )


def test_only_related_change_is_not_an_edit(archive):
    archive.save_article(article())
    status = archive.save_article(
        article(related=[{"url": "http://127.0.0.1:1/x.html", "title": "X"}])
    )
    assert status == "unchanged"
    assert [r["url"] for r in archive.db["related_articles"].rows] == ["http://127.0.0.1:1/x.html"]


def test_authors_are_deduplicated_by_key_across_spellings(archive):
    archive.save_article(article())
    variant = unicodedata.normalize("NFD", "PHAN  SỸ THÀNH")
    # Three articles (their own titles: the same content on one site is one article).
    archive.save_article(
        article(
            url="http://127.0.0.1:1/b.html",
            title="Bài hai",
            authors=[{"name": variant, "role": "author"}],
        )
    )
    archive.save_article(
        article(
            url="http://127.0.0.1:1/c.html",
            title="Bài ba",
            authors=[{"name": "Phan Sỹ Thanh", "role": "author"}],
        )
    )
    assert count(archive, "articles") == 3
    names = sorted(r["name"] for r in archive.db["authors"].rows)
    assert names == ["Ban Tuyên giáo Tỉnh ủy", "Phan Sỹ Thanh", "Phan Sỹ Thành"]


def test_schema_6_rekeys_authors_with_the_african_d(tmp_path):
    # before schema 6 an author key kept ɖ (U+0256), where it now reads đ: keys are
    # rewritten and authors whose keys meet are merged, so a new crawl finds them
    path = tmp_path / "v5.sqlite"
    conn = sqlite3.connect(path)
    for version, script in enumerate(MIGRATIONS[:5], 1):
        for statement in statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
    for i in (1, 2):
        conn.execute(
            "INSERT INTO articles (id, url, site, title, body_text, first_seen_at, last_seen_at)"
            f" VALUES ({i}, 'http://127.0.0.1:1/{i}.html', '127.0.0.1', 'T', 'x', 't', 't')"
        )
    conn.executemany(
        "INSERT INTO authors (id, name, key) VALUES (?, ?, ?)",
        [
            (1, "Báo Đảng", "báo đảng"),
            (2, "Báo ɖảng", "báo ɖảng"),  # merges into 1
            (3, "ɖoàn ɖức", "ɖoàn ɖức"),  # rewritten to "đoàn đức"
            (4, "ɖoàn Đức", "ɖoàn đức"),  # the same new key: merges into 3
            (5, "Lê Hà", "lê hà"),
        ],
    )
    conn.executemany(
        "INSERT INTO article_authors (article_id, author_id, role, position) VALUES (?, ?, ?, ?)",
        [
            (1, 2, "organization", 0),
            (1, 1, "organization", 1),  # the same author twice once merged: one link kept
            (1, 3, "author", 2),
            (2, 4, "author", 0),
            (2, 5, "author", 1),
        ],
    )
    conn.commit()
    conn.close()
    with Archive(path) as archive:
        db = archive.conn
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT id, name, key FROM authors ORDER BY id").fetchall() == [
            (1, "Báo Đảng", "báo đảng"),
            (3, "ɖoàn ɖức", "đoàn đức"),
            (5, "Lê Hà", "lê hà"),
        ]
        links = "SELECT article_id, author_id, role FROM article_authors ORDER BY 1, 2"
        assert db.execute(links).fetchall() == [
            (1, 1, "organization"),
            (1, 3, "author"),
            (2, 3, "author"),
            (2, 5, "author"),
        ]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        archive.save_article(
            article(
                url="http://127.0.0.1:1/3.html",
                authors=[{"name": "Báo ɖảng", "role": "organization"}],
            )
        )
        assert count(archive, "authors") == 3


def test_documents_and_mentions(archive):
    archive.save_article(article())
    archive.save_article(article(url="http://127.0.0.1:1/b.html"))
    docs = list(archive.db["documents"].rows)
    assert [(d["canonical"], d["kind"], d["number"], d["issued_on"]) for d in docs] == [
        ("208-QĐ/TW", "Quy định", 208, "2019-11-08")
    ]
    mentions = archive.conn.execute(
        'SELECT field, surface, start, "end", document_id FROM article_documents WHERE article_id = 1 ORDER BY id'
    ).fetchall()
    assert mentions == [
        ("body_text", "Quy định số 208-QĐ/TW", 31, 52, 1),
        ("lead", "Chỉ thị 05", 0, 10, None),
    ]


def test_runs_are_recorded(archive):
    run_id = archive.start_run(["http://127.0.0.1:1/"], "demo")
    assert archive.run(run_id)["status"] == "running"
    archive.finish_run(run_id, "ok", {"pages_fetched": 3, "articles_new": 1})
    run = archive.run(run_id)
    assert (run["status"], run["pages_fetched"], run["articles_new"]) == ("ok", 3, 1)
    assert run["finished_at"] >= run["started_at"]


def test_stats(archive):
    archive.save_article(article())
    archive.save_article(
        article(url="http://127.0.0.1:1/b.html", published_at="2020-04-01", category=None)
    )
    archive.conn.commit()
    conn = open_readonly(archive.path)
    stats = archive_stats(conn)
    assert stats["articles"] == 2
    assert (stats["first_published"], stats["last_published"]) == ("2020-03-03", "2020-04-01")
    assert stats["by_month"] == [
        {"month": "2020-03", "articles": 1},
        {"month": "2020-04", "articles": 1},
    ]
    assert {"category": "(none)", "articles": 1} in stats["by_category"]
    assert stats["top_documents"] == [{"document": "208-QĐ/TW", "kind": "Quy định", "articles": 2}]
    assert stats["top_authors"][0] == {
        "name": "Ban Tuyên giáo Tỉnh ủy",
        "role": "organization",
        "articles": 2,
    }


def test_refuses_non_sqlite_and_newer_schema(tmp_path):
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(ArchiveError, match="is not a SQLite database"):
        Archive(text)
    assert text.read_text(encoding="utf-8") == "not a database"

    newer = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(ArchiveError, match="newer than this tool supports"):
        Archive(newer)
    with pytest.raises(ArchiveError, match="newer than this tool supports"):
        open_readonly(newer)

    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE mine (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="not a tuyengiao archive"):
        Archive(foreign)
    assert sqlite3.connect(foreign).execute("SELECT name FROM sqlite_master").fetchall() == [
        ("mine",)
    ]


def test_readonly_open_requires_existing_archive(tmp_path):
    with pytest.raises(ArchiveError, match="no archive at"):
        open_readonly(tmp_path / "missing.sqlite")
    with pytest.raises(ArchiveError, match="no archive at"):
        Archive(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_unwritable_folder_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ArchiveError, match="cannot create folder"):
        Archive(blocker / "sub" / "a.sqlite")


def test_edits_keep_the_old_version(archive):
    archive.save_article(article(), seen_at="2026-01-01T00:00:00+00:00")
    archive.save_article(article(), seen_at="2026-01-02T00:00:00+00:00")
    old_sha = archive.db["articles"].get(1)["content_sha256"]
    status = archive.save_article(
        article(body_text="Bản đã sửa."), seen_at="2026-01-03T00:00:00+00:00", run_id=None
    )
    assert status == "updated"
    (version,) = archive.db["article_versions"].rows
    assert version["article_id"] == 1
    assert version["content_sha256"] == old_sha
    assert version["body_text"].startswith("Đoạn một.")
    assert (version["first_seen_at"], version["last_seen_at"], version["replaced_at"]) == (
        "2026-01-01T00:00:00+00:00",
        "2026-01-02T00:00:00+00:00",
        "2026-01-03T00:00:00+00:00",
    )
    current = archive.db["articles"].get(1)
    assert current["body_text"] == "Bản đã sửa."
    assert current["first_seen_at"] == "2026-01-01T00:00:00+00:00"
    assert current["version_seen_at"] == "2026-01-03T00:00:00+00:00"
    # a second edit keeps the first edit as a version too
    archive.save_article(article(body_text="Lần sửa thứ hai."), seen_at="2026-01-04T00:00:00+00:00")
    bodies = [v["body_text"] for v in archive.db["article_versions"].rows_where(order_by="id")]
    assert bodies[1] == "Bản đã sửa."


def test_gone_and_back(archive):
    archive.save_article(article())
    url = article()["url"]
    assert archive.mark_gone(url, 410, seen_at="2026-02-01T00:00:00+00:00") is True
    assert archive.mark_gone(url, 404) is False  # already marked: the first date stands
    row = archive.db["articles"].get(1)
    assert (row["gone_at"], row["gone_status"]) == ("2026-02-01T00:00:00+00:00", 410)
    assert count(archive, "articles") == 1  # nothing is deleted
    assert archive.mark_gone("http://127.0.0.1:1/unknown.html", 404) is False
    assert archive.touch_article(url, seen_at="2026-03-01T00:00:00+00:00") is True
    row = archive.db["articles"].get(1)
    assert (row["gone_at"], row["last_seen_at"]) == (None, "2026-03-01T00:00:00+00:00")


def test_validators(archive):
    archive.save_article(article(etag='"abc"', last_modified="Wed, 30 Jun 2021 00:00:00 GMT"))
    assert archive.validators(article()["url"]) == ('"abc"', "Wed, 30 Jun 2021 00:00:00 GMT")
    assert archive.validators("http://127.0.0.1:1/unknown.html") is None


def test_background_checkpoints_keep_the_log_short(tmp_path):
    """A crawl's archive checkpoints its write-ahead log from a second thread; the crawl's
    own connection only checkpoints as a safety net, far later."""
    import time

    from tuyengiao_crawler.archive.checkpoint import SAFETY_NET_PAGES

    path = tmp_path / "a.sqlite"
    store = Archive(path, background_checkpoints=True)
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == SAFETY_NET_PAGES
    for n in range(200):
        store.save_article(article(url=f"http://127.0.0.1:9/bai-{n}.html", title=f"Bài {n}"))
    checkpointer = store._checkpointer
    wanted = checkpointer.checkpoints + 2  # one surely began after the last commit
    deadline = time.monotonic() + 10
    while checkpointer.checkpoints < wanted and time.monotonic() < deadline:
        time.sleep(0.05)
    assert checkpointer.checkpoints >= wanted
    # Everything committed so far is already copied into the database file.
    other = sqlite3.connect(path)
    busy, log_frames, copied = other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and log_frames == copied
    other.close()
    store.close()
    assert not checkpointer._thread.is_alive()
    check = sqlite3.connect(path)
    assert check.execute("SELECT count(*) FROM articles").fetchone()[0] == 200
    check.close()


SHAREPOINT = "http://127.0.0.1:1/Lists/TinTuc/DispForm.aspx?ID=17&Source="


def test_links_to_the_same_content_on_one_site_are_one_article(archive):
    """SharePoint links an item with the page that linked it (`Source=`), DNN an article
    by its slug and by `Default.aspx`, and neither declares a canonical URL: the same
    content on the same site is one article, not one a link."""
    first = article(url=SHAREPOINT + "%2FPages%2Fdefault.aspx", found_via="link")
    assert archive.save_article(first) == "new"
    again = article(
        url=SHAREPOINT + "%2FLists%2FTinTuc%2FAllItems.aspx",
        fetched_url=SHAREPOINT + "/Lists/TinTuc/AllItems.aspx",
        found_via="pager",
    )
    assert archive.save_article(again) == "unchanged"
    rows = archive.conn.execute("SELECT url, fetched_url, found_via FROM articles").fetchall()
    # Kept under the first URL; the fetched URL is the latest; how it was found, the first.
    assert rows == [
        (SHAREPOINT + "%2FPages%2Fdefault.aspx", SHAREPOINT + "/Lists/TinTuc/AllItems.aspx", "link")
    ]
    slug = article(url="http://127.0.0.1:1/tabid/75/ArticleID/17/Hoi-nghi.aspx")
    assert archive.save_article(slug) == "unchanged"
    # Another item (other content), and the same content on another site, are not.
    other = article(url="http://127.0.0.1:1/Lists/TinTuc/DispForm.aspx?ID=18", title="Khác")
    assert archive.save_article(other) == "new"
    elsewhere = article(url="http://127.0.0.2:1/Lists/TinTuc/DispForm.aspx?ID=17", site="x")
    assert archive.save_article(elsewhere) == "new"
    assert count(archive, "articles") == 3


def test_save_tells_which_article_the_item_was_saved_as(archive):
    """Archive.save (what merge calls): the status and the article's id, also when the
    item is another link to an archived article."""
    first = archive.save(article(url=SHAREPOINT + "1"))
    assert first.status == "new"
    assert first.article_id == archive.conn.execute("SELECT id FROM articles").fetchone()[0]
    assert archive.save(article(url=SHAREPOINT + "2")) == ("unchanged", first.article_id)
    other = archive.save(article(url="http://127.0.0.1:1/other", title="Khác"))
    assert other.status == "new" and other.article_id != first.article_id
    assert archive.save(article(url=SHAREPOINT + "1", title="Đã sửa")) == (
        "updated",
        first.article_id,
    )

    # what the index holds was written from the values just saved
    def found(words):
        sql = "SELECT rowid FROM articles_fts_exact WHERE articles_fts_exact MATCH ?"
        return [r[0] for r in archive.conn.execute(sql, (f'title:"{words}"',))]

    assert found("Đã sửa") == [first.article_id]
    assert found("Tăng cường") == []
    assert (
        archive.conn.execute(
            "SELECT content_sha256 FROM articles_fts_indexed WHERE id = ?", (first.article_id,)
        ).fetchone()[0]
        == archive.db["articles"].get(first.article_id)["content_sha256"]
    )


def _matches(archive, table, query):
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid"
    return [r[0] for r in archive.conn.execute(sql, (query,))]


def test_an_edit_leaves_nothing_of_the_old_text_in_either_index(archive):
    # Neither index keeps the text: an edit removes the old terms by the text of the
    # version it replaced, kept in article_versions.
    archive.save_article(article())
    archive.save_article(article(url="http://127.0.0.1:1/btg/a-2.html", title="Tăng gia sản xuất"))
    archive.save_article(article(title="Hội nghị sơ kết", body_text="Công tác thủy lợi."))
    assert _matches(archive, "articles_fts_exact", '"Tăng cường"') == []
    assert _matches(archive, "articles_fts_exact", '"thủy lợi"') == [1]
    assert _matches(archive, "articles_fts_exact", "Tăng") == [2]
    assert _matches(archive, "articles_fts", '"tang cuong"') == []
    assert _matches(archive, "articles_fts", '"thuy loi" AND "hoi nghi"') == [1]
    assert stale_articles(archive.conn) == []
    archive.conn.execute(
        "INSERT INTO articles_fts_exact(articles_fts_exact) VALUES ('integrity-check')"
    )


def test_a_batch_of_saves_is_indexed_when_it_ends(archive):
    # A merge's batch indexes its articles at its end, in one go: an edit, a new article
    # and a second sight of it in the same batch each leave what one save would.
    archive.save_article(article())
    second = "http://127.0.0.1:1/btg/a-2.html"
    with archive.batch():
        archive.save_article(article(title="Hội nghị sơ kết", body_text="Công tác thủy lợi."))
        archive.save_article(article(url=second, title="Tăng gia sản xuất"))
        assert archive.save_article(article(url=second, title="Tăng gia sản xuất")) == "unchanged"
        assert _matches(archive, "articles_fts_exact", "Tăng") == [1]  # not yet
    assert stale_articles(archive.conn) == []
    assert _matches(archive, "articles_fts_exact", "Tăng") == [2]
    assert _matches(archive, "articles_fts", '"thuy loi"') == [1]
    assert _matches(archive, "articles_fts", "tang") == [2]
    assert count(archive, "articles_fts_indexed") == 2


def test_an_index_whose_text_is_gone_is_built_again(archive):
    # An article's text changed outside `save_article` (by hand, in SQL): the text the
    # indexes were made from is nowhere, so both are built again from `articles`.
    archive.save_article(article())
    archive.save_article(article(url="http://127.0.0.1:1/btg/a-2.html", title="Tăng gia sản xuất"))
    with archive.db.atomic():
        archive.conn.execute(
            "UPDATE articles SET title = 'Sửa tay', content_sha256 = 'by hand' WHERE id = 1"
        )
    assert stale_articles(archive.conn) == [1]
    with archive.db.atomic():
        assert sync_index(archive.conn) == 1
    assert stale_articles(archive.conn) == []
    assert _matches(archive, "articles_fts_exact", '"Sửa tay"') == [1]
    assert _matches(archive, "articles_fts_exact", '"Tăng cường"') == []
    assert _matches(archive, "articles_fts", "tang") == [2]


def test_an_edit_keeps_how_the_article_was_first_found(archive):
    archive.save_article(article(found_via="sitemap", fetched_url="http://127.0.0.1:1/a?x=1"))
    edited = article(title="Đã sửa", found_via="link", fetched_url="http://127.0.0.1:1/a?x=2")
    assert archive.save_article(edited) == "updated"
    assert archive.conn.execute(
        "SELECT title, fetched_url, found_via FROM articles"
    ).fetchall() == [("Đã sửa", "http://127.0.0.1:1/a?x=2", "sitemap")]


def test_schema_7_keeps_the_fetched_url_beside_the_canonical_one(tmp_path):
    # before schema 7 the URL as fetched was only in `fetches`: it is copied onto the
    # article; how the article was found is not known for old rows (NULL).
    path = tmp_path / "v6.sqlite"
    conn = sqlite3.connect(path)
    for version, script in enumerate(MIGRATIONS[:6], 1):
        for statement in statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(
        "INSERT INTO fetches (id, url, fetched_at) VALUES (9, 'http://127.0.0.1:1/a?b=2&a=1', 't')"
    )
    conn.execute(
        "INSERT INTO articles (url, site, first_seen_at, last_seen_at, fetch_id)"
        " VALUES ('http://127.0.0.1:1/a?a=1&b=2', '127.0.0.1', 't', 't', 9)"
    )
    conn.commit()
    conn.close()
    with Archive(path) as upgraded:
        assert upgraded.conn.execute("SELECT fetched_url, found_via FROM articles").fetchall() == [
            ("http://127.0.0.1:1/a?b=2&a=1", None)
        ]


def test_readers_map_the_file_into_memory(archive):
    """Searches read index pages all over a large file: through a memory map, not a
    system call per page (the 100,000-article search bench, docs/research.md)."""
    from tuyengiao_crawler.datasette_plugin import prepare_connection

    assert open_readonly(archive.path).execute("PRAGMA mmap_size").fetchone()[0] == MMAP_BYTES
    plain = sqlite3.connect(archive.path)
    assert plain.execute("PRAGMA mmap_size").fetchone()[0] == 0
    prepare_connection(plain)  # what Datasette calls on each connection it opens
    assert plain.execute("PRAGMA mmap_size").fetchone()[0] == MMAP_BYTES
