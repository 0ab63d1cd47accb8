"""HTTP content codings (gzip, deflate, br, zstd) undone in chunks, and a compressed body
cut short told apart from a whole one: for the crawl's compression middleware and for
reading WARC response records back (reprocess)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from typing import Any

CHUNK = 1 << 20  # bytes decoded at a time
Headers = Sequence[tuple[str, str]]


class ContentEncodingError(ValueError):
    """A body its Content-Encoding cannot undo: cut short ("truncated gzip body") or not
    in that coding at all."""


class TruncatedStream(ContentEncodingError):
    """A compressed body whose stream ends before its end: cut short in transit."""


def _inflate(body: bytes, coding: str) -> Iterator[bytes]:
    gzip = coding != "deflate"
    # deflate is a zlib stream (RFC 9110), or raw deflate as IIS sends it.
    options = [zlib.MAX_WBITS | 16] if gzip else [zlib.MAX_WBITS, -zlib.MAX_WBITS]
    for wbits in options:
        decompressor = zlib.decompressobj(wbits)
        try:
            chunk = decompressor.decompress(body, CHUNK)
            break
        except zlib.error:
            if wbits == options[-1]:
                raise
    while True:
        if chunk:
            yield chunk
        data = decompressor.unconsumed_tail
        if decompressor.eof:
            data = decompressor.unused_data
            if not (gzip and data.startswith(b"\x1f\x8b")):
                return  # the stream's end (what follows is padding, not content)
            decompressor = zlib.decompressobj(wbits)  # another gzip member
        elif not data and not chunk:
            raise TruncatedStream(f"truncated {coding} body")
        chunk = decompressor.decompress(data, CHUNK)


def _unbrotli(body: bytes) -> Iterator[bytes]:
    try:
        import brotli
    except ImportError:
        try:
            import brotlicffi as brotli  # what Scrapy falls back on too
        except ImportError:
            raise ContentEncodingError("a br body, and no brotli module to read it") from None
    decompressor = brotli.Decompressor()
    chunk = decompressor.process(body, output_buffer_limit=CHUNK)
    while chunk:
        yield chunk
        if decompressor.is_finished():
            return
        chunk = decompressor.process(b"", output_buffer_limit=CHUNK)
    if not decompressor.is_finished():
        raise TruncatedStream("truncated br body")


def _zstd_module() -> Any:
    for name in ("compression.zstd", "backports.zstd", "zstandard"):
        try:
            return __import__(name, fromlist=["ZstdDecompressor"])
        except ImportError:
            continue
    raise ContentEncodingError("a zstd body, and no zstd module to read it")


def _unzstd(body: bytes) -> Iterator[bytes]:
    module = _zstd_module()
    if not hasattr(module, "ZstdFile"):  # zstandard: a zlib-like object, no output limit
        decompressor = module.ZstdDecompressor().decompressobj()
        yield decompressor.decompress(body)
        if not getattr(decompressor, "eof", True):
            raise TruncatedStream("truncated zstd body")
        return
    decompressor, data = module.ZstdDecompressor(), body  # Python 3.14's API (PEP 784)
    while True:
        chunk = decompressor.decompress(data, CHUNK)
        if chunk:
            yield chunk
        data = b""
        if decompressor.eof:
            data = decompressor.unused_data
            if not data:
                return
            decompressor = module.ZstdDecompressor()  # another frame
        elif decompressor.needs_input:
            raise TruncatedStream("truncated zstd body")


def undo_coding(body: bytes, coding: str) -> Iterator[bytes]:
    """`body` with one content coding undone, in chunks: gzip, deflate, br (with the
    brotli module) and zstd (Python 3.14's, backports.zstd or zstandard), each imported
    only when a body needs it; "identity" and "" give the body as it is. Raises
    ContentEncodingError once the stream proves cut short, or unreadable, or the coding
    unknown."""
    coding = coding.strip().lower()
    try:
        if coding in ("", "identity"):
            yield body
        elif coding in ("gzip", "x-gzip", "deflate"):
            yield from _inflate(body, coding)
        elif coding == "br":
            yield from _unbrotli(body)
        elif coding == "zstd":
            yield from _unzstd(body)
        else:
            raise ContentEncodingError(f"unsupported Content-Encoding {coding!r}")
    except ContentEncodingError:
        raise
    except Exception as exc:  # zlib.error, brotli.error, ZstdError: no such stream
        raise ContentEncodingError(f"unreadable {coding} body: {exc}") from None


def content_codings(headers: Headers) -> list[str]:
    """The Content-Encoding codings, in the order they were applied."""
    return [
        c.strip().lower()
        for name, value in headers
        if name.lower() == "content-encoding"
        for c in value.split(",")
        if c.strip()
    ]


def truncated_coding(body: bytes, coding: str, max_size: int = 0) -> str | None:
    """ "truncated gzip body" when the body's stream in `coding` is cut short, else None:
    also for a body not in that coding or in one unknown here, and for one that decodes
    past `max_size` bytes (0: no limit) before its end (the size limit's business).
    Reads in chunks; keeps none."""
    size = 0
    try:
        for chunk in undo_coding(body, coding):
            size += len(chunk)
            if max_size and size > max_size:
                return None
    except TruncatedStream as exc:
        return str(exc)
    except ContentEncodingError:
        return None
    return None


def decode_body(headers: Headers, body: bytes) -> tuple[list[tuple[str, str]], bytes]:
    """Undo Content-Encoding (gzip, deflate, br, zstd, layered right to left) as Scrapy's
    HttpCompressionMiddleware does, and drop the header; other headers are kept. A body
    cut short or not in its coding raises ContentEncodingError, which says which."""
    codings = content_codings(headers)
    for coding in reversed(codings):
        body = b"".join(undo_coding(body, coding))
    if codings:
        return [(k, v) for k, v in headers if k.lower() != "content-encoding"], body
    return list(headers), body
