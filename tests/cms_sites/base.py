"""What every corpus site shares: ground truth, the record of its links, and serving."""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

from tuyengiao_crawler.demo_site.serving import (
    BackgroundSite,
    Request,
    Response,
    SiteHTTPServer,
)

XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"


def slugify(text: str) -> str:
    """The ASCII slug a Vietnamese CMS makes of a headline ("Hội nghị" -> "hoi-nghi")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


class CorpusSite:
    """A portal of one CMS family (subclasses implement `lookup`).

    ``start_path``: where a user would point the crawler (the home page).
    ``articles``: headline -> the path the site names the article by (its own link, or
    its rel=canonical): the ground truth; every article's visible <h1> (or the family's
    headline element) holds exactly its headline.
    ``linked``: every URL the site has written into a page, feed, sitemap or robots.txt
    (path and query, as the link says it, HTML entities undone, fragment removed), or as
    a form's action: what a crawler that fetches "as linked" may request.
    """

    family = "?"
    start_path = "/"

    def __init__(self) -> None:
        self.articles: dict[str, str] = {}
        self.linked: set[str] = set()

    def link(self, target: str) -> str:
        """Record a root-relative link (``/path?query#frag``) and return it escaped for
        an HTML attribute."""
        parts = urlsplit(target)
        self.linked.add(parts.path + (f"?{parts.query}" if parts.query else ""))
        return html.escape(target, quote=True)

    def lookup(self, request: Request) -> Response | None:
        raise NotImplementedError

    def not_found(self) -> Response:
        return Response(
            b"<!DOCTYPE html><html><head><title>404</title></head>"
            b"<body><h1>Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1></body></html>",
            status=404,
        )


class ServedCorpusSite(BackgroundSite):
    """A corpus site on 127.0.0.1 in a background thread."""

    def __init__(self, site: CorpusSite) -> None:
        super().__init__()
        self.site = site

    def make_server(self, address: tuple[str, int]) -> SiteHTTPServer:
        return SiteHTTPServer(address, self.site)
