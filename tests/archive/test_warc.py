"""WarcWriter, the WARC readers and the fetches table, on files written here."""

import gzip
import hashlib
import json
import os
from datetime import UTC, datetime
from functools import partial

import pytest
import testkit

from tuyengiao_crawler.archive import Archive, ArchiveError
from tuyengiao_crawler.archive.fetches import (
    fetch_for_article,
    get_fetch,
    record_fetch,
    replay,
)
from tuyengiao_crawler.archive.warc import (
    WarcError,
    WarcWriter,
    iter_records,
    read_record,
    warc_files,
)

warcio = partial(testkit.warcio, timeout=60)


def body(n):
    """Incompressible bytes (about 4 kB on disk as well)."""
    return str(n).encode() + os.urandom(4000)


def exchange(writer, n, payload=None, **extra):
    payload = body(n) if payload is None else payload
    location = writer.write_exchange(
        f"http://127.0.0.1:9/bai-{n}.html",
        request_target=f"/bai-{n}.html",
        request_headers=[("Host", "127.0.0.1:9"), ("User-Agent", "test")],
        status=200,
        response_headers=[
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(payload))),
        ],
        body=payload,
        **extra,
    )
    return location, payload


def test_rotation_by_size_gives_several_valid_files(tmp_path):
    writer = WarcWriter(tmp_path, max_bytes=20_000, info={"operator": "archivist@example.org"})
    written = [exchange(writer, n) for n in range(30)]
    writer.close()
    files = warc_files(tmp_path)
    # 30 exchanges of ~5 kB into 20 kB files: 4 or 5 per file
    assert 6 <= len(files) <= 8
    assert [f.name for f in files] == writer.files
    assert all(f.name.startswith("tuyengiao-") and f.name.endswith(".warc.gz") for f in files)
    assert [f.name[-13:-8] for f in files] == [f"{n:05d}" for n in range(1, len(files) + 1)]
    assert sum(f.stat().st_size for f in files) == writer.bytes_written
    assert writer.records == 30 * 2 + len(files)
    per_file = {}
    for location, _ in written:
        per_file.setdefault(location.file, []).append(location)
    assert sum(len(v) for v in per_file.values()) == 30
    for f in files[:-1]:
        # closed at the first exchange that took it past the limit, not before
        assert f.stat().st_size >= 20_000
        assert per_file[f.name][-1].offset < 20_000
    assert files[-1].stat().st_size < 20_000 + 6_000
    for f in files:
        check = warcio("check", "-v", f)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "failed" not in check.stdout and check.stderr == ""
        # every record (warcinfo: block digest; request/response: block + payload) verified
        assert check.stdout.count("digest pass") == check.stdout.count("WARC-Record-ID")
        index = warcio("index", "-f", "offset,length,warc-type,warc-target-uri,http:status", f)
        assert index.returncode == 0, index.stderr
        entries = [json.loads(line) for line in index.stdout.splitlines()]
        assert [e["warc-type"] for e in entries] == ["warcinfo"] + ["response", "request"] * len(
            per_file[f.name]
        )
        assert [int(e["offset"]) for e in entries if e["warc-type"] == "response"] == [
            location.offset for location in per_file[f.name]
        ]
    # each location is the response record's gzip member
    for location, payload in written:
        status, headers, got = read_record(tmp_path, location.file, location.offset)
        assert status == 200 and got == payload
        assert ("Content-Length", str(len(payload))) in headers
        with (tmp_path / location.file).open("rb") as fh:
            fh.seek(location.offset)
            member = fh.read(location.length)
        assert gzip.decompress(member).startswith(b"WARC/1.1\r\nWARC-Type: response\r\n")


def test_records_headers_digests_and_warcinfo(tmp_path):
    when = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)
    with WarcWriter(tmp_path, 10**9, info={"operator": "lab", "contact": ""}) as writer:
        location, payload = exchange(writer, 1, fetched_at=when, ip_address="127.0.0.1")
    (path,) = warc_files(tmp_path)
    records = list(iter_records(path))
    assert [r.rec_type for r in records] == ["warcinfo", "response", "request"]
    info, response, request = records
    assert info.header("WARC-Filename") == path.name
    fields = info.payload.decode()
    assert "software: tuyengiao-crawler/" in fields
    assert "format: WARC File Format 1.1" in fields
    assert "operator: lab" in fields and "contact" not in fields  # empty values left out
    assert response.offset == location.offset and response.length == location.length
    assert response.target_uri == request.target_uri == "http://127.0.0.1:9/bai-1.html"
    assert (
        response.header("WARC-Date")
        == request.header("WARC-Date")
        == ("2024-05-06T07:08:09.123456Z")
    )
    assert request.header("WARC-Concurrent-To") == response.header("WARC-Record-ID")
    assert response.header("WARC-Warcinfo-ID") == info.header("WARC-Record-ID")
    assert response.header("WARC-IP-Address") == "127.0.0.1"
    assert response.http_status == 200 and response.payload == payload
    import base64

    digest = "sha256:" + base64.b32encode(hashlib.sha256(payload).digest()).decode()
    assert response.header("WARC-Payload-Digest") == digest
    raw = gzip.decompress(path.read_bytes())
    assert b"\r\n\r\nGET /bai-1.html HTTP/1.1\r\nHost: 127.0.0.1:9\r\nUser-Agent: test\r\n" in raw
    assert b"\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" in raw


def test_compressed_payloads_are_stored_and_text_is_deflated(tmp_path):
    """Deflating a JPEG or a gzip-encoded body again only costs time: those records are
    stored gzip members (the payload appears verbatim in the file); HTML is deflated."""
    jpeg = b"\xff\xd8\xff\xe0" + os.urandom(30_000)
    gzipped = gzip.compress("<p>Tin tức</p>".encode() * 500)
    html = "<p>Hội nghị Ban Chấp hành Đảng bộ tỉnh</p>\n".encode() * 500
    cases = [
        ([("Content-Type", "image/jpeg")], jpeg),
        ([("Content-Type", "text/html"), ("Content-Encoding", "gzip")], gzipped),
        ([("Content-Type", "text/html; charset=utf-8")], html),
    ]
    with WarcWriter(tmp_path, 10**9) as writer:
        locations = [
            writer.write_exchange(
                "http://127.0.0.1:9/x", status=200, response_headers=headers, body=payload
            )
            for headers, payload in cases
        ]
    (path,) = warc_files(tmp_path)
    data = path.read_bytes()
    members = [data[loc.offset : loc.offset + loc.length] for loc in locations]
    assert jpeg in members[0] and gzipped in members[1]
    assert html not in members[2] and len(members[2]) < len(html) // 20
    assert [read_record(tmp_path, loc.file, loc.offset)[2] for loc in locations] == [
        payload for _, payload in cases
    ]
    assert warcio("check", path).returncode == 0


def test_status_line_and_empty_bodies(tmp_path):
    with WarcWriter(tmp_path, 10**9) as writer:
        moved = writer.write_exchange(
            "http://h/tin-cu/1.html",
            request_target="/tin-cu/1.html",
            status=301,
            response_headers=[("Location", "http://h/a.html")],
        )
        unchanged = writer.write_exchange("http://h/a.html", status=304, body=b"")
        odd = writer.write_exchange("http://h/b", status=599, body=b"x")
    assert read_record(tmp_path, moved.file, moved.offset) == (
        301,
        [("Location", "http://h/a.html")],
        b"",
    )
    assert read_record(tmp_path, unchanged.file, unchanged.offset)[::2] == (304, b"")
    assert read_record(tmp_path, odd.file, odd.offset)[::2] == (599, b"x")
    raw = gzip.decompress((tmp_path / moved.file).read_bytes())
    assert b"HTTP/1.1 301 Moved Permanently\r\n" in raw
    assert b"HTTP/1.1 304 Not Modified\r\n" in raw
    assert warcio("check", tmp_path / moved.file).returncode == 0


def test_headers_are_written_byte_for_byte(tmp_path):
    """Non-ASCII header bytes (latin-1 as Scrapy decodes them) are not %-encoded."""
    value = "attachment; filename=b\xe1o-c\xe1o.pdf"
    with WarcWriter(tmp_path, 10**9) as writer:
        location = writer.write_exchange(
            "http://h/f.pdf", status=200, response_headers=[("Content-Disposition", value)]
        )
    raw = gzip.decompress((tmp_path / location.file).read_bytes())
    assert b"Content-Disposition: attachment; filename=b\xe1o-c\xe1o.pdf\r\n" in raw
    assert warcio("check", tmp_path / location.file).returncode == 0


def test_torn_last_record_is_detected_and_skipped(tmp_path, caplog):
    with WarcWriter(tmp_path, 10**9) as writer:
        locations = [exchange(writer, n)[0] for n in range(4)]
    (path,) = warc_files(tmp_path)
    whole = [r.offset for r in iter_records(path)]
    last = locations[-1]
    # a SIGKILL in the middle of the last response: cut the file inside its gzip member
    with path.open("r+b") as fh:
        fh.truncate(last.offset + last.length // 2)
    scan = iter_records(path)
    records = list(scan)
    assert [r.offset for r in records] == [o for o in whole if o < last.offset]
    assert scan.torn_at == last.offset
    assert "cut short" in scan.torn_reason
    assert f"torn record at offset {last.offset}" in caplog.text
    # the records before it still replay
    assert read_record(tmp_path, path.name, locations[0].offset)[0] == 200
    with pytest.raises(WarcError):
        read_record(tmp_path, path.name, last.offset)


def test_torn_between_records_and_garbage_tail(tmp_path):
    with WarcWriter(tmp_path, 10**9) as writer:
        locations = [exchange(writer, n)[0] for n in range(2)]
    (path,) = warc_files(tmp_path)
    size = path.stat().st_size
    # cut in the gzip trailer of the last record: its data is whole but the member is not
    with path.open("r+b") as fh:
        fh.truncate(size - 3)
    scan = iter_records(path)
    assert len(list(scan)) == 4  # warcinfo, response+request, response
    assert scan.torn_at is not None and scan.torn_at > locations[1].offset
    # garbage after whole records: reported, not raised
    with WarcWriter(tmp_path / "b", 10**9) as writer:
        exchange(writer, 1)
    (other,) = warc_files(tmp_path / "b")
    with other.open("ab") as fh:
        fh.write(b"\x1f\x8b\x08\x00garbage")
    scan = iter_records(other)
    assert len(list(scan)) == 3 and scan.torn_at == other.stat().st_size - 11
    # a whole file reports nothing
    with WarcWriter(tmp_path / "c", 10**9) as writer:
        exchange(writer, 1)
    scan = iter_records(warc_files(tmp_path / "c")[0])
    assert len(list(scan)) == 3 and scan.torn_at is None


def test_file_names_are_never_reused(tmp_path):
    first = WarcWriter(tmp_path, 10**9)
    second = WarcWriter(tmp_path, 10**9)
    exchange(first, 1)
    exchange(second, 2)  # same second, same prefix: takes the next serial
    first.close()
    second.close()
    assert first.files != second.files
    assert len(warc_files(tmp_path)) == 2
    for path in warc_files(tmp_path):
        assert warcio("check", path).returncode == 0


def test_read_record_errors(tmp_path):
    with WarcWriter(tmp_path, 10**9) as writer:
        location, _ = exchange(writer, 1)
    # every offset inside a record is refused (offset + 7 once slipped through warcio)
    for inside in range(1, 40):
        with pytest.raises(WarcError):
            read_record(tmp_path, location.file, location.offset + inside)
    with pytest.raises(WarcError):
        read_record(tmp_path, "missing.warc.gz", 0)


# fetches


def test_record_fetch_fetch_for_article_and_replay(tmp_path):
    warc_dir = tmp_path / "warc"
    with WarcWriter(warc_dir, 10**9) as writer:
        location, payload = exchange(writer, 7)
    with Archive(tmp_path / "a.sqlite") as archive:
        run_id = archive.start_run(["http://127.0.0.1:9/"], "demo")
        fetch_id = record_fetch(
            archive,
            run_id=run_id,
            url="http://127.0.0.1:9/bai-7.html",
            status=200,
            content_type="text/html; charset=utf-8",
            content_length=len(payload),
            payload_sha256=hashlib.sha256(payload).hexdigest(),
            warc_file=location.file,
            warc_offset=location.offset,
            warc_length=location.length,
        )
        failed = record_fetch(
            archive, run_id=run_id, url="http://127.0.0.1:9/x", error="TimeoutError"
        )
        row = get_fetch(archive, fetch_id)
        assert row["method"] == "GET" and row["status"] == 200 and row["fetched_at"]
        assert row["run_id"] == run_id and row["warc_offset"] == location.offset
        assert get_fetch(archive, failed)["status"] is None
        assert replay(archive, fetch_id, warc_dir) == payload
        with pytest.raises(ArchiveError, match="no WARC record"):
            replay(archive, failed, warc_dir)
        with pytest.raises(ArchiveError, match="no fetch"):
            replay(archive, 999, warc_dir)
        with pytest.raises(ValueError):
            record_fetch(archive, url="http://h/", nonsense=1)
        archive.save_article(
            {"url": "http://127.0.0.1:9/bai-7.html", "site": "127.0.0.1", "fetch_id": fetch_id}
        )
        article_id = archive.conn.execute("SELECT id FROM articles").fetchone()[0]
        assert fetch_for_article(archive, article_id)["id"] == fetch_id
        assert fetch_for_article(archive, article_id + 1) is None
