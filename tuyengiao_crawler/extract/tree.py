"""Small lxml element helpers the generic heuristics share: text, names, order, nesting."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from tuyengiao_crawler.extract.html import BLOCK_TAGS, DROP_TAGS, one_line


def visible_text(el: etree._Element) -> str:
    """Text of an element without script/style contents (itertext would include them)."""
    if not isinstance(el.tag, str):
        return ""
    parts: list[str] = []
    # lxml's walk, not a recursive one: hostile pages nest tags thousands deep. A dropped
    # element's subtree is skipped; its end event still comes, for its tail.
    walker = etree.iterwalk(el, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event == "start":
            if node.tag in DROP_TAGS:
                walker.skip_subtree()
            elif node.text:
                parts.append(node.text)
        elif node.tail and node is not el:
            parts.append(node.tail)
    return one_line("".join(parts))


# Not counted by `text_sizes`: what `visible_text` collapses or removes.
_UNCOUNTED = re.compile(r"[\s\u200b\u200c\u200d\ufeff\u00ad\u2060]+")


def text_sizes(root: etree._Element) -> dict[etree._Element, int]:
    """How many characters of visible text (spaces and zero-width ones not counted) each
    element under root holds, all in one pass: where calling `visible_text` on every
    element of a tree nested thousands deep takes time quadratic in its size."""
    sizes: dict[etree._Element, int] = {}
    open_sizes = [0]  # the size so far of each element being walked, outermost first

    def count(text: str | None) -> int:
        return len(_UNCOUNTED.sub("", text)) if text else 0

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event == "start":
            dropped = el.tag in DROP_TAGS
            if dropped:
                walker.skip_subtree()
            open_sizes.append(0 if dropped else count(el.text))
        elif event == "end":
            sizes[el] = size = open_sizes.pop()
            open_sizes[-1] += size + (count(el.tail) if el is not root else 0)
        else:
            open_sizes[-1] += count(el.tail)
    return sizes


def link_text_len(el: etree._Element) -> int:
    """How much of an element's text sits inside links."""
    return sum(len(visible_text(a)) for a in el.iter("a"))


def names(el: etree._Element) -> str:
    """Class and id together, the words the class/id vocabularies look for."""
    return f"{el.get('class', '')} {el.get('id', '')}"


def elements(root: etree._Element) -> Iterator[etree._Element]:
    """Every element under root (root included), without comments and PIs."""
    return (el for el in root.iter() if isinstance(el.tag, str))


def document_order(root: etree._Element) -> dict[etree._Element, int]:
    """Each element's position in the page, to compare "before" and "nearest"."""
    return {el: i for i, el in enumerate(elements(root))}


def is_inside(el: etree._Element, ancestor: etree._Element) -> bool:
    """The element is the ancestor or sits under it."""
    return any(node is ancestor for node in el.iterancestors()) or el is ancestor


def has_block_child(el: etree._Element) -> bool:
    """Some element under it is a block (p, div, li...): it is not a paragraph itself."""
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el.iterdescendants())


def same_text(a: str | None, b: str | None) -> bool:
    """Both given and equal but for case."""
    return bool(a and b) and a.casefold() == b.casefold()
