"""The lead (sapo): a block named like one, a bold first paragraph, or the meta description."""

from __future__ import annotations

import re

from lxml import etree

from tuyengiao_crawler.extract.html import BLOCK_TAGS, drop_keep_tail, one_line
from tuyengiao_crawler.extract.tree import (
    elements,
    has_block_child,
    names,
    same_text,
    visible_text,
)

_LEAD_CLASS = re.compile(
    r"sapo|(?<![a-z])lead|summary|description|tom-?tat|chapeau|trich-?yeu|abstract|intro",
    re.IGNORECASE,
)


def _first_block(body: etree._Element) -> etree._Element | None:
    for el in elements(body):
        if el is not body and el.tag in BLOCK_TAGS and not has_block_child(el) and visible_text(el):
            return el
    return None


def _all_bold(el: etree._Element) -> bool:
    bold = one_line(
        " ".join(
            visible_text(n)
            for n in el.iter("strong", "b")
            if n.getparent().tag not in ("strong", "b")
        )
    )
    return bold == visible_text(el)


def lead_element(
    area: etree._Element | None,
    body: etree._Element,
    title_node: etree._Element | None,
    order: dict,
) -> etree._Element | None:
    """An element named like a sapo, after the title and before the body's second block."""
    first = _first_block(body)
    limit = order.get(first, order.get(body, 0)) if first is not None else order.get(body, 0)
    start = order.get(title_node, -1) if title_node is not None else -1
    for el in elements(area if area is not None else body):
        if el.tag == "meta" or not _LEAD_CLASS.search(names(el)):
            continue
        if start < order.get(el, -1) <= limit and 30 <= len(visible_text(el)) <= 1500:
            return el
    return None


def bold_lead(body: etree._Element) -> str | None:
    """A first paragraph set wholly in bold is the sapo on many provincial CMSs; it is cut
    from the body when taken."""
    first = _first_block(body)
    if first is None:
        return None
    text = visible_text(first)
    if len(text) >= 60 and len(text.split()) >= 10 and _all_bold(first):
        drop_keep_tail(first)
        return text
    return None


def description_lead(blocks: list[str], metas: dict[str, str], title: str | None) -> str | None:
    """The meta description counts as a lead only when the body starts with it."""
    description = metas.get("og:description") or metas.get("description") or ""
    description = description.rstrip(".…").strip()
    # CMSs often fill the description with the title, which the lede may well repeat.
    if len(description) < 30 or not blocks or same_text(description, title):
        return None
    head = description[:60].casefold()
    return blocks[0] if blocks[0].casefold().startswith(head) else None
