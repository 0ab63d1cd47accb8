"""The demo site's articles composed from its data files: `compose` turns the specs of
``data/articles.toml`` into `Article` objects with their final texts, dates, bylines and
related links, deterministically (fixed RNG seed, no clock).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass, field

from . import content
from .content import Byline, Spec
from .render import esc

CONTENT = content.load()
# Names for the data used in several places.
PER_PAGE: int = CONTENT.site["per_page"]
TZ: str = CONTENT.site["timezone"]
REDIRECT_OLD_ID: int = CONTENT.site["redirect_old_id"]
NOT_FOUND_PATH: str = CONTENT.site["not_found_path"]
ADMIN_PATH: str = CONTENT.site["admin_path"]
PDF_PATH: str = CONTENT.site["pdf"]["path"]
SUBSITES = CONTENT.subsites
CATEGORIES = CONTENT.categories
IMAGE_FILES = CONTENT.images
DOCS = CONTENT.documents
DATE_FORMATS = CONTENT.date_formats

# Independent sanity check (build-time only): every code-looking token must come from DOCS.
_CODE_RES = (
    re.compile(r"\b\d{1,4}-[A-Z\u0110\u00d0]{2,4}/[A-Z\u0110\u00d0]{2,6}\b"),
    re.compile(r"\b\d{1,4}/(?:\d{4}/)?[A-Z\u0110\u00d0]{2,4}-[A-Za-z\u0110\u00d0]{2,5}\b"),
    re.compile(r"\b\d{1,4}/\d{4}/QH\d{2}\b"),
)

# --------------------------------------------------------------------------- dates


def format_date(when: dt.datetime, fmt: str) -> str:
    """Render ``when`` (local Vietnam time) in one of the site's date styles (dates.toml)."""
    w = when.weekday()
    h12 = when.hour % 12 or 12
    return DATE_FORMATS[fmt].template.format(
        d=when.day,
        m=when.month,
        y=when.year,
        hour=when.hour,
        minute=when.minute,
        dmy=f"{when.day:02d}/{when.month:02d}/{when.year}",
        hm=f"{when.hour:02d}:{when.minute:02d}",
        ampm=f"{h12:02d}:{when.minute:02d} {'SA' if when.hour < 12 else 'CH'}",
        wd_cap=CONTENT.weekdays["cap"][w],
        wd_low=CONTENT.weekdays["low"][w],
        wd_num=CONTENT.weekdays["num"][w],
    )


def iso(when: dt.datetime, with_time: bool) -> str:
    """ISO string at the precision the visible date string gives."""
    if not with_time:
        return when.date().isoformat()
    return f"{when:%Y-%m-%dT%H:%M}{TZ}"


# --------------------------------------------------------------------------- helpers


def slugify(text: str, max_len: int = 80) -> str:
    """ASCII slug of a Vietnamese title."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("\u00d0", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text.lower()).strip("-")
    if len(text) > max_len:
        text = text[:max_len].rsplit("-", 1)[0]
    return text


def expand_docs(text: str, found: set[str]) -> str:
    """Replace ``[[key]]`` placeholders by the document text and collect the codes."""

    def sub(m: re.Match[str]) -> str:
        surface, codes = DOCS[m.group(1)]
        found.update(codes)
        return surface

    return re.sub(r"\[\[(\w+)\]\]", sub, text)


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Fields(dict):  # type: ignore[type-arg]
    """format_map helper: ``{Name}`` gives the capitalised value of ``{name}``."""

    def __missing__(self, key: str) -> str:
        low = key[:1].lower() + key[1:]
        if low != key and low in self:
            return cap_first(str(self[low]))
        raise KeyError(key)


ORDINALS = ("nhất", "hai", "ba", "tư")


def _renumber(paragraphs: list[str]) -> list[str]:
    """Make "Thứ nhất/hai/ba, ..." enumerations consecutive after sampling."""
    out, n = [], 0
    for text in paragraphs:
        m = re.match(r"Thứ (?:nhất|hai|ba|tư),", text)
        if m:
            text = f"Thứ {ORDINALS[n]}," + text[m.end() :]
            n += 1
        out.append(text)
    return out


def para_html(text: str) -> str:
    """Escape a paragraph; enumerations ("Thứ nhất, ...") get a <strong> lead-in."""
    m = re.match(r"(Thứ (?:nhất|hai|ba|tư))(,.*)", text, re.S)
    if m:
        return f"<strong>{esc(m.group(1))}</strong>{esc(m.group(2))}"
    return esc(text)


# --------------------------------------------------------------------------- model


@dataclass
class Article:
    """A fully composed article (all text final, docs expanded)."""

    spec: Spec
    id: int
    when: dt.datetime
    fmt: str
    slug: str = ""
    title: str = ""
    lead: str = ""
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (html, text)
    figures: dict[int, list[tuple[str, str | None, str]]] = field(default_factory=dict)
    script_after: int | None = None
    byline: Byline | None = None
    documents: list[str] = field(default_factory=list)
    updated: dt.datetime | None = None
    meta_time: bool = False
    related: list[Article] = field(default_factory=list)
    related_variant: str | None = None

    @property
    def cat(self) -> str:
        return self.spec.cat

    @property
    def subsite(self) -> str:
        return CATEGORIES[self.spec.cat][0]

    @property
    def path(self) -> str:
        return f"/{self.subsite}/{self.cat}/{self.slug}-{self.id}.html"

    @property
    def date_raw(self) -> str:
        return format_date(self.when, self.fmt)

    @property
    def has_time(self) -> bool:
        return DATE_FORMATS[self.fmt].time

    @property
    def body_text(self) -> str:
        return "\n\n".join(text for _, text in self.paragraphs)


def _pick_formats(specs: list[Spec]) -> list[str]:
    """Forced formats first; the rest balanced round-robin in chronological order."""
    counts = dict.fromkeys(DATE_FORMATS, 0)
    for s in specs:
        if s.fmt:
            counts[s.fmt] += 1
    out = []
    for s in specs:
        if s.fmt:
            out.append(s.fmt)
            continue
        best = min(DATE_FORMATS, key=lambda k: (counts[k], list(DATE_FORMATS).index(k)))
        counts[best] += 1
        out.append(best)
    return out


def compose(specs: list[Spec]) -> list[Article]:
    """Turn the specs into articles, deterministically."""
    rng = random.Random(CONTENT.site["rng_seed"])
    ordered = sorted(specs, key=lambda s: (s.when, s.title))
    fmts = _pick_formats(ordered)
    articles: list[Article] = []
    for i, (spec, fmt) in enumerate(zip(ordered, fmts, strict=True)):
        when = dt.datetime.strptime(spec.when, "%Y-%m-%d %H:%M")
        art = Article(spec=spec, id=1001 + i, when=when, fmt=fmt)
        _compose_text(art, rng)
        articles.append(art)

    # bylines: rotate through the category's pool in chronological order
    by_cat: dict[str, list[Article]] = {c: [] for c in CATEGORIES}
    for art in articles:
        by_cat[art.cat].append(art)
    for cat, arts in by_cat.items():
        pool = CONTENT.byline_pools[cat]
        for j, art in enumerate(arts):
            chosen = art.spec.byline
            art.byline = pool[j % len(pool)] if chosen == "pool" else chosen  # type: ignore[assignment]

    # updated stamps and og/article meta on a deterministic subset
    for art in articles:
        if art.has_time and art.fmt != "cap_nhat" and art.id % 6 == 2:
            art.updated = art.when + dt.timedelta(hours=2 + art.id % 5, minutes=art.id % 50)
        art.meta_time = art.has_time and art.id % 4 == 0

    # related: other articles of the category, newest first, cyclic from this one
    for arts in by_cat.values():
        newest = sorted(arts, key=lambda a: (a.when, a.id), reverse=True)
        for k, art in enumerate(newest):
            others = newest[k + 1 :] + newest[:k]
            art.related = others[:8]
    newest_thd = max(by_cat["tin-hoat-dong"], key=lambda a: a.when)
    newest_thd.related_variant = "?utm_source=facebook&utm_medium=social"
    return articles


def _compose_text(art: Article, rng: random.Random) -> None:
    spec = art.spec
    sub = CATEGORIES[spec.cat][0]
    leader, leader_short = CONTENT.leaders[sub][art.id % len(CONTENT.leaders[sub])]
    start = art.when - dt.timedelta(days=4)
    end = art.when - dt.timedelta(days=1)
    fields = _Fields(
        d=art.when.day,
        m=art.when.month,
        y=art.when.year,
        y_prev=str(art.when.year - 1),
        start=f"{start.day}/{start.month}",
        end=f"{end.day}/{end.month}",
        place=spec.place,
        place_phrase=f"huyện {spec.place}",
        event=spec.event,
        host=spec.host,
        leader=leader,
        leader_short=leader_short,
        leader_cap=cap_first(leader_short),
        focus=CONTENT.focus_by_year[art.when.year],
        news=CONTENT.news_by_year[art.when.year],
        elder=CONTENT.elders[art.id % len(CONTENT.elders)],
    )
    fields.update(spec.extra)
    topic = CONTENT.topics[spec.topic]
    found: set[str] = set()

    art.title = expand_docs(spec.title, found)
    art.slug = slugify(art.title)
    lead = rng.choice(topic["lead"]).format_map(fields)
    for key in spec.lead_docs:
        lead += f" Bài viết làm rõ yêu cầu đặt ra từ [[{key}]]."
    art.lead = expand_docs(lead, found)

    n_mid = rng.randint(1, min(4, len(topic["mid"]), 5 - len(spec.docs)))
    texts = [rng.choice(topic["first"])]
    picked = sorted(rng.sample(range(len(topic["mid"])), n_mid))
    texts += [topic["mid"][k] for k in picked]
    doc_templates = rng.sample(CONTENT.doc_paragraphs, len(spec.docs))
    for key, tpl in zip(spec.docs, doc_templates, strict=True):
        texts.insert(1 + rng.randint(0, len(texts) - 1), tpl.replace("{doc}", f"[[{key}]]"))
    texts.append(rng.choice(topic["last"]))
    rendered = _renumber([expand_docs(t.format_map(fields), found) for t in texts])
    art.paragraphs = [(para_html(t), t) for t in rendered]
    art.documents = sorted(found)

    if spec.hostile:
        # a javascript: link with an inline handler inside the 3rd paragraph, and a script
        h, t = art.paragraphs[2]
        art.paragraphs[2] = (
            h + ' Tài liệu hội nghị: <a href="javascript:alert(1)" onclick="x()">xem chi tiết</a>.',
            t + " Tài liệu hội nghị: xem chi tiết.",
        )
        art.script_after = 1
    for n, (src, caption) in enumerate(spec.images):
        pos = min(1 + n, len(art.paragraphs) - 1)
        alt = caption or art.title
        art.figures.setdefault(pos, []).append((src, caption, alt))

    # sanity: every code-looking token in the visible text came from a [[placeholder]]
    visible = "\n".join([art.title, art.lead, art.body_text])
    seen = set()
    for rx in _CODE_RES:
        seen.update(m.replace("\u00d0", "Đ") for m in rx.findall(visible))
    if seen != found:
        raise AssertionError(f"document mismatch in {art.title!r}: {seen} != {found}")
