"""The archive browser in a real browser: Playwright for Python driving Debian's chromium
(installed by .ci/run; nothing is downloaded at run time) against `tuyengiao serve` on a
free loopback port. Every page must load without a console error.

Skipped, with the reason shown in pytest's summary, where chromium or Playwright is not
installed.
"""

import importlib.util
import shutil
import sys

import pytest
from testkit import Server, free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("datasette") is None, reason="needs datasette ([serve] extra)"
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="needs Playwright for Python ([test] extra)",
    ),
    pytest.mark.skipif(
        CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium; .ci/run)"
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from research_data import make_browsing_archive

    tmp = tmp_path_factory.mktemp("chromium")
    db = make_browsing_archive(tmp / "my archive.sqlite")
    port = free_port()
    server = Server(
        [sys.executable, "-m", "tuyengiao_crawler", "serve", "--db", str(db), "--port", str(port)],
        port,
        tmp / "serve.log",
    )
    yield server.base + "/my+archive"
    server.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and uncaught exceptions; the test fails if
    any were seen."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    yield page
    context.close()
    assert errors == []


def test_article_page_renders_its_body(page, site):
    response = page.goto(f"{site}/articles/1")
    assert response.status == 200
    assert page.inner_text("h1") == "Hội nghị Ban Tuyên giáo Tỉnh ủy"
    body = page.locator(".tg-body")
    assert body.locator("p").count() == 3
    assert body.locator("b").inner_text() == "Chỉ thị 05-CT/TW"
    text = body.inner_text()
    assert "<" not in text and ">" not in text
    assert "Giữ vững hoà bình, ổn định lâu dài." in text
    assert page.locator("img").count() == 0  # nothing fetched from the archived site
    # the earlier version opens to its diff
    page.locator("details.tg-version summary").click()
    assert page.locator(".tg-diff del").inner_text() == "Giữ vững hoà bình, ổn định."
    # the citation leads to the document page, which leads back
    page.get_by_role("link", name="05-CT/TW").first.click()
    page.wait_for_url("**/documents/1")
    assert page.inner_text("h1") == "Chỉ thị 05-CT/TW"
    page.get_by_role("link", name="Hội nghị Ban Tuyên giáo Tỉnh ủy").click()
    page.wait_for_url("**/articles/1")


def test_accent_free_search_in_the_search_box(page, site):
    page.goto(f"{site}/articles")
    page.fill("input#_search", "dang uy")
    page.locator("input#_search").press("Enter")
    page.wait_for_url("**_search=dang+uy**")
    titles = page.locator("td.col-title a").all_inner_texts()
    assert titles == ["Hội nghị Ban Tuyên giáo Tỉnh ủy"]
    # the long body is cut short, and the column descriptions are folded away
    assert page.locator("td.col-body_text").inner_text().startswith("Quán triệt")
    assert not page.locator("dl.column-descriptions").is_visible()
    assert not page.locator("details.tg-columns dl").is_visible()
    page.locator("details.tg-columns summary").click()
    assert page.locator("details.tg-columns dl").is_visible()


def test_chart_draws_marks(page, site):
    page.goto(f"{site}/-/charts")
    page.select_option("select[name=chart]", "articles")
    page.select_option("select[name=by]", "category")
    page.locator("input[type=submit]").click()
    page.wait_for_url("**by=category**")
    marks = page.locator("svg.tg-chart rect.mark")
    assert marks.count() == 3
    box = marks.first.bounding_box()
    assert box["height"] > 50 and box["width"] > 1
    assert "Tin hoạt động" in page.locator("svg.tg-chart").inner_html()
