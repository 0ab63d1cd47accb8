"""Evidence every reader can read (issue 13, item 6): the crawl asks only for gzip and
deflate, which warcio, pywb and every WARC reader undo; records a server compressed
unasked (br, zstd) are still archived and `reprocess` reads them; a record whose stream
was cut short gives a clear error."""

import gzip
import json
import zlib

import pytest
from testkit import rows, tuyengiao, warcio

from tuyengiao_crawler.archive.content_coding import (
    ContentEncodingError,
    decode_body,
    truncated_coding,
)
from tuyengiao_crawler.archive.warc import iter_records, warc_files
from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer

brotli = pytest.importorskip("brotli")
try:
    from compression import zstd
except ImportError:
    zstd = pytest.importorskip("backports.zstd")

HTML = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
    '<meta property="article:published_time" content="2024-06-0{n}T09:00:00+07:00"></head>'
    '<body><main><article><h1>{title}</h1><div class="noi-dung">'
    "<p>Sáng {n}/6, Ủy ban nhân dân xã tổ chức lễ ra quân thực hiện chiến dịch làm sạch "
    "môi trường, thu gom rác thải dọc các tuyến đường liên thôn.</p>"
    "<p>Đông đảo đoàn viên, thanh niên và người dân đã tham gia, góp phần xây dựng cảnh "
    "quan xanh, sạch, đẹp trên địa bàn xã trong dịp hè năm nay.</p>"
    "</div></article></main></body></html>"
)


def article(n, title):
    return HTML.format(n=n, title=title).encode()


def test_decode_body_undoes_every_coding_a_server_may_send():
    html = article(1, "Bài viết về mã hóa nội dung") * 50
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    encoded = {
        "gzip": gzip.compress(html),
        "x-gzip": gzip.compress(html),
        "deflate": zlib.compress(html),
        "Deflate": raw.compress(html) + raw.flush(),  # raw deflate, as IIS sends it
        "br": brotli.compress(html),
        "zstd": zstd.compress(html),
    }
    for coding, body in encoded.items():
        headers = [("Content-Type", "text/html"), ("Content-Encoding", coding)]
        assert decode_body(headers, body) == ([("Content-Type", "text/html")], html), coding
    # Layered codings are undone right to left; gzip members and zstd frames joined.
    layered = brotli.compress(gzip.compress(html))
    assert decode_body([("Content-Encoding", "gzip, br")], layered)[1] == html
    members = gzip.compress(html[:100]) + gzip.compress(html[100:])
    assert decode_body([("Content-Encoding", "gzip")], members)[1] == html
    frames = zstd.compress(html[:100]) + zstd.compress(html[100:])
    assert decode_body([("Content-Encoding", "zstd")], frames)[1] == html


@pytest.mark.parametrize(
    ("coding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("br", brotli.compress),
     ("zstd", zstd.compress)],
)  # fmt: skip
def test_a_record_cut_short_is_a_clear_error(coding, compress):
    body = compress(article(2, "Bài bị cắt") * 20)
    with pytest.raises(ContentEncodingError, match=f"^truncated {coding} body$"):
        decode_body([("Content-Encoding", coding)], body[: len(body) * 2 // 3])


def test_a_body_not_in_its_coding_or_in_an_unknown_one_is_a_clear_error():
    with pytest.raises(ContentEncodingError, match="unreadable gzip body"):
        decode_body([("Content-Encoding", "gzip")], b"<html>not gzip at all</html>")
    with pytest.raises(ContentEncodingError, match="unsupported Content-Encoding 'compress'"):
        decode_body([("Content-Encoding", "compress")], b"\x1f\x9d...")


def test_only_a_stream_cut_short_is_truncated():
    """What the crawl retries as "truncated": not a body in no coding at all (Scrapy's
    own handling stays), nor padding after a whole stream, nor a bomb past the limit."""
    body = gzip.compress(article(3, "Bài kiểm tra luồng") * 20)
    assert truncated_coding(body[:-8], "gzip") == "truncated gzip body"  # no trailer
    assert truncated_coding(body, "gzip") is None
    assert truncated_coding(body + b"\0" * 16, "gzip") is None
    assert truncated_coding(b"<html>not gzip at all</html>", "gzip") is None
    assert truncated_coding(body, "compress") is None
    assert truncated_coding(body[: len(body) // 2], "gzip", max_size=100) is None


class Pages:
    """`compressed` maps paths to (coding, compress): those are sent in that coding,
    asked for or not; the others as the server's gzip setting says."""

    def __init__(self, articles, compressed=None):
        self.articles = articles
        self.compressed = compressed or {}

    def lookup(self, request: Request) -> Response | None:
        if request.path == "/":
            links = "".join(f'<a href="{path}">{path}</a> ' for path in self.articles)
            return Response(f"<html><body><p>{links}</p></body></html>".encode())
        if request.path not in self.articles:
            return None
        body = self.articles[request.path]
        if request.path in self.compressed:
            coding, compress = self.compressed[request.path]
            # Not HTML's exact type, which the server would gzip again when asked.
            return Response(compress(body), "text/html", headers={"Content-Encoding": coding})
        return Response(body)

    def not_found(self) -> Response:
        return Response(b"<html><body>Not found</body></html>", status=404)


class Site(BackgroundSite):
    def __init__(self, pages, gzip=False):
        super().__init__()
        self.pages, self.gzip = pages, gzip

    def make_server(self, address):
        return SiteHTTPServer(address, self.pages, validators=False, gzip=self.gzip)


def crawl(tmp_path, pages, gzip=False):
    db = tmp_path / "archive.sqlite"
    with Site(pages, gzip=gzip) as site:
        result = tuyengiao("crawl", "--start-url", site.url + "/", "--db", db, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    records = [r for f in warc_files(tmp_path / "warc") for r in iter_records(f)]
    return db, records


def header(record, name):
    return next((v for k, v in record.http_headers if k.lower() == name.lower()), None)


def test_a_crawl_asks_for_gzip_and_deflate_only_and_warcio_check_reads_its_warc(tmp_path):
    pages = Pages(
        {"/tin/bai-1.html": article(1, "Ra quân làm sạch môi trường"),
         "/tin/bai-2.html": article(2, "Thanh niên tình nguyện hè"),
         "/tin/bai-3.html": article(3, "Ngày hội đại đoàn kết toàn dân")},
        # A server that sends zstd unasked: archived, read, and warcio skips its coding.
        {"/tin/bai-3.html": ("zstd", zstd.compress)},
    )  # fmt: skip
    db, records = crawl(tmp_path, pages, gzip=True)
    requests = [r for r in records if r.rec_type == "request"]
    assert requests and {header(r, "Accept-Encoding") for r in requests} == {"gzip, deflate"}
    pages_sent = [r for r in records if r.rec_type == "response" and r.http_status == 200]
    assert {header(r, "Content-Encoding") for r in pages_sent} == {"gzip", "zstd"}
    titles = {a["title"] for a in rows(db, "SELECT title FROM articles")}
    assert titles == {
        "Ra quân làm sạch môi trường",
        "Thanh niên tình nguyện hè",
        "Ngày hội đại đoàn kết toàn dân",
    }
    check = warcio("check", "-v", *warc_files(tmp_path / "warc"))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "digest pass" in check.stdout and "fail" not in check.stdout


def test_records_a_server_compressed_unasked_are_archived_and_reprocessed(tmp_path):
    pages = Pages(
        {"/tin/br.html": article(4, "Bài gửi nén brotli"),
         "/tin/zstd.html": article(5, "Bài gửi nén zstd")},
        {"/tin/br.html": ("br", brotli.compress), "/tin/zstd.html": ("zstd", zstd.compress)},
    )  # fmt: skip
    db, _ = crawl(tmp_path, pages)
    archived = rows(db, "SELECT title, body_text FROM articles ORDER BY title")
    assert [a["title"] for a in archived] == ["Bài gửi nén brotli", "Bài gửi nén zstd"]
    assert all(a["body_text"].startswith("Sáng ") for a in archived)
    result = tuyengiao("reprocess", "--db", db, "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    counts = json.loads(result.stdout)
    assert counts["articles"] == 2 and counts["failed"] == 0, counts
