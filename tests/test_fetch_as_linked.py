"""The crawler requests a link exactly as the site wrote it; the canonical form only
de-duplicates and names the article.

On an ASP.NET-style portal (not the demo site's markup) that routes on the raw query
string, as many real ones do: `ChiTiet.aspx?ItemID=5&CategoryID=2` is the article,
the same parameters in another order are a 404. Before, the crawler requested its own
canonical form (query sorted) and archived 0 of its articles.
"""

import sqlite3
from pathlib import Path
from urllib.parse import parse_qsl

from testkit import rows, tuyengiao
from warcio.archiveiterator import ArchiveIterator

from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer

CATEGORIES = {1: "Tin hoạt động", 2: "Nghiên cứu - Trao đổi", 3: "Văn bản chỉ đạo"}
PER_CATEGORY = 10
PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title} - Cổng thông tin Ban Tuyên giáo</title>{meta}</head>
<body><form name="aspnetForm" method="post" action="{action}" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk">
<table id="ctl00_tblMenu" class="menu"><tr>{menu}</tr></table>
<div id="ctl00_PlaceHolderMain_pnContent">{content}</div>
<div class="footer">Bản quyền thuộc Ban Tuyên giáo Tỉnh ủy</div>
</form></body></html>"""


def article_link(item: int, category: int) -> str:
    return f"/Pages/ChiTiet.aspx?ItemID={item}&CategoryID={category}"


class OrderSensitivePortal:
    """Pages of the portal; a query whose parameters come in another order is unknown."""

    def __init__(self) -> None:
        self.items = {
            (c - 1) * PER_CATEGORY + i: c for c in CATEGORIES for i in range(1, PER_CATEGORY + 1)
        }

    def lookup(self, request: Request) -> Response | None:
        query = parse_qsl(request.query)
        if request.path == "/":
            return self._page("Trang chủ", "<p>Chào mừng</p>", "/")
        if request.path == "/Pages/DanhMuc.aspx" and [k for k, _ in query] == ["CategoryID"]:
            category = int(query[0][1])
            links = "".join(
                f'<tr><td class="tieude"><a href="{article_link(i, c)}">Bài viết số {i}'
                f" về công tác tuyên giáo cơ sở</a></td></tr>"
                for i, c in self.items.items()
                if c == category
            )
            return self._page(CATEGORIES[category], f'<table class="dsTin">{links}</table>', "#")
        if request.path == "/Pages/ChiTiet.aspx" and [k for k, _ in query] == [
            "ItemID",
            "CategoryID",
        ]:
            item, category = int(query[0][1]), int(query[1][1])
            if self.items.get(item) != category:
                return None
            return self._article(item, category)
        return None

    def not_found(self) -> Response:
        return Response(b"<html><body><h1>404</h1></body></html>", status=404)

    def _page(self, title: str, content: str, action: str, meta: str = "") -> Response:
        menu = "".join(
            f'<td><a href="/Pages/DanhMuc.aspx?CategoryID={c}">{name}</a></td>'
            for c, name in CATEGORIES.items()
        )
        html = PAGE.format(title=title, meta=meta, action=action, menu=menu, content=content)
        return Response(html.encode("utf-8"))

    def _article(self, item: int, category: int) -> Response:
        title = f"Bài viết số {item} về công tác tuyên giáo cơ sở"
        # Related links in another spelling: a fragment, and the same parameters
        # re-ordered (which this server would answer 404), after the true form.
        other = (item % (len(self.items))) + 1
        related = (
            f'<a href="{article_link(other, self.items[other])}#binhluan">{title}</a>'
            f' <a href="/Pages/ChiTiet.aspx?CategoryID={self.items[other]}&ItemID={other}">In</a>'
        )
        body = "".join(
            f"<p>Đoạn {n}: Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị quán triệt, triển khai"
            f" Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị tại huyện, thị xã.</p>"
            for n in range(1, 6)
        )
        content = (
            f'<h1 class="ArticleTitle">{title}</h1>'
            f'<span class="ArticleDate">Thứ Ba, 03/03/2020 - 09:{item:02d}</span>'
            f'<div class="ArticleContent">{body}<p><b>Phan Sỹ Thành</b></p></div>'
            f'<div class="TinKhac"><h3>Tin cùng chuyên mục</h3>{related}</div>'
        )
        meta = '<meta property="og:type" content="article">'
        page = self._page(title, content, article_link(item, category), meta)
        page.etag = f'"bai-{item}-v1"'
        return page


class PortalSite(BackgroundSite):
    def make_server(self, address):
        return SiteHTTPServer(address, OrderSensitivePortal())


def test_every_article_of_a_query_routed_portal_is_fetched_as_linked(tmp_path):
    db = tmp_path / "portal.sqlite"
    with PortalSite() as site:
        result = tuyengiao("crawl", "--start-url", site.url + "/", "--db", db)
        requested = [path for _, _, path in site.log()]
    assert result.returncode == 0, result.stdout + result.stderr
    total = len(CATEGORIES) * PER_CATEGORY
    archived = rows(db, "SELECT url, title FROM articles ORDER BY id")
    assert len(archived) == total
    # Articles are named by the canonical form (the query sorted) ...
    assert {a["url"] for a in archived} == {
        f"{site.url}/Pages/ChiTiet.aspx?CategoryID={c}&ItemID={i}"
        for i, c in OrderSensitivePortal().items.items()
    }
    # ... but every request was the link as written, each article fetched once, and no
    # re-ordered or fragment form was ever sent.
    articles = [p for p in requested if p.startswith("/Pages/ChiTiet.aspx")]
    assert len(articles) == len(set(articles)) == total
    assert all(p.startswith("/Pages/ChiTiet.aspx?ItemID=") for p in articles)
    fetched = rows(db, "SELECT url, status FROM fetches WHERE url LIKE '%ChiTiet%'")
    assert {f["status"] for f in fetched} == {200}
    assert all("?ItemID=" in f["url"] for f in fetched)
    # The WARC records the URL as linked (what replay tools look up).
    targets = set()
    for path in sorted(Path(tmp_path, "warc").glob("*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    targets.add(record.rec_headers.get_header("WARC-Target-URI"))
    assert {f"{site.url}{p}" for p in articles} <= targets
    assert not any("CategoryID=" in t.split("?")[1][:12] for t in targets if "ChiTiet" in t)


def test_an_incremental_run_asks_for_the_linked_form_only_if_changed(tmp_path):
    """The archive knows articles by canonical URL; the conditional request still goes to
    the URL as linked, and the 304 is recorded on the right article."""
    db = tmp_path / "portal.sqlite"
    with PortalSite() as site:
        first = tuyengiao("crawl", "--start-url", site.url + "/", "--db", db)
        assert first.returncode == 0, first.stderr
        again = tuyengiao("crawl", "--start-url", site.url + "/", "--db", db)
        assert again.returncode == 0, again.stderr
    conn = sqlite3.connect(db)
    mode, not_modified = conn.execute(
        "SELECT mode, not_modified FROM crawl_runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    conn.close()
    assert mode == "incremental"
    assert not_modified > 0
    touched = rows(
        db,
        "SELECT count(*) AS n FROM articles a JOIN fetches f ON f.id = a.fetch_id"
        " WHERE f.status = 304 AND f.url LIKE '%?ItemID=%'",
    )
    assert touched[0]["n"] == not_modified
