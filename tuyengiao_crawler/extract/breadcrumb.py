"""The breadcrumb trail, and the category the article sits in."""

from __future__ import annotations

import re

from parsel import Selector

from tuyengiao_crawler.extract.html import element_text
from tuyengiao_crawler.extract.tree import same_text

_BREADCRUMB_CSS = (
    '[class*="breadcrumb"], [id*="breadcrumb"], [itemtype*="BreadcrumbList"], div.path, '
    'div.navigation, [class*="duong-dan"], [class*="duongdan"]'
)
_CRUMB_SPLIT = re.compile(r"\s*[>»›|/]\s*")
# The trail's first item names the home page, not a category. Both extractors read the
# category off the trail, so the words live here, beside the one function that uses them.
HOME_WORDS = frozenset({"trang chủ", "trang nhất", "home", "trang chu"})


def breadcrumb(sel: Selector) -> list[str]:
    """The breadcrumb trail's item texts, home included."""
    for node in sel.css(_BREADCRUMB_CSS):
        items = [element_text(li) for li in node.xpath(".//li[not(.//li)]")]
        if not items:
            items = [element_text(n) for n in node.css('[itemprop="name"]')]
        if not items:
            items = _CRUMB_SPLIT.split(element_text(node))
        items = [i.strip(" >»›|/") for i in items]
        items = [i for i in items if i and len(i) <= 100]
        if items and len(items) <= 12:
            return items
    return []


def trail_category(trail: list[str], title: str | None) -> str | None:
    """The last trail item that is neither a home word nor the title (case aside)."""
    for item in reversed(trail):
        if not same_text(item, title) and item.casefold() not in HOME_WORDS:
            return item
    return None


def category_of(trail: list[str], title: str | None, metas: dict[str, str]) -> str | None:
    """The trail's category, else the page's article:section meta tag."""
    return trail_category(trail, title) or metas.get("article:section") or None
