"""Commands that read: stats, parse."""

from __future__ import annotations

import json
import sys

import click

from tuyengiao_crawler.cli import cli, db_option, json_option, print_table


@cli.command()
@db_option(exists=True)
@json_option
def stats(db: str, as_json: bool) -> None:
    """Summarise an archive: articles by category and month, top authors and documents, runs,
    and the extraction coverage of recent runs (share of articles with each field).

    Example: tuyengiao stats --db data/archive.sqlite --json
    """
    from tuyengiao_crawler.archive import archive_stats, open_readonly

    conn = open_readonly(db)
    try:
        data = archive_stats(conn)
    finally:
        conn.close()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{data['articles']} articles ({data['undated']} undated), "
        f"published {data['first_published']} .. {data['last_published']}; "
        f"{data['authors']} authors; {data['documents']} documents, {data['citations']} citations"
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
