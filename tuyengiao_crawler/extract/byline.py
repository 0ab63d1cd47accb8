"""The byline: author markup, the signature lines that open or end the body, a name
sharing the dateline, and, when none of them names a person, the page's metadata."""

from __future__ import annotations

import copy
import html
import re
from typing import Any

from lxml import etree

from tuyengiao_crawler.extract.html import one_line, text_blocks
from tuyengiao_crawler.extract.tree import elements, is_inside, names, visible_text
from tuyengiao_crawler.normalize.bylines import parse_byline

_AUTHOR_CLASS = re.compile(r"author|tac-?gia|byline|but-?danh|nguon-?tin|(?<!re)source", re.I)
_BYLINE_PREFIX = re.compile(
    r"^\(?(?:theo\s|nguồn\s*:|bài\s*(?:,|và)?\s*ảnh\s*:|bài\s*:|ảnh\s*:|tin\s*(?:,|và)?\s*ảnh\s*:"
    r"|tin\s*:|(?:nhóm\s+)?(?:pv|ctv|btv)\b)",
    re.IGNORECASE,
)
# What may open the body as its byline: a label, never "Theo ..." (a sentence may start so).
_TOP_PREFIX = re.compile(
    r"^(?:bài\s*(?:,|và|&)?\s*ảnh\s*:|bài\s*:|tin\s*(?:,|và|&)?\s*ảnh\s*:|tin\s*:|thực\s+hiện\s*:"
    r"|tác\s+giả\s*:|nhóm\s+thực\s+hiện\s*:|người\s+viết\s*:|(?:nhóm\s+)?(?:pv|ctv)\b)",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^[A-ZĐ][A-ZĐ.\s]{0,10}$")
_INLINE_NAMES = frozenset({"a", "span", "strong", "b", "em", "i", "li"})
# Metadata naming the author, in the order they are trusted.
_META_AUTHOR_KEYS = ("article:author", "dable:author", "author", "og:article:author")


def author_elements(area: etree._Element | None, body: etree._Element) -> list[etree._Element]:
    """Short elements named author/tac-gia/byline (one per signature line), or marked as the
    author (itemprop="author", rel="author"), outermost only."""
    found: list[etree._Element] = []
    for el in elements(area if area is not None else body):
        if el.tag == "meta":
            continue
        marked = el.get("itemprop", "").lower() == "author" or "author" in (
            el.get("rel", "").lower().split()
        )
        if not marked and (el.tag == "a" or not _AUTHOR_CLASS.search(names(el))):
            continue
        if 0 < len(visible_text(el)) <= 100 and not any(is_inside(el, f) for f in found):
            found.append(el)
    return found[:3]


def element_lines(el: etree._Element) -> list[str]:
    """An author element's lines: split at blocks and <br>, and between names set side by
    side with nothing between them (<a>Nguyễn Văn An</a><a>Trần Bình</a>)."""
    names_ = el.xpath('.//*[@itemprop="name"]')
    if el.get("itemprop", "").lower() == "author" and names_:
        return [t for t in (visible_text(n) for n in names_) if t]
    el = copy.deepcopy(el)
    for child in el.iter(*_INLINE_NAMES):
        after = child.getnext()
        if (
            after is not None
            and after.tag in _INLINE_NAMES
            and not (child.tail or "").strip()
            and parse_byline(visible_text(child))
            and parse_byline(visible_text(after))
        ):
            child.tail = ", "
    return text_blocks(el)


def names_someone(lines: list[str]) -> bool:
    """The lines, read as a byline, name at least one person."""
    return any(e["role"] == "author" for e in parse_byline("\n".join(lines)))


def dateline_bylines(datelines: list[etree._Element], authors: list[etree._Element]) -> list[str]:
    """A byline sharing the dateline's element ("Thứ Ba, 14/03/2023 09:40 | Nguyễn Thị Hoa"):
    the line, when it names someone beside its dates (and holds no author element)."""
    lines = []
    for el in datelines:
        if any(is_inside(a, el) or is_inside(el, a) for a in authors):
            continue
        text = visible_text(el)
        if text and parse_byline(text):
            lines.append(text)
    return lines


def leading_byline(blocks: list[str], body: etree._Element | None = None) -> int:
    """How many first blocks are the byline: a labelled line ("Bài và ảnh: Lê Hà"), or a
    bold or right-aligned name with a title or a surname first ("TS. NGUYỄN VĂN AN",
    "Trần Thị Hồng"), with the bold or right-aligned body under it ("Học viện ...")."""
    if len(blocks) < 2:
        return 0
    first = blocks[0]
    if len(first) <= 80 and _TOP_PREFIX.match(first) and parse_byline(first):
        return 1
    if body is None or not (_signed_name(first) and _set_apart(body, first)):
        return 0
    second = parse_byline(blocks[1]) if len(blocks) > 2 else []
    if second and all(e["role"] != "author" for e in second) and _set_apart(body, blocks[1]):
        return 2
    return 1


# Surnames, for telling a name that opens the body from a heading; pen names go unseen.
_SURNAMES = frozenset(
    """nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn
    trương lâm mai trịnh tô hà lưu cao tạ chu quách thái lương kiều đào tống đàm triệu châu
    nông lò hứa khuất phùng vương la từ kha thân giang âu doãn tăng mạc lại ninh văn lã
    """.split()
)
_TITLE_FIRST = re.compile(
    r"^(?:PGS|GS|TSKH|TS|ThS|Th\.S|NCS|(?i:đại|thượng|trung|thiếu)\s+(?i:tá|tướng)|"
    r"(?i:nhà\s+báo|đồng\s+chí|đ/c))\b"
)


def _signed_name(line: str) -> bool:
    """A line that names a person the way a signature does: title or surname first."""
    persons = [e["name"] for e in parse_byline(line) if e["role"] == "author"]
    if not persons or len(line) > 80:
        return False
    return bool(_TITLE_FIRST.match(line)) or (
        len(persons[0].split()) >= 2 and persons[0].split()[0].lower() in _SURNAMES
    )


def _set_apart(body: etree._Element, text: str) -> bool:
    """The block holding ``text`` is right-aligned or all bold/italic."""
    for el in body.iter("p", "div", "h2", "h3", "h4", "h5", "h6", "span", "td"):
        if visible_text(el) != text:
            continue
        style = (el.get("style") or "").replace(" ", "").lower()
        if "text-align:right" in style or (el.get("align") or "").lower() == "right":
            return True
        if re.search(r"right", el.get("class") or "", re.I):
            return True
        return all(_emphasised(t, el) for t in el.xpath(".//text()") if t.strip())
    return False


def _emphasised(text: Any, top: etree._Element) -> bool:
    node = text.getparent()
    if text.is_tail:
        node = node.getparent()
    while node is not None:
        if node.tag in ("strong", "b", "em", "i"):
            return True
        if node is top:
            return False
        node = node.getparent()
    return False


def _ld_names(value: Any) -> list[str]:
    """The names in a JSON-LD author: a string, an object with a name, or a list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _ld_names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value[:10] for n in _ld_names(v)]
    return []


def markup_authors(metas: dict[str, str], ld: dict | None) -> list[str]:
    """The author the page's markup names: JSON-LD ``author``, else the author meta tags;
    entities left in the text (Nguy&#7877;n) decoded, links and accounts skipped."""
    candidates: list[list[str]] = []
    if ld is not None:
        candidates.append(_ld_names(ld.get("author")))
    candidates += [[metas[k]] for k in _META_AUTHOR_KEYS if metas.get(k)]
    for names_ in candidates:
        lines = []
        for name in names_:
            name = one_line(html.unescape(html.unescape(name)))
            if name and not re.match(r"(?i)^(?:https?:|www\.)", name) and len(name) <= 100:
                lines.append(name)
        if lines and parse_byline("\n".join(lines)):
            return lines
    return []


def looks_like_byline(line: str) -> bool:
    """A short signature line: a name, an organisation, "Theo Báo ...", "Bài, ảnh: ...", "PV"."""
    if not line or len(line) > 80:
        return False
    if _BYLINE_PREFIX.match(line):
        return True
    if _heuristic_byline(line):
        return True
    # What the byline parser reads as a body or a full name ("Hoài Thu (Ban Tuyên giáo
    # Huyện ủy Quỳnh Lưu)"); a lone word it takes for a name is too little ("(Hết)").
    if line.endswith((".", ":", ";", "?", "!", "…")):
        return False
    return any(e["role"] != "author" or " " in e["name"] for e in parse_byline(line))


def _heuristic_byline(line: str) -> bool:
    if len(line) > 60 or line[0] in "-+*•–(\"“'" or line[0].isdigit():
        return False
    if line[-1] in ".!?:;,…" and not _INITIALS.match(line):
        return False
    words = line.split()
    if len(words) > 8:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.5


def trailing_byline(blocks: list[str], headings: set[str]) -> int:
    """How many of the last blocks (at most 3) form the signature."""
    count = 0
    for line in reversed(blocks[-3:]):
        if line.casefold() in headings or not looks_like_byline(line):
            break
        count += 1
    # A body never is all signature: keep at least one paragraph.
    return min(count, max(len(blocks) - 1, 0))
