"""The article title: og:title, the h1 nearest the body, or <title> without the site name."""

from __future__ import annotations

import re

from lxml import etree

from tuyengiao_crawler.extract.html import HEADINGS
from tuyengiao_crawler.extract.tree import elements, names, same_text, visible_text

_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:»]{1,2}\s+")


def _nearest(
    candidates: list[etree._Element], target: etree._Element | None, order: dict
) -> etree._Element | None:
    if not candidates:
        return None
    if target is None:
        return candidates[0]
    return min(candidates, key=lambda el: abs(order.get(el, 0) - order.get(target, 0)))


def _strip_site_name(title: str, headings: set[str], site: str | None) -> str:
    parts = _TITLE_SEPARATORS.split(title)
    seps = _TITLE_SEPARATORS.findall(title)
    # A heading on the page spelling one prefix of the <title> is the surest cut.
    for k in range(len(parts) - 1, 0, -1):
        prefix = "".join(p + s for p, s in zip(parts[:k], seps[:k], strict=True)).rstrip(" -|–—:»")
        prefix = prefix.strip()
        if prefix.casefold() in headings:
            return prefix
    if site and len(parts) > 1:
        kept = [p for p in parts if not same_text(p, site)]
        if len(kept) < len(parts):
            return " - ".join(kept)
    # Otherwise drop a trailing site name, but not a trailing number ("2020 - 2025").
    if len(parts) > 1 and re.search(r"[^\W\d_]", parts[-1]):
        return title[: title.rfind(seps[-1])].strip()
    return title


def _heading_like(root: etree._Element) -> list[etree._Element]:
    return [
        el
        for el in elements(root)
        if el.tag in HEADINGS or re.search(r"title|tieu-?de|tieude", names(el), re.I)
    ]


def find_title(
    root: etree._Element, metas: dict[str, str], body: etree._Element | None, order: dict
) -> tuple[str | None, etree._Element | None]:
    """The title text (og:title, else the h1 nearest the content, else <title> without the
    site name) and the element on the page that shows it, if any."""
    headings = [el for el in _heading_like(root) if el.tag not in ("title", "meta")]
    title = metas.get("og:title") or metas.get("twitter:title")
    if not title:
        h1s = [
            el
            for el in root.iter("h1")
            if visible_text(el)
            and not any(
                re.search(r"logo|banner|header|brand|site-?name", names(a), re.I)
                for a in el.iterancestors()
            )
        ]
        node = _nearest(h1s, body, order)
        title = visible_text(node) if node is not None else None
    if not title:
        raw = next((visible_text(el) for el in root.iter("title")), "")
        texts = {visible_text(el).casefold() for el in headings}
        title = _strip_site_name(raw, texts, metas.get("og:site_name")) or None
    if not title:
        return None, None
    wanted = title.casefold()
    exact = [el for el in headings if visible_text(el).casefold() == wanted]
    close = [
        el
        for el in headings
        if len(t := visible_text(el).casefold()) >= 10 and (t in wanted or wanted in t)
    ]
    node = _nearest(exact, body, order)
    return title, node if node is not None else _nearest(close, body, order)
