"""Commands that crawl: demo, crawl, demo-site."""

from __future__ import annotations

import json
import time
from typing import Any

import click

from tuyengiao_crawler.cli import cli, db_option, log_level_option, self_command


@cli.command()
@db_option()
@click.option(
    "--max-pages", type=click.IntRange(min=0), default=0, help="Stop after N pages (0: no limit)."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to serve the demo site on, as `demo-site` does, so the archive's links work "
    "when it serves again (0: any free port).",
)
@log_level_option
def demo(db: str, max_pages: int, port: int, log_level: str) -> None:
    """Serve the bundled demo site on 127.0.0.1 and crawl it into the archive.

    Example: .venv/bin/tuyengiao demo --db data/archive.sqlite
    """
    from contextlib import ExitStack

    from tuyengiao_crawler.demo_site.server import MANIFEST_PATH, DemoSite
    from tuyengiao_crawler.runner import run_crawl

    with ExitStack() as stack:
        try:
            site = stack.enter_context(DemoSite(port=port))
        except OSError as exc:
            raise click.ClickException(
                f"cannot serve the demo site on 127.0.0.1:{port}: {exc.strerror}"
                " (give --port 0 for any free port)"
            ) from None
        click.echo(f"Demo site serving at {site.url}/ ; crawling into {db} ...")
        started = time.monotonic()
        run = run_crawl(
            [site.url + "/"], db, profile="demo", max_pages=max_pages, log_level=log_level
        )
    _report_run(run, db, time.monotonic() - started)
    planted = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["site"]["not_found"]
    if run["status"] == "partial" and run["errors"] == len(planted):
        click.echo(
            f"(partial because the demo site links to {len(planted)} page it removed on"
            f" purpose, {', '.join(planted)}: a dead link on a real site is reported the"
            " same way)"
        )
    me = self_command()
    click.echo(
        "\nNext:\n"
        f"  {me} stats --db {db}\n"
        f"  {me} serve --db {db}   # browse the archive at http://127.0.0.1:8001/\n"
        f"  {me} demo-site --port {site.port}   # the demo site again: the archive's links work"
    )


@cli.command()
@click.option("--site", "site", help="Site profile: a bundled name or a .toml file.")
@click.option("--start-url", "start_urls", multiple=True, help="Start URL (repeatable).")
@db_option()
@click.option(
    "--max-pages", type=click.IntRange(min=0), default=0, help="Stop after N pages (0: no limit)."
)
@click.option("--full", is_flag=True, help="Fetch everything, not only what changed.")
@click.option("--resume", is_flag=True, help="Continue the crawl that was stopped.")
@click.option(
    "-s",
    "--set",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="A Scrapy or TUYENGIAO_ setting (repeatable), e.g. -s DOWNLOAD_DELAY=2.",
)
@log_level_option
def crawl(
    site: str | None,
    start_urls: tuple[str, ...],
    db: str,
    max_pages: int,
    full: bool,
    resume: bool,
    settings: tuple[str, ...],
    log_level: str,
) -> None:
    """Crawl a site into the archive, politely (robots.txt, AutoThrottle, 2 requests at a time).

    Without a profile for the site, articles are found and read by generic heuristics.
    Once a crawl of the same start URLs has finished, later runs are incremental: they
    revisit listing pages, ask for archived articles only if changed, and stop paginating
    after pages of known articles. Exits 1 if the crawl failed, 3 if it was interrupted,
    4 if it finished but its extraction degraded (a field's coverage fell sharply against
    the earlier runs: see docs/operations.md).

    \b
    Example: tuyengiao crawl --start-url http://127.0.0.1:8000/ --db data/local.sqlite
    (with `tuyengiao demo-site` serving the demo site at that address)
    """
    if not site and not start_urls:
        raise click.UsageError("give --site PROFILE or --start-url URL")
    from tuyengiao_crawler.runner import run_crawl

    overrides = {}
    for item in settings:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--set")
        overrides[name.strip()] = value
    archive = overrides.get("TUYENGIAO_DB")
    if archive is not None and click.get_current_context().get_parameter_source("db") == (
        click.core.ParameterSource.DEFAULT
    ):
        # `-s TUYENGIAO_DB=PATH` alone means `--db PATH`: the runner locks, checks and
        # reports on --db, so the two must name one file (run_crawl refuses two).
        db = archive.strip() or db
    started = time.monotonic()
    run = run_crawl(
        list(start_urls),
        db,
        profile=site,
        max_pages=max_pages,
        full=full,
        resume=resume,
        log_level=log_level,
        overrides=overrides,
    )
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


EXIT_INTERRUPTED = 3
# The crawl ran to its end, but a field vanished from many articles: a site's template
# changed under its profile or the heuristics (archive/coverage.py).
EXIT_DEGRADED = 4
RUN_COUNTS = (
    ("pages fetched", "pages_fetched"),
    ("not modified (304)", "not_modified"),
    ("articles new", "articles_new"),
    ("articles updated", "articles_updated"),
    ("articles unchanged", "articles_unchanged"),
    ("articles gone", "articles_gone"),
    ("errors", "errors"),
)


def _report_run(run: dict[str, Any], db: str, seconds: float) -> None:
    from tuyengiao_crawler.archive import archive_stats, open_readonly

    conn = open_readonly(db)
    try:
        data = archive_stats(conn)
    finally:
        conn.close()
    finished = run.get("finished_at") or ""
    click.echo(
        f"Run {run['id']} ({run['mode']}): {run['status']} in {seconds:.1f}s"
        + (f", finished {finished}" if finished else "")
    )
    for label, key in RUN_COUNTS:
        click.echo(f"  {label:<20}{run[key]:>8}")
    click.echo(
        f"Archive {db}: {data['articles']} articles, {data['authors']} authors, "
        f"{data['documents']} documents; published {data['first_published']} .. {data['last_published']}"
    )
    if run["status"] in ("partial", "degraded") and run.get("last_error"):
        click.echo(f"Some fetches failed; the last: {run['last_error']}")
    if run["status"] == "failed":
        detail = run.get("last_error") or run.get("finish_reason")
        raise click.ClickException(f"crawl failed: {detail}")
    if run["status"] == "interrupted":
        click.echo("Error: crawl interrupted; continue it with --resume", err=True)
        raise SystemExit(EXIT_INTERRUPTED)
    if run["status"] == "degraded":
        fell = [
            f"{drop['field']} on {site} ({drop['share']:.0%}, before {drop['before']:.0%})"
            for site, figures in json.loads(run.get("coverage") or "{}").items()
            for drop in figures.get("drops", [])
        ]
        click.echo(f"Error: extraction degraded: {'; '.join(fell)}", err=True)
        raise SystemExit(EXIT_DEGRADED)
