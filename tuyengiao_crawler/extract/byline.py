"""The byline: author markup, or the signature lines that end the body."""

from __future__ import annotations

import re

from lxml import etree

from tuyengiao_crawler.extract.tree import elements, is_inside, names, visible_text

_AUTHOR_CLASS = re.compile(r"author|tac-?gia|byline|but-?danh|nguon-?tin|(?<!re)source", re.I)
_BYLINE_PREFIX = re.compile(
    r"^(?:theo\s|nguồn\s*:|bài\s*(?:,|và)?\s*ảnh\s*:|bài\s*:|ảnh\s*:|tin\s*(?:,|và)?\s*ảnh\s*:"
    r"|tin\s*:|(?:nhóm\s+)?(?:pv|ctv|btv)\b)",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^[A-ZĐ][A-ZĐ.\s]{0,10}$")


def author_elements(area: etree._Element | None, body: etree._Element) -> list[etree._Element]:
    """Short elements named author/tac-gia/byline (one per signature line), outermost only."""
    found: list[etree._Element] = []
    for el in elements(area if area is not None else body):
        if el.tag in ("meta", "a") or not _AUTHOR_CLASS.search(names(el)):
            continue
        if 0 < len(visible_text(el)) <= 100 and not any(is_inside(el, f) for f in found):
            found.append(el)
    return found[:3]


def looks_like_byline(line: str) -> bool:
    """A short signature line: a name, an organisation, "Theo Báo ...", "Bài, ảnh: ...", "PV"."""
    if not line or len(line) > 80:
        return False
    if _BYLINE_PREFIX.match(line):
        return True
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
