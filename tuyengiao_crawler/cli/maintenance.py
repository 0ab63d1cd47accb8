"""Commands for archivists maintaining an archive: reprocess, wacz, merge."""

from __future__ import annotations

import json

import click

from tuyengiao_crawler.cli import cli, db_option


@cli.command()
@db_option(exists=True)
@click.option(
    "--since",
    help="Only articles whose latest fetch is on or after this ISO date (YYYY[-MM[-DD]]).",
)
@click.option(
    "--site",
    help="Profile (name or .toml path) to use instead of the one recorded for each crawl.",
)
@click.option(
    "--warc-dir",
    type=click.Path(file_okay=False),
    help="Folder of the WARC files [default: warc/ beside the archive].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def reprocess(
    db: str, since: str | None, site: str | None, warc_dir: str | None, as_json: bool
) -> None:
    """Rebuild every article from its archived WARC record, without the network.

    Re-runs extraction and normalisation on each article's latest fetch, with the profile
    of the crawl that fetched it (or --site), and saves changed articles as new versions
    (the old ones stay in article_versions; search follows). Run it after an extractor
    or profile fix. Takes the archive's lock, so never at the same time as a crawl.

    Example: tuyengiao reprocess --db data/archive.sqlite --site profiles/mysite.toml
    """
    from tuyengiao_crawler.archive import Archive, open_readonly
    from tuyengiao_crawler.reprocess import reprocess as run_reprocess

    # One line if the file is missing, empty, damaged or not an archive, checked read-only
    # so that such a file is never written; then Archive() upgrades an older schema.
    open_readonly(db, check_pages=True).close()
    Archive(db, create=False).close()
    result = run_reprocess(db, since=since, site=site, warc_dir=warc_dir)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        click.echo(
            f"reprocessed {result.articles} articles in {result.seconds:.1f} s"
            f" ({result.rate:.0f}/s): {result.updated} updated, {result.unchanged} unchanged,"
            f" {result.not_article} no longer articles, {result.dropped} dropped,"
            f" {result.failed + result.no_record} failed"
        )
    for error in result.errors[:10]:
        click.echo(f"  {error}", err=True)
    if result.articles and result.failed + result.no_record == result.articles:
        raise click.ClickException("no article could be reprocessed")


@cli.command()
@db_option(exists=True)
@click.argument("out", type=click.Path(dir_okay=False, writable=True))
@click.option(
    "--since", help="Only the captures fetched on or after this ISO date (YYYY[-MM[-DD]])."
)
@click.option(
    "--warc-dir",
    type=click.Path(file_okay=False),
    help="Folder of the WARC files [default: warc/ beside the archive].",
)
@click.option("--title", help="The package's title [default: tuyengiao-crawler archive].")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
def wacz(
    db: str, out: str, since: str | None, warc_dir: str | None, title: str | None, force: bool
) -> None:
    """Write a WACZ 1.1.1 package of the archive's evidence to OUT: the WARC files, a CDXJ
    index, pages.jsonl (one entry per article, with its title and capture time) and
    datapackage.json with their SHA-256; ReplayWeb.page opens it, `wacz validate` checks it.

    Example: tuyengiao wacz --db data/archive.sqlite data/archive.wacz --since 2024-01
    """
    from pathlib import Path

    from tuyengiao_crawler.archive import open_readonly
    from tuyengiao_crawler.archive.search import check_date
    from tuyengiao_crawler.archive.wacz import write_wacz

    if since:
        since = check_date(since, "--since")
    if Path(out).exists() and not force:
        raise click.BadParameter(f"{out} exists; use --force to replace it", param_hint="OUT")
    conn = open_readonly(db)
    try:
        folder = Path(warc_dir) if warc_dir else Path(db).parent / "warc"
        summary = write_wacz(conn, folder, out, since=since, title=title)
    finally:
        conn.close()
    click.echo(
        f"Wrote {summary.path}: {summary.warc_files} WARC files, {summary.index_lines} index"
        f" lines, {summary.pages} pages, {summary.bytes:,} bytes"
    )


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.argument("shards", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--warc-dir",
    type=click.Path(file_okay=False),
    help="WARC folder of the merged archive [default: warc/ beside OUT].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def merge(out: str, shards: tuple[str, ...], warc_dir: str | None, as_json: bool) -> None:
    """Merge the shard archives of a fleet's workers into OUT (created if missing).

    Every article goes through the same save as a crawl (upsert by canonical URL, old
    versions kept); fetches and crawl runs are kept per worker, and each shard's WARC
    files are linked (or copied) into OUT's WARC folder under a folder of their own.
    Merging a shard twice changes nothing; shards merged in any order give the same
    archive. Each shard's WARC files are read from warc/ beside it.

    Example: tuyengiao merge data/archive.sqlite shards/*/shard.sqlite
    """
    from tuyengiao_crawler.archive import open_readonly
    from tuyengiao_crawler.archive.merge import merge_archives

    for shard in shards:
        open_readonly(shard).close()  # one line for a missing or broken shard, before OUT
    result = merge_archives(out, shards, warc_dir=warc_dir)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    counts = ", ".join(f"{n} {what}" for what, n in result.articles.items())
    rate = result.articles_read / result.seconds if result.seconds else 0.0
    click.echo(
        f"merged {len(result.shards)} shards into {out} in {result.seconds:.1f} s"
        f" ({rate:.0f} articles/s): articles {counts}; {result.runs} runs,"
        f" {result.fetches} fetches, {result.warc_files} WARC files added"
    )
