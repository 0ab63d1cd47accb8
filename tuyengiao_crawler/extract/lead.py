"""The lead (sapo): a block named like one, a bold first paragraph, or the meta description."""

from __future__ import annotations

import re

from lxml import etree

from tuyengiao_crawler.extract.html import BLOCK_TAGS, HEADINGS, drop_keep_tail, one_line
from tuyengiao_crawler.extract.tree import (
    elements,
    has_block_child,
    is_inside,
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


_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_BOLD_CLASS = re.compile(r"(?<![a-z])(?:bold|font-weight-bold|fw-bold|strong)(?![a-z])", re.I)


def _is_bold(el: etree._Element) -> bool:
    return el.tag in ("strong", "b") or bool(
        _BOLD_STYLE.search(el.get("style") or "") or _BOLD_CLASS.search(el.get("class") or "")
    )


def _all_bold(el: etree._Element) -> bool:
    """All its text set in bold: <b>/<strong>, or a bold style or class (its own or its
    parts')."""
    if _is_bold(el):
        return True
    bold_nodes = [
        n
        for n in el.iterdescendants()
        if isinstance(n.tag, str)
        and _is_bold(n)
        and not any(_is_bold(a) for a in n.iterancestors() if is_inside(a, el) and a is not el)
    ]
    bold = one_line(" ".join(visible_text(n) for n in bold_nodes))
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


def _lead_sized(text: str) -> bool:
    return len(text) >= 60 and len(text.split()) >= 10


def _inline_bold_lead(body: etree._Element) -> etree._Element | None:
    """A <b>/<strong> opening the body's text and ending its first line (before a <br> or
    a block): the sapo of table layouts and old editors, which write no paragraphs."""
    bold = next(body.iter("b", "strong"), None)
    if bold is None or not _lead_sized(visible_text(bold)):
        return None
    if not visible_text(body).startswith(visible_text(bold)):
        return None
    if one_line(bold.tail):
        return None
    after = bold.getnext()
    node = bold
    while after is None and node.getparent() is not None and node.getparent() is not body:
        node = node.getparent()
        if one_line(node.tail):
            return None
        after = node.getnext()
    return bold if after is None or after.tag == "br" or after.tag in BLOCK_TAGS else None


def bold_lead(body: etree._Element) -> str | None:
    """A first paragraph set wholly in bold is the sapo on many provincial CMSs; it is cut
    from the body when taken."""
    first = _first_block(body)
    if first is not None:
        text = visible_text(first)
        if _lead_sized(text) and _all_bold(first) and visible_text(body).startswith(text):
            drop_keep_tail(first)
            return text
    inline = _inline_bold_lead(body)
    if inline is not None:
        text = visible_text(inline)
        drop_keep_tail(inline)
        return text
    return None


def comparable(text: str | None) -> str:
    """Text as compared for "the same sentence": letters and digits only, casefolded."""
    return re.sub(r"[\W_]+", "", text or "").casefold()


def repeats(block: str, lead: str | None) -> bool:
    """The body's first block says the lead again (give or take punctuation, case, a
    dateline prefix, or the description's truncation)."""
    a, b = comparable(block), comparable(lead)
    if not a or not b:
        return False
    if a == b:
        return True
    # Only a short prefix more: "(TG) - ", "HÀ NỘI - ", a dateline.
    short, long = sorted((a, b), key=len)
    return len(short) >= 50 and long.endswith(short) and len(long) - len(short) <= 30


def described_lead(
    area: etree._Element | None,
    body: etree._Element,
    title_node: etree._Element | None,
    order: dict,
    metas: dict[str, str],
) -> etree._Element | None:
    """A block between the title and the body saying what the meta description says: the
    sapo, in a div no class names (a bold or styled line above the body)."""
    description = metas.get("og:description") or metas.get("description") or ""
    if area is None or len(description) < 30:
        return None
    start = order.get(title_node, -1) if title_node is not None else -1
    end = order.get(body, 0)
    for el in elements(area):
        if not start < order.get(el, -1) < end or is_inside(body, el):
            continue
        if el.tag in BLOCK_TAGS or el.tag in HEADINGS or el.tag in ("span", "strong", "b"):
            text = visible_text(el)
            if 30 <= len(text) <= 1500 and repeats(text, description):
                return el
    return None


def description_lead(blocks: list[str], metas: dict[str, str], title: str | None) -> str | None:
    """The meta description counts as a lead only when the body starts with it."""
    description = metas.get("og:description") or metas.get("description") or ""
    description = description.rstrip(".…").strip()
    # CMSs often fill the description with the title, which the lede may well repeat.
    if len(description) < 30 or not blocks or same_text(description, title):
        return None
    head = description[:60].casefold()
    # The body may open with a dateline before it: "(ĐCSVN) - ", "HÀ NỘI - ".
    return blocks[0] if 0 <= blocks[0].casefold().find(head) <= 30 else None
