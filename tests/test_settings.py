"""Polite defaults for real sites; relaxed only for servers on this machine."""

from scrapy.utils.test import get_crawler

from tuyengiao_crawler.runner import LOCAL_OVERRIDES, crawl_settings
from tuyengiao_crawler.spiders.archive import ArchiveSpider


def test_real_sites_get_polite_defaults(tmp_path):
    settings = crawl_settings(tmp_path / "a.sqlite")
    assert settings.getbool("ROBOTSTXT_OBEY") is True
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is True
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
    assert settings.getfloat("DOWNLOAD_DELAY") >= 1.0
    assert settings.get("USER_AGENT").startswith("tuyengiao-crawler/")
    assert settings.get("TUYENGIAO_DB") == str(tmp_path / "a.sqlite")
    assert "CLOSESPIDER_PAGECOUNT" not in settings or settings.getint("CLOSESPIDER_PAGECOUNT") == 0


def test_local_overrides_and_page_limit(tmp_path):
    settings = crawl_settings(tmp_path / "a.sqlite", local=True, max_pages=7)
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is False
    assert (
        settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        == LOCAL_OVERRIDES["CONCURRENT_REQUESTS_PER_DOMAIN"]
    )
    assert settings.getbool("ROBOTSTXT_OBEY") is True  # robots.txt is obeyed even locally
    assert settings.getint("CLOSESPIDER_PAGECOUNT") == 7


def test_spider_reads_arguments_and_contact(tmp_path):
    crawler = get_crawler(
        ArchiveSpider,
        settings_dict={
            "TUYENGIAO_CONTACT": "archivist@example.org",
            "USER_AGENT": "tuyengiao-crawler/0.1.0",
        },
    )
    spider = ArchiveSpider.from_crawler(
        crawler, start_url="http://127.0.0.1:8000/index.html?utm_source=x", site="demo"
    )
    assert spider.start_urls == ["http://127.0.0.1:8000/"]
    assert spider.profile_name == "demo"
    assert spider.user_agent == "tuyengiao-crawler/0.1.0 contact: archivist@example.org"
    assert "http://127.0.0.1:8000/btg/" in spider.scope
    assert "http://127.0.0.1:8001/btg/" not in spider.scope


def test_spider_without_profile_is_generic():
    crawler = get_crawler(
        ArchiveSpider, settings_dict={"TUYENGIAO_START_URLS": ["http://127.0.0.1:8000/"]}
    )
    spider = ArchiveSpider.from_crawler(crawler)
    assert spider.profile is None
    assert spider.profile_name == "generic"


def test_per_page_debug_messages_are_built_only_at_debug_level():
    from scrapy import Request
    from scrapy.http import HtmlResponse

    from tuyengiao_crawler.logformatter import ArchiveLogFormatter

    request = Request("http://127.0.0.1:8000/")
    response = HtmlResponse(request.url, body=b"<p>x</p>", request=request)
    spider = ArchiveSpider.from_crawler(get_crawler(ArchiveSpider), start_url=request.url)
    for level, shown in (("INFO", False), ("WARNING", False), ("DEBUG", True)):
        crawler = get_crawler(ArchiveSpider, settings_dict={"LOG_LEVEL": level})
        formatter = ArchiveLogFormatter.from_crawler(crawler)
        assert (formatter.crawled(request, response, spider) is not None) is shown
        assert (formatter.scraped({"url": "x"}, response, spider) is not None) is shown
    assert crawl_settings("a.sqlite").get("LOG_FORMATTER").endswith("ArchiveLogFormatter")


def _scrapy_crawl_settings(**cmdline):
    """Settings as `scrapy crawl archive` from the project root builds them: the project's
    module (scrapy.cfg), then -s NAME=VALUE."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("tuyengiao_crawler.settings", priority="project")
    settings.update(cmdline, priority="cmdline")
    return settings


def test_scrapy_crawl_of_this_machine_is_relaxed_like_the_cli(caplog):
    from scrapy.crawler import Crawler

    crawler = Crawler(ArchiveSpider, _scrapy_crawl_settings())
    ArchiveSpider.from_crawler(crawler, start_url="http://127.0.0.1:8000/")
    assert crawler.settings.getbool("AUTOTHROTTLE_ENABLED") is False
    assert crawler.settings.getfloat("DOWNLOAD_DELAY") == 0
    assert crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 16
    # it says where the archive goes when TUYENGIAO_DB was not given
    assert any(
        "archiving into " in r.getMessage()
        and "data/archive.sqlite (the default;" in r.getMessage()
        for r in caplog.records
    )
    # -s still wins; a real site stays polite
    crawler = Crawler(ArchiveSpider, _scrapy_crawl_settings(DOWNLOAD_DELAY=0.5))
    ArchiveSpider.from_crawler(crawler, start_url="http://127.0.0.1:8000/")
    assert crawler.settings.getfloat("DOWNLOAD_DELAY") == 0.5
    caplog.clear()
    crawler = Crawler(ArchiveSpider, _scrapy_crawl_settings(TUYENGIAO_DB="elsewhere.sqlite"))
    ArchiveSpider.from_crawler(crawler, start_url="https://example.org/")
    assert crawler.settings.getbool("AUTOTHROTTLE_ENABLED") is True
    assert crawler.settings.getfloat("DOWNLOAD_DELAY") >= 1.0
    assert not any("archiving into" in r.getMessage() for r in caplog.records)
