"""Generator for the bundled demo site: ``python -m tuyengiao_crawler.demo_site.build``.

Writes ``www/`` (static HTML, images, one PDF, robots.txt, sitemap.xml) and
``manifest.json`` (the ground truth for every article): the articles composed from
``data/*.toml`` (compose.py), their pages' HTML from render.py. The output is
deterministic: the same bytes on every run.

The site imitates a provincial Ban Tuyên giáo portal with two sub-sites, modelled on the
one real article page in ``/work/shared/seed``: banner, title, body, byline (name line,
then organisation line) and a "Tin cùng chuyên mục" related list.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from . import content, render
from .compose import (
    ADMIN_PATH,
    CATEGORIES,
    CONTENT,
    DATE_FORMATS,
    IMAGE_FILES,
    NOT_FOUND_PATH,
    PDF_PATH,
    PER_PAGE,
    REDIRECT_OLD_ID,
    SUBSITES,
    TZ,
    Article,
    compose,
    iso,
)
from .render import attr, esc

PACKAGE_DIR = Path(__file__).resolve().parent

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
