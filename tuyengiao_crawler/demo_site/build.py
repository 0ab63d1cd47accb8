"""Generator for the bundled demo site: ``python -m tuyengiao_crawler.demo_site.build``.

Writes ``www/`` (static HTML, images, one PDF, robots.txt, sitemap.xml) and
``manifest.json`` (the ground truth for every article) from the texts and specs in
``data/*.toml`` (read by content.py), with the pages' HTML from render.py. The output is
deterministic: the same bytes on every run (fixed RNG seed, no clock).

The site imitates a provincial Ban Tuyên giáo portal with two sub-sites, modelled on the
one real article page in ``/work/shared/seed``: banner, title, body, byline (name line,
then organisation line) and a "Tin cùng chuyên mục" related list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import shutil
import struct
import unicodedata
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from . import content, render
from .content import Byline, Spec
from .render import attr, esc

PACKAGE_DIR = Path(__file__).resolve().parent
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


# --------------------------------------------------------------------------- binary assets


def png_bytes(width: int, height: int, fg: tuple[int, int, int], bg: tuple[int, int, int]) -> bytes:
    """A tiny valid RGB PNG with a stripe, using a stored (uncompressed) deflate block."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type 0
        for x in range(width):
            rows.extend(fg if (x + y) % 5 < 2 else bg)
    raw = bytes(rows)
    deflate = b"\x78\x01" + b"\x01" + struct.pack("<HH", len(raw), len(raw) ^ 0xFFFF) + raw
    deflate += struct.pack(">I", zlib.adler32(raw))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", deflate) + chunk(b"IEND", b"")
    )


def pdf_bytes(text: str) -> bytes:
    """A tiny valid one-page PDF showing ``text`` (ASCII) with a correct xref table."""
    stream = f"BT /F1 14 Tf 72 770 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


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


# --------------------------------------------------------------------------- rendering


@cache
def frame() -> render.Frame:
    """The menu (sub-sites and their categories) and footer of every page."""
    links = [("/", "Trang chủ")]
    for key, sub in SUBSITES.items():
        links.append((f"/{key}/", sub["name"]))
        links += [
            (f"/{key}/{cat}/", name) for cat, (csub, name) in CATEGORIES.items() if csub == key
        ]
    return render.Frame(render.menu(links), render.footer(CONTENT.site["footer"]))


def page(title: str, subsite: str, content: str, head: str = "") -> str:
    """A page of ``subsite`` (its banner) around ``content``."""
    return frame().page(title, content, SUBSITES[subsite]["banner"], head)


def trail(subsite: str, cat: str | None, current_link: bool) -> list[render.Crumb]:
    """Home › sub-site › category (a link, or the current page)."""
    crumbs: list[render.Crumb] = [("/", "Trang chủ"), (f"/{subsite}/", SUBSITES[subsite]["name"])]
    if cat:
        crumbs.append((f"/{subsite}/{cat}/" if current_link else None, CATEGORIES[cat][1]))
    return crumbs


def render_article(art: Article) -> str:
    published = f"{art.when:%Y-%m-%dT%H:%M:00}{TZ}" if art.meta_time else None
    head = render.article_head(art.title, art.path, published)
    updated = f"Cập nhật: {art.updated:%d/%m/%Y %H:%M}" if art.updated else None
    blocks = []
    for i, (phtml, _) in enumerate(art.paragraphs):
        blocks.append(f"<p>{phtml}</p>")
        blocks += [render.figure(src, alt, caption) for src, caption, alt in art.figures.get(i, [])]
        if art.script_after == i:
            blocks.append("<script>var tracking=1;</script>")
    if art.byline:
        blocks += render.bylines(art.byline.lines, strong=art.byline.kind == "all-caps")
    pdf = [(PDF_PATH, "Tải về: " + CONTENT.site["pdf"]["title"])]
    files = render.attachments(pdf if art.spec.pdf else [])
    related = [
        (other.path + ((art.related_variant or "") if k == 0 else ""), other.title)
        for k, other in enumerate(art.related)
    ]
    content = render.article(
        trail(art.subsite, art.cat, True),
        art.title,
        render.article_meta(art.date_raw, updated),
        art.lead,
        blocks,
        files,
        related,
    )
    return page(f"{art.title} - {SUBSITES[art.subsite]['org']}", art.subsite, content, head)


def listing_path(subsite: str, cat: str, n: int) -> str:
    base = f"/{subsite}/{cat}/"
    return base if n == 1 else f"{base}trang-{n}.html"


def render_listing(
    subsite: str,
    cat: str,
    n: int,
    pages: int,
    items: list[Article],
    broken: tuple[str, str, str] | None,
) -> str:
    lis = [render.news_item(a.path, a.title, f"{a.when:%d/%m/%Y}", a.lead) for a in items]
    if broken:
        href, title, date = broken
        lis.append(render.news_item(href, title, date, "Bài viết đang được cập nhật."))
    pager = render.pagination(n, pages, lambda k: "./" if k == 1 else f"trang-{k}.html")
    name = CATEGORIES[cat][1]
    content = render.listing(trail(subsite, cat, False), name, lis, pager)
    suffix = "" if n == 1 else f" - Trang {n}"
    return page(f"{name}{suffix} - {SUBSITES[subsite]['org']}", subsite, content)


def _latest(arts: list[Article], count: int) -> str:
    latest = sorted(arts, key=lambda a: (a.when, a.id), reverse=True)[:count]
    return "".join(
        f'<li><a href="{a.path}">{esc(a.title)}</a> <span class="date">{a.when:%d/%m/%Y}</span></li>'
        for a in latest
    )


def render_subsite_home(key: str, arts: list[Article]) -> str:
    cats = "".join(
        f'<li><a href="/{key}/{c}/">{esc(n)}</a></li>'
        for c, (s, n) in CATEGORIES.items()
        if s == key
    )
    content = (
        f"{render.breadcrumb([('/', 'Trang chủ'), (None, SUBSITES[key]['name'])])}\n"
        f'<h2>Tin mới</h2><ul class="latest-news">{_latest(arts, 5)}</ul>\n'
        f'<h2>Chuyên mục</h2><ul class="category-list">{cats}</ul>'
    )
    return page(SUBSITES[key]["org"] + " - Trang chủ", key, content)


def render_home(
    articles: list[Article], variants: list[tuple[str, str]], redirect_from: str
) -> str:
    var = "".join(f'<li><a href="{attr(h)}">{esc(t)}</a></li>' for h, t in variants)
    old = next(a for a in articles if a.id == REDIRECT_OLD_ID)
    content = (
        '<h2>Tin mới nhất</h2><ul class="home-news">' + _latest(articles, 10) + "</ul>\n"
        '<h2>Được quan tâm</h2><ul class="home-featured">' + var + "</ul>\n"
        '<div class="home-links"><h2>Liên kết</h2><ul>'
        '<li><a href="/btg/">Ban Tuyên giáo</a></li><li><a href="/dv/">Ban Dân vận</a></li>'
        f'<li><a href="{redirect_from}">Tin cũ: {esc(old.title)}</a></li>'
        f'<li><a href="{ADMIN_PATH}">Quản trị</a></li></ul></div>'
    )
    return page("Ban Tuyên giáo Tỉnh ủy - Trang chủ", "btg", content)


def render_simple(title: str, body: str) -> str:
    return page(title, "btg", f'<div class="page">{body}</div>')


# --------------------------------------------------------------------------- build


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def build(out_dir: Path) -> dict[str, Any]:
    """Write ``out_dir/www/**`` and ``out_dir/manifest.json``; return the manifest."""
    out_dir = Path(out_dir)
    www = out_dir / "www"
    if www.exists():
        shutil.rmtree(www)
    articles = compose(CONTENT.specs)
    by_id = {a.id: a for a in articles}

    # static assets
    for src, (fg, bg) in IMAGE_FILES.items():
        _write(www / src.lstrip("/"), png_bytes(16, 9, fg, bg))
    _write(www / PDF_PATH.lstrip("/"), pdf_bytes(CONTENT.site["pdf"]["text"]))
    _write(www / "static/site.css", (content.DATA_DIR / "site.css").read_bytes())

    # articles
    for art in articles:
        _write(www / art.path.lstrip("/"), render_article(art))

    # listings
    categories_meta = []
    listings: dict[str, list[str]] = {}
    broken_links = []
    for cat, (sub, name) in CATEGORIES.items():
        arts = sorted(
            (a for a in articles if a.cat == cat), key=lambda a: (a.when, a.id), reverse=True
        )
        pages = (len(arts) + PER_PAGE - 1) // PER_PAGE
        paths = []
        for n in range(1, pages + 1):
            chunk = arts[(n - 1) * PER_PAGE : n * PER_PAGE]
            broken = None
            if cat == "tin-hoat-dong" and n == 2:
                date = chunk[-1].when.strftime("%d/%m/%Y")
                broken = (NOT_FOUND_PATH, CONTENT.site["broken_link_title"], date)
                broken_links.append({"from": listing_path(sub, cat, n), "to": NOT_FOUND_PATH})
            lp = listing_path(sub, cat, n)
            fname = "index.html" if n == 1 else f"trang-{n}.html"
            _write(www / sub / cat / fname, render_listing(sub, cat, n, pages, chunk, broken))
            paths.append(lp)
            listings[lp] = [a.path for a in chunk]
        categories_meta.append(
            {
                "path": f"/{sub}/{cat}/",
                "subsite": sub,
                "name": name,
                "article_count": len(arts),
                "page_count": pages,
                "listing_pages": paths,
            }
        )

    # sub-site homes, home, admin, 404
    for key in SUBSITES:
        _write(
            www / key / "index.html",
            render_subsite_home(key, [a for a in articles if a.subsite == key]),
        )
    redirects = {f"/tin-cu/{REDIRECT_OLD_ID}.html": by_id[REDIRECT_OLD_ID].path}
    v1, v2, v3 = by_id[1010], by_id[1030], by_id[1050]
    variants = [
        (v1.path + "?utm_source=facebook&utm_medium=social", v1.title),
        (v2.path + "#binh-luan", v2.title),
        (v3.path + "?sessionid=abc123", v3.title),
    ]
    newest_rel = next(a for a in articles if a.related_variant)
    variant_meta = [
        {"from": "/", "href": h, "canonical": h.split("?")[0].split("#")[0]} for h, _ in variants
    ]
    variant_meta.append(
        {
            "from": newest_rel.path,
            "href": newest_rel.related[0].path + str(newest_rel.related_variant),
            "canonical": newest_rel.related[0].path,
        }
    )
    _write(www / "index.html", render_home(articles, variants, next(iter(redirects))))
    _write(
        www / "admin/index.html",
        render_simple(
            "Quản trị hệ thống", "<h1>Đăng nhập quản trị</h1><p>Khu vực dành cho quản trị viên.</p>"
        ),
    )
    _write(
        www / "404.html",
        render_simple(
            "Không tìm thấy trang",
            "<h1>404 - Không tìm thấy trang</h1><p>Trang bạn yêu cầu không tồn tại hoặc đã bị gỡ bỏ. "
            '<a href="/">Về trang chủ</a></p>',
        ),
    )

    # robots + sitemap ({{BASE_URL}} is substituted by server.py)
    _write(
        www / "robots.txt",
        "User-agent: *\nDisallow: /admin/\n\nSitemap: {{BASE_URL}}/sitemap.xml\n",
    )
    urls = "".join(
        f"  <url><loc>{{{{BASE_URL}}}}{a.path}</loc><lastmod>{a.when:%Y-%m-%d}</lastmod></url>\n"
        for a in articles
    )
    _write(
        www / "sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
    )

    manifest = {
        "site": {
            "name": CONTENT.site["name"],
            "per_page": PER_PAGE,
            "timezone": TZ,
            "home": "/",
            "subsites": [
                {
                    "key": k,
                    "path": f"/{k}/",
                    "name": v["name"],
                    "org": v["org"],
                    "banner": v["banner"],
                }
                for k, v in SUBSITES.items()
            ],
            "categories": categories_meta,
            "listings": listings,
            "robots": {"path": "/robots.txt", "disallow": [ADMIN_PATH]},
            "sitemap": "/sitemap.xml",
            "admin": ADMIN_PATH,
            "redirects": redirects,
            "not_found": [NOT_FOUND_PATH],
            "broken_links": broken_links,
            "url_variants": variant_meta,
            "attachments": [PDF_PATH],
            "image_files": sorted(IMAGE_FILES),
            "date_formats": sorted(DATE_FORMATS),
        },
        "articles": [_article_manifest(a) for a in articles],
    }
    _write(out_dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest


def _article_manifest(art: Article) -> dict[str, Any]:
    body = art.body_text
    images = [
        {"src": src, "caption": caption}
        for i in sorted(art.figures)
        for src, caption, _ in art.figures[i]
    ]
    return {
        "path": art.path,
        "id": art.id,
        "subsite": art.subsite,
        "category": CATEGORIES[art.cat][1],
        "category_path": f"/{art.subsite}/{art.cat}/",
        "title": art.title,
        "lead": art.lead,
        "date_raw": art.date_raw,
        "date_format": art.fmt,
        "published_at": iso(art.when, art.has_time),
        "meta_published_time": f"{art.when:%Y-%m-%dT%H:%M:00}{TZ}" if art.meta_time else None,
        "updated_raw": f"Cập nhật: {art.updated:%d/%m/%Y %H:%M}" if art.updated else None,
        "updated_at": iso(art.updated, True) if art.updated else None,
        "byline_raw": "\n".join(art.byline.lines) if art.byline else None,
        "byline_kind": art.byline.kind if art.byline else None,
        "authors": [{"name": n, "role": r} for n, r in art.byline.authors] if art.byline else [],
        "documents": art.documents,
        "body_first": body[:60],
        "body_last": body[-60:],
        "paragraph_count": len(art.paragraphs),
        "body_sha1": hashlib.sha1(body.encode("utf-8")).hexdigest(),
        "images": images,
        "attachments": [PDF_PATH] if art.spec.pdf else [],
        "related": [o.path for o in art.related],
        "hostile": art.spec.hostile,
    }


def main() -> None:
    """CLI entry: rebuild the committed demo site next to this module."""
    manifest = build(PACKAGE_DIR)
    print(f"wrote {len(manifest['articles'])} articles to {PACKAGE_DIR / 'www'}")


if __name__ == "__main__":
    main()
