"""Links out of an article: related-article lists and attached documents."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from tuyengiao_crawler.extract.html import absolute, one_line
from tuyengiao_crawler.extract.tree import (
    elements,
    is_inside,
    link_text_len,
    names,
    text_sizes,
    visible_text,
)

_RELATED_CLASS = re.compile(
    r"relate|lien-?quan|tin-?khac|tinkhac|other-?news|othernews|cung-?chuyen-?muc|bai-?khac",
    re.IGNORECASE,
)
_LABELS = (
    r"(?:(?:các\s+)?(?:tin|bài|bài viết|tin bài|tin tức)\s+"
    r"(?:cùng\s+chuyên\s+mục|cùng\s+chủ\s+đề|liên\s+quan|khác|đã\s+đăng|đã\s+đưa|mới\s+hơn"
    r"|cũ\s+hơn)|(?:xem|đọc)\s+thêm|bài\s+đọc\s+thêm|có\s+thể\s+bạn\s+(?:quan\s+tâm|muốn\s+đọc))"
)
_RELATED_LABEL = re.compile(rf"^{_LABELS}\s*[:»>.]*$", re.IGNORECASE)
# The label opening a line of links: "Xem thêm: <a>...</a>", "Tin liên quan >> <a>...</a>".
_RELATED_PREFIX = re.compile(rf"^{_LABELS}\s*[:»>]+\s*", re.IGNORECASE)
_LABEL_MAX = 40  # a "Tin liên quan" label is a short line
_ATTACHMENT_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar)$", re.IGNORECASE)


def is_related_label(text: str) -> bool:
    """A "Tin liên quan", "Tin cùng chuyên mục", "Xem thêm"-style heading of other articles."""
    return len(text) <= _LABEL_MAX and bool(_RELATED_LABEL.match(text))


def related_prefix(text: str) -> int:
    """The length of a "Xem thêm:"-style label opening the text, 0 without one."""
    found = _RELATED_PREFIX.match(text)
    return found.end() if found else 0


def related_sections(root: etree._Element) -> list[etree._Element]:
    """Blocks listing other articles: by class/id, or by a "Tin liên quan"-style label."""
    sections: list[etree._Element] = []

    def inside_known(el: etree._Element) -> bool:
        return any(is_inside(el, s) for s in sections)

    sizes = text_sizes(root)
    for el in elements(root):
        if el.tag in ("html", "body") or inside_known(el):
            continue
        if _RELATED_CLASS.search(names(el)) and el.find(".//a") is not None:
            sections.append(el)
            continue
        # No text, or too much for a label even once normalised (NFC composes at most
        # four code points into one): not read, which kept deep trees from being quadratic.
        if not 0 < sizes.get(el, 0) <= 4 * _LABEL_MAX:
            continue
        text = visible_text(el)
        if len(text) > _LABEL_MAX or not _RELATED_LABEL.match(text) or el.tag == "a":
            continue
        parent = el.getparent()
        if parent is None:
            continue
        # Climb while the ancestor still says nothing but the label (<p><strong>label</strong>).
        while (
            parent is not None
            and parent.tag not in ("html", "body")
            and visible_text(parent) == text
        ):
            el, parent = parent, parent.getparent()
        if parent is None:
            continue
        rest = len(visible_text(parent)) - len(text) - link_text_len(parent)
        # A label over a short text with no link ("Xem thêm: Nghị quyết 35...") is prose.
        if parent.find(".//a") is None:
            continue
        if parent.tag not in ("html", "body") and rest < 200:
            sections.append(parent)
            continue
        sections.append(el)
        for sibling in el.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            sib_text = len(visible_text(sibling)) or 1
            if sibling.find(".//a") is None or link_text_len(sibling) / sib_text < 0.5:
                break
            sections.append(sibling)
    return sections


def _link_title(a: etree._Element) -> str | None:
    text = visible_text(a) or one_line(a.get("title"))
    if not text:
        img = a.find(".//img")
        text = one_line(img.get("alt")) if img is not None else ""
    return text or None


def links_in(containers: list[etree._Element], url: str) -> list[dict[str, str | None]]:
    """The http(s) links under the given elements, once each, with their text as title."""
    links: dict[str, dict[str, str | None]] = {}
    for section in containers:
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


def attachments(area: etree._Element | None, url: str) -> list[dict[str, str | None]]:
    """Links to documents (PDF, Word, spreadsheets, archives) inside the article area."""
    if area is None:
        return []
    found = [
        a
        for a in area.iter("a")
        if (href := absolute(url, a.get("href"))) and _ATTACHMENT_EXT.search(urlsplit(href).path)
    ]
    return links_in(found, url)
