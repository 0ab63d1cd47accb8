"""The `tuyengiao` command line: a thin layer over the library."""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import click

from tuyengiao_crawler import __version__
from tuyengiao_crawler.errors import TuyengiaoError

DEFAULT_DB = "data/archive.sqlite"


class FriendlyGroup(click.Group):
    """Turns every error into one line and a non-zero exit; --debug shows the traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TuyengiaoError as exc:
            raise click.ClickException(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            message = f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)"
            raise click.ClickException(message) from None


def db_option(exists: bool = False) -> Any:
    return click.option(
        "--db",
        "db",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        help="SQLite archive file." + (" Must exist." if exists else " Created if missing."),
    )


def json_option(fn: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(fn)


def log_level_option(fn: Any) -> Any:
    return click.option(
        "--log-level",
        default="WARNING",
        show_default=True,
        type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
        help="Scrapy log level (logs go to stderr).",
    )(fn)


@click.group(cls=FriendlyGroup)
@click.version_option(__version__, prog_name="tuyengiao")
@click.option("--debug", is_flag=True, help="Show full tracebacks on unexpected errors.")
def cli(debug: bool) -> None:
    """Archive Vietnamese Party and government news sites into SQLite.

    Example: tuyengiao demo
    """


@cli.command()
@db_option()
@click.option(
    "--max-pages", type=click.IntRange(min=0), default=0, help="Stop after N pages (0: no limit)."
)
@log_level_option
def demo(db: str, max_pages: int, log_level: str) -> None:
    """Serve the bundled demo site on 127.0.0.1 and crawl it into the archive.

    Example: tuyengiao demo --db data/archive.sqlite
    """
    from tuyengiao_crawler.demo_site.server import DemoSite
    from tuyengiao_crawler.runner import run_crawl

    with DemoSite(port=0) as site:
        click.echo(f"Demo site serving at {site.url}/ ; crawling into {db} ...")
        started = time.monotonic()
        run = run_crawl(
            [site.url + "/"], db, profile="demo", max_pages=max_pages, log_level=log_level
        )
    _report_run(run, db, time.monotonic() - started)
    click.echo(
        "\nNext:\n"
        f"  tuyengiao stats --db {db}\n"
        f'  sqlite3 {db} "SELECT published_at, title FROM articles ORDER BY published_at DESC LIMIT 5"\n'
        "  tuyengiao demo-site --port 8000   # browse the demo site at http://127.0.0.1:8000/"
    )


@cli.command()
@click.option("--site", "site", help="Site profile: a bundled name or a .toml file.")
@click.option("--start-url", "start_urls", multiple=True, help="Start URL (repeatable).")
@db_option()
@click.option(
    "--max-pages", type=click.IntRange(min=0), default=0, help="Stop after N pages (0: no limit)."
)
@log_level_option
def crawl(
    site: str | None, start_urls: tuple[str, ...], db: str, max_pages: int, log_level: str
) -> None:
    """Crawl a site into the archive, politely (robots.txt, AutoThrottle, 2 requests at a time).

    Without a profile for the site, articles are found and read by generic heuristics.

    \b
    Example: tuyengiao crawl --start-url http://127.0.0.1:8000/ --db data/local.sqlite
    (with `tuyengiao demo-site` serving the demo site at that address)
    """
    if not site and not start_urls:
        raise click.UsageError("give --site PROFILE or --start-url URL")
    from tuyengiao_crawler.runner import run_crawl

    started = time.monotonic()
    run = run_crawl(list(start_urls), db, profile=site, max_pages=max_pages, log_level=log_level)
    _report_run(run, db, time.monotonic() - started)


@cli.command("demo-site")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free port).",
)
def demo_site(port: int) -> None:
    """Serve the bundled demo site on 127.0.0.1 until interrupted.

    Example: tuyengiao demo-site --port 8000
    """
    from tuyengiao_crawler.demo_site.server import serve_forever

    try:
        serve_forever(port=port)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror}") from None


@cli.command()
@db_option(exists=True)
@json_option
def stats(db: str, as_json: bool) -> None:
    """Summarise an archive: articles by category and month, top authors and documents, runs.

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
    _table("By category", data["by_category"])
    _table("By month", data["by_month"])
    _table("Top authors", data["top_authors"])
    _table("Top cited documents", data["top_documents"])
    _table("Recent runs", data["runs"])


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


def _report_run(run: dict[str, Any], db: str, seconds: float) -> None:
    from tuyengiao_crawler.archive import archive_stats, open_readonly

    conn = open_readonly(db)
    try:
        data = archive_stats(conn)
    finally:
        conn.close()
    click.echo(
        f"Run {run['id']}: {run['status']} in {seconds:.1f}s: {run['pages_fetched']} pages fetched, "
        f"{run['articles_new']} new, {run['articles_updated']} updated, "
        f"{run['articles_unchanged']} unchanged, {run['errors']} errors"
    )
    click.echo(
        f"Archive {db}: {data['articles']} articles, {data['authors']} authors, "
        f"{data['documents']} documents; published {data['first_published']} .. {data['last_published']}"
    )
    if run["status"] == "partial" and run.get("last_error"):
        click.echo(f"Some fetches failed; the last: {run['last_error']}")
    if run["status"] == "failed":
        detail = run.get("last_error") or run.get("finish_reason")
        raise click.ClickException(f"crawl failed: {detail}")


def _table(title: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    click.echo(f"\n{title}")
    click.echo("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        click.echo("  ".join(str(row[c]).ljust(widths[c]) for c in columns))


def main() -> None:
    cli(prog_name="tuyengiao")


if __name__ == "__main__":
    main()
