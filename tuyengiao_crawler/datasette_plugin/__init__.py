"""The archive browser: a Datasette plugin, registered through Datasette's entry point
(`[project.entry-points.datasette]`), so `datasette archive.sqlite` and `tuyengiao serve`
show the same thing.

For every database that is a tuyengiao archive, whatever its file name:
- the packaged metadata (archive/datasette_metadata.json): descriptions, facets, sorts,
  search, canned queries;
- an accent-insensitive search box that folds đ like `tuyengiao search`;
- an article page at /DB/articles/ID (the row page of `articles`), a document page at
  /DB/documents/ID and charts at /DB/-/charts (templates/ beside this file);
- table pages with long texts cut short, titles linking to the article page, column
  descriptions folded away, month facets in date order.

Optional configuration (metadata `plugins`): {"tuyengiao-crawler": {"replay_prefix":
"http://localhost:8080/COLLECTION/"}} adds replay links to the evidence.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import (
    escape_fts,
    escape_sqlite,
    path_with_added_args,
    path_with_removed_args,
    tilde_decode,
)
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

from tuyengiao_crawler.archive.fts import folded_text
from tuyengiao_crawler.archive.metadata import database_metadata, datasette_metadata
from tuyengiao_crawler.archive.pages import article_page, document_page, is_archive
from tuyengiao_crawler.archive.queries import MMAP_BYTES
from tuyengiao_crawler.archive.timeline import CHARTS, GROUPINGS, TimelineError, timeline
from tuyengiao_crawler.charts import svg_chart
from tuyengiao_crawler.datasette_plugin.reading import clip_text, reading_html

PLUGIN = "tuyengiao-crawler"
CSS = Path(__file__).with_name("static") / "tuyengiao.css"
# Text columns cut short on table pages (the article page shows them whole).
LONG_COLUMNS = {"body_text": 160, "body_html": 160, "lead": 240}
ARTICLE_TABLES = {"articles", "article_details"}

_archives: dict[tuple[str, str], bool] = {}


def archive_names(datasette: Any) -> list[str]:
    """The names of the attached databases that are tuyengiao archives (checked once per
    file, read-only)."""
    names = []
    for name, db in datasette.databases.items():
        if db.is_memory or not db.path or name == "_internal":
            continue
        key = (name, str(db.path))
        if key not in _archives:
            try:
                conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
                try:
                    _archives[key] = is_archive(conn)
                finally:
                    conn.close()
            except sqlite3.Error:
                _archives[key] = False
        if _archives[key]:
            names.append(name)
    return names


# Metadata and search


@hookimpl
def get_metadata(datasette: Any, key: Any, database: Any, table: Any) -> dict[str, Any]:
    return datasette_metadata(*archive_names(datasette))


def escape_folded(query: str) -> str:
    """Datasette's escape_fts after folding đ to d, as the index holds it."""
    return escape_fts(folded_text(unicodedata.normalize("NFC", query or "")))


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    # Datasette's search box calls escape_fts(:search); ours runs last and wins.
    conn.create_function("escape_fts", 1, escape_folded)
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")  # as our own readers (queries.py)


# Table pages


class MonthFacet(Facet):
    """A facet by month (the first 7 characters of a date column), newest month first,
    selecting with COLUMN__startswith=YYYY-MM. In metadata: {"month": "COLUMN"}."""

    type = "month"

    async def suggest(self) -> list:
        return []

    async def facet_results(self) -> tuple[list, list]:
        results, timed_out = [], []
        pairs = self.get_querystring_pairs()
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config, source = source_and_config["config"], source_and_config["source"]
            column = config.get("column") or config["simple"]
            col = escape_sqlite(column)
            sql = (
                f"SELECT substr({col}, 1, 7) AS value, count(*) AS count FROM ({self.sql})"
                f" WHERE length({col}) >= 7 GROUP BY value ORDER BY value DESC LIMIT {size + 1}"
            )
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            arg = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                selected = (arg, row["value"]) in pairs
                change = path_with_removed_args if selected else path_with_added_args
                path = change(self.request, {arg: row["value"]})
                values.append(
                    {
                        "value": row["value"],
                        "label": row["value"],
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path)),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "hideable": source != "metadata",
                    "toggle_url": self.ds.urls.path(
                        path_with_removed_args(self.request, {"_facet_month": column})
                    ),
                    "results": values,
                    "truncated": len(rows) > size,
                }
            )
        return results, timed_out


@hookimpl
def register_facet_classes() -> list:
    return [MonthFacet]


def _link(href: str, text: Any) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


def _field(row: Any, name: str) -> Any:
    return row[name] if name in row.keys() else None


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    if database not in archive_names(datasette):
        return None
    base = datasette.urls.database(database)
    if column in LONG_COLUMNS and isinstance(value, str) and table is not None:
        return clip_text(value, LONG_COLUMNS[column], html=column == "body_html")
    if table in ARTICLE_TABLES and column == "title" and _field(row, "id") is not None:
        return _link(f"{base}/articles/{row['id']}", value or "(không tiêu đề · untitled)")
    if column == "article_title" and _field(row, "article_id") is not None:
        return _link(f"{base}/articles/{row['article_id']}", value or "(untitled)")
    if table is None and column == "article_id" and isinstance(value, int):
        return _link(f"{base}/articles/{value}", value)
    if table == "documents" and column in ("key", "canonical") and _field(row, "id") is not None:
        return _link(f"{base}/documents/{row['id']}", value)
    if table == "citations" and column == "document" and _field(row, "document_id"):
        return _link(f"{base}/documents/{row['document_id']}", value)
    return None


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    return [datasette.urls.path("/-/tuyengiao.css")]


@hookimpl
def extra_template_vars(datasette: Any, database: str | None) -> dict[str, Any]:
    archive = database in archive_names(datasette) if database else False
    return {"tuyengiao_archive": archive}


# Pages


async def _archive_db(datasette: Any, request: Any) -> Any:
    """The archive database the URL names, after the permission checks of its tables."""
    route = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(route=route)
    except KeyError:
        raise NotFound(f"Database not found: {route}") from None
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (db.name, "articles")), ("view-database", db.name), "view-instance"],
    )
    return db


def _replay_prefix(datasette: Any, database: str) -> str | None:
    config = datasette.plugin_config(PLUGIN, database=database) or {}
    return config.get("replay_prefix")


async def article_view(datasette: Any, request: Any, send: Any) -> Response:
    db = await _archive_db(datasette, request)
    if db.name not in archive_names(datasette):
        from datasette.views.row import RowView

        return await RowView.as_view(datasette)(request, send)
    article_id = int(request.url_vars["pks"])
    prefix = _replay_prefix(datasette, db.name)
    article = await db.execute_fn(lambda conn: article_page(conn, article_id, prefix))
    if article is None:
        raise NotFound(f"no article {article_id}")
    article["body"] = reading_html(article.get("body_html"), article.get("body_text"))
    for version in article["versions"]:
        version["body"] = reading_html(version.get("body_html"), version.get("body_text"))
    return Response.html(
        await datasette.render_template(
            "tuyengiao_article.html",
            {
                "database": db.name,
                "base": datasette.urls.database(db.name),
                "article": article,
                "title_of": _title,
            },
            request=request,
        )
    )


def _title(metadata_table: str) -> str:
    return database_metadata()["tables"][metadata_table]["title"]


async def document_view(datasette: Any, request: Any, send: Any) -> Response:
    db = await _archive_db(datasette, request)
    if db.name not in archive_names(datasette):
        from datasette.views.row import RowView

        return await RowView.as_view(datasette)(request, send)
    document_id = int(request.url_vars["pks"])
    document = await db.execute_fn(lambda conn: document_page(conn, document_id))
    if document is None:
        raise NotFound(f"no document {document_id}")
    chart = await db.execute_fn(lambda conn: timeline(conn, "citations", document=document["key"]))
    return Response.html(
        await datasette.render_template(
            "tuyengiao_document.html",
            {
                "database": db.name,
                "base": datasette.urls.database(db.name),
                "document": document,
                "chart": Markup(svg_chart(chart)),
            },
            request=request,
        )
    )


async def charts_view(datasette: Any, request: Any) -> Response:
    db = await _archive_db(datasette, request)
    if db.name not in archive_names(datasette):
        raise NotFound("not a tuyengiao archive")
    chart = request.args.get("chart") or "articles"
    by = request.args.get("by") or None
    document = (request.args.get("document") or "").strip() or None
    error = None
    try:
        drawn = await db.execute_fn(lambda conn: timeline(conn, chart, by=by, document=document))
        svg = svg_chart(drawn)
    except TimelineError as exc:
        error, svg, drawn = str(exc), "", None
    if request.url_vars.get("format") == "svg" and not error:
        return Response(svg, content_type="image/svg+xml; charset=utf-8")
    return Response.html(
        await datasette.render_template(
            "tuyengiao_charts.html",
            {
                "database": db.name,
                "base": datasette.urls.database(db.name),
                "chart": chart,
                "by": by or "",
                "document": document or "",
                "charts": CHARTS,
                "groupings": GROUPINGS,
                "svg": Markup(svg),
                "timeline": drawn,
                "error": error,
                "query_string": request.query_string,
            },
            request=request,
        ),
        status=400 if error else 200,
    )


async def css_view() -> Response:
    return Response(CSS.read_text(encoding="utf-8"), content_type="text/css; charset=utf-8")


@hookimpl
def register_routes() -> list:
    return [
        (r"^/-/tuyengiao\.css$", css_view),
        (r"^/(?P<database>[^/.]+)/(?P<table>articles)/(?P<pks>\d+)(?P<format>)$", article_view),
        (r"^/(?P<database>[^/.]+)/(?P<table>documents)/(?P<pks>\d+)(?P<format>)$", document_view),
        (r"^/(?P<database>[^/.]+)/-/charts(\.(?P<format>svg))?$", charts_view),
    ]
