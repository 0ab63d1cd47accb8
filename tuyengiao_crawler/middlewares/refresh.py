"""<meta http-equiv="refresh">: followed as Scrapy follows it, but only to another web page.

Scrapy's MetaRefreshMiddleware builds a Request from whatever URL the tag names before it
looks at the scheme, so a refresh to `javascript:` (or `data:`, or a URL that cannot be
read) raised "Missing scheme in request url" and the page, article and all, was lost.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.response import get_meta_refresh

from tuyengiao_crawler.middlewares.redirect import in_scope

WEB_SCHEMES = ("http", "https")


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
            return super().process_response(request, response)
        except ValueError:  # a Request that cannot be built: the page is kept, unfollowed
            self.crawler.stats.inc_value("tuyengiao/meta_refresh_ignored")
            return response

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
