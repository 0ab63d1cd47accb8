"""The article title: the headline the page shows, else og:title or <title> without the
site's name (only a part that is the site's name is cut)."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from lxml import etree

from tuyengiao_crawler.extract.html import HEADINGS
from tuyengiao_crawler.extract.tree import elements, names, visible_text

_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:»>›]{1,2}\s+")


def _nearest(
    candidates: list[etree._Element], target: etree._Element | None, order: dict
) -> etree._Element | None:
    if not candidates:
        return None
    if target is None:
        return candidates[0]
    return min(candidates, key=lambda el: abs(order.get(el, 0) - order.get(target, 0)))


# A part of a <title> that is a host name ("Dangcongsan.vn", "www.tuyengiao.vn").
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info)$", re.I)
_DECORATION = " .:|-–—»«*"


def _is_site_name(part: str, sites: set[str]) -> bool:
    folded = part.strip(_DECORATION).casefold()
    return bool(folded) and (folded in sites or bool(_DOMAIN.match(folded)))


def _strip_site_name(title: str, headings: set[str], sites: set[str]) -> str:
    """The title without the site's name: cut where a heading on the page ends, or drop
    the leading and trailing parts that are the site's name (og:site_name, the home
    link's text or logo, a host name). A part that is not the site's name stays."""
    parts = _TITLE_SEPARATORS.split(title)
    seps = _TITLE_SEPARATORS.findall(title)
    # A heading on the page spelling one prefix of the <title> is the surest cut.
    for k in range(len(parts) - 1, 0, -1):
        prefix = "".join(p + s for p, s in zip(parts[:k], seps[:k], strict=True)).rstrip(" -|–—:»")
        prefix = prefix.strip()
        if prefix.casefold() in headings:
            return prefix
    first, last = 0, len(parts)
    while last - first > 1 and _is_site_name(parts[last - 1], sites):
        last -= 1
    while last - first > 1 and _is_site_name(parts[first], sites):
        first += 1
    if (first, last) == (0, len(parts)):
        return title
    kept = [*(p + s for p, s in zip(parts[first:last], seps[first:last], strict=False))]
    return ("".join(kept[:-1]) + parts[last - 1]).strip()


def site_names(root: etree._Element, metas: dict[str, str]) -> set[str]:
    """What the site calls itself on this page, case-folded: og:site_name and like metas,
    the text or logo alt of links to the home page, the logo's alt."""
    found = {
        metas[k] for k in ("og:site_name", "application-name", "apple-mobile-web-app-title")
        if metas.get(k)
    }  # fmt: skip
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if "home" in (a.get("rel") or "").split() or _home_href(href):
            found.add(visible_text(a))
            found.update(img.get("alt") or "" for img in a.iter("img"))
    for img in root.iter("img"):
        if re.search(r"logo|banner", f"{names(img)} {img.get('src', '')}", re.I):
            found.add(img.get("alt") or "")
    folded = {" ".join(name.split()).strip(_DECORATION).casefold() for name in found}
    # "Trang chủ" and the like name the home page, not the site.
    return {name for name in folded if len(name) >= 4 and name not in _HOME_WORDS}


_HOME_WORDS = {"trang chủ", "trang chu", "home", "homepage", "trang nhất", "về trang chủ"}


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
    return "home" in (links[0].get("rel") or "").split() or _home_href(href)


_HOME_PATHS = {"", "/", "/index.php", "/index.html", "/index.htm", "/default.aspx", "/trang-chu"}


def _home_href(href: str) -> bool:
    """A link to the site's home page: "/", "https://host/", "/index.php"; not "#top",
    "javascript:…" or "?page=2", which stay on the page."""
    href = href.strip()
    if not href or href.startswith(("#", "?")) or href.lower().startswith("javascript:"):
        return False
    parts = urlsplit(href)
    return parts.path.lower() in _HOME_PATHS and not parts.query


# Where a heading belongs to another article or to the site, not to this one.
_ASIDE_AREA = re.compile(
    # whole class/id words only: "elementor-widget" or "box-news-detail" hold articles
    r"(?:^|\s)(?:sidebar(?:-\w+)?|side-?bar|aside|widgets?|widget[_-]area|widget_\S+"
    r"|related\S*|\S*lien-?quan\S*|tin-?khac|other-?news|\S*footer\S*|menu|main-?menu"
    r"|nav\S*|\S*most-?(?:read|view)\S*|xem-?nhieu|doc-?nhieu|tin-?moi(?:-?nhat)?|latest\S*"
    r"|popular\S*)(?=\s|$)",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W_]+")


def _aside(el: etree._Element) -> bool:
    """In a sidebar, a menu, a list of other articles or the footer; <body>'s own classes
    ("has-sidebar", "footer-widgets") say what the page has, not where the heading is."""
    return any(
        a.tag in ("aside", "nav", "footer") or _ASIDE_AREA.search(names(a))
        for a in (el, *el.iterancestors())
        if a.tag not in ("body", "html")
    )


def _similar(a: str, b: str | None) -> bool:
    """Whether two titles share most of their words (one an SEO rewrite of the other)."""
    if not b:
        return False
    wa, wb = set(_WORDS.findall(a.casefold())), set(_WORDS.findall(b.casefold()))
    return bool(wa and wb) and len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def _visible_headline(
    root: etree._Element,
    headings: list[etree._Element],
    titles: list[str],
    sites: set[str],
    body: etree._Element | None,
    order: dict,
) -> etree._Element | None:
    """The headline the article shows: the element marked as its headline, else the h1
    nearest the body; never the site's name, a heading in a sidebar, nor a category
    name (a short heading that is also a link on the page and unlike the titles)."""
    links: Counter[str] = Counter()
    # The shorter parts of a "<headline> - <site>" title name the site or a section.
    parts = sorted(
        (p.strip().casefold() for t in titles for p in _TITLE_SEPARATORS.split(t)), key=len
    )
    minor = set(parts[:-1]) - {parts[-1]} if len(parts) > 1 else set()

    def fits(el: etree._Element) -> bool:
        text = visible_text(el)
        if len(text) < 10 or len(text) > 400 or _aside(el) or _is_site_name(text, sites):
            return False
        if text.casefold() in minor:
            return False
        if any(_similar(text, t) for t in titles):
            return True
        if len(_WORDS.findall(text)) < 5:
            return False
        if not links:
            links.update(visible_text(a).casefold() for a in root.iter("a"))
        # A link elsewhere on the page with the heading's words: a menu's category. The
        # heading's own link (to the article, or "#") does not count.
        folded = text.casefold()
        own = sum(1 for a in el.iter("a") if visible_text(a).casefold() == folded)
        return links[folded] <= own

    marked = [
        el for el in root.xpath('//*[@itemprop="headline"]')
        if el.tag not in ("meta", "link") and fits(el)
    ]  # fmt: skip
    if marked:
        return _nearest(marked, body, order)
    h1s = [el for el in headings if el.tag == "h1" and fits(el)]
    return _nearest(h1s, body, order)


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


def _shown_title_part(root: etree._Element, title: str) -> etree._Element | None:
    """The element that shows a part of <title> whole ("<site> :: <headline>") when no
    heading does: old table layouts set the headline in <font><b>. Parts of five words or
    more, longest first; the deepest element showing one, outside menus, sidebars and links."""
    parts = sorted(
        (p.strip() for p in _TITLE_SEPARATORS.split(title) if len(_WORDS.findall(p)) >= 5),
        key=len,
        reverse=True,
    )
    page = root.find(".//body")
    if page is None:
        return None
    for part in parts:
        wanted = part.casefold()
        shown = [
            el
            for el in elements(page)
            if el.tag not in ("a", "body")
            and visible_text(el).casefold() == wanted
            and not _aside(el)
            and not any(a.tag == "a" for a in el.iterancestors())
        ]
        if shown:
            return shown[-1]  # the deepest: elements come in document order
    return None


def find_title(
    root: etree._Element, metas: dict[str, str], body: etree._Element | None, order: dict
) -> tuple[str | None, etree._Element | None]:
    """The title text and the element on the page that shows it, if any: og:title
    without the site's name, else the visible heading <title> holds, else the h1 nearest
    the content, else the heading-like element just before it, else <title> without the
    site's name."""
    headings = _heading_like(root)
    texts = {visible_text(el).casefold() for el in headings}
    sites = site_names(root, metas)
    title = metas.get("og:title") or metas.get("twitter:title")
    if title:
        # SEO plugins write "Headline - Site name" into og:title as into <title>; the
        # visible headline or the site's name tells where the site's name begins.
        title = _strip_site_name(title, texts, sites)
        if _is_site_name(title, sites):
            title = None  # some CMSs give every page the site's name as og:title
    raw = next((visible_text(el) for el in root.iter("title")), "")
    # What the reader sees wins over what the page tells search engines and tabs.
    shown = _visible_headline(root, headings, [t for t in (title, raw) if t], sites, body, order)
    if shown is not None:
        return visible_text(shown), shown
    if not title:
        title = _heading_in_title(raw, headings)
    if not title:
        found = _shown_title_part(root, raw)
        if found is not None:
            return visible_text(found), found
    if not title:
        h1s = [
            el
            for el in root.iter("h1")
            if visible_text(el) and not _names_the_site(el) and not _aside(el)
        ]
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
        title = _strip_site_name(raw, texts, sites) or None
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
