"""<meta http-equiv="refresh"> and the `Refresh` response header: followed as Scrapy
follows a meta refresh, but only to another web page in scope.

Scrapy's MetaRefreshMiddleware builds a Request from whatever URL the tag names before it
looks at the scheme, so a refresh to `javascript:` (or `data:`, or a URL that cannot be
read) raised "Missing scheme in request url" and the page, article and all, was lost.
Scrapy does not read the `Refresh` header at all (what some servers send instead of a
redirect, with an empty page), so what it leads to was never reached.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urlsplit

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.response import get_meta_refresh

from tuyengiao_crawler.middlewares.redirect import in_scope

WEB_SCHEMES = ("http", "https")
# "5; url=/x", "0;URL='x'", "3, /x": a delay, then the URL (HTML's refresh syntax).
_REFRESH = re.compile(
    r"^\s*(\d+(?:\.\d*)?)\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"]*)", re.IGNORECASE
)


def refresh_header(value: bytes | None) -> tuple[float, str] | None:
    """(delay in seconds, URL as written) of a `Refresh` header naming a URL, else None."""
    found = _REFRESH.match(value.decode("latin-1")) if value else None
    if not found or not found.group(2).strip():
        return None
    return float(found.group(1)), found.group(2).strip()


class SafeMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's MetaRefreshMiddleware (same settings: METAREFRESH_ENABLED,
    METAREFRESH_MAXDELAY, METAREFRESH_IGNORE_TAGS; same place, 580), which ignores a
    refresh the crawl does not follow (see `follows`): the page is then read as it is.

    A refresh it follows goes through Scrapy's own redirect (`_redirect`), so the new
    request carries `redirect_urls` and `redirect_reasons` ("meta refresh") as a 3xx's
    does, and every check on redirected requests applies to it.
    """

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if isinstance(response, HtmlResponse) and not request.meta.get("dont_redirect"):
            try:
                # Scrapy caches this per response: the parent's own call reuses it.
                _, url = get_meta_refresh(response, ignore_tags=self._ignore_tags)
                ignored = bool(url) and not self.follows(response, url)
            except ValueError:  # a refresh URL urljoin cannot read ("http://[::1")
                ignored = True
            if ignored:
                self.crawler.stats.inc_value("tuyengiao/meta_refresh_ignored")
                return response
        try:
            result = super().process_response(request, response)
            if result is response and not request.meta.get("dont_redirect"):
                return self._follow_header(request, response)
            return result
        except ValueError:  # a Request that cannot be built: the page is kept, unfollowed
            self.crawler.stats.inc_value("tuyengiao/meta_refresh_ignored")
            return response

    def _follow_header(self, request: Request, response: Response) -> Request | Response:
        """A `Refresh` header, followed by the same rules as a meta refresh."""
        found = refresh_header(response.headers.get(b"Refresh"))
        if found is None or request.method == "HEAD":
            return response
        delay, written = found
        url = response.urljoin(written)
        if not self.follows(response, url):
            self.crawler.stats.inc_value("tuyengiao/meta_refresh_ignored")
            return response
        if delay >= self._maxdelay:
            return response
        redirected = self._redirect_request_using_get(request, response, url)
        return self._redirect(redirected, request, "refresh header")

    def follows(self, response: Response, url: str) -> bool:
        """Whether the crawl follows a page's refresh to `url` (absolute): only to a web
        page in the crawl's scope other than itself (a refresh to itself is a reload timer,
        and the duplicate filter would drop it, and the page with it; one out of scope
        would be dropped by RedirectScopeMiddleware, and the page with it)."""
        if urlsplit(url).scheme.lower() not in WEB_SCHEMES:
            return False
        if urldefrag(url).url == urldefrag(response.url).url:
            return False
        return in_scope(self.crawler, url)
