"""Exports: every format round-tripped against the table, Excel bytes, errors as one line,
and a 100k-article export streamed in constant memory."""

import csv
import io
import json
import sqlite3
import subprocess
import sys
import time
import tracemalloc

import pytest
from click.testing import CliRunner

from tuyengiao_crawler.archive import Archive, open_readonly
from tuyengiao_crawler.archive.export import export
from tuyengiao_crawler.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_line_error(result, text):
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and text in lines[0], result.output


def table_rows(db, table):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
    finally:
        conn.close()


def as_text(value):
    return "" if value is None else str(value)


@pytest.mark.parametrize("table", ["articles", "article_details", "citations", "authors"])
@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_round_trips(archive_db, tmp_path, table, fmt):
    out = tmp_path / f"out.{fmt}"
    result = run("export", "--db", archive_db, "--table", table, "--out", out)
    assert result.exit_code == 0, result.output
    expected = table_rows(archive_db, table)
    nested = {"authors", "organizations", "documents", "document_kinds", "breadcrumb"}
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data.replace(b"\r\n\r\n", b"")
    text = data.decode("utf-8")
    if fmt == "csv":
        got = list(csv.DictReader(io.StringIO(text, newline="")))
        assert len(got) == len(expected)
        for row, want in zip(got, expected, strict=True):
            for key, value in want.items():
                if key in nested:
                    value = "; ".join(json.loads(value))
                assert row[key] == as_text(value), key
    else:
        got = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
        if fmt == "json":
            assert text.startswith("[")
        for want in expected:
            for key in nested & set(want):
                want[key] = json.loads(want[key])
        assert got == expected
    if table == "article_details":
        first = table_rows(archive_db, "article_details")[0]
        assert json.loads(first["authors"]) == ["Thu Hà"]
        assert json.loads(first["documents"]) == ["05-CT/TW"]


def test_excel_csv_has_bom_and_crlf(archive_db, tmp_path):
    out = tmp_path / "excel.csv"
    result = run("export", "--db", archive_db, "--table", "authors", "--excel", "--out", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,name,key\r\n")
    assert data.count(b"\r\n") == 3 and data.count(b"\n") == 3
    assert "Thu Hà".encode() in data
    one_line_error(run("export", "--db", archive_db, "--format", "json", "--excel"), "CSV only")


def test_stdout_filters_and_queries(archive_db):
    result = run("export", "--db", archive_db, "--format", "jsonl", "--category", "tin hoat dong")
    assert result.exit_code == 0, result.output
    titles = [json.loads(line)["title"] for line in result.output.splitlines()]
    assert titles == ["Hội nghị Ban Tuyên giáo Tỉnh ủy", "Vườn hoa mùa xuân"]
    result = run(
        "export",
        "--db",
        archive_db,
        "--table",
        "citations",
        "--format",
        "json",
        "--author",
        "Thu Hà",
        "--since",
        "2020",
    )
    assert [c["document"] for c in json.loads(result.output)] == ["05-CT/TW"]
    result = run("export", "--db", archive_db, "--table", "article_details", "--search", "dang uy")
    assert [r["title"] for r in csv.DictReader(io.StringIO(result.output))] == [
        "Hội nghị Ban Tuyên giáo Tỉnh ủy"
    ]
    result = run(
        "export",
        "--db",
        archive_db,
        "--format",
        "json",
        "--query",
        "SELECT name, count(*) AS n FROM authors GROUP BY name ORDER BY name",
    )
    assert json.loads(result.output) == [{"name": "Minh Anh", "n": 1}, {"name": "Thu Hà", "n": 1}]
    result = run("export", "--db", archive_db, "--format", "json", "--query", "SELECT 1 WHERE 0")
    assert json.loads(result.output) == []


def test_export_errors_are_one_line(archive_db, tmp_path):
    one_line_error(run("export", "--db", archive_db, "--format", "xml"), "unknown format 'xml'")
    one_line_error(run("export", "--db", archive_db, "--table", "nope"), "unknown table 'nope'")
    one_line_error(run("export", "--db", archive_db, "--table", "articles_fts"), "unknown table")
    one_line_error(
        run("export", "--db", archive_db, "--table", "authors", "--since", "2020"),
        "filters apply to article tables",
    )
    one_line_error(run("export", "--db", archive_db, "--query", "SELECT nope"), "no such column")
    one_line_error(
        run("export", "--db", archive_db, "--query", "DELETE FROM articles"), "cannot run"
    )
    one_line_error(run("export", "--db", archive_db, "--out", tmp_path / "x.xml"), "--format")
    out = tmp_path / "exists.csv"
    out.write_text("keep me", encoding="utf-8")
    one_line_error(run("export", "--db", archive_db, "--out", out), "add --force")
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("export", "--db", archive_db, "--out", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,url,site")
    one_line_error(
        run("export", "--db", archive_db, "--out", tmp_path / "no" / "dir.csv"), "no folder"
    )
    assert not list(tmp_path.glob(".*.part"))


N_ARTICLES = 100_000
BODY = "Ban Tuyên giáo Tỉnh ủy quán triệt Chỉ thị 05-CT/TW về học tập và làm theo Bác. " * 6


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory):
    """100k articles written straight into an archive with executemany (no FTS needed)."""
    db = tmp_path_factory.mktemp("big") / "big.sqlite"
    Archive(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    rows = (
        (
            f"http://127.0.0.1:1/{i}.html",
            "127.0.0.1",
            "Tin hoạt động",
            f"Bài số {i}: Hội nghị “Đảng ủy” khối, dòng\nthứ hai",
            "Sapo, có dấu phẩy",
            BODY,
            f"2020-{i % 12 + 1:02d}-01",
            '["Trang chủ", "Tin hoạt động"]',
            "2024-01-01T00:00:00+00:00",
            "2024-01-01T00:00:00+00:00",
        )
        for i in range(N_ARTICLES)
    )
    conn.executemany(
        "INSERT INTO articles (url, site, category, title, lead, body_text, published_at,"
        " breadcrumb, first_seen_at, last_seen_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.commit()
    conn.close()
    return db


class CountingSink(io.TextIOBase):
    """A text stream that counts what it is given and keeps nothing."""

    def __init__(self):
        self.chars = 0
        self.lines = 0

    def write(self, text):
        self.chars += len(text)
        self.lines += text.count("\n")
        return len(text)


def test_streaming_csv_export_of_100k_articles_in_constant_memory(big_archive):
    conn = open_readonly(big_archive)
    sink = CountingSink()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        count = export(conn, sink, "csv", table="articles")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        conn.close()
    elapsed = time.perf_counter() - started
    assert count == N_ARTICLES
    assert sink.chars > 60_000_000  # ~70 MB of text went through...
    # ...while Python never held more than a few MB (a batch of rows and the buffers)
    assert peak < 8_000_000, f"peak {peak / 1e6:.1f} MB"
    print(
        f"csv: {count} rows, {sink.chars / 1e6:.0f} MB, traced peak {peak / 1e6:.2f} MB, {elapsed:.1f}s"
    )


RSS_PROBE = """
import resource, sys
from tuyengiao_crawler.cli import cli
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    cli.main(sys.argv[1:], prog_name="tuyengiao", standalone_mode=False)
finally:
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"RSS {before} {after}", file=sys.stderr)
"""


def test_streaming_json_export_of_100k_articles_as_a_process(big_archive, tmp_path):
    """The real command in its own process: peak RSS grows by far less than the output."""
    out = tmp_path / "big.json"
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            RSS_PROBE,
            "export",
            "--db",
            str(big_archive),
            "--format",
            "json",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    before, after = (int(x) for x in result.stderr.split("RSS ")[1].split())  # KiB on Linux
    size = out.stat().st_size
    assert size > 100_000_000
    assert (after - before) * 1024 < 30_000_000, f"RSS grew {(after - before) / 1024:.0f} MB"
    with out.open(encoding="utf-8") as handle:
        assert handle.read(2) == "[\n"
        handle.seek(size - 3)
        assert handle.read() == "}\n]\n"[-3:]
    print(
        f"json: {size / 1e6:.0f} MB, peak RSS {after / 1024:.0f} MB "
        f"(+{(after - before) / 1024:.1f} MB over startup), {elapsed:.1f}s"
    )


def test_export_out_file_gets_the_usual_mode_not_0600(archive_db, tmp_path):
    """mkstemp's private 0600 is for the half-written file; the export is readable like
    any file the user writes (0644 under umask 022)."""
    import os

    old = os.umask(0o022)
    try:
        out = tmp_path / "articles.csv"
        assert run("export", "--db", archive_db, "--out", out).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
