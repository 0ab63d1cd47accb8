"""Extraction quality per run (issue 14): how many of the articles a run archived have each
field, per site, and the rule that calls a sharp fall against earlier runs `degraded`.

A run counts the articles it archived as new or updated, as they are stored: an unchanged
article (the same content as archived, or a 304) was extracted as it was before, and
counting it would dilute a fall in the articles that today's template really produced.
The figures go into `crawl_runs.coverage` (JSON, keyed by site):

    {"example.gov.vn": {"articles": 40, "title": 1.0, "published": 0.975,
                        "published_time": 0.9, "author": 0.55, "document": 0.2,
                        "body_chars": {"median": 2300, "p10": 800, "p90": 5200},
                        "missing": {"published": ["http://...", ...]},
                        "drops": [{"field": "published", "share": 0.1, "before": 0.98,
                                   "runs": 3}]}}

Shares are fractions of `articles`; `missing` holds up to three URLs of articles without
each field; `drops` is there only when the rule below found one.

The rule (`find_drops`): a field of a site has dropped when this run archived at least
`min_articles` articles of the site, and the median of its share over the last `runs`
finished runs of the same start URLs (status ok, partial or degraded) that archived at
least `min_articles` of that site is more than `points` percentage points above today's
share. Without such an earlier run there is nothing to compare with, and no drop. A
degraded run is a baseline too, so a change that lasts (a site that stopped printing
bylines) stops being reported once it is the median of the window.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The fields watched, in the order they are reported, with what they mean in a log line.
FIELDS = {
    "title": "titles",
    "published": "published dates",
    "published_time": "published times of day",
    "author": "person authors",
    "document": "document references",
}
EXAMPLES = 3
# Statuses of runs that ran to their end: their coverage is a baseline.
FINISHED = ("ok", "partial", "degraded")
DEFAULT_MIN_ARTICLES = 20
DEFAULT_RUNS = 5
DEFAULT_POINTS = 25.0


def _get(item: Any, name: str) -> Any:
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def fields_present(item: Any) -> dict[str, bool]:
    """Which watched fields one article (a record or a mapping) has."""
    published = _get(item, "published_at") or ""
    return {
        "title": bool((_get(item, "title") or "").strip()),
        "published": bool(published),
        "published_time": "T" in published,
        "author": any(a.get("role") == "author" for a in _get(item, "authors") or []),
        "document": bool(_get(item, "documents")),
    }


def percentile(values: list[int], share: float) -> int:
    """The value below which `share` of the sorted `values` lie (nearest rank)."""
    if not values:
        return 0
    index = min(len(values) - 1, max(0, round(share * (len(values) - 1))))
    return values[index]


@dataclass
class SiteCoverage:
    articles: int = 0
    present: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    missing: dict[str, list[str]] = field(default_factory=dict)
    body_chars: list[int] = field(default_factory=list)

    def add(self, item: Any) -> None:
        self.articles += 1
        for name, has in fields_present(item).items():
            if has:
                self.present[name] += 1
            else:
                examples = self.missing.setdefault(name, [])
                if len(examples) < EXAMPLES:
                    examples.append(_get(item, "url"))
        self.body_chars.append(len(_get(item, "body_text") or ""))

    def summary(self) -> dict[str, Any]:
        lengths = sorted(self.body_chars)
        result: dict[str, Any] = {"articles": self.articles}
        for name in FIELDS:
            result[name] = round(self.present[name] / self.articles, 4) if self.articles else None
        result["body_chars"] = {
            "median": int(statistics.median(lengths)) if lengths else 0,
            "p10": percentile(lengths, 0.1),
            "p90": percentile(lengths, 0.9),
        }
        result["missing"] = {name: urls for name, urls in self.missing.items() if urls}
        return result


class CoverageCounter:
    """Counts, site by site, the fields of the articles a run archives (new or updated)."""

    def __init__(self) -> None:
        self.sites: dict[str, SiteCoverage] = {}

    def add(self, item: Any) -> None:
        site = _get(item, "site") or ""
        self.sites.setdefault(site, SiteCoverage()).add(item)

    def summary(self) -> dict[str, dict[str, Any]]:
        return {site: counts.summary() for site, counts in sorted(self.sites.items())}


@dataclass(frozen=True)
class Drop:
    """A field whose share fell sharply on a site."""

    site: str
    field: str
    share: float
    before: float
    runs: int
    articles: int
    examples: tuple[str, ...]

    def message(self) -> str:
        shown = ", ".join(self.examples) or "none recorded"
        runs = "the last run" if self.runs == 1 else f"the last {self.runs} runs"
        return (
            f"extraction degraded on {self.site}: {FIELDS[self.field]} ({self.field}) in "
            f"{self.share:.0%} of {self.articles} articles archived, against a median of "
            f"{self.before:.0%} over {runs}; missing in e.g. {shown}"
        )


def find_drops(
    current: Mapping[str, Mapping[str, Any]],
    earlier: Iterable[Mapping[str, Mapping[str, Any]]],
    *,
    min_articles: int = DEFAULT_MIN_ARTICLES,
    runs: int = DEFAULT_RUNS,
    points: float = DEFAULT_POINTS,
) -> list[Drop]:
    """The drops of this run's coverage (`current`) against `earlier` runs' (newest
    first), by the rule in the module's docstring."""
    earlier = list(earlier)
    drops = []
    for site, now in current.items():
        if (now.get("articles") or 0) < min_articles:
            continue
        window = [
            run[site] for run in earlier if (run.get(site) or {}).get("articles", 0) >= min_articles
        ][:runs]
        if not window:
            continue
        for name in FIELDS:
            shares = [c[name] for c in window if c.get(name) is not None]
            if not shares or now.get(name) is None:
                continue
            before = statistics.median(shares)
            if (before - now[name]) * 100 > points:
                drops.append(
                    Drop(
                        site,
                        name,
                        now[name],
                        before,
                        len(shares),
                        now["articles"],
                        tuple(now.get("missing", {}).get(name, [])),
                    )
                )
    return drops


def earlier_coverage(
    conn: sqlite3.Connection, start_urls: str, before_id: int, limit: int = 100
) -> list[dict[str, Any]]:
    """The coverage of the finished runs of these start URLs (their JSON, as stored in
    `crawl_runs.start_urls`) before run `before_id`, newest first."""
    marks = ", ".join("?" * len(FINISHED))
    found = conn.execute(
        "SELECT coverage FROM crawl_runs WHERE start_urls = ? AND id < ?"
        f" AND status IN ({marks}) AND coverage IS NOT NULL ORDER BY id DESC LIMIT ?",
        (start_urls, before_id, *FINISHED, limit),
    ).fetchall()
    return [json.loads(row[0]) for row in found]


def coverage_history(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    """One row per site of each of the last `limit` runs that recorded coverage, newest
    first: run id, start, status, site, articles, the share of each field (percent), the
    body length median/p10/p90 and the fields that dropped. Empty for an archive older
    than schema version 9, which has no coverage (read-only commands do not migrate)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(crawl_runs)")}
    if "coverage" not in columns:
        return []
    found = conn.execute(
        "SELECT id, started_at, status, coverage FROM crawl_runs"
        " WHERE coverage IS NOT NULL ORDER BY id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    history = []
    for run_id, started_at, status, text in found:
        for site, figures in json.loads(text).items():
            row: dict[str, Any] = {
                "run": run_id,
                "started_at": started_at,
                "status": status,
                "site": site,
                "articles": figures.get("articles", 0),
            }
            for name in FIELDS:
                share = figures.get(name)
                row[name] = None if share is None else round(share * 100, 1)
            body = figures.get("body_chars") or {}
            row["body_median"] = body.get("median")
            row["body_p10"] = body.get("p10")
            row["body_p90"] = body.get("p90")
            row["dropped"] = ", ".join(d["field"] for d in figures.get("drops", [])) or None
            history.append(row)
    return history
