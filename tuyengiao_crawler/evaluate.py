"""Extraction evaluation: read saved pages the way a crawl does and score them against
values a person wrote down from what the page shows (docs/evaluation.md).

A corpus is a folder of saved pages, `NAME.html`, each with `NAME.expected.json` beside
it; pages may sit in sub-folders, and a page's template is its folder's path inside the
corpus (or the `template` key of its expected file). Every page goes through the one
reading path of the crawler: `read_page` then `normalize_article`. Nothing here extracts.

Fields scored on every page: title, published, updated (absent from the expected file
means the page shows no update date, so none must be found), authors, body_start,
body_end and body_clean; lead only on pages whose expected file gives one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.extract.page import read_page
from tuyengiao_crawler.normalize.article import ArticleRecord, normalize_article
from tuyengiao_crawler.profiles import SiteProfile, load_profile

FIELDS = ("title", "published", "updated", "authors", "body_start", "body_end", "body_clean")
OPTIONAL_FIELDS = ("lead",)
ROLES = ("author", "organization")
EXPECTED_SUFFIX = ".expected.json"
# Fetch time recorded for every page: evaluation is not a crawl, no clock is read.
FETCHED_AT = "2000-01-01T00:00:00+00:00"
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?[+-]\d{2}:\d{2})?$")
_SPACE_RE = re.compile(r"\s+")
# What a page read as a listing (or not read at all) got, for every field.
NOT_ARTICLE = "not read as an article"
AN_ARTICLE = "an article"


class EvaluationError(TuyengiaoError):
    """Bad input to an evaluation (no such folder, a broken expected file); one line."""


@dataclass
class Expected:
    """What a reader sees on one page, as its expected file says."""

    url: str
    template: str
    title: str
    published: str
    updated: str | None
    authors: list[dict[str, str]]
    body_first: str
    body_last: str
    body_absent: list[str]
    lead: str | None = None


@dataclass
class Failure:
    page: str
    template: str
    field: str
    expected: Any
    got: Any

    def as_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "template": self.template,
            "field": self.field,
            "expected": self.expected,
            "got": self.got,
        }


@dataclass
class Score:
    passed: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.passed / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.total += 1
        self.passed += ok


@dataclass
class Evaluation:
    """Per-field scores overall and per template, and every failure."""

    pages: int = 0
    overall: dict[str, Score] = field(default_factory=dict)
    templates: dict[str, dict[str, Score]] = field(default_factory=dict)
    template_pages: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

    @property
    def fields(self) -> list[str]:
        return [*FIELDS, *(f for f in OPTIONAL_FIELDS if self.overall.get(f, Score()).total)]

    def accuracy(self, name: str, template: str | None = None) -> float | None:
        scores = self.templates.get(template, {}) if template else self.overall
        return scores.get(name, Score()).accuracy

    def record(self, page: str, template: str, name: str, ok: bool, want: Any, got: Any) -> None:
        self.overall.setdefault(name, Score()).add(ok)
        self.templates.setdefault(template, {}).setdefault(name, Score()).add(ok)
        if not ok:
            self.failures.append(Failure(page, template, name, want, got))

    def as_dict(self) -> dict[str, Any]:
        def scores(table: dict[str, Score]) -> dict[str, Any]:
            return {
                name: {
                    "passed": table[name].passed,
                    "total": table[name].total,
                    "accuracy": _round(table[name].accuracy),
                }
                for name in self.fields
                if name in table
            }

        return {
            "pages": self.pages,
            "overall": scores(self.overall),
            "templates": {
                name: {"pages": self.template_pages[name], "fields": scores(table)}
                for name, table in sorted(self.templates.items())
            },
            "failures": [f.as_dict() for f in self.failures],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def evaluate(folder: str | Path, site: str | SiteProfile | None = None) -> Evaluation:
    """Score every page of the corpus `folder`, read with the profile `site` (a bundled
    name, a .toml path or a loaded profile), or in generic mode without one."""
    folder = Path(folder)
    if not folder.is_dir():
        raise EvaluationError(
            f"{folder}: {'not a folder' if folder.exists() else 'no such folder'}"
        )
    profile = load_profile(site) if isinstance(site, (str, Path)) else site
    pages = sorted(folder.rglob("*.html"))
    if not pages:
        raise EvaluationError(f"{folder}: no saved pages (*.html) in it")
    cases = [(page, load_expected(page, folder)) for page in pages]
    result = Evaluation()
    for page, expected in cases:
        name = page.relative_to(folder).as_posix()
        result.pages += 1
        result.template_pages[expected.template] = (
            result.template_pages.get(expected.template, 0) + 1
        )
        try:
            record: ArticleRecord | str | None = read_record(
                expected.url, page.read_bytes(), profile
            )
        except Exception as exc:  # one page that breaks the reader is its failures, no more
            record = f"reading failed: {type(exc).__name__}: {exc}"
        _score(result, name, expected, record)
    return result


def read_record(url: str, body: bytes, profile: SiteProfile | None) -> ArticleRecord | None:
    """The archive's record of a saved page, as a crawl makes it; None if the page is not
    read as an article."""
    headers = {"Content-Type": "text/html"}
    page = read_page(url, body, headers, profile)
    if page.kind != "article" or page.article is None:
        return None
    return normalize_article(page.article, page.fetch_context(FETCHED_AT))


def load_expected(page: Path, folder: Path) -> Expected:
    """The expected values of `page`, checked; an EvaluationError names what is wrong."""
    path = page.with_name(page.name[: -len(".html")] + EXPECTED_SUFFIX)
    where = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)
    if not path.is_file():
        raise EvaluationError(f"{where}: missing (every page needs its expected file)")
    try:
        data = json.loads(path.read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{where}: not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise EvaluationError(f"{where}: must hold a JSON object")

    def text(key: str, value: Any = None, optional: bool = False) -> Any:
        value = data.get(key) if value is None else value
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise EvaluationError(f"{where}: {key!r} must be a non-empty string")
        return value

    def when(key: str, optional: bool = False) -> str | None:
        value = text(key, optional=optional)
        if value is not None and not _ISO_RE.match(value):
            raise EvaluationError(
                f"{where}: {key!r} must be ISO 8601 such as 2024-03-05T09:40+07:00, not {value!r}"
            )
        return value

    url, title = text("url"), text("title")
    published, updated = when("published"), when("updated", optional=True)
    authors = data.get("authors")
    if not isinstance(authors, list) or not all(
        isinstance(a, dict) and isinstance(a.get("name"), str) and a.get("role") in ROLES
        for a in authors
    ):
        raise EvaluationError(
            f"{where}: 'authors' must be a list of {{name, role}}, role one of {', '.join(ROLES)}"
        )
    body = data.get("body")
    if not isinstance(body, dict):
        raise EvaluationError(f"{where}: 'body' must be an object with first, last, absent")
    absent = body.get("absent", [])
    if not isinstance(absent, list) or not all(isinstance(s, str) and s for s in absent):
        raise EvaluationError(f"{where}: 'body.absent' must be a list of strings")
    folder_template = page.parent.relative_to(folder).as_posix()
    return Expected(
        url=url,
        template=text("template", optional=True)
        or (folder_template if folder_template != "." else "default"),
        title=title,
        published=published,  # type: ignore[arg-type]
        updated=updated,
        authors=[{"name": a["name"], "role": a["role"]} for a in authors],
        body_first=text("body.first", body.get("first")),
        body_last=text("body.last", body.get("last")),
        body_absent=absent,
        lead=text("lead", optional=True),
    )


def _norm(value: str | None) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", value or "")).strip()


def _paragraphs(text: str | None) -> list[str]:
    """The body's paragraphs: a line break inside a block (a `<br>` body) also ends one."""
    return [p for p in (_norm(p) for p in (text or "").splitlines()) if p]


def same_date(expected: str | None, got: str | None) -> bool:
    """The same day, or the same instant: 02:15+00:00 is 09:15+07:00, but 09:15+00:00 for
    a page showing 09:15 in Vietnam is wrong. Seconds the expected value gives are not
    asked of a result at minute precision (the archive keeps minutes)."""
    if expected is None or got is None:
        return expected == got
    if expected == got:
        return True
    if len(expected) <= 10 or len(got) <= 10:
        return False  # a day against a time of day: not the precision the page shows
    try:
        want, found = datetime.fromisoformat(expected), datetime.fromisoformat(got)
    except ValueError:
        return False
    if got[16:17] in ("+", "-", "Z"):  # minute precision
        want = want.replace(second=0)
    return want == found


def _author_set(authors: Iterable[dict[str, str]]) -> list[tuple[str, str]]:
    return sorted((_norm(a.get("name")), a.get("role", "")) for a in authors)


def _score(result: Evaluation, page: str, want: Expected, got: ArticleRecord | str | None) -> None:
    def check(name: str, ok: bool, expected: Any, found: Any) -> None:
        result.record(page, want.template, name, ok, expected, found)

    if got is None or isinstance(got, str):
        for name in (*FIELDS, *(["lead"] if want.lead is not None else [])):
            check(name, False, AN_ARTICLE, got or NOT_ARTICLE)
        return
    check("title", _norm(got.title) == _norm(want.title), want.title, got.title)
    check(
        "published", same_date(want.published, got.published_at), want.published, got.published_at
    )
    check("updated", same_date(want.updated, got.updated_at), want.updated, got.updated_at)
    check(
        "authors",
        _author_set(got.authors) == _author_set(want.authors),
        want.authors,
        got.authors,
    )
    paragraphs = _paragraphs(got.body_text)
    first = paragraphs[0] if paragraphs else None
    # A page without a lead whose first paragraph was kept as the lead still has it.
    first_ok = first == _norm(want.body_first) or (
        want.lead is None and _norm(got.lead) == _norm(want.body_first)
    )
    check("body_start", first_ok, want.body_first, first)
    last = paragraphs[-1] if paragraphs else None
    check("body_end", last == _norm(want.body_last), want.body_last, last)
    body = _norm(got.body_text)
    found = [s for s in want.body_absent if _norm(s) in body]
    check(
        "body_clean",
        not found,
        "none of " + json.dumps(want.body_absent, ensure_ascii=False),
        found,
    )
    if want.lead is not None:
        check("lead", _norm(got.lead) == _norm(want.lead), want.lead, got.lead)
