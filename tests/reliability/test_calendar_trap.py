"""A calendar that links the day before and the day after for any day, as many portals'
archive modules do (issue 13): walked only while its days show articles not seen before,
never into days after tomorrow. Its own markup (a Joomla-style archive module), dates
relative to today so that the future is always near.

Before: each direction walked until DEPTH_LIMIT (50 days past the last news), days to come
included; on the corpus's in-house PHP site, 109 of 199 requests were calendar days.
"""

import datetime as dt
import json
from urllib.parse import parse_qs

from testkit import rows, tuyengiao

from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer
from tuyengiao_crawler.extract.traps import TrapGuard, url_date

TODAY = dt.datetime.now(dt.UTC).date()
# News every other day from 16 to 4 days ago; the last four on the home page, the others
# only on their day's archive page: the calendar is the only way to them. (The walk back
# from yesterday must pass the oldest news and 30 days without any before DEPTH_LIMIT, 50.)
NEWS_DAYS = [TODAY - dt.timedelta(days=d) for d in range(16, 2, -2)]
PAGE = """<!DOCTYPE html><html lang="vi-vn"><head><meta charset="utf-8">
<title>{title} - Đảng bộ xã</title></head><body class="site com_content">
<div class="container"><nav class="navigation"><ul class="nav menu"><li><a href="/">Trang chủ</a>
</li></ul></nav><main id="content" role="main">{main}</main>
<aside class="sidebar"><div class="moduletable archive"><h3>Lưu trữ tin</h3>
<a href="/index.php?option=com_content&view=archive&ngay={yesterday}">Hôm qua</a></div></aside>
</div></body></html>"""
ARTICLE = """<div class="item-page"><div class="page-header"><h2 itemprop="headline">{title}</h2>
</div><dl class="article-info"><dd class="published"><time datetime="{day}T08:00:00+07:00">
Ngày {d}/{m}/{y}</time></dd></dl><div itemprop="articleBody">{body}</div></div>"""
PARAGRAPH = (
    "<p>Ngày {d}/{m}, Đảng ủy xã tổ chức hội nghị sơ kết công tác xây dựng Đảng, đánh giá "
    "kết quả lãnh đạo thực hiện nhiệm vụ chính trị của địa phương trong thời gian qua.</p>"
)


def article_path(day: dt.date) -> str:
    return f"/tin-tuc/{day.isoformat()}-hoi-nghi-so-ket.html"


def title(day: dt.date) -> str:
    return f"Hội nghị sơ kết công tác xây dựng Đảng ngày {day.day}/{day.month}"


def day_url(day: dt.date) -> str:
    return f"/index.php?option=com_content&view=archive&ngay={day.isoformat()}"


class Calendar:
    def page(self, heading: str, main: str) -> Response:
        yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
        return Response(PAGE.format(title=heading, main=main, yesterday=yesterday).encode())

    def links(self, days) -> str:
        return "".join(f'<li><a href="{article_path(d)}">{title(d)}</a></li>' for d in days)

    def lookup(self, request: Request) -> Response | None:
        if request.path == "/":
            main = f'<ul class="category-module">{self.links(NEWS_DAYS[-4:])}</ul>'
            return self.page("Trang chủ", main)
        for day in NEWS_DAYS:
            if request.path == article_path(day):
                body = PARAGRAPH.format(d=day.day, m=day.month) * 5
                main = ARTICLE.format(
                    title=title(day), day=day, d=day.day, m=day.month, y=day.year, body=body
                )
                return self.page(title(day), main)
        if request.path == "/index.php" and "ngay" in parse_qs(request.query):
            day = dt.date.fromisoformat(parse_qs(request.query)["ngay"][0])
            news = self.links([day]) if day in NEWS_DAYS else "<li>Không có tin</li>"
            step = dt.timedelta(days=1)
            main = (
                f'<h2>Tin ngày {day.day}/{day.month}/{day.year}</h2><ul class="archive-items">'
                f'{news}</ul><div class="pagination"><a href="{day_url(day - step)}">« Ngày trước'
                f'</a> <a href="{day_url(day + step)}">Ngày sau »</a></div>'
            )
            return self.page(f"Lưu trữ {day.isoformat()}", main)
        return None

    def not_found(self) -> Response:
        return Response(b"<html><body>404</body></html>", status=404)


class Site(BackgroundSite):
    def make_server(self, address):
        return SiteHTTPServer(address, Calendar())


def test_a_calendar_is_walked_while_it_shows_news_and_never_into_the_future(tmp_path):
    db = tmp_path / "a.sqlite"
    with Site() as site:
        result = tuyengiao("crawl", "--start-url", site.url + "/", "--db", db)
        asked = [path for _, _, path in site.log()]
    assert result.returncode == 0, result.stderr
    archived = {r["title"] for r in rows(db, "SELECT title FROM articles")}
    assert archived == {title(day) for day in NEWS_DAYS}
    days = sorted({url_date(p) for p in asked if "view=archive" in p})
    # From yesterday back to the oldest news, then 30 days without news; to tomorrow at most.
    assert days[-1] <= TODAY + dt.timedelta(days=1)
    assert days[0] >= NEWS_DAYS[0] - dt.timedelta(days=31)
    assert len(days) <= (TODAY + dt.timedelta(days=1) - NEWS_DAYS[0]).days + 31
    traps = json.loads(rows(db, "SELECT traps FROM crawl_runs")[0]["traps"])
    assert traps["calendar"]["count"] >= 1 and traps["future-date"]["count"] >= 1


def test_url_dates_and_the_barren_count():
    assert url_date("http://a/lich?ngay=2019-03-14&p=2") == dt.date(2019, 3, 14)
    assert url_date("http://a/2024/03/14/bai-viet/") == dt.date(2024, 3, 14)
    assert url_date("http://a/?date=14.03.2019") == dt.date(2019, 3, 14)
    # A date among a slug's words is a title's, not the page's day.
    assert url_date("http://a/tin/ke-hoach-den-31-12-2030.html") is None
    assert url_date("http://a/2024/13/40/") is None
    guard = TrapGuard(barren_days=3, today=dt.date(2024, 1, 1))
    assert guard.dedupe_key("http://a/?ngay=2024-01-02") == "http://a/?ngay=2024-01-02"
    assert guard.dedupe_key("http://a/?ngay=2024-01-03") is None
    assert [
        guard.calendar_walks_on("cal", f"http://a/?ngay=2023-12-{d}", False) for d in (31, 30)
    ] == [True, True]
    assert guard.calendar_walks_on("cal", "http://a/?ngay=2023-12-29", True)  # news: count again
    walks = [
        guard.calendar_walks_on("cal", f"http://a/?ngay=2023-12-{d}", False) for d in (28, 27, 26)
    ]
    assert walks == [True, True, False]
    assert guard.calendar_walks_on("cal", "http://a/tin-tuc/trang-9.html", False)  # no day
