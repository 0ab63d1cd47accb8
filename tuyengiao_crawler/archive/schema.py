"""The archive's SQLite schema, created and migrated by the code.

`PRAGMA user_version` holds the schema version. Each migration runs once, in order, inside
a transaction; an archive written by a newer tool is refused rather than damaged.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from tuyengiao_crawler.archive.fts import folded_text

V1_INITIAL = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    site TEXT NOT NULL,
    category TEXT,
    title TEXT,
    lead TEXT,
    body_text TEXT,
    body_html TEXT,
    byline TEXT,
    published_at TEXT,
    updated_at TEXT,
    published_raw TEXT,
    published_source TEXT,
    updated_raw TEXT,
    updated_source TEXT,
    breadcrumb TEXT,
    extractor TEXT,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    content_sha256 TEXT
);
CREATE INDEX idx_articles_published_at ON articles(published_at);
CREATE INDEX idx_articles_site_category ON articles(site, category);

CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE
);
CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    author_id INTEGER NOT NULL REFERENCES authors(id),
    role TEXT NOT NULL CHECK (role IN ('author', 'organization')),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id, role)
);
CREATE INDEX idx_article_authors_author ON article_authors(author_id);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    canonical TEXT NOT NULL UNIQUE,
    kind TEXT,
    number INTEGER,
    year INTEGER,
    type_code TEXT,
    issuer_code TEXT,
    issued_on TEXT,
    issuer TEXT
);
CREATE TABLE article_documents (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    document_id INTEGER REFERENCES documents(id),
    field TEXT NOT NULL,
    surface TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT,
    number INTEGER,
    issued_on TEXT,
    issuer TEXT
);
CREATE INDEX idx_article_documents_article ON article_documents(article_id);
CREATE INDEX idx_article_documents_document ON article_documents(document_id);

CREATE TABLE images (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    caption TEXT,
    alt TEXT
);
CREATE INDEX idx_images_article ON images(article_id);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    title TEXT
);
CREATE INDEX idx_attachments_article ON attachments(article_id);
CREATE TABLE related_articles (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    title TEXT
);
CREATE INDEX idx_related_articles_article ON related_articles(article_id);

CREATE TABLE crawl_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    start_urls TEXT,
    profile TEXT,
    pages_fetched INTEGER NOT NULL DEFAULT 0,
    articles_new INTEGER NOT NULL DEFAULT 0,
    articles_updated INTEGER NOT NULL DEFAULT 0,
    articles_unchanged INTEGER NOT NULL DEFAULT 0,
    items_dropped INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    finish_reason TEXT
);
"""

# Archival fidelity: every fetch indexed (and tied to its WARC record), old versions kept,
# deletions marked, validators kept for conditional requests.
V2_ARCHIVAL = """
CREATE TABLE fetches (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES crawl_runs(id),
    url TEXT NOT NULL,
    method TEXT NOT NULL DEFAULT 'GET',
    status INTEGER,
    fetched_at TEXT NOT NULL,
    content_type TEXT,
    content_length INTEGER,
    payload_sha256 TEXT,
    etag TEXT,
    last_modified TEXT,
    warc_file TEXT,
    warc_offset INTEGER,
    warc_length INTEGER,
    error TEXT
);
CREATE INDEX idx_fetches_url ON fetches(url);
CREATE INDEX idx_fetches_run ON fetches(run_id);

CREATE TABLE article_versions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    content_sha256 TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    replaced_in_run INTEGER REFERENCES crawl_runs(id),
    fetch_id INTEGER REFERENCES fetches(id),
    title TEXT,
    lead TEXT,
    body_text TEXT,
    body_html TEXT,
    byline TEXT,
    category TEXT,
    published_at TEXT,
    updated_at TEXT,
    published_raw TEXT,
    updated_raw TEXT
);
CREATE INDEX idx_article_versions_article ON article_versions(article_id);

ALTER TABLE articles ADD COLUMN version_seen_at TEXT;
ALTER TABLE articles ADD COLUMN fetch_id INTEGER REFERENCES fetches(id);
ALTER TABLE articles ADD COLUMN etag TEXT;
ALTER TABLE articles ADD COLUMN last_modified TEXT;
ALTER TABLE articles ADD COLUMN gone_at TEXT;
ALTER TABLE articles ADD COLUMN gone_status INTEGER;

ALTER TABLE crawl_runs ADD COLUMN mode TEXT;
ALTER TABLE crawl_runs ADD COLUMN pid INTEGER;
ALTER TABLE crawl_runs ADD COLUMN not_modified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE crawl_runs ADD COLUMN articles_gone INTEGER NOT NULL DEFAULT 0;
"""

# Researcher interface: full-text search (filled by the code, see archive/fts.py: the
# folding happens in Python, so there are no triggers) and views that save joins.
V3_RESEARCH = """
CREATE VIRTUAL TABLE articles_fts_exact USING fts5(
    title, lead, body_text, content_sha256 UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, lead, body_text,
    content = '', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIEW article_details AS
SELECT
    a.id,
    a.url,
    a.site,
    a.category,
    a.title,
    a.lead,
    a.published_at,
    substr(a.published_at, 1, 7) AS published_month,
    a.updated_at,
    (SELECT json_group_array(name) FROM (
        SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
        WHERE aa.article_id = a.id AND aa.role = 'author' ORDER BY aa.position)) AS authors,
    (SELECT json_group_array(name) FROM (
        SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
        WHERE aa.article_id = a.id AND aa.role = 'organization' ORDER BY aa.position)) AS organizations,
    (SELECT json_group_array(canonical) FROM (
        SELECT d.canonical FROM article_documents ad JOIN documents d ON d.id = ad.document_id
        WHERE ad.article_id = a.id GROUP BY d.id ORDER BY min(ad.id))) AS documents,
    (SELECT json_group_array(kind) FROM (
        SELECT coalesce(d.kind, ad.kind) AS kind FROM article_documents ad
        LEFT JOIN documents d ON d.id = ad.document_id
        WHERE ad.article_id = a.id AND coalesce(d.kind, ad.kind) IS NOT NULL
        GROUP BY 1 ORDER BY min(ad.id))) AS document_kinds,
    (SELECT count(*) FROM article_documents ad WHERE ad.article_id = a.id) AS citations,
    (SELECT count(*) FROM images i WHERE i.article_id = a.id) AS images,
    (SELECT count(*) FROM article_versions v WHERE v.article_id = a.id) AS earlier_versions,
    a.byline,
    a.extractor,
    a.first_seen_at,
    a.last_seen_at,
    a.version_seen_at,
    a.gone_at,
    a.body_text
FROM articles a;

CREATE VIEW citations AS
SELECT
    ad.id,
    ad.article_id,
    a.published_at,
    substr(a.published_at, 1, 7) AS published_month,
    a.site,
    a.category,
    a.title AS article_title,
    a.url AS article_url,
    ad.document_id,
    d.canonical AS document,
    coalesce(d.kind, ad.kind) AS document_kind,
    coalesce(d.number, ad.number) AS number,
    d.year,
    d.type_code,
    d.issuer_code,
    coalesce(d.issued_on, ad.issued_on) AS issued_on,
    coalesce(d.issuer, ad.issuer) AS issuer,
    ad.field,
    ad.surface,
    ad.start,
    ad."end"
FROM article_documents ad
JOIN articles a ON a.id = ad.article_id
LEFT JOIN documents d ON d.id = ad.document_id;
"""

# Reliability: text that arrived broken is repaired or flagged, never stored silently.
V4_QUALITY = """
ALTER TABLE articles ADD COLUMN quality TEXT;
CREATE INDEX idx_articles_quality ON articles(quality) WHERE quality IS NOT NULL;
"""

# Search ranks every match and breaks ties by date: this index gives the date by id without
# reading past the article's (long) texts to the published_at column (3x faster ranking).
V5_SEARCH_ORDER = """
CREATE INDEX idx_articles_id_published ON articles(id, published_at);
"""

# Author keys read ɖ (U+0256) as đ, as they already read Ɖ, Ð and ð (normalize/text.py
# D_FIX): the keys that held a ɖ are rewritten, and an author whose new key is another
# author's (or another rewritten one's) is merged into that author, the lowest id.
V6_AUTHOR_KEYS = """
CREATE TEMP TABLE author_rekey AS
SELECT id, replace(key, 'ɖ', 'đ') AS new_key FROM authors WHERE instr(key, 'ɖ') > 0;
CREATE TEMP TABLE author_merge AS
SELECT r.id AS old_id, coalesce(
    (SELECT a.id FROM authors a WHERE a.key = r.new_key),
    (SELECT min(r2.id) FROM author_rekey r2 WHERE r2.new_key = r.new_key)) AS new_id
FROM author_rekey r;
DELETE FROM author_merge WHERE old_id = new_id;
UPDATE OR IGNORE article_authors
SET author_id = (SELECT new_id FROM author_merge WHERE old_id = author_id)
WHERE author_id IN (SELECT old_id FROM author_merge);
DELETE FROM article_authors WHERE author_id IN (SELECT old_id FROM author_merge);
DELETE FROM authors WHERE id IN (SELECT old_id FROM author_merge);
UPDATE authors SET key = replace(key, 'ɖ', 'đ') WHERE instr(key, 'ɖ') > 0;
DROP TABLE author_merge;
DROP TABLE author_rekey;
"""

# Fetched as linked (issue 12): the article row keeps the URL its current version was
# fetched from beside its canonical key, and how the crawl first reached it; the content
# fingerprint is indexed to find one article under links that differ only in their query.
V7_HOW_FOUND = """
ALTER TABLE articles ADD COLUMN fetched_url TEXT;
ALTER TABLE articles ADD COLUMN found_via TEXT;
UPDATE articles SET fetched_url = (SELECT f.url FROM fetches f WHERE f.id = articles.fetch_id);
CREATE INDEX idx_articles_content ON articles(content_sha256);
"""

# Traps (issue 13): what the crawl met of endless URL spaces, with examples (JSON).
V8_TRAPS = """
ALTER TABLE crawl_runs ADD COLUMN traps TEXT;
"""

# Extraction quality (issue 14): per site, the share of the run's new and updated articles
# with each field and their body lengths (JSON, see archive/coverage.py); status `degraded`.
V9_COVERAGE = """
ALTER TABLE crawl_runs ADD COLUMN coverage TEXT;
"""

# A 304 is written as a WARC revisit record of the capture it confirms: which one.
V10_REVISITS = """
ALTER TABLE fetches ADD COLUMN revisit_of INTEGER REFERENCES fetches(id);
"""

# Identical payloads under other URLs (a stylesheet behind "?v=2", one logo under two
# names) become revisits of the capture that holds the bytes: found by their digest.
V11_PAYLOAD_DIGESTS = """
CREATE INDEX idx_fetches_payload ON fetches(payload_sha256)
WHERE warc_file IS NOT NULL AND revisit_of IS NULL;
"""

# Named documents (issue 16): a document is one row however it is cited, by number or by
# name. `key` is the reference's document_key (its number form when known, else its named
# key), so `canonical` may now be NULL: the table is rebuilt (migrate() turns foreign keys
# off for it). `identified_by` says how the record was identified: number, registry,
# learned (an article wrote its name beside its number) or name-only. A citation keeps its
# own named key, how it was resolved, and why it has no numbered document (`reason`).
V12_NAMED_DOCUMENTS = """
DROP VIEW citations;
DROP VIEW article_details;
CREATE TABLE documents_v12 (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    canonical TEXT UNIQUE,
    named_key TEXT,
    title TEXT,
    identified_by TEXT NOT NULL DEFAULT 'number'
        CHECK (identified_by IN ('number', 'registry', 'learned', 'name-only')),
    kind TEXT,
    number INTEGER,
    year INTEGER,
    type_code TEXT,
    issuer_code TEXT,
    issued_on TEXT,
    issuer TEXT
);
INSERT INTO documents_v12
    (id, key, canonical, kind, number, year, type_code, issuer_code, issued_on, issuer)
SELECT id, canonical, canonical, kind, number, year, type_code, issuer_code, issued_on, issuer
FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v12 RENAME TO documents;
CREATE INDEX idx_documents_named_key ON documents(named_key);
CREATE INDEX idx_documents_kind_number ON documents(kind, number);
ALTER TABLE article_documents ADD COLUMN named_key TEXT;
ALTER TABLE article_documents ADD COLUMN identified_by TEXT;
ALTER TABLE article_documents ADD COLUMN reason TEXT;
UPDATE article_documents SET identified_by = 'number' WHERE document_id IS NOT NULL;
UPDATE article_documents SET reason = 'archived before named documents: reprocess to identify'
WHERE document_id IS NULL;
CREATE VIEW article_details AS
SELECT
    a.id,
    a.url,
    a.site,
    a.category,
    a.title,
    a.lead,
    a.published_at,
    substr(a.published_at, 1, 7) AS published_month,
    a.updated_at,
    (SELECT json_group_array(name) FROM (
        SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
        WHERE aa.article_id = a.id AND aa.role = 'author' ORDER BY aa.position)) AS authors,
    (SELECT json_group_array(name) FROM (
        SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
        WHERE aa.article_id = a.id AND aa.role = 'organization' ORDER BY aa.position)) AS organizations,
    (SELECT json_group_array(key) FROM (
        SELECT d.key FROM article_documents ad JOIN documents d ON d.id = ad.document_id
        WHERE ad.article_id = a.id GROUP BY d.id ORDER BY min(ad.id))) AS documents,
    (SELECT json_group_array(kind) FROM (
        SELECT coalesce(d.kind, ad.kind) AS kind FROM article_documents ad
        LEFT JOIN documents d ON d.id = ad.document_id
        WHERE ad.article_id = a.id AND coalesce(d.kind, ad.kind) IS NOT NULL
        GROUP BY 1 ORDER BY min(ad.id))) AS document_kinds,
    (SELECT count(*) FROM article_documents ad WHERE ad.article_id = a.id) AS citations,
    (SELECT count(*) FROM images i WHERE i.article_id = a.id) AS images,
    (SELECT count(*) FROM article_versions v WHERE v.article_id = a.id) AS earlier_versions,
    a.byline,
    a.extractor,
    a.first_seen_at,
    a.last_seen_at,
    a.version_seen_at,
    a.gone_at,
    a.body_text
FROM articles a;

CREATE VIEW citations AS
SELECT
    ad.id,
    ad.article_id,
    a.published_at,
    substr(a.published_at, 1, 7) AS published_month,
    a.site,
    a.category,
    a.title AS article_title,
    a.url AS article_url,
    ad.document_id,
    d.key AS document,
    d.canonical,
    coalesce(d.named_key, ad.named_key) AS named_key,
    d.title AS document_title,
    coalesce(d.kind, ad.kind) AS document_kind,
    coalesce(d.number, ad.number) AS number,
    d.year,
    d.type_code,
    d.issuer_code,
    coalesce(d.issued_on, ad.issued_on) AS issued_on,
    coalesce(d.issuer, ad.issuer) AS issuer,
    ad.identified_by,
    ad.reason,
    ad.field,
    ad.surface,
    ad.start,
    ad."end"
FROM article_documents ad
JOIN articles a ON a.id = ad.article_id
LEFT JOIN documents d ON d.id = ad.document_id;
"""

# A partial reference ("Chỉ thị 05") the article itself does not settle is identified by
# the one numbered document of that kind and number the site's full references name; so
# that this does not depend on the order articles arrive in (a crawl, a merge of shards),
# each such citation keeps what it is without the site (`fallback_*`) and is settled
# again whenever the site's full references of that number change. Citations archived
# before this are left as they were (`partial` NULL) until reprocessed.
V13_SETTLED_PARTIALS = """
ALTER TABLE article_documents ADD COLUMN partial INTEGER;
ALTER TABLE article_documents ADD COLUMN fallback_document_id INTEGER REFERENCES documents(id);
ALTER TABLE article_documents ADD COLUMN fallback_identified_by TEXT;
ALTER TABLE article_documents ADD COLUMN fallback_reason TEXT;
CREATE INDEX idx_article_documents_number ON article_documents(kind, number);
"""

# sqlite-utils and Datasette find a table's search index by `content="TABLE"` in its SQL:
# the accent-free index becomes an external-content table over `articles` (it still
# holds the đ-folded text fts.py writes, so its `rebuild` command must not be used).
V14_FTS_OVER_ARTICLES = """
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, lead, body_text,
    content="articles", content_rowid="id", tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (rowid, title, lead, body_text)
SELECT rowid, tg_folded_text(title), tg_folded_text(lead), tg_folded_text(body_text)
FROM articles_fts_exact;
"""

# The exact index keeps no copy of the text (a fifth of an archive's file, and of what a
# merge writes): it is contentless, and which version of each article it holds is kept
# in `articles_fts_indexed` (id, content_sha256). Removing an article's terms needs the
# text they came from, which is the article's row or the version it was replaced with
# (archive/fts.py). Both indexes keep what they held: the exact one is copied over.
V15_EXACT_INDEX_WITHOUT_COPY = """
CREATE TABLE articles_fts_indexed (
    id INTEGER PRIMARY KEY,
    content_sha256 TEXT
);
INSERT INTO articles_fts_indexed (id, content_sha256)
SELECT rowid, content_sha256 FROM articles_fts_exact;
CREATE VIRTUAL TABLE articles_fts_exact_v15 USING fts5(
    title, lead, body_text,
    content = '', tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO articles_fts_exact_v15 (rowid, title, lead, body_text)
SELECT rowid, title, lead, body_text FROM articles_fts_exact;
DROP TABLE articles_fts_exact;
ALTER TABLE articles_fts_exact_v15 RENAME TO articles_fts_exact;
"""

MIGRATIONS: list[str] = [
    V1_INITIAL,
    V2_ARCHIVAL,
    V3_RESEARCH,
    V4_QUALITY,
    V5_SEARCH_ORDER,
    V6_AUTHOR_KEYS,
    V7_HOW_FOUND,
    V8_TRAPS,
    V9_COVERAGE,
    V10_REVISITS,
    V11_PAYLOAD_DIGESTS,
    V12_NAMED_DOCUMENTS,
    V13_SETTLED_PARTIALS,
    V14_FTS_OVER_ARTICLES,
    V15_EXACT_INDEX_WITHOUT_COPY,
]
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """The file is not an archive this tool can open."""


def statements(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies keep their inner semicolons)."""
    result, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            result.append(buffer.strip())
            buffer = ""
    return result


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the schema to SCHEMA_VERSION; returns the version found before."""
    conn = db.conn
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise SchemaError(
            f"archive schema version {found} is newer than this tool supports "
            f"({SCHEMA_VERSION}); upgrade tuyengiao-crawler"
        )
    has_tables = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if found == 0 and has_tables:
        raise SchemaError("database has tables but is not a tuyengiao archive")
    # A migration may rebuild a table (SQLite's documented procedure): foreign keys are
    # off meanwhile, since dropping the old table would otherwise delete what refers to it.
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    if found < SCHEMA_VERSION and foreign_keys:
        conn.execute("PRAGMA foreign_keys = OFF")
    conn.create_function("tg_folded_text", 1, folded_text, deterministic=True)
    try:
        for version in range(found, SCHEMA_VERSION):
            with db.atomic():
                for statement in statements(MIGRATIONS[version]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
    finally:
        if found < SCHEMA_VERSION and foreign_keys:
            conn.execute("PRAGMA foreign_keys = ON")
    return found
