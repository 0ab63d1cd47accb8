"""What a page says about itself in markup: meta tags and JSON-LD."""

from __future__ import annotations

import json

from lxml import etree

from tuyengiao_crawler.extract.html import one_line

_ARTICLE_TYPES = frozenset({"article", "newsarticle", "reportagenewsarticle", "blogposting"})


def meta_tags(root: etree._Element) -> dict[str, str]:
    """Meta tags by lower-cased property/name/itemprop; the first occurrence wins."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = one_line(meta.get("content"))
        if key and value and key not in found:
            found[key.strip()] = value
    return found


def json_ld(root: etree._Element) -> list[dict]:
    """Every JSON-LD object on the page, @graph flattened; broken JSON is ignored."""
    objects: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            found = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        # A stack, not recursion: JSON nested hundreds deep is valid JSON.
        todo = [found]
        while todo:
            value = todo.pop()
            if isinstance(value, list):
                todo.extend(reversed(value))
            elif isinstance(value, dict):
                objects.append(value)
                todo.append(value.get("@graph"))
    return objects


def json_ld_article(root: etree._Element) -> dict | None:
    """The page's JSON-LD Article (NewsArticle, BlogPosting...) object, if it has one."""
    for obj in json_ld(root):
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
            return obj
    return None


def declared_url(root: etree._Element) -> str | None:
    """The URL a page names as its own: <link rel="canonical">, else og:url (as written)."""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip() or None
    return meta_tags(root).get("og:url") or None
