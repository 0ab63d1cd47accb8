"""The HTML of the local sites: the one page shape that the `demo` profile reads, filled
by the demo site (build.py), the benchmark site (bench/site.py) and the fault site.

Callers pass text (escaped here) and, where a site builds its own markup (paragraphs with
inline tags, a byline), ready HTML blocks. Hrefs are written as given: the sites' paths
need no escaping, except where `attr` is applied (query strings with ``&``).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# A link: (href, text). In a breadcrumb, href None is the current page (a <span>).
Link = tuple[str, str]
Crumb = tuple[str | None, str]


def esc(text: str) -> str:
    """Escape a text node."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Escape an attribute value."""
    return html.escape(text, quote=True)


def menu(links: Iterable[Link]) -> str:
    """The site menu: ``<ul class="menu">`` of links."""
    return (
        '<ul class="menu">'
        + "".join(f'<li><a href="{href}">{esc(text)}</a></li>' for href, text in links)
        + "</ul>"
    )


def footer(lines: Iterable[str]) -> str:
    """The footer: one paragraph a line."""
    return '<div class="footer">' + "".join(f"<p>{esc(line)}</p>" for line in lines) + "</div>"


@dataclass(frozen=True)
class Frame:
    """What every page of a site shares, rendered once: its menu and footer HTML."""

    menu: str = ""
    footer: str = ""

    def page(
        self,
        title: str,
        content: str,
        banner: str | None = None,
        head: str = "",
        charset: str | None = "utf-8",
    ) -> str:
        """A whole document: ``head`` goes after the <title>, ``content`` between the
        menu and the footer; ``charset`` None leaves the <meta charset> out."""
        meta = f'<meta charset="{charset}">' if charset else ""
        parts = [f'<div class="banner">{esc(banner)}</div>'] if banner is not None else []
        parts += [self.menu] if self.menu else []
        parts.append(content)
        parts += [self.footer] if self.footer else []
        return (
            f'<!DOCTYPE html><html lang="vi"><head>{meta}<title>{esc(title)}</title>\n{head}'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="stylesheet" href="/static/site.css"></head>\n'
            "<body>" + "\n".join(parts) + "\n</body></html>\n"
        )


def breadcrumb(trail: Iterable[Crumb]) -> str:
    """``<div class="breadcrumb">`` of links joined by "›"; href None is a <span>."""
    parts = [
        f'<a href="{href}">{esc(text)}</a>' if href is not None else f"<span>{esc(text)}</span>"
        for href, text in trail
    ]
    return '<div class="breadcrumb">' + " › ".join(parts) + "</div>"


def news_item(href: str, title: str, date: str, lead: str) -> str:
    """One entry of a listing: title link, date, lead."""
    return (
        f'<li class="news-item"><a class="news-title" href="{href}">{esc(title)}</a>'
        f'<span class="news-date">{date}</span>'
        f'<p class="news-sapo">{esc(lead)}</p></li>'
    )


def news_list(items: Iterable[str]) -> str:
    """``<ul class="news-list">`` of `news_item` entries, one a line."""
    return '<ul class="news-list">\n' + "\n".join(items) + "\n</ul>"


def pagination(page: int, last: int, href: Callable[[int], str], window: int | None = None) -> str:
    """The pager of listing page ``page`` of ``last``: previous, numbers, next.

    ``window``: only the numbers that far either side of ``page``, and then links to the
    first and last pages too, as on most portals, so every page stays a few links deep.
    """
    first_number, last_number = 1, last
    if window is not None:
        first_number, last_number = max(1, page - window), min(last, page + window)
    links = []
    if page > 1:
        if window is not None:
            links.append(f'<a class="first" href="{href(1)}">Đầu</a>')
        links.append(f'<a class="prev" href="{href(page - 1)}">« Trang trước</a>')
    for n in range(first_number, last_number + 1):
        links.append(
            f'<span class="current">{n}</span>' if n == page else f'<a href="{href(n)}">{n}</a>'
        )
    if page < last:
        links.append(f'<a class="next" href="{href(page + 1)}">Trang sau »</a>')
        if window is not None:
            links.append(f'<a class="last" href="{href(last)}">Cuối</a>')
    return '<div class="pagination">' + " ".join(links) + "</div>"


def listing(trail: Sequence[Crumb], title: str, items: Iterable[str], pager: str) -> str:
    """The content of a category page: breadcrumb, title, `news_list`, pager."""
    return (
        f"{breadcrumb(trail)}\n"
        f'<h1 class="category-title">{esc(title)}</h1>\n'
        f"{news_list(items)}\n{pager}"
    )


def article_head(title: str, canonical: str, published: str | None = None) -> str:
    """The <head> lines of an article: Open Graph, published time, canonical link."""
    head = (
        f'<meta property="og:title" content="{attr(title)}">'
        '<meta property="og:type" content="article">\n'
    )
    if published:
        head += f'<meta property="article:published_time" content="{published}">\n'
    return head + f'<link rel="canonical" href="{canonical}">\n'


def article_meta(date: str, updated: str | None = None) -> str:
    """The date line, and the "updated" line if any."""
    meta = f'<span class="article-date">{esc(date)}</span>'
    if updated:
        meta += f' <span class="article-updated">{esc(updated)}</span>'
    return meta


def figure(src: str, alt: str, caption: str | None, css_class: str | None = "image") -> str:
    """An image with its caption (if any)."""
    cls = f' class="{css_class}"' if css_class else ""
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure{cls}><img src="{src}" alt="{attr(alt)}">{cap}</figure>'


def bylines(lines: Iterable[str], strong: bool) -> list[str]:
    """The byline paragraphs (``p.author``), one a line, in <strong> if ``strong``."""
    return [
        f'<p class="author"><strong>{esc(line)}</strong></p>'
        if strong
        else f'<p class="author">{esc(line)}</p>'
        for line in lines
    ]


def attachments(links: Sequence[Link]) -> str:
    """The attachments block (empty without links)."""
    if not links:
        return ""
    inner = "".join(f'<a href="{href}">{esc(text)}</a>' for href, text in links)
    return f'  <div class="attachments">{inner}</div>\n'


def article(
    trail: Sequence[Crumb],
    title: str,
    meta: str,
    lead: str | None,
    blocks: Iterable[str],
    files: str = "",
    related: Sequence[Link] | None = (),
) -> str:
    """The content of an article page: breadcrumb, then title, `article_meta`, lead, the
    body ``blocks`` (HTML, one a line), `attachments` and share line, then the related
    links. ``lead`` or ``related`` None leaves that part out."""
    sapo = f'  <div class="article-sapo">{esc(lead)}</div>\n' if lead is not None else ""
    body = "\n".join("     " + block for block in blocks)
    content = (
        f"{breadcrumb(trail)}\n"
        '<div class="article-detail">\n'
        f'  <h1 class="article-title">{esc(title)}</h1>\n'
        f'  <div class="article-meta">{meta}</div>\n'
        f"{sapo}"
        '  <div class="article-content">\n'
        f"{body}\n"
        "  </div>\n"
        f"{files}"
        '  <div class="share">Chia sẻ: Facebook Zalo</div>\n'
        "</div>"
    )
    if related is None:
        return content
    items = "".join(f'<li><a href="{attr(href)}">{esc(text)}</a></li>' for href, text in related)
    return content + f'\n<div class="related"><h3>Tin cùng chuyên mục</h3><ul>{items}</ul></div>'
