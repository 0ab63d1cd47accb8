"""The project deploys to a real Scrapyd on 127.0.0.1 and runs there."""

import configparser
import json
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from testkit import free_port

from tuyengiao_crawler.demo_site import load_manifest
from tuyengiao_crawler.demo_site.server import DemoSite

ROOT = Path(__file__).resolve().parent.parent


def call(base, endpoint, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", body, timeout=30) as response:
        return json.load(response)


def test_scrapy_cfg_deploy_target():
    config = configparser.ConfigParser()
    config.read(ROOT / "scrapy.cfg")
    assert config["settings"]["default"] == "tuyengiao_crawler.settings"
    assert config["deploy:local"]["url"] == "http://127.0.0.1:6800/"
    assert config["deploy:local"]["project"] == "tuyengiao_crawler"


def test_deploy_and_schedule_on_scrapyd(tmp_path):
    port = free_port()
    (tmp_path / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {tmp_path}/eggs\nlogs_dir = {tmp_path}/logs\ndbs_dir = {tmp_path}/dbs\n"
        "items_dir =\n",
        encoding="utf-8",
    )
    daemon = subprocess.Popen(
        [sys.executable, "-m", "scrapyd"], cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                assert call(base, "daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                time.sleep(0.1)
        egg = tmp_path / "project.egg"
        # the same build `scrapyd-deploy local` does, sent to this test's port
        built = subprocess.run(
            [sys.executable, "-m", "scrapyd_client.deploy", "local", "-p", "tuyengiao_crawler",
             "--build-egg", str(egg)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        (ROOT / "setup.py").unlink(missing_ok=True)
        assert built.returncode == 0, built.stderr
        boundary = "tuyengiao"
        payload = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="project"\r\n\r\ntuyengiao_crawler\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n1\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="project.egg"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + egg.read_bytes()
            + f"\r\n--{boundary}--\r\n".encode()
        )
        request = urllib.request.Request(
            f"{base}/addversion.json", data=payload,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=60) as response:
            added = json.load(response)
        assert added["status"] == "ok", added
        assert added["spiders"] == 1
        assert call(base, "listspiders.json?project=tuyengiao_crawler")["spiders"] == ["archive"]

        db = tmp_path / "scrapyd.sqlite"
        with DemoSite(port=0) as site:
            job = call(base, "schedule.json", [
                ("project", "tuyengiao_crawler"), ("spider", "archive"),
                ("start_url", site.url + "/"), ("site", "demo"),
                ("setting", f"TUYENGIAO_DB={db}"), ("setting", "DOWNLOAD_DELAY=0"),
                ("setting", "AUTOTHROTTLE_ENABLED=0"), ("setting", "CONCURRENT_REQUESTS_PER_DOMAIN=16"),
            ])  # fmt: skip
            for _ in range(600):
                jobs = call(base, "listjobs.json?project=tuyengiao_crawler")
                if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                    break
                time.sleep(0.1)
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(
            load_manifest()["articles"]
        )
        assert conn.execute("SELECT status FROM crawl_runs").fetchall() == [("partial",)]
        conn.close()
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
