"""Check a site profile against one page: each field as the profile reads it, the rule
that produced it, and what generic mode reads, through the crawl's own reading path
(`read_page`, then `normalize_article`)."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.extract.page import Headers, Page, read_page
from tuyengiao_crawler.normalize.article import ArticleRecord, normalize_article
from tuyengiao_crawler.profiles import SiteProfile
from tuyengiao_crawler.settings import USER_AGENT

MAX_BYTES = 32 * 1024 * 1024  # DOWNLOAD_MAXSIZE's default in settings.py
# (field shown, the profile selector that reads it)
FIELDS = (
    ("title", "title"),
    ("published", "published"),
    ("updated", "updated"),
    ("authors", "byline"),
    ("lead", "lead"),
    ("category", "category"),
    ("breadcrumb", "breadcrumb"),
    ("body", "body"),
    ("images", "images"),
    ("related", "related"),
    ("attachments", "attachments"),
)
SHOWN = 100  # characters of a long value shown


class ProfileCheckError(TuyengiaoError):
    """The page could not be fetched or read."""


@dataclass
class FieldCheck:
    field: str
    rule: str  # where the profile's value came from
    profile: str  # the value as the archive would store it ("" when none)
    generic: str  # what generic mode gives

    @property
    def differs(self) -> bool:
        return self.profile != self.generic


@dataclass
class ProfileCheck:
    url: str
    kind: str  # what the profile makes of the page: article, listing, other
    generic_kind: str
    misses: list[str]  # essential fields the profile's own selectors missed
    fields: list[FieldCheck]

    def as_dict(self) -> dict[str, Any]:
        found = asdict(self)
        for row, check in zip(found["fields"], self.fields, strict=True):
            row["differs"] = check.differs
        return found


def fetch(url: str, timeout: float = 30.0) -> tuple[bytes, Headers]:
    """One GET of `url`, as the crawler identifies itself (asking for no compression)."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ProfileCheckError(f"invalid URL {url!r}: expected http(s)://host/...")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read(MAX_BYTES + 1)
            headers = list(answer.headers.items())
    except urllib.error.HTTPError as exc:
        raise ProfileCheckError(f"cannot fetch {url}: HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ProfileCheckError(f"cannot fetch {url}: {reason}") from None
    if len(body) > MAX_BYTES:
        raise ProfileCheckError(f"cannot fetch {url}: larger than {MAX_BYTES} bytes")
    return body, headers


def _record(page: Page) -> ArticleRecord | None:
    if page.kind != "article" or page.article is None:
        return None
    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    return normalize_article(page.article, page.fetch_context(fetched_at))


def _shown(record: ArticleRecord | None, name: str) -> str:
    if record is None:
        return ""
    if name == "published":
        value = record.published_at or ""
        return f"{value} (from {record.published_raw!r})" if record.published_raw else value
    if name == "updated":
        value = record.updated_at or ""
        return f"{value} (from {record.updated_raw!r})" if record.updated_raw else value
    if name == "authors":
        return "; ".join(f"{a['name']} ({a['role']})" for a in record.authors)
    if name == "breadcrumb":
        return " > ".join(record.breadcrumb)
    if name == "body":
        text = record.body_text or ""
        paragraphs = text.count("\n\n") + 1 if text else 0
        start = text[:SHOWN].replace("\n", " ")
        return f"{len(text)} chars, {paragraphs} paragraphs: {start}" if text else ""
    if name in ("images", "related", "attachments"):
        items = getattr(record, name)
        return f"{len(items)}: " + ", ".join(i.get("url") or "" for i in items[:3]) if items else ""
    value = getattr(record, name) or ""
    return value if len(value) <= SHOWN else value[: SHOWN - 1] + "…"


def _rule(profile: SiteProfile, selector: str, misses: list[str], profile_value: str) -> str:
    css = profile.css(selector)
    if not css:
        return "generic (no selector)" if profile_value else "no selector"
    if selector in misses:
        return f"generic fallback (selectors.{selector} = {css!r} matched nothing)"
    return f"selectors.{selector} = {css!r}"


def check_page(url: str, body: bytes, headers: Headers, profile: SiteProfile) -> ProfileCheck:
    """Read one page with the profile and in generic mode, field by field."""
    with_profile = read_page(url, body, headers, profile)
    generic = read_page(url, body, headers, None)
    if with_profile.failure:
        raise ProfileCheckError(f"{url}: {with_profile.failure}")
    mine, theirs = _record(with_profile), _record(generic)
    fields = []
    for name, selector in FIELDS:
        value = _shown(mine, name)
        rule = _rule(profile, selector, with_profile.profile_misses, value)
        fields.append(FieldCheck(name, rule, value, _shown(theirs, name)))
    return ProfileCheck(url, with_profile.kind, generic.kind, with_profile.profile_misses, fields)
