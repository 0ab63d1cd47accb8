"""Traps that once starved the crawl (issue 13), on a hostile portal of our own (not the
demo site's markup): a session parameter with a new random value on every link, relative
links that grow paths on a soft-404 page, and both at once with 60 good articles.

Before: the session trap drew 146,000 fetches in 10 minutes and 2 of 60 articles were
archived; the growing path drew 20,000 fetches in 90 s.
"""

import json
import secrets
from urllib.parse import urlsplit

from testkit import rows, tuyengiao

from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer
from tuyengiao_crawler.extract.traps import TrapGuard, repeating_path

CATEGORIES = {"su-kien": "Sự kiện", "van-ban": "Văn bản"}
PER_CATEGORY = 30
PER_PAGE = 10
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Cổng TTĐT</title>
</head><body><table class="khung"><tr><td class="menu">{menu}</td></tr>
<tr><td class="noidung">{content}</td></tr>
<tr><td class="chan">Cổng thông tin điện tử Đảng bộ huyện. Lượt truy cập: {visits}</td></tr>
</table></body></html>"""
NOT_FOUND = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Không tìm thấy trang
</title></head><body><h2>Trang bạn yêu cầu không tồn tại</h2>
<p><a href="lien-ket/">Liên kết</a> <a href="cms/tin-tuc/">Tin tức</a></p></body></html>"""


class HostilePortal:
    def __init__(self) -> None:
        self.visits = 0
        self.articles = {
            f"/cms/tin-tuc/{slug}/bai-{c * 100 + n}.html": (
                f"Bài {c * 100 + n}: hội nghị quán triệt nghị quyết tại {name.lower()}"
            )
            for c, (slug, name) in enumerate(CATEGORIES.items(), 1)
            for n in range(1, PER_CATEGORY + 1)
        }

    def _menu(self) -> str:
        # The trap: two links whose session value is new on every page served.
        return (
            f'<a href="/?s={secrets.token_hex(16)}">Trang chủ</a> '
            f'<a href="/tin-moi.html?s={secrets.token_hex(16)}">Tin mới</a> '
            + " ".join(
                f'<a href="/cms/tin-tuc/{slug}/">{name}</a>' for slug, name in CATEGORIES.items()
            )
        )

    def _page(self, title: str, content: str) -> Response:
        self.visits += 1
        html = PAGE.format(title=title, menu=self._menu(), content=content, visits=self.visits)
        return Response(html.encode())

    def lookup(self, request: Request) -> Response | None:
        path = request.path
        if path in ("/", "/tin-moi.html"):
            newest = list(self.articles.items())[:5]
            teasers = "".join(f'<p><a href="{url}">{title}</a></p>' for url, title in newest)
            return self._page("Trang chủ", teasers)
        for slug, name in CATEGORIES.items():
            if path == f"/cms/tin-tuc/{slug}/":
                page = int(request.query.removeprefix("trang=") or 1) if request.query else 1
                mine = [(u, t) for u, t in self.articles.items() if f"/{slug}/" in u]
                shown = mine[(page - 1) * PER_PAGE : page * PER_PAGE]
                teasers = "".join(f'<p><a href="{u}">{t}</a> (14/03/2019)</p>' for u, t in shown)
                pager = " ".join(
                    f'<a href="?trang={n}">{n}</a>' for n in range(1, PER_CATEGORY // PER_PAGE + 1)
                )
                return self._page(name, f'{teasers}<div class="phantrang">{pager}</div>')
        if path in self.articles:
            title, slug = self.articles[path], path.split("/")[3]
            body = "".join(
                f"<p>Đoạn {n}: Sáng 14/3/2019, Ban Thường vụ Huyện ủy tổ chức hội nghị quán"
                " triệt, triển khai nghị quyết cho cán bộ chủ chốt của huyện.</p>"
                for n in range(5)
            )
            # A relative link written for the site's root, wrong on every article page.
            content = (
                f'<div class="tieude">{title}</div><div class="ngay">14/03/2019 09:40</div>'
                f'{body}<p><a href="tin-tuc/{slug}/">Tin tức</a> <a href="lien-ket/">Liên kết</a></p>'
            )
            return self._page(title, content)
        if path.startswith("/cms/"):
            return Response(NOT_FOUND.encode())  # a soft 404: 200, whatever the path
        return None

    def not_found(self) -> Response:
        return Response(b"<html><body>404</body></html>", status=404)


class Portal(BackgroundSite):
    def make_server(self, address):
        self.portal = HostilePortal()
        return SiteHTTPServer(address, self.portal)


def test_the_traps_neither_starve_the_crawl_nor_run_without_end(tmp_path):
    db = tmp_path / "a.sqlite"
    with Portal() as site:
        result = tuyengiao("crawl", "--start-url", site.url + "/", "--db", db, timeout=120)
        asked = [path for _, _, path in site.log()]
        articles = site.portal.articles
    assert result.returncode == 0, result.stdout + result.stderr
    archived = {r["title"] for r in rows(db, "SELECT title FROM articles")}
    assert archived == set(articles.values())
    # Each article once, each listing page once; the session links only until two of them
    # showed one page (those queued by then are still fetched: a bounded few).
    with_session = [p for p in asked if "?s=" in p]
    assert len(with_session) <= 30, with_session
    # The soft-404 page is fetched once where it is linked (once per category folder);
    # the links on it, which would grow the path, are not followed.
    soft = [p for p in asked if "/lien-ket/" in p]
    assert sorted(soft) == [f"/cms/tin-tuc/{slug}/lien-ket/" for slug in sorted(CATEGORIES)]
    assert not [p for p in asked if p.count("tin-tuc") > 1]
    # + robots.txt, the home page, 8 listing pages (page 1 twice: as linked and "?trang=1"),
    # the 2 soft 404s
    assert len(asked) <= len(articles) + 12 + len(with_session)
    (run,) = rows(db, "SELECT status, traps FROM crawl_runs")
    traps = json.loads(run["traps"])
    assert traps["session-parameter"]["count"] > 0
    assert traps["repeating-path"]["count"] >= len(CATEGORIES)
    assert all(repeating_path(urlsplit(url).path) for url in traps["repeating-path"]["examples"])
    failed = rows(db, "SELECT url, error FROM fetches WHERE error LIKE 'soft 404%'")
    assert failed and all("/lien-ket/" in f["url"] for f in failed)


def test_a_random_article_id_is_no_session_parameter():
    """Pages whose random-looking values show other texts are other pages."""
    guard = TrapGuard()
    for n in range(10):
        url = f"http://x.vn/news?id={secrets.token_hex(12)}"
        assert guard.dedupe_key(url) == url
        guard.observe(url, f"Bài viết số {'một hai ba'.split()[n % 3]} {n * 'x'}")
    assert guard.session == {}
    same = ["http://x.vn/?s=" + secrets.token_hex(16) for _ in range(2)]
    for url in same:
        guard.observe(url, "Trang chủ. Lượt truy cập: 1234")
    assert guard.session == {"x.vn": {"s"}}
    assert guard.dedupe_key(same[0] + "&trang=2") == "http://x.vn/?trang=2"


def test_repeating_paths():
    assert repeating_path("/cms/tin-tuc/su-kien/cms/tin-tuc/su-kien/")
    assert repeating_path("/a/a/a/")
    assert repeating_path("/" + "/".join(f"s{n}" for n in range(20)))
    assert not repeating_path("/tin-tuc/tin-tuc/bai-1.html")
    assert not repeating_path("/2020/03/2020-03-14-hoi-nghi/")
    assert not repeating_path("/web/guest/tin-tuc/-/asset_publisher/Ab3dEf/content/hoi-nghi")
