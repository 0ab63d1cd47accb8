"""Where a page states its dates: meta tags, JSON-LD, a dateline by the title, the body.

The strings are kept raw here; normalize.dates turns them into ISO dates.
"""

from __future__ import annotations

import re

from lxml import etree

from tuyengiao_crawler.extract.html import one_line
from tuyengiao_crawler.extract.tree import has_block_child, is_inside, visible_text

_WEEKDAY = r"(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7])\s*[,\-–]?\s*)"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:SA|CH|AM|PM|\(?GMT\s*\+\s*7\)?))?"
_DAY = (
    r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)\d{2}"
    r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+\-]\d{2}:?\d{2})?)?)"
)
# A Vietnamese date with its optional weekday and time on either side, e.g.
# "Thứ Ba, 03/03/2020 - 09:15", "08h15 - 12/05/2020", "09:15 ngày 12/05/2021".
DATE_RE = re.compile(
    rf"(?<!\w){_WEEKDAY}?(?:{_TIME}\s*[,\-–|]?\s*(?:ngày\s*)?)?{_DAY}"
    rf"(?:\s*(?:[,\-–|]|lúc)?\s*{_TIME})?(?!\d)",
    re.IGNORECASE,
)
_UPDATED_LABEL = re.compile(r"cập\s*nhật|sửa|updated|modified", re.IGNORECASE)
_META_PUBLISHED = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
)  # fmt: skip
_META_UPDATED = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_DATELINE_MAX = 120  # a dateline element is a short line, not a paragraph that cites a date
_LONG_PARAGRAPH = 150


def meta_dates(
    root: etree._Element, metas: dict[str, str], ld: dict | None, area: etree._Element | None
) -> tuple[str | None, str | None]:
    """Published and updated strings from meta tags, microdata, JSON-LD or <time>."""
    published = next((metas[k] for k in _META_PUBLISHED if metas.get(k)), None)
    updated = next((metas[k] for k in _META_UPDATED if metas.get(k)), None)
    if not published:
        for el in root.xpath('//*[@itemprop="datePublished"]'):
            published = (
                one_line(el.get("content") or el.get("datetime") or visible_text(el)) or None
            )
            if published:
                break
    if ld:
        published = published or (one_line(str(ld.get("datePublished") or "")) or None)
        updated = updated or (one_line(str(ld.get("dateModified") or "")) or None)
    if not published and area is not None:
        for el in area.iter("time"):
            published = one_line(el.get("datetime")) or None
            if published:
                break
    return published, updated


def _date_segments(el: etree._Element) -> list[str]:
    """Date strings in a short element: the text up to each date match, descending into
    children when each child holds whole dates (two labelled spans in one line)."""
    text = visible_text(el)
    matches = [m.group(0) for m in DATE_RE.finditer(text)]
    if not matches:
        return []
    children = [c for c in el if isinstance(c.tag, str) and DATE_RE.search(visible_text(c))]
    covered = all(any(m in visible_text(c) for c in children) for m in matches)
    if children and covered and (len(children) > 1 or visible_text(children[0]) != text):
        return [seg for child in children for seg in _date_segments(child)]
    segments, start = [], 0
    for match in DATE_RE.finditer(text):
        segment = text[start : match.end()].strip(" |,-–·")
        start = match.end()
        if segment:
            segments.append(segment)
    return segments


def dateline_elements(
    title_node: etree._Element | None,
) -> list[tuple[etree._Element, list[str]]]:
    """Short date-bearing elements just after the title (or, failing that, just before)."""
    if title_node is None:
        return []
    found: list[tuple[etree._Element, list[str]]] = []
    taken: list[etree._Element] = []
    long_paragraphs = 0
    for el in title_node.xpath("following::*[position() <= 40]"):
        if any(is_inside(el, t) for t in taken):
            continue
        text = visible_text(el)
        if len(text) > _LONG_PARAGRAPH and not has_block_child(el):
            long_paragraphs += 1
            if long_paragraphs >= 2:
                break
            continue
        if len(text) <= _DATELINE_MAX and DATE_RE.search(text):
            segments = _date_segments(el)
            if segments:
                found.append((el, segments))
                taken.append(el)
                if len(found) >= 3:
                    break
    if not found:
        for el in title_node.xpath("preceding::*[position() <= 6]"):
            text = visible_text(el)
            if len(text) <= _DATELINE_MAX and (segments := _date_segments(el)):
                return [(el, segments)]
    return found


def split_published_updated(segments: list[str]) -> tuple[str | None, str | None]:
    """A "Cập nhật" string beside a separate published date is the update; alone, it is
    the only date the page gives, so it stands for publication."""
    if not segments:
        return None, None
    plain = [s for s in segments if not _UPDATED_LABEL.search(s)]
    labelled = [s for s in segments if _UPDATED_LABEL.search(s)]
    if plain:
        return plain[0], labelled[0] if labelled else None
    return labelled[0], None
