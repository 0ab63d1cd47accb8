"""A starter site profile from a few article pages of a new site.

Each page is read in generic mode (`read_page`); for each field generic mode found, the
element that shows it is located and the simplest CSS selector (an id, a class, a class
under a classed ancestor) that finds that value on every page is kept. What no selector
finds on every page is left out, so generic mode goes on reading it. Listing selectors
need listing pages and are not suggested.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from lxml import etree

from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.extract.html import css_nodes, element_text, one_line, text_blocks
from tuyengiao_crawler.extract.page import Headers, read_page
from tuyengiao_crawler.normalize.article import RawArticle
from tuyengiao_crawler.profiles import parse_profile

# Class names that say nothing stable about what an element holds.
_NOISE_CLASS = re.compile(
    r"^(?:active|clearfix|row|col(?:-\w+)*|container(?:-fluid)?|\w*\d{3,}\w*)$"
)
_ID_OK = re.compile(r"^[A-Za-z][\w-]*$")
_ANCESTORS = 4  # how far up a classed ancestor is looked for
# Meta tags a date may come from, in the order they are preferred.
_DATE_METAS = ("property", "name", "itemprop")


class ProfileSuggestError(TuyengiaoError):
    """No profile can be suggested from these pages."""


@dataclass
class Sample:
    url: str
    root: etree._Element
    article: RawArticle


Matches = Callable[[etree._Element, Sample], bool]


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _candidates(element: etree._Element) -> Iterator[str]:
    """CSS selectors for an element, the most specific and stable first."""
    tag = element.tag
    own = [c for c in (element.get("class") or "").split() if not _NOISE_CLASS.match(c)]
    ident = element.get("id") or ""
    if ident and _ID_OK.match(ident) and not re.search(r"\d{3,}", ident):
        yield f"#{ident}"
    if element.get("itemprop"):  # schema.org microdata names what the element holds
        yield f'{tag}[itemprop="{element.get("itemprop")}"]'
    for name in own:
        yield f"{tag}.{name}"
    ancestor = element.getparent()
    for _ in range(_ANCESTORS):
        if (
            ancestor is None
            or not isinstance(ancestor.tag, str)
            or ancestor.tag in ("html", "body")
        ):
            break
        classes = [c for c in (ancestor.get("class") or "").split() if not _NOISE_CLASS.match(c)]
        ancestor_id = ancestor.get("id") or ""
        if ancestor_id and _ID_OK.match(ancestor_id) and not re.search(r"\d{3,}", ancestor_id):
            yield f"#{ancestor_id} {tag}"
        for name in classes:
            yield f"{ancestor.tag}.{name} {tag}"
        ancestor = ancestor.getparent()
    yield tag


def _deepest(
    root: etree._Element, matches: Callable[[etree._Element], bool]
) -> etree._Element | None:
    """The last element in document order that matches: the deepest of nested ones."""
    found = None
    for element in root.iter():
        if isinstance(element.tag, str) and matches(element):
            found = element
    return found


def _common(
    samples: list[Sample], locate: Callable[[Sample], etree._Element | None], matches: Matches
) -> str | None:
    """The first selector, from the candidates of where the value is on the first page,
    whose first match shows the value on every page."""
    first = locate(samples[0])
    if first is None:
        return None
    for css in _candidates(first):
        try:
            if all((found := css_nodes(s.root, css)) and matches(found[0], s) for s in samples):
                return css
        except (etree.XPathError, ValueError):
            continue
    return None


def _text_is(value_of: Callable[[RawArticle], str | None]) -> tuple[Callable, Matches]:
    def matches(element: etree._Element, sample: Sample) -> bool:
        value = one_line(value_of(sample.article))
        return bool(value) and element_text(element) == value

    def locate(sample: Sample) -> etree._Element | None:
        value = one_line(value_of(sample.article))
        return _deepest(sample.root, lambda el: element_text(el) == value) if value else None

    return locate, matches


def _text_holds(
    value_of: Callable[[RawArticle], str | None], slack: int
) -> tuple[Callable, Matches]:
    """The element's text holds the value and at most `slack` characters more."""

    def holds(element: etree._Element, value: str) -> bool:
        text = element_text(element)
        return value in text and len(text) <= len(value) + slack

    def matches(element: etree._Element, sample: Sample) -> bool:
        value = one_line(value_of(sample.article))
        return bool(value) and holds(element, value)

    def locate(sample: Sample) -> etree._Element | None:
        value = one_line(value_of(sample.article))
        return _deepest(sample.root, lambda el: holds(el, value)) if value else None

    return locate, matches


def _body() -> tuple[Callable, Matches]:
    """The element whose text blocks hold the body's first and last paragraphs."""

    def ends(sample: Sample) -> tuple[str, str] | None:
        paragraphs = [p for p in sample.article.body_text.split("\n\n") if p.strip()]
        return (paragraphs[0], paragraphs[-1]) if paragraphs else None

    def holds(element: etree._Element, first: str, last: str) -> bool:
        blocks = text_blocks(element)
        return first in blocks and last in blocks

    def matches(element: etree._Element, sample: Sample) -> bool:
        found = ends(sample)
        # Not a wider block (headline, date line and all) that also holds the body.
        size = len(sample.article.body_text)
        return (
            bool(found)
            and holds(element, *found)
            and len(element_text(element)) <= size * 1.2 + 100
        )

    def locate(sample: Sample) -> etree._Element | None:
        found = ends(sample)
        if not found:
            return None
        first, last = found
        # Cheap test first: an element that holds both texts at all.
        return _deepest(
            sample.root,
            lambda el: (
                first[:40] in element_text(el)
                and last[:40] in element_text(el)
                and holds(el, first, last)
            ),
        )

    return locate, matches


def _date_meta(samples: list[Sample]) -> str | None:
    """A meta tag selector for a date that generic mode read from the page's metadata."""
    for sample in samples[:1]:
        raw = sample.article.published_raw
        for meta in sample.root.iter("meta"):
            for attribute in _DATE_METAS:
                if meta.get(attribute) and meta.get("content") == raw:
                    css = f'meta[{attribute}="{meta.get(attribute)}"]::attr(content)'
                    if all(
                        (found := css_nodes(s.root, css))
                        and str(found[0]) == s.article.published_raw
                        for s in samples
                    ):
                        return css
    return None


def suggest_selectors(samples: list[Sample]) -> dict[str, str]:
    """The selectors found to read each field on every sample page."""
    selectors: dict[str, str] = {}
    rules = {
        "title": _text_is(lambda a: a.title),
        "lead": _text_is(lambda a: a.lead),
        "byline": _text_holds(lambda a: a.byline, slack=40),
        "updated": _text_holds(lambda a: a.updated_raw, slack=40),
        "body": _body(),
    }
    for name, (locate, matches) in rules.items():
        css = _common(samples, locate, matches)
        if css:
            selectors[name] = css
    # A date generic mode read from metadata: a <meta> tag, or microdata in the page.
    css = _date_meta(samples) if samples[0].article.published_source == "meta" else None
    if css is None:
        locate, matches = _text_holds(lambda a: a.published_raw, slack=40)
        css = _common(samples, locate, matches)
    if css:
        selectors["published"] = css
    if "body" in selectors and "title" in selectors:
        article = _article(samples, selectors["title"], selectors["body"])
        if article:
            selectors["article"] = article
    return selectors


def _article(samples: list[Sample], title: str, body: str) -> str | None:
    """A selector for the element around the headline and the body: it tells article
    pages from the others."""

    def locate(sample: Sample) -> etree._Element | None:
        heading, content = css_nodes(sample.root, title)[0], css_nodes(sample.root, body)[0]
        around = {id(a): a for a in heading.iterancestors()}
        for ancestor in content.iterancestors():
            if id(ancestor) in around and ancestor.tag not in ("html", "body"):
                return ancestor
        return None

    def matches(element: etree._Element, sample: Sample) -> bool:
        return bool(css_nodes(element, title)) and bool(css_nodes(element, body))

    return _common(samples, locate, matches)


def read_samples(pages: Iterable[tuple[str, bytes, Headers]]) -> list[Sample]:
    samples = []
    for url, body, headers in pages:
        page = read_page(url, body, headers, None)
        if page.failure:
            raise ProfileSuggestError(f"{url}: {page.failure}")
        if page.kind != "article" or page.article is None or page.selector is None:
            raise ProfileSuggestError(f"{url} does not read as an article page ({page.kind})")
        samples.append(Sample(url, page.selector.root, page.article))
    if not samples:
        raise ProfileSuggestError("no page given")
    return samples


def suggest_profile(pages: Iterable[tuple[str, bytes, Headers]], name: str | None = None) -> str:
    """A starter profile (TOML text) for the site of these article pages; it validates."""
    samples = read_samples(pages)
    hosts = sorted({urlsplit(s.url).hostname or "" for s in samples})
    if len(hosts) != 1:
        raise ProfileSuggestError(f"the pages are from {len(hosts)} sites: {', '.join(hosts)}")
    selectors = suggest_selectors(samples)
    missing = [f for f in ("article", "title", "body") if f not in selectors]
    if missing:
        raise ProfileSuggestError(
            f"no selector finds the {', '.join(missing)} on every page; give pages of one "
            "article template, or write those by hand"
        )
    parts = urlsplit(samples[0].url)
    name = name or re.sub(r"[^a-z0-9]+", "-", hosts[0].lower()).strip("-")
    when = datetime.now(UTC).date().isoformat()
    lines = [
        f"# Suggested by `tuyengiao profile-suggest` from {len(samples)} article page(s) on {when}.",
        "# Check it on other pages with `tuyengiao profile-check` before crawling with it;",
        "# listing selectors (listing, pagination, next_page) need listing pages: add them by hand.",
        f"name = {_quoted(name)}",
        f"description = {_quoted('Suggested profile for ' + hosts[0])}",
        f"domains = [{_quoted(hosts[0])}]",
        f"start_urls = [{_quoted(f'{parts.scheme}://{parts.netloc}/')}]",
        "",
        "[selectors]",
        *(f"{key} = {_quoted(css)}" for key, css in selectors.items()),
    ]
    text = "\n".join(lines) + "\n"
    parse_profile(tomllib.loads(text), "suggested profile")  # what it writes must load
    return text
