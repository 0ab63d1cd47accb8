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


def _sites_option(fn: Any) -> Any:
    fn = click.option(
        "--all-sites",
        "all_sites",
        type=click.Path(file_okay=False),
        help="A folder of site profiles (.toml): crawl every one.",
    )(fn)
    return click.option(
        "--site",
        "sites",
        multiple=True,
        help="Site profile: a bundled name or a .toml file (repeatable).",
    )(fn)


def _all_sites(sites: tuple[str, ...], folder: str | None) -> list[str]:
    """The profiles named, then those of the folder, each once."""
    from pathlib import Path

    names = list(sites)
    if folder:
        found = sorted(str(path) for path in Path(folder).glob("*.toml"))
        if not found:
            raise click.BadParameter(f"no .toml profiles in {folder}", param_hint="--all-sites")
        names += found
    return list(dict.fromkeys(names))


def _redis_option(fn: Any) -> Any:
    return click.option(
        "--redis",
        "redis_url",
        metavar="redis://HOST:PORT/DB",
        help="Share the frontier of a fleet of workers on Redis (the [distributed] extra).",
    )(fn)


@cli.command()
@_sites_option
@click.option("--start-url", "start_urls", multiple=True, help="Start URL (repeatable).")
@db_option()
@click.option(
    "--max-pages", type=click.IntRange(min=0), default=0, help="Stop after N pages (0: no limit)."
)
@click.option("--full", is_flag=True, help="Fetch everything, not only what changed.")
@click.option("--resume", is_flag=True, help="Continue the crawl that was stopped.")
@_redis_option
@click.option(
    "--idle-exit",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="With --redis: exit once the shared frontier has been empty this long [30].",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, exists=True),
    help="With --redis: the merged archive of earlier fleet runs, whose articles this"
    " worker asks for only if changed (TUYENGIAO_BASELINE).",
)
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
    sites: tuple[str, ...],
    all_sites: str | None,
    start_urls: tuple[str, ...],
    db: str,
    max_pages: int,
    full: bool,
    resume: bool,
    redis_url: str | None,
    idle_exit: float | None,
    baseline: str | None,
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

    With --redis, the crawl is one worker of a fleet sharing one frontier (README
    "Scaling out"): --db is this worker's shard, merged later with `tuyengiao merge`.
    """
    names = _all_sites(sites, all_sites)
    if not names and not start_urls and not redis_url:
        raise click.UsageError("give --site PROFILE or --start-url URL")
    if idle_exit is not None and not redis_url:
        raise click.UsageError("--idle-exit is for a worker of a shared frontier (--redis)")
    from tuyengiao_crawler.runner import run_crawl

    overrides = {}
    for item in settings:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--set")
        overrides[name.strip()] = value
    if baseline:
        overrides["TUYENGIAO_BASELINE"] = baseline
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
        max_pages=max_pages,
        full=full,
        resume=resume,
        log_level=log_level,
        overrides=overrides,
        sites=names,
        redis_url=redis_url,
        idle_exit=idle_exit,
    )
    _report_run(run, db, time.monotonic() - started)


@cli.command()
@_redis_option
@_sites_option
@click.option("--start-url", "start_urls", multiple=True, help="Start URL (repeatable).")
@click.option(
    "--key",
    "prefix",
    default="tuyengiao",
    show_default=True,
    help="Prefix of the shared crawl's Redis keys (TUYENGIAO_REDIS_KEY).",
)
@click.option(
    "--fresh",
    is_flag=True,
    help="Forget the last crawl of this frontier first (queue, seen URLs, seeds): a new run.",
)
def seed(
    redis_url: str | None,
    sites: tuple[str, ...],
    all_sites: str | None,
    start_urls: tuple[str, ...],
    prefix: str,
    fresh: bool,
) -> None:
    """Put a crawl's start URLs and sites into a shared frontier on Redis, for the workers
    (`tuyengiao crawl --redis`) to walk. Seeding twice changes nothing; the frontier
    remembers every URL it was given until `--fresh` starts a new run (the next night).

    Example: tuyengiao seed --redis redis://127.0.0.1:6379/0 --site demo
    """
    from tuyengiao_crawler.extensions import frontier
    from tuyengiao_crawler.profiles import load_profile
    from tuyengiao_crawler.runner import check_start_url

    if not redis_url:
        raise click.UsageError("give --redis redis://HOST:PORT/DB")
    names = _all_sites(sites, all_sites)
    if not names and not start_urls:
        raise click.UsageError("give --site PROFILE or --start-url URL")
    for url in start_urls:
        check_start_url(url)
    for name in names:
        load_profile(name)
    client = frontier.connect(redis_url)
    if fresh:
        frontier.reset(client, prefix)
    added = frontier.add_seeds(client, list(start_urls), names, prefix)
    state = frontier.frontier_state(client, prefix)
    click.echo(
        f"Seeded {added} new ({len(start_urls)} start URLs, {len(names)} sites) at {redis_url};"
        f" queued {state['queued']}, in flight {state['in_flight']}, seen {state['seen']},"
        f" workers {state['workers']}"
    )


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
