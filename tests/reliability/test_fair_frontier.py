"""The frontier is breadth-first (issue 13): a trap that mints new distinct pages without
end (a faceted filter, two new links on every page, each URL new) cannot starve the rest
of the site, even when it is the last link on the home page, the one a depth-first
(last in, first out) queue takes first. Its own markup (a plain PHP portal with a
`?loc=` filter tree), one request at a time so the order is the queue's alone."""

from testkit import rows, tuyengiao

from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer

CATEGORIES = ["thoi-su", "xay-dung-dang", "van-hoa", "kinh-te", "quoc-phong"]
PER_CATEGORY = 6
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div id="wrapper"><div id="left">{nav}</div><div id="main">{main}</div></div></body></html>"""
PARAGRAPH = (
    "<p>Thực hiện kế hoạch của Ban Thường vụ Huyện ủy, các chi bộ trực thuộc đã tổ chức "
    "sinh hoạt chuyên đề, thảo luận sôi nổi về giải pháp nâng cao chất lượng đảng viên.</p>"
)


def article(cat: int, n: int) -> tuple[str, str]:
    return f"/{CATEGORIES[cat]}/bai-{cat * 100 + n}.php", f"Bài {cat * 100 + n} chuyên mục {cat}"


class Portal:
    def lookup(self, request: Request) -> Response | None:
        path = request.path
        if path == "/":
            nav = "".join(f'<p><a href="/{c}/">{c}</a></p>' for c in CATEGORIES)
            # The trap's entry, last on the page.
            nav += '<p><a href="/loc.php?loc=1">Lọc tin theo chủ đề</a></p>'
            return self.page("Trang chủ", nav, "")
        if path == "/loc.php":
            n = int(request.query.split("=")[1])
            links = f'<a href="/loc.php?loc={2 * n}">Lọc A</a> <a href="/loc.php?loc={2 * n + 1}">Lọc B</a>'
            return self.page(f"Lọc tin {n}", links, f"<p>Bộ lọc số {n}.</p>")
        for cat, name in enumerate(CATEGORIES):
            if path == f"/{name}/":
                items = "".join(
                    f'<li><a href="{article(cat, n)[0]}">{article(cat, n)[1]}</a></li>'
                    for n in range(1, PER_CATEGORY + 1)
                )
                return self.page(name, "", f"<ul class='list-news'>{items}</ul>")
            for n in range(1, PER_CATEGORY + 1):
                url, title = article(cat, n)
                if path == url:
                    main = f"<h1>{title}</h1><p><i>Ngày 0{cat + 1}/03/2024</i></p>{PARAGRAPH * 4}"
                    return self.page(title, "", main)
        return None

    def page(self, title: str, nav: str, main: str) -> Response:
        return Response(PAGE.format(title=title, nav=nav, main=main).encode())

    def not_found(self) -> Response:
        return Response(b"<html><body>404</body></html>", status=404)


class Site(BackgroundSite):
    def make_server(self, address):
        return SiteHTTPServer(address, Portal())


def test_a_trap_of_new_pages_cannot_starve_the_site(tmp_path):
    db = tmp_path / "a.sqlite"
    with Site() as site:
        result = tuyengiao(
            "crawl", "--start-url", site.url + "/", "--db", db, "--max-pages", "80",
            "-s", "CONCURRENT_REQUESTS=1",
        )  # fmt: skip
        asked = [path for _, _, path in site.log()]
    assert result.returncode == 0, result.stderr
    archived = {r["title"] for r in rows(db, "SELECT title FROM articles")}
    expected = {
        article(c, n)[1] for c in range(len(CATEGORIES)) for n in range(1, PER_CATEGORY + 1)
    }
    assert archived == expected
    # Breadth-first: every article (depth 2) was asked for before any filter page of depth 4.
    deep = [
        i
        for i, p in enumerate(asked)
        if p.startswith("/loc.php?loc=") and int(p.split("=")[1]) >= 4
    ]
    last_article = max(i for i, p in enumerate(asked) if "/bai-" in p)
    assert deep and last_article < deep[0]
