"""Merging shards whose workers saw one article at different times, before and after an
edit: the merged archive has the versions one process seeing every sighting in time
order would have, whatever order the shards are merged in, and merging again changes
nothing."""

import itertools

import pytest

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.archive.merge import merge_archives

URL = "http://127.0.0.1:1/tin/1.html"
ONE, TWO = "Nội dung một.", "Nội dung hai, đã sửa."


def day(n):
    return f"2020-01-{n:02d}T00:00:00+00:00"


def sightings(*pairs):
    """(body, day) pairs: what one worker saw of the article, in its order."""
    return [(body, day(n)) for body, n in pairs]


def save_all(path, seen):
    with Archive(path) as archive:
        for body, at in seen:
            item = {"site": "127.0.0.1", "url": URL, "title": "Tin", "body_text": body}
            archive.save_article(item, seen_at=at)


def timeline(path):
    with Archive(path) as archive:
        conn = archive.conn
        return (
            conn.execute(
                "SELECT body_text, first_seen_at, version_seen_at, last_seen_at FROM articles"
            ).fetchall(),
            conn.execute(
                "SELECT body_text, first_seen_at, last_seen_at, replaced_at FROM article_versions"
                " ORDER BY first_seen_at"
            ).fetchall(),
        )


CASES = {
    # both saw the first text; one of them also saw the edit
    "an old version seen by two workers": (sightings((ONE, 1), (TWO, 3)), sightings((ONE, 2))),
    # both saw the edit, one of them sooner
    "an edit seen sooner by one worker": (
        sightings((ONE, 1), (TWO, 3)),
        sightings((ONE, 1), (TWO, 2)),
    ),
    "never edited, seen first by the second worker": (sightings((ONE, 3)), sightings((ONE, 2))),
    "an edit taken back": (sightings((ONE, 1), (TWO, 2)), sightings((ONE, 3))),
    "the edit seen by both, its taking back by one": (
        sightings((ONE, 1), (TWO, 2), (ONE, 4)),
        sightings((TWO, 3)),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_merged_versions_are_one_process_s_in_any_order(tmp_path, case):
    first, second = CASES[case]
    save_all(tmp_path / "one.sqlite", sorted(first + second, key=lambda seen: seen[1]))
    expected = timeline(tmp_path / "one.sqlite")
    for name, seen in (("a", first), ("b", second)):
        (tmp_path / name).mkdir()
        save_all(tmp_path / name / "shard.sqlite", seen)
    for n, order in enumerate(itertools.permutations("ab")):
        out = tmp_path / f"merged{n}" / "archive.sqlite"
        shards = [tmp_path / name / "shard.sqlite" for name in order]
        merge_archives(out, shards)
        assert timeline(out) == expected, order
        merge_archives(out, shards)  # again: nothing changes
        assert timeline(out) == expected, order


def test_a_shard_of_more_articles_than_sqlite_takes_parameters_merges(tmp_path, monkeypatch):
    """SQLite takes a bounded number of "?" in one statement (32,766 in most builds, 250,000
    in this one's): the versions step asked about every article of the shard in one."""
    import sqlite3

    from tuyengiao_crawler.archive import merge

    class Bounded(Archive):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 700)

    (tmp_path / "a").mkdir()
    with Archive(tmp_path / "a" / "shard.sqlite") as archive, archive.batch():
        for n in range(1200):
            item = {"site": "127.0.0.1", "url": f"http://127.0.0.1:1/tin/{n}.html",
                    "title": f"Tin {n}", "body_text": f"Bài {n}."}  # fmt: skip
            archive.save_article(item, seen_at=day(1))
    monkeypatch.setattr(merge, "Archive", Bounded)
    result = merge_archives(
        tmp_path / "merged" / "archive.sqlite", [tmp_path / "a" / "shard.sqlite"]
    )
    assert result.articles["new"] == 1200
