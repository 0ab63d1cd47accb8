"""`tuyengiao wacz`: a WACZ 1.1.1 package of the archive's evidence that py-wacz's
`wacz validate` accepts, with a CDXJ index of every response and revisit record and one
page per article (issue 15). Two real crawls of the demo site."""

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import surt
from test_incremental import crawl
from testkit import rows, tuyengiao

from tuyengiao_crawler.archive.warc import iter_records, warc_files
from tuyengiao_crawler.demo_site.server import DemoSite

WACZ = shutil.which("wacz") or str(Path(sys.executable).with_name("wacz"))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wacz")
    db = folder / "a.sqlite"
    with DemoSite(port=0) as site:
        crawl(site, db)
        crawl(site, db)  # incremental: 304s as revisits
    return db


def test_the_package_validates_and_indexes_every_capture(archive, tmp_path):
    if not Path(WACZ).exists():
        pytest.skip("py-wacz (`wacz`) is not installed: pip install -e '.[test]'")
    out = tmp_path / "demo.wacz"
    result = tuyengiao("wacz", "--db", archive, out, "--title", "Demo")
    assert result.returncode == 0, result.stderr
    checked = subprocess.run([WACZ, "validate", "-f", str(out)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Validation succeeded" in checked.stdout
    folder = archive.parent / "warc"
    records = {
        (path.name, r.offset): r
        for path in warc_files(folder)
        for r in iter_records(path)
        if r.rec_type in ("response", "revisit")
    }
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        stored = [i for i in package.infolist() if i.filename.startswith("archive/")]
        assert sorted(i.filename for i in stored) == sorted(
            f"archive/{p.name}" for p in warc_files(folder)
        )
        assert all(i.compress_type == zipfile.ZIP_STORED for i in stored)
        index = package.read("indexes/index.cdxj").decode().splitlines()
        pages = [
            json.loads(line) for line in package.read("pages/pages.jsonl").decode().splitlines()
        ]
        described = json.loads(package.read("datapackage.json"))
        for resource in described["resources"]:
            data = package.read(resource["path"])
            assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
            assert resource["bytes"] == len(data)
    assert {"datapackage.json", "datapackage-digest.json"} <= set(names)
    assert described["wacz_version"] == "1.1.1" and described["title"] == "Demo"
    # One index line per response and revisit record, each pointing at its record; a
    # 304's line (at the 304's time) at the capture it confirms, naming the 304 itself.
    assert len(index) == len(records) and index == sorted(index)
    confirmed = 0
    for line in index:
        key, stamp, fields = line.split(" ", 2)
        fields = json.loads(fields)
        assert key == surt.surt(fields["url"])  # the SURT form replay tools look up
        pointed = records[(fields["filename"], int(fields["offset"]))]
        own = fields.get("revisit")
        record = records[(own.split(":")[0], int(own.split(":")[1]))] if own else pointed
        assert fields["url"] == record.target_uri and int(fields["length"]) == pointed.length
        assert stamp == "".join(c for c in record.header("WARC-Date") if c.isdigit())[:14]
        if own:
            confirmed += 1
            assert record.rec_type == "revisit" and record.http_status == 304
            assert pointed.rec_type == "response" and fields["status"] == "200"
            assert record.header("WARC-Refers-To") == pointed.header("WARC-Record-ID")
        else:
            assert (fields["mime"] == "warc/revisit") == (record.rec_type == "revisit")
    assert confirmed > 0
    # pages.jsonl: its header, then every article with its title, each URL in the index.
    assert pages[0] == {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
    titles = {r["title"] for r in rows(archive, "SELECT title FROM articles")}
    assert {p["title"] for p in pages[1:]} == titles and len(pages) - 1 == len(titles)
    indexed = {json.loads(line.split(" ", 2)[2])["url"] for line in index}
    assert all(p["url"] in indexed and p["ts"].endswith("Z") for p in pages[1:])


def test_bad_input_is_one_line(archive, tmp_path):
    taken = tmp_path / "taken.wacz"
    taken.write_bytes(b"keep")
    exists = tuyengiao("wacz", "--db", archive, taken)
    assert exists.returncode == 2 and "exists; use --force to replace it" in exists.stderr
    assert taken.read_bytes() == b"keep"
    later = tuyengiao("wacz", "--db", archive, tmp_path / "x.wacz", "--since", "2999-01-01")
    assert later.returncode == 1
    assert (
        later.stderr.strip().splitlines()[-1]
        == "Error: no WARC records to package since 2999-01-01"
    )
    assert not (tmp_path / "x.wacz").exists()
    assert "Example: tuyengiao wacz" in tuyengiao("wacz", "--help").stdout
