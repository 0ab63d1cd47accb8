"""The demo site's texts and specs, read from the TOML files in ``data/`` (package data).

``site.toml`` (shape, names, special paths, images), ``dates.toml`` (date-line styles),
``documents.toml`` (the documents cited as ``[[key]]``), ``people.toml`` (leaders, elders,
bylines), ``texts.toml`` (the text pools), ``articles.toml`` (one entry an article).
`load` reads them all and checks that every key one file names in another exists, so an
edit that breaks the site fails here with the file and the key, not deep in the build.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
RGB = tuple[int, int, int]
# The byline keys of articles.toml and people.toml's pools that are not a people.toml byline.
POOL, NO_BYLINE = "pool", "none"
_CITED = re.compile(r"\[\[(\w+)\]\]")


@dataclass(frozen=True)
class Byline:
    """One byline variant: the raw <p class="author"> lines and the true authors."""

    kind: str
    lines: tuple[str, ...]
    authors: tuple[tuple[str, str], ...]  # (name, role)


@dataclass
class Spec:
    """Hand-written facts about one article; everything else is composed from the topics."""

    cat: str
    when: str  # "YYYY-MM-DD HH:MM" local time
    title: str
    topic: str
    place: str = "Nghệ An"
    event: str = ""
    docs: tuple[str, ...] = ()
    lead_docs: tuple[str, ...] = ()
    fmt: str | None = None
    host: str = "Ban Tuyên giáo Tỉnh ủy"
    images: tuple[tuple[str, str | None], ...] = ()  # (path, caption)
    pdf: bool = False
    hostile: bool = False
    byline: Byline | str | None = POOL  # POOL: the next of the category's pool
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DateFormat:
    """A date-line style: a `str.format` template, and whether it shows the time."""

    template: str
    time: bool


@dataclass(frozen=True)
class Content:
    """Everything the build reads from ``data/``, keys resolved."""

    site: dict[str, Any]  # site.toml as read
    subsites: dict[str, dict[str, str]]  # key -> name, org, banner
    categories: dict[str, tuple[str, str]]  # key -> (sub-site, name)
    images: dict[str, tuple[RGB, RGB]]  # path -> (stripe, background)
    weekdays: dict[str, list[str]]  # style -> Monday..Sunday
    date_formats: dict[str, DateFormat]
    documents: dict[str, tuple[str, list[str]]]  # key -> (text, codes)
    leaders: dict[str, list[tuple[str, str]]]  # sub-site -> (full, short)
    elders: list[str]
    byline_pools: dict[str, list[Byline | None]]
    focus_by_year: dict[int, str]
    news_by_year: dict[int, str]
    doc_paragraphs: list[str]
    topics: dict[str, dict[str, list[str]]]
    specs: list[Spec] = field(repr=False)


def read(name: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """One data file, e.g. ``read("site")``."""
    path = data_dir / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: {exc}") from None


def _check(found: str | None, known: dict[str, Any] | set[str], what: str, where: str) -> None:
    if found is not None and found not in known:
        raise ValueError(f"{where}: unknown {what} {found!r}")


def _cited(text: str, documents: dict[str, Any], where: str) -> None:
    for key in _CITED.findall(text):
        _check(key, documents, "document (documents.toml)", where)


def _spec(entry: dict[str, Any], content: dict[str, Any], bylines: dict[str, Byline]) -> Spec:
    where = f"articles.toml, {entry.get('title', entry)!r}"
    known = {f.name for f in fields(Spec)}
    for name in entry:
        _check(name, known, "field", where)
    _check(entry.get("cat"), content["categories"], "category (site.toml)", where)
    _check(entry.get("topic"), content["topics"], "topic (texts.toml)", where)
    _check(entry.get("fmt"), content["date_formats"], "date format (dates.toml)", where)
    for key in (*entry.get("docs", ()), *entry.get("lead_docs", ())):
        _check(key, content["documents"], "document (documents.toml)", where)
    for text in (entry.get("title", ""), entry.get("event", "")):
        _cited(text, content["documents"], where)
    images = []
    for image in entry.get("images", ()):
        _check(image["image"], content["image_keys"], "image (site.toml)", where)
        images.append((content["image_keys"][image["image"]], image.get("caption")))
    byline = entry.get("byline", POOL)
    if byline != POOL:
        _check(byline, {*bylines, NO_BYLINE}, "byline (people.toml)", where)
        byline = bylines.get(byline)
    return Spec(
        **{
            **entry,
            "docs": tuple(entry.get("docs", ())),
            "lead_docs": tuple(entry.get("lead_docs", ())),
            "images": tuple(images),
            "byline": byline,
        }
    )


def load(data_dir: Path = DATA_DIR) -> Content:
    """Read and check every data file."""
    site, dates, people, texts = (read(n, data_dir) for n in ("site", "dates", "people", "texts"))
    documents = {k: (v["text"], v["codes"]) for k, v in read("documents", data_dir).items()}
    categories = {k: (v["subsite"], v["name"]) for k, v in site["categories"].items()}
    for key, (sub, _) in categories.items():
        _check(sub, site["subsites"], "sub-site", f"site.toml, category {key!r}")
    bylines = {
        key: Byline(v["kind"], tuple(v["lines"]), tuple(tuple(a) for a in v["authors"]))
        for key, v in people["bylines"].items()
    }
    pools: dict[str, list[Byline | None]] = {}
    for cat, keys in people["byline_pools"].items():
        _check(cat, categories, "category (site.toml)", "people.toml, byline_pools")
        for key in keys:
            _check(key, {*bylines, NO_BYLINE}, "byline", f"people.toml, byline_pools.{cat}")
        pools[cat] = [bylines.get(key) for key in keys]
    topics = texts["topics"]
    for name, parts in topics.items():
        for text in (t for part in parts.values() for t in part):
            _cited(text, documents, f"texts.toml, topic {name!r}")
    date_formats = {k: DateFormat(v["template"], v["time"]) for k, v in dates["formats"].items()}
    images = {
        image["path"]: (tuple(image["colors"][0]), tuple(image["colors"][1]))
        for image in site["images"].values()
    }
    keys = {
        "categories": categories,
        "topics": topics,
        "date_formats": date_formats,
        "documents": documents,
        "image_keys": {k: v["path"] for k, v in site["images"].items()},
    }
    return Content(
        site=site,
        subsites=site["subsites"],
        categories=categories,
        images=images,  # type: ignore[arg-type]
        weekdays=dates["weekdays"],
        date_formats=date_formats,
        documents=documents,
        leaders={sub: [(x["full"], x["short"]) for x in v] for sub, v in people["leaders"].items()},
        elders=people["elders"],
        byline_pools=pools,
        focus_by_year={int(y): t for y, t in texts["focus_by_year"].items()},
        news_by_year={int(y): t for y, t in texts["news_by_year"].items()},
        doc_paragraphs=texts["doc_paragraphs"],
        topics=topics,
        specs=[_spec(entry, keys, bylines) for entry in read("articles", data_dir)["articles"]],
    )
