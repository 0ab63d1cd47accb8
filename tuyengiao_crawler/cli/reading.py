"""Commands that read: stats, show, parse."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from tuyengiao_crawler.cli import cli, db_option, json_option, plural, print_table


@cli.command()
@db_option(exists=True)
@json_option
@click.option(
    "--chart",
    type=click.Choice(["articles", "citations", "authors"]),
    help="Draw a chart per month instead (months without any are 0): articles, "
    "citations of documents, or the most prolific authors' articles. Needs --out.",
)
@click.option(
    "--by",
    type=click.Choice(["category", "site"]),
    help="With --chart articles: one series per category or site.",
)
@click.option("--document", help="With --chart citations: one document, e.g. 05-CT/TW.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    help="The chart file: .svg, or .png (needs the [serve] extra).",
)
def stats(
    db: str,
    as_json: bool,
    chart: str | None,
    by: str | None,
    document: str | None,
    out: str | None,
) -> None:
    """Summarise an archive: articles by category and month, top authors and documents, runs,
    and the extraction coverage of recent runs (share of articles with each field).

    Example: tuyengiao stats --db data/archive.sqlite --chart citations --document 05-CT/TW --out 05-ct-tw.svg
    """
    from tuyengiao_crawler.archive import archive_stats, open_readonly

    if chart and not out:
        raise click.UsageError("--chart needs --out FILE.svg or FILE.png")
    if (out or by or document) and not chart:
        raise click.UsageError("--out, --by and --document go with --chart")
    conn = open_readonly(db)
    try:
        if chart:
            _write_chart(conn, chart, by, document, out)
            return
        data = archive_stats(conn)
    finally:
        conn.close()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{plural(data['articles'], 'article')} ({data['undated']} undated), "
        f"published {data['first_published']} .. {data['last_published']}; "
        f"{plural(data['authors'], 'author')}; {plural(data['documents'], 'document')}, "
        f"{plural(data['citations'], 'citation')}"
    )
    print_table("By category", data["by_category"])
    print_table("By month", data["by_month"])
    print_table("Top authors", data["top_authors"])
    print_table("Top cited documents", data["top_documents"])
    print_table("Recent runs", data["runs"])
    print_table(
        "Extraction coverage of recent runs (% of the articles each archived new or updated)",
        [_coverage_row(row) for row in data["coverage"]],
    )


def _write_chart(
    conn: Any, chart: str, by: str | None, document: str | None, out: str | None
) -> None:
    from tuyengiao_crawler.archive.timeline import timeline
    from tuyengiao_crawler.charts import write_chart

    drawn = timeline(conn, chart, by=by, document=document)
    path = write_chart(drawn, out or "")
    click.echo(
        f"wrote {path}: {drawn.title}, {plural(len(drawn.months), 'month')}"
        f" ({drawn.months[0] if drawn.months else '-'} .. {drawn.months[-1] if drawn.months else '-'}),"
        f" {plural(len(drawn.series), 'series', 'series')}",
        err=True,
    )


def _coverage_row(row: dict) -> dict:
    def percent(value: float | None) -> str:
        return "-" if value is None else f"{value:g}"

    return {
        "run": row["run"],
        "status": row["status"],
        "site": row["site"],
        "articles": row["articles"],
        "title": percent(row["title"]),
        "date": percent(row["published"]),
        "time": percent(row["published_time"]),
        "author": percent(row["author"]),
        "document": percent(row["document"]),
        "body p10/median/p90": f"{row['body_p10']}/{row['body_median']}/{row['body_p90']}",
        "dropped": row["dropped"] or "",
    }


@cli.command()
@click.argument("text", required=False)
@click.option(
    "--reference", help="ISO date that resolves dates without a year (e.g. the article's date)."
)
def parse(text: str | None, reference: str | None) -> None:
    """Print the dates, authors and document references found in TEXT (or stdin) as JSON.

    Example: tuyengiao parse "Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư"
    """
    from datetime import date

    from tuyengiao_crawler.normalize import parse_text

    if text is None:
        text = sys.stdin.read()
    ref = None
    if reference:
        try:
            ref = date.fromisoformat(reference)
        except ValueError:
            raise click.BadParameter(
                f"{reference!r} is not an ISO date (YYYY-MM-DD)", param_hint="--reference"
            ) from None
    click.echo(json.dumps(parse_text(text, reference=ref), ensure_ascii=False, indent=2))


@cli.command()
@click.argument("url")
@db_option(exists=True)
@click.option(
    "--replay",
    "replay_prefix",
    metavar="PREFIX",
    help="A replay server's collection URL (pywb: http://localhost:8080/COLLECTION/): "
    "print a replay link for each capture.",
)
@json_option
def show(url: str, db: str, replay_prefix: str | None, as_json: bool) -> None:
    """Show an archived article (by its URL, or the URL it was fetched from) with its
    versions and, for each, the WARC file, offset and capture time; then every capture of
    its URL, revisits (304s) included.

    Example: tuyengiao show https://example.gov.vn/tin/bai-1.html --db data/archive.sqlite
    """
    from tuyengiao_crawler.archive import open_readonly
    from tuyengiao_crawler.archive.evidence import article_evidence
    from tuyengiao_crawler.errors import TuyengiaoError

    conn = open_readonly(db)
    try:
        found = article_evidence(conn, url, replay_prefix)
    finally:
        conn.close()
    if found is None:
        raise TuyengiaoError(f"no article archived under {url} in {db}")
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    click.echo(f"{found['title']}\n{found['url']}")
    if found["fetched_url"] and found["fetched_url"] != found["url"]:
        click.echo(f"  fetched as {found['fetched_url']}")
    gone = f", gone since {found['gone_at']}" if found["gone_at"] else ""
    click.echo(
        f"  published {found['published_at']}; archived {found['first_seen_at']} .. {found['last_seen_at']}{gone}"
    )

    def where(capture: dict | None) -> str:
        if not capture or not capture["warc_file"]:
            return "no WARC record"
        return f"{capture['warc_file']}:{capture['warc_offset']} captured {capture['fetched_at']}"

    def confirmed(version: dict) -> str:
        revisit = version.get("confirmed")
        return f"\n  last confirmed by a 304: {where(revisit)}" if revisit else ""

    for n, version in enumerate(found["versions"], 1):
        click.echo(
            f"\nversion {n} (replaced {version['replaced_at']}): {version['title']}\n"
            f"  {where(version['capture'])}{confirmed(version)}"
        )
    current = found["current"]
    click.echo(
        f"\ncurrent version: {current['title']}\n  {where(current['capture'])}{confirmed(current)}"
    )
    rows = [
        {
            "captured": c["fetched_at"],
            "status": c["status"] if c["status"] is not None else "-",
            "record": c["record"] if c["warc_file"] else "-",
            "warc": f"{c['warc_file']}:{c['warc_offset']}" if c["warc_file"] else c["error"] or "-",
            **({"replay": c.get("replay", "-")} if replay_prefix else {}),
        }
        for c in found["captures"]
    ]
    print_table("Captures", rows)
