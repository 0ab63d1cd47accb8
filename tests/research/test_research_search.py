"""Search: accent folding, đ, tone placement, --exact, filters, snippets, bad queries,
and an index that stays in step through re-crawls, edits, migrations and rebuilds."""

import json
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner
from research_data import ARTICLES, BASE

from tuyengiao_crawler.archive import Archive, open_readonly
from tuyengiao_crawler.archive.fts import exact_text, stale_articles
from tuyengiao_crawler.archive.schema import MIGRATIONS, statements
from tuyengiao_crawler.archive.search import ArticleFilters, SearchError, search_articles
from tuyengiao_crawler.cli import cli
from tuyengiao_crawler.normalize.text import fold_d


def urls(db, query, exact=False, **filters):
    conn = open_readonly(db)
    try:
        found = search_articles(conn, query, exact=exact, filters=ArticleFilters(**filters))
    finally:
        conn.close()
    return {r["url"].removeprefix(BASE) for r in found.results}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_line_error(result, text):
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ") and text in lines[0], result.output


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tuyen giao", {"a1.html"}),
        ("tuyên giáo", {"a1.html"}),
        ("TUYEN GIAO", {"a1.html"}),
        ("dang uy", {"a1.html"}),
        ("đảng ủy", {"a1.html"}),
        ("Đảng uỷ", {"a1.html"}),
        ("dang", {"a1.html", "a4.html"}),
        ("hoà bình", {"a1.html"}),
        ("hòa bình", {"a1.html"}),
        ("thuỷ lợi", {"a2.html"}),
        ("thủy lợi", {"a2.html"}),
        ("hoa", {"a1.html", "a2.html", "a3.html"}),
        ("05-CT/TW", {"a1.html"}),
        ('"chi thi 05"', {"a1.html"}),
        ("title:hoa", {"a3.html"}),
        ("thuy*", {"a2.html"}),
        ("hoa NOT binh", {"a2.html", "a3.html"}),
    ],
)
def test_search_folds_accents_d_and_tone_placement(archive_db, query, expected):
    assert urls(archive_db, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hòa", {"a1.html", "a2.html"}),  # hoà (old placement) and Hòa, not hoa/họa
        ("hoà", {"a1.html", "a2.html"}),
        ("hoa", {"a2.html", "a3.html"}),
        ("họa", {"a3.html"}),
        ("Đảng", {"a1.html"}),  # not "Dang dở"
        ("dang", {"a4.html"}),
        ("thủy", {"a2.html"}),
    ],
)
def test_exact_search_keeps_diacritics(archive_db, query, expected):
    assert urls(archive_db, query, exact=True) == expected


def test_filters_combined(archive_db):
    assert urls(archive_db, "hoa", category="tin hoat dong") == {"a1.html", "a3.html"}
    assert urls(archive_db, "hoa", category="Tin hoạt động", author="thu ha") == {
        "a1.html",
        "a3.html",
    }
    assert urls(archive_db, "hoa", author="Thu Hà", since="2020") == {"a1.html"}
    assert urls(archive_db, "hoa", until="2020-05-31") == {"a2.html", "a3.html"}
    # "2020-05" overlaps both bounds at its own precision
    assert urls(archive_db, "hoa", since="2020-05-15", until="2020-05-20") == {"a2.html"}
    assert urls(archive_db, "hoa", document="05-ct/tw") == {"a1.html"}
    assert urls(archive_db, "hoa", document="Nghị quyết") == {"a3.html"}
    assert urls(archive_db, "hoa", document="chi thi", since="2021-03-04") == {"a1.html"}
    assert urls(archive_db, "hoa", document="chi thi", until="2021-03-03") == set()
    with pytest.raises(SearchError, match="not an ISO date"):
        ArticleFilters(since="04/03/2021")


def test_snippets_are_highlighted_in_the_original_spelling(archive_db):
    result = run("search", "--db", archive_db, "dang uy", "--json")
    assert result.exit_code == 0, result.output
    (hit,) = json.loads(result.output)
    assert hit["title"] == "Hội nghị Ban Tuyên giáo Tỉnh ủy"
    assert "«Đảng ủy» khối" in hit["snippet"]
    assert hit["authors"] == ["Thu Hà"] and hit["documents"] == ["05-CT/TW"]
    result = run("search", "--db", archive_db, "hoa binh", "--json")
    (hit,) = json.loads(result.output)
    assert "«hoà bình»" in hit["snippet"]
    assert "¶" in hit["snippet"]  # paragraph break shown on one line


def test_search_text_and_csv_output(archive_db):
    result = CliRunner().invoke(cli, ["search", "--db", str(archive_db), "tuyen giao"], color=True)
    assert result.exit_code == 0, result.output
    assert "1 article matches 'tuyen giao'" in result.output  # not "1 articles match"
    assert "\x1b[" in result.output and "Tuyên giáo" in result.output
    result = run("search", "--db", archive_db, "hoa", "--csv", "--limit", "2")
    lines = result.output.splitlines()
    assert lines[0].startswith("rank,id,published_at,category,title,url,authors")
    assert len(lines) == 3


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"tuyen giao', "unterminated string"),
        ("AND", "syntax error"),
        ("hoa OR", "syntax error"),
        ("(hoa", "syntax error"),
        ("nope:hoa", "no such column"),
        ("   ", "empty search query"),
    ],
)
def test_malformed_queries_are_one_line(archive_db, query, message):
    one_line_error(run("search", "--db", archive_db, query), message)


def test_search_errors(tmp_path, archive_db):
    one_line_error(run("search", "--db", tmp_path / "none.sqlite", "x"), "no archive at")
    one_line_error(run("search", "--db", archive_db, "x", "--since", "hôm qua"), "ISO date")


def test_index_follows_recrawls_and_edits(archive_db):
    item = {"site": "127.0.0.1", **ARTICLES[2]}
    with Archive(archive_db) as archive:
        assert archive.save_article(item) == "unchanged"
        assert stale_articles(archive.conn) == []
    assert urls(archive_db, "vuon hoa") == {"a3.html"}
    edited = {**item, "title": "Cánh đồng lúa chín", "body_text": "Mùa gặt bội thu."}
    with Archive(archive_db) as archive:
        assert archive.save_article(edited) == "updated"
        assert stale_articles(archive.conn) == []
        # the index forgot the old words, not just hid them
        assert archive.conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'vuon'"
        ).fetchone() == (0,)
    assert urls(archive_db, "vuon hoa") == set()
    assert urls(archive_db, "canh dong") == {"a3.html"}
    assert urls(archive_db, "gặt", exact=True) == {"a3.html"}


QUERIES = ("dang uy", "hoa", "thuy loi", "vuon hoa", '"ban tuyen giao"')


def test_sqlite_utils_and_datasette_find_the_search_index(archive_db):
    """sqlite-utils (and Datasette, the same test) find a table's index by
    `content="articles"` in its SQL: its search finds what ours finds, đ written as d."""
    db = sqlite_utils.Database(archive_db)
    assert db["articles"].detect_fts() == "articles_fts"
    for query in QUERIES:
        found = {row["url"].removeprefix(BASE) for row in db["articles"].search(query)}
        assert found == urls(archive_db, query), query
    assert {r["url"].removeprefix(BASE) for r in db["articles"].search("dang uy")}  # not empty
    # a column of the index reads as the article's own text
    assert (
        db.execute(
            "SELECT title FROM articles_fts WHERE articles_fts MATCH 'vuon' ORDER BY rowid"
        ).fetchall()
        == db.execute("SELECT title FROM articles WHERE url LIKE '%a3.html'").fetchall()
    )


def test_an_archive_of_schema_13_keeps_its_search_when_upgraded(archive_db):
    """Schema 14 rebuilds the contentless index of older archives over `articles`, and
    schema 15 drops the exact index's copy of the text."""
    before = {query: urls(archive_db, query) for query in QUERIES}
    exact_before = {q: urls(archive_db, q, exact=True) for q in ("Hòa", "thủy lợi", "Đảng ủy")}
    conn = sqlite3.connect(archive_db)
    conn.create_function("fold_d", 1, fold_d)
    conn.create_function("exact_text", 1, exact_text)
    conn.executescript(
        """
        DROP TABLE articles_fts_indexed;
        DROP TABLE articles_fts_exact;
        CREATE VIRTUAL TABLE articles_fts_exact USING fts5(
            title, lead, body_text, content_sha256 UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        INSERT INTO articles_fts_exact (rowid, title, lead, body_text, content_sha256)
        SELECT id, exact_text(title), exact_text(lead), exact_text(body_text), content_sha256
        FROM articles;
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, lead, body_text, content = '', tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO articles_fts (rowid, title, lead, body_text)
        SELECT rowid, fold_d(title), fold_d(lead), fold_d(body_text) FROM articles_fts_exact;
        PRAGMA user_version = 13;
        """
    )
    conn.close()
    assert sqlite_utils.Database(archive_db)["articles"].detect_fts() is None
    assert {query: urls(archive_db, query) for query in QUERIES} == before
    Archive(archive_db).close()  # upgrades
    assert sqlite_utils.Database(archive_db)["articles"].detect_fts() == "articles_fts"
    assert {query: urls(archive_db, query) for query in QUERIES} == before
    assert {q: urls(archive_db, q, exact=True) for q in exact_before} == exact_before
    assert all(before.values()) and all(exact_before.values())
    conn = open_readonly(archive_db)
    try:
        assert stale_articles(conn) == []
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "articles_fts_exact_content" not in names  # no copy of the text
        assert "articles_fts_exact_v15" not in names
    finally:
        conn.close()


def test_reindex_rebuilds_and_a_migrated_archive_gets_indexed(tmp_path, archive_db):
    before = {q: urls(archive_db, q) for q in ("hoa", "dang uy", "thuy loi")}
    conn = sqlite3.connect(archive_db)
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')")
    conn.execute("INSERT INTO articles_fts_exact(articles_fts_exact) VALUES ('delete-all')")
    conn.execute("DELETE FROM articles_fts_indexed")
    conn.commit()
    conn.close()
    assert urls(archive_db, "hoa") == set()
    result = run("search", "--db", archive_db, "hoa")
    assert "4 articles are not in the search index" in result.output
    result = run("reindex", "--db", archive_db)
    assert result.exit_code == 0, result.output
    assert "indexed 4 articles" in result.output
    assert {q: urls(archive_db, q) for q in before} == before
    with Archive(archive_db) as archive:
        assert archive.conn.execute(
            "INSERT INTO articles_fts_exact(articles_fts_exact, rank) VALUES ('integrity-check', 1)"
        )

    # An archive written before the search index existed (schema v2)
    old = tmp_path / "v2.sqlite"
    conn = sqlite3.connect(old)
    for version, script in enumerate(MIGRATIONS[:2], 1):
        for statement in statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(
        "INSERT INTO articles (url, site, title, body_text, first_seen_at, last_seen_at)"
        " VALUES ('http://127.0.0.1:1/old.html', '127.0.0.1', 'Đại hội Đảng', 'x', 't', 't')"
    )
    conn.commit()
    conn.close()
    with Archive(old):
        pass  # migrates to the current schema
    one_line_error(run("reindex", "--db", tmp_path / "missing.sqlite"), "no archive at")
    assert run("reindex", "--db", old).exit_code == 0
    assert urls(old, "dai hoi dang") == {"old.html"}


def test_ranking_is_the_same_with_and_without_the_date_index(archive_db):
    # schema 5 added an (id, published_at) index that search forces for speed; an older
    # archive opened read-only has none and must rank the same
    def ranked(query):
        conn = open_readonly(archive_db)
        try:
            return [r["url"] for r in search_articles(conn, query).results]
        finally:
            conn.close()

    queries = ("tuyen giao", "dang uy", "chi thi")
    with_index = [ranked(q) for q in queries]
    conn = sqlite3.connect(archive_db)
    conn.execute("DROP INDEX idx_articles_id_published")
    conn.commit()
    conn.close()
    assert [ranked(q) for q in queries] == with_index
    assert all(with_index)
