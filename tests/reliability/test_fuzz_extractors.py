"""Hypothesis: random and mutated HTML, text, bytes and URLs through every extractor and
normaliser. No exception escapes, and the outputs keep their invariants."""

import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from parsel import Selector

from tuyengiao_crawler.extract.charset import better_encoding, not_html, repair_page
from tuyengiao_crawler.extract.html import clean_body_html, text_blocks
from tuyengiao_crawler.extract.listing import listing_links
from tuyengiao_crawler.extract.profile import extract_with_profile, is_article
from tuyengiao_crawler.extract.traps import listing_key
from tuyengiao_crawler.extract.urls import Scope, canonicalize_url
from tuyengiao_crawler.middlewares.retry import backoff_delay, retry_after_seconds
from tuyengiao_crawler.normalize.encoding import (
    METHODS,
    apply_repair,
    assess,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    repair_text,
    text_quality,
)
from tuyengiao_crawler.profiles import load_profile

ROOT = Path(__file__).resolve().parents[2]
PAGE = next((ROOT / "tuyengiao_crawler/demo_site/www/btg/tin-hoat-dong").glob("*-10*.html"))
ARTICLE = PAGE.read_text("utf-8")
LISTING = (ROOT / "tuyengiao_crawler/demo_site/www/btg/tin-hoat-dong/index.html").read_text("utf-8")
PROFILE = load_profile("demo")
BASE = "http://127.0.0.1:8000/btg/tin-hoat-dong/bai.html"
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TAGS = ["p", "div", "a", "img", "script", "style", "svg", "iframe", "table", "td", "br", "b",
        "form", "base", "meta", "math", "xmp", "h1", "span", "li", "noscript", "template"]  # fmt: skip
ATTRS = ["href", "src", "onclick", "onerror", "style", "class", "srcset", "action", "title"]
VALUES = ["javascript:alert(1)", " JaVa\tScRiPt:x", "data:text/html,x", "http://127.0.0.1:9/x",
          "/tin/a-1.html", "#top", "http://[::1", "http://a:99999/", "article-content", ""]  # fmt: skip
VIETNAMESE = "Đảng bộ tỉnh Nghệ An tổ chức hội nghị cán bộ chủ chốt quán triệt Nghị quyết"

tag = st.builds(
    lambda name, attrs, text: (
        f"<{name} " + " ".join(f'{a}="{v}"' for a, v in attrs) + f">{text}</{name}>"
    ),
    st.sampled_from(TAGS),
    st.lists(st.tuples(st.sampled_from(ATTRS), st.sampled_from(VALUES)), max_size=3),
    st.text(max_size=30),
)
fragments = st.lists(st.one_of(tag, st.text(max_size=40), st.sampled_from(VALUES)), max_size=12)


@st.composite
def mutated(draw, page=ARTICLE):
    """A real page with random slices cut, duplicated or replaced by junk."""
    text = page
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 400)))
        action = draw(st.sampled_from(["cut", "dup", "junk"]))
        if action == "cut":
            text = text[:start] + text[end:]
        elif action == "dup":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + "".join(draw(fragments)) + text[end:]
    return text


html_input = st.one_of(mutated(), mutated(LISTING), fragments.map("".join), st.text(max_size=300))


def selector(text):
    sel = Selector(text=text or "<html></html>")
    assume(sel.type == "html" and not isinstance(sel.root, str))
    return sel


def assert_safe_html(markup):
    reparsed = Selector(text=f"<html><body>{markup}</body></html>")
    for node in reparsed.xpath("//body//*"):
        assert node.root.tag not in ("script", "style", "iframe", "base", "meta", "svg", "form")
        for name, value in node.attrib.items():
            assert name in ("href", "src", "alt", "title", "colspan", "rowspan"), markup
            if name in ("href", "src"):
                assert value.lower().startswith(("http://", "https://", "mailto:", "tel:"))


@FUZZ
@given(html_input)
def test_profile_extractor_never_raises_and_stays_safe(text):
    sel = selector(text)
    is_article(sel, PROFILE)
    raw, missing = extract_with_profile(sel, BASE, PROFILE)
    assert set(missing) <= {"title", "body", "published"}
    for value in (raw.title, raw.lead, raw.published_raw, raw.category):
        assert value is None or (value and "\n" not in value)
    assert_safe_html(raw.body_html)
    for link in raw.images + raw.related + raw.attachments:
        assert link["url"].startswith(("http://", "https://"))


@FUZZ
@given(html_input)
def test_clean_body_html_and_text_blocks(text):
    sel = selector(text)
    markup = clean_body_html(sel, BASE)
    assert_safe_html(markup)
    assert unicodedata.is_normalized("NFC", markup)
    for block in text_blocks(sel):
        assert block and block == block.strip() and "\n" not in block
        assert unicodedata.is_normalized("NFC", block)


@FUZZ
@given(html_input)
def test_listing_links_are_absolute_web_urls(text):
    sel = selector(text)
    for profile in (PROFILE, None):
        found = listing_links(sel, BASE, profile)
        for url in [*found.articles, *found.pager, *([found.next_page] if found.next_page else [])]:
            assert url.startswith(("http://", "https://")), url


urls = st.one_of(
    st.sampled_from(VALUES),
    st.builds(
        lambda scheme, host, port, path, query, frag: f"{scheme}://{host}{port}{path}{query}{frag}",
        st.sampled_from(["http", "https", "HTTP", "ftp", "javascript"]),
        st.sampled_from(["127.0.0.1", "LOCALHOST", "nghean.dcs.vn", "a.b.gov.vn", "[::1]", ""]),
        st.sampled_from(["", ":8000", ":80", ":0", ":99999", ":x"]),
        st.text(alphabet="/abc.-_%?&=#;~ ", max_size=25).map(lambda p: "/" + p),
        st.sampled_from(["", "?utm_source=x&id=3", "?b=2&a=1", "?page=7"]),
        st.sampled_from(["", "#x"]),
    ),
    st.text(max_size=40),
)


@FUZZ
@given(urls, urls)
def test_canonical_urls_scope_and_listing_keys(url, other):
    scope = Scope(["http://127.0.0.1:8000/", "http://nghean.dcs.vn/"])
    assert isinstance(url in scope, bool)  # never raises, whatever the URL
    assert isinstance(listing_key(url), str)
    try:
        canonical = canonicalize_url(url)
    except ValueError:
        return  # the spider skips URLs that cannot be read
    assert "#" not in canonical
    if canonical.startswith(("http://", "https://")) and urlsplit(canonical).hostname:
        assert canonicalize_url(canonical) == canonical  # one spelling: idempotent
    if canonical in scope:
        assert canonical.startswith(("http://", "https://"))


# Broken text


words = st.sampled_from([*VIETNAMESE.split(), "người", "thường", "ương", "đồng", "chí", "và"])
vietnamese = st.lists(words, min_size=6, max_size=40).map(" ".join)


@FUZZ
@given(st.one_of(st.text(max_size=300), vietnamese), st.sampled_from([None, *METHODS]))
def test_repair_text_never_raises_and_never_worsens(text, hint):
    fixed, method = repair_text(text, hint=hint)
    if method is None:
        assert fixed == text
    else:
        assert method in METHODS
        assert unicodedata.is_normalized("NFC", fixed)
        assert assess(fixed).score > assess(text).score
    for name in METHODS:
        assert isinstance(apply_repair(text, name), str)
    assert text_quality(text) in (None, "suspect:replacement-characters", "suspect:mojibake")


@FUZZ
@given(vietnamese)
def test_sound_vietnamese_is_left_alone(text):
    assert repair_text(text) == (text, None)
    assert text_quality(text) is None


sentences = st.permutations([*VIETNAMESE.split(), "người", "thường", "đồng", "chí"]).map(" ".join)


@FUZZ
@given(sentences)
def test_legacy_encodings_decode_back_to_the_text(text):
    broken = {
        "tcvn3": encode_tcvn3(text).decode("latin-1"),
        "vni": encode_vni(text).decode("cp1252"),
        "cp1258": encode_cp1258(text).decode("cp1252", errors="replace"),
        "utf8-double": text.encode("utf-8").decode("cp1252", errors="replace"),
    }
    for method, garbled in broken.items():
        if "\ufffd" in garbled:
            continue  # bytes cp1252 does not define: repaired from the bytes, not the text
        fixed, found = repair_text(garbled)
        expected = text if method != "tcvn3" else encode_tcvn3(text).decode("latin-1")
        if method == "tcvn3":
            expected = apply_repair(expected, "tcvn3")  # TCVN3 has no code for some capitals
        assert (fixed, found) == (expected, method), (method, garbled)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([None, "utf-8", "cp1252", "cp1258", "bogus"]))
def test_page_decoding_never_raises(body, encoding):
    text = body.decode("utf-8", errors="replace")
    assert better_encoding(body, encoding, text) in (None, "utf-8", "cp1258", "cp1252")
    fixed, quality = repair_page(body, encoding, text, declared=encoding is not None)
    assert (fixed is None) == (quality is None)
    assert not_html(body) is None or isinstance(not_html(body), str)


@FUZZ
@given(
    st.one_of(st.none(), st.text(max_size=40), st.binary(max_size=40)),
    st.integers(0, 30),
    st.floats(0, 100),
    st.floats(0, 1000),
)
def test_retry_waits_are_bounded(header, attempt, base, cap):
    seconds = retry_after_seconds(header)
    assert seconds is None or seconds >= 0
    delay = backoff_delay(attempt, base, cap, seconds, retry_after_cap=120.0)
    assert 0 <= delay <= max(cap, 120.0)
