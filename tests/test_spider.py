"""How the archive spider walks a site, on the bundled demo site's saved pages."""

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from tuyengiao_crawler.demo_site import WWW_DIR
from tuyengiao_crawler.spiders.archive import ArchiveSpider


def page(path: str, url: str) -> HtmlResponse:
    body = (WWW_DIR / path).read_bytes()
    return HtmlResponse(url, body=body, encoding="utf-8", request=Request(url))


def test_spider_asks_for_each_url_once():
    """Links already requested (menus, pagers, related articles) give no new Request:
    the spider does not leave them for Scrapy's dupefilter to drop."""
    crawler = get_crawler(ArchiveSpider)
    spider = ArchiveSpider.from_crawler(crawler, start_url="http://127.0.0.1:8000/", site="demo")
    home = page("index.html", "http://127.0.0.1:8000/")
    category = page("btg/tin-hoat-dong/index.html", "http://127.0.0.1:8000/btg/tin-hoat-dong/")
    first = [r.url for r in spider.parse(home) if isinstance(r, Request)]
    assert "http://127.0.0.1:8000/btg/tin-hoat-dong/" in first
    assert len(first) == len(set(first))
    second = [r.url for r in spider.parse(category) if isinstance(r, Request)]
    assert second and not set(second) & set(first)  # the menu again: nothing repeated
    assert [r.url for r in spider.parse(home) if isinstance(r, Request)] == []


def test_a_link_past_the_depth_limit_can_still_be_reached_by_a_shorter_path():
    """Scrapy drops requests past DEPTH_LIMIT; the URL must stay reachable from a page
    nearer the start (deep chains of "related" links once hid 6 of 2,000 articles)."""
    crawler = get_crawler(ArchiveSpider, settings_dict={"DEPTH_LIMIT": 3})
    spider = ArchiveSpider.from_crawler(crawler, start_url="http://127.0.0.1:8000/", site="demo")
    deep = page("index.html", "http://127.0.0.1:8000/")
    deep.meta["depth"] = 3
    near = page("index.html", "http://127.0.0.1:8000/")
    near.meta["depth"] = 1
    dropped = {r.url for r in spider.parse(deep) if isinstance(r, Request)}
    assert "http://127.0.0.1:8000/btg/tin-hoat-dong/" in dropped
    assert {r.url for r in spider.parse(near) if isinstance(r, Request)} == dropped
    assert [r.url for r in spider.parse(near) if isinstance(r, Request)] == []


def test_start_urls_travel_as_a_list_and_a_comma_stays_in_its_url():
    """A comma is legal in a URL ("tin,123.html"): it never separates two."""
    urls = ["http://127.0.0.1:8000/tin-tuc/tin,123.html", "http://127.0.0.1:8000/a,b/"]
    spider = ArchiveSpider.from_crawler(get_crawler(ArchiveSpider), start_urls=urls)
    assert spider.start_urls == urls
    from_command_line = ArchiveSpider.from_crawler(
        get_crawler(ArchiveSpider), start_url=" ".join(urls)
    )
    assert from_command_line.start_urls == urls
