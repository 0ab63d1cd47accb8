"""The extraction-quality monitor (issue 14, item 6): each run records, per site, how many
of the articles it archived have a title, a date, a time of day, a person author and a
document reference, and their body lengths; a field that vanishes from most articles
against the earlier runs makes the run `degraded` (exit 4) with a WARNING naming it.

On a small portal of our own (not the demo site's markup) whose template the test changes
between real crawls through the CLI: the changed pages get a new ETag, so an incremental
run reads them again instead of getting 304s.
"""

import json
import sqlite3

import pytest
from testkit import rows, tuyengiao

from tuyengiao_crawler.archive.coverage import CoverageCounter, find_drops
from tuyengiao_crawler.archive.schema import MIGRATIONS, SCHEMA_VERSION, statements
from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer

ARTICLES = 24
PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - Ban
Tuyên giáo Huyện ủy</title>{head}</head><body><div id="wrap"><div class="top-menu">
<a href="/">Trang chủ</a> <a href="/tin-hoat-dong/">Tin hoạt động</a></div>
<div class="main-col">{main}</div><div class="footer">Bản quyền thuộc Ban Tuyên giáo
Huyện ủy. Địa chỉ: số 1 đường Trần Hưng Đạo.</div></div></body></html>"""
# The CMS's JSON-LD has no date: once the date line is gone, the page is still an article
# (in generic mode a page with neither is no article at all, and is not archived).
JSON_LD = """<script type="application/ld+json">{{"@context": "https://schema.org",
"@type": "NewsArticle", "headline": "{title}"}}</script>"""
ARTICLE = """<div class="news-detail"><h1 class="news-title">{title}</h1>{date}
<div class="news-content">{body}</div>{byline}</div>"""
DATE = '<div class="news-date">Thứ Hai, {day:02d}/10/2024 {hour:02d}:15</div>'
BYLINE = '<p class="news-author"><strong>Nguyễn Văn {name}</strong></p>'
PARAGRAPH = (
    "<p>Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt, triển khai thực hiện Chỉ thị số "
    "05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong "
    "cách Hồ Chí Minh tới cán bộ, đảng viên trong toàn Đảng bộ huyện {n}.</p>"
)
NAMES = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long"]


def title(n: int) -> str:
    return f"Hội nghị quán triệt Chỉ thị 05 tại xã số {n}"


class Portal:
    """`undated`: articles served without their date line; `bylines`: whether articles
    are signed; `edition`: bumped to change every article's text and ETag (a site-wide
    edit, as a template change is)."""

    def __init__(self) -> None:
        self.undated: set[int] = set()
        self.bylines = True
        self.edition = 1

    def page(self, heading: str, main: str, etag: str | None = None, head: str = "") -> Response:
        html = PAGE.format(title=heading, main=main, head=head).encode()
        return Response(html, etag=etag)

    def lookup(self, request: Request) -> Response | None:
        if request.path in ("/", "/tin-hoat-dong/"):
            links = "".join(
                f'<li><a href="/tin-hoat-dong/bai-{n}.html">{title(n)}</a></li>'
                for n in range(1, ARTICLES + 1)
            )
            return self.page("Tin hoạt động", f'<ul class="news-list">{links}</ul>')
        for n in range(1, ARTICLES + 1):
            if request.path == f"/tin-hoat-dong/bai-{n}.html":
                dated = n not in self.undated
                body = PARAGRAPH.format(n=n) * 4
                if self.edition > 1:
                    body += f"<p>Bản cập nhật lần {self.edition}.</p>"
                main = ARTICLE.format(
                    title=title(n),
                    date=DATE.format(day=n % 28 + 1, hour=n % 12 + 7) if dated else "",
                    body=body,
                    byline=BYLINE.format(name=NAMES[n % len(NAMES)]) if self.bylines else "",
                )
                etag = f'"{n}-{self.edition}-{int(dated)}"'
                return self.page(title(n), main, etag, JSON_LD.format(title=title(n)))
        return None

    def not_found(self) -> Response:
        return Response(b"<html><body>404</body></html>", status=404)


class Site(BackgroundSite):
    def __init__(self) -> None:
        super().__init__()
        self.portal = Portal()

    def make_server(self, address):
        return SiteHTTPServer(address, self.portal)


# The test site is small: judge runs of 10 articles or more.
SETTINGS = ("-s", "TUYENGIAO_COVERAGE_MIN_ARTICLES=10")


def crawl(site, db):
    return tuyengiao("crawl", "--start-url", site.url + "/", "--db", db, *SETTINGS)


def coverage(db, run_id):
    (row,) = rows(db, "SELECT coverage FROM crawl_runs WHERE id = ?", run_id)
    return json.loads(row["coverage"]) if row["coverage"] else None


def test_dates_vanishing_from_the_template_make_the_run_degraded(tmp_path):
    db = tmp_path / "a.sqlite"
    with Site() as site:
        first = crawl(site, db)
        assert first.returncode == 0, first.stderr
        again = crawl(site, db)  # nothing changed: 304s, nothing to measure
        assert again.returncode == 0, again.stderr
        site.portal.undated = set(range(1, ARTICLES + 1))
        site.portal.edition = 2
        broken = crawl(site, db)
        site.portal.undated = set()
        site.portal.edition = 3
        after = crawl(site, db)
    runs = rows(db, "SELECT id, status, mode, articles_updated FROM crawl_runs ORDER BY id")
    assert [r["status"] for r in runs] == ["ok", "ok", "degraded", "ok"]
    site_key = next(iter(coverage(db, 1)))
    figures = coverage(db, 1)[site_key]
    assert figures["articles"] == ARTICLES
    assert figures["title"] == figures["published"] == figures["published_time"] == 1.0
    assert figures["author"] == 1.0 and figures["document"] == 1.0
    assert figures["body_chars"]["p10"] <= figures["body_chars"]["median"]
    assert figures["body_chars"]["median"] <= figures["body_chars"]["p90"]
    assert coverage(db, 2) is None  # 304s and unchanged articles are not counted

    assert broken.returncode == 4, broken.stderr
    assert runs[2]["mode"] == "incremental" and runs[2]["articles_updated"] == ARTICLES
    warnings = [line for line in broken.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 2  # no date, no time of day either
    (warning,) = [line for line in warnings if "published dates (published)" in line]
    assert site_key in warning
    assert f"{site.url}/tin-hoat-dong/bai-" in warning and "0% of 24" in warning
    assert "extraction degraded: published on" in broken.stderr
    bad = coverage(db, 3)[site_key]
    assert bad["published"] == 0.0 and bad["author"] == 1.0
    assert len(bad["missing"]["published"]) == 3
    assert {d["field"] for d in bad["drops"]} == {"published", "published_time"}

    # A degraded run ran to its end: the next one is incremental after it, and compares
    # with the median of the two runs that measured (100% and 0%), so dates back is ok.
    assert after.returncode == 0, after.stderr
    assert runs[3]["mode"] == "incremental"

    stats = tuyengiao("stats", "--db", db)
    assert stats.returncode == 0, stats.stderr
    assert "Extraction coverage" in stats.stdout
    assert "published, published_time" in stats.stdout
    data = json.loads(tuyengiao("stats", "--db", db, "--json").stdout)
    assert [(r["run"], r["published"]) for r in data["coverage"]] == [(4, 100), (3, 0), (1, 100)]


def test_bylines_vanishing_make_the_run_degraded_too(tmp_path):
    db = tmp_path / "a.sqlite"
    with Site() as site:
        first = crawl(site, db)
        site.portal.bylines = False
        site.portal.edition = 2
        second = crawl(site, db)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 4, second.stderr
    (warning,) = [line for line in second.stderr.splitlines() if "WARNING" in line]
    assert "person authors (author) in 0% of 24" in warning and "127.0.0.1" in warning
    (run,) = rows(db, "SELECT status, coverage FROM crawl_runs WHERE id = 2")
    assert run["status"] == "degraded"
    (figures,) = json.loads(run["coverage"]).values()
    assert figures["published"] == 1.0 and [d["field"] for d in figures["drops"]] == ["author"]


def test_a_small_fluctuation_stays_ok(tmp_path):
    db = tmp_path / "a.sqlite"
    with Site() as site:
        first = crawl(site, db)
        site.portal.undated = {3, 17}  # 2 of 24 articles lose their date: 8 points
        site.portal.edition = 2
        second = crawl(site, db)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "WARNING" not in second.stderr
    (run,) = rows(db, "SELECT status, coverage FROM crawl_runs WHERE id = 2")
    assert run["status"] == "ok"
    (figures,) = json.loads(run["coverage"]).values()
    assert figures["articles"] == ARTICLES and round(figures["published"], 3) == 0.917
    assert "drops" not in figures


def record(site="s", url="http://s/1", published="2024-10-01T08:00", author=True):
    return {
        "site": site,
        "url": url,
        "title": "T",
        "published_at": published,
        "authors": [{"name": "A", "role": "author"}] if author else [],
        "documents": [],
        "body_text": "x" * 100,
    }


def summary(records):
    counter = CoverageCounter()
    for item in records:
        counter.add(item)
    return counter.summary()


@pytest.mark.parametrize(
    ("now", "before", "dropped"),
    [
        (0.10, [0.98, 0.97, 0.99], True),
        (0.80, [0.98, 0.97, 0.99], False),  # 18 points: a fluctuation
        (0.10, [0.10, 0.98], True),  # median of 0.10 and 0.98: 0.54
        (0.10, [0.10, 0.10, 0.98], False),  # a lasting change is the new baseline
    ],
)
def test_the_rule(now, before, dropped):
    def run(share, articles=40):
        dated = round(share * articles)
        return summary(
            record(url=f"http://s/{i}", published="2024-10-01" if i < dated else None)
            for i in range(articles)
        )

    drops = find_drops(run(now), [run(b) for b in before])
    assert bool([d for d in drops if d.field == "published"]) == dropped


def test_too_few_articles_are_never_judged():
    few = summary(record(url=f"http://s/{i}", published=None) for i in range(19))
    many = summary(record(url=f"http://s/{i}") for i in range(40))
    assert find_drops(few, [many]) == []
    assert find_drops(many, [few]) == []  # no earlier run with enough articles
    assert find_drops(
        summary(record(url=f"http://s/{i}", published=None) for i in range(20)), [many]
    )


def test_an_archive_of_schema_8_is_read_as_it_is_and_migrated_by_a_crawl(tmp_path):
    db = tmp_path / "v8.sqlite"
    conn = sqlite3.connect(db)
    for version, script in enumerate(MIGRATIONS[:8], 1):
        for statement in statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(
        "INSERT INTO crawl_runs (started_at, finished_at, status, start_urls, finish_reason)"
        " VALUES ('2024-01-01T00:00:00+00:00', '2024-01-01T00:10:00+00:00', 'ok', '[]',"
        " 'finished')"
    )
    conn.commit()
    conn.close()
    stats = tuyengiao("stats", "--db", db, "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["coverage"] == []
    assert rows(db, "PRAGMA user_version")[0]["user_version"] == 8  # read-only: not migrated
    with Site() as site:
        result = crawl(site, db)
    assert result.returncode == 0, result.stderr
    assert rows(db, "PRAGMA user_version")[0]["user_version"] == SCHEMA_VERSION
    runs = rows(db, "SELECT status, coverage FROM crawl_runs ORDER BY id")
    assert runs[0]["coverage"] is None and runs[1]["status"] == "ok"
    assert json.loads(runs[1]["coverage"])["127.0.0.1"]["articles"] == ARTICLES


@pytest.mark.parametrize(
    "setting",
    [
        "TUYENGIAO_COVERAGE_DROP=150",
        "TUYENGIAO_COVERAGE_RUNS=0",
        "TUYENGIAO_COVERAGE_MIN_ARTICLES=some",
    ],
)
def test_the_thresholds_are_checked_before_the_crawl(tmp_path, setting):
    db = tmp_path / "a.sqlite"
    result = tuyengiao("crawl", "--start-url", "http://127.0.0.1:1/", "--db", db, "-s", setting)
    assert result.returncode == 1
    assert setting.partition("=")[0] in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()
