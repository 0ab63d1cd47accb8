"""Generic-mode extraction: heuristics that read an article off a site no profile knows.

Everything works on a detached copy of the page, so the heuristics may cut it freely
(related lists, share bars, captions, bylines) without touching the spider's response.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree
from parsel import Selector

from tuyengiao_crawler.extract.html import (
    BLOCK_TAGS,
    DROP_TAGS,
    absolute,
    clean_body_html,
    detached_copy,
    element_text,
    one_line,
    text_blocks,
)
from tuyengiao_crawler.normalize.article import RawArticle

logger = logging.getLogger(__name__)

# --- dates -----------------------------------------------------------------------------
_WEEKDAY = r"(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7])\s*[,\-–]?\s*)"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:SA|CH|AM|PM|\(?GMT\s*\+\s*7\)?))?"
_DAY = (
    r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)\d{2}"
    r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+\-]\d{2}:?\d{2})?)?)"
)
# A Vietnamese date with its optional weekday and time on either side, e.g.
# "Thứ Ba, 03/03/2020 - 09:15", "08h15 - 12/05/2020", "09:15 ngày 12/05/2021".
DATE_RE = re.compile(
    rf"(?<!\w){_WEEKDAY}?(?:{_TIME}\s*[,\-–|]?\s*(?:ngày\s*)?)?{_DAY}"
    rf"(?:\s*(?:[,\-–|]|lúc)?\s*{_TIME})?(?!\d)",
    re.IGNORECASE,
)
_UPDATED_LABEL = re.compile(r"cập\s*nhật|sửa|updated|modified", re.IGNORECASE)
_META_PUBLISHED = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
)  # fmt: skip
_META_UPDATED = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_DATELINE_MAX = 120  # a dateline element is a short line, not a paragraph that cites a date
_LONG_PARAGRAPH = 150

# --- class/id vocabulary -----------------------------------------------------------------
_POSITIVE = re.compile(
    r"content|detail|article|body|noi-?dung|chi-?tiet|entry|post|story|main|news", re.IGNORECASE
)
_NEGATIVE = re.compile(
    r"menu|nav|footer|sidebar|related|tin-?khac|lien-?quan|comment|binh-?luan|share|chia-?se"
    r"|social|banner|quang-?cao|advert|widget|chan-?trang|breadcrumb|duong-?dan|cot-?phai"
    r"|cot-?trai|toolbar|print|rating|tags",
    re.IGNORECASE,
)
_RELATED_CLASS = re.compile(
    r"related|lien-?quan|tin-?khac|tinkhac|other-?news|othernews|cung-?chuyen-?muc|bai-?khac",
    re.IGNORECASE,
)
_RELATED_LABEL = re.compile(
    r"^(?:các\s+)?(?:tin|bài|bài viết|tin bài|tin tức)\s+"
    r"(?:cùng\s+chuyên\s+mục|liên\s+quan|khác|đã\s+đăng|đã\s+đưa)\s*[:»>.]*$",
    re.IGNORECASE,
)
_LEAD_CLASS = re.compile(
    r"sapo|(?<![a-z])lead|summary|description|tom-?tat|chapeau|trich-?yeu|abstract|intro",
    re.IGNORECASE,
)
_AUTHOR_CLASS = re.compile(r"author|tac-?gia|byline|but-?danh|nguon-?tin|(?<!re)source", re.I)
_CAPTION_CLASS = re.compile(
    r"caption|chu-?thich|img-?desc|image-?desc|photo-?desc|pic-?desc|desc-?img|ghi-?chu-?anh",
    re.IGNORECASE,
)
_BREADCRUMB_CSS = (
    '[class*="breadcrumb"], [id*="breadcrumb"], [itemtype*="BreadcrumbList"], div.path, '
    'div.navigation, [class*="duong-dan"], [class*="duongdan"]'
)
_CRUMB_SPLIT = re.compile(r"\s*[>»›|/]\s*")
HOME_WORDS = frozenset({"trang chủ", "trang nhất", "home", "trang chu"})
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:»]{1,2}\s+")
_ATTACHMENT_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar)$", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(
    r"^(?:theo\s|nguồn\s*:|bài\s*(?:,|và)?\s*ảnh\s*:|bài\s*:|ảnh\s*:|tin\s*(?:,|và)?\s*ảnh\s*:"
    r"|tin\s*:|(?:nhóm\s+)?(?:pv|ctv|btv)\b)",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^[A-ZĐ][A-ZĐ.\s]{0,10}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LAZY_ATTRS = ("data-src", "data-original", "data-lazy-src", "src")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ARTICLE_TYPES = frozenset({"article", "newsarticle", "reportagenewsarticle", "blogposting"})


# --- small tree helpers --------------------------------------------------------------------
def visible_text(el: etree._Element) -> str:
    """Text of an element without script/style contents (itertext would include them)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in DROP_TAGS:
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(el)
    return one_line("".join(parts))


_text = visible_text


def _link_text_len(el: etree._Element) -> int:
    return sum(len(_text(a)) for a in el.iter("a"))


def _names(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _elements(root: etree._Element) -> Iterator[etree._Element]:
    return (el for el in root.iter() if isinstance(el.tag, str))


def _is_inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(node is ancestor for node in el.iterancestors()) or el is ancestor


def _drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text in the tree."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _strip_control_chars(root: etree._Element) -> None:
    """lxml parses control characters it then refuses to write back; cut them once so the
    later tree surgery (and clean_body_html) can move text around safely."""
    for el in root.iter():
        for name in ("text", "tail"):
            value = getattr(el, name)
            if value and _CONTROL.search(value):
                setattr(el, name, _CONTROL.sub("", value))
        if isinstance(el.tag, str):
            for key, value in el.attrib.items():
                if _CONTROL.search(value):
                    el.set(key, _CONTROL.sub("", value))


def _has_block_child(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el.iterdescendants())


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and a.casefold() == b.casefold()


# --- meta and JSON-LD ------------------------------------------------------------------------
def meta_tags(root: etree._Element) -> dict[str, str]:
    """Meta tags by lower-cased property/name/itemprop; the first occurrence wins."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = one_line(meta.get("content"))
        if key and value and key not in found:
            found[key.strip()] = value
    return found


def json_ld(root: etree._Element) -> list[dict]:
    """Every JSON-LD object on the page, @graph flattened; broken JSON is ignored."""
    objects: list[dict] = []

    def collect(value: object) -> None:
        if isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            objects.append(value)
            collect(value.get("@graph"))

    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            collect(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue
    return objects


def json_ld_article(root: etree._Element) -> dict | None:
    for obj in json_ld(root):
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
            return obj
    return None


# --- main content block --------------------------------------------------------------------
def _paragraph_score(el: etree._Element) -> int:
    """Non-link text length of a paragraph-like element (a <p>, or a block with no blocks
    inside, which is how div-soup CMSs write paragraphs)."""
    if el.tag != "p" and (
        el.tag not in ("div", "td", "section", "blockquote") or _has_block_child(el)
    ):
        return 0
    length = len(_text(el)) - _link_text_len(el)
    return length if length >= 25 else 0


def main_block(root: etree._Element) -> etree._Element | None:
    """The element holding the article text: the best paragraph-text parent, damped by
    link density and nudged by its class/id name."""
    scores: dict[etree._Element, float] = {}
    for el in _elements(root):
        score = _paragraph_score(el)
        if not score:
            continue
        parent = el.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + score
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + score / 2
    best, best_score = None, 0.0
    for el, score in scores.items():
        if el.tag in ("html", "body"):
            score *= 0.5
        text_len = len(_text(el)) or 1
        score *= max(0.0, 1 - _link_text_len(el) / text_len)
        names = _names(el)
        if _NEGATIVE.search(names):
            score *= 0.3
        elif _POSITIVE.search(names):
            score *= 1.5
        if score > best_score:
            best, best_score = el, score
    return best


def paragraph_chars(block: etree._Element) -> int:
    """How much paragraph text (not link text) a block holds."""
    return sum(_paragraph_score(el) for el in _elements(block) if el is not block)


# --- title ---------------------------------------------------------------------------------
def document_order(root: etree._Element) -> dict[etree._Element, int]:
    return {el: i for i, el in enumerate(_elements(root))}


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
        kept = [p for p in parts if not _same(p, site)]
        if len(kept) < len(parts):
            return " - ".join(kept)
    # Otherwise drop a trailing site name, but not a trailing number ("2020 - 2025").
    if len(parts) > 1 and re.search(r"[^\W\d_]", parts[-1]):
        return title[: title.rfind(seps[-1])].strip()
    return title


def _heading_like(root: etree._Element) -> list[etree._Element]:
    return [
        el
        for el in _elements(root)
        if el.tag in HEADINGS or re.search(r"title|tieu-?de|tieude", _names(el), re.I)
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
            if _text(el)
            and not any(
                re.search(r"logo|banner|header|brand|site-?name", _names(a), re.I)
                for a in el.iterancestors()
            )
        ]
        node = _nearest(h1s, body, order)
        title = _text(node) if node is not None else None
    if not title:
        raw = next((_text(el) for el in root.iter("title")), "")
        texts = {_text(el).casefold() for el in headings}
        title = _strip_site_name(raw, texts, metas.get("og:site_name")) or None
    if not title:
        return None, None
    wanted = title.casefold()
    exact = [el for el in headings if _text(el).casefold() == wanted]
    close = [
        el
        for el in headings
        if len(t := _text(el).casefold()) >= 10 and (t in wanted or wanted in t)
    ]
    node = _nearest(exact, body, order)
    return title, node if node is not None else _nearest(close, body, order)


# --- dates ---------------------------------------------------------------------------------
def meta_dates(
    root: etree._Element, metas: dict[str, str], ld: dict | None, area: etree._Element | None
) -> tuple[str | None, str | None]:
    """Published and updated strings from meta tags, microdata, JSON-LD or <time>."""
    published = next((metas[k] for k in _META_PUBLISHED if metas.get(k)), None)
    updated = next((metas[k] for k in _META_UPDATED if metas.get(k)), None)
    if not published:
        for el in root.xpath('//*[@itemprop="datePublished"]'):
            published = one_line(el.get("content") or el.get("datetime") or _text(el)) or None
            if published:
                break
    if ld:
        published = published or (one_line(str(ld.get("datePublished") or "")) or None)
        updated = updated or (one_line(str(ld.get("dateModified") or "")) or None)
    if not published and area is not None:
        for el in area.iter("time"):
            published = one_line(el.get("datetime")) or None
            if published:
                break
    return published, updated


def _date_segments(el: etree._Element) -> list[str]:
    """Date strings in a short element: the text up to each date match, descending into
    children when each child holds whole dates (two labelled spans in one line)."""
    text = _text(el)
    matches = [m.group(0) for m in DATE_RE.finditer(text)]
    if not matches:
        return []
    children = [c for c in el if isinstance(c.tag, str) and DATE_RE.search(_text(c))]
    covered = all(any(m in _text(c) for c in children) for m in matches)
    if children and covered and (len(children) > 1 or _text(children[0]) != text):
        return [seg for child in children for seg in _date_segments(child)]
    segments, start = [], 0
    for match in DATE_RE.finditer(text):
        segment = text[start : match.end()].strip(" |,-–·")
        start = match.end()
        if segment:
            segments.append(segment)
    return segments


def dateline_elements(
    title_node: etree._Element | None,
) -> list[tuple[etree._Element, list[str]]]:
    """Short date-bearing elements just after the title (or, failing that, just before)."""
    if title_node is None:
        return []
    found: list[tuple[etree._Element, list[str]]] = []
    taken: list[etree._Element] = []
    long_paragraphs = 0
    for el in title_node.xpath("following::*[position() <= 40]"):
        if any(_is_inside(el, t) for t in taken):
            continue
        text = _text(el)
        if len(text) > _LONG_PARAGRAPH and not _has_block_child(el):
            long_paragraphs += 1
            if long_paragraphs >= 2:
                break
            continue
        if len(text) <= _DATELINE_MAX and DATE_RE.search(text):
            segments = _date_segments(el)
            if segments:
                found.append((el, segments))
                taken.append(el)
                if len(found) >= 3:
                    break
    if not found:
        for el in title_node.xpath("preceding::*[position() <= 6]"):
            text = _text(el)
            if len(text) <= _DATELINE_MAX and (segments := _date_segments(el)):
                return [(el, segments)]
    return found


def split_published_updated(segments: list[str]) -> tuple[str | None, str | None]:
    """A "Cập nhật" string beside a separate published date is the update; alone, it is
    the only date the page gives, so it stands for publication."""
    if not segments:
        return None, None
    plain = [s for s in segments if not _UPDATED_LABEL.search(s)]
    labelled = [s for s in segments if _UPDATED_LABEL.search(s)]
    if plain:
        return plain[0], labelled[0] if labelled else None
    return labelled[0], None


# --- sections: related, breadcrumb, attachments -------------------------------------------
def related_sections(root: etree._Element) -> list[etree._Element]:
    """Blocks listing other articles: by class/id, or by a "Tin liên quan"-style label."""
    sections: list[etree._Element] = []

    def inside_known(el: etree._Element) -> bool:
        return any(_is_inside(el, s) for s in sections)

    for el in _elements(root):
        if el.tag in ("html", "body") or inside_known(el):
            continue
        if _RELATED_CLASS.search(_names(el)) and el.find(".//a") is not None:
            sections.append(el)
            continue
        text = _text(el)
        if len(text) > 40 or not _RELATED_LABEL.match(text) or el.tag == "a":
            continue
        parent = el.getparent()
        if parent is None:
            continue
        # Climb while the ancestor still says nothing but the label (<p><strong>label</strong>).
        while parent is not None and parent.tag not in ("html", "body") and _text(parent) == text:
            el, parent = parent, parent.getparent()
        if parent is None:
            continue
        rest = len(_text(parent)) - len(text) - _link_text_len(parent)
        if parent.tag not in ("html", "body") and rest < 200:
            sections.append(parent)
            continue
        sections.append(el)
        for sibling in el.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            sib_text = len(_text(sibling)) or 1
            if sibling.find(".//a") is None or _link_text_len(sibling) / sib_text < 0.5:
                break
            sections.append(sibling)
    return sections


def _link_title(a: etree._Element) -> str | None:
    text = _text(a) or one_line(a.get("title"))
    if not text:
        img = a.find(".//img")
        text = one_line(img.get("alt")) if img is not None else ""
    return text or None


def links_in(elements: list[etree._Element], url: str) -> list[dict[str, str | None]]:
    links: dict[str, dict[str, str | None]] = {}
    for section in elements:
        for a in section.iter("a"):
            href = absolute(url, a.get("href"))
            if not href or href.startswith("#") or urlsplit(href).scheme not in ("http", "https"):
                continue
            title = _link_title(a)
            if href not in links:
                links[href] = {"url": href, "title": title}
            elif not links[href]["title"]:
                links[href]["title"] = title
    return list(links.values())


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


def category_of(trail: list[str], title: str | None, metas: dict[str, str]) -> str | None:
    for item in reversed(trail):
        if not _same(item, title) and item.casefold() not in HOME_WORDS:
            return item
    return metas.get("article:section") or None


def attachments(area: etree._Element | None, url: str) -> list[dict[str, str | None]]:
    if area is None:
        return []
    found = [
        a
        for a in area.iter("a")
        if (href := absolute(url, a.get("href"))) and _ATTACHMENT_EXT.search(urlsplit(href).path)
    ]
    return links_in(found, url)


# --- images and captions --------------------------------------------------------------------
def _is_caption(el: etree._Element) -> bool:
    """A short line under an image: caption class, <figcaption>, or all in italics."""
    text = _text(el)
    if not text or len(text) > 300 or el.find(".//img") is not None:
        return False
    if el.tag == "figcaption" or any(
        _CAPTION_CLASS.search(_names(n)) for n in el.iter() if isinstance(n.tag, str)
    ):
        return True
    italic = one_line(
        " ".join(_text(n) for n in el.iter("em", "i") if n.getparent().tag not in ("em", "i"))
    )
    return italic == text


def _caption(
    img: etree._Element, block: etree._Element
) -> tuple[str | None, etree._Element | None]:
    figure = next((a for a in img.iterancestors("figure")), None)
    if figure is not None:
        cap = figure.find(".//figcaption")
        if cap is not None and _text(cap):
            return _text(cap), cap
    node = img
    for _ in range(4):
        node = node.getparent()
        if node is None or node is block:
            break
        text = _text(node)
        if text:
            # An image box (a table or paragraph holding the image and a short line).
            if len(text) <= 300 and len(node.findall(".//img")) == 1:
                return text, node
            break
        sibling = node.getnext()
        if sibling is not None and _is_caption(sibling):
            return _text(sibling), sibling
    return None, None


def _image_source(img: etree._Element) -> str | None:
    # Lazy-loading CMSs put a spinner in src and the real picture in a data-* attribute.
    return next((img.get(k) for k in _LAZY_ATTRS if img.get(k)), None)


def _unlazy_images(block: etree._Element) -> None:
    for img in block.iter("img"):
        if src := _image_source(img):
            img.set("src", src)


def images(block: etree._Element, url: str) -> tuple[list[dict[str, str | None]], list]:
    """Images in the body with caption and alt, and the caption elements to drop from text."""
    found: list[dict[str, str | None]] = []
    captions: list[etree._Element] = []
    seen: set[str] = set()
    for img in block.iter("img"):
        src = absolute(url, _image_source(img))
        if not src or src in seen:
            continue
        seen.add(src)
        caption, element = _caption(img, block)
        if element is not None:
            captions.append(element)
        found.append({"url": src, "caption": caption, "alt": one_line(img.get("alt")) or None})
    return found, captions


# --- lead and byline -------------------------------------------------------------------------
def _first_block(body: etree._Element) -> etree._Element | None:
    for el in _elements(body):
        if el is not body and el.tag in BLOCK_TAGS and not _has_block_child(el) and _text(el):
            return el
    return None


def _all_bold(el: etree._Element) -> bool:
    bold = one_line(
        " ".join(
            _text(n) for n in el.iter("strong", "b") if n.getparent().tag not in ("strong", "b")
        )
    )
    return bold == _text(el)


def looks_like_byline(line: str) -> bool:
    """A short signature line: a name, an organisation, "Theo Báo ...", "Bài, ảnh: ...", "PV"."""
    if not line or len(line) > 80:
        return False
    if _BYLINE_PREFIX.match(line):
        return True
    if len(line) > 60 or line[0] in "-+*•–(\"“'" or line[0].isdigit():
        return False
    if line[-1] in ".!?:;,…" and not _INITIALS.match(line):
        return False
    words = line.split()
    if len(words) > 8:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.5


def trailing_byline(blocks: list[str], headings: set[str]) -> int:
    """How many of the last blocks (at most 3) form the signature."""
    count = 0
    for line in reversed(blocks[-3:]):
        if line.casefold() in headings or not looks_like_byline(line):
            break
        count += 1
    # A body never is all signature: keep at least one paragraph.
    return min(count, max(len(blocks) - 1, 0))


# --- the extractor ---------------------------------------------------------------------------
def extract_generic(sel: Selector, url: str) -> RawArticle:
    """Read an article page with heuristics only; never raises, returns what it found."""
    article = RawArticle(extractor="generic")
    try:
        _extract(sel, url, article)
    except Exception:  # a malformed page must not stop the crawl; keep what was read
        logger.warning("generic extraction failed part-way on %s", url, exc_info=True)
    return article


def article_area(
    body: etree._Element | None, title_node: etree._Element | None
) -> etree._Element | None:
    """The smallest element holding both title and body; the body alone if that is the page."""
    if body is None or title_node is None:
        return body
    ancestors = {id(a) for a in body.iterancestors()} | {id(body)}
    common = next((a for a in title_node.iterancestors() if id(a) in ancestors), None)
    if common is None or common.tag in ("html", "body"):
        return body
    return common


def _extract(sel: Selector, url: str, article: RawArticle) -> None:
    # parsel reads JSON-looking text as JSON: such a page has no HTML tree to search.
    if not isinstance(sel.root, etree._Element):
        return
    root = detached_copy(sel)
    page = Selector(root=root)
    _strip_control_chars(root)
    order = document_order(root)
    metas = meta_tags(root)
    ld = json_ld_article(root)
    body = main_block(root)
    article.title, title_node = find_title(root, metas, body, order)
    area = article_area(body, title_node)

    article.published_raw, article.updated_raw = meta_dates(root, metas, ld, area)
    article.published_source = "meta" if article.published_raw else None
    article.updated_source = "meta" if article.updated_raw else None
    datelines = dateline_elements(title_node)
    published, updated = split_published_updated([s for _, segs in datelines for s in segs])
    if not article.published_raw and published:
        article.published_raw, article.published_source = published, "dateline"
    if not article.updated_raw and updated:
        article.updated_raw, article.updated_source = updated, "dateline"

    article.breadcrumb = breadcrumb(page)
    article.category = category_of(article.breadcrumb, article.title, metas)
    related = related_sections(root)
    article.related = links_in(related, url)
    article.attachments = attachments(area, url)
    if body is None:
        return

    authors = _author_elements(area, body)
    lead_el = _lead_element(area, body, title_node, order)
    _remove_chrome(body, related, [title_node, *(el for el, _ in datelines), *authors])
    _unlazy_images(body)
    article.body_html = clean_body_html(body, url)
    article.images, captions = images(body, url)
    for el in captions:
        if el is not body and _is_inside(el, body):
            _drop(el)

    lead = _text(lead_el) if lead_el is not None else None
    if lead_el is not None and _is_inside(lead_el, body) and lead_el is not body:
        _drop(lead_el)
    if not lead:
        lead = _bold_lead(body)
    blocks = text_blocks(body)
    if not lead:
        lead = _description_lead(blocks, metas, article.title)
    if lead and blocks and _same(blocks[0], lead):
        blocks = blocks[1:]
    article.lead = lead or None

    # Explicit author markup wins; otherwise the signature is read off the last lines.
    byline_lines = [_text(el) for el in authors]
    if not byline_lines:
        headings = {_text(h).casefold() for h in body.iter(*HEADINGS)}
        cut = trailing_byline(blocks, headings)
        byline_lines, blocks = blocks[len(blocks) - cut :], blocks[: len(blocks) - cut]
    article.byline = "\n".join(byline_lines) or None
    article.body_text = "\n\n".join(blocks)
    if not article.published_raw and (match := DATE_RE.search(article.body_text)):
        article.published_raw, article.published_source = match.group(0), "body"


def _author_elements(area: etree._Element | None, body: etree._Element) -> list[etree._Element]:
    """Short elements named author/tac-gia/byline (one per signature line), outermost only."""
    found: list[etree._Element] = []
    for el in _elements(area if area is not None else body):
        if el.tag in ("meta", "a") or not _AUTHOR_CLASS.search(_names(el)):
            continue
        if 0 < len(_text(el)) <= 100 and not any(_is_inside(el, f) for f in found):
            found.append(el)
    return found[:3]


def _lead_element(
    area: etree._Element | None,
    body: etree._Element,
    title_node: etree._Element | None,
    order: dict,
) -> etree._Element | None:
    """An element named like a sapo, after the title and before the body's second block."""
    first = _first_block(body)
    limit = order.get(first, order.get(body, 0)) if first is not None else order.get(body, 0)
    start = order.get(title_node, -1) if title_node is not None else -1
    for el in _elements(area if area is not None else body):
        if el.tag == "meta" or not _LEAD_CLASS.search(_names(el)):
            continue
        if start < order.get(el, -1) <= limit and 30 <= len(_text(el)) <= 1500:
            return el
    return None


def _bold_lead(body: etree._Element) -> str | None:
    """A first paragraph set wholly in bold is the sapo on many provincial CMSs."""
    first = _first_block(body)
    if first is None:
        return None
    text = _text(first)
    if len(text) >= 60 and len(text.split()) >= 10 and _all_bold(first):
        _drop(first)
        return text
    return None


def _description_lead(blocks: list[str], metas: dict[str, str], title: str | None) -> str | None:
    """The meta description counts as a lead only when the body starts with it."""
    description = metas.get("og:description") or metas.get("description") or ""
    description = description.rstrip(".…").strip()
    # CMSs often fill the description with the title, which the lede may well repeat.
    if len(description) < 30 or not blocks or _same(description, title):
        return None
    head = description[:60].casefold()
    return blocks[0] if blocks[0].casefold().startswith(head) else None


def _remove_chrome(
    body: etree._Element, related: list[etree._Element], extra: list[etree._Element | None]
) -> None:
    """Cut menus, share bars, related lists, the title and dateline out of the body copy."""
    doomed = [el for el in related if el is not body and _is_inside(el, body)]
    doomed += [el for el in extra if el is not None and el is not body and _is_inside(el, body)]
    for el in _elements(body):
        if el is body:
            continue
        if el.tag in ("nav", "aside", "footer") or _NEGATIVE.search(_names(el)):
            doomed.append(el)
    for el in doomed:
        if not any(node is body for node in el.iterancestors()):
            continue  # already cut with an ancestor
        _drop(el)
