"""Small lxml element helpers the generic heuristics share: text, names, order, cutting."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from tuyengiao_crawler.extract.html import BLOCK_TAGS, DROP_TAGS, one_line

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
    return any(node is ancestor for node in el.iterancestors()) or el is ancestor


def has_block_child(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el.iterdescendants())


def same_text(a: str | None, b: str | None) -> bool:
    """Both given and equal but for case."""
    return bool(a and b) and a.casefold() == b.casefold()


def drop(el: etree._Element) -> None:
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


def strip_control_chars(root: etree._Element) -> None:
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
