"""The crawler on the project's corpus of CMS-family portals (tests/cms_sites/): every
article found exactly once, nothing else archived, the WARC holding only URLs as linked.

Each site is served on 127.0.0.1 and crawled through the CLI with no profile, as a new
user would, from its home page.
"""

from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from cms_sites import families
from cms_sites.base import ServedCorpusSite
from testkit import rows, tuyengiao
from warcio.archiveiterator import ArchiveIterator

FAMILIES = families()
FOUND_VIA = {"start", "link", "pager", "postback", "feed", "sitemap"}


def warc_requests(folder: Path) -> list[tuple[str, str, bytes]]:
    """(method, WARC-Target-URI, body) of every request record."""
    found = []
    for path in sorted(folder.glob("*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "request":
                    method = record.http_headers.protocol  # "GET" of "GET /x HTTP/1.1"
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    found.append((method, uri, record.content_stream().read()))
    return found


def crawl(family: str, tmp_path: Path, site=None, runs: int = 1) -> dict:
    """Crawl a family's site `runs` times into one archive; what the last run did."""
    site = site or FAMILIES[family]()
    db = tmp_path / f"{family}.sqlite"
    with ServedCorpusSite(site) as served:
        for _ in range(runs):
            before = len(served.log())
            result = tuyengiao("crawl", "--start-url", served.url + site.start_path, "--db", db)
            assert result.returncode == 0, result.stdout + result.stderr
        log = served.log()[before:]
    return {
        "site": site,
        "base": served.url,
        "db": db,
        "archived": rows(db, "SELECT url, fetched_url, title, found_via FROM articles"),
        "requests": log,
        "warc": warc_requests(tmp_path / "warc"),
    }


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory):
    """One first crawl of each family, read by every test that only reads it."""
    done = {}

    def get(family: str) -> dict:
        if family not in done:
            done[family] = crawl(family, tmp_path_factory.mktemp(family))
        return done[family]

    return get


def test_the_corpus_holds_eight_families_or_more():
    assert len(FAMILIES) >= 8, sorted(FAMILIES)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_article_is_found_once_and_nothing_else_is_archived(family, first_crawl):
    run = first_crawl(family)
    site = run["site"]
    titles = Counter(a["title"] for a in run["archived"])
    missing = sorted(set(site.articles) - set(titles))
    false = sorted(set(titles) - set(site.articles))
    twice = sorted(t for t, n in titles.items() if n > 1)
    requests = len(run["requests"])
    print(
        f"\n{family}: {len(site.articles) - len(missing)}/{len(site.articles)} articles,"
        f" {sum(titles[t] for t in false)} false, {len(twice)} twice,"
        f" {requests} requests ({requests / max(1, len(site.articles)):.2f} per article),"
        f" found via {dict(Counter(a['found_via'] for a in run['archived']))}"
    )
    assert (missing, false, twice) == ([], [], [])
    assert {a["found_via"] for a in run["archived"]} <= FOUND_VIA


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_warc_records_only_urls_the_site_linked(family, first_crawl):
    run = first_crawl(family)
    site, base = run["site"], run["base"]
    allowed = site.linked | {site.start_path, "/robots.txt"}
    assert run["warc"], "no request records"
    strays = []
    for _method, uri, _body in run["warc"]:
        parts = urlsplit(uri)
        assert f"{parts.scheme}://{parts.netloc}" == base
        if parts.path + (f"?{parts.query}" if parts.query else "") not in allowed:
            strays.append(uri)
    assert strays == []
    # Every fetched article is named by the URL it was fetched from, as linked.
    for article in run["archived"]:
        fetched = urlsplit(article["fetched_url"])
        assert fetched.path + (f"?{fetched.query}" if fetched.query else "") in allowed


def test_postback_pages_are_posted_once_each_and_kept_in_the_warc_with_their_form(first_crawl):
    run = first_crawl("aspnet_webforms")
    posts = [
        (uri, parse_qs(body.decode())) for method, uri, body in run["warc"] if method == "POST"
    ]
    assert posts
    for _uri, form in posts:
        assert form["__VIEWSTATE"] and form["__EVENTTARGET"]
    events = [(uri, f["__EVENTTARGET"][0], f.get("__EVENTARGUMENT", [""])[0]) for uri, f in posts]
    assert len(events) == len(set(events))
    via = Counter(a["found_via"] for a in run["archived"])
    assert via["postback"] > 0, via  # the older articles are linked from postback pages only


def test_a_site_known_only_by_its_feeds_and_sitemaps_is_found_through_them(first_crawl):
    run = first_crawl("js_feeds")
    via = Counter(a["found_via"] for a in run["archived"])
    assert set(via) <= {"feed", "sitemap"} and via["sitemap"] > 0, via


def test_an_incremental_run_asks_for_no_archived_article_a_feed_or_sitemap_lists(tmp_path):
    """Nothing changed: the second run reads robots.txt, the feeds and sitemaps and the
    pages that are no articles, and asks for no archived article again (their dates in the
    feeds and sitemaps are older than the first run)."""
    run = crawl("js_feeds", tmp_path, runs=2)
    articles = {urlsplit(a["fetched_url"]).path for a in run["archived"]}
    asked = {urlsplit(path).path for _, _, path in run["requests"]}
    assert len(articles) == len(run["site"].articles)
    assert asked and not asked & articles
    last = rows(run["db"], "SELECT articles_new, mode FROM crawl_runs ORDER BY id DESC LIMIT 1")
    assert last == [{"articles_new": 0, "mode": "incremental"}]
