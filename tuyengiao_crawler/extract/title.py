"""The article title: og:title, the h1 nearest the body, or <title> without the site name."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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


def _strip_site_name(
    title: str, headings: set[str], site: str | None, *, guess: bool = True
) -> str:
    """The title without the site's name: cut where a heading on the page ends, or drop
    the og:site_name part; with `guess`, else drop a trailing part that is not a number."""
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
    if guess and len(parts) > 1 and re.search(r"[^\W\d_]", parts[-1]):
        return title[: title.rfind(seps[-1])].strip()
    return title


# Where a site writes its own name as a heading (a logo, the masthead's h1).
_SITE_NAME_AREA = re.compile(
    r"logo|banner|brand|masthead|site-?(?:name|title|header|branding)|(?:^|\s)header(?:\s|$)",
    re.IGNORECASE,
)


def _names_the_site(el: etree._Element) -> bool:
    """A heading that shows the site's name: in the masthead or logo, or nothing but a
    link to the home page ("<h1><a href="/">Ban Tuyên giáo…</a></h1>")."""
    if any(_SITE_NAME_AREA.search(names(a)) for a in (el, *el.iterancestors())):
        return True
    links = el.findall(".//a")
    if len(links) != 1 or visible_text(links[0]) != visible_text(el):
        return False
    href = (links[0].get("href") or "").strip()
    return "home" in (links[0].get("rel") or "").split() or urlsplit(href).path in ("", "/")


def _heading_like(root: etree._Element) -> list[etree._Element]:
    return [
        el
        for el in elements(root)
        if (el.tag in HEADINGS or re.search(r"title|tieu-?de|tieude", names(el), re.I))
        and el.tag not in ("title", "meta")
        and not _names_the_site(el)
    ]


def _heading_in_title(title: str, headings: list[etree._Element]) -> str | None:
    """The longest visible heading that <title> holds whole, between separators or at
    its ends ("Tin tức - <headline>", "<headline> | <site>"): the page's headline."""
    folded = title.casefold()
    best: str | None = None
    for el in headings:
        text = visible_text(el)
        at = folded.find(text.casefold()) if len(text) >= 10 else -1
        if at < 0 or (best and len(best) >= len(text)):
            continue
        before, after = title[:at], title[at + len(text) :]
        if (not before.strip() or _TITLE_SEPARATORS.search(before[-4:] + " ")) and (
            not after.strip() or _TITLE_SEPARATORS.match(" " + after[:4])
        ):
            best = text
    return best


def find_title(
    root: etree._Element, metas: dict[str, str], body: etree._Element | None, order: dict
) -> tuple[str | None, etree._Element | None]:
    """The title text and the element on the page that shows it, if any: og:title
    without the site's name, else the visible heading <title> holds, else the h1 nearest
    the content, else the heading-like element just before it, else <title> without the
    site's name."""
    headings = _heading_like(root)
    texts = {visible_text(el).casefold() for el in headings}
    title = metas.get("og:title") or metas.get("twitter:title")
    if title:
        # SEO plugins write "Headline - Site name" into og:title as into <title>; the
        # visible headline or og:site_name tells where the site's name begins.
        title = _strip_site_name(title, texts, metas.get("og:site_name"), guess=False)
    raw = next((visible_text(el) for el in root.iter("title")), "")
    if not title:
        title = _heading_in_title(raw, headings)
    if not title:
        h1s = [el for el in root.iter("h1") if visible_text(el) and not _names_the_site(el)]
        node = _nearest(h1s, body, order)
        title = visible_text(node) if node is not None else None
    if not title and body is not None:
        # No h1, and a <title> that holds no heading (on some portals every page has the
        # site's name as its <title>): the headline-like element just before the body.
        start = order.get(body, 0)
        before = [
            el for el in headings if order.get(el, 0) < start and 10 <= len(visible_text(el)) <= 300
        ]
        title = visible_text(before[-1]) if before else None
    if not title:
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
