"""Images in the article body: lazy-loaded sources, alt text and captions."""

from __future__ import annotations

import re

from lxml import etree

from tuyengiao_crawler.extract.html import absolute, one_line
from tuyengiao_crawler.extract.tree import names, visible_text

_CAPTION_CLASS = re.compile(
    r"caption|chu-?thich|img-?desc|image-?desc|photo-?desc|pic-?desc|desc-?img|ghi-?chu-?anh",
    re.IGNORECASE,
)
_LAZY_ATTRS = ("data-src", "data-original", "data-lazy-src", "src")


def _is_caption(el: etree._Element) -> bool:
    """A short line under an image: caption class, <figcaption>, or all in italics."""
    text = visible_text(el)
    if not text or len(text) > 300 or el.find(".//img") is not None:
        return False
    if el.tag == "figcaption" or any(
        _CAPTION_CLASS.search(names(n)) for n in el.iter() if isinstance(n.tag, str)
    ):
        return True
    italic = one_line(
        " ".join(
            visible_text(n) for n in el.iter("em", "i") if n.getparent().tag not in ("em", "i")
        )
    )
    return italic == text


def _caption(
    img: etree._Element, block: etree._Element
) -> tuple[str | None, etree._Element | None]:
    figure = next((a for a in img.iterancestors("figure")), None)
    if figure is not None:
        cap = figure.find(".//figcaption")
        if cap is not None and visible_text(cap):
            return visible_text(cap), cap
    node = img
    for _ in range(4):
        node = node.getparent()
        if node is None or node is block:
            break
        text = visible_text(node)
        if text:
            # An image box (a table or paragraph holding the image and a short line).
            if len(text) <= 300 and len(node.findall(".//img")) == 1:
                return text, node
            break
        sibling = node.getnext()
        if sibling is not None and _is_caption(sibling):
            return visible_text(sibling), sibling
    return None, None


def _image_source(img: etree._Element) -> str | None:
    # Lazy-loading CMSs put a spinner in src and the real picture in a data-* attribute.
    return next((img.get(k) for k in _LAZY_ATTRS if img.get(k)), None)


def unlazy_images(block: etree._Element) -> None:
    """Put each image's real source in src, so the stored body HTML shows the picture."""
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
