"""One record per document however it is cited: names, learned links, site partials (issue 16)."""

from __future__ import annotations

import sqlite3

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.archive.schema import MIGRATIONS, SCHEMA_VERSION, statements
from tuyengiao_crawler.normalize import extract_references, link_partial_references


def item(n: int, body: str, site: str = "127.0.0.1") -> dict:
    refs = link_partial_references(extract_references(body))
    return {
        "url": f"http://{site}/btg/a-{n}.html",
        "site": site,
        "title": f"Bài {n}",
        "body_text": body,
        "published_at": f"2021-0{n}-01",
        "documents": [{**r, "field": "body_text"} for r in refs],
    }


def citations(archive: Archive) -> list[tuple]:
    return archive.conn.execute(
        "SELECT article_id, surface, document, canonical, identified_by, reason"
        " FROM citations ORDER BY id"
    ).fetchall()


def test_a_name_learned_beside_its_number_joins_the_earlier_name_only_record(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.save_article(item(1, "Thực hiện Nghị quyết Trung ương 5 khóa X về văn hóa."))
        (row,) = citations(archive)
        assert row[2:] == (
            "Nghị quyết Trung ương 5 khóa X",
            None,
            "name-only",
            "name-only: not in the registry",
        )
        archive.save_article(
            item(2, "Nghị quyết Trung ương 5 khóa X (Nghị quyết số 09-NQ/TW) về văn hóa.")
        )
        archive.save_article(item(3, "Sơ kết Nghị quyết Trung ương 5 khóa X tại tỉnh."))
        docs = archive.conn.execute(
            "SELECT key, canonical, named_key, identified_by FROM documents"
        ).fetchall()
        assert docs == [("09-NQ/TW", "09-NQ/TW", "Nghị quyết Trung ương 5 khóa X", "learned")]
        rows = citations(archive)
        assert [r[2] for r in rows] == ["09-NQ/TW"] * 4
        assert [r[4] for r in rows] == ["learned", "learned", "number", "learned"]
        assert all(r[5] is None for r in rows)


def test_a_registry_name_and_its_number_are_one_record(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.save_article(item(1, "Quán triệt Nghị quyết Trung ương 4 khóa XII."))
        archive.save_article(item(2, "Thực hiện Nghị quyết số 04-NQ/TW của Trung ương."))
        archive.save_article(item(3, "Luật Báo chí 2016 và Luật số 103/2016/QH13."))
        docs = archive.conn.execute(
            "SELECT key, named_key, identified_by, title IS NOT NULL FROM documents ORDER BY key"
        ).fetchall()
        assert docs == [
            ("04-NQ/TW", "Nghị quyết Trung ương 4 khóa XII", "registry", 1),
            ("103/2016/QH13", "Luật Báo chí 2016", "registry", 1),
        ]
        assert archive.conn.execute("SELECT count(*) FROM citations").fetchone()[0] == 4


def test_a_document_without_number_is_a_record_that_says_why(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.save_article(item(1, "Nghị quyết Đại hội XIII của Đảng và Hiến pháp năm 2013."))
        rows = citations(archive)
        assert [(r[2], r[3], r[4], r[5]) for r in rows] == [
            ("Nghị quyết Đại hội XIII", None, "registry", "registry: the document has no number"),
            ("Hiến pháp 2013", None, "registry", "registry: the document has no number"),
        ]


def test_a_partial_reference_takes_the_sites_document_before_the_registrys(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.save_article(item(1, "Tỉnh ủy ban hành Chỉ thị số 05-CT/TU về học tập.", "a.vn"))
        archive.save_article(item(2, "Các huyện triển khai Chỉ thị 05.", "a.vn"))
        archive.save_article(item(3, "Các huyện triển khai Chỉ thị 05.", "b.vn"))
        archive.save_article(item(4, "Kế hoạch số 77 của Huyện ủy.", "b.vn"))
        rows = citations(archive)
        assert [(r[2], r[4]) for r in rows] == [
            ("05-CT/TU", "number"),
            ("05-CT/TU", "site"),
            ("05-CT/TW", "registry"),
            (None, None),
        ]
        assert rows[3][5] == "partial: no full reference in the article or the registry"


def test_a_query_counts_citations_of_one_named_resolution_by_month(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.save_article(item(1, "Nghị quyết Trung ương 4 khóa XII và Nghị quyết số 04-NQ/TW."))
        archive.save_article(
            item(
                2,
                "Thực hiện Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (khóa XII).",
            )
        )
        archive.save_article(item(3, "Chỉ thị số 05-CT/TW."))
        rows = archive.conn.execute(
            "SELECT published_month, count(*) FROM citations"
            " WHERE named_key = 'Nghị quyết Trung ương 4 khóa XII' GROUP BY 1 ORDER BY 1"
        ).fetchall()
        assert rows == [("2021-01", 2), ("2021-02", 1)]


def test_schema_10_archives_migrate_to_document_keys(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:10]:
        for statement in statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 10")
    conn.execute(
        "INSERT INTO articles (id, url, site, first_seen_at, last_seen_at)"
        " VALUES (1, 'http://x/a', 'x', '2020', '2020')"
    )
    conn.execute("INSERT INTO documents (id, canonical, kind) VALUES (7, '05-CT/TW', 'Chỉ thị')")
    conn.execute(
        'INSERT INTO article_documents (article_id, document_id, field, surface, start, "end")'
        " VALUES (1, 7, 'body_text', '05-CT/TW', 0, 8), (1, NULL, 'body_text', 'Chỉ thị 05', 9, 19)"
    )
    conn.commit()
    conn.close()
    with Archive(path) as archive:
        conn = archive.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute(
            "SELECT id, key, canonical, identified_by FROM documents"
        ).fetchall() == [(7, "05-CT/TW", "05-CT/TW", "number")]
        rows = conn.execute(
            "SELECT document, identified_by, reason FROM citations ORDER BY id"
        ).fetchall()
        assert rows == [
            ("05-CT/TW", "number", None),
            (None, None, "archived before named documents: reprocess to identify"),
        ]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


SITE_ARTICLES = [
    item(1, "Tỉnh ủy ban hành Chỉ thị số 05-CT/TU về học tập.", "a.vn"),
    item(2, "Các huyện triển khai Chỉ thị 05.", "a.vn"),
    item(3, "Sơ kết Kế hoạch số 77 của Huyện ủy.", "a.vn"),
    item(4, "Kế hoạch số 77-KH/TU và Kế hoạch số 77-KH/HU năm nay.", "a.vn"),
    item(5, "Học tập Chỉ thị 05 ở cơ sở.", "b.vn"),
]


def settled(archive: Archive) -> list[tuple]:
    """Citations by article URL, ids aside: what must not depend on the order of saving."""
    return sorted(
        archive.conn.execute(
            "SELECT a.url, m.surface, d.key, m.identified_by, m.reason FROM article_documents m"
            " JOIN articles a ON a.id = m.article_id LEFT JOIN documents d ON d.id = m.document_id"
        ).fetchall(),
        key=repr,
    )


def test_partial_references_settle_the_same_in_any_order_of_saving(tmp_path):
    import itertools

    results = set()
    for n, order in enumerate(itertools.permutations(SITE_ARTICLES[:4])):
        with Archive(tmp_path / f"{n}.sqlite") as archive:
            for article in order:
                archive.save_article(article)
            results.add(tuple(settled(archive)))
            docs = archive.conn.execute("SELECT key FROM documents ORDER BY key").fetchall()
        assert docs == [("05-CT/TU",), ("05-CT/TW",), ("77-KH/HU",), ("77-KH/TU",)]
    assert len(results) == 1
    by_surface = {(url.rsplit("/", 1)[1], surface): rest for url, surface, *rest in results.pop()}
    assert by_surface["a-2.html", "Chỉ thị 05"] == ["05-CT/TU", "site", None]
    assert by_surface["a-3.html", "Kế hoạch số 77"] == [
        None,
        None,
        "partial: ambiguous on the site (77-KH/HU, 77-KH/TU)",
    ]


def test_a_partial_reference_falls_back_when_the_sites_full_reference_is_edited_away(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.save_article(SITE_ARTICLES[0])
        archive.save_article(SITE_ARTICLES[1])
        assert settled(archive)[1][2:] == ("05-CT/TU", "site", None)
        edited = item(1, "Tỉnh ủy ban hành kế hoạch học tập.", "a.vn")
        assert archive.save_article(edited) == "updated"
        assert settled(archive) == [
            ("http://a.vn/btg/a-2.html", "Chỉ thị 05", "05-CT/TW", "registry", None)
        ]
        assert archive.save_article(SITE_ARTICLES[0]) == "updated"
        assert settled(archive)[1][2:] == ("05-CT/TU", "site", None)


def test_shards_merged_settle_partials_as_one_archive_of_all_their_articles(tmp_path):
    from tuyengiao_crawler.archive.merge import merge_archives

    with Archive(tmp_path / "one.sqlite") as one:
        for article in SITE_ARTICLES:
            one.save_article(article)
        expected = settled(one)
    # The partial references and the full ones they take are in different shards.
    for name, articles in (("s1", SITE_ARTICLES[1::2]), ("s2", SITE_ARTICLES[0::2])):
        (tmp_path / name).mkdir()
        with Archive(tmp_path / name / "shard.sqlite") as shard:
            for article in articles:
                shard.save_article(article)
    for n, shards in enumerate((("s1", "s2"), ("s2", "s1"))):
        out = tmp_path / f"merged{n}.sqlite"
        merge_archives(out, [tmp_path / s / "shard.sqlite" for s in shards])
        merge_archives(out, [tmp_path / shards[0] / "shard.sqlite"])  # again: no change
        with Archive(out) as merged:
            assert settled(merged) == expected
