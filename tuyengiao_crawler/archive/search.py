"""Full-text search of the archive, and the article filters search and export share.

The default search is accent-insensitive ("tuyen giao" finds "tuyên giáo", "dang uy"
finds "Đảng ủy", "hoà" finds "hòa"); `exact=True` keeps diacritics but still treats old
and new tone placement as one spelling. Queries use FTS5 syntax (phrases in double
quotes, AND/OR/NOT, prefix*, `title:`); a bare document number such as 05-CT/TW is
quoted for the user.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from tuyengiao_crawler.archive.fts import EXACT_TABLE, FTS_TABLE, folded_text, index_ready, word_key
from tuyengiao_crawler.archive.queries import ReadConnection
from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.normalize.text import fold, unify_tones

MARK_START, MARK_END = "«", "»"
# Ranking weights for title, lead, body_text.
WEIGHTS = (10.0, 4.0, 1.0)
_WEIGHTS_SQL = ", ".join(str(w) for w in WEIGHTS)
_OPERATORS = {"AND", "OR", "NOT"}
_BAREWORD_RE = re.compile(r"^[\w\u0080-\U0010ffff]+$")
_SYNTAX_CHARS = set('"():{}^*+')
_WORD_RE = re.compile(r"\w+")
_CHUNK_RE = re.compile(r'"[^"]*"?|[^\s"]+')
_ISO_PARTIAL_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class SearchError(TuyengiaoError):
    """A query or filter the user can fix; one line."""


@dataclass
class ArticleFilters:
    """Filters on articles shared by `search` and `export`."""

    since: str | None = None
    until: str | None = None
    category: str | None = None
    author: str | None = None
    document: str | None = None
    match: str | None = None
    exact: bool = False

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, check_date(value, f"--{name}"))

    def active(self) -> bool:
        return any(
            getattr(self, name) for name in ("since", "until", "category", "author", "document")
        ) or bool(self.match)


def check_date(value: str, option: str) -> str:
    """An ISO date at year, month or day precision (YYYY, YYYY-MM, YYYY-MM-DD)."""
    value = value.strip()
    ok = bool(_ISO_PARTIAL_RE.match(value))
    if ok:
        parts = [int(p) for p in value.split("-")]
        try:
            date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            ok = False
    if not ok:
        raise SearchError(f"{option} {value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return value


# The filters fold a category or a name per row, and an archive has few distinct ones.
_cached_fold = lru_cache(maxsize=65536)(fold)


def prepare_connection(conn: sqlite3.Connection) -> None:
    """Register the Python helpers the filters use (our connections only)."""
    conn.create_function("tg_fold", 1, _cached_fold, deterministic=True)


def filter_clauses(filters: ArticleFilters | None, alias: str = "a") -> tuple[list[str], dict]:
    """SQL conditions on an `articles` row named `alias`, with their named parameters.

    Dates compare at the coarser precision of the two sides, so `--since 2020-03-15`
    keeps an article dated only "2020-03", and `--until 2020` keeps all of 2020.
    """
    if filters is None:
        return [], {}
    clauses: list[str] = []
    params: dict[str, Any] = {}
    published = f"substr({alias}.published_at, 1, 10)"
    for name, op in (("since", ">="), ("until", "<=")):
        value = getattr(filters, name)
        if value:
            width = f"min(length({published}), length(:{name}))"
            clauses.append(
                f"{alias}.published_at IS NOT NULL AND "
                f"substr({published}, 1, {width}) {op} substr(:{name}, 1, {width})"
            )
            params[name] = value
    if filters.category:
        clauses.append(f"tg_fold({alias}.category) = tg_fold(:category)")
        params["category"] = filters.category
    if filters.author:
        clauses.append(
            "EXISTS (SELECT 1 FROM article_authors f_aa JOIN authors f_au"
            " ON f_au.id = f_aa.author_id"
            f" WHERE f_aa.article_id = {alias}.id AND tg_fold(f_au.name) = tg_fold(:author))"
        )
        params["author"] = filters.author
    if filters.document:
        clauses.append(
            "EXISTS (SELECT 1 FROM article_documents f_ad LEFT JOIN documents f_d"
            " ON f_d.id = f_ad.document_id"
            f" WHERE f_ad.article_id = {alias}.id AND (tg_fold(f_d.key) = tg_fold(:document)"
            " OR tg_fold(f_d.named_key) = tg_fold(:document)"
            " OR tg_fold(coalesce(f_d.kind, f_ad.kind)) = tg_fold(:document)))"
        )
        params["document"] = filters.document
    if filters.match:
        table = EXACT_TABLE if filters.exact else FTS_TABLE
        clauses.append(f"{alias}.id IN (SELECT rowid FROM {table} WHERE {table} MATCH :match)")
        params["match"] = fts_query(filters.match, exact=filters.exact)
    return clauses, params


# Queries


def _quote_chunk(chunk: str) -> str:
    """Quote a chunk FTS5 would reject as a bareword (05-CT/TW, COVID-19, 2021.)."""
    if chunk.startswith('"') or chunk in _OPERATORS or chunk == "NEAR":
        return chunk
    if any(ch in _SYNTAX_CHARS for ch in chunk):
        return chunk
    if _BAREWORD_RE.match(chunk):
        return chunk
    if not _WORD_RE.search(chunk):
        return chunk  # lone punctuation: let FTS5 say what is wrong
    return f'"{chunk}"'


def fts_query(query: str, exact: bool = False) -> str:
    """The FTS5 query to run for what the user typed, in the index's spelling."""
    query = unicodedata.normalize("NFC", query).strip()
    if not query:
        raise SearchError("empty search query")
    if "NEAR(" not in query:
        query = " ".join(_quote_chunk(chunk) for chunk in _CHUNK_RE.findall(query))
    return unify_tones(query) if exact else folded_text(query)


def query_terms(query: str, exact: bool = False) -> list[tuple[tuple[str, ...], bool]]:
    """The words and phrases to highlight: ((word keys...), last_is_prefix) each."""
    terms: list[tuple[tuple[str, ...], bool]] = []
    skip_next = False
    for chunk in _CHUNK_RE.findall(unicodedata.normalize("NFC", query)):
        if chunk in _OPERATORS or chunk.startswith("NEAR"):
            skip_next = chunk == "NOT"
            continue
        if skip_next:
            skip_next = False
            continue
        if ":" in chunk and not chunk.startswith('"'):
            chunk = chunk.split(":", 1)[1]
        prefix = chunk.rstrip(")").endswith("*")
        words = tuple(word_key(w, exact) for w in _WORD_RE.findall(chunk))
        if words:
            terms.append((words, prefix))
    return terms


# Highlighting accent-free terms (the default search, whose word keys are ASCII) runs as
# one regular expression over the original text: each letter of a term becomes the class
# of every character that folds to it ("e" -> [eEèéẻẽẹêềếểễệ...]). The only characters
# folding to ASCII are in these ranges (tests check the whole of Unicode's first plane).
_FOLD_RANGES = ((0x30, 0x7A), (0xC0, 0x2AF), (0x1E00, 0x1EFF), (0x2100, 0x214F), (0xFB00, 0xFB06))
_fold_classes: dict[str, str] = {}
_unfoldable_re: re.Pattern[str] | None = None


def _build_fold_classes() -> None:
    global _unfoldable_re
    members: dict[str, list[str]] = {}
    odd = []
    for low, high in _FOLD_RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            if not _WORD_RE.fullmatch(char):
                continue
            key = word_key(char, False)
            if len(key) == 1:
                members.setdefault(key, []).append(char)
            elif key.isascii():
                odd.append(char)  # ß -> ss, ﬁ -> fi: left to the word-by-word path
    for key, chars in members.items():
        _fold_classes[key] = "[" + "".join(re.escape(c) for c in chars) + "]"
    _unfoldable_re = re.compile("[" + "".join(odd) + "]")


@lru_cache(maxsize=256)
def _terms_pattern(terms: tuple[tuple[tuple[str, ...], bool], ...]) -> re.Pattern[str] | None:
    """The regex finding `terms` (accent-free word keys) in original text, or None when a
    term has a character outside ASCII (then the word-by-word path is used). Cached: one
    search looks for the same terms in the title, lead and body of each of its results."""
    if not _fold_classes:
        _build_fold_classes()
    alternatives = []
    for words, prefix in terms:
        if not all(word.isascii() and _WORD_RE.fullmatch(word) for word in words):
            return None
        parts = ["".join(_fold_classes.get(ch, re.escape(ch)) for ch in word) for word in words]
        alternatives.append(r"\W+".join(parts) + (r"\w*" if prefix else r"(?!\w)"))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")")


def find_spans(
    text: str, terms: list[tuple[tuple[str, ...], bool]], exact: bool
) -> list[tuple[int, int]]:
    """Character spans in `text` where one of the terms (a word or phrase) occurs."""
    if not text or not terms:
        return []
    pattern = None if exact else _terms_pattern(tuple(terms))
    if pattern is not None and _unfoldable_re is not None and not _unfoldable_re.search(text):
        spans = [m.span() for m in pattern.finditer(text)]
    else:
        spans = _word_spans(text, terms, exact)
    # "«Tuyên» «giáo»" reads better as "«Tuyên giáo»": join matches only spaces apart.
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start >= merged[-1][1] and text[merged[-1][1] : start] == " ":
            merged[-1] = (merged[-1][0], end)
        elif not merged or start >= merged[-1][1]:
            merged.append((start, end))
    return merged


def _word_spans(
    text: str, terms: list[tuple[tuple[str, ...], bool]], exact: bool
) -> list[tuple[int, int]]:
    """find_spans word by word: every word of `text` compared by its key."""
    tokens = [(m.start(), m.end(), word_key(m.group(), exact)) for m in _WORD_RE.finditer(text)]
    # Most words start no term: skip them with one set lookup (a one-word prefix term
    # can start anywhere, so it turns the shortcut off).
    check_all = any(prefix and len(words) == 1 for words, prefix in terms)
    firsts = {words[0] for words, _ in terms}
    spans = []
    for i in range(len(tokens)):
        if not check_all and tokens[i][2] not in firsts:
            continue
        for words, prefix in terms:
            n = len(words)
            if i + n > len(tokens):
                continue
            window = tokens[i : i + n]
            if all(t[2] == w for t, w in zip(window[:-1], words[:-1], strict=True)) and (
                window[-1][2].startswith(words[-1]) if prefix else window[-1][2] == words[-1]
            ):
                spans.append((window[0][0], window[-1][1]))
                break
    return spans


def mark(
    text: str, spans: list[tuple[int, int]], start: str = MARK_START, end: str = MARK_END
) -> str:
    out, last = [], 0
    for s, e in spans:
        if s < last:
            continue
        out += [text[last:s], start, text[s:e], end]
        last = e
    out.append(text[last:])
    return "".join(out)


def make_snippet(
    text: str, spans: list[tuple[int, int]], width: int = 220
) -> tuple[str, list[tuple[int, int]]]:
    """The `width`-character window of `text` with the most matches, cut at word breaks."""
    text = text or ""
    if not spans:
        cut = text[:width]
        if len(text) > width:
            cut = cut.rsplit(" ", 1)[0] + " …"
        return " ".join(cut.split()), []
    best, best_count = 0, -1
    for i, (s, _) in enumerate(spans):
        count = sum(1 for s2, _ in spans[i:] if s2 < s + width)
        if count > best_count:
            best, best_count = i, count
    start = max(0, spans[best][0] - width // 4)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else 0
    stop = min(len(text), start + width)
    if stop < len(text):
        space = text.rfind(" ", spans[best][1], stop)
        stop = space if space > 0 else stop
    inside = [(s, e) for s, e in spans if s >= start and e <= stop]
    prefix = "… " if start else ""
    suffix = " …" if stop < len(text) else ""
    piece = text[start:stop]
    # Offsets are kept through whitespace clean-up by replacing each run with one space
    # only where the run is a newline (paragraph breaks become " ¶ ").
    result, shifted, pos = [prefix], [], len(prefix)
    cursor = start
    for s, e in inside:
        chunk = piece[cursor - start : s - start].replace("\n\n", " ¶ ").replace("\n", " ")
        result.append(chunk)
        pos += len(chunk)
        word = text[s:e]
        result.append(word)
        shifted.append((pos, pos + len(word)))
        pos += len(word)
        cursor = e
    result.append(piece[cursor - start :].replace("\n\n", " ¶ ").replace("\n", " "))
    result.append(suffix)
    return "".join(result), shifted


@dataclass
class SearchResult:
    """What a search found.

    `total` is the exact number of matching articles, however many. `ranked_among` is
    None when every match was ranked; otherwise the results are the best of the
    `ranked_among` most recently archived matches.
    """

    total: int
    results: list[dict[str, Any]]
    unindexed: int
    ranked_among: int | None = None


# A query matching more articles than this is ranked among the most recently archived
# RANK_WINDOW of them (the highest ids): BM25 must score every row it ranks, ~0.7 µs
# each, and a common word matches most of a 100,000-article archive (docs/research.md).
RANK_WINDOW = 5_000
# A rank_window that never binds: every match ranked.
ALL = 2**62


def _date_index(conn: sqlite3.Connection) -> str:
    """Force the (id, published_at) index where the archive has it (schema 5 on); an older
    archive opened read-only is searched without it."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'idx_articles_id_published'"
    ).fetchone()
    return "INDEXED BY idx_articles_id_published" if found else ""


@dataclass(frozen=True)
class Match:
    """One search's FTS match and filters as SQL: what the count, window and rank steps run.

    `where` is over the FTS `table` and, when `filtered`, `articles a` joined to it.
    """

    table: str
    where: str
    params: dict[str, Any]
    filtered: bool

    @property
    def source(self) -> str:
        """The FROM clause: without filters, counting and the window need only the index."""
        if self.filtered:
            return f"{self.table} JOIN articles a ON a.id = {self.table}.rowid"
        return self.table

    def from_id(self, floor: int) -> Match:
        """The same match restricted to articles with id >= floor (the rank window)."""
        return Match(
            self.table,
            f"{self.where} AND {self.table}.rowid >= :floor",
            {**self.params, "floor": floor},
            self.filtered,
        )


def match_query(query: str, exact: bool = False, filters: ArticleFilters | None = None) -> Match:
    """The Match for what the user typed (SearchError if it is empty)."""
    table = EXACT_TABLE if exact else FTS_TABLE
    clauses, params = filter_clauses(filters)
    params["query"] = fts_query(query, exact=exact)
    return Match(table, " AND ".join([f"{table} MATCH :query", *clauses]), params, bool(clauses))


# Counting walks every match's rowid in the index (no article row is read without
# filters): ~0.1-0.3 µs a match, where ranking costs ~0.7 µs. The window walks at most
# `window` rows, newest first, and stops at the LIMIT.


def count_matches(conn: sqlite3.Connection, match: Match) -> int:
    """How many articles match: the exact number, however many."""
    sql = f"SELECT count(*) FROM {match.source} WHERE {match.where}"
    return conn.execute(sql, match.params).fetchone()[0]


# The count and the ranking each walk the matches (bm25 walks each phrase's matches once
# more, for its weight) in SQLite's C code, which runs without the GIL: with a connection
# of `open_readonly`, the count runs on its sibling in a thread while this one ranks.
_COUNTER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuyengiao-count")


def count_meanwhile(conn: sqlite3.Connection, match: Match) -> Future[int]:
    """`count_matches`, in a thread where `conn` has a sibling connection (else now)."""
    if isinstance(conn, ReadConnection):
        sibling = conn.sibling()
        prepare_connection(sibling)
        return _COUNTER.submit(count_matches, sibling, match)
    counted: Future[int] = Future()
    counted.set_result(count_matches(conn, match))
    return counted


def window_floor(conn: sqlite3.Connection, match: Match, window: int) -> int:
    """The lowest id among the `window` most recently archived (highest-id) matches."""
    sql = (
        f"SELECT min(id) FROM (SELECT {match.table}.rowid AS id FROM {match.source}"
        f" WHERE {match.where} ORDER BY {match.table}.rowid DESC LIMIT :window)"
    )
    return conn.execute(sql, {**match.params, "window": window}).fetchone()[0]


def rank_matches(conn: sqlite3.Connection, match: Match, limit: int) -> list[tuple[int, float]]:
    """The best `limit` matches as (id, bm25 score), best first; equal scores newest first.

    A negative `limit` ranks every match (SQLite's LIMIT -1).
    """
    ranked = _rank_in_index(conn, match, limit) if not match.filtered and limit > 0 else None
    return _rank_with_dates(conn, match, limit) if ranked is None else ranked


def _rank_in_index(
    conn: sqlite3.Connection, match: Match, limit: int
) -> list[tuple[int, float]] | None:
    """Without filters bm25 runs in the index alone (no join per match), and the dates only
    order the winners; None when the cut falls inside a tie, which the dates must decide."""
    table = match.table
    scored = conn.execute(
        f"SELECT rowid, bm25({table}, {_WEIGHTS_SQL}) AS score FROM {table}"
        f" WHERE {match.where} ORDER BY score LIMIT :n",
        {**match.params, "n": limit + 1},
    ).fetchall()
    if len(scored) > limit and scored[limit][1] == scored[limit - 1][1]:
        return None
    scores = {rowid: score for rowid, score in scored[:limit]}
    # Each winner's group is the place of the first of its equal scores.
    groups: list[list[int]] = []
    for i, (rowid, score) in enumerate(scored[:limit]):
        groups.append([rowid, groups[-1][1] if i and score == scored[i - 1][1] else i])
    order = conn.execute(
        "SELECT a.id FROM json_each(:top) j"
        " JOIN articles a ON a.id = json_extract(j.value, '$[0]')"
        " ORDER BY json_extract(j.value, '$[1]'), a.published_at DESC, a.id DESC",
        {"top": json.dumps(groups)},
    )
    return [(rowid, scores[rowid]) for (rowid,) in order]


def _rank_with_dates(conn: sqlite3.Connection, match: Match, limit: int) -> list[tuple[int, float]]:
    """Every match scored with its date at hand, so a tie at the cut goes to the newest."""
    table = match.table
    rows = conn.execute(
        f"SELECT {table}.rowid AS id, bm25({table}, {_WEIGHTS_SQL}) AS score"
        f" FROM {table} JOIN articles a {_date_index(conn)} ON a.id = {table}.rowid"
        f" WHERE {match.where}"
        f" ORDER BY score, a.published_at DESC, {table}.rowid DESC LIMIT :limit",
        {**match.params, "limit": limit},
    )
    return [(rowid, score) for rowid, score in rows]


def load_articles(conn: sqlite3.Connection, ids: list[int]) -> list[dict[str, Any]]:
    """The fields a result shows, for `ids` in that order (ids no longer archived left out).

    Read after ranking, for the winners only: SQLite would otherwise carry every match's
    body through the sort.
    """
    cursor = conn.execute(
        """
        SELECT a.id, a.url, a.title, a.lead, a.body_text, a.published_at, a.category,
               (SELECT json_group_array(au.name) FROM article_authors aa
                JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id)
                AS authors,
               (SELECT json_group_array(DISTINCT d.key) FROM article_documents ad
                JOIN documents d ON d.id = ad.document_id WHERE ad.article_id = a.id)
                AS documents
        FROM json_each(:ids) j JOIN articles a ON a.id = j.value
        ORDER BY j.key
        """,
        {"ids": json.dumps(ids)},
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def result_with_snippet(
    rank: int,
    row: dict[str, Any],
    score: float,
    terms: list[tuple[tuple[str, ...], bool]],
    exact: bool,
) -> dict[str, Any]:
    """One result: the article's fields, its title highlights and a snippet of the body
    around the most matches (of the lead when the body has none, or no body)."""
    title_spans = find_spans(row["title"] or "", terms, exact)
    field, spans = "body_text", find_spans(row["body_text"] or "", terms, exact)
    if not spans:
        lead_spans = find_spans(row["lead"] or "", terms, exact)
        if lead_spans or not row["body_text"]:
            field, spans = "lead", lead_spans
    snippet, snippet_spans = make_snippet(row[field] or "", spans)
    return {
        "rank": rank,
        "id": row["id"],
        "published_at": row["published_at"],
        "category": row["category"],
        "title": row["title"],
        "url": row["url"],
        "authors": json.loads(row["authors"] or "[]"),
        "documents": json.loads(row["documents"] or "[]"),
        "score": float(f"{-score:.6g}"),
        "snippet": mark(snippet, snippet_spans),
        "title_spans": title_spans,
        "snippet_spans": snippet_spans,
        "snippet_text": snippet,
    }


def unindexed_count(conn: sqlite3.Connection) -> int:
    """Articles not in the search index yet (e.g. an archive migrated but not reindexed)."""
    unindexed = conn.execute(
        # One docsize row per indexed article: counting it is a small b-tree walk, where
        # count(*) on the FTS table reads every indexed text (15 ms per 5,000 articles).
        f"SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM {EXACT_TABLE}_docsize)"
    ).fetchone()[0]
    return max(0, unindexed)


@contextmanager
def _query_errors(query: str) -> Iterator[None]:
    """FTS5's complaints about the query as a SearchError the user can act on."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if "fts5" in message or "unterminated string" in message or "no such column" in message:
            raise SearchError(
                f"cannot search for {query!r}: {message.removeprefix('fts5: ')}"
                ' (quote phrases with "...", put words around AND/OR/NOT)'
            ) from None
        raise


def search_articles(
    conn: sqlite3.Connection,
    query: str,
    *,
    exact: bool = False,
    filters: ArticleFilters | None = None,
    limit: int = 20,
    rank_window: int | None = None,
) -> SearchResult:
    """Ranked articles matching `query` (best first) with highlighted snippets, and the
    exact number of matches.

    Up to `rank_window` matches the ranking is exact BM25 over all of them; a broader
    query is ranked among its `rank_window` most recently archived matches (see
    SearchResult; default RANK_WINDOW). The steps: match_query, count_matches,
    window_floor, rank_matches, load_articles, result_with_snippet.
    """
    rank_window = RANK_WINDOW if rank_window is None else rank_window
    if not index_ready(conn):
        raise SearchError(
            "this archive has no search index yet; run `tuyengiao reindex --db PATH` once"
        )
    prepare_connection(conn)
    match = match_query(query, exact, filters)
    with _query_errors(query):
        counting = count_meanwhile(conn, match)
        try:
            # The floor of the newest `rank_window` matches is the lowest match when there
            # are no more, so ranking above it is right whatever the count turns out to be.
            floor = window_floor(conn, match, rank_window) or 0
            ranked = rank_matches(conn, match.from_id(floor), limit)
            rows = load_articles(conn, [rowid for rowid, _ in ranked])
        except BaseException:
            wait([counting])  # the caller may close the connections next: not under it
            raise
        counted = counting.result()
        windowed = counted > rank_window
    scores = dict(ranked)
    terms = query_terms(query, exact)
    return SearchResult(
        total=counted,
        results=[
            result_with_snippet(rank, row, scores[row["id"]], terms, exact)
            for rank, row in enumerate(rows, 1)
        ],
        unindexed=unindexed_count(conn),
        ranked_among=rank_window if windowed else None,
    )
