"""`tuyengiao profile-check PROFILE URL`: one page fetched from a local server, each field
as the profile reads it, the rule behind it, and what generic mode reads (issue 14)."""

import json

from click.testing import CliRunner

from tuyengiao_crawler.cli import cli
from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer

# A Drupal-style article page (not the demo site's markup).
ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Huyện ủy sơ kết 5 năm thực hiện Chỉ thị 05 | Cổng thông tin huyện</title>
<meta property="og:site_name" content="Cổng thông tin huyện"></head><body>
<header id="header"><a href="/" class="logo">Cổng thông tin huyện</a></header>
<div class="region-content"><article class="node node--type-article">
<h1 class="page-title"><span>Huyện ủy sơ kết 5 năm thực hiện Chỉ thị 05</span></h1>
<div class="node__meta"><span class="field--name-created">Thứ Hai, 15/05/2023 - 08:30</span></div>
<div class="field--name-body"><p>Sáng 15/5, Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện
Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư
tưởng, đạo đức, phong cách Hồ Chí Minh trên địa bàn huyện.</p>
<p>Hội nghị đã biểu dương các tập thể, cá nhân tiêu biểu, điển hình trong học tập và làm
theo Bác, đồng thời đề ra nhiệm vụ, giải pháp cho giai đoạn tiếp theo.</p>
<p>Các đại biểu thảo luận, đóng góp nhiều ý kiến thiết thực về việc đưa nội dung học tập
vào sinh hoạt chi bộ định kỳ hằng tháng.</p>
<p class="tac-gia"><strong>Lê Minh Tuấn</strong></p></div></article></div></body></html>"""
PROFILE = """name = "huyen"
[selectors]
article = "article.node--type-article"
title = "h1.page-title"
body = ".field--name-body"
byline = ".field--name-body p.tac-gia"
# Wrong on purpose: the page's date is in span.field--name-created.
published = ".submitted"
"""


class Pages:
    def lookup(self, request: Request) -> Response | None:
        return Response(ARTICLE.encode()) if request.path == "/tin/so-ket.html" else None

    def not_found(self) -> Response:
        return Response(b"<html><body>404</body></html>", status=404)


class Site(BackgroundSite):
    def make_server(self, address):
        return SiteHTTPServer(address, Pages())


def run(*args):
    return CliRunner().invoke(cli, ["profile-check", *args])


def test_each_field_with_its_rule_and_the_generic_reading(tmp_path):
    profile = tmp_path / "huyen.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    with Site() as site:
        result = run(str(profile), site.url + "/tin/so-ket.html", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert (found["kind"], found["generic_kind"]) == ("article", "article")
    assert found["misses"] == ["published"]
    fields = {f["field"]: f for f in found["fields"]}
    assert fields["title"]["rule"] == "selectors.title = 'h1.page-title'"
    assert fields["title"]["profile"] == "Huyện ủy sơ kết 5 năm thực hiện Chỉ thị 05"
    assert fields["authors"]["profile"] == "Lê Minh Tuấn (author)"
    # The wrong selector is named, and the value came from the generic fallback.
    assert fields["published"]["rule"] == (
        "generic fallback (selectors.published = '.submitted' matched nothing)"
    )
    assert fields["published"]["profile"] == (
        "2023-05-15T08:30+07:00 (from 'Thứ Hai, 15/05/2023 - 08:30')"
    )
    assert fields["lead"]["rule"] == "no selector"
    # The profile keeps the byline paragraph in the body (it has no body_exclude).
    assert ", 4 paragraphs: Sáng 15/5, Huyện ủy" in fields["body"]["profile"]
    assert fields["body"]["generic"].startswith("491 chars, 3 paragraphs: Sáng 15/5")
    assert fields["body"]["differs"] and not fields["title"]["differs"]


def test_text_output_and_bad_input(tmp_path):
    profile = tmp_path / "huyen.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    with Site() as site:
        shown = run(str(profile), site.url + "/tin/so-ket.html")
        missing = run(str(profile), site.url + "/tin/khong-co.html")
    assert shown.exit_code == 0, shown.output
    assert "the profile's selectors missed: published" in shown.output
    assert "  title  [selectors.title = 'h1.page-title']" in shown.output
    assert missing.exit_code == 1
    assert missing.output.strip().endswith("/tin/khong-co.html: HTTP 404")
    assert run(str(profile), "ftp://example/x").output.strip().splitlines()[-1] == (
        "Error: invalid URL 'ftp://example/x': expected http(s)://host/..."
    )
    assert "unknown profile" in run("khong-co-ho-so", "http://127.0.0.1:9/").output
    assert "Example: tuyengiao profile-check" in run("--help").output
