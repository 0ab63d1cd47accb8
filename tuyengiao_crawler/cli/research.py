"""Commands for researchers: search, export, serve (Datasette), reindex."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from tuyengiao_crawler.cli import cli, db_option, plural
from tuyengiao_crawler.errors import TuyengiaoError

INSTALL_SERVE = ".venv/bin/pip install -e '.[serve]' (in the project's folder)"


def filter_options(fn: Any) -> Any:
    """--since/--until/--category/--author/--document, shared by search and export."""
    options = [
        click.option("--since", help="Published on or after this ISO date (YYYY[-MM[-DD]])."),
        click.option("--until", help="Published on or before this ISO date (YYYY[-MM[-DD]])."),
        click.option("--category", help="Only this category (accents and case ignored)."),
        click.option("--author", help="Only articles by this author or organisation."),
        click.option(
            "--document",
            help="Only articles citing this document (its key: 05-CT/TW, Luật Báo chí 2016, "
            "Nghị quyết Trung ương 4 khóa XII...) "
            "or a kind of document (Chỉ thị, Nghị quyết...).",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _filters(match: str | None = None, exact: bool = False, **values: Any) -> Any:
    from tuyengiao_crawler.archive.search import ArticleFilters

    return ArticleFilters(match=match, exact=exact, **values)


# search


@cli.command()
@db_option(exists=True)
@click.argument("query")
@click.option(
    "--exact", is_flag=True, help="Keep diacritics: 'hòa' finds 'hòa'/'hoà' but not 'hoa'."
)
@filter_options
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--rank-all",
    is_flag=True,
    help="Rank every match, however many (slower on broad queries: by default a query "
    "matching over 5,000 articles is ranked among the 5,000 most recently archived). "
    "The count is always exact.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as a JSON array.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the results as CSV.")
def search(
    db: str,
    query: str,
    exact: bool,
    limit: int,
    rank_all: bool,
    as_json: bool,
    as_csv: bool,
    **filter_values: Any,
) -> None:
    """Full-text search of titles, leads and bodies, best matches first.

    Accents are optional: "tuyen giao" finds "tuyên giáo" and "dang uy" finds "Đảng ủy";
    old and new tone placement ("hoà"/"hòa") are the same word. QUERY uses SQLite FTS5
    syntax: "a phrase", AND, OR, NOT, prefix*, title:word.

    Example: tuyengiao search --db data/archive.sqlite "chi thi 05" --since 2021-01-01
    """
    from tuyengiao_crawler.archive import open_readonly
    from tuyengiao_crawler.archive.search import ALL, search_articles

    if as_json and as_csv:
        raise click.UsageError("give --json or --csv, not both")
    filters = _filters(**filter_values)
    conn = open_readonly(db)
    try:
        everything = {"rank_window": ALL} if rank_all else {}
        found = search_articles(
            conn, query, exact=exact, filters=filters, limit=limit, **everything
        )
    finally:
        conn.close()
    if found.unindexed:
        click.echo(
            f"warning: {found.unindexed} articles are not in the search index; "
            f"run `tuyengiao reindex --db {db}`",
            err=True,
        )
    if found.ranked_among is not None and (as_json or as_csv):
        click.echo(f"note: {_match_count(found)}; {_window_note(found)}", err=True)
    public = ("rank", "id", "published_at", "category", "title", "url", "authors", "documents")
    if as_json:
        rows = [{k: r[k] for k in (*public, "score", "snippet")} for r in found.results]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if as_csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([*public, "score", "snippet"])
        for r in found.results:
            writer.writerow(
                [
                    *("; ".join(r[k]) if isinstance(r[k], list) else r[k] for k in public),
                    r["score"],
                    r["snippet"],
                ]
            )
        click.echo(buffer.getvalue(), nl=False)
        return
    shown = len(found.results)
    if found.ranked_among is None:
        click.echo(
            f"{_match_count(found, query)}"
            + (f" (best {shown} shown)" if shown < found.total else "")
        )
    else:
        click.echo(f"{_match_count(found, query)}; {_window_note(found)}")
    for r in found.results:
        click.echo()
        date = (r["published_at"] or "undated")[:10]
        click.echo(f"{r['rank']:>3}. {date}  {_highlight(r['title'] or '', r['title_spans'])}")
        meta = [r["category"] or "", ", ".join(r["authors"]), ", ".join(r["documents"])]
        click.echo("     " + " · ".join(m for m in meta if m))
        click.echo("     " + _highlight(r["snippet_text"], r["snippet_spans"]))
        click.echo("     " + click.style(r["url"], dim=True))


def _match_count(found: Any, query: str | None = None) -> str:
    """ "1 article matches 'q'", "12,345 articles match 'q'" (the count is exact)."""
    verb = "matches" if found.total == 1 else "match"
    return f"{plural(found.total, 'article')} {verb}" + (f" {query!r}" if query else "")


def _window_note(found: Any) -> str:
    return (
        f"the best {len(found.results)} of the {found.ranked_among:,} most recently archived"
        " are shown (add words, --since or --until, or --rank-all to rank older ones)"
    )


def _highlight(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], click.style(text[start:end], fg="yellow", bold=True)]
        last = end
    out.append(text[last:])
    return "".join(out)


# export


@cli.command()
@db_option(exists=True)
@click.option(
    "--format",
    "fmt",
    help="csv, json (one array) or jsonl (one object a line). "
    "Default: from --out's suffix, else csv.",
)
@click.option("--table", help="Table or view to export (default articles; see docs/research.md).")
@click.option("--query", "sql", help="A SELECT to export instead of a table.")
@filter_options
@click.option("--search", "match", help="Only articles matching this full-text query.")
@click.option("--exact", is_flag=True, help="Run --search with diacritics kept.")
@click.option("--out", type=click.Path(dir_okay=False), help="Output file (default stdout).")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@click.option("--excel", is_flag=True, help="CSV for Excel: UTF-8 BOM and CRLF line ends.")
def export(
    db: str,
    fmt: str | None,
    table: str | None,
    sql: str | None,
    match: str | None,
    exact: bool,
    out: str | None,
    force: bool,
    excel: bool,
    **filter_values: Any,
) -> None:
    """Stream a table, view or query to CSV, JSON or JSON Lines (UTF-8, constant memory).

    Authors, documents and other lists are JSON arrays in JSON/JSONL and "; "-joined
    text in CSV. Filters select articles and apply to every article table.

    Example: tuyengiao export --db data/archive.sqlite --table article_details --format csv --excel --out articles.csv
    """
    from tuyengiao_crawler.archive import export as exporting
    from tuyengiao_crawler.archive import open_readonly

    fmt = exporting.format_for(fmt, out)
    if excel and fmt != "csv":
        raise exporting.ExportError("--excel applies to CSV only")
    filters = _filters(match=match, exact=exact, **filter_values)
    conn = open_readonly(db)
    started = time.perf_counter()
    try:
        if out:
            with exporting.output_file(out, force=force) as handle:
                count = exporting.export(
                    conn, handle, fmt, table=table, query=sql, filters=filters, excel=excel
                )
            click.echo(
                f"wrote {count} rows to {out} in {time.perf_counter() - started:.1f}s", err=True
            )
        else:
            binary = getattr(sys.stdout, "buffer", None)
            if binary is None:
                raise TuyengiaoError("stdout cannot take bytes here; use --out FILE")
            stream = io.TextIOWrapper(binary, encoding="utf-8", newline="")
            try:
                exporting.export(
                    conn, stream, fmt, table=table, query=sql, filters=filters, excel=excel
                )
                stream.flush()
            except BrokenPipeError:  # the reader went away (`| head`): not an error
                _silence_stdout()
                return
            stream.detach()
    finally:
        conn.close()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


# reindex


@cli.command()
@db_option(exists=True)
def reindex(db: str) -> None:
    """Rebuild the full-text search index from the articles table.

    Crawls keep the index in step by themselves; run this after editing articles by
    hand or to compact the index.

    Example: tuyengiao reindex --db data/archive.sqlite
    """
    from tuyengiao_crawler.archive import Archive, open_readonly
    from tuyengiao_crawler.archive.fts import rebuild_index

    # Read-only first: an empty, damaged or foreign file is refused before Archive() would
    # write to it (schema, journal mode) or the rebuild into its pages.
    open_readonly(db, check_pages=True).close()
    started = time.perf_counter()
    with Archive(db, create=False) as archive, archive.db.atomic():
        count = rebuild_index(archive.conn)
    click.echo(f"indexed {count} articles in {time.perf_counter() - started:.1f}s")


# serve


@cli.command()
@db_option(exists=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--print-metadata", is_flag=True, help="Print the Datasette metadata JSON and exit.")
@click.option(
    "--replay",
    "replay_prefix",
    help="A replay server's collection URL (pywb: http://localhost:8080/COLLECTION/): "
    "the article pages link each capture to it.",
)
def serve(db: str, host: str, port: int, print_metadata: bool, replay_prefix: str | None) -> None:
    """Browse the archive in Datasette: article and document pages, charts per month,
    descriptions, facets and an accent-insensitive search box.

    The same browser comes with plain `datasette FILE.sqlite` once the [serve] extra is
    installed (a Datasette plugin). The archive stays writable by a running crawl (WAL).

    Example: .venv/bin/tuyengiao serve --db data/archive.sqlite --port 8001
    """
    import importlib.util

    from tuyengiao_crawler.archive.metadata import datasette_metadata

    database = Path(db).stem
    if print_metadata:
        click.echo(json.dumps(datasette_metadata(database), ensure_ascii=False, indent=2))
        return
    if importlib.util.find_spec("datasette") is None:
        raise TuyengiaoError(f"Datasette is not installed; install it with: {INSTALL_SERVE}")
    from tuyengiao_crawler.archive import Archive, open_readonly
    from tuyengiao_crawler.archive.fts import sync_index

    open_readonly(db).close()  # as in reindex: refuse a damaged file before writing to it
    with Archive(db, create=False) as archive, archive.db.atomic():
        indexed = sync_index(archive.conn)
    if indexed:
        click.echo(f"indexed {indexed} articles for search", err=True)

    from datasette.cli import cli as datasette_cli
    from datasette.plugins import pm

    import tuyengiao_crawler.datasette_plugin as plugin

    if plugin not in pm.get_plugins():  # run from a source tree without the entry point
        pm.register(plugin, name=plugin.PLUGIN)
    with tempfile.TemporaryDirectory(prefix="tuyengiao-serve-") as tmp:
        metadata_path = Path(tmp) / "metadata.json"
        config = {"replay_prefix": replay_prefix} if replay_prefix else {}
        metadata_path.write_text(json.dumps({"plugins": {plugin.PLUGIN: config}}), encoding="utf-8")
        args = [
            "serve",
            str(db),
            "--metadata",
            str(metadata_path),
            "--host",
            host,
            "--port",
            str(port),
            "--setting",
            "sql_time_limit_ms",
            "5000",
            "--setting",
            "facet_time_limit_ms",
            "1000",
        ]
        click.echo(f"Datasette on http://{host}:{port}/{database} (Ctrl-C to stop)", err=True)
        sys.stdout.flush()
        datasette_cli.main(args=args, prog_name="datasette", standalone_mode=False)
