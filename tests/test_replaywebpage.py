"""The WACZ package opens in ReplayWeb.page (issue 15): Webrecorder's own replay app (the
`replaywebpage` npm package, unpacked by .ci/run into .replaywebpage/) is served on
127.0.0.1 beside a package of two nights' crawl of a styled portal, and driven in
Debian's Chromium: the article replays with its headline, and the home page's
stylesheet, @imported from a <style> block, colours its links."""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from requisite_site import ARTICLES, ServedPortal
from test_requisites import crawl as crawl_portal
from testkit import rows, tuyengiao

ROOT = Path(__file__).resolve().parent.parent
APP = Path(os.environ.get("TUYENGIAO_REPLAYWEBPAGE") or ROOT / ".replaywebpage" / "package")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
)
pytestmark = [
    pytest.mark.skipif(
        not (APP / "index.html").is_file(),
        reason=f"ReplayWeb.page not unpacked in {APP} (npm pack replaywebpage, as .ci/run does)",
    ),
    pytest.mark.skipif(
        not Path(CHROMIUM).is_file(), reason="chromium is not installed (apt-get install chromium)"
    ),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_the_wacz_opens_in_replaywebpage_with_its_pages_styled(tmp_path):
    db = tmp_path / "a.sqlite"
    with ServedPortal() as portal:
        crawl_portal(portal, db)
        portal.site.clear_caches()
        crawl_portal(portal, db)
        home = portal.url + "/"
    served = tmp_path / "www"
    shutil.copytree(APP, served)
    made = tuyengiao("wacz", "--db", db, served / "portal.wacz")
    assert made.returncode == 0, made.stdout + made.stderr
    article = rows(db, "SELECT fetched_url, title FROM articles ORDER BY id LIMIT 1")[0]
    assert article["title"] in ARTICLES.values()

    handler = functools.partial(_Quiet, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.request_queue_size = 1024
    threading.Thread(target=server.serve_forever, daemon=True).start()
    app = f"http://127.0.0.1:{server.server_address[1]}"
    failed = []
    try:
        with playwright.sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            )
            page = browser.new_page()
            page.on(
                "response",
                lambda r: (
                    failed.append((r.status, r.url))
                    if r.status >= 400 and "_/http" in r.url  # a replayed URL, not the app's
                    else None
                ),
            )
            page.goto(f"{app}/?source={app}/portal.wacz#view=pages&url={article['fetched_url']}")
            headline = page.frame_locator("iframe").first.locator("h1#page-title")
            headline.wait_for(timeout=60_000)
            assert headline.inner_text() == article["title"]
            page.goto(f"{app}/?source={app}/portal.wacz#view=pages&url={home}")
            link = page.frame_locator("iframe").first.locator(".views-row h2 a").first
            link.wait_for(timeout=60_000)
            # style.css, reached only through @import in a <style> block: replayed.
            color = link.evaluate("a => getComputedStyle(a).color")
            assert color == "rgb(179, 0, 0)"
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    # Nothing the pages load is missing from the package but what the site lacks itself.
    assert [url for _, url in failed if "/css/ie.css?" not in url] == []
