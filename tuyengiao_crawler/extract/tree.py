"""Small lxml element helpers the generic heuristics share: text, names, order, nesting."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from tuyengiao_crawler.extract.html import BLOCK_TAGS, DROP_TAGS, one_line


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
    """The element is the ancestor or sits under it."""
    return any(node is ancestor for node in el.iterancestors()) or el is ancestor


def has_block_child(el: etree._Element) -> bool:
    """Some element under it is a block (p, div, li...): it is not a paragraph itself."""
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el.iterdescendants())


def same_text(a: str | None, b: str | None) -> bool:
    """Both given and equal but for case."""
    return bool(a and b) and a.casefold() == b.casefold()
