"""Page requisites: the stylesheets, scripts, fonts and images a page needs to look as it
did, found in its HTML and in the stylesheets it loads. They are evidence of how a page
appeared on a day, fetched for the WARC and never followed as pages."""

from __future__ import annotations

import re

from parsel import Selector

from tuyengiao_crawler.extract.html import absolute

# One XPath query for every attribute that names a file the page loads when shown.
_PAGE_FILES = (
    "//link[contains(concat(' ', normalize-space(translate(@rel,"
    " 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')), ' '), ' stylesheet ')"
    " or contains(@rel, 'icon') or @rel = 'preload' or @rel = 'modulepreload']/@href"
    " | //script/@src | //img/@src | //input[@type = 'image']/@src"
    " | //video/@poster | //audio/@src | //video/@src | //source/@src | //track/@src"
    " | //*[@background]/@background"
)
_SRCSETS = "//img/@srcset | //source/@srcset"
_INLINE_CSS = "//style/text() | //*[@style]/@style"

# url(...) and @import "..." in CSS; comments are removed first.
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def _unique(urls: list[str | None]) -> list[str]:
    return list(dict.fromkeys(u for u in urls if u))


def css_requisites(css: str, base_url: str) -> list[str]:
    """The files a stylesheet loads (@import, fonts and images in url()), absolute, in
    order of first mention; `base_url` is the stylesheet's own URL (or the page's, for
    CSS inside the page)."""
    css = _CSS_COMMENT.sub("", css)
    found = [
        absolute(base_url, next(g for g in m.groups() if g is not None))
        for pattern in (_CSS_IMPORT, _CSS_URL)
        for m in pattern.finditer(css)
    ]
    return _unique(found)


def _srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset ("a.jpg 1x, b.jpg 2x"): each candidate's first word."""
    return [part.split()[0] for part in srcset.split(",") if part.split()]


def page_requisites(selector: Selector, base_url: str) -> list[str]:
    """The files a page loads when shown: stylesheets, scripts, icons, preloads, images
    (srcset candidates too), media posters and what its inline CSS loads; absolute, in
    order of first mention, without data: or javascript: URLs."""
    found: list[str | None] = [
        absolute(base_url, href) for href in selector.xpath(_PAGE_FILES).getall()
    ]
    for srcset in selector.xpath(_SRCSETS).getall():
        found.extend(absolute(base_url, href) for href in _srcset_urls(srcset))
    for css in selector.xpath(_INLINE_CSS).getall():
        found.extend(css_requisites(css, base_url))
    return _unique(found)


def is_stylesheet(url: str, content_type: str | None) -> bool:
    """Whether a fetched requisite is CSS, whose own requisites are fetched in turn."""
    if content_type:
        return content_type.split(";")[0].strip().lower() == "text/css"
    return url.split("?")[0].lower().endswith(".css")


__all__ = ["css_requisites", "is_stylesheet", "page_requisites"]
