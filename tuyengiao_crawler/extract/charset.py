"""Which encoding a page's bytes are really in, when the declared (or sniffed) one is wrong.

Scrapy decodes a page with the charset of its BOM, Content-Type header or <meta>, else by
sniffing (UTF-8, then Windows-1252). Vietnamese sites get this wrong in known ways: a page
in Windows-1258 with no charset, or declared UTF-8 while sent in Windows-1258, or declared
Windows-1252/1258 while sent in UTF-8. `better_encoding` tries the encodings such pages
are really in and keeps the one whose text reads as Vietnamese (see
`normalize.encoding.assess`). Text-level damage (TCVN3, VNI, double-encoded UTF-8) is
repaired field by field in the normalise pipeline.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

from tuyengiao_crawler.normalize.encoding import (
    Assessment,
    assess,
    font_hint,
    repair_text,
    suspicious,
)

# Encodings Vietnamese pages are really written in, tried when the first decoding reads badly
# (cp1252: the Latin-1 view that TCVN3 and VNI pages are repaired from).
CANDIDATES = ("utf-8", "cp1258", "cp1252")
# Magic numbers of files that are never HTML, whatever their Content-Type says.
NOT_HTML_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
)
# Bytes that text never holds (the WHATWG MIME Sniffing standard's "binary data bytes").
_BINARY_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_TEXT_BYTES = bytes(range(256)).translate(None, _BINARY_BYTES)
_LEADING = re.compile(b"[" + re.escape(_BINARY_BYTES + b" \t\n\r\x0c") + b"]*")
# Tags a page starts with, which binary data does not hold by chance.
_MARKUP = re.compile(
    rb"<(?:!doctype|html|head|body|meta|title|link|script|style|div|table|!--)[\s>/]",
    re.IGNORECASE,
)


def _codec(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def not_html(body: bytes) -> str | None:
    """A short reason if the body is clearly not an HTML page (a PDF, an archive, an
    image, binary data), else None.

    Stray NUL or control bytes are no sign of a binary file (browsers show such a page):
    only a start that is mostly such bytes and holds no tag is. A UTF-16 page with its
    BOM, half NULs, is a page."""
    head = body[:1024].lstrip()
    if head.startswith(NOT_HTML_MAGIC):
        return f"binary file ({head[:4]!r}) served as HTML"
    if read_bom(body)[0]:
        return None
    # Control bytes before the first text are skipped: NUL padding hides no page.
    start = _LEADING.match(body).end()
    if start == len(body):
        return "binary data served as HTML" if body.strip() else None  # control bytes only
    head = body[start : start + 1024]
    binary = len(head.translate(None, _TEXT_BYTES))
    if binary * 16 <= len(head) or _MARKUP.search(head.translate(None, _BINARY_BYTES)):
        return None  # text with a few stray bytes, or markup among them
    return "binary data served as HTML"


def declared_encoding(body: bytes, content_type: str | None) -> str | None:
    """The encoding the page states (BOM, Content-Type charset, <meta>), or None when the
    decoder had to guess."""
    return (
        read_bom(body)[0]
        or http_content_type_encoding(content_type or "")
        or html_body_declared_encoding(body)
    )


def _reading(text: str) -> Assessment:
    """How Vietnamese the text reads once text-level damage (TCVN3, VNI...) is repaired."""
    return assess(repair_text(text)[0])


def better_encoding(
    body: bytes, encoding: str | None, text: str, declared: bool = True
) -> str | None:
    """An encoding that decodes `body` into clearly better Vietnamese than `text` (the
    page as decoded with `encoding`), or None to keep the decoding as it is.

    A declared charset (BOM, header, <meta>) is trusted unless the text shows signs of a
    wrong one; a guessed one (`declared=False`) is always checked."""
    if not body or body.isascii():
        return None
    if declared and not suspicious(text):
        return None  # the common case: one quick regex search
    current = _codec(encoding)
    found = _reading(text)
    if not found.replacement and found.invalid_ratio < 0.25:
        return None  # reads as Vietnamese (perhaps after a text-level repair)
    best, best_found = None, found
    for candidate in CANDIDATES:
        if candidate == current:
            continue
        try:
            decoded = body.decode(candidate, errors="strict" if candidate == "utf-8" else "replace")
        except UnicodeDecodeError:
            continue
        other = _reading(decoded)
        if other.score > best_found.score and other.replacement <= best_found.replacement:
            best, best_found = candidate, other
    if best is None:
        return None
    clearly_better = best_found.replacement < found.replacement or (
        best_found.invalid_ratio <= found.invalid_ratio / 2
    )
    return best if clearly_better else None


def repair_page(
    body: bytes, encoding: str | None, text: str, declared: bool = True
) -> tuple[str | None, str | None]:
    """(text, quality): the page's text decoded right and repaired, with what was done
    ("repaired:cp1258", "repaired:tcvn3"...), or (None, None) when the page reads well.

    Whole pages are repaired before extraction, since text clean-up would drop bytes some
    broken texts still need (0xAD is TCVN3's "ư" and half of UTF-8's "í")."""
    redecoded = better_encoding(body, encoding, text, declared=declared)
    if redecoded:
        # NFC: Windows-1258 writes tones as combining marks.
        text = unicodedata.normalize("NFC", body.decode(redecoded, errors="replace"))
    fixed, method = (text, None) if not suspicious(text) else repair_text(text, font_hint(text))
    if method:
        return fixed, f"repaired:{method}"
    if redecoded:
        return text, f"repaired:{redecoded}"
    return None, None


def font_quality(html: str) -> str | None:
    """ "font:tcvn3" or "font:vni" when the page names a legacy Vietnamese font (.VnTime,
    VNI-Times): a hint the normalise pipeline uses to repair the article's text."""
    hint = font_hint(html)
    return f"font:{hint}" if hint else None
