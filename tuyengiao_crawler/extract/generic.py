"""Generic-mode extraction: heuristics that read an article off a site no profile knows.

Everything works on a detached copy of the page, so the heuristics may cut it freely
(related lists, share bars, captions, bylines) without touching the spider's response.
Each part of the page has its module: metadata, title, dates, content (the main block),
images, lead, byline, links (related, attachments) and breadcrumb; this one runs them.
"""

from __future__ import annotations

import logging

from lxml import etree
from parsel import Selector

from tuyengiao_crawler.extract.breadcrumb import breadcrumb, category_of
from tuyengiao_crawler.extract.byline import (
    author_elements,
    dateline_bylines,
    element_lines,
    leading_byline,
    markup_authors,
    names_someone,
    trailing_byline,
)
from tuyengiao_crawler.extract.content import article_area, main_block, remove_chrome
from tuyengiao_crawler.extract.dates import dateline_elements, first_date, meta_dates, page_dates
from tuyengiao_crawler.extract.html import (
    HEADINGS,
    clean_body_html,
    detached_copy,
    drop_keep_tail,
    repair_tree,
    strip_control_chars,
    text_blocks,
)
from tuyengiao_crawler.extract.images import images, unlazy_images
from tuyengiao_crawler.extract.lead import (
    bold_lead,
    described_lead,
    description_lead,
    lead_element,
    repeats,
)
from tuyengiao_crawler.extract.links import attachments, links_in, related_sections
from tuyengiao_crawler.extract.metadata import json_ld_article, meta_tags
from tuyengiao_crawler.extract.title import find_title
from tuyengiao_crawler.extract.tree import document_order, is_inside, visible_text
from tuyengiao_crawler.normalize.article import RawArticle

logger = logging.getLogger(__name__)


def extract_generic(sel: Selector, url: str) -> RawArticle:
    """Read an article page with heuristics only; never raises, returns what it found."""
    article = RawArticle(extractor="generic")
    try:
        _extract(sel, url, article)
    except Exception:  # a malformed page must not stop the crawl; keep what was read
        logger.warning("generic extraction failed part-way on %s", url, exc_info=True)
    return article


def _extract(sel: Selector, url: str, article: RawArticle) -> None:
    # parsel reads JSON-looking text as JSON: such a page has no HTML tree to search.
    if not isinstance(sel.root, etree._Element):
        return
    root = detached_copy(sel)
    page = Selector(root=root)
    strip_control_chars(root)
    repair_tree(root)  # what an <embed> swallowed is the article's; no tree thousands deep
    order = document_order(root)
    metas = meta_tags(root)
    ld = json_ld_article(root)
    body = main_block(root)
    article.title, title_node = find_title(root, metas, body, order)
    area = article_area(body, title_node)

    meta_published, meta_updated = meta_dates(root, metas, ld, area)
    datelines = dateline_elements(title_node)
    # The dates the page shows by its headline; metadata where it agrees and adds precision.
    (
        article.published_raw,
        article.published_source,
        article.updated_raw,
        article.updated_source,
    ) = page_dates([s for _, segs in datelines for s in segs], meta_published, meta_updated)

    article.breadcrumb = breadcrumb(page)
    article.category = category_of(article.breadcrumb, article.title, metas)
    related = related_sections(root)
    article.related = links_in(related, url)
    article.attachments = attachments(area, url)
    if body is None:
        return

    authors = author_elements(area, body)
    # Title and body with no common ancestor below <body>: the sapo between them is in none.
    lead_scope = root if area is body and title_node is not None else area
    lead_el = lead_element(lead_scope, body, title_node, order)
    if lead_el is None:
        lead_el = described_lead(lead_scope, body, title_node, order, metas)
    teasers = remove_chrome(body, related, [title_node, *(el for el, _ in datelines), *authors])
    if teasers:
        article.related = links_in([*related, *teasers], url)
    unlazy_images(body)
    article.body_html = clean_body_html(body, url)
    article.images, captions = images(body, url)
    for el in captions:
        if el is not body and is_inside(el, body):
            drop_keep_tail(el)

    lead = visible_text(lead_el) if lead_el is not None else None
    if lead_el is not None and is_inside(lead_el, body) and lead_el is not body:
        drop_keep_tail(lead_el)
    if not lead:
        lead = bold_lead(body)
    blocks = text_blocks(body, soft_breaks=True)
    if not lead:
        lead = description_lead(blocks, metas, article.title)
    if lead and blocks and repeats(blocks[0], lead):
        blocks = blocks[1:]
    article.lead = lead or None

    # Explicit author markup wins, then a name beside the dateline; otherwise the
    # signature is read off the first (labelled) or the last lines. The page's metadata
    # comes last, when none of these names a person.
    byline_lines = [line for el in authors for line in element_lines(el)]
    byline_lines += dateline_bylines([el for el, _ in datelines], authors)
    if not names_someone(byline_lines):  # none, an account ("Viết bởi Super User"), a source
        top = leading_byline(blocks, body)
        byline_lines, blocks = byline_lines + blocks[:top], blocks[top:]
        headings = {visible_text(h).casefold() for h in body.iter(*HEADINGS)}
        # A signature set under the last paragraph by one <br> is a line of that block.
        last = blocks[-1].split("\n") if blocks else []
        lines = blocks[:-1] + last
        cut = trailing_byline(lines, headings)
        byline_lines += lines[len(lines) - cut :]
        keep = len(lines) - cut
        if keep < len(blocks):
            blocks = blocks[:keep]
        elif cut:
            blocks = [*blocks[:-1], "\n".join(last[: keep - len(blocks) + 1])]
    if not names_someone(byline_lines):
        byline_lines += [n for n in markup_authors(metas, ld) if n not in byline_lines]
    article.byline = "\n".join(byline_lines) or None
    article.body_text = "\n\n".join(blocks)
    if not article.published_raw and (found := first_date(article.body_text)):
        article.published_raw, article.published_source = found, "body"
