"""Article extraction driven by a site profile's CSS selectors."""

from __future__ import annotations

from lxml import etree
from parsel import Selector

from tuyengiao_crawler.extract.breadcrumb import trail_category
from tuyengiao_crawler.extract.html import (
    Node,
    absolute,
    attribute,
    clean_body_html,
    css_nodes,
    detached_copy,
    element_text,
    first_text,
    one_line,
    remove_selected,
    repair_tree,
    text_blocks,
)
from tuyengiao_crawler.normalize.article import RawArticle
from tuyengiao_crawler.profiles import SiteProfile

# Fields whose absence on an article page means the profile no longer fits the site.
ESSENTIAL = ("title", "body", "published")


def select(node: Selector | Node, profile: SiteProfile, key: str) -> list[Node]:
    """What the profile's selector `key` matches under a node (nothing if it has none)."""
    css = profile.css(key)
    return css_nodes(node, css) if css else []


def is_article(sel: Selector, profile: SiteProfile) -> bool:
    return bool(select(sel, profile, "article"))


def extract_with_profile(
    sel: Selector, url: str, profile: SiteProfile
) -> tuple[RawArticle, list[str]]:
    """The raw fields of an article page, and the essential fields the profile missed."""
    article = RawArticle(extractor=f"profile:{profile.name}")
    page = sel.root  # helpers work on lxml elements (extract/html.py says why)
    article.title = first_text(page, profile.css("title"))
    article.lead = first_text(page, profile.css("lead"))
    article.byline = _parse_byline(page, profile)
    article.published_raw = first_text(page, profile.css("published"))
    article.published_source = "dateline" if article.published_raw else None
    article.updated_raw = first_text(page, profile.css("updated"))
    article.updated_source = "dateline" if article.updated_raw else None
    article.breadcrumb = _parse_breadcrumb(page, profile)
    article.category = _parse_category(page, profile, article.breadcrumb, article.title)
    article.images = _parse_images(page, url, profile)
    article.related = _parse_links(page, url, profile, "related")
    article.attachments = _parse_links(page, url, profile, "attachments")
    article.body_text, article.body_html = _parse_body(page, url, profile)
    found = {"title": article.title, "body": article.body_text, "published": article.published_raw}
    missing = [name for name in ESSENTIAL if not found[name]]
    return article, missing


def _parse_body(page: Node, url: str, profile: SiteProfile) -> tuple[str, str]:
    nodes = select(page, profile, "body")
    if not nodes:
        return "", ""
    body = detached_copy(nodes[0])
    repair_tree(body)  # what an <embed> swallowed is the article's; no tree thousands deep
    remove_selected(body, profile.selectors.get("body_exclude", []))
    text = "\n\n".join(text_blocks(body))
    return text, clean_body_html(body, url, in_place=True)


def _parse_byline(page: Node, profile: SiteProfile) -> str | None:
    lines = [element_text(node) for node in select(page, profile, "byline")]
    return "\n".join(line for line in lines if line) or None


def _parse_breadcrumb(page: Node, profile: SiteProfile) -> list[str]:
    return [text for node in select(page, profile, "breadcrumb") if (text := element_text(node))]


def _parse_category(
    page: Node, profile: SiteProfile, breadcrumb: list[str], title: str | None
) -> str | None:
    return first_text(page, profile.css("category")) or trail_category(breadcrumb, title)


def _parse_images(page: Node, url: str, profile: SiteProfile) -> list[dict[str, str | None]]:
    images = []
    caption_css = profile.css("image_caption")
    for node in select(page, profile, "images"):
        if not isinstance(node, etree._Element):
            continue
        img = node if node.tag == "img" else next(node.iter("img"), None)
        src = absolute(url, attribute(img, "src") or attribute(img, "data-src"))
        if not src:
            continue
        alt = one_line(attribute(img, "alt")) or None
        caption = first_text(node, caption_css) if caption_css else None
        images.append({"url": src, "caption": caption, "alt": alt})
    return images


def _parse_links(
    page: Node, url: str, profile: SiteProfile, key: str
) -> list[dict[str, str | None]]:
    links, seen = [], set()
    for node in select(page, profile, key):
        href = absolute(url, attribute(node, "href"))
        if href and href not in seen:
            seen.add(href)
            links.append({"url": href, "title": element_text(node) or None})
    return links
