"""Where a page states its dates: meta tags, JSON-LD, a dateline by the title, the body.

The strings are kept raw here. Which text is a date is asked of normalize.dates, the one
date grammar, so every date found here is one normalize_date reads.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from tuyengiao_crawler.extract.html import BLOCK_TAGS, one_line
from tuyengiao_crawler.extract.tree import has_block_child, is_inside, visible_text
from tuyengiao_crawler.normalize.dates import DateSpan, date_spans, normalize_date

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
    published = published or _microdata(root, "datePublished")
    updated = updated or _microdata(root, "dateModified")
    if ld:
        published = published or (one_line(str(ld.get("datePublished") or "")) or None)
        updated = updated or (one_line(str(ld.get("dateModified") or "")) or None)
    if not published and area is not None:
        for el in area.iter("time"):
            published = one_line(el.get("datetime")) or None
            if published:
                break
    return published, updated


def _microdata(root: etree._Element, prop: str) -> str | None:
    """An itemprop's value: its content or datetime attribute, the title of an <abbr>
    (hAtom, as Blogger writes "<abbr title='2016-02-23T07:05:00+07:00'>07:05 SA</abbr>"),
    else its text."""
    for el in root.xpath(f'//*[@itemprop="{prop}"]'):
        machine = el.get("content") or el.get("datetime")
        if not machine and el.tag == "abbr":
            machine = el.get("title")
        if found := one_line(machine or visible_text(el)):
            return found
    return None


def _instant(iso: str) -> dt.datetime | None:
    """A clock-time ISO value as an aware datetime, seconds dropped (a dateline has none)."""
    try:
        return dt.datetime.fromisoformat(iso).replace(second=0)
    except ValueError:
        return None


def _same_day(meta: str, day: str) -> bool:
    """Whether a metadata value falls on a day, as written or in Vietnam's time."""
    if meta[:10] == day:
        return True
    at = _instant(meta) if len(meta) > 10 else None
    return at is not None and at.astimezone(_VIETNAM).date().isoformat() == day


_VIETNAM = dt.timezone(dt.timedelta(hours=7))


def choose_date(
    visible: str | None, visible_source: str, meta: str | None
) -> tuple[str | None, str | None]:
    """The date string to keep and where it was found: the page's visible date, or the
    metadata's where it agrees with it and adds precision (seconds, a clock time) or
    says the same in the same zone. Agreeing metadata in another zone and no more
    precise leaves the page's own local time (+07:00).

    Metadata that says another day or time than the page shows is not trusted: a
    date-only meta does not beat "10:03 14/03/2024", and "…T09:40:00+00:00" beside a
    visible 09:40 is a CMS writing local time as UTC (02:40 UTC would agree)."""
    v = normalize_date(visible) if visible else None
    m = normalize_date(meta) if meta else None
    if m is None or v is None:
        if m is not None or (v is None and meta):
            return meta, "meta"
        return (visible, visible_source) if visible else (None, None)
    v_time, m_time = len(v) > 10, len(m) > 10
    if v_time and m_time:
        agree = _instant(v) is not None and _instant(v) == _instant(m)
        # "…T09:40:15+07:00" is "2024-03-14T09:40" plus seconds: 19 characters, not 16.
        more, same_zone = len(m) > len(v), m[-6:] == v[-6:]
        agree = agree and (more or same_zone)
    elif m_time or not v_time:
        agree = _same_day(m, v[:10]) if len(v) >= 10 else m.startswith(v)
    else:
        agree = False  # the page shows a time the metadata does not have
    return (meta, "meta") if agree else (visible, visible_source)


def page_dates(
    segments: list[str], meta_published: str | None, meta_updated: str | None
) -> tuple[str | None, str | None, str | None, str | None]:
    """(published, its source, updated, its source) from the dateline's date strings and
    the metadata's, each told apart: a page showing only "Cập nhật …" beside a metadata
    publication date shows its update, not its publication; a metadata modification date
    written the same as the publication date is none."""
    published, updated = split_published_updated(segments)
    if published and not updated and meta_published and _UPDATED_LABEL.search(published):
        published, updated = None, published
    if not updated and meta_updated and meta_updated == meta_published:
        meta_updated = None  # dateModified copied from datePublished: no update
    pub, pub_source = choose_date(published, "dateline", meta_published)
    upd, upd_source = choose_date(updated, "dateline", meta_updated)
    return pub, pub_source if pub else None, upd, upd_source if upd else None


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
    # Labels outside the children ("Ngày cập nhật:" in a span of its own) stay with the
    # date after them only when the line is split as a whole.
    outside = text
    for _, c_text, _ in children:
        outside = outside.replace(c_text, " ", 1)
    labelled_outside = any(ch.isalpha() for ch in outside)
    if (
        children
        and covered
        and not labelled_outside
        and (len(children) > 1 or children[0][1] != text)
    ):
        return [seg for child in children for seg in _date_segments(*child)]
    segments, start = [], 0
    for span in spans:
        segment = text[start : span.end].strip(" |,-–·")
        start = span.end
        if segment:
            segments.append(segment)
    # "(14/03/2024)": the closing bracket goes with the date its opening one came before.
    rest = text[start:].strip()
    if segments and rest and any(o in segments[-1] and set(rest) == {c} for o, c in ("()", "[]")):
        segments[-1] += rest
    return segments


def dateline_elements(
    title_node: etree._Element | None,
) -> list[tuple[etree._Element, list[str]]]:
    """Short date-bearing elements just after the title (or, failing that, just before)."""
    if title_node is None:
        return []
    found: list[tuple[etree._Element, list[str]]] = []
    plain: list[bool] = []  # whether each found line is a dateline and nothing else
    late: list[bool] = []  # whether it came after the body's first long paragraph
    taken: list[etree._Element] = []
    long_paragraphs = 0
    for el in title_node.xpath("following::*[position() <= 40]"):
        if any(is_inside(el, t) for t in taken):
            continue
        text = visible_text(el)
        # A long paragraph: a block of text, or text beside the blocks it holds (a table
        # cell's <font> of <br>-separated paragraphs with a signature <div>), counted once.
        if len(text) > _LONG_PARAGRAPH and (
            not has_block_child(el) or _text_beside_blocks(el, text) > _LONG_PARAGRAPH
        ):
            taken.append(el)
            long_paragraphs += 1
            if long_paragraphs >= 2:
                break
            continue
        if len(text) <= _DATELINE_MAX and not _TODAY.search(text) and (spans := date_spans(text)):
            segments = _date_segments(el, text, spans)
            if segments:
                found.append((el, segments))
                plain.append(_only_dates(text, spans))
                late.append(long_paragraphs > 0)
                taken.append(el)
                if len(found) >= 3:
                    break
    # A dateline printed before the headline beats what follows it unless that is a
    # dateline too: a caption or a related link after the headline only cites a date.
    # Dates after the text began ("Các tin đã đăng: ... (25/09/12)") are no dateline.
    early = [f for f, after in zip(found, late, strict=True) if not after]
    if not any(p for p, after in zip(plain, late, strict=True) if not after):
        # XPath hands the axis back in document order: the nearest element comes last.
        for el in reversed(title_node.xpath("preceding::*[position() <= 6]")):
            text = visible_text(el)
            if _TODAY.search(text):
                continue
            if len(text) <= _DATELINE_MAX and (spans := date_spans(text)):
                el, text, spans = _whole_line(el, text, spans)
                segments = _date_segments(el, text, spans)
                if segments and (not early or _only_dates(text, spans)):
                    return [(el, segments)]
                break
    # Datelines first, so a caption's date never stands for publication.
    return [f for _, f in sorted(zip(plain, found, strict=True), key=lambda p: not p[0])]


def _text_beside_blocks(el: etree._Element, text: str) -> int:
    """How much of an element's text is not in the blocks it holds."""
    inside = sum(len(visible_text(c)) for c in el if isinstance(c.tag, str) and c.tag in BLOCK_TAGS)
    return len(text) - inside


def _whole_line(
    el: etree._Element, text: str, spans: list[DateSpan]
) -> tuple[etree._Element, str, list[DateSpan]]:
    """The short line a dated element is part of, when the line holds more dates: the
    nearest element before a headline can be the "Cập nhật" span inside its date line."""
    parent = el.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        parent_text = visible_text(parent)
        if len(parent_text) > _DATELINE_MAX or _TODAY.search(parent_text):
            break
        parent_spans = date_spans(parent_text)
        if len(parent_spans) <= len(spans):
            break
        el, text, spans = parent, parent_text, parent_spans
        parent = el.getparent()
    return el, text, spans


# A masthead's "today is" line dates the visit, not the article.
_TODAY = re.compile(r"hôm\s*nay|today", re.IGNORECASE)
# What a dateline says besides its dates: labels, weekdays, a zone, punctuation.
_DATELINE_WORDS = re.compile(
    r"(?<![^\W\d_])(?:ngày|đăng|lúc|cập\s*nhật|sửa\s*đổi|xuất\s*bản|thời\s*gian|giờ|thứ|hai"
    r"|ba|tư|năm|sáu|bảy|chủ\s*nhật|cn|gmt|utc|ict|updated|posted|published|on|at"
    r"|sáng|trưa|chiều|tối|đêm|khuya|sa|ch|am|pm)(?![^\W\d_])"
    r"|[\W\d_]",
    re.IGNORECASE,
)


def _only_dates(text: str, spans: list[DateSpan]) -> bool:
    """Whether a line holds nothing but dates and the words a dateline labels them with."""
    rest, start = [], 0
    for span in spans:
        rest.append(text[start : span.start])
        start = span.end
    rest.append(text[start:])
    return len(_DATELINE_WORDS.sub("", "".join(rest))) <= 3


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
