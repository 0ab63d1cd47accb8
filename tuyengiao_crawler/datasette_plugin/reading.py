"""Stored article HTML made fit to read in the browser.

The body HTML was sanitised when it was crawled; this pass is the browser's own guard
(scripts, frames, forms, event handlers and javascript: links dropped again) and keeps the
page from fetching anything from the archived site: an image becomes a link to its
original URL with its alt text, since the archive holds the page, not its images.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup, escape

_DROP = {
    "script",
    "style",
    "iframe",
    "frame",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "video",
    "audio",
    "source",
    "picture",
}
_URL_ATTRS = ("href", "src", "srcset", "action", "poster", "background")
_SAFE_URL = re.compile(r"^(https?:|mailto:|#|/)", re.I)
_TAG_RE = re.compile(r"<[^>]+>")


def _image_link(img: etree._Element) -> etree._Element:
    link = etree.Element("a", {"class": "tg-image", "rel": "noreferrer"})
    src = img.get("src") or ""
    if _SAFE_URL.match(src):
        link.set("href", src)
    label = img.get("alt") or img.get("title") or src.rsplit("/", 1)[-1] or "image"
    link.text = f"[ảnh · image: {label}]"
    link.tail = img.tail
    return link


def reading_html(body_html: str | None, body_text: str | None = None) -> Markup:
    """The body as HTML to show: `body_html` made safe (see the module), or `body_text`'s
    paragraphs when there is no HTML."""
    if not body_html or not body_html.strip():
        paragraphs = [p for p in (body_text or "").split("\n\n") if p.strip()]
        return Markup("".join(Markup("<p>{}</p>").format(p) for p in paragraphs))
    try:
        root = lxml_html.fragment_fromstring(body_html, create_parent="div")
    except (etree.ParserError, ValueError):
        return Markup("<p>{}</p>").format(body_text or "")
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            if el.getparent() is not None:
                el.drop_tree()
            continue
        if el.tag in _DROP and el is not root:
            el.drop_tree()
            continue
        if el.tag == "img" and el.getparent() is not None:
            el.getparent().replace(el, _image_link(el))
            continue
        for name in list(el.attrib):
            if name.lower().startswith("on") or name.lower() in ("style", "srcset"):
                del el.attrib[name]
            elif name.lower() in _URL_ATTRS and not _SAFE_URL.match(el.get(name).strip()):
                del el.attrib[name]
        if el.tag == "a" and el.get("href"):
            el.set("rel", "noreferrer")
    inner = (root.text and escape(root.text)) or ""
    return Markup(
        inner
        + "".join(lxml_html.tostring(child, encoding="unicode", method="html") for child in root)
    )


def plain_text(html: str) -> str:
    """Markup reduced to its words (for a clipped table cell)."""
    try:
        text = lxml_html.fragment_fromstring(html, create_parent="div").text_content()
    except (etree.ParserError, ValueError):
        text = _TAG_RE.sub(" ", html)
    return " ".join(text.split())


def clip_text(value: str, width: int, html: bool = False) -> Markup:
    """A long text cut to about `width` characters at a word break, its full length in
    the tooltip: what a table cell shows of a body (HTML shown as its text)."""
    text = plain_text(value) if html else " ".join(value.split())
    if len(text) <= width:
        return Markup('<span class="tg-clip">{}</span>').format(text)
    cut = text[:width].rsplit(" ", 1)[0]
    return Markup('<span class="tg-clip" title="{} characters">{} …</span>').format(
        f"{len(value):,}", cut
    )
