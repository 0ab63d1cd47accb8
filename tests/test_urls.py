import pytest

from tuyengiao_crawler.extract.urls import Scope, canonicalize_url, site_root


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8000/btg/a-1.html#binh-luan", "http://127.0.0.1:8000/btg/a-1.html"),
        (
            "http://127.0.0.1:8000/btg/a-1.html?utm_source=facebook&utm_medium=social",
            "http://127.0.0.1:8000/btg/a-1.html",
        ),
        (
            "http://127.0.0.1:8000/btg/a-1.html?sessionid=abc123",
            "http://127.0.0.1:8000/btg/a-1.html",
        ),
        ("HTTP://Example.VN:80/a//b/index.html", "http://example.vn/a/b/"),
        ("https://example.vn:443/", "https://example.vn/"),
        ("https://example.vn", "https://example.vn/"),
        ("http://example.vn/tin?page=2&cat=5&fbclid=x", "http://example.vn/tin?cat=5&page=2"),
        ("http://example.vn/a/./b/../c.html;jsessionid=12AB", "http://example.vn/a/c.html"),
        ("HTTP://0/./", "http://0/"),  # found by hypothesis: was "http://0//"
        ("http://example.vn/a/b/../", "http://example.vn/a/"),
        ("http://example.vn/tin tức.html", "http://example.vn/tin%20t%E1%BB%A9c.html"),
        ("http://example.vn/tin%20t%E1%BB%A9c.html", "http://example.vn/tin%20t%E1%BB%A9c.html"),
        ("http://example.vn/Default.aspx?ID=5", "http://example.vn/?ID=5"),
    ],
)
def test_canonicalize_url(url, expected):
    assert canonicalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Parameters sites route on stay in the identity key (issue 12).
        (
            "http://example.vn/tim-kiem?q=x&from=2020-01-01",
            "http://example.vn/tim-kiem?from=2020-01-01&q=x",
        ),
        ("http://example.vn/tin?id=7&ref=home", "http://example.vn/tin?id=7&ref=home"),
        ("http://example.vn/bai?share=1&id=7", "http://example.vn/bai?id=7&share=1"),
        (
            "http://example.vn/index.php?option=com_content&view=article&id=123&Itemid=5",
            "http://example.vn/?Itemid=5&id=123&option=com_content&view=article",
        ),
    ],
)
def test_routing_parameters_stay_in_the_key(url, expected):
    assert canonicalize_url(url) == expected


def test_canonicalize_is_idempotent():
    url = "http://Example.vn/a//index.html?b=2&a=1&utm_campaign=x#top"
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once == "http://example.vn/a/?a=1&b=2"


@pytest.mark.parametrize(
    ("host", "root"),
    [
        ("www.tuyengiao.vn", "tuyengiao.vn"),
        ("btg.nghean.dcs.vn", "nghean.dcs.vn"),  # dcs.vn hosts every province's portal
        ("nghean.gov.vn", "nghean.gov.vn"),  # gov.vn is a public suffix
        ("127.0.0.1", "127.0.0.1"),
        ("localhost", "localhost"),
    ],
)
def test_site_root(host, root):
    assert site_root(host) == root


def test_scope_keeps_subdomains_and_rejects_neighbours():
    scope = Scope(["https://nghean.dcs.vn/"])
    assert "https://btg.nghean.dcs.vn/tin/1.html" in scope
    assert "http://nghean.dcs.vn/x" in scope
    assert "https://hatinh.dcs.vn/" not in scope
    assert "https://evil-nghean.dcs.vn.example.com/" not in scope
    assert "mailto:a@nghean.dcs.vn" not in scope


def test_scope_on_loopback_is_per_port():
    scope = Scope(["http://127.0.0.1:8123/"])
    assert "http://127.0.0.1:8123/a.html" in scope
    assert "http://127.0.0.1:9999/a.html" not in scope
    assert "http://localhost:8123/a.html" not in scope


def test_scope_extra_domains():
    scope = Scope(["https://tuyengiao.vn/"], extra_domains=["baonghean.vn"])
    assert "https://www.baonghean.vn/a" in scope
