"""Page classification for generic mode: article, listing or other, and which links to follow."""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit, urlunsplit

from lxml import etree
from parsel import Selector

from tuyengiao_crawler.extract.content import (
    article_area,
    main_block,
    paragraph_chars,
    paragraph_score,
)
from tuyengiao_crawler.extract.dates import dateline_elements, has_date
from tuyengiao_crawler.extract.html import absolute, one_line
from tuyengiao_crawler.extract.links import related_sections
from tuyengiao_crawler.extract.metadata import json_ld_article, meta_tags
from tuyengiao_crawler.extract.title import find_title
from tuyengiao_crawler.extract.tree import (
    document_order,
    elements,
    is_inside,
    link_text_len,
    visible_text,
)

logger = logging.getLogger(__name__)

# Link texts that move between pages of a listing.
PAGER_WORDS = frozenset(
    {"trang sau", "sau", "tiếp", "tiếp theo", "trang tiếp", "»", "›", ">", ">>", "next",
     "trang trước", "trước", "«", "‹", "<", "<<", "prev", "previous", "trang đầu", "đầu",
     "trang cuối", "cuối", "first", "last"}
)  # fmt: skip
_PAGER_CONTAINER = re.compile(
    r"pagination|paging|pager|pagenav|page-?nav|page-?numbers|phan-?trang|phantrang|(?:^|\s)pages?(?:\s|$)",
    re.IGNORECASE,
)
_PAGER_QUERY = re.compile(
    r"(?:^|&)(?:page|trang|pageindex|pagenum|pg|paged|p)=\d{1,4}(?:&|$)", re.IGNORECASE
)
_PAGER_PATH = re.compile(r"/(?:trang|page)[-_/]?\d{1,4}(?:\.\w+)?/?$", re.IGNORECASE)
_STRONG_ARTICLE = re.compile(
    r"-\d+\.html?$|/\d{4}/\d{2}/|\.aspx\?.*\bid=|[?&](?:id|newsid|itemid|articleid|nid)=\d+",
    re.IGNORECASE,
)
_WEAK_ARTICLE = re.compile(r"\.(?:html?|aspx|php)$", re.IGNORECASE)
_NOT_PAGES = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|webp|svg|mp3|mp4|css|js)$", re.IGNORECASE
)
# Site chrome whose links are navigation, not articles.
_CHROME = re.compile(r"menu|(?<!pagi)nav|footer|breadcrumb|duong-?dan|chan-?trang", re.IGNORECASE)
# Other renderings of a page: print views, dialog and "send to a friend" forms. They are
# never archived as articles (the article is the page they render) nor followed.
_PRINT_QUERY = re.compile(
    r"(?:^|&)(?:(?:print|printable|inbai|in)=(?:1|true|yes|y)|tmpl=component|isdlg=1"
    r"|(?:view|layout|format|mode|act|type|action|do)=(?:print|in|inbai|printview))(?:&|$)"
    r"|(?:^|&)option=com_mailto(?:&|$)",
    re.IGNORECASE,
)
_PRINT_PATH = re.compile(
    r"/(?:print|printer|in-?bai(?:-?viet)?|ban-?in|printpreview|print-?view)(?:/|\.\w+$|$)"
    r"|[-_/]print\.(?:html?|aspx?|php)$",
    re.IGNORECASE,
)


# What a site's own not-found page says in its <title> or first heading.
_NOT_FOUND = re.compile(
    r"\b404\b|không\s+tìm\s+thấy|không\s+tồn\s+tại|đã\s+bị\s+(?:xóa|xoá|gỡ)|page\s+not\s+found"
    r"|not\s+found|lỗi\s+trang|trang\s+(?:bạn\s+)?(?:yêu\s+cầu|tìm)\s+không",
    re.IGNORECASE,
)


def is_not_found_page(sel: Selector) -> bool:
    """A page that answered 200 but is the site's "not found" page (a soft 404): its
    <title> or first heading says so and it holds no article text. Its links lead
    nowhere (relative links on it grow paths without end)."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return False
    title = next((visible_text(el) for el in root.iter("title")), "")
    heading = next((visible_text(el) for el in root.iter("h1", "h2") if visible_text(el)), "")
    if not (_NOT_FOUND.search(title) or _NOT_FOUND.search(heading)):
        return False
    body = main_block(root)
    return body is None or paragraph_chars(body) < 400


def is_print_view(url: str) -> bool:
    """Whether a URL names a print, dialog or mail-to-friend rendering of a page."""
    parts = urlsplit(url)
    return bool(_PRINT_QUERY.search(parts.query) or _PRINT_PATH.search(parts.path))


INDEX_FILES = frozenset({"index.html", "index.htm", "index.php", "default.aspx", "default.asp"})
_SKIP = ("javascript:", "mailto:", "tel:", "data:", "#")


def _links(sel: Selector, url: str) -> list[tuple[etree._Element, str]]:
    """Every followable link as (element, absolute URL), in document order."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return []
    found = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.lower().startswith(_SKIP):
            continue
        target = absolute(url, href)
        if not target or urlsplit(target).scheme not in ("http", "https"):
            continue
        found.append((a, urlunsplit(urlsplit(target)._replace(fragment=""))))
    return found


def _dedupe(urls: list[str], own: str) -> list[str]:
    own = urlunsplit(urlsplit(own)._replace(fragment=""))
    seen: set[str] = set()
    out = []
    for u in urls:
        if u != own and u not in seen:
            seen.add(u)
            out.append(u)
    return out


def _ancestor_names(a: etree._Element) -> list[str]:
    return [f"{el.get('class', '')} {el.get('id', '')}" for el in a.iterancestors()]


def in_pager(a: etree._Element) -> bool:
    for el in a.iterancestors():
        if _PAGER_CONTAINER.search(f"{el.get('class', '')} {el.get('id', '')}"):
            # A real pager is small; a page-wide wrapper named "pages" is not.
            return len(el.findall(".//a")) <= 40
    return False


def _is_pager_link(a: etree._Element, target: str) -> bool:
    text = one_line(a.text_content()).casefold()
    parts = urlsplit(target)
    return bool(
        in_pager(a)
        or "next" in (a.get("rel") or "").lower().split()
        or "prev" in (a.get("rel") or "").lower().split()
        or text in PAGER_WORDS
        or (text.isdigit() and len(text) <= 3)
        or _PAGER_QUERY.search(parts.query)
        or _PAGER_PATH.search(parts.path)
    )


def pagination_links(sel: Selector, url: str) -> list[str]:
    """Links to the other pages of a listing (pager blocks, page numbers, "Trang sau")."""
    return _dedupe([t for a, t in _links(sel, url) if _is_pager_link(a, t)], url)


NEXT_WORDS = frozenset(
    {"trang sau", "sau", "tiếp", "tiếp theo", "trang tiếp", "»", "›", ">", ">>", "next"}
)
_PAGE_NUMBER = re.compile(
    r"(?:(?:trang|page)[-_/]?|[?&](?:page|trang|p|pg|paged)=)(\d{1,4})", re.IGNORECASE
)


def _page_number(url: str) -> int:
    found = _PAGE_NUMBER.findall(url)
    return int(found[-1]) if found else 1


def next_page_link(sel: Selector, url: str) -> str | None:
    """The link to the next page of a listing: rel=next, a "Trang sau"-like link, or the
    page numbered one more than this one."""
    pager = [(a, t) for a, t in _links(sel, url) if _is_pager_link(a, t)]
    for a, target in pager:
        text = one_line(a.text_content()).casefold()
        if "next" in (a.get("rel") or "").lower().split() or text in NEXT_WORDS:
            return target
    wanted = str(_page_number(url) + 1)
    for a, target in pager:
        if one_line(a.text_content()) == wanted:
            return target
    return None


def _is_index(target: str) -> bool:
    parts = urlsplit(target)
    last = parts.path.rsplit("/", 1)[-1].lower()
    return not parts.query and (parts.path in ("", "/") or last in INDEX_FILES)


def _words(a: etree._Element) -> int:
    return len(one_line(a.text_content()).split())


def _is_article_link(a: etree._Element, target: str) -> bool:
    path_query = urlsplit(target).path + (
        "?" + urlsplit(target).query if urlsplit(target).query else ""
    )
    if _NOT_PAGES.search(urlsplit(target).path) or _is_pager_link(a, target):
        return False
    if any(_CHROME.search(names) for names in _ancestor_names(a)):
        return False
    if _STRONG_ARTICLE.search(path_query):
        return True
    if _is_index(target):
        return False
    words = _words(a)
    return words >= 4 or (words >= 3 and bool(_WEAK_ARTICLE.search(urlsplit(target).path)))


def article_links(sel: Selector, url: str) -> list[str]:
    """Links that look like articles: article-like URL patterns or headline-like anchor text,
    outside menus, footers, breadcrumbs and pagers."""
    return _dedupe([t for a, t in _links(sel, url) if _is_article_link(a, t)], url)


def _headline_links(sel: Selector, url: str) -> set[str]:
    return {t for a, t in _links(sel, url) if _words(a) >= 4 and _is_article_link(a, t)}


def _meta_says_article(root: etree._Element, metas: dict[str, str]) -> bool:
    """A publication date in the article's own markup, or a JSON-LD Article. og:type
    "article" alone is not enough: SEO plugins write it on static pages ("Giới thiệu",
    "Liên hệ") too, which then must pass the shape test, date line included."""
    return bool(metas.get("article:published_time")) or json_ld_article(root) is not None


def _linked_headings(block: etree._Element) -> int:
    """Headings that are links: the shape of a list of teasers, not of one article."""
    return sum(
        1
        for el in block.iter("h1", "h2", "h3", "h4", "h5", "h6")
        if el.find(".//a") is not None or any(a.tag == "a" for a in el.iterancestors())
    )


def _is_teaser_list(block: etree._Element) -> bool:
    """Many headline links, or a few carrying a good share of the text, or linked headings:
    a listing's summaries can be as long as a short article."""
    headlines = [a for a in block.iter("a") if _words(a) >= 4]
    share = sum(len(visible_text(a)) for a in headlines) / (len(visible_text(block)) or 1)
    return (
        len(headlines) >= 5
        or (len(headlines) >= 3 and share >= 0.2)
        or _linked_headings(block) >= 2
    )


def _teaser_link(a: etree._Element) -> bool:
    """A headline link that is no part of a sentence (a teaser, a "Tin khác" item, a
    ">> ..." line): not inside a paragraph that is mostly text around it."""
    if _words(a) < 4:
        return False
    paragraph = next((el for el in a.iterancestors() if paragraph_score(el)), None)
    return paragraph is None or link_text_len(paragraph) * 2 >= len(visible_text(paragraph))


def _densest_run(block: etree._Element) -> int:
    """The longest stretch of paragraph text (not link text) that no teaser link breaks:
    an article's body is one such stretch, however long the lists of other articles that
    follow it; a listing's summaries are each cut short by the next headline."""
    best = run = 0
    for el in elements(block):
        if el.tag == "a" and _teaser_link(el):
            run = 0
        elif score := paragraph_score(el):
            run += score
            best = max(best, run)
    return best


def _date_near_title(node: etree._Element, body: etree._Element) -> bool:
    """A date line by the title, or a lede that opens with a full date ("Sáng 25/6/2021, ...")."""
    if dateline_elements(node):
        return True
    return has_date(visible_text(body)[:200])


# Paragraph text an article holds at least; a short news item ("tin vắn", 2 or 3
# paragraphs) may hold less when a date line sits by its title.
ARTICLE_CHARS = 400
SHORT_ARTICLE_CHARS = 200


def _short_article(sel: Selector, url: str, node: etree._Element, body: etree._Element) -> bool:
    """A short text block is an article only when a date line sits by its title, title and
    text share a container short of <body>, the block holds no headline link, and the page
    is not a list of headlines (a listing's densest block can be its footer, by a sidebar
    heading and a teaser's date, or one teaser)."""
    if not dateline_elements(node):
        return False
    if article_area(body, node) is body and not is_inside(node, body):
        return False
    related = related_sections(body)  # "Tin liên quan" inside an article is not a teaser
    if any(_teaser_link(a) and not any(is_inside(a, r) for r in related) for a in body.iter("a")):
        return False  # the block is one teaser of a listing: its headline, date, summary
    return len(_headline_links(sel, url)) < 5


def _looks_like_article(sel: Selector, url: str, metas: dict[str, str]) -> bool:
    """A title heading, a dense text block that is not only a list of teasers, and a date."""
    root = sel.root
    body = main_block(root)
    chars = paragraph_chars(body) if body is not None else 0
    if chars < SHORT_ARTICLE_CHARS:
        return False
    # Lists of other articles inside the main column ("Các tin đã đưa", ">>" links, "Tin
    # mới") make a block look like a listing; one dense stretch of text says article.
    if _is_teaser_list(body) and _densest_run(body) < ARTICLE_CHARS:
        return False
    _title, node = find_title(root, metas, body, document_order(root))
    if node is None:
        return False
    if chars < ARTICLE_CHARS:
        return _short_article(sel, url, node, body)
    return _date_near_title(node, body)


def page_kind(sel: Selector, url: str) -> str:
    """ "article", "listing" or "other", from meta tags first and page shape second."""
    root = sel.root
    if not isinstance(root, etree._Element) or is_print_view(url):
        return "other"
    try:
        metas = meta_tags(root)
        if _meta_says_article(root, metas) or _looks_like_article(sel, url, metas):
            return "article"
        if len(_headline_links(sel, url)) >= 5 or pagination_links(sel, url):
            return "listing"
    except Exception:  # classification is advisory; a strange page is just "other"
        logger.warning("page classification failed on %s", url, exc_info=True)
    return "other"
