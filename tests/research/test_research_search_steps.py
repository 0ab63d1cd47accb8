"""The steps `search_articles` is made of, each alone on a real small archive: the match,
the capped count, the rank window, the two ways of ranking, loading, and the snippet."""

import sqlite3
import threading

import pytest
from research_data import make_archive

from tuyengiao_crawler.archive import Archive, open_readonly
from tuyengiao_crawler.archive import search as search_module
from tuyengiao_crawler.archive.search import (
    ArticleFilters,
    count_matches,
    count_meanwhile,
    load_articles,
    match_query,
    prepare_connection,
    query_terms,
    rank_matches,
    result_with_snippet,
    unindexed_count,
    window_floor,
)

IN_CATEGORY = ArticleFilters(category="tin hoat dong")  # articles 1 and 3


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    """research_data's four articles: "hoa" (any accents) is in 1, 2 and 3, best in 3."""
    return make_archive(tmp_path_factory.mktemp("steps") / "small.sqlite")


@pytest.fixture
def conn(small_db):
    conn = open_readonly(small_db)
    prepare_connection(conn)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def tie_db(tmp_path_factory):
    """Four articles matching "hoi thao": id 4 best, ids 1-3 one text dated 1, 3, 2 May."""
    path = tmp_path_factory.mktemp("steps") / "tie.sqlite"
    with Archive(path) as archive:
        for i, day in enumerate(("2021-05-01", "2021-05-03", "2021-05-02"), 1):
            archive.save_article(
                {
                    "site": "127.0.0.1",
                    "url": f"http://127.0.0.1:1/tie{i}.html",
                    "title": "Hội thao truyền thống",
                    "body_text": "Hội thao diễn ra sôi nổi ở cơ quan.",
                    # One text, three articles: the dates the pages print tell them apart.
                    "published_raw": day,
                    "published_at": day,
                }
            )
        archive.save_article(
            {
                "site": "127.0.0.1",
                "url": "http://127.0.0.1:1/best.html",
                "title": "Hội thao",
                "lead": "Hội thao.",
                "body_text": "Hội thao, hội thao.",
                "published_at": "2020-01-01",
            }
        )
    return path


@pytest.fixture
def tie_conn(tie_db):
    conn = open_readonly(tie_db)
    prepare_connection(conn)
    yield conn
    conn.close()


def ids(ranked):
    return [rowid for rowid, _ in ranked]


def test_match_query():
    match = match_query("hoa")
    assert (match.table, match.where, match.params, match.filtered) == (
        "articles_fts",
        "articles_fts MATCH :query",
        {"query": "hoa"},
        False,
    )
    assert match.source == "articles_fts"
    # --exact: the exact table, the query in the index's tone placement
    exact = match_query("Hoà  bình", exact=True)
    assert (exact.table, exact.params) == ("articles_fts_exact", {"query": "Hòa bình"})
    # đ folded like the index; a document number quoted for FTS5
    assert match_query("Đảng 05-CT/TW").params == {"query": 'Dảng "05-CT/TW"'}
    filtered = match_query("hoa", filters=IN_CATEGORY)
    assert filtered.filtered
    assert filtered.where == (
        "articles_fts MATCH :query AND tg_fold(a.category) = tg_fold(:category)"
    )
    assert filtered.params == {"category": "tin hoat dong", "query": "hoa"}
    assert filtered.source == "articles_fts JOIN articles a ON a.id = articles_fts.rowid"
    windowed = match.from_id(2)
    assert windowed.where == "articles_fts MATCH :query AND articles_fts.rowid >= :floor"
    assert windowed.params == {"query": "hoa", "floor": 2}
    assert match.params == {"query": "hoa"}  # from_id leaves the original alone


def test_count_matches(conn):
    assert count_matches(conn, match_query("hoa")) == 3
    assert count_matches(conn, match_query("hoa", filters=IN_CATEGORY)) == 2
    assert count_matches(conn, match_query("dang")) == 2  # Đảng ủy, Dang dở
    assert count_matches(conn, match_query("hoà", exact=True)) == 2  # hoà, Hòa
    assert count_matches(conn, match_query("hoa").from_id(2)) == 2
    assert count_matches(conn, match_query("khong khi")) == 1  # both words: only 2
    assert count_matches(conn, match_query("xyzzy")) == 0


def test_count_meanwhile_counts_on_the_sibling_connection_in_a_thread(small_db, conn):
    """With a connection of open_readonly the count runs on its sibling, in the count
    thread, while the caller ranks; any other connection counts at once, itself."""
    counted_by = []
    real = count_matches

    def spy(on, match):
        counted_by.append((on, threading.current_thread().name))
        return real(on, match)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_module, "count_matches", spy)
        for filters in (None, IN_CATEGORY):  # a filter needs tg_fold on the sibling too
            assert count_meanwhile(conn, match_query("hoa", filters=filters)).result() == (
                3 if filters is None else 2
            )
        plain = sqlite3.connect(small_db)
        prepare_connection(plain)
        assert count_meanwhile(plain, match_query("hoa")).result() == 3
    sibling = conn.sibling()
    assert sibling is not conn and conn.sibling() is sibling  # opened once
    assert [(on is sibling, thread.startswith("tuyengiao-count")) for on, thread in counted_by] == [
        (True, True),
        (True, True),
        (False, False),
    ]
    with pytest.raises(search_module.SearchError):  # the thread's error reaches the caller
        search_module.search_articles(conn, '"unterminated')
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError):  # closed with the connection it serves
        sibling.execute("SELECT 1")


def test_window_floor(conn):
    hoa = match_query("hoa")  # ids 1, 2, 3
    assert [window_floor(conn, hoa, n) for n in (1, 2, 3, 10)] == [3, 2, 1, 1]
    in_category = match_query("hoa", filters=IN_CATEGORY)  # ids 1, 3
    assert [window_floor(conn, in_category, n) for n in (1, 2)] == [3, 1]
    assert window_floor(conn, match_query("xyzzy"), 5) is None


def test_rank_matches(conn):
    ranked = rank_matches(conn, match_query("hoa"), 20)
    assert ids(ranked) == [3, 2, 1]
    scores = [score for _, score in ranked]
    assert scores == sorted(scores) and all(score < 0 for score in scores)  # bm25: lower is better
    assert ids(rank_matches(conn, match_query("hoa"), 2)) == [3, 2]
    assert ids(rank_matches(conn, match_query("hoa").from_id(2), 20)) == [3, 2]
    assert ids(rank_matches(conn, match_query("hoa", filters=IN_CATEGORY), 20)) == [3, 1]
    assert ids(rank_matches(conn, match_query("hoà", exact=True), 20)) == [2, 1]
    assert rank_matches(conn, match_query("hoa"), 0) == []
    assert ids(rank_matches(conn, match_query("hoa"), -1)) == [3, 2, 1]  # negative: all
    assert rank_matches(conn, match_query("xyzzy"), 20) == []


def test_ranking_in_the_index_and_with_dates_agree_on_ties(tie_conn, monkeypatch):
    match = match_query("hoi thao")
    in_index = {limit: rank_matches(tie_conn, match, limit) for limit in (1, 2, 3, 4, 20)}
    # the best first, then the three equal scores newest first (ids 2, 3, 1: 3, 2, 1 May)
    assert {limit: ids(ranked) for limit, ranked in in_index.items()} == {
        1: [4],
        2: [4, 2],
        3: [4, 2, 3],
        4: [4, 2, 3, 1],
        20: [4, 2, 3, 1],
    }
    scores = [score for _, score in in_index[4]]
    assert scores[0] < scores[1] == scores[2] == scores[3]
    # a filter (here one every article passes) ranks with the dates joined: same answer
    everything = ArticleFilters(since="2000")
    for limit, ranked in in_index.items():
        assert rank_matches(tie_conn, match_query("hoi thao", filters=everything), limit) == ranked
    # a cut inside the tie is left to the dates even without filters
    dates_used = []
    rank_with_dates = search_module._rank_with_dates

    def spy(conn, match, limit):
        dates_used.append(limit)
        return rank_with_dates(conn, match, limit)

    monkeypatch.setattr(search_module, "_rank_with_dates", spy)
    for limit in (1, 2, 3, 4, 20):
        rank_matches(tie_conn, match, limit)
    assert dates_used == [2, 3]


def test_load_articles(conn):
    rows = load_articles(conn, [3, 99, 1])  # 99 is not archived
    assert [row["id"] for row in rows] == [3, 1]
    assert rows[0] == {
        "id": 3,
        "url": "http://127.0.0.1:1/a3.html",
        "title": "Vườn hoa mùa xuân",
        "lead": "Hoa đào, hoa mai.",
        "body_text": "Người dân chơi hoa ngày Tết. Tai họa không đến.",
        "published_at": "2019-02-01",
        "category": "Tin hoạt động",
        "authors": '["Thu Hà"]',
        "documents": '["35-NQ/TW"]',
    }
    assert (rows[1]["authors"], rows[1]["documents"]) == ('["Thu Hà"]', '["05-CT/TW"]')
    (no_one,) = load_articles(conn, [4])
    assert (no_one["authors"], no_one["documents"], no_one["published_at"]) == ("[]", "[]", None)
    assert load_articles(conn, []) == []


def test_result_with_snippet_from_the_body(conn):
    (row,) = load_articles(conn, [1])
    result = result_with_snippet(2, row, -1.25, query_terms("hoa binh"), False)
    assert result == {
        "rank": 2,
        "id": 1,
        "published_at": "2021-03-04T09:00+07:00",
        "category": "Tin hoạt động",
        "title": "Hội nghị Ban Tuyên giáo Tỉnh ủy",
        "url": "http://127.0.0.1:1/a1.html",
        "authors": ["Thu Hà"],
        "documents": ["05-CT/TW"],
        "score": 1.25,
        "snippet": "Quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị. ¶ Giữ vững «hoà bình», ổn định.",
        "title_spans": [],
        "snippet_spans": [(57, 65)],
        "snippet_text": "Quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị. ¶ Giữ vững hoà bình, ổn định.",
    }
    # the title highlighted too; --exact tells hoà from hóa but not from hòa
    (row,) = load_articles(conn, [3])
    result = result_with_snippet(1, row, -2.0, query_terms("hoa"), False)
    assert result["title_spans"] == [(5, 8)]
    assert result["snippet"] == "Người dân chơi «hoa» ngày Tết. Tai «họa» không đến."
    result = result_with_snippet(1, row, -2.0, query_terms("họa", True), True)
    assert result["snippet"] == "Người dân chơi hoa ngày Tết. Tai «họa» không đến."


def test_result_with_snippet_from_the_lead(conn):
    # no match in the body: the snippet is the lead's
    (row,) = load_articles(conn, [2])
    result = result_with_snippet(1, row, -0.5, query_terms("chung"), False)
    assert (result["snippet"], result["snippet_spans"]) == (
        "Hòa «chung» không khí thi đua.",
        [(4, 9)],
    )
    # no match in either (a title-only match): the body's beginning, unmarked
    result = result_with_snippet(1, row, -0.5, query_terms("phong trao"), False)
    assert result["title_spans"] == [(0, 10)]
    assert (result["snippet"], result["snippet_spans"]) == (
        "Nông dân làm thuỷ lợi. Hoa nở trên đồng.",
        [],
    )


def test_unindexed_count(small_db, tmp_path):
    conn = open_readonly(small_db)
    assert unindexed_count(conn) == 0
    conn.close()
    copy = tmp_path / "copy.sqlite"
    source = sqlite3.connect(small_db)
    source.backup(target := sqlite3.connect(copy))
    source.close()
    target.execute(
        "INSERT INTO articles (url, site, title, body_text, first_seen_at, last_seen_at)"
        " VALUES ('http://127.0.0.1:1/new.html', '127.0.0.1', 'Mới', 'x', 't', 't')"
    )
    target.commit()
    target.close()
    conn = open_readonly(copy)
    assert unindexed_count(conn) == 1
    conn.close()
