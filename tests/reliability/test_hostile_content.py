"""Hostile pages: stored body HTML is safe to show; links never lead out of scope; `serve`
listens on 127.0.0.1 unless told otherwise."""

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from parsel import Selector
from testkit import free_port

from tuyengiao_crawler.archive import Archive
from tuyengiao_crawler.extract.html import absolute, clean_body_html
from tuyengiao_crawler.extract.profile import extract_with_profile
from tuyengiao_crawler.profiles import load_profile

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8000/tin/bai.html"

HOSTILE = [
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<a href=" javascript:alert(1)">a</a>',
    '<a href="JaVaScRiPt:alert(1)">b</a>',
    '<a href="javascript&#58;alert(1)">c</a>',
    '<a href="javascript&colon;alert(1)">c2</a>',
    '<a href="jav&#x09;ascript:alert(1)">d</a>',
    '<a href="java\nscript:alert(1)">e</a>',
    '<a href="vbscript:msgbox(1)">f</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">g</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img src="x" onerror="alert(1)">',
    '<img src="/a.png" srcset="javascript:alert(1) 1x">',
    '<p style="width: expression(alert(1)); background:url(javascript:alert(1))">h</p>',
    "<style>p { x: expression(alert(1)) }</style>",
    '<iframe src="http://127.0.0.1:9/"></iframe><iframe srcdoc="<script>alert(1)</script>">',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">i</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="http://127.0.0.1:9/">',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">j</maction></math>',
    '<a href="#" onclick="alert(1)" onmouseover="alert(1)">k</a>',
    '<div onpointerenter="alert(1)" tabindex="1" autofocus onfocus="alert(1)">l</div>',
    "<!--[if IE]><script>alert(1)</script><![endif]--><p>m</p>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    "<xmp><img src=x onerror=alert(1)></xmp><noembed><img src=x onerror=alert(1)></noembed>",
    '<video poster="javascript:alert(1)"><source src="javascript:alert(1)"></video>',
    '<a href="http://127.0.0.1:8000/ok.html" target="_blank">an honest link</a>',
    '<table background="javascript:alert(1)"><tr><td>n</td></tr></table>',
    '<link rel="stylesheet" href="javascript:alert(1)"><template><script>alert(1)</script></template>',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    '<applet code="x.class"></applet><portal src="http://127.0.0.1:9/"></portal>',
]

EVENT_ATTR = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
BAD_TAG = re.compile(
    r"<\s*(script|style|iframe|object|embed|form|svg|math|meta|base|link|frame|frameset|applet|"
    r"portal|template|xmp|noembed|noscript|button)\b",
    re.IGNORECASE,
)
URL_ATTR = re.compile(r'\s(href|src)="([^"]*)"')


def assert_safe(markup):
    assert not BAD_TAG.search(markup), markup
    assert not EVENT_ATTR.search(markup), markup
    assert "style=" not in markup and "srcset" not in markup and "action=" not in markup
    assert "expression(" not in markup.lower() or "<p>" in markup
    for _, url in URL_ATTR.findall(markup):
        assert url.lower().startswith(("http://", "https://", "mailto:", "tel:")), markup
    # parsed again as a browser would, no element carries an event handler or script URL
    reparsed = Selector(text=f"<html><body>{markup}</body></html>")
    for node in reparsed.xpath("//*"):
        for name, value in node.attrib.items():
            assert not name.lower().startswith("on"), markup
            assert "javascript" not in value.lower().replace("\t", "").replace("\n", ""), markup


@pytest.mark.parametrize("snippet", HOSTILE)
def test_clean_body_html_keeps_nothing_hostile(snippet):
    sel = Selector(text=f'<div class="article-content"><p>Nội dung</p>{snippet}</div>')
    markup = clean_body_html(sel.css(".article-content")[0], BASE)
    assert_safe(markup)
    assert "Nội dung" in markup
    if "honest" in snippet:
        assert '<a href="http://127.0.0.1:8000/ok.html">an honest link</a>' in markup


def test_all_hostile_at_once_through_the_profile_extractor():
    page = (
        '<html><body><div class="article-detail"><h1 class="article-title">Tiêu đề</h1>'
        '<span class="article-date">15/03/2021</span><div class="article-content">'
        + "".join(HOSTILE)
        + "<p>Đoạn cuối</p></div></div></body></html>"
    )
    raw, _ = extract_with_profile(Selector(text=page), BASE, load_profile("demo"))
    assert_safe(raw.body_html)
    assert "alert" not in raw.body_text  # (lxml, like a browser, lets <frameset> end the body)


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        " JAVASCRIPT:x",
        "java\nscript:x",
        "data:x",
        "vbscript:x",
        "mailto:a@b",
    ],
)
def test_absolute_gives_only_web_urls(href):
    assert absolute(BASE, href) is None


def test_a_hostile_page_is_stored_safe(tmp_path):
    """What Datasette shows is what the archive holds: check the stored row."""
    sel = Selector(text="<div>" + "".join(HOSTILE) + "</div>")
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.save_article(
            {"url": BASE, "site": "127.0.0.1", "title": "t", "body_text": "x",
             "body_html": clean_body_html(sel.css("div")[0], BASE)}
        )  # fmt: skip
        stored = archive.conn.execute("SELECT body_html FROM articles").fetchone()[0]
    assert_safe(stored)


def listening_addresses(port):
    """Local addresses of listening TCP sockets on `port`, from /proc/net/tcp{,6}."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":  # LISTEN
                found.append(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_serve_binds_to_loopback_by_default(tmp_path):
    pytest.importorskip("datasette")
    db = tmp_path / "a.sqlite"
    Archive(db).close()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tuyengiao_crawler", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not listening_addresses(port):
            assert process.poll() is None, process.stderr.read()
            time.sleep(0.1)
        addresses = listening_addresses(port)
        assert addresses == ["0100007F"], addresses  # 127.0.0.1 only, no 0.0.0.0 or ::
    finally:
        process.terminate()
        process.wait(timeout=10)
