"""A resume after a kill follows the links of the articles the killed run archived, read
from their WARC records (issue 13): the killed run had queued those links, and a SIGKILL
loses Scrapy's queue. An article reached only from another article is not lost."""

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from testkit import rows

from tuyengiao_crawler.demo_site.serving import BackgroundSite, Request, Response, SiteHTTPServer

ROOT = Path(__file__).resolve().parents[2]
PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-03-0{n}T08:00:00+07:00"></head>
<body><header><a href="/">Trang chủ</a></header><main><article><h1>{title}</h1>
<div class="entry-content">{paragraphs}{more}</div></article></main></body></html>"""
PARAGRAPH = (
    "<p>Sáng {n}/3, Đảng ủy xã tổ chức hội nghị quán triệt, triển khai các văn bản mới của "
    "Trung ương, của Tỉnh ủy tới toàn thể cán bộ, đảng viên trong Đảng bộ xã năm 2024.</p>"
)
TITLES = {
    "/tin/a.html": "Hội nghị quán triệt văn bản mới của Trung ương",
    "/tin/c.html": "Chi bộ thôn tổ chức sinh hoạt chuyên đề",
}


class Pages:
    """Home links to article A only; A links to article C, which hangs until released."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def lookup(self, request: Request) -> Response | None:
        if request.path == "/":
            home = '<html><body><ul><li><a href="/tin/a.html">Bài A</a></li></ul></body></html>'
            return Response(home.encode())
        if request.path not in TITLES:
            return None
        if request.path == "/tin/c.html":
            self.release.wait(30)
        n = 1 if request.path == "/tin/a.html" else 2
        more = '<p>Xem thêm: <a href="/tin/c.html">Chi bộ thôn sinh hoạt</a></p>' if n == 1 else ""
        body = PAGE.format(
            title=TITLES[request.path], n=n, paragraphs=PARAGRAPH.format(n=n) * 4, more=more
        )
        return Response(body.encode())

    def not_found(self) -> Response:
        return Response(b"<html><body>404</body></html>", status=404)


class Site(BackgroundSite):
    def __init__(self) -> None:
        super().__init__()
        self.pages = Pages()

    def make_server(self, address):
        return SiteHTTPServer(address, self.pages)


def crawl(site, db, *extra):
    return [sys.executable, "-m", "tuyengiao_crawler", "crawl", "--start-url", site.url + "/",
            "--db", str(db), *extra]  # fmt: skip


def test_resume_follows_the_links_of_articles_the_killed_run_archived(tmp_path):
    db = tmp_path / "a.sqlite"
    with Site() as site:
        process = subprocess.Popen(crawl(site, db), cwd=ROOT, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        # Killed once A is archived and C, linked from A only, is being fetched.
        while time.monotonic() < deadline:
            asked = [path for _, _, path in site.log()]
            if "/tin/c.html" in asked and db.exists():
                try:
                    if rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 1:
                        break
                except Exception:  # the schema is still being made
                    pass
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        site.pages.release.set()
        before = len(site.log())
        resumed = subprocess.run(
            crawl(site, db, "--resume"), cwd=ROOT, capture_output=True, text=True
        )
        asked = [path for _, _, path in site.log()[before:]]
    assert resumed.returncode == 0, resumed.stderr
    assert sorted((r["title"]) for r in rows(db, "SELECT title FROM articles")) == sorted(
        TITLES.values()
    )
    assert "/tin/a.html" not in asked  # archived by the killed run: read from its WARC
    assert asked.count("/tin/c.html") == 1
