"""The article's main block: finding it by paragraph text, and cutting site chrome out of it."""

from __future__ import annotations

import re

from lxml import etree

from tuyengiao_crawler.extract.html import (
    BLOCK_TAGS,
    DROP_TAGS,
    drop_keep_tail,
    one_line,
    text_blocks,
)
from tuyengiao_crawler.extract.links import is_related_label, related_prefix
from tuyengiao_crawler.extract.tree import (
    elements,
    has_block_child,
    is_inside,
    link_text_len,
    names,
    text_sizes,
    visible_text,
)

# Class/id words that say "this holds the article" and "this is site chrome".
_POSITIVE = re.compile(
    r"content|detail|article|body|noi-?dung|chi-?tiet|entry|post|story|main|news", re.IGNORECASE
)
_NEGATIVE = re.compile(
    r"menu|nav|footer|sidebar|relate|tin-?khac|lien-?quan|comment|binh-?luan|share|chia-?se"
    r"|social|banner|quang-?cao|advert|widget|chan-?trang|breadcrumb|duong-?dan|cot-?phai"
    r"|cot-?trai|toolbar|print|rating|tags",
    re.IGNORECASE,
)
# Ad slots: Google's (div-gpt-ad, adsbygoogle), ad servers' zones and slots, "qc" (quảng cáo).
_AD_NAME = re.compile(
    r"gpt-?ad|adsbygoogle|adsense|adslot|ad-?slot|ad-?zone|sponsor"
    r"|(?:^|[\s_-])(?:ads?|adv|qc|zone)(?:$|[\s_-]|\d)",
    re.IGNORECASE,
)
# What an ad placeholder says while (or instead of) loading.
_AD_TEXT = re.compile(
    r"(?:loading|đang tải|quảng cáo|advertisement|advertising|sponsored|tài trợ)[\s.…:]*",
    re.IGNORECASE,
)
# Share, print and mail rows: nothing but these words (and separators) in a short block.
_TOOL_WORDS = re.compile(
    r"chia sẻ|share|facebook|zalo|twitter|linkedin|telegram|tweet|gửi email|gửi e-mail"
    r"|gửi bài|gửi cho bạn bè|e-?mail|in bài|in trang|in tin|bản in|print|lưu bài|lưu tin"
    r"|sao chép liên kết|copy link|cỡ chữ|bình luận|thích|like|[a]\s?[-+]|\d+",
    re.IGNORECASE,
)
_TOOL_ANCHOR = re.compile(r"chia sẻ|share|facebook|zalo|in bài|in trang|bản in|gửi email", re.I)
# "Từ khóa: <a>..</a> <a>..</a>": the tag list under an article.
_TAGS_LABEL = re.compile(r"^(?:từ\s*khó?[aá]|từ\s*khoá|tags?|thẻ|keywords?|chủ đề)\b\s*:?", re.I)
# The heading of a comment section: it and what follows it are the readers', not the article.
_COMMENTS_LABEL = re.compile(
    r"^(?:ý kiến (?:bạn đọc|của bạn|phản hồi)|(?:gửi|viết|thêm) (?:bình luận|ý kiến)"
    r"|bình luận (?:của bạn|bạn đọc)|bạn đọc (?:bình luận|viết)|bình luận)[\s:(\d)]*$",
    re.IGNORECASE,
)
# Headings of the site's other lists, inside the content block on some portals.
_OTHER_NEWS_LABEL = re.compile(
    r"(?:các\s+)?(?:tin|bài viết|tin bài)\s+(?:mới(?:\s+nhất)?|đọc\s+nhiều|xem\s+nhiều|nổi\s+bật"
    r"|tiêu\s+điểm|cùng\s+loại)\s*[:»>.]*",
    re.IGNORECASE,
)
_MEDIA = ("img", "picture", "video", "audio", "table", "iframe", "embed", "object", "hr", "br")


def paragraph_score(el: etree._Element) -> int:
    """Non-link text length of a paragraph-like element (a <p>, or a block with no blocks
    inside, which is how div-soup CMSs write paragraphs)."""
    if el.tag != "p" and (
        el.tag not in ("div", "td", "section", "blockquote") or has_block_child(el)
    ):
        return 0
    length = len(visible_text(el)) - link_text_len(el)
    return length if length >= 25 else 0


def _with_blocks(root: etree._Element) -> set[etree._Element]:
    """The elements with a block somewhere under them, in one pass (each ancestor chain
    is climbed only until an element already marked)."""
    marked: set[etree._Element] = set()
    for el in root.iter(*BLOCK_TAGS):
        for parent in el.iterancestors():
            if parent in marked:
                break
            marked.add(parent)
    return marked


def loose_text(root: etree._Element) -> dict[etree._Element, int]:
    """For each element holding blocks, the length of the non-link text it holds outside
    them, when 25 characters or more: the paragraphs of a body written as text, <span>s
    and <font>s between <br>s (old editors, table layouts), beside a block or two."""
    with_blocks = _with_blocks(root)
    found: dict[etree._Element, int] = {}
    for el in with_blocks:
        if el.tag in DROP_TAGS or not isinstance(el.tag, str):
            continue
        length = len(one_line(el.text))
        for child in el:
            if isinstance(child.tag, str) and child.tag not in DROP_TAGS:
                if child.tag not in BLOCK_TAGS and child not in with_blocks:
                    length += len(visible_text(child)) - link_text_len(child)
            length += len(one_line(child.tail))
        if length >= 25:
            found[el] = length
    return found


def _br_paragraphs(el: etree._Element) -> int:
    """How many runs of 25 characters or more the <br>s in a block set apart."""
    if el.find(".//br") is None:
        return 0
    return sum(1 for block in text_blocks(el) if len(block) >= 25)


def _own_loose_text(el: etree._Element) -> int:
    """`loose_text` of one element (which need not hold blocks), and of the inline
    wrappers it holds them in: a table cell's paragraphs inside one <font>, beside a
    right-aligned <div> signature, are the cell's."""
    if not any(isinstance(n.tag, str) and n.tag in BLOCK_TAGS for n in el.iterdescendants()):
        return 0
    found = loose_text(el)
    total, inline = 0, [el]
    while inline:
        wrapper = inline.pop()
        total += found.get(wrapper, 0)
        inline.extend(
            c for c in wrapper if isinstance(c.tag, str) and c.tag not in BLOCK_TAGS and c in found
        )
    return total


def main_block(root: etree._Element) -> etree._Element | None:
    """The element holding the article text: the best paragraph-text parent, damped by
    link density and nudged by its class/id name; a block, not an inline wrapper."""
    scores: dict[etree._Element, float] = {}
    for el in elements(root):
        score = paragraph_score(el)
        if not score:
            continue
        parent = el.getparent()
        if el.tag != "p" and _br_paragraphs(el) >= 3:
            # Paragraphs set apart by <br>s in one block: it holds the article itself.
            scores[el] = scores.get(el, 0) + score
            if parent is not None:
                scores[parent] = scores.get(parent, 0) + score / 2
        elif parent is not None:
            scores[parent] = scores.get(parent, 0) + score
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + score / 2
    # Text between blocks is the paragraphs of the element holding it.
    for el, length in loose_text(root).items():
        scores[el] = scores.get(el, 0) + length
        parent = el.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + length / 2
    best, best_score = None, 0.0
    for el, score in scores.items():
        if el.tag in ("html", "body"):
            score *= 0.5
        text_len = len(visible_text(el)) or 1
        score *= max(0.0, 1 - link_text_len(el) / text_len)
        el_names = names(el)
        if _NEGATIVE.search(el_names):
            score *= 0.3
        elif _POSITIVE.search(el_names):
            score *= 1.5
        if score > best_score:
            best, best_score = el, score
    # A <font> or <span> wrapping part of the paragraphs: the article is the block holding
    # them all (old editors wrap each run of paragraphs in its own).
    while best is not None and best.tag not in BLOCK_TAGS:
        parent = best.getparent()
        if parent is None or parent.tag in ("html", "body"):
            break
        best = parent
    return best


def paragraph_chars(block: etree._Element) -> int:
    """How much paragraph text (not link text) a block holds: its own too when it is one
    block of <br>-separated paragraphs, as `main_block` takes such a block for the body."""
    inside = sum(paragraph_score(el) for el in elements(block) if el is not block)
    if block.tag != "p" and _br_paragraphs(block) >= 3:
        inside += paragraph_score(block)
    # Text between its blocks, as `main_block` counts it (not its descendants': blogs'
    # teaser columns hold such text too).
    return inside + _own_loose_text(block)


def article_area(
    body: etree._Element | None, title_node: etree._Element | None
) -> etree._Element | None:
    """The smallest element holding both title and body; the body alone if that is the page."""
    if body is None or title_node is None:
        return body
    ancestors = {id(a) for a in body.iterancestors()} | {id(body)}
    common = next((a for a in title_node.iterancestors() if id(a) in ancestors), None)
    if common is None or common.tag in ("html", "body"):
        return body
    return common


def remove_chrome(
    body: etree._Element, related: list[etree._Element], extra: list[etree._Element | None]
) -> list[etree._Element]:
    """Cut menus, share bars, related lists, the title and dateline out of the body copy;
    the other articles' cards and lists found only then are returned, for their links."""
    doomed = [el for el in related if el is not body and is_inside(el, body)]
    doomed += [el for el in extra if el is not None and el is not body and is_inside(el, body)]
    for el in elements(body):
        if el is body:
            continue
        if el.tag in ("nav", "aside", "footer") or _NEGATIVE.search(names(el)):
            doomed.append(el)
    cut, teasers = clutter(body)
    for el in doomed + cut:
        if not any(node is body for node in el.iterancestors()):
            continue  # already cut with an ancestor
        drop_keep_tail(el)
    return teasers


def _only_tools(text: str) -> bool:
    """Nothing but share/print/mail words, counters and separators."""
    rest = _TOOL_WORDS.sub(" ", text)
    return bool(_TOOL_ANCHOR.search(text)) and not re.sub(r"[\W_]+", "", rest)


def _mostly_links(el: etree._Element, skip: int = 0) -> bool:
    """At least half of the text after the first `skip` characters sits in links."""
    rest = len(visible_text(el)) - skip
    return el.find(".//a") is not None and link_text_len(el) >= max(rest, 1) / 2


_ATTACHMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif)(?:$|[?#])", re.I)
_LIST_TAGS = ("div", "ul", "ol", "section", "table", "p", "aside", "dl")


def _teaser_block(el: etree._Element, text: str) -> bool:
    """Other articles' headlines inside the body, unlabelled: a block nearly all link text,
    with two links to pages or more, or one card (a link holding a thumbnail); or a card
    with its summary (a thumbnail and a headline linking to the same page). A paragraph
    holding a link, or a link to a document or picture, is the article's."""
    if el.tag not in _LIST_TAGS and el.tag not in ("li", "article"):
        return False
    pages = [a for a in el.iter("a") if not _ATTACHMENT.search(a.get("href") or "")]
    thumbs = {a.get("href") for a in pages if a.find(".//img") is not None}
    if thumbs and len(text) <= 400:
        headlines = {a.get("href") for a in pages if visible_text(a)}
        if thumbs & headlines:
            return True
    if el.tag not in _LIST_TAGS or link_text_len(el) < 0.8 * len(text):
        return False
    return len({a.get("href") for a in pages}) >= 2 or bool(thumbs)


def _comment_section(el: etree._Element, text: str) -> bool:
    if not _COMMENTS_LABEL.match(text):
        return False
    if text.casefold().rstrip(" :").strip() != "bình luận":
        return True
    # A bare "Bình luận" may head the article's commentary: a comment form must follow.
    following = [el, *el.itersiblings()]
    return any(s.find(f".//{tag}") is not None or s.tag == tag for s in following
               for tag in ("form", "textarea", "input"))  # fmt: skip


def _outermost_with(el: etree._Element, text: str, body: etree._Element) -> etree._Element:
    """The outermost ancestor (below the body) saying nothing but the element's text."""
    while el.getparent() is not body and visible_text(el.getparent()) == text:
        el = el.getparent()
    return el


def _listed_after(label: etree._Element) -> list[etree._Element]:
    """The blocks after a label that hold links, up to the first that holds none."""
    listed = []
    for sibling in label.itersiblings():
        if isinstance(sibling.tag, str):
            if sibling.find(".//a") is None and sibling.tag != "a":
                break
            listed.append(sibling)
    return listed


def _inline_run(label: etree._Element) -> list[etree._Element]:
    """Links and <br>s after a label up to the next block, in a table layout's cell
    ("Các tin khác:<br><a>...</a> (11/05)<br>..."), when links are most of their text;
    their tails (the dates) are cleared, as they go with them."""
    run = []
    for sibling in label.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag in BLOCK_TAGS:
            break
        run.append(sibling)
    text = len(one_line(label.tail)) + sum(
        len(visible_text(s)) + len(one_line(s.tail)) for s in run
    )
    links = sum(link_text_len(s) for s in run if isinstance(s.tag, str))
    if not links or links < text / 2:
        return []
    label.tail = None
    for sibling in run:
        sibling.tail = None
    return [s for s in run if isinstance(s.tag, str)]


def clutter(body: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """What a CMS puts inside the content block that is not the article: ad slots and
    their "loading..." or "Quảng cáo" placeholders, empty boxes, share/print/mail rows,
    the tag list, the comment section (its heading and all after it), and other articles'
    cards and lists (returned apart too)."""
    found: list[etree._Element] = []
    teasers: list[etree._Element] = []
    sizes = text_sizes(body)
    for el in elements(body):
        if el is body or any(is_inside(el, f) for f in found[-8:]):
            continue
        if sizes.get(el, 0) > 300:
            continue  # too long for any of these (not read: deep trees stay linear)
        el_names = names(el)
        text = visible_text(el)
        if _AD_NAME.search(el_names) and len(text) < 200:
            found.append(el)
        elif not text:
            if el.tag in ("div", "span", "ins", "section", "aside", "p", "font") and not any(
                n.tag in _MEDIA for n in el.iter()
            ):
                found.append(el)  # an empty box (ad zone, banner, spacer); not an image's
        elif len(text) > 300:
            continue
        elif _AD_TEXT.fullmatch(text) and el.tag not in ("figure", "figcaption"):
            found.append(el)  # with its banner or spinner image, if any
        elif len(text) <= 120 and _only_tools(text):
            found.append(el)
        elif _teaser_block(el, text) or (
            (el.tag in _LIST_TAGS or el.tag == "li")
            and (label_len := related_prefix(text))
            and _mostly_links(el, label_len)
        ):
            found.append(el)
            teasers.append(el)
        elif is_related_label(text) or _OTHER_NEWS_LABEL.fullmatch(text):
            # The heading of other articles' cards (their summaries kept them in the body).
            label = _outermost_with(el, text, body)
            listed = _inline_run(label) or _listed_after(label)
            if listed:  # a label over no link ("Xem thêm: Nghị quyết 35...") is prose
                found += [label, *listed]
                teasers += listed
        elif (tags := _TAGS_LABEL.match(text)) and _mostly_links(el, tags.end()):
            found.append(el)
        elif len(text) <= 60 and _comment_section(el, text):
            label = _outermost_with(el, text, body)
            found.append(label)
            found.extend(s for s in label.itersiblings() if isinstance(s.tag, str))
    return found, teasers
