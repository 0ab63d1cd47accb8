"""Bad input to every CLI verb: one clear line on stderr, a non-zero exit, no traceback,
and no existing file damaged or overwritten without --force.

Commands run in a real process (`python -m tuyengiao_crawler`). A read-only folder and a
full disk are real when this runs as root with `mount` (tmpfs mounts, read-only or tiny);
otherwise a read-only folder is a chmod 555 folder and the full-disk case is skipped.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from functools import partial
from pathlib import Path

import pytest
import testkit

from tuyengiao_crawler.archive import SCHEMA_VERSION, Archive
from tuyengiao_crawler.cli import cli

ROOT = Path(__file__).resolve().parents[2]
NO_SERVER = "http://127.0.0.1:9/"  # the discard port: nothing listens, nothing leaves
tuyengiao = partial(testkit.tuyengiao, timeout=120)


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def assert_one_line_failure(result, *fragments):
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "Traceback" not in out, out
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(("Error:", "Usage:")) or "Error:" in last, out
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, out)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    archive = folder / "archive.sqlite"
    Archive(archive).close()
    newer = folder / "newer.sqlite"
    Archive(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.commit()
    conn.close()
    text = folder / "notes.txt"
    text.write_text("not a database\n", encoding="utf-8")
    existing = folder / "existing.csv"
    existing.write_text("keep me\n", encoding="utf-8")
    return {
        "folder": folder,
        "archive": archive,
        "newer": newer,
        "text": text,
        "existing": existing,
        "missing": folder / "missing.sqlite",
    }


def _mount(kind, options):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return None
    target = Path("/tmp") / f"tuyengiao-{kind}-{uuid.uuid4().hex[:8]}"
    target.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True
    )
    if mounted.returncode != 0:
        target.rmdir()
        return None
    return target


def _unmount(target):
    subprocess.run(["umount", str(target)], capture_output=True)
    target.rmdir()


@pytest.fixture
def readonly_folder(tmp_path):
    mounted = _mount("ro", "ro,size=64k")
    if mounted is not None:
        yield mounted
        _unmount(mounted)
        return
    if os.geteuid() == 0:
        pytest.skip("root without mount: no folder is read-only to root")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


@pytest.fixture
def full_disk():
    mounted = _mount("full", "size=1200k")
    if mounted is None:
        pytest.skip("a full disk is simulated with a tiny tmpfs, which needs root and mount")
    yield mounted
    _unmount(mounted)


# Every verb, its bad inputs, and what the one line must say.
CASES = {
    "demo": [
        (["--db", "{text}"], "is not a SQLite database"),
        (["--db", "{newer}"], "newer than this tool supports"),
        (["--db", "{folder}"], "is a directory"),
        (["--max-pages", "-3"], "Invalid value"),
    ],
    "crawl": [
        (["--site", "no-such-profile", "--db", "{missing}"], "no-such-profile"),
        (["--start-url", "not a url", "--db", "{missing}"], "invalid start URL"),
        (["--start-url", "ftp://127.0.0.1/", "--db", "{missing}"], "invalid start URL"),
        (["--start-url", NO_SERVER, "--db", "{text}"], "is not a SQLite database"),
        (["--start-url", NO_SERVER, "--db", "{newer}"], "newer than this tool supports"),
        (["--start-url", NO_SERVER, "--db", "{missing}", "-s", "NOEQUALS"], "NAME=VALUE"),
        (["--db", "{missing}"], "give --site PROFILE or --start-url URL"),
        (["--start-url", NO_SERVER, "--db", "{archive}", "--resume"], "no stopped crawl"),
    ],
    "demo-site": [
        (["--port", "99999"], "Invalid value"),
        (["--port", "nope"], "Invalid value"),
    ],
    "stats": [
        (["--db", "{missing}"], "no archive at"),
        (["--db", "{text}"], "is not a SQLite database"),
        (["--db", "{newer}"], "newer than this tool supports"),
    ],
    "parse": [
        (["--reference", "31/02/2020", "Ngày 5/3"], "is not an ISO date"),
    ],
    "search": [
        (["--db", "{missing}", "dang"], "no archive at"),
        (["--db", "{text}", "dang"], "is not a SQLite database"),
        (["--db", "{newer}", "dang"], "newer than this tool supports"),
        (["--db", "{archive}", '"unbalanced'], "Error:"),
        (["--db", "{archive}", "AND OR NOT"], "Error:"),
        (["--db", "{archive}", "dang", "--since", "2021-13-45"], "--since"),
        (["--db", "{archive}", "dang", "--until", "yesterday"], "--until"),
        (["--db", "{archive}", "dang", "--json", "--csv"], "not both"),
    ],
    "export": [
        (["--db", "{missing}"], "no archive at"),
        (["--db", "{text}"], "is not a SQLite database"),
        (["--db", "{newer}"], "newer than this tool supports"),
        (["--db", "{archive}", "--format", "xml"], "xml"),
        (["--db", "{archive}", "--out", "{existing}"], "exists"),
        (["--db", "{archive}", "--table", "no_such_table"], "no_such_table"),
        (["--db", "{archive}", "--query", "DELETE FROM articles"], "Error:"),
        (["--db", "{archive}", "--since", "not-a-date"], "--since"),
        (["--db", "{archive}", "--search", '"unbalanced'], "Error:"),
    ],
    "serve": [
        (["--db", "{missing}"], "no archive at"),
        (["--db", "{text}"], "is not a SQLite database"),
        (["--db", "{newer}"], "newer than this tool supports"),
        (["--db", "{archive}", "--port", "99999"], "Invalid value"),
    ],
    "reindex": [
        (["--db", "{missing}"], "no archive at"),
        (["--db", "{text}"], "is not a SQLite database"),
        (["--db", "{newer}"], "newer than this tool supports"),
    ],
}
PARAMS = [
    pytest.param(verb, args, expected, id=f"{verb}-{i}")
    for verb, cases in CASES.items()
    for i, (args, expected) in enumerate(cases)
]


def test_every_verb_is_covered():
    assert set(CASES) | {"reprocess"} >= set(cli.commands), set(cli.commands) - set(CASES)


@pytest.mark.parametrize("verb, args, expected", PARAMS)
def test_bad_input_is_one_line_and_damages_nothing(files, verb, args, expected):
    kept = {name: digest(files[name]) for name in ("archive", "newer", "text", "existing")}
    result = tuyengiao(verb, *(a.format(**files) for a in args))
    assert_one_line_failure(result, expected)
    assert {name: digest(files[name]) for name in kept} == kept
    assert not files["missing"].exists()


@pytest.mark.parametrize("verb", sorted(set(cli.commands) - set(CASES)))
def test_other_verbs_refuse_a_missing_or_foreign_archive(files, verb):
    for db in (files["missing"], files["text"], files["newer"]):
        result = tuyengiao(verb, "--db", db)
        assert_one_line_failure(result)
    assert not files["missing"].exists()


def test_export_overwrites_only_with_force(files, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("keep me\n", encoding="utf-8")
    assert_one_line_failure(tuyengiao("export", "--db", files["archive"], "--out", out), "--force")
    assert out.read_text(encoding="utf-8") == "keep me\n"
    result = tuyengiao("export", "--db", files["archive"], "--out", out, "--force")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("id,")


def test_read_only_folder(readonly_folder, files):
    db = readonly_folder / "archive.sqlite"
    for args in (
        ["demo", "--db", db],
        ["crawl", "--start-url", NO_SERVER, "--db", db],
        ["export", "--db", files["archive"], "--out", readonly_folder / "out.csv"],
    ):
        result = tuyengiao(*args)
        assert_one_line_failure(result)
    assert list(readonly_folder.iterdir()) == []


def test_full_disk_stops_the_crawl_with_one_line(full_disk):
    db = full_disk / "archive.sqlite"
    # The guard refuses to start with less than TUYENGIAO_MIN_FREE_MB free...
    result = tuyengiao("demo", "--db", db)
    assert_one_line_failure(result, "disk full", "TUYENGIAO_MIN_FREE_MB")
    # ...and without it, the first "no space left" error stops the crawl within seconds.
    for path in full_disk.iterdir():
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    result = tuyengiao("crawl", "--site", "demo", "--start-url", NO_SERVER, "--db", db)
    assert_one_line_failure(result)
    from tuyengiao_crawler.demo_site.server import DemoSite

    with DemoSite(port=0) as site:
        result = subprocess.run(
            [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--site", "demo",
             "--start-url", site.url + "/", "--db", str(db), "-s", "TUYENGIAO_MIN_FREE_MB=0"],
            capture_output=True, text=True, cwd=ROOT, timeout=60,
        )  # fmt: skip
    assert_one_line_failure(result, "crawl failed")
    assert "disk full" in result.stderr.strip().splitlines()[-1]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_piping_into_head_is_quiet(files, tmp_path):
    db = tmp_path / "big.sqlite"
    with Archive(db) as archive:
        for i in range(3000):
            archive.save_article(
                {"url": f"http://127.0.0.1:9/tin/{i}.html", "site": "127.0.0.1",
                 "title": f"Bài {i} về công tác tuyên giáo", "body_text": "Nội dung " * 50}
            )  # fmt: skip
    for verb in (["export", "--format", "jsonl"], ["search", "tuyen giao", "--limit", "3000"]):
        command = [sys.executable, "-m", "tuyengiao_crawler", *verb[:1], "--db", str(db), *verb[1:]]
        pipeline = subprocess.run(
            " ".join(f"'{part}'" for part in command) + " | head -n 2",
            shell=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert len(pipeline.stdout.splitlines()) == 2, verb
        assert "BrokenPipe" not in pipeline.stderr and "Error" not in pipeline.stderr, (
            verb,
            pipeline.stderr,
        )
