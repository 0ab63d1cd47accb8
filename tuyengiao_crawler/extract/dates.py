"""Where a page states its dates: meta tags, JSON-LD, a dateline by the title, the body.

The strings are kept raw here. Which text is a date is asked of normalize.dates, the one
date grammar, so every date found here is one normalize_date reads.
"""

from __future__ import annotations

import re

from lxml import etree

from tuyengiao_crawler.extract.html import one_line
from tuyengiao_crawler.extract.tree import has_block_child, is_inside, visible_text
from tuyengiao_crawler.normalize.dates import DateSpan, date_spans

_UPDATED_LABEL = re.compile(r"cập\s*nhật|sửa|updated|modified", re.IGNORECASE)
_META_PUBLISHED = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
)  # fmt: skip
_META_UPDATED = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_DATELINE_MAX = 120  # a dateline element is a short line, not a paragraph that cites a date
_LONG_PARAGRAPH = 150


def has_date(text: str) -> bool:
    """Whether a text holds a full date (day, month and year)."""
    return bool(date_spans(text, limit=1))


def first_date(text: str) -> str | None:
    """The first full date in a text, as written, with its time and weekday if beside it."""
    spans = date_spans(text, limit=1)
    return text[spans[0].start : spans[0].end] if spans else None


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


def _date_segments(el: etree._Element, text: str, spans: list[DateSpan]) -> list[str]:
    """Date strings in a short element (its text and the dates in it given): the text up to
    the end of each date, so a label before it stays with it, descending into children when
    each child holds whole dates (two labelled spans in one line)."""
    children = []
    for child in el:
        if isinstance(child.tag, str):
            child_text = visible_text(child)
            if child_spans := date_spans(child_text):
                children.append((child, child_text, child_spans))
    covered = all(any(text[s.start : s.end] in c_text for _, c_text, _ in children) for s in spans)
    if children and covered and (len(children) > 1 or children[0][1] != text):
        return [seg for child in children for seg in _date_segments(*child)]
    segments, start = [], 0
    for span in spans:
        segment = text[start : span.end].strip(" |,-–·")
        start = span.end
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
        if len(text) <= _DATELINE_MAX and (spans := date_spans(text)):
            segments = _date_segments(el, text, spans)
            if segments:
                found.append((el, segments))
                taken.append(el)
                if len(found) >= 3:
                    break
    if not found:
        for el in title_node.xpath("preceding::*[position() <= 6]"):
            text = visible_text(el)
            if len(text) <= _DATELINE_MAX and (spans := date_spans(text)):
                segments = _date_segments(el, text, spans)
                if segments:
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
