"""Counts per month with the empty months filled (archive/timeline.py), drawn as SVG and
PNG (charts.py) by `tuyengiao stats --chart`, and `stats` by month without gaps."""

import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

from tuyengiao_crawler.archive.timeline import (
    OTHER,
    articles_per_month,
    citations_per_month,
    fill_months,
    month_range,
    timeline,
)
from tuyengiao_crawler.cli import cli


def test_month_range_crosses_years():
    assert month_range("2020-11", "2021-02") == ["2020-11", "2020-12", "2021-01", "2021-02"]
    assert month_range("2020-05", "2020-05") == ["2020-05"]
    assert month_range(None, "2020-05") == []


def test_fill_months_puts_zeros_in_the_gaps():
    rows = [{"month": "2020-11", "articles": 2}, {"month": "2021-01", "articles": 1}]
    assert fill_months(rows) == [
        {"month": "2020-11", "articles": 2},
        {"month": "2020-12", "articles": 0},
        {"month": "2021-01", "articles": 1},
    ]


def test_timelines_of_the_research_archive(archive_db):
    conn = sqlite3.connect(archive_db)
    drawn = articles_per_month(conn, by="category")
    assert drawn.months[0] == "2019-02" and drawn.months[-1] == "2021-03"
    assert len(drawn.months) == 26  # every month between, not the 3 with articles
    assert drawn.series["Tin hoạt động"][0] == 1 and drawn.series["Tin hoạt động"][-1] == 1
    assert sum(drawn.series["Dân vận khéo"]) == 1 and OTHER not in drawn.series
    assert drawn.totals().count(0) == 23
    one = articles_per_month(conn, by="category", top=1)
    assert list(one.series) == ["Tin hoạt động", OTHER]
    cited = citations_per_month(conn, "05-ct/tw")  # case ignored
    assert (cited.months, cited.series) == (["2021-03"], {"05-CT/TW": [1]})
    authors = timeline(conn, "authors")
    assert {name: sum(v) for name, v in authors.series.items()} == {"Thu Hà": 2, "Minh Anh": 1}
    conn.close()


def test_stats_chart_writes_svg_with_a_mark_per_month_and_series(archive_db, tmp_path):
    out = tmp_path / "articles.svg"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "stats",
            "--db",
            str(archive_db),
            "--chart",
            "articles",
            "--by",
            "category",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "26 months (2019-02 .. 2021-03), 2 series" in result.stderr
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert re.findall(r"<title>(.*?)</title>", svg) == [
        "2019-02 · Tin hoạt động: 1",
        "2020-05 · Dân vận khéo: 1",
        "2021-03 · Tin hoạt động: 1",
    ]


def _cairo_missing() -> str | None:
    try:
        import cairosvg  # noqa: F401  (loads the cairo library too)
    except (ImportError, OSError) as exc:
        return f"PNG needs cairosvg and libcairo2 ([serve] extra): {exc}"
    return None


@pytest.mark.skipif(_cairo_missing() is not None, reason=str(_cairo_missing()))
def test_stats_chart_writes_png(archive_db, tmp_path):
    out = tmp_path / "05.png"
    result = CliRunner().invoke(
        cli,
        [
            "stats",
            "--db",
            str(archive_db),
            "--chart",
            "citations",
            "--document",
            "05-CT/TW",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1600  # drawn at twice the SVG's width


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--chart", "citations", "--document", "99-XX/YY", "--out", "x.svg"],
            "Error: no document '99-XX/YY' is cited in this archive",
        ),
        (
            ["--chart", "articles", "--out", "x.gif"],
            "Error: --out 'x.gif': give a file ending in .svg or .png",
        ),
        (["--chart", "articles"], "Error: --chart needs --out FILE.svg or FILE.png"),
        (["--out", "x.svg"], "Error: --out, --by and --document go with --chart"),
    ],
)
def test_stats_chart_bad_input_is_one_line(archive_db, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["stats", "--db", str(archive_db), *args])
    assert result.exit_code != 0
    assert [line for line in result.output.splitlines() if line.startswith("Error")] == [message]
    assert "Traceback" not in result.output


def test_stats_by_month_has_no_gaps(archive_db):
    result = CliRunner().invoke(cli, ["stats", "--db", str(archive_db), "--json"])
    months = json.loads(result.output)["by_month"]
    assert len(months) == 26 and months[1] == {"month": "2019-03", "articles": 0}
    assert sum(m["articles"] for m in months) == 3
