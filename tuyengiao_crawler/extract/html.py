"""HTML helpers shared by the profile and generic extractors: safe body HTML and clean text."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html
from parsel import Selector, SelectorList
from parsel.csstranslator import HTMLTranslator

# Tags whose content never belongs in an archived body. Not <embed> (void: what libxml2
# nests in it is the page's) nor <object> (what it holds is the fallback every browser
# without the plugin shows): both are cut from stored HTML, their content kept.
DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "iframe",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "svg",
        "canvas",
        "template",
        "link",
        "meta",
    }
)
# Also dropped from stored body HTML: plugins (embed, object, applet), tags that change how
# a viewer reads the page (base, frames), run code (math actions, portal) or hold raw text
# a browser and lxml serialise differently (xmp, plaintext, noembed, noframes, title).
UNSAFE_TAGS = DROP_TAGS | frozenset(
    {"embed", "object", "base", "frame", "frameset", "applet", "math", "param", "portal", "xmp",
     "plaintext", "noembed", "noframes", "title", "head", "html", "body"}
)  # fmt: skip
# Elements that hold nothing (HTML's void elements, and obsolete ones browsers still treat
# as void). libxml2 2.14 parses <embed>, <source>, <track>, <wbr>, <keygen>, <bgsound> and
# <image> as containers, so an unclosed one (as they always are) swallows everything after
# it up to its parent's end tag.
VOID_TAGS = frozenset(
    {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
     "input", "keygen", "link", "meta", "param", "source", "track", "wbr"}
)  # fmt: skip
# Deeper than this, elements are laid side by side (as Blink does past 512): no page nests
# half as deep, and hostile ones that nest thousands deep made the heuristics, which read
# each element's text, quadratic (9 s for one page).
MAX_DEPTH = 256
# Plugin elements: what they hold (beside <param>s, which hold nothing) is the fallback
# that browsers, none of which runs Flash or Java any more, show; and an unclosed one holds
# the rest of its parent.
FALLBACK_TAGS = frozenset({"object", "applet"})
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "header",
        "footer",
        "aside",
        "main",
        "dl",
        "dt",
        "dd",
        "center",
        "address",
        "hr",
    }
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
URL_ATTRS = ("href", "src")
KEEP_ATTRS = frozenset({"href", "src", "alt", "title", "colspan", "rowspan"})
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad\u2060"), None)
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\ufeff\u00ad\u2060"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def drop_zero_width(text: str) -> str:
    """`text.translate(_ZERO_WIDTH)`, hundreds of times faster on Vietnamese text: translate
    looks every non-ASCII character up in a dict, replace scans for one character."""
    for char in _ZERO_WIDTH_CHARS:
        if char in text:
            text = text.replace(char, "")
    return text


def text_of(value: str | None) -> str:
    """NFC text with zero-width characters removed and spaces collapsed on each line."""
    if not value:
        return ""
    value = _SPACES.sub(" ", drop_zero_width(unicodedata.normalize("NFC", value)))
    if "\n" not in value and value.isprintable():
        return value.strip()  # one line (no line break of any kind): most calls
    lines = (line.strip() for line in value.splitlines())
    return "\n".join(line for line in lines if line)


def one_line(value: str | None) -> str:
    return text_of(value).replace("\n", " ")


# The extractors work on lxml elements: parsel's `Selector.css`/`.xpath` wrap every result
# in a new Selector, which cost more than the queries themselves (a tenth of reprocess).
# Helpers also take a Selector, for callers that hold one.
Node = Any  # an lxml element, or a string for `::text` / `::attr()` results


def element_of(node: Selector | Node) -> Node:
    return node.root if isinstance(node, Selector) else node


_TRANSLATOR = HTMLTranslator()
_TEXT_NODES = etree.XPath(".//text()", smart_strings=False)


@lru_cache(maxsize=1024)
def _compiled_css(css: str) -> etree.XPath:
    return etree.XPath(_TRANSLATOR.css_to_xpath(css), smart_strings=False)


def css_nodes(node: Selector | Node, css: str) -> list[Node]:
    """What a CSS selector (parsel's dialect: `::text` and `::attr(name)` allowed) matches
    under a node, in document order."""
    element = element_of(node)
    if not isinstance(element, etree._Element):
        return []
    return _compiled_css(css)(element)


def element_text(node: Selector | Node) -> str:
    """All text of an element (or a selected string) on one line."""
    element = element_of(node)
    if isinstance(element, str):
        return one_line(element)
    if not isinstance(element, etree._Element):
        return ""
    return one_line(" ".join(_TEXT_NODES(element)))


def first_text(node: Selector | Node, css: str | None) -> str | None:
    """The first non-empty text the CSS selector finds under a node."""
    if not css:
        return None
    for found in css_nodes(node, css):
        text = element_text(found)
        if text:
            return text
    return None


def remove_selected(node: Selector | Node, css_list: Iterable[str]) -> None:
    """Detach every element matched by the given CSS selectors from the tree (in place)."""
    for css in css_list:
        for element in css_nodes(node, css):
            if isinstance(element, etree._Element) and element.getparent() is not None:
                drop_keep_tail(element)


def _xml_safe(text: str | None) -> str:
    # lxml parses control characters but refuses them when text is assigned back.
    return _CONTROL.sub("", text or "")


def strip_control_chars(root: etree._Element) -> None:
    """Cut control characters out of a whole tree once, so later tree surgery can move its
    text around without lxml refusing it."""
    for el in root.iter():
        for name in ("text", "tail"):
            value = getattr(el, name)
            if value and _CONTROL.search(value):
                setattr(el, name, _CONTROL.sub("", value))
        if isinstance(el.tag, str):
            for key, value in el.attrib.items():
                if _CONTROL.search(value):
                    el.set(key, _CONTROL.sub("", value))


def drop_keep_tail(element: etree._Element) -> None:
    """Remove an element but keep its tail text in the tree (a root stays where it is)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = _xml_safe(previous.tail) + _xml_safe(element.tail)
        else:
            parent.text = _xml_safe(parent.text) + _xml_safe(element.tail)
    parent.remove(element)


def detached_copy(node: Selector | Node) -> Node:
    """A deep copy of an element, so removals never touch the page the spider still reads."""
    return copy.deepcopy(element_of(node))


def _unnest(element: etree._Element) -> None:
    """Move an element's text and children out to follow it, in order (a root stays
    as it is): what libxml2 put inside an element that holds nothing."""
    parent = element.getparent()
    if parent is None or (not element.text and not len(element)):
        return
    tail, children = element.tail, list(element)
    element.tail, element.text = _xml_safe(element.text), None
    for child in reversed(children):
        element.addnext(child)  # moves the child with its tail
    last = children[-1] if children else element
    last.tail = _xml_safe(last.tail) + _xml_safe(tail)


def _flatten(element: etree._Element) -> None:
    """Make every element under `element` its child, in document order, each text where
    it was: the tree's shape below it is lost, its text, paragraphs, links and images not."""
    placed: list[etree._Element] = []  # descendants in document order
    tails: dict[etree._Element, list[str]] = {}
    for event, el in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        if el is element:
            continue
        if event != "end":
            placed.append(el)
            tails[el] = []
        if event != "start" and el.tail:
            # What followed an element now follows the last thing placed inside it.
            tails[placed[-1]].append(el.tail)
    for el in placed:
        el.tail = _xml_safe("".join(tails[el])) or None
    # Last first: each element moves once its descendants have left it (lxml walks the
    # subtree of an element it moves), each to the front, so they end in document order.
    for el in reversed(placed):
        element.insert(0, el)


# The same start tag 256 times in a row or more (with only spaces between): no page nests
# so on purpose, and libxml2 stops parsing at depth 2048 (with huge_tree, as parsel asks),
# dropping the rest of the page, article and all.
_RUNAWAY_NESTING = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>(?:\s*<\1\b[^<>]*>){255,}")


def collapse_runaway_nesting(text: str) -> str:
    """`text` with each run of 256 or more identical start tags cut to its first: what
    they held is kept, one level deep (their end tags are ignored as strays). Linear."""
    return _RUNAWAY_NESTING.sub(lambda m: m.group(0)[: m.group(0).index(">") + 1], text)


def repair_tree(root: etree._Element) -> None:
    """Give back to the page what libxml2 nested inside void elements (an <embed> holding
    the rest of the article) and inside plugin elements (an unclosed <object>), and cut the
    tree at MAX_DEPTH, so the text walks and the stored HTML read the page as a browser
    shows it, in time linear in its size. In place."""
    if not isinstance(root, etree._Element):
        return
    # Parents before children: what an outer element gives back is still visited.
    for element in list(root.iter(*VOID_TAGS, *FALLBACK_TAGS)):
        _unnest(element)
    too_deep, depth = [], 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth == MAX_DEPTH and len(element):
            too_deep.append(element)
            walker.skip_subtree()
    for element in too_deep:
        _flatten(element)


_LINE_BREAK = "\ue000"  # a private-use character: where a soft <br> broke a paragraph's line


def _soft_breaks(root: etree._Element) -> set[etree._Element]:
    """The lone <br>s of elements that also hold two <br>s in a row: those write paragraphs
    apart with <br><br> (old editors, table layouts), so one <br> only breaks a line."""
    doubled: set[etree._Element] = set()
    lone: list[etree._Element] = []
    for br in root.iter("br"):
        after = br.getnext()
        before = br.getprevious()
        if (after is not None and after.tag == "br" and not one_line(br.tail)) or (
            before is not None and before.tag == "br" and not one_line(before.tail)
        ):
            doubled.add(br.getparent())
        else:
            lone.append(br)
    return {br for br in lone if br.getparent() in doubled}


_ROW_CELL_MAX = 200  # longer, a cell is a layout table's column, not a figure


def _table_row(tr: etree._Element) -> str | None:
    """A row of a table of figures as one line, its cells set apart by " | "; None when a
    cell holds blocks or prose (a layout table)."""
    cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
    texts = []
    for cell in cells:
        if any(isinstance(n.tag, str) and n.tag in BLOCK_TAGS and n.tag != "p" for n in
               cell.iterdescendants()):  # fmt: skip
            return None
        text = " ".join(text_blocks(cell))
        if len(text) > _ROW_CELL_MAX:
            return None
        texts.append(text)
    texts = [t for t in texts if t]
    return " | ".join(texts) if len(cells) >= 2 and texts else None


def text_blocks(node: Selector | Node, *, soft_breaks: bool = False) -> list[str]:
    """The element's visible text split at block boundaries and <br>, cleaned, empties dropped.
    With `soft_breaks` (the generic body), a lone <br> among paragraphs set apart by
    <br><br> breaks a line inside its paragraph ("\n"), not the paragraph; and a table row
    of short cells is one line, "Chỉ tiêu | Kế hoạch | Thực hiện"."""
    root = element_of(node)
    if not isinstance(root, etree._Element) or not isinstance(root.tag, str):
        return []
    soft = _soft_breaks(root) if soft_breaks else set()
    blocks: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        joined = "".join(buffer)
        buffer.clear()
        if soft and _LINE_BREAK in joined:
            lines = (one_line(line) for line in joined.split(_LINE_BREAK))
            text = "\n".join(line for line in lines if line)
        else:
            text = one_line(joined)
        if text:
            blocks.append(text)

    # lxml's walk, not a recursive one: hostile pages nest tags thousands deep. A dropped
    # element's subtree is skipped; its end event still comes, for its tail.
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event == "start":
            if el.tag in DROP_TAGS:
                walker.skip_subtree()
                continue
            if soft_breaks and el.tag == "tr" and (row := _table_row(el)):
                flush()
                blocks.append(row)
                walker.skip_subtree()
                continue
            if el in soft:
                buffer.append(_LINE_BREAK)
            elif el.tag in BLOCK_TAGS or el.tag == "br":
                flush()
            if el.text:
                buffer.append(el.text)
            continue
        if event == "end" and el.tag in BLOCK_TAGS:
            flush()
        if el.tail and el is not root:
            buffer.append(el.tail)
    flush()
    return blocks


def clean_body_html(node: Selector | Node, base_url: str, *, in_place: bool = False) -> str:
    """Sanitised HTML of an element: no scripts, event handlers or javascript: links,
    attributes cut to a safe few, links made absolute. `in_place` sanitises the element
    itself (a detached copy the caller has no further use for) instead of a copy."""
    root = element_of(node) if in_place else copy.deepcopy(element_of(node))
    if not isinstance(root.tag, str):
        return ""
    repair_tree(root)  # an <embed> or <object> is cut below: what it swallowed is kept
    if root.tag in UNSAFE_TAGS:
        if root.tag not in ("html", "body"):
            return ""  # the body selector matched a script, a form...: nothing safe to keep
        root.tag = "div"
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            # comments and processing instructions
            if el.getparent() is not None:
                drop_keep_tail(el)
            continue
        if el.tag in UNSAFE_TAGS and el is not root:
            if el.getparent() is not None:
                drop_keep_tail(el)
            continue
        if any(name not in KEEP_ATTRS for name in el.attrib):
            # Rebuilt, not deleted one by one: lxml refuses to delete an attribute whose
            # name holds a control character ("<a \x08href=...>" parses as one).
            kept = {k: _xml_safe(v) for k, v in el.attrib.items() if k in KEEP_ATTRS}
            el.attrib.clear()
            el.attrib.update(kept)
        for name in URL_ATTRS:
            value = el.get(name)
            if value is None:
                continue
            try:
                absolute = urljoin(base_url, value.strip())
            except ValueError:  # "http://[::1" and other URLs that cannot be read
                absolute = ""
            if not absolute.lower().startswith(_SAFE_SCHEMES):
                del el.attrib[name]
            else:
                el.set(name, _xml_safe(absolute))
    root.attrib.clear()
    markup = lxml_html.tostring(root, encoding="unicode", method="html")
    return drop_zero_width(unicodedata.normalize("NFC", markup)).strip()


def attribute(node: Selector | SelectorList | Node | None, name: str) -> str | None:
    """An attribute of an element (the first, for a SelectorList); None when absent or
    unreadable. Unlike `.attrib`, never raises on a tag whose junk parsed as an attribute
    name lxml cannot hand back ("<a class=x\x08 href=...>")."""
    if isinstance(node, SelectorList):
        node = node[0] if node else None
    element = element_of(node)
    if not isinstance(element, etree._Element):
        return None
    try:
        return element.get(name)
    except ValueError:
        return None


def absolute(base_url: str, href: str | None) -> str | None:
    """The absolute http(s) URL of a link, image or attachment; None for anything else
    (javascript:, data:, mailto:..., however spelt: "java\nscript:" joins to javascript:)."""
    if not href:
        return None
    href = href.strip()
    if not href or href.lower().startswith(("javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        joined = urljoin(base_url, href)
    except ValueError:
        return None
    return joined if joined.lower().startswith(("http://", "https://")) else None
