"""Every way of leaving a page goes through the one scope check (issue 13): a
<meta http-equiv=refresh> to another port of 127.0.0.1 was followed (the other server
saw requests), as Scrapy's offsite check knows domains, not ports."""

from testkit import rows, tuyengiao

from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><div id="noidung">{body}</div></body></html>"""

BODY = (
    "<h1>Hội nghị triển khai nhiệm vụ công tác tuyên giáo năm 2024</h1>"
    "<p>Ngày 12/01/2024, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác năm "
    "2023 và triển khai nhiệm vụ năm 2024, với sự tham dự của đại biểu các huyện.</p>"
    "<p>Hội nghị đã đánh giá kết quả đạt được, chỉ ra hạn chế và đề ra giải pháp nâng "
    "cao hiệu quả công tác tuyên truyền trong thời gian tới trên địa bàn toàn tỉnh.</p>"
    "<p>Phát biểu chỉ đạo, đồng chí Phó Bí thư Tỉnh ủy ghi nhận những cố gắng của đội ngũ "
    "làm công tác tuyên giáo các cấp trong việc nắm bắt tình hình tư tưởng cán bộ.</p>"
    "<p>Dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc trong năm 2023 được "
    "khen thưởng, động viên kịp thời, tạo khí thế thi đua sôi nổi trong toàn ngành.</p>"
)

TITLES = {
    "/tin/nam.html": "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ năm",
    "/tin/sau.html": "Ra mắt mô hình dân vận khéo ở thôn Đông",
    "/tin/tam.html": "Tổng kết công tác tuyên giáo năm 2023 của huyện",
}


class Pages:
    def __init__(self, other: str) -> None:
        self.other = other

    def lookup(self, request: Request) -> Response | None:
        if request.path == "/":
            links = (
                '<a href="/tin/mot.html">Bài một</a> <a href="/tin/hai.html">Bài hai</a>'
                ' <a href="/tin/bon.html">Bài bốn</a> <a href="/tin/sau.html">Bài sáu</a>'
                ' <a href="/khung/">Bản khung</a>'
            )
            return Response(PAGE.format(title="Trang chủ", head="", body=links).encode())
        if request.path == "/tin/bon.html":
            # A `Refresh` header and an empty page, in place of a redirect.
            return Response(b"", headers={"Refresh": "0; url=/tin/nam.html"})
        if request.path in ("/tin/nam.html", "/tin/tam.html"):
            title = TITLES[request.path]
            return Response(
                PAGE.format(title=title, head="", body=f"<h1>{title}</h1>{BODY}").encode()
            )
        if request.path == "/tin/sau.html":
            # An article whose `Refresh` header leads to another server.
            title = TITLES[request.path]
            body = PAGE.format(title=title, head="", body=f"<h1>{title}</h1>{BODY}").encode()
            return Response(body, headers={"Refresh": f"0; url={self.other}/bay3.html"})
        if request.path == "/khung/":
            # A framed portal: the menu frame links the articles; the other frame is elsewhere.
            frames = (
                '<html><head><meta charset="utf-8"><title>Cổng thông tin</title></head>'
                '<frameset cols="25%,75%"><frame src="/khung/menu.html">'
                f'<frame src="{self.other}/quang-cao.html"></frameset></html>'
            )
            return Response(frames.encode())
        if request.path == "/khung/menu.html":
            menu = '<html><body><a href="/tin/tam.html" target="main">Bài tám</a></body></html>'
            return Response(menu.encode())
        if request.path == "/tin/mot.html":
            # A refresh in the head to another server on this machine.
            head = f'<meta http-equiv="refresh" content="0; url={self.other}/bay.html">'
            return Response(PAGE.format(title="Bài một", head=head, body=BODY).encode())
        if request.path == "/tin/hai.html":
            return Response(status=302, body=b"", headers={"Location": f"{self.other}/bay2.html"})
        return None

    def not_found(self) -> Response:
        return Response(b"<html><body>404</body></html>", status=404)


class Other(BackgroundSite):
    def make_server(self, address):
        return SiteHTTPServer(address, Pages("http://127.0.0.1:9"))


class Site(BackgroundSite):
    def __init__(self, other: str) -> None:
        super().__init__()
        self.other = other

    def make_server(self, address):
        return SiteHTTPServer(address, Pages(self.other))


def test_no_refresh_or_redirect_leaves_the_crawls_scope(tmp_path):
    db = tmp_path / "a.sqlite"
    with Other() as other, Site(other.url) as site:
        result = tuyengiao("crawl", "--start-url", site.url + "/", "--db", db)
        seen_by_other = other.log()
        asked = [path for _, _, path in site.log()]
    assert result.returncode == 0, result.stderr
    assert "/tin/mot.html" in asked and "/tin/hai.html" in asked
    assert seen_by_other == []
    fetched = {r["url"] for r in rows(db, "SELECT url FROM fetches")}
    assert not any(url.startswith(other.url) for url in fetched)
    # The page whose refresh leads out of scope is read as it is, not lost with the refresh.
    # A `Refresh` header in scope is followed as a redirect is; frames are followed as
    # links are (before: neither, and what they lead to was never found).
    stored = rows(db, "SELECT url, title FROM articles ORDER BY url")
    assert [(r["url"].removeprefix(site.url), r["title"]) for r in stored] == [
        ("/tin/mot.html", "Hội nghị triển khai nhiệm vụ công tác tuyên giáo năm 2024"),
        *sorted(TITLES.items()),
    ]
