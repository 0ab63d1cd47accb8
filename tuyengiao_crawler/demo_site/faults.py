"""A fault-injection site on 127.0.0.1: pages that hang, drip, fail, reset, lie about their
length or charset, loop, never end, or are no page at all, mixed with good articles.

Usage::

    with FaultSite(mixed_site()) as site:
        ...crawl site.url + "/" ...
        site.hits("/loi/500.html")      # how often the crawler asked

Each path (or "/prefix/*") maps to a `Fault`, or to a function of the path and query
that returns one; `times=N` makes a fault transient (the first N requests fail,
later ones get the page). `python -m tuyengiao_crawler.demo_site.faults --port 8002`
serves the mixed site for trying the crawler by hand (`tuyengiao crawl --site demo
--start-url http://127.0.0.1:8002/`). Never binds anything but 127.0.0.1 unless told to.
"""

from __future__ import annotations

import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from tuyengiao_crawler.demo_site import render
from tuyengiao_crawler.demo_site.serving import (
    BackgroundSite,
    LocalServer,
    QuietHandler,
    serve_until_interrupted,
)
from tuyengiao_crawler.normalize.encoding import encode_cp1258, encode_tcvn3, encode_vni

KINDS = (
    "ok",  # the page, as given
    "hang",  # accept, then say nothing for `delay` seconds
    "drip",  # the page a few bytes at a time, `delay` seconds between chunks
    "status",  # `status` (500, 502, 503, 429...) with an optional Retry-After
    "reset",  # a TCP reset instead of an answer
    "truncate",  # Content-Length twice the body, half the body, then close
    "redirect",  # `status` 302 to `location` ("{n}" is replaced by a counter)
    "huge",  # a body of `size` bytes, declared in Content-Length or not (`chunked=False`)
    "empty",  # 200 with an empty body
)


@dataclass
class Fault:
    kind: str = "ok"
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    retry_after: str | None = None
    location: str = ""
    delay: float = 0.0
    size: int = 0
    declare_length: bool = True
    # Fail only the first `times` requests, then serve `body` as "ok"; None: always.
    times: int | None = None
    headers: dict[str, str] = field(default_factory=dict)


Route = Fault | Callable[[str, dict[str, list[str]]], Fault]


class _Server(LocalServer):
    def __init__(self, address: tuple[str, int], routes: dict[str, Route]) -> None:
        super().__init__(address, _Handler)
        self.routes = routes


class _Handler(QuietHandler):
    server: _Server
    server_version = "FaultSite/1.0"
    timeout = 60

    def do_GET(self) -> None:
        seen = self.server.record(self.command, self.path)
        parts = urlsplit(self.path)
        route = self.server.routes.get(parts.path)
        if route is None:  # "/prefix/*" routes answer every path under the prefix
            route = next(
                (
                    r
                    for k, r in self.server.routes.items()
                    if k.endswith("*") and parts.path.startswith(k[:-1])
                ),
                None,
            )
        if route is None:
            self._plain(404, b"<html><body><h1>404</h1></body></html>")
            return
        fault = route(parts.path, parse_qs(parts.query)) if callable(route) else route
        if fault.times is not None and seen >= fault.times:
            fault = Fault("ok", fault.body, fault.content_type)
        getattr(self, "_" + fault.kind)(fault, seen)

    # kinds

    def _head(self, status: int, fault: Fault, length: int | None) -> None:
        self.send_response(status)
        if fault.content_type:
            self.send_header("Content-Type", fault.content_type)
        for name, value in fault.headers.items():
            self.send_header(name, value)
        if length is not None:
            self.send_header("Content-Length", str(length))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()

    def _plain(self, status: int, body: bytes) -> None:
        self._head(status, Fault(content_type="text/html; charset=utf-8"), len(body))
        self.wfile.write(body)

    def _ok(self, fault: Fault, seen: int) -> None:
        self._head(fault.status or 200, fault, len(fault.body))
        self.wfile.write(fault.body)

    def _empty(self, fault: Fault, seen: int) -> None:
        self._head(200, fault, 0)

    def _hang(self, fault: Fault, seen: int) -> None:
        self.server.stopping.wait(fault.delay or 60)
        self.close_connection = True

    def _drip(self, fault: Fault, seen: int) -> None:
        self._head(200, fault, len(fault.body))
        step = max(1, len(fault.body) // 20)
        for start in range(0, len(fault.body), step):
            self.wfile.write(fault.body[start : start + step])
            self.wfile.flush()
            if self.server.stopping.wait(fault.delay):
                return

    def _status(self, fault: Fault, seen: int) -> None:
        body = f"<html><body><h1>{fault.status}</h1></body></html>".encode()
        self.send_response(fault.status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if fault.retry_after is not None:
            self.send_header("Retry-After", fault.retry_after)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _reset(self, fault: Fault, seen: int) -> None:
        # SO_LINGER with a zero timeout: close() sends RST, not FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def _truncate(self, fault: Fault, seen: int) -> None:
        self._head(200, fault, 2 * len(fault.body))
        self.wfile.write(fault.body[: len(fault.body) // 2])
        self.wfile.flush()
        self.close_connection = True

    def _redirect(self, fault: Fault, seen: int) -> None:
        self.send_response(fault.status if fault.status != 200 else 302)
        self.send_header("Location", fault.location.replace("{n}", str(seen + 1)))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _huge(self, fault: Fault, seen: int) -> None:
        self._head(200, fault, fault.size if fault.declare_length else None)
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        sent = 0
        try:
            while sent < fault.size and not self.server.stopping.is_set():
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass  # the client gave up, as it should
        self.close_connection = True


class FaultSite(BackgroundSite):
    """Context manager serving `routes` on 127.0.0.1 in a background thread.

    `url` is "http://127.0.0.1:PORT"; `requests` lists (monotonic time, method, raw path),
    also after the site stopped;
    `hits(path)` counts requests for a path (query ignored); `times(path)` lists when.
    """

    def __init__(self, routes: dict[str, Route], port: int = 0, host: str = "127.0.0.1") -> None:
        super().__init__(port, host)
        self.routes = routes

    def make_server(self, address: tuple[str, int]) -> _Server:
        return _Server(address, self.routes)

    @property
    def requests(self) -> list[tuple[float, str, str]]:
        """Every request so far (kept after the site stops)."""
        return self.log()


# The mixed site: good articles (some broken in transit or in encoding) among faults.

ARTICLE_DATE = "15/03/2021 08:30"
# The articles' pages have a menu with the home page only: no banner, no footer.
ARTICLE_FRAME = render.Frame(render.menu([("/", "Trang chủ")]))


@dataclass(frozen=True)
class GoodArticle:
    """An article the crawl must archive: its text as it should read, the fault it
    meets on the way, and the `quality` the archive should give it."""

    path: str
    title: str
    fault: str
    quality: str | None = None


PARAGRAPHS = (
    "Sáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt Nghị quyết của Đảng cho "
    "cán bộ chủ chốt toàn tỉnh, với sự tham dự của các đồng chí lãnh đạo.",
    "Hội nghị đã nghe báo cáo tình hình thực hiện nhiệm vụ chính trị trong quý đầu năm và "
    "thảo luận các giải pháp nâng cao chất lượng sinh hoạt chi bộ ở cơ sở.",
    "Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy đề nghị các cấp ủy tiếp tục đổi mới công "
    "tác tuyên truyền, bám sát thực tiễn và lắng nghe ý kiến của nhân dân.",
)


def article_html(
    title: str,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    charset: str | None = "utf-8",
    head: str = "",
    malformed: bool = False,
) -> str:
    """An article page in the demo profile's markup (`--site demo` reads it); `charset`
    None: no <meta charset>; `malformed`: broken markup around the same parts."""
    if malformed:
        meta = f'<meta charset="{charset}">' if charset else ""
        # Unclosed and mis-nested tags, unquoted attributes, a stray end tag, an
        # unclosed table, no </head>, </body> or </html>.
        body = "".join(f"<p>{p}<b>" for p in paragraphs) + "</i></div></span>"
        return (
            f"<html><head>{meta}<title>{title}</title>{head}<body><div class=breadcrumb>"
            '<a href="/">Trang chủ</a> › <a href="/">Tin tức</a>'
            f'<div class="article-detail"><h1 class="article-title">{title}</h1>'
            f'<span class="article-date">{ARTICLE_DATE}</span><table><tr><td>'
            f'<div class="article-content">{body}<p class="author">Minh Anh'
        )
    blocks = [f"<p>{render.esc(p)}</p>" for p in paragraphs]
    content = render.article(
        [("/", "Trang chủ"), ("/", "Tin tức")],
        title,
        render.article_meta(ARTICLE_DATE),
        None,
        blocks + render.bylines(["Minh Anh"], strong=False),
        related=None,
    )
    return ARTICLE_FRAME.page(title, content, head=head, charset=charset)


def _html(status_line: str, links: list[str], extra: str = "") -> bytes:
    items = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    content = f"<h1>{render.esc(status_line)}</h1><ul>{items}</ul>{extra}"
    return render.Frame().page(status_line, content).encode()


def trap_page(path: str, query: dict[str, list[str]]) -> Fault:
    """/trap/trang-N.html: a category whose pager never ends."""
    number = int("".join(c for c in path.rsplit("-", 1)[-1] if c.isdigit()) or 1)
    pager = " ".join(f'<a href="/trap/trang-{n}.html">{n}</a>' for n in (number + 1, number + 2))
    extra = (
        f'<div class="pagination">{pager} <a class="next" href="/trap/trang-{number + 1}.html">'
        "Trang sau »</a></div>"
    )
    return Fault(body=_html(f"Trang {number}", [], extra))


def calendar_page(path: str, query: dict[str, list[str]]) -> Fault:
    """/lich?ngay=YYYY-MM-DD: a calendar with a day before and a day after, for ever."""
    try:
        day = date.fromisoformat(query.get("ngay", ["2021-03-15"])[0])
    except ValueError:
        day = date(2021, 3, 15)
    links = [f"/lich?ngay={day - timedelta(days=1)}", f"/lich?ngay={day + timedelta(days=1)}"]
    return Fault(body=_html(f"Lịch {day}", links))


def _tcvn3_page(title: str) -> bytes:
    head = "<style>body { font-family: .VnTime, serif }</style>"
    html = article_html(title, charset="windows-1252", head=head)
    return encode_tcvn3(html)


def mixed_site(outside: str | None = None) -> tuple[dict[str, Route], list[GoodArticle]]:
    """The routes of a site mixing every fault with good articles, and the articles a
    crawl must archive. `outside` is the base URL of another server (another port on
    127.0.0.1) the home page links and redirects to: a crawl must never go there."""
    good = [
        GoodArticle("/tin/bai-thuong.html", "Hội nghị quán triệt Nghị quyết của Đảng", "none"),
        GoodArticle("/tin/html-hong.html", "Trang HTML lỗi thẻ vẫn đọc được", "malformed HTML"),
        GoodArticle(
            "/tin/cp1258-khai-bao.html", "Trang mã Windows-1258 khai báo đúng", "Windows-1258"
        ),
        GoodArticle(
            "/tin/cp1258-khong-khai-bao.html",
            "Trang mã Windows-1258 không khai báo",
            "Windows-1258, no charset",  # Scrapy's guess (charset_normalizer) gets it
        ),
        GoodArticle(
            "/tin/utf8-nhung-1258.html",
            "Trang khai báo UTF-8 nhưng gửi Windows-1258",
            "declared UTF-8, sent in Windows-1258",
            "repaired:cp1258",
        ),
        GoodArticle(
            "/tin/1258-nhung-utf8.html",
            "Trang khai báo Windows-1258 nhưng gửi UTF-8",
            "declared Windows-1258, sent in UTF-8",
            "repaired:utf-8",
        ),
        GoodArticle("/tin/bom.html", "Trang UTF-8 có BOM", "UTF-8 with BOM, header says 1252"),
        GoodArticle(
            "/tin/tcvn3.html",
            "Bài viết cũ bằng phông chữ TCVN3 của Đảng bộ tỉnh",
            "TCVN3 (ABC) bytes, .VnTime font",
            "repaired:tcvn3",
        ),
        GoodArticle(
            "/tin/vni.html",
            "Bài viết cũ bằng phông chữ VNI của Đảng bộ tỉnh",
            "VNI bytes, no font named",
            "repaired:vni",
        ),
        GoodArticle(
            "/tin/utf8-kep.html",
            "Bài bị mã hóa UTF-8 hai lần trong hệ thống",
            "UTF-8 encoded twice by the CMS",
            "repaired:utf8-double",
        ),
        GoodArticle(
            "/tin/mat-chu.html",
            "Bài đã mất chữ từ nguồn",
            "U+FFFD already in the source",
            "suspect:replacement-characters",
        ),
        GoodArticle("/tin/cham.html", "Trang gửi chậm từng đoạn", "slow drip"),
        GoodArticle("/tin/503-roi-duoc.html", "Lỗi 503 một lần rồi được", "503 once"),
        GoodArticle("/tin/429-roi-duoc.html", "Lỗi 429 một lần rồi được", "429 once"),
        GoodArticle("/tin/reset-roi-duoc.html", "Ngắt kết nối một lần rồi được", "reset once"),
        GoodArticle("/tin/cut-roi-duoc.html", "Trang bị cắt một lần rồi được", "truncated once"),
        GoodArticle("/tin/treo-roi-duoc.html", "Treo một lần rồi được", "hang once"),
    ]
    html = {a.path: article_html(a.title) for a in good}
    lost = tuple(p.replace("quán triệt", "qu\ufffd\ufffdn tri\ufffdt") for p in PARAGRAPHS)
    routes: dict[str, Route] = {
        "/robots.txt": Fault(body=b"User-agent: *\nDisallow: /admin/\n", content_type="text/plain"),
        "/tin/bai-thuong.html": Fault(body=html["/tin/bai-thuong.html"].encode()),
        "/tin/html-hong.html": Fault(
            body=article_html(good[1].title, malformed=True).encode("utf-8")
        ),
        "/tin/cp1258-khai-bao.html": Fault(
            body=encode_cp1258(article_html(good[2].title, charset="windows-1258")),
            content_type="text/html; charset=windows-1258",
        ),
        "/tin/cp1258-khong-khai-bao.html": Fault(
            body=encode_cp1258(article_html(good[3].title, charset=None)),
            content_type="text/html",
        ),
        "/tin/utf8-nhung-1258.html": Fault(
            body=encode_cp1258(article_html(good[4].title, charset="utf-8")),
            content_type="text/html; charset=utf-8",
        ),
        "/tin/1258-nhung-utf8.html": Fault(
            body=article_html(good[5].title, charset="windows-1258").encode("utf-8"),
            content_type="text/html; charset=windows-1258",
        ),
        "/tin/bom.html": Fault(
            body=b"\xef\xbb\xbf" + article_html(good[6].title, charset=None).encode("utf-8"),
            content_type="text/html; charset=windows-1252",
        ),
        "/tin/tcvn3.html": Fault(
            body=_tcvn3_page(good[7].title), content_type="text/html; charset=windows-1252"
        ),
        "/tin/vni.html": Fault(
            body=encode_vni(article_html(good[8].title, charset=None)), content_type="text/html"
        ),
        "/tin/utf8-kep.html": Fault(
            body=article_html(good[9].title).encode("utf-8").decode("latin-1").encode("utf-8")
        ),
        "/tin/mat-chu.html": Fault(body=article_html(good[10].title, lost).encode("utf-8")),
        "/tin/cham.html": Fault("drip", html["/tin/cham.html"].encode(), delay=0.03),
        "/tin/503-roi-duoc.html": Fault(
            "status", html["/tin/503-roi-duoc.html"].encode(), status=503, retry_after="1", times=1
        ),
        "/tin/429-roi-duoc.html": Fault(
            "status", html["/tin/429-roi-duoc.html"].encode(), status=429, times=1
        ),
        "/tin/reset-roi-duoc.html": Fault(
            "reset", html["/tin/reset-roi-duoc.html"].encode(), times=1
        ),
        "/tin/cut-roi-duoc.html": Fault(
            "truncate", html["/tin/cut-roi-duoc.html"].encode(), times=1
        ),
        "/tin/treo-roi-duoc.html": Fault(
            "hang", html["/tin/treo-roi-duoc.html"].encode(), delay=30, times=1
        ),
        # Failures that do not go away.
        "/loi/treo.html": Fault("hang", delay=60),
        "/loi/500.html": Fault("status", status=500),
        "/loi/502.html": Fault("status", status=502),
        "/loi/503.html": Fault("status", status=503),
        "/loi/503-cho-lau.html": Fault("status", status=503, retry_after="3600"),
        "/loi/429.html": Fault("status", status=429, retry_after="1"),
        "/loi/reset.html": Fault("reset"),
        "/loi/cut.html": Fault("truncate", body=html["/tin/bai-thuong.html"].encode()),
        "/loi/vong-lap.html": Fault("redirect", location="/loi/vong-lap.html?n={n}"),
        "/loi/vong-a.html": Fault("redirect", location="/loi/vong-b.html"),
        "/loi/vong-b.html": Fault("redirect", location="/loi/vong-a.html"),
        "/loi/lon.html": Fault("huge", size=50 * 1024 * 1024),
        "/loi/lon-khong-do-dai.html": Fault("huge", size=50 * 1024 * 1024, declare_length=False),
        "/loi/pdf.html": Fault(body=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        "/loi/rong.html": Fault("empty"),
        "/trap/*": trap_page,
        "/lich": calendar_page,
    }
    links = [a.path for a in good] + [
        p for p in routes if p.startswith("/loi/") and p != "/loi/vong-b.html"
    ]
    links += ["/loi/khong-co.html", "/trap/trang-1.html", "/lich?ngay=2021-03-15", "/admin/"]
    if outside:
        host_port = outside.split("//", 1)[1]
        links += [
            f"{outside}/ngoai-pham-vi.html",
            f"//{host_port}/giao-thuc-tuong-doi.html",
            f"http://localhost:{host_port.rsplit(':', 1)[1]}/localhost.html",
            "/ra-ngoai.html",
        ]
        routes["/ra-ngoai.html"] = Fault("redirect", location=f"{outside}/chuyen-huong.html")
    routes["/"] = Fault(body=_html("Trang chủ", links))
    return routes, good


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Serve the fault-injection site.")
    parser.add_argument("--port", type=int, default=8002)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    routes, _ = mixed_site()
    site = FaultSite(routes, port=args.port, host=args.host)
    serve_until_interrupted(site, "Fault site: {url}/  (Ctrl-C to stop)")
