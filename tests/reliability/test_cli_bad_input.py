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
from types import SimpleNamespace

import pytest
import testkit
from click.testing import CliRunner

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
    empty = folder / "empty.sqlite"
    empty.write_bytes(b"")
    return {
        "folder": folder,
        "archive": archive,
        "newer": newer,
        "text": text,
        "existing": existing,
        "empty": empty,
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
        # Issue 13: these were Twisted "Unhandled error in Deferred" tracebacks.
        (["--start-url", "http://127.0.0.1:99999/", "--db", "{missing}"], "port 99999"),
        (
            ["--start-url", NO_SERVER, "--db", "{missing}", "-s", "CONCURRENT_REQUESTS=abc"],
            "CONCURRENT_REQUESTS='abc' is not an integer",
        ),
        (["--start-url", NO_SERVER, "-s", "TUYENGIAO_DB={text}"], "is not a SQLite database"),
        (["--redis", "redis://127.0.0.1:9/0", "--db", "{missing}"], "cannot reach Redis"),
        (["--redis", "redis://127.0.0.1:9/0", "--db", "{missing}", "--resume"], "--resume"),
        (["--site", "demo", "--db", "{missing}", "--idle-exit", "5"], "--redis"),
        (["--all-sites", "{folder}", "--db", "{missing}"], "no .toml profiles"),
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
    "evaluate": [
        (["{missing}"], "no such folder"),
        (["{text}"], "not a folder"),
        (["{folder}"], "Error:"),
    ],
    "profile-check": [
        (["no-such-profile", NO_SERVER], "no-such-profile"),
        (["{text}", NO_SERVER], "Error:"),
        (["demo", "ftp://example/x"], "invalid URL"),
        (["demo", NO_SERVER], "cannot fetch"),
    ],
    "profile-suggest": [
        (["ftp://example/x"], "invalid URL"),
        ([NO_SERVER], "cannot fetch"),
        ([NO_SERVER, "--out", "{existing}"], "exists; choose another file"),
    ],
    "show": [
        (["http://127.0.0.1:9/a.html", "--db", "{missing}"], "no archive at"),
        (["http://127.0.0.1:9/a.html", "--db", "{text}"], "is not a SQLite database"),
        (["http://127.0.0.1:9/a.html", "--db", "{archive}"], "no article archived under"),
    ],
    "wacz": [
        (["--db", "{missing}", "{folder}/out.wacz"], "no archive at"),
        (["--db", "{text}", "{folder}/out.wacz"], "is not a SQLite database"),
        (["--db", "{archive}", "{existing}"], "exists; use --force"),
        (["--db", "{archive}", "{folder}/out.wacz"], "no WARC records to package"),
        (["--db", "{archive}", "{folder}/out.wacz", "--since", "2024-13"], "--since"),
    ],
    "serve": [
        (["--db", "{missing}"], "no archive at"),
        (["--db", "{text}"], "is not a SQLite database"),
        (["--db", "{newer}"], "newer than this tool supports"),
        (["--db", "{archive}", "--port", "99999"], "Invalid value"),
    ],
    "merge": [
        (["{folder}/merged.sqlite", "{missing}"], "no archive at"),
        (["{folder}/merged.sqlite", "{text}"], "is not a SQLite database"),
        (["{folder}/merged.sqlite", "{newer}"], "newer than this tool supports"),
        (["{folder}/merged.sqlite", "{empty}"], "is empty (0 bytes)"),
        (["{text}", "{archive}"], "is not a SQLite database"),
        (["{archive}", "{archive}"], "is the merged archive itself"),
        (["{folder}/merged.sqlite"], "Missing argument"),
    ],
    "seed": [
        (["--site", "demo"], "--redis"),
        (["--redis", "redis://127.0.0.1:9/0"], "give --site"),
        (["--redis", "redis://127.0.0.1:9/0", "--site", "demo"], "cannot reach Redis"),
        (["--redis", "http://127.0.0.1:9/", "--site", "demo"], "invalid Redis URL"),
        (["--redis", "redis://127.0.0.1:9/0", "--site", "no-such-profile"], "no-such-profile"),
        (["--redis", "redis://127.0.0.1:9/0", "--start-url", "ftp://x/"], "invalid start URL"),
    ],
    "reindex": [
        (["--db", "{missing}"], "no archive at"),
        (["--db", "{text}"], "is not a SQLite database"),
        (["--db", "{newer}"], "newer than this tool supports"),
        (["--db", "{empty}"], "is empty (0 bytes)"),  # was exit 0, and made it an archive
    ],
}
PARAMS = [
    pytest.param(verb, args, expected, id=f"{verb}-{i}")
    for verb, cases in CASES.items()
    for i, (args, expected) in enumerate(cases)
]


def test_every_verb_is_covered():
    assert set(CASES) | {"reprocess"} >= set(cli.commands), set(cli.commands) - set(CASES)


KEPT = ("archive", "newer", "text", "existing", "empty")


@pytest.mark.parametrize("verb, args, expected", PARAMS)
def test_bad_input_is_one_line_and_damages_nothing(files, verb, args, expected):
    kept = {name: digest(files[name]) for name in KEPT}
    result = tuyengiao(verb, *(a.format(**files) for a in args))
    assert_one_line_failure(result, expected)
    assert {name: digest(files[name]) for name in kept} == kept
    assert not files["missing"].exists()
    # No lock file beside a file that is no archive (-s TUYENGIAO_DB=/etc/passwd made one).
    assert not [n for n in ("text", "empty", "existing") if Path(f"{files[n]}.lock").exists()]


@pytest.mark.parametrize("verb", sorted(set(cli.commands) - set(CASES)))
def test_other_verbs_refuse_a_missing_or_foreign_archive(files, verb):
    kept = digest(files["empty"])
    for db in (files["missing"], files["text"], files["newer"], files["empty"]):
        result = tuyengiao(verb, "--db", db)
        assert_one_line_failure(result)
    assert not files["missing"].exists()
    assert digest(files["empty"]) == kept


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


# Issue 13, item 7: inputs checked up front. In-process (click's CliRunner) for speed: each
# case fails before a reactor or a file is made, so nothing of a crawl runs in the tests.


def invoke(*args):
    """The CLI in this process, as a CompletedProcess-like result for assert_one_line_failure."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout, stderr=result.stderr)


BAD_SETTINGS = [
    ("CONCURRENT_REQUESTS=abc", "setting CONCURRENT_REQUESTS='abc' is not an integer"),
    ("CONCURRENT_REQUESTS=0", "CONCURRENT_REQUESTS='0' is out of range"),
    ("DEPTH_LIMIT=1e9", "setting DEPTH_LIMIT='1e9' is not an integer"),
    ("DEPTH_LIMIT=1000000000", "DEPTH_LIMIT='1000000000' is out of range: must be from 0 to"),
    ("ROBOTSTXT_OBEY=maybe", "setting ROBOTSTXT_OBEY='maybe' is not a boolean"),
    ("DOWNLOAD_TIMEOUT=-5", "setting DOWNLOAD_TIMEOUT='-5' must be more than 0"),
    ("DOWNLOAD_TIMEOUT=0", "setting DOWNLOAD_TIMEOUT='0' must be more than 0"),
    ("DOWNLOAD_TIMEOUT=nan", "DOWNLOAD_TIMEOUT='nan' is not a finite number"),
    ("DOWNLOAD_DELAY=-1", "setting DOWNLOAD_DELAY='-1' is out of range: must be from 0"),
    ("TUYENGIAO_PROGRESS_INTERVAL=0", "TUYENGIAO_PROGRESS_INTERVAL='0' is out of range"),
    ("TUYENGIAO_PROGRESS_INTERVAL=0.5", "TUYENGIAO_PROGRESS_INTERVAL='0.5' is out of range"),
    ("TUYENGIAO_PROGRESS=loud", "TUYENGIAO_PROGRESS='loud' must be one of auto, live"),
    ("TUYENGIAO_MAX_LISTING_PAGES=many", "TUYENGIAO_MAX_LISTING_PAGES='many' is not an integer"),
    ("TUYENGIAO_FETCH_ASSETS=sometimes", "TUYENGIAO_FETCH_ASSETS='sometimes' is not a boolean"),
    ("TUYENGIAO_EXTRA_DOMAINS=http://x.vn/", "TUYENGIAO_EXTRA_DOMAINS='http://x.vn/' holds"),
    ("TUYENGIAO_FULLL=1", "unknown setting TUYENGIAO_FULLL; did you mean TUYENGIAO_FULL?"),
    ("concurrent_requests=4", "setting names are upper case: CONCURRENT_REQUESTS"),
    ("LOG_LEVEL=LOUD", "setting LOG_LEVEL='LOUD' must be one of DEBUG"),
    ("USER_AGENT=a\nb", "USER_AGENT='a\\nb' holds a line break"),
    ("TWISTED_REACTOR_ENABLED=False", "TWISTED_REACTOR_ENABLED='False' is not supported: the"),
    # Types read from Scrapy's defaults: int, bool, a JSON object for dicts.
    ("REDIRECT_MAX_TIMES=lots", "REDIRECT_MAX_TIMES='lots' is not an integer"),
    ("URLLENGTH_LIMIT=2.5", "URLLENGTH_LIMIT='2.5' is not an integer"),
    ("COMPRESSION_ENABLED=maybe", "COMPRESSION_ENABLED='maybe' is not a boolean"),
    ("DOWNLOADER_MIDDLEWARES={oops", "DOWNLOADER_MIDDLEWARES='{oops' is not a JSON object"),
]


@pytest.mark.parametrize("setting, expected", BAD_SETTINGS, ids=[s for s, _ in BAD_SETTINGS])
def test_bad_setting_is_one_line_naming_it(tmp_path, setting, expected):
    db = tmp_path / "a.sqlite"
    result = invoke("crawl", "--start-url", NO_SERVER, "--db", db, "-s", setting)
    assert_one_line_failure(result, expected)
    assert result.returncode == 1
    assert list(tmp_path.iterdir()) == []  # no archive, lock or job folder


def test_settings_naming_files_are_refused_before_any_file_is_made(files, tmp_path):
    db = tmp_path / "a.sqlite"
    binary = tmp_path / "tool.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    kept = {name: digest(files[name]) for name in KEPT}
    cases = [
        (["-s", f"TUYENGIAO_DB={files['text']}"], "is not a SQLite database"),
        (["-s", f"TUYENGIAO_DB={files['folder']}"], "is a folder"),
        (["-s", f"TUYENGIAO_DB={files['text']}", "--db", db], "names another archive than --db"),
        (["-s", f"TUYENGIAO_PROFILE={files['text']}", "--db", db], "TUYENGIAO_PROFILE="),
        (["-s", f"TUYENGIAO_PROFILE={binary}", "--db", db], "not a profile (not UTF-8 text)"),
        (["-s", "TUYENGIAO_PROFILE=no-such-profile", "--db", db], "unknown profile"),
        (["-s", f"TUYENGIAO_WARC_DIR={files['text']}", "--db", db], "names a file, not a folder"),
    ]
    for args, expected in cases:
        result = invoke("crawl", "--start-url", NO_SERVER, *args)
        assert_one_line_failure(result, expected)
        assert "TUYENGIAO_" in result.stderr.strip().splitlines()[-1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tool.bin"]
    assert {name: digest(files[name]) for name in kept} == kept
    assert not Path(f"{files['text']}.lock").exists()


@pytest.mark.skipif(Path("/etc/passwd.lock").exists(), reason="a lock file is there already")
def test_archive_setting_naming_etc_passwd_makes_no_lock_file():
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd here")
    kept = digest("/etc/passwd")
    result = invoke("crawl", "--start-url", NO_SERVER, "-s", "TUYENGIAO_DB=/etc/passwd")
    assert_one_line_failure(result, "/etc/passwd is not a SQLite database")
    assert not Path("/etc/passwd.lock").exists()
    assert digest("/etc/passwd") == kept


BAD_URLS = [
    ("http://127.0.0.1:99999/", "port 99999 is out of range (1-65535)"),
    ("http://127.0.0.1:0/", "port 0 is out of range"),
    ("http://127.0.0.1:abc/", "port 'abc' is not a number"),
    ("http://[::1/", "malformed IPv6 address"),
    ("http://::1]/", "malformed IPv6 address"),
    ("http://[fe80::zz]:80/", "malformed IPv6 address [fe80::zz]"),
    ("http://[1.2.3.4]/", "malformed IPv6 address [1.2.3.4]"),
    ("http://[::1]x/", "unexpected 'x' after the IPv6 address"),
    ("http://::1/", "an IPv6 address goes in brackets"),
    ("http://exa mple.vn/", "expected http(s)://host/"),
]


@pytest.mark.parametrize("url, expected", BAD_URLS, ids=[u for u, _ in BAD_URLS])
def test_bad_start_url_is_one_line(tmp_path, url, expected):
    result = invoke("crawl", "--start-url", url, "--db", tmp_path / "a.sqlite")
    assert_one_line_failure(result, f"invalid start URL {url!r}", expected)
    assert list(tmp_path.iterdir()) == []


def _damaged(folder):
    """Files a command may meet as --db: empty, cut short, garbled past the header, and a
    SQLite database that is no archive."""
    sound = folder / "sound.sqlite"
    with Archive(sound) as archive:
        for i in range(60):
            archive.save_article(
                {"url": f"http://127.0.0.1:9/tin/{i}.html", "site": "127.0.0.1",
                 "title": f"Bài {i}", "body_text": "Nội dung của bài viết. " * 80}
            )  # fmt: skip
    conn = sqlite3.connect(sound)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = sound.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    garbled = bytearray(data)
    for offset in range(len(data) // 3 // page * page, len(data), 2 * page):  # data pages
        garbled[offset : offset + page] = bytes((offset + i) % 251 for i in range(page))
    made = {
        "empty": b"",
        "truncated": data[: len(data) // 2],
        "garbled": bytes(garbled),
        "garbled-schema": data[:100] + bytes(i % 253 for i in range(page - 100)) + data[page:],
    }
    for name, content in made.items():
        (folder / f"{name}.sqlite").write_bytes(content)
    foreign = folder / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    return [*made, "foreign"]


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    folder = tmp_path_factory.mktemp("damaged")
    return folder, _damaged(folder)


DAMAGE_SAYS = {
    "empty": "is empty (0 bytes), not an archive",
    "truncated": "is damaged: cut short at",
    "garbled": "damaged",  # "... is damaged (Page 153: ...)", or SQLite's "malformed"
    "garbled-schema": "is damaged (",
    "foreign": "is not a tuyengiao archive",
}
WRITING_VERBS = ("reindex", "reprocess")
FINDS_GARBLED = (["export", "--format", "csv"], ["search", "bai"])
READING_VERBS = [
    ["export", "--format", "csv"],
    ["export", "--table", "crawl_runs"],
    ["reindex"],
    ["reprocess"],
    ["search", "bai"],
    ["stats"],
]


@pytest.mark.parametrize("verb", READING_VERBS, ids=" ".join)
def test_damaged_or_empty_archive_is_one_line_and_left_alone(damaged, tmp_path, verb):
    folder, names = damaged
    for name in names:
        db = tmp_path / f"{name}.sqlite"
        shutil.copyfile(folder / f"{name}.sqlite", db)
        before = digest(db)
        result = invoke(verb[0], "--db", db, *verb[1:])
        # Every file is refused on opening, except damage inside the data pages: commands
        # that write check every page first; the others find it if they read those pages
        # (exporting crawl_runs or counting articles may not, and their answer is sound).
        found = name != "garbled" or verb[0] in WRITING_VERBS or verb in FINDS_GARBLED
        if found or result.returncode != 0:
            assert_one_line_failure(result, DAMAGE_SAYS[name])
        assert digest(db) == before, (verb, name)
        assert not Path(f"{db}.lock").exists(), (verb, name)


REFUSED_QUERIES = [
    ("VACUUM INTO '{target}'", "ATTACH or VACUUM INTO"),
    ("VACUUM", "VACUUM is refused"),
    ("ATTACH DATABASE '{target}' AS other", "ATTACH or VACUUM INTO"),
    ("DETACH DATABASE main", "DETACH is refused"),
    ("PRAGMA user_version = 3", "PRAGMA user_version = 3 is refused"),
    ("PRAGMA journal_mode = DELETE", "PRAGMA journal_mode = DELETE is refused"),
    ("PRAGMA writable_schema = ON", "PRAGMA writable_schema = ON is refused"),
    ("PRAGMA wal_checkpoint", "PRAGMA wal_checkpoint is refused"),
    ("DELETE FROM articles", "DELETE on articles is refused"),
    ("INSERT INTO crawl_runs (started_at) VALUES ('x')", "INSERT on crawl_runs is refused"),
    ("CREATE TEMP TABLE t AS SELECT 1", "is refused"),
    ("SELECT load_extension('{target}')", "load_extension() is refused"),
]


@pytest.mark.parametrize("sql, expected", REFUSED_QUERIES, ids=[q for q, _ in REFUSED_QUERIES])
def test_export_query_may_only_read(files, tmp_path, sql, expected):
    target, out = tmp_path / "written.sqlite", tmp_path / "out.csv"
    kept = digest(files["archive"])
    result = invoke("export", "--db", files["archive"], "--query", sql.format(target=target),
                    "--out", out)  # fmt: skip
    assert_one_line_failure(result, "cannot run the query", expected)
    assert result.returncode == 1
    assert list(tmp_path.iterdir()) == []  # neither the attached file nor the export
    assert digest(files["archive"]) == kept


def test_export_query_still_reads_pragmas_fts_and_recursive_ctes(files):
    for sql, first_line in [
        ("PRAGMA table_info(articles)", "cid,name,type,notnull,dflt_value,pk"),
        ("SELECT name FROM pragma_table_info('articles') LIMIT 1", "name"),
        ("PRAGMA user_version", "user_version"),
        ("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'bai'", "n"),
        ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) "
         "SELECT x FROM c", "x"),
    ]:  # fmt: skip
        result = invoke("export", "--db", files["archive"], "--query", sql)
        assert result.returncode == 0, (sql, result.stderr)
        assert result.stdout.splitlines()[0] == first_line, sql


def test_profile_selecting_text_or_attributes_for_element_fields_is_refused(tmp_path):
    db = tmp_path / "a.sqlite"
    for field, css, says in [
        ("body", ".article-content::text", "'.article-content::text' selects text"),
        ("follow", ".menu a::attr(href)", "selects an attribute"),
        ("listing", "a.title::attr(href)", "(remove '::attr(href)')"),
        ("images", "figure img::attr(src)", "selects an attribute"),
        ("pagination", ".pager a::text", "selects text"),
    ]:
        selectors = {"article": ".detail", "title": "h1::text", "body": ".content", field: css}
        profile = tmp_path / "site.toml"
        profile.write_text(
            'name = "site"\n[selectors]\n'
            + "".join(f'{k} = "{v}"\n' for k, v in selectors.items()),
            encoding="utf-8",
        )
        result = invoke("crawl", "--site", profile, "--start-url", NO_SERVER, "--db", db)
        assert_one_line_failure(result, f"selectors.{field}: '{css}' selects", says)
        assert "must select elements" in result.stderr
        assert not db.exists()
