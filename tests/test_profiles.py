import pytest

from tuyengiao_crawler.profiles import (
    ProfileError,
    bundled_profiles,
    load_profile,
    parse_profile,
    profile_for_host,
)


def test_bundled_demo_profile_loads():
    assert "demo" in bundled_profiles()
    profile = load_profile("demo")
    assert profile.name == "demo"
    assert profile.css("title") == "h1.article-title"
    assert profile.css("attachments") == ".attachments a, .article-content a[href$='.pdf']"
    assert "p.author" in profile.selectors["body_exclude"]


def test_profile_from_file_and_host_matching(tmp_path):
    path = tmp_path / "site.toml"
    path.write_text(
        'name = "nghean"\ndomains = ["nghean.dcs.vn"]\nstart_urls = ["https://nghean.dcs.vn/"]\n'
        '[selectors]\narticle = ".detail"\ntitle = "h1"\nbody = [".content", "#noidung"]\n',
        encoding="utf-8",
    )
    profile = load_profile(str(path))
    assert profile.css("body") == ".content, #noidung"
    assert profile.matches_host("btg.nghean.dcs.vn")
    assert not profile.matches_host("hatinh.dcs.vn")
    assert profile.start_urls == ("https://nghean.dcs.vn/",)
    assert profile_for_host("127.0.0.1") is None  # the demo profile is chosen explicitly


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"selectors": {"article": "a", "title": "h1", "body": "p"}}, "'name' is required"),
        ({"name": "x"}, "[selectors] table is required"),
        ({"name": "x", "selectors": {"article": "a", "title": "h1"}}, "selectors.body is required"),
        (
            {"name": "x", "selectors": {"article": "a", "title": "h1", "body": "p", "bodi": "p"}},
            "unknown selector(s) bodi",
        ),
        ({"name": "x", "selectors": {"article": "a", "title": "h1[", "body": "p"}}, "invalid CSS"),
        ({"name": "x", "colour": 1, "selectors": {}}, "unknown key(s) colour"),
        (
            {
                "name": "x",
                "start_urls": ["ftp://a"],
                "selectors": {"article": "a", "title": "h1", "body": "p"},
            },
            "not an http(s) URL",
        ),
        (
            {"name": "x", "selectors": {"article": "a", "title": 3, "body": "p"}},
            "selectors.title: expected a CSS selector",
        ),
    ],
)
def test_invalid_profiles_say_why(data, message):
    with pytest.raises(ProfileError, match=None) as info:
        parse_profile(data, "test.toml")
    assert message in str(info.value)
    assert str(info.value).startswith("test.toml: ")


def test_unknown_and_unreadable_profiles(tmp_path):
    with pytest.raises(ProfileError, match="unknown profile 'nowhere' \\(bundled: demo"):
        load_profile("nowhere")
    with pytest.raises(ProfileError, match="profile file not found"):
        load_profile(str(tmp_path / "missing.toml"))
    bad = tmp_path / "bad.toml"
    bad.write_text("name = ", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(str(bad))
