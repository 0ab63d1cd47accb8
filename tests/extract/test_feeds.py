"""Feeds and sitemaps read into the URLs they list (extract/feeds.py)."""

import gzip

from parsel import Selector

from tuyengiao_crawler.extract.feeds import feed_links, read_feed, robots_sitemaps

BASE = "http://127.0.0.1:8000/rss/tin-tuc.rss"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>
<!-- Cổng thông tin -->
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Tin tức</title><link>http://127.0.0.1:8000/</link>
<atom:link href="http://127.0.0.1:8000/rss/tin-tuc.rss" rel="self"/>
<item><title>Hội nghị báo cáo viên</title>
<link>http://127.0.0.1:8000/tin-tuc/hoi-nghi-a12.html</link>
<pubDate>Sat, 14 Mar 2020 09:40:00 +0700</pubDate></item>
<item><title>Tin tương đối</title><link> /tin-tuc/tuong-doi-a13.html </link></item>
<item><title>Lặp lại</title><link>http://127.0.0.1:8000/tin-tuc/hoi-nghi-a12.html</link></item>
</channel></rss>""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>All</title>
<link href="http://127.0.0.1:8000/" rel="alternate"/>
<entry><title>A</title><link rel="edit" href="/api/1"/>
<link href="/tin-tuc/a1.html"/><updated>2026-11-30T08:00:00+07:00</updated></entry>
<entry><title>B</title><link rel="alternate" type="text/html" href="/tin-tuc/b2.html"/>
<published>2026-11-29</published></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<item rdf:about="http://127.0.0.1:8000/x/1.html"><title>X</title><dc:date>2020-01-02</dc:date></item>
</rdf:RDF>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://127.0.0.1:8000/sitemaps/posts-1.xml</loc><lastmod>2026-11-30</lastmod></sitemap>
<sitemap><loc>http://127.0.0.1:8000/sitemaps/news.xml</loc></sitemap>
</sitemapindex>"""

NEWS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://127.0.0.1:8000/tin-tuc/a1.html</loc>
<news:news><news:publication><news:name>Cong</news:name><news:language>vi</news:language>
</news:publication><news:publication_date>2026-11-30T08:00:00+07:00</news:publication_date>
<news:title>A</news:title></news:news></url>
<url><loc>http://127.0.0.1:8000/gioi-thieu.html</loc><lastmod>2019-01-01</lastmod></url>
</urlset>"""


def test_rss_items_in_order_once_each_with_their_dates():
    feed = read_feed(RSS, BASE)
    assert feed.kind == "rss"
    assert feed.urls == [
        "http://127.0.0.1:8000/tin-tuc/hoi-nghi-a12.html",
        "http://127.0.0.1:8000/tin-tuc/tuong-doi-a13.html",
    ]
    assert feed.modified == {feed.urls[0]: "Sat, 14 Mar 2020 09:40:00 +0700"}


def test_atom_entries_name_their_alternate_link():
    feed = read_feed(ATOM, "http://127.0.0.1:8000/feeds/all.atom")
    assert feed.kind == "atom"
    assert feed.urls == [
        "http://127.0.0.1:8000/tin-tuc/a1.html",
        "http://127.0.0.1:8000/tin-tuc/b2.html",
    ]
    assert feed.modified["http://127.0.0.1:8000/tin-tuc/b2.html"] == "2026-11-29"


def test_rss_1_names_its_items_in_rdf_about():
    feed = read_feed(RDF, BASE)
    assert (feed.kind, feed.urls) == ("rss", ["http://127.0.0.1:8000/x/1.html"])
    assert feed.modified == {"http://127.0.0.1:8000/x/1.html": "2020-01-02"}


def test_sitemap_index_and_news_sitemap():
    index = read_feed(INDEX, "http://127.0.0.1:8000/sitemap.xml")
    assert index.kind == "sitemapindex"
    assert index.urls == [
        "http://127.0.0.1:8000/sitemaps/posts-1.xml",
        "http://127.0.0.1:8000/sitemaps/news.xml",
    ]
    news = read_feed(NEWS, "http://127.0.0.1:8000/sitemaps/news.xml")
    assert news.kind == "sitemap"
    assert news.modified == {
        "http://127.0.0.1:8000/tin-tuc/a1.html": "2026-11-30T08:00:00+07:00",
        "http://127.0.0.1:8000/gioi-thieu.html": "2019-01-01",
    }


def test_a_gzip_sitemap_file_is_read():
    feed = read_feed(gzip.compress(NEWS), "http://127.0.0.1:8000/sitemap.xml.gz")
    assert feed.kind == "sitemap" and len(feed.urls) == 2


def test_pages_and_other_xml_are_no_feed():
    html = b"<!DOCTYPE html><html><head><title>rss</title></head><body><rss></rss></body></html>"
    assert read_feed(html, BASE) is None
    assert (
        read_feed(b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', BASE) is None
    )
    assert read_feed(b"\x1f\x8bnot gzip at all", BASE) is None
    assert read_feed(b"", BASE) is None


def test_entities_are_not_expanded():
    """An entity in a feed (XXE, or a billion laughs) reaches no file and no memory."""
    xxe = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&e;</loc></url>
<url><loc>http://127.0.0.1:8000/ok.html</loc></url></urlset>"""
    feed = read_feed(xxe, BASE)
    assert feed.urls == ["http://127.0.0.1:8000/ok.html"]


def test_feeds_a_page_declares():
    page = Selector(
        text="""<html><head>
        <link rel="alternate" type="application/rss+xml" title="Tin tức" href="/rss/tin-tuc.rss">
        <link rel="Alternate" type="application/atom+xml" href="feeds/all.atom">
        <link rel="alternate" hreflang="en" href="/en/">
        <link rel="alternate" type="application/rss+xml" href="/rss/tin-tuc.rss">
        <link rel="stylesheet" href="/site.css"></head><body></body></html>"""
    )
    assert feed_links(page, "http://127.0.0.1:8000/chuyen-muc/") == [
        "http://127.0.0.1:8000/rss/tin-tuc.rss",
        "http://127.0.0.1:8000/chuyen-muc/feeds/all.atom",
    ]


def test_sitemaps_robots_txt_names():
    robots = (
        "User-agent: *\nDisallow: /api/\n"
        "Sitemap: http://127.0.0.1:8000/sitemap.xml\n"
        "sitemap:/sitemaps/news.xml  \n# Sitemap: http://127.0.0.1:8000/commented.xml\n"
    )
    assert robots_sitemaps(robots, "http://127.0.0.1:8000/robots.txt") == [
        "http://127.0.0.1:8000/sitemap.xml",
        "http://127.0.0.1:8000/sitemaps/news.xml",
    ]
