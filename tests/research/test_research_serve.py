"""`tuyengiao serve`: Datasette in a real process on a free loopback port, read through its
JSON API; the packaged metadata describes every public table and column."""

import importlib.util
import json
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from testkit import free_port

from tuyengiao_crawler.archive.metadata import datasette_metadata
from tuyengiao_crawler.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def test_metadata_describes_every_public_table_and_column(archive_db):
    metadata = datasette_metadata("archive")
    tables = metadata["databases"]["archive"]["tables"]
    conn = sqlite3.connect(archive_db)
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%'"
        )
    ]
    assert {"articles", "article_details", "citations", "documents"} <= set(names)
    for name in names:
        assert " · " in tables[name]["title"], name  # Vietnamese · English
        assert " — " in tables[name]["description"], name
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
        assert set(columns) == set(tables[name]["columns"]), name
        assert all(" — " in text for text in tables[name]["columns"].values()), name
    conn.close()
    assert tables["articles"]["fts_table"] == "articles_fts"
    assert set(metadata["databases"]["archive"]["queries"]) == {
        "articles_citing_document",
        "document_citations_over_time",
        "author_articles",
        "changed_since",
    }


def test_serve_without_datasette_says_how_to_install(archive_db, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "datasette" else real(name, *a),
    )
    result = CliRunner().invoke(cli, ["serve", "--db", str(archive_db)])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [
        "Error: Datasette is not installed; install it with:"
        " .venv/bin/pip install -e '.[serve]' (in the project's folder)"
    ]


@pytest.mark.skipif(importlib.util.find_spec("datasette") is None, reason="needs datasette")
def test_serve_facets_search_and_canned_queries(archive_db, tmp_path):
    port = free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tuyengiao_crawler",
            "serve",
            "--db",
            str(archive_db),
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}/archive"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                get_json(f"http://127.0.0.1:{port}/-/versions.json")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail("Datasette did not start: " + log.read())
                time.sleep(0.2)
        details = get_json(f"{base}/article_details.json?_shape=objects")
        facets = {
            name: {r["value"]: r["count"] for r in facet["results"]}
            for name, facet in details["facet_results"].items()
        }
        assert facets["category"] == {
            "Tin hoạt động": 2,
            "Dân vận khéo": 1,
            "Nghiên cứu - Trao đổi": 1,
        }
        assert facets["authors"] == {"Thu Hà": 2, "Minh Anh": 1}
        assert facets["document_kinds"] == {"Chỉ thị": 1, "Nghị quyết": 1}
        assert facets["published_month"]["2021-03"] == 1

        query = urllib.parse.urlencode({"document": "05-CT/TW", "_shape": "array"})
        rows = get_json(f"{base}/articles_citing_document.json?{query}")
        assert [r["article_title"] for r in rows] == ["Hội nghị Ban Tuyên giáo Tỉnh ủy"]
        query = urllib.parse.urlencode({"author": "Thu Hà", "_shape": "array"})
        rows = get_json(f"{base}/author_articles.json?{query}")
        assert [r["title"] for r in rows] == [
            "Hội nghị Ban Tuyên giáo Tỉnh ủy",
            "Vườn hoa mùa xuân",
        ]

        # the search box folds accents and đ like `tuyengiao search`
        for typed in ("đảng ủy", "dang uy"):
            query = urllib.parse.urlencode({"_search": typed, "_shape": "array"})
            rows = get_json(f"{base}/articles.json?{query}")
            assert [r["id"] for r in rows] == [1], typed

        # the crawler can still write while Datasette reads (WAL)
        conn = sqlite3.connect(archive_db, timeout=5)
        conn.execute("UPDATE articles SET category = 'Tin mới' WHERE id = 4")
        conn.commit()
        conn.close()
        rows = get_json(f"{base}/articles.json?id=4&_shape=array")
        assert rows[0]["category"] == "Tin mới"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
