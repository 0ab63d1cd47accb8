"""Counts per publication month with every month in the range present (zeros filled in):
articles (by category or site), citations of documents, and authors' articles.

What `tuyengiao stats`, `stats --chart` and the browser's charts draw; a month with no
rows is a 0, not a gap, so a timeline drawn from these is true to the calendar.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from tuyengiao_crawler.errors import TuyengiaoError

CHARTS = ("articles", "citations", "authors")
GROUPINGS = ("category", "site")
OTHER = "khác · other"
# Articles dated to the month or finer (a date "2020" has no month).
_MONTH = "substr(published_at, 1, 7)"
_HAS_MONTH = "length(published_at) >= 7"


class TimelineError(TuyengiaoError):
    """A chart the archive cannot draw (unknown kind, unknown document); one line."""


@dataclass
class Timeline:
    """Counts per month: `series` maps a name to one count per month of `months`."""

    title: str
    months: list[str]
    series: dict[str, list[int]] = field(default_factory=dict)

    def totals(self) -> list[int]:
        """The count of every series together, per month."""
        return [sum(values) for values in zip(*self.series.values(), strict=True)] or [
            0 for _ in self.months
        ]


def next_month(month: str) -> str:
    """'2020-12' -> '2021-01'."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def month_range(first: str | None, last: str | None) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), both included; [] if either is None."""
    if not first or not last:
        return []
    months = [first]
    while months[-1] < last:
        months.append(next_month(months[-1]))
    return months


def fill_months(rows: list[dict], key: str = "month", value: str = "articles") -> list[dict]:
    """`rows` ordered by `key` (YYYY-MM) with a row of 0 for each missing month."""
    if not rows:
        return []
    found = {row[key]: row for row in rows}
    return [
        found.get(month, {key: month, value: 0})
        for month in month_range(rows[0][key], rows[-1][key])
    ]


def _timeline(title: str, rows: list[tuple[str, str, int]], top: int) -> Timeline:
    """(month, series, count) rows into a Timeline with the `top` series by total, the
    rest summed as OTHER."""
    totals: dict[str, int] = {}
    for _, name, count in rows:
        totals[name] = totals.get(name, 0) + count
    names = sorted(totals, key=lambda n: (-totals[n], n))
    kept = names[:top]
    months = month_range(
        min((r[0] for r in rows), default=None), max((r[0] for r in rows), default=None)
    )
    index = {month: i for i, month in enumerate(months)}
    series = {name: [0] * len(months) for name in kept}
    for month, name, count in rows:
        target = name if name in series else OTHER
        series.setdefault(target, [0] * len(months))[index[month]] += count
    return Timeline(title, months, series)


def articles_per_month(conn: sqlite3.Connection, by: str | None = None, top: int = 8) -> Timeline:
    """Articles per publication month, one series per category or site (`by`), or one."""
    if by is not None and by not in GROUPINGS:
        raise TimelineError(f"cannot group articles by {by!r}: use one of {', '.join(GROUPINGS)}")
    group = f"coalesce({by}, '(none)')" if by else "'articles'"
    rows = conn.execute(
        f"SELECT {_MONTH}, {group}, count(*) FROM articles WHERE {_HAS_MONTH}"
        " GROUP BY 1, 2 ORDER BY 1"
    ).fetchall()
    label = f" by {by}" if by else ""
    return _timeline(f"Bài viết theo tháng · Articles per month{label}", rows, top)


def find_document(conn: sqlite3.Connection, document: str) -> tuple[int, str]:
    """(id, key) of the document keyed, numbered or named `document` (case ignored); TimelineError
    if the archive has none."""
    row = conn.execute(
        "SELECT id, key FROM documents WHERE ? IN (key, canonical, named_key)"
        " OR upper(?) IN (upper(key), upper(canonical), upper(named_key))"
        " ORDER BY key = ? DESC LIMIT 1",
        (document, document, document),
    ).fetchone()
    if row is None:
        raise TimelineError(f"no document {document!r} is cited in this archive")
    return row[0], row[1]


def citations_per_month(
    conn: sqlite3.Connection, document: str | None = None, top: int = 8
) -> Timeline:
    """Mentions per publication month of one document (`document`, its key, number or
    name: 05-CT/TW, Nghị quyết Trung ương 4 khóa XII), or of the `top` most cited ones."""
    sql = (
        "SELECT substr(a.published_at, 1, 7), d.key, count(*) FROM article_documents ad"
        " JOIN documents d ON d.id = ad.document_id JOIN articles a ON a.id = ad.article_id"
        " WHERE length(a.published_at) >= 7 {where} GROUP BY 1, 2 ORDER BY 1"
    )
    if document:
        document_id, key = find_document(conn, document)
        rows = conn.execute(sql.format(where="AND d.id = ?"), (document_id,)).fetchall()
        return _timeline(f"Trích dẫn {key} theo tháng · Citations per month", rows, 1)
    rows = conn.execute(sql.format(where="")).fetchall()
    return _timeline("Trích dẫn văn bản theo tháng · Citations per month", rows, top)


def authors_per_month(conn: sqlite3.Connection, top: int = 8) -> Timeline:
    """Articles per publication month of the `top` most prolific authors (people, not
    organisations), the others together."""
    rows = conn.execute(
        "SELECT substr(a.published_at, 1, 7), au.name, count(*) FROM article_authors aa"
        " JOIN authors au ON au.id = aa.author_id JOIN articles a ON a.id = aa.article_id"
        " WHERE aa.role = 'author' AND length(a.published_at) >= 7 GROUP BY 1, au.id ORDER BY 1"
    ).fetchall()
    return _timeline("Tác giả theo tháng · Authors' articles per month", rows, top)


def timeline(
    conn: sqlite3.Connection, chart: str, by: str | None = None, document: str | None = None
) -> Timeline:
    """The Timeline of `chart` (one of CHARTS)."""
    if chart == "articles":
        return articles_per_month(conn, by)
    if chart == "citations":
        return citations_per_month(conn, document)
    if chart == "authors":
        return authors_per_month(conn)
    raise TimelineError(f"no chart {chart!r}: use one of {', '.join(CHARTS)}")
