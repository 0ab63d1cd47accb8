"""Tests for the bundled demo site: generator determinism, manifest truth and the server."""

from __future__ import annotations

import datetime as dt
import html
import http.client
import re
import unicodedata
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tuyengiao_crawler.demo_site import MANIFEST_PATH, WWW_DIR, DemoSite, load_manifest
from tuyengiao_crawler.demo_site.build import build

WEEKDAYS = {
    "thứ hai": 0,
    "thứ 2": 0,
    "thứ ba": 1,
    "thứ 3": 1,
    "thứ tư": 2,
    "thứ 4": 2,
    "thứ năm": 3,
    "thứ 5": 3,
    "thứ sáu": 4,
    "thứ 6": 4,
    "thứ bảy": 5,
    "thứ 7": 5,
    "chủ nhật": 6,
}


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return load_manifest()


@pytest.fixture(scope="module")
def site() -> Iterator[DemoSite]:
    with DemoSite(port=0) as running:
        yield running


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def fetch(
    url: str, headers: dict[str, str] | None = None, follow: bool = True
) -> tuple[int, Any, bytes]:
    """GET ``url`` (always 127.0.0.1); return (status, headers, body) without raising on 4xx/3xx."""
    assert url.startswith("http://127.0.0.1:")
    req = urllib.request.Request(url, headers=headers or {})
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(req, timeout=10) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def raw_request(site: DemoSite, method: str, path: str) -> tuple[int, dict[str, str], bytes]:
    """Send ``path`` verbatim (no client-side normalisation)."""
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    try:
        conn.request(method, path)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def page_text(raw: bytes) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", raw.decode("utf-8")))


# --------------------------------------------------------------------------- server


def test_home_has_banner_and_special_links(site: DemoSite, manifest: dict[str, Any]) -> None:
    status, headers, body = fetch(site.url + "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    text = body.decode("utf-8")
    assert '<div class="banner">Banner Ban tuyên giáo sub-site-1</div>' in text
    assert 'href="/admin/"' in text
    assert 'href="/tin-cu/1001.html"' in text
    for variant in manifest["site"]["url_variants"]:
        if variant["from"] == "/":
            assert html.escape(variant["href"]) in text


def test_subsite_homes(site: DemoSite, manifest: dict[str, Any]) -> None:
    for sub in manifest["site"]["subsites"]:
        status, _, body = fetch(site.url + sub["path"])
        assert status == 200
        assert f'<div class="banner">{sub["banner"]}</div>' in body.decode()


def test_article_served_with_title(site: DemoSite, manifest: dict[str, Any]) -> None:
    art = manifest["articles"][0]
    status, headers, body = fetch(site.url + art["path"])
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(headers["Content-Length"]) == len(body)
    text = body.decode("utf-8")
    assert html.escape(art["title"], quote=False) in text
    assert '<div class="article-detail">' in text


def test_robots_has_absolute_sitemap(site: DemoSite) -> None:
    status, headers, body = fetch(site.url + "/robots.txt")
    assert status == 200
    assert headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert f"Sitemap: {site.url}/sitemap.xml" in text
    assert "{{BASE_URL}}" not in text


def test_sitemap_lists_every_article(site: DemoSite, manifest: dict[str, Any]) -> None:
    status, _, body = fetch(site.url + "/sitemap.xml")
    assert status == 200
    locs = set(re.findall(r"<loc>([^<]+)</loc>", body.decode()))
    assert locs == {site.url + a["path"] for a in manifest["articles"]}


def test_redirect(site: DemoSite, manifest: dict[str, Any]) -> None:
    redirects = manifest["site"]["redirects"]
    assert redirects
    for old, new in redirects.items():
        status, headers, _ = fetch(site.url + old, follow=False)
        assert status == 301
        assert headers["Location"] in (new, site.url + new)
        status, _, _ = fetch(site.url + old)
        assert status == 200


def test_not_found(site: DemoSite, manifest: dict[str, Any]) -> None:
    for path in manifest["site"]["not_found"]:
        assert not (WWW_DIR / path.lstrip("/")).exists()
        status, headers, body = fetch(site.url + path)
        assert status == 404
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert "Không tìm thấy trang" in body.decode()
    link = manifest["site"]["broken_links"][0]
    _, _, listing = fetch(site.url + link["from"])
    assert f'href="{link["to"]}"' in listing.decode()


def test_query_string_variants_same_bytes(site: DemoSite, manifest: dict[str, Any]) -> None:
    variants = manifest["site"]["url_variants"]
    assert any("utm_source" in v["href"] for v in variants)
    assert any("#binh-luan" in v["href"] for v in variants)
    assert any("sessionid" in v["href"] for v in variants)
    for v in variants:
        _, _, canonical = fetch(site.url + v["canonical"])
        status, _, body = fetch(site.url + v["href"].split("#")[0])
        assert status == 200
        assert body == canonical


def test_path_traversal_is_404(site: DemoSite) -> None:
    for path in (
        "/../server.py",
        "/btg/../../build.py",
        "/%2e%2e/manifest.json",
        "/..%2fserver.py",
    ):
        status, _, body = raw_request(site, "GET", path)
        assert status == 404, path
        assert b"def " not in body


def test_directory_without_slash_redirects(site: DemoSite) -> None:
    status, headers, _ = fetch(site.url + "/btg", follow=False)
    assert status == 301
    assert headers["Location"].endswith("/btg/")


def test_head_matches_get(site: DemoSite, manifest: dict[str, Any]) -> None:
    path = manifest["articles"][5]["path"]
    _, _, body = fetch(site.url + path)
    status, headers, head_body = raw_request(site, "HEAD", path)
    assert status == 200
    assert head_body == b""
    assert int(headers["Content-Length"]) == len(body)


def test_etag_and_last_modified_round_trip(site: DemoSite, manifest: dict[str, Any]) -> None:
    art = next(a for a in manifest["articles"] if a["updated_at"])
    status, headers, _ = fetch(site.url + art["path"])
    assert status == 200
    etag, last_modified = headers["ETag"], headers["Last-Modified"]
    assert re.fullmatch(r'"[0-9a-f]{40}"', etag)
    updated = dt.datetime.fromisoformat(art["updated_at"]).astimezone(dt.UTC)
    assert last_modified == updated.strftime("%a, %d %b %Y %H:%M:%S GMT")

    status, headers, body2 = fetch(site.url + art["path"], {"If-None-Match": etag})
    assert status == 304
    assert body2 == b""
    assert headers["ETag"] == etag
    status, _, _ = fetch(site.url + art["path"], {"If-None-Match": '"nope"'})
    assert status == 200
    status, _, _ = fetch(site.url + art["path"], {"If-Modified-Since": last_modified})
    assert status == 304
    status, _, _ = fetch(
        site.url + art["path"], {"If-Modified-Since": "Mon, 01 Jan 2018 00:00:00 GMT"}
    )
    assert status == 200
    # Stable across requests (not derived from the file mtime or the clock).
    _, headers2, _ = fetch(site.url + art["path"])
    assert (headers2["ETag"], headers2["Last-Modified"]) == (etag, last_modified)


def test_binary_assets(site: DemoSite, manifest: dict[str, Any]) -> None:
    src = manifest["site"]["image_files"][0]
    status, headers, body = fetch(site.url + src)
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert body.startswith(b"\x89PNG\r\n\x1a\n") and len(body) < 1024
    pdf = manifest["site"]["attachments"][0]
    status, headers, body = fetch(site.url + pdf)
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")


def test_request_log(site: DemoSite) -> None:
    fetch(site.url + "/dv/?utm_source=x")
    assert site.hits("/dv/") >= 1
    assert site.hits("/admin/") == 0


def test_second_instance_gets_own_port() -> None:
    with DemoSite(port=0) as a, DemoSite(port=0) as b:
        assert a.port != b.port
        assert fetch(a.url + "/")[0] == 200
        assert fetch(b.url + "/")[0] == 200
    a.stop()  # idempotent


# --------------------------------------------------------------------------- manifest truth


def test_manifest_shape(manifest: dict[str, Any]) -> None:
    arts = manifest["articles"]
    assert len(arts) >= 66
    ids = [a["id"] for a in arts]
    assert len(set(ids)) == len(ids)
    assert len({a["path"] for a in arts}) == len(arts)
    cats = manifest["site"]["categories"]
    assert len(cats) == 4
    assert {c["subsite"] for c in cats} == {"btg", "dv"}
    for cat in cats:
        assert cat["page_count"] >= 3
        assert len(cat["listing_pages"]) == cat["page_count"]
        for lp in cat["listing_pages"]:
            rel = lp.lstrip("/") + ("index.html" if lp.endswith("/") else "")
            assert (WWW_DIR / rel).is_file(), lp
        assert sum(a["category"] == cat["name"] for a in arts) == cat["article_count"]
    for art in arts:
        assert (WWW_DIR / art["path"].lstrip("/")).is_file(), art["path"]
        assert re.fullmatch(r"/(btg|dv)/[a-z-]+/[a-z0-9-]+-\d+\.html", art["path"])
        assert art["path"].endswith(f"-{art['id']}.html")
        for rel in art["related"]:
            assert (WWW_DIR / rel.lstrip("/")).is_file()
        assert 1 <= len(art["related"]) <= 8 and art["path"] not in art["related"]


def test_manifest_variety(manifest: dict[str, Any]) -> None:
    arts = manifest["articles"]
    assert sum(a["byline_raw"] is None for a in arts) >= 4
    kinds = Counter(a["byline_kind"] for a in arts if a["byline_kind"])
    for kind in (
        "name+org",
        "prefix",
        "pv",
        "two-authors",
        "title+org",
        "paren-org",
        "source",
        "all-caps",
    ):
        assert kinds[kind] >= 2, kind
    formats = Counter(a["date_format"] for a in arts)
    assert len(formats) == 11 and min(formats.values()) >= 3
    raws = [a["date_raw"] for a in arts]
    assert any(r.endswith(" SA") for r in raws) and any(r.endswith(" CH") for r in raws)
    assert sum(any(i["caption"] for i in a["images"]) for a in arts) >= 10
    assert sum(bool(a["attachments"]) for a in arts) >= 2
    assert sum(a["updated_at"] is not None for a in arts) >= 3
    assert sum(a["hostile"] for a in arts) == 1
    docs = Counter(d for a in arts for d in a["documents"])
    for code in ("208-QĐ/TW", "05-CT/TW", "08-NQ/TU", "100-KL/TW", "173-TB/TW", "35-NQ/TW"):
        assert docs[code] >= 1, code
    for code in ("439/QĐ-TTg", "15/2020/NĐ-CP", "24/2018/QH14"):
        assert docs[code] >= 1, code


def test_manifest_values_are_canonical(manifest: dict[str, Any]) -> None:
    for art in manifest["articles"]:
        assert art["documents"] == sorted(set(art["documents"]))
        for code in art["documents"]:
            assert code == unicodedata.normalize("NFC", code) and "\u00d0" not in code
        pub = art["published_at"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}\+07:00)?", pub)
        assert 2019 <= int(pub[:4]) <= 2021
        if art["updated_at"]:
            assert art["updated_at"] > pub
        for author in art["authors"]:
            assert author["role"] in ("author", "organization")
            assert author["name"] == unicodedata.normalize("NFC", author["name"])
        if art["byline_raw"] is None:
            assert art["authors"] == []


def test_weekday_names_match_dates(manifest: dict[str, Any]) -> None:
    checked = 0
    for art in manifest["articles"]:
        head = art["date_raw"].split(",")[0].strip().lower()
        if head in WEEKDAYS:
            day = dt.date.fromisoformat(art["published_at"][:10])
            assert day.weekday() == WEEKDAYS[head], art["date_raw"]
            checked += 1
    assert checked >= 12


def test_article_html_matches_manifest(manifest: dict[str, Any]) -> None:
    for art in manifest["articles"]:
        raw = (WWW_DIR / art["path"].lstrip("/")).read_bytes()
        text = raw.decode("utf-8")
        assert (
            f'<span class="article-date">{html.escape(art["date_raw"], quote=False)}</span>' in text
        )
        assert f'<link rel="canonical" href="{art["path"]}">' in text
        plain = page_text(raw)
        assert art["body_first"] in plain and art["body_last"] in plain
        assert art["lead"] in plain
        for img in art["images"]:
            assert f'src="{img["src"]}"' in text
            assert (WWW_DIR / img["src"].lstrip("/")).is_file()
        for att in art["attachments"]:
            assert f'href="{att}"' in text and (WWW_DIR / att.lstrip("/")).is_file()
        if art["byline_raw"]:
            for line in art["byline_raw"].split("\n"):
                assert re.search(
                    rf'<p class="author">(<strong>)?{re.escape(line)}(</strong>)?</p>', text
                )
        else:
            assert 'class="author"' not in text
        if art["meta_published_time"]:
            assert f'content="{art["meta_published_time"]}"' in text
        if art["hostile"]:
            assert "<script>" in text and 'href="javascript:' in text and "onclick=" in text


def test_listing_dates_match_articles(manifest: dict[str, Any]) -> None:
    by_path = {a["path"]: a for a in manifest["articles"]}
    seen = set()
    for lp, paths in manifest["site"]["listings"].items():
        rel = lp.lstrip("/") + ("index.html" if lp.endswith("/") else "")
        text = (WWW_DIR / rel).read_text(encoding="utf-8")
        items = re.findall(
            r'<a class="news-title" href="([^"]+)">.*?</a><span class="news-date">([^<]+)</span>',
            text,
        )
        listed = [href for href, _ in items if href in by_path]
        assert listed == paths
        for href, date in items:
            if href in by_path:
                pub = by_path[href]["published_at"][:10]
                assert dt.datetime.strptime(date, "%d/%m/%Y").date().isoformat() == pub
        days = [by_path[p]["published_at"][:10] for p in paths]
        assert days == sorted(days, reverse=True), "listings are newest first"
        seen.update(paths)
    assert seen == set(by_path)


# --------------------------------------------------------------------------- determinism


def test_generator_output_matches_committed_files(tmp_path: Path) -> None:
    build(tmp_path)
    fresh = {
        p.relative_to(tmp_path / "www"): p for p in (tmp_path / "www").rglob("*") if p.is_file()
    }
    committed = {p.relative_to(WWW_DIR): p for p in WWW_DIR.rglob("*") if p.is_file()}
    assert sorted(map(str, fresh)) == sorted(map(str, committed)), "www/ drifted: rerun the build"
    for rel, path in fresh.items():
        assert path.read_bytes() == committed[rel].read_bytes(), f"{rel} drifted: rerun the build"
    assert (tmp_path / "manifest.json").read_bytes() == MANIFEST_PATH.read_bytes()
