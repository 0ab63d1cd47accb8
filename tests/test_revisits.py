"""A 304 in an incremental run is a WARC `revisit` record (profile server-not-modified)
that refers to the capture it confirms, not a `response` with status 304 that replay
tools show as an empty page (issue 15)."""

import json

from test_incremental import crawl, site_copy  # noqa: F401  (the fixture)
from testkit import rows, tuyengiao, warcio

from tuyengiao_crawler.archive.warc import (
    IDENTICAL_PAYLOAD_DIGEST,
    SERVER_NOT_MODIFIED,
    iter_records,
    warc_files,
)
from tuyengiao_crawler.demo_site.server import DemoSite
from tuyengiao_crawler.extract.urls import canonicalize_url


def records_by_id(folder):
    found = {}
    for path in warc_files(folder):
        for record in iter_records(path):
            found[(path.name, record.offset)] = record
    return found


def test_a_304_is_a_revisit_of_the_capture_it_confirms(site_copy, tmp_path):  # noqa: F811
    db = tmp_path / "a.sqlite"
    with DemoSite(port=0, root=site_copy) as site:
        crawl(site, db)
        second = crawl(site, db)
    assert second["not_modified"] > 0
    records = records_by_id(tmp_path / "warc")
    revisits = rows(
        db,
        "SELECT f.url, f.warc_file, f.warc_offset, e.warc_file AS first_file,"
        " e.warc_offset AS first_offset, e.status AS first_status FROM fetches f"
        " JOIN fetches e ON e.id = f.revisit_of WHERE f.status = 304",
    )
    all_304 = rows(db, "SELECT count(*) AS n FROM fetches WHERE status = 304")[0]["n"]
    assert len(revisits) == all_304 == second["not_modified"]
    for row in revisits:
        record = records[(row["warc_file"], row["warc_offset"])]
        earlier = records[(row["first_file"], row["first_offset"])]
        assert record.rec_type == "revisit" and record.http_status == 304
        assert record.header("WARC-Profile") == SERVER_NOT_MODIFIED
        # The same URL, or (a variant met for the first time: "?utm_source=...") the URL
        # its article was captured under.
        assert record.header("WARC-Refers-To-Target-URI") == earlier.target_uri
        assert canonicalize_url(row["url"]) == canonicalize_url(earlier.target_uri)
        assert record.header("WARC-Refers-To-Date") == earlier.header("WARC-Date")
        assert record.header("WARC-Refers-To") == earlier.header("WARC-Record-ID")
        assert earlier.rec_type == "response" and row["first_status"] == 200
    # No 304 is left as a plain response record, and every file still checks.
    assert not [r for r in records.values() if r.rec_type == "response" and r.http_status == 304]
    for path in warc_files(tmp_path / "warc"):
        assert warcio("check", str(path)).returncode == 0


def test_a_200_with_the_same_payload_is_a_revisit_and_reprocess_still_reads_it(
    site_copy,  # noqa: F811
    tmp_path,
):
    # --full: no conditional requests, every page fetched again; all unchanged.
    db = tmp_path / "a.sqlite"
    with DemoSite(port=0, root=site_copy) as site:
        crawl(site, db)
        first_bytes = sum(p.stat().st_size for p in warc_files(tmp_path / "warc"))
        second = crawl(site, db, "--full")
    second_bytes = sum(p.stat().st_size for p in warc_files(tmp_path / "warc")) - first_bytes
    assert second["articles_unchanged"] > 0 and second["not_modified"] == 0
    records = records_by_id(tmp_path / "warc")
    fetched = rows(
        db,
        "SELECT f.warc_file, f.warc_offset, f.payload_sha256, e.payload_sha256 AS first_sha,"
        " e.warc_file AS first_file, e.warc_offset AS first_offset FROM fetches f"
        " JOIN fetches e ON e.id = f.revisit_of WHERE f.status = 200",
    )
    # Every page the server answered the same (listing pages list the same articles; the
    # demo's pages carry no clock) is a revisit of its first capture, bytes not stored again.
    pages_second_run = rows(
        db, "SELECT count(*) AS n FROM fetches WHERE status = 200 AND run_id = ?", second["id"]
    )[0]["n"]
    assert len(fetched) == pages_second_run
    for row in fetched:
        record = records[(row["warc_file"], row["warc_offset"])]
        earlier = records[(row["first_file"], row["first_offset"])]
        assert record.rec_type == "revisit" and record.http_status == 200
        assert record.header("WARC-Profile") == IDENTICAL_PAYLOAD_DIGEST
        assert record.header("WARC-Payload-Digest") == earlier.header("WARC-Payload-Digest")
        assert record.header("WARC-Refers-To") == earlier.header("WARC-Record-ID")
        assert row["payload_sha256"] == row["first_sha"] and record.payload == b""
    assert second_bytes * 2 < first_bytes, (first_bytes, second_bytes)
    for path in warc_files(tmp_path / "warc"):
        assert warcio("check", str(path)).returncode == 0
    # The articles' latest fetches are revisits: reprocess reads the captures they refer to.
    result = tuyengiao("reprocess", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["unchanged"], report["no_record"], report["failed"]) == (
        report["articles"],
        0,
        0,
    )
