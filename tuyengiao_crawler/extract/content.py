"""The article's main block: finding it by paragraph text, and cutting site chrome out of it."""

from __future__ import annotations

import re

from lxml import etree

from tuyengiao_crawler.extract.html import drop_keep_tail
from tuyengiao_crawler.extract.tree import (
    elements,
    has_block_child,
    is_inside,
    link_text_len,
    names,
    visible_text,
)

# Class/id words that say "this holds the article" and "this is site chrome".
_POSITIVE = re.compile(
    r"content|detail|article|body|noi-?dung|chi-?tiet|entry|post|story|main|news", re.IGNORECASE
)
_NEGATIVE = re.compile(
    r"menu|nav|footer|sidebar|related|tin-?khac|lien-?quan|comment|binh-?luan|share|chia-?se"
    r"|social|banner|quang-?cao|advert|widget|chan-?trang|breadcrumb|duong-?dan|cot-?phai"
    r"|cot-?trai|toolbar|print|rating|tags",
    re.IGNORECASE,
)


def paragraph_score(el: etree._Element) -> int:
    """Non-link text length of a paragraph-like element (a <p>, or a block with no blocks
    inside, which is how div-soup CMSs write paragraphs)."""
    if el.tag != "p" and (
        el.tag not in ("div", "td", "section", "blockquote") or has_block_child(el)
    ):
        return 0
    length = len(visible_text(el)) - link_text_len(el)
    return length if length >= 25 else 0


def main_block(root: etree._Element) -> etree._Element | None:
    """The element holding the article text: the best paragraph-text parent, damped by
    link density and nudged by its class/id name."""
    scores: dict[etree._Element, float] = {}
    for el in elements(root):
        score = paragraph_score(el)
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
        text_len = len(visible_text(el)) or 1
        score *= max(0.0, 1 - link_text_len(el) / text_len)
        el_names = names(el)
        if _NEGATIVE.search(el_names):
            score *= 0.3
        elif _POSITIVE.search(el_names):
            score *= 1.5
        if score > best_score:
            best, best_score = el, score
    return best


def paragraph_chars(block: etree._Element) -> int:
    """How much paragraph text (not link text) a block holds."""
    return sum(paragraph_score(el) for el in elements(block) if el is not block)


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


def remove_chrome(
    body: etree._Element, related: list[etree._Element], extra: list[etree._Element | None]
) -> None:
    """Cut menus, share bars, related lists, the title and dateline out of the body copy."""
    doomed = [el for el in related if el is not body and is_inside(el, body)]
    doomed += [el for el in extra if el is not None and el is not body and is_inside(el, body)]
    for el in elements(body):
        if el is body:
            continue
        if el.tag in ("nav", "aside", "footer") or _NEGATIVE.search(names(el)):
            doomed.append(el)
    for el in doomed:
        if not any(node is body for node in el.iterancestors()):
            continue  # already cut with an ancestor
        drop_keep_tail(el)
