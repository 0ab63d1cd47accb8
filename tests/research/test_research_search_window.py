"""Broad queries: the capped count, ranking among the most recently archived matches, the
tie-break by date, and the one-regex highlighter against the word-by-word one."""

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from tuyengiao_crawler.archive import Archive, open_readonly
from tuyengiao_crawler.archive import search as search_module
from tuyengiao_crawler.archive.fts import word_key
from tuyengiao_crawler.archive.search import (
    _FOLD_RANGES,
    _WORD_RE,
    ArticleFilters,
    _word_spans,
    find_spans,
    query_terms,
    search_articles,
)
from tuyengiao_crawler.cli import cli

BASE = "http://127.0.0.1:1/"
FILLER = "công tác xây dựng chỉnh đốn Đảng ở cơ sở"
# Dates run against the ids, so "newest" and "highest id" disagree.
DAY0 = date(2020, 1, 1)


def _article(i, **extra):
    published = DAY0 + timedelta(days=(i * 7) % 61)
    return {
        "site": "127.0.0.1",
        "url": f"{BASE}a{i}.html",
        "title": f"Ban Tuyên giáo tin số {i}" if i % 3 else f"Tin số {i} về đoàn thể",
        "lead": "Đảng ủy khối tổ chức hội nghị." if i % 2 else "Hội nghị cuối năm.",
        "body_text": " ".join(["tuyên giáo"] * (i % 5 + 1) + [FILLER] * (i % 7 + 1)),
        "category": "Tin hoạt động" if i % 2 == 0 else "Dân vận khéo",
        "published_at": published.isoformat(),
        **extra,
    }


@pytest.fixture(scope="module")
def broad_db(tmp_path_factory):
    """60 articles all matching "tuyen giao", then 4 identical "hoi thao" articles whose
    ids grow as their dates get older."""
    path = tmp_path_factory.mktemp("window") / "broad.sqlite"
    with Archive(path) as archive:
        for i in range(1, 61):
            archive.save_article(_article(i))
        for k, day in enumerate(("2021-05-04", "2021-05-03", "2021-05-02", "2021-05-01")):
            archive.save_article(
                {
                    "site": "127.0.0.1",
                    "url": f"{BASE}tie{k}.html",
                    "title": "Hội thao truyền thống",
                    "lead": "Hội thao khối cơ quan.",
                    "body_text": "Hội thao diễn ra sôi nổi.",
                    "category": "Tin hoạt động",
                    # One text, four articles: the dates the pages print tell them apart.
                    "published_raw": day,
                    "published_at": day,
                }
            )
    return path


def _search(db, query, **kwargs):
    conn = open_readonly(db)
    try:
        return search_articles(conn, query, **kwargs)
    finally:
        conn.close()


def _reference(db, query, *, floor=0, limit=20, table="articles_fts", category=None):
    """The ranking spelled out: bm25 over every match at or above `floor`, ties newest."""
    conn = open_readonly(db)
    try:
        extra = " AND a.category = :category" if category else ""
        return [
            row[0]
            for row in conn.execute(
                f"SELECT f.rowid FROM {table} f JOIN articles a ON a.id = f.rowid"
                f" WHERE {table} MATCH :q AND f.rowid >= :floor{extra}"
                f" ORDER BY bm25({table}, 10.0, 4.0, 1.0), a.published_at DESC, f.rowid DESC"
                " LIMIT :limit",
                {"q": query, "floor": floor, "limit": limit, "category": category},
            )
        ]
    finally:
        conn.close()


def _matching_ids(db, query, table="articles_fts"):
    conn = open_readonly(db)
    try:
        return sorted(
            row[0]
            for row in conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (query,))
        )
    finally:
        conn.close()


def test_small_result_sets_are_counted_and_ranked_exactly(broad_db):
    found = _search(broad_db, "tuyen giao")
    assert found.total == 60 and found.ranked_among is None
    assert [r["id"] for r in found.results] == _reference(broad_db, "tuyen giao")
    assert len(found.results) == 20


def test_a_broad_query_is_ranked_among_the_most_recently_archived(broad_db):
    ids = _matching_ids(broad_db, "tuyen giao")
    found = _search(broad_db, "tuyen giao", rank_window=25, limit=10)
    assert found.total == 60  # counted exactly, however many
    assert found.ranked_among == 25
    floor = ids[-25]  # the 25 highest ids
    assert [r["id"] for r in found.results] == _reference(
        broad_db, "tuyen giao", floor=floor, limit=10
    )
    assert all(r["id"] >= floor for r in found.results)
    # the window is a real restriction here: the best over all 60 differs
    assert _reference(broad_db, "tuyen giao", limit=10) != [r["id"] for r in found.results]


def test_the_window_and_the_exact_count(broad_db):
    found = _search(broad_db, "tuyen giao", rank_window=30)
    assert (found.total, found.ranked_among) == (60, 30)
    ids = _matching_ids(broad_db, "tuyen giao")
    assert [r["id"] for r in found.results] == _reference(broad_db, "tuyen giao", floor=ids[-30])


def test_the_window_counts_only_articles_passing_the_filters(broad_db):
    filters = ArticleFilters(category="tin hoat dong")
    found = _search(broad_db, "tuyen giao", filters=filters, rank_window=10)
    assert found.total == 30 and found.ranked_among == 10  # the 30 in the category
    conn = open_readonly(broad_db)
    in_category = sorted(
        row[0]
        for row in conn.execute(
            "SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid"
            " WHERE articles_fts MATCH 'tuyen giao' AND a.category = 'Tin hoạt động'"
        )
    )
    conn.close()
    assert len(in_category) == 30
    assert [r["id"] for r in found.results] == _reference(
        broad_db, "tuyen giao", floor=in_category[-10], category="Tin hoạt động"
    )
    assert {r["category"] for r in found.results} == {"Tin hoạt động"}


def test_exact_search_uses_the_same_window(broad_db):
    ids = _matching_ids(broad_db, "tuyên giáo", table="articles_fts_exact")
    found = _search(broad_db, "tuyên giáo", exact=True, rank_window=15)
    assert (found.total, found.ranked_among) == (len(ids), 15)
    assert [r["id"] for r in found.results] == _reference(
        broad_db, "tuyên giáo", floor=ids[-15], table="articles_fts_exact"
    )


@pytest.mark.parametrize("filters", [None, ArticleFilters(category="tin hoat dong")])
def test_equal_scores_go_newest_first_also_at_the_cut(broad_db, filters):
    # four identical articles: equal bm25, ids 61..64 dated 4, 3, 2, 1 May
    found = _search(broad_db, "hoi thao", filters=filters)
    assert [r["published_at"] for r in found.results] == [
        "2021-05-04",
        "2021-05-03",
        "2021-05-02",
        "2021-05-01",
    ]
    assert len({r["score"] for r in found.results}) == 1
    # a cut inside the tie keeps the newest, not the highest ids
    found = _search(broad_db, "hoi thao", filters=filters, limit=2)
    assert [r["url"].removeprefix(BASE) for r in found.results] == ["tie0.html", "tie1.html"]
    assert [r["rank"] for r in found.results] == [1, 2]


def test_cli_counts_exactly_and_says_when_the_ranking_is_windowed(broad_db, monkeypatch):
    monkeypatch.setattr(search_module, "RANK_WINDOW", 25)
    result = CliRunner().invoke(cli, ["search", "--db", str(broad_db), "tuyen giao"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "60 articles match 'tuyen giao'; the best 20 of the 25 most recently"
        " archived are shown (add words, --since or --until, or --rank-all to rank older ones)"
    )
    result = CliRunner().invoke(cli, ["search", "--db", str(broad_db), "tuyen giao", "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 20
    assert result.stderr == (
        "note: 60 articles match; the best 20 of the 25 most recently archived"
        " are shown (add words, --since or --until, or --rank-all to rank older ones)\n"
    )
    # --rank-all: every match counted and ranked, as a narrow query is
    result = CliRunner().invoke(
        cli, ["search", "--db", str(broad_db), "tuyen giao", "--rank-all", "--json"]
    )
    assert result.exit_code == 0 and result.stderr == ""
    assert [r["id"] for r in json.loads(result.stdout)] == _reference(broad_db, "tuyen giao")
    # a narrow query is unchanged
    result = CliRunner().invoke(cli, ["search", "--db", str(broad_db), "hoi thao"])
    assert result.output.splitlines()[0] == "4 articles match 'hoi thao'"
    result = CliRunner().invoke(cli, ["search", "--db", str(broad_db), "hoi thao", "--csv"])
    assert result.stderr == ""


# Highlighting: the one-regex path must find exactly what the word-by-word path finds.

TEXTS = [
    "Hội nghị Ban Tuyên giáo Tỉnh ủy. ĐẢNG UỶ khối, Đảng ủy xã; đảng-ủy_x tuyên giáo",
    "TUYÊN  GIÁO\n\nTuyên\ngiáo: Chỉ thị 05-CT/TW, chỉ thị số 05/CT-TW, 05-CT/TWx",
    "Hoà Bình, hòa bình, HOÀ; thuỷ lợi, Thủy_lợi, thủy lợi hóa. Nguyễn Đình Hùng (Ðình)",
    "Straße ﬁnal tuyên giáo",  # ß and ﬁ fold to two letters: the word-by-word path
    "Kelvin \u212a, Ångström \u212b, m² 2021. Ngữ ngôn ng, ɖảng ủy",
    "",
]
QUERIES = [
    "tuyen giao",
    "dang uy",
    "05-CT/TW",
    '"chi thi 05"',
    "thuy*",
    "ng*",
    "hoa binh",
    "title:hoa",
    "hoa NOT binh",
    "Nguyễn Đình Hùng",
    "dinh OR hung",
    "NEAR(tuyen giao, 3)",
    "k angstrom",
    "ss fi",
    "m 2021",
]


def _merged(text, spans):
    out = []
    for start, end in spans:
        if out and start >= out[-1][1] and text[out[-1][1] : start] == " ":
            out[-1] = (out[-1][0], end)
        elif not out or start >= out[-1][1]:
            out.append((start, end))
    return out


@pytest.mark.parametrize("query", QUERIES)
def test_regex_highlighting_matches_word_by_word(query):
    terms = query_terms(query, False)
    for text in TEXTS:
        assert find_spans(text, terms, False) == _merged(text, _word_spans(text, terms, False))


def test_highlight_examples():
    text = TEXTS[0]
    spans = find_spans(text, query_terms("tuyen giao", False), False)
    assert [text[s:e] for s, e in spans] == ["Tuyên giáo", "tuyên giáo"]
    spans = find_spans(text, query_terms("dang uy", False), False)
    # two words, each highlighted, joined where one space apart; "ủy_x" is one word
    assert [text[s:e] for s, e in spans] == ["ủy", "ĐẢNG UỶ", "Đảng ủy", "đảng"]
    text = TEXTS[1]
    spans = find_spans(text, query_terms("05-CT/TW", False), False)
    assert [text[s:e] for s, e in spans] == ["05-CT/TW", "05/CT-TW"]
    text = TEXTS[3]
    spans = find_spans(text, query_terms("ss", False), False)
    assert [text[s:e] for s, e in spans] == []  # "Straße" is one word, "strasse"
    spans = find_spans(text, query_terms("strasse", False), False)
    assert [text[s:e] for s, e in spans] == ["Straße"]


def test_only_the_listed_ranges_fold_to_ascii():
    # every word character outside _FOLD_RANGES keeps a non-ASCII key, so a term made of
    # ASCII letters can only match characters the regex classes list
    outside = []
    for code in range(0x10000):
        if any(low <= code <= high for low, high in _FOLD_RANGES):
            continue
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not _WORD_RE.fullmatch(char):
            continue
        key = word_key(char, False)
        if any(c.isascii() for c in key):
            outside.append(char)
    assert outside == []
