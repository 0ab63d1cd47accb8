"""A district portal on Drupal 7 (not the demo's markup) whose pages load what real ones
do: stylesheets through `@import` inside <style> blocks (Drupal's unaggregated CSS), a
theme stylesheet importing a font stylesheet whose url()s carry `?#iefix`, images named
only in CSS and inline styles, a print stylesheet, one stylesheet that is gone (404),
scripts that write article-like paths, a data: URI, a logo on the portal's CDN host (a
second server, on `localhost`) and a page on that host that must never be crawled.

Drupal's cache-busting query (`?r5k2mq`) changes when the site's caches are cleared
(`clear_caches()`): the same files under new URLs, as real sites do every deploy."""

from __future__ import annotations

from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer

CSS = "text/css"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24
THEME = "/sites/all/themes/camlo"

ARTICLES = {
    "hoi-nghi-quan-triet-nghi-quyet": "Hội nghị quán triệt Nghị quyết Trung ương 8 khóa XIII",
    "ra-mat-mo-hinh-dan-van-kheo": "Ra mắt mô hình “Dân vận khéo” tại xã Cam Thành",
    "tong-ket-cong-tac-tuyen-giao": "Tổng kết công tác tuyên giáo năm 2026",
}
LATER = {"tap-huan-bao-cao-vien": "Tập huấn báo cáo viên cơ sở năm 2027"}

STYLE_CSS = """/* Theme Cam Lộ. Not loaded: url(/commented-out.png) */
@import "fonts.css";
body { background: #fff url(../images/body.png) repeat-x; }
#logo { background-image: url("data:image/png;base64,iVBORw0KGgo="); }
.views-row h2 a { color: #b30000; }
""".encode()
FONTS_CSS = b"""@font-face {
  font-family: 'UTM Avo';
  src: url('../fonts/utm-avo.eot');
  src: url('../fonts/utm-avo.eot?#iefix') format('embedded-opentype'),
       url("../fonts/utm-avo.woff") format('woff');
}
"""
FILES: dict[str, tuple[bytes, str]] = {
    "/modules/system/system.base.css": (b".element-hidden { display: none; }\n", CSS),
    "/modules/system/system.menus.css": (b"ul.menu { list-style: none; }\n", CSS),
    f"{THEME}/css/style.css": (STYLE_CSS, CSS),
    f"{THEME}/css/fonts.css": (FONTS_CSS, CSS),
    f"{THEME}/css/print.css": (b"#header { display: none; }\n", CSS),
    f"{THEME}/fonts/utm-avo.eot": (b"EOT-font-bytes" * 8, "application/vnd.ms-fontobject"),
    f"{THEME}/fonts/utm-avo.woff": (b"wOFF-font-bytes" * 8, "font/woff"),
    f"{THEME}/images/body.png": (PNG + b"body", "image/png"),
    f"{THEME}/images/bg-main.jpg": (b"\xff\xd8\xff\xe0bg-main", "image/jpeg"),
    "/misc/jquery.js": (b"/*! jQuery v1.4.4 */ window.jQuery = {};\n", "text/javascript"),
    "/misc/drupal.js": (
        b'var Drupal = {}; function home() { window.location = "/tin-tuc/khong-tai.html"; }\n',
        "text/javascript",
    ),
    "/sites/default/files/favicon.ico": (b"\x00\x00\x01\x00icon", "image/vnd.microsoft.icon"),
    "/sites/default/files/anh-hoi-nghi.jpg": (b"\xff\xd8\xff\xe0photo", "image/jpeg"),
    "/sites/default/files/anh-hoi-nghi-2x.jpg": (b"\xff\xd8\xff\xe0photo-2x", "image/jpeg"),
}
NEVER_ASKED = ("/commented-out.png", "/tin-tuc/khong-tai.html")


class CdnHost:
    """The portal's CDN: its logo, and a page no crawl of the portal may follow."""

    def lookup(self, request: Request) -> Response | None:
        if request.path == "/sites/default/files/logo.png":
            return Response(PNG + b"logo", "image/png")
        if request.path == "/trang-chu":
            return Response(b"<html><body><h1>CDN</h1></body></html>")
        return None

    def not_found(self) -> Response:
        return Response(b"not found", "text/plain", status=404)


class DrupalPortal:
    def __init__(self) -> None:
        self.cache_query = "r5k2mq"
        self.articles = dict(ARTICLES)
        self.cdn = ""  # http://localhost:PORT, set once the CDN host listens

    def clear_caches(self) -> None:
        """A deploy: new cache-busting query, one new article; every file the same."""
        self.cache_query = "t8w1zb"
        self.articles.update(LATER)

    def head(self, title: str) -> str:
        q = self.cache_query
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML+RDFa 1.0//EN"
  "http://www.w3.org/MarkUp/DTD/xhtml-rdfa-1.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi" version="XHTML+RDFa 1.0" dir="ltr">
<head profile="http://www.w3.org/1999/xhtml/vocab">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<link rel="shortcut icon" href="/sites/default/files/favicon.ico" type="image/vnd.microsoft.icon" />
<meta name="Generator" content="Drupal 7 (http://drupal.org)" />
<title>{title} | Ban Tuyên giáo Huyện ủy Cam Lộ</title>
<style type="text/css" media="all">
@import url("/modules/system/system.base.css?{q}");
@import url("/modules/system/system.menus.css?{q}");
</style>
<style type="text/css" media="all">
@import url("{THEME}/css/style.css?{q}");
</style>
<link type="text/css" rel="StyleSheet" href="{THEME}/css/print.css?{q}" media="print" />
<link type="text/css" rel="stylesheet" href="{THEME}/css/ie.css?{q}" media="all" />
<script type="text/javascript" src="/misc/jquery.js?v=1.4.4"></script>
<script type="text/javascript" src="/misc/drupal.js?{q}"></script>
<script type="text/javascript">
<!--//--><![CDATA[//><!--
jQuery.extend(Drupal.settings, {{"basePath":"\\/","pathPrefix":"","ajaxPageState":{{"theme":"camlo"}}}});
//--><!]]>
</script>
</head>
<body class="html not-logged-in">
<div id="header"><a href="/" title="Trang chủ" rel="home" id="logo"><img
 src="{self.cdn}/sites/default/files/logo.png" alt="Trang chủ" /></a>
<a href="{self.cdn}/trang-chu">Cổng thông tin</a></div>
<div id="main" style="background-image: url('{THEME}/images/bg-main.jpg')">
"""

    def home(self) -> bytes:
        rows = "".join(
            f'<div class="views-row"><h2 class="node-title"><a href="/tin-tuc/{slug}">'
            f"{title}</a></h2></div>\n"
            for slug, title in self.articles.items()
        )
        return (
            self.head("Trang chủ") + f'<div class="view-content">{rows}</div></div></body></html>'
        ).encode()

    def article(self, slug: str) -> bytes:
        title = self.articles[slug]
        body = "".join(
            f"<p>Chiều 20/11/2026, Ban Tuyên giáo Huyện ủy Cam Lộ tổ chức {title.lower()},"
            f" đoạn {n}: cán bộ, đảng viên học tập, quán triệt và triển khai thực hiện"
            " nghiêm túc các nội dung đã đề ra trong toàn Đảng bộ huyện.</p>"
            for n in range(1, 7)
        )
        return (
            self.head(title)
            + f"""<div id="node-12" class="node node-article node-full" about="/tin-tuc/{slug}"
 typeof="sioc:Item foaf:Document">
<h1 class="title" id="page-title">{title}</h1>
<div class="meta submitted"><span property="dc:date dc:created"
 content="2026-11-20T08:15:00+07:00" datatype="xsd:dateTime">Thứ Sáu, 20/11/2026 - 08:15</span></div>
<div class="field field-name-body"><div class="field-items"><div class="field-item even"
 property="content:encoded">{body}
<p><img src="/sites/default/files/anh-hoi-nghi.jpg" alt="Quang cảnh hội nghị"
 srcset="/sites/default/files/anh-hoi-nghi.jpg 1x, /sites/default/files/anh-hoi-nghi-2x.jpg 2x" /></p>
<p><strong>Hoàng Minh</strong></p></div></div></div></div></div></body></html>"""
        ).encode()

    def lookup(self, request: Request) -> Response | None:
        path = request.path
        if path == "/":
            return Response(self.home())
        if path.startswith("/tin-tuc/") and path.removeprefix("/tin-tuc/") in self.articles:
            return Response(self.article(path.removeprefix("/tin-tuc/")))
        if path in FILES:
            body, content_type = FILES[path]
            return Response(body, content_type)
        return None

    def not_found(self) -> Response:
        return Response(b"<html><body><h1>Page not found</h1></body></html>", status=404)


class ServedPortal(BackgroundSite):
    """The portal on 127.0.0.1 and its CDN on localhost, both on free ports."""

    def __init__(self) -> None:
        super().__init__()
        self.site = DrupalPortal()
        self.cdn = _Cdn()

    def make_server(self, address: tuple[str, int]) -> SiteHTTPServer:
        return SiteHTTPServer(address, self.site)

    def start(self) -> ServedPortal:
        self.cdn.start()
        self.site.cdn = f"http://localhost:{self.cdn.port}"
        return super().start()

    def stop(self) -> None:
        super().stop()
        self.cdn.stop()


class _Cdn(BackgroundSite):
    def __init__(self) -> None:
        super().__init__(host="127.0.0.1")

    def make_server(self, address: tuple[str, int]) -> SiteHTTPServer:
        return SiteHTTPServer(address, CdnHost())
