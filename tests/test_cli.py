"""CLI behaviour that needs no crawl: help, errors as one line, stats and parse."""

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tuyengiao_crawler.archive import SCHEMA_VERSION, Archive
from tuyengiao_crawler.cli import cli


@pytest.fixture
def runner():
    return CliRunner()


def one_line_error(result, text):
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1].startswith("Error: "), result.output
    assert text in lines[-1]


def test_every_command_is_documented_with_an_example(runner):
    assert set(cli.commands) >= {"demo", "crawl", "demo-site", "stats", "parse"}
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, name
        assert command.help and command.help.strip(), name
    readme = open("README.md", encoding="utf-8").read()
    for name in cli.commands:
        assert f"tuyengiao {name}" in readme, f"{name} missing from README"


def test_crawl_needs_a_site_or_url(runner, tmp_path):
    result = runner.invoke(cli, ["crawl", "--db", str(tmp_path / "a.sqlite")])
    assert result.exit_code == 2
    assert "give --site PROFILE or --start-url URL" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start-url", "not a url"], "invalid start URL 'not a url'"),
        (["--start-url", "ftp://127.0.0.1/"], "invalid start URL"),
        (["--site", "no-such-profile"], "unknown profile 'no-such-profile'"),
        (["--site", "demo"], "no start URL"),
    ],
)
def test_crawl_bad_input_is_one_line(runner, tmp_path, args, message):
    db = tmp_path / "a.sqlite"
    result = runner.invoke(cli, ["crawl", *args, "--db", str(db)])
    one_line_error(result, message)
    assert not db.exists()


def test_crawl_into_unwritable_or_foreign_file(runner, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(
        cli, ["crawl", "--start-url", "http://127.0.0.1:9/", "--db", str(blocker / "a.sqlite")]
    )
    one_line_error(result, "cannot create folder")
    notes = tmp_path / "notes.sqlite"
    notes.write_text("my notes", encoding="utf-8")
    result = runner.invoke(cli, ["crawl", "--start-url", "http://127.0.0.1:9/", "--db", str(notes)])
    one_line_error(result, "is not a SQLite database")
    assert notes.read_text(encoding="utf-8") == "my notes"


def test_stats_errors(runner, tmp_path):
    one_line_error(
        runner.invoke(cli, ["stats", "--db", str(tmp_path / "missing.sqlite")]), "no archive at"
    )
    newer = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    one_line_error(
        runner.invoke(cli, ["stats", "--db", str(newer)]), "newer than this tool supports"
    )


def test_stats_on_an_archive(runner, tmp_path):
    db = tmp_path / "a.sqlite"
    with Archive(db) as archive:
        archive.save_article(
            {
                "url": "http://127.0.0.1:1/a.html",
                "site": "127.0.0.1",
                "title": "Tin",
                "body_text": "x",
                "category": "Tin hoạt động",
                "published_at": "2020-03-03",
                "authors": [{"name": "Phan Sỹ Thành", "role": "author"}],
            }
        )
    result = runner.invoke(cli, ["stats", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == 1
    assert data["by_category"] == [{"category": "Tin hoạt động", "articles": 1}]
    result = runner.invoke(cli, ["stats", "--db", str(db)])
    assert result.exit_code == 0
    assert "1 article (0 undated), published 2020-03-03 .. 2020-03-03" in result.output
    assert "Phan Sỹ Thành" in result.output


def test_parse_prints_json(runner):
    text = "Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư được quán triệt sáng 17/10.\nPhan Sỹ Thành"
    result = runner.invoke(cli, ["parse", "--reference", "2020-03-03", text])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [r["canonical"] for r in data["references"]] == ["208-QĐ/TW"]
    assert "2019-11-08" in [d["value"] for d in data["dates"]]
    assert "2019-10-17" in [d["value"] for d in data["dates"]]
    result = runner.invoke(cli, ["parse"], input="Chỉ thị 05-CT/TW")
    assert [r["canonical"] for r in json.loads(result.output)["references"]] == ["05-CT/TW"]
    one_line_error(runner.invoke(cli, ["parse", "--reference", "hôm qua", "x"]), "not an ISO date")


README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_commands() -> dict[str, str]:
    """The README's command table: command name -> its synopsis."""
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^\| `tuyengiao ([a-z-]+)(.*?)` \|", line)
        if found:
            rows[found.group(1)] = found.group(2)
    return rows


def test_readme_command_table_matches_each_commands_help():
    """Every command is in the table, and its row names exactly the options its --help
    shows (long names; -s for --set as the README writes it)."""
    import click

    rows = _readme_commands()
    assert set(rows) == set(cli.commands)
    for name, command in cli.commands.items():
        helped = set()
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                helped.add(next(o for o in param.opts if o.startswith("--")))
        written = set(re.findall(r"--[a-z][a-z-]*", rows[name]))
        if re.search(r"(^|[\s\[(])-s NAME=VALUE", rows[name]):
            written.add("--set")
        assert written == helped, (name, sorted(helped - written), sorted(written - helped))


def test_readme_commands_work_as_printed_in_a_fresh_clone():
    """Shell lines call the venv's command (bare `tuyengiao` is not on PATH until the venv
    is activated) and install extras from the checkout (the package is not on PyPI)."""
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    lines = [line for block in blocks for line in block.splitlines()]
    assert lines
    assert [line for line in lines if re.match(r"\s*tuyengiao\s", line)] == []
    assert "pip install 'tuyengiao-crawler" not in text


def test_research_recipes_read_only_files_the_docs_create():
    """Each file the pandas and R recipes in docs/research.md read is written by an export
    command the same page shows (`--out FILE`)."""
    text = (README.parent / "docs" / "research.md").read_text(encoding="utf-8")
    recipes = re.findall(r"```(?:python|r)\n(.*?)```", text, re.S)
    read = set()
    for recipe in recipes:
        read |= set(
            re.findall(
                r"""(?:read_csv|read_json|file)\(["']([\w.-]+\.(?:csv|jsonl?))["']""", recipe
            )
        )
    assert {"articles.csv", "article_details.jsonl", "citations.jsonl"} <= read
    shell = "\n".join(re.findall(r"```sh\n(.*?)```", text, re.S))
    written = set(re.findall(r"--out ([\w.-]+)", shell))
    assert read <= written, sorted(read - written)
