"""A 304 in an incremental run is a WARC `revisit` record (profile server-not-modified)
that refers to the capture it confirms, not a `response` with status 304 that replay
tools show as an empty page (issue 15)."""

from test_incremental import crawl, site_copy  # noqa: F401  (the fixture)
from testkit import rows, warcio

from tuyengiao_crawler.archive.warc import SERVER_NOT_MODIFIED, iter_records, warc_files
from tuyengiao_crawler.demo_site.server import DemoSite


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
        assert record.header("WARC-Refers-To-Target-URI") == row["url"] == earlier.target_uri
        assert record.header("WARC-Refers-To-Date") == earlier.header("WARC-Date")
        assert record.header("WARC-Refers-To") == earlier.header("WARC-Record-ID")
        assert earlier.rec_type == "response" and row["first_status"] == 200
    # No 304 is left as a plain response record, and every file still checks.
    assert not [r for r in records.values() if r.rec_type == "response" and r.http_status == 304]
    for path in warc_files(tmp_path / "warc"):
        assert warcio("check", str(path)).returncode == 0
