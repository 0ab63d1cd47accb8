"""The project deploys to a real Scrapyd on 127.0.0.1 and runs there."""

import configparser
import sqlite3
import time
from pathlib import Path

from testkit import deploy_project, scrapyd

from tuyengiao_crawler.demo_site import load_manifest
from tuyengiao_crawler.demo_site.server import DemoSite

ROOT = Path(__file__).resolve().parent.parent


def test_scrapy_cfg_deploy_target():
    config = configparser.ConfigParser()
    config.read(ROOT / "scrapy.cfg")
    assert config["settings"]["default"] == "tuyengiao_crawler.settings"
    assert config["deploy:local"]["url"] == "http://127.0.0.1:6800/"
    assert config["deploy:local"]["project"] == "tuyengiao_crawler"


def test_deploy_and_schedule_on_scrapyd(tmp_path):
    daemon = scrapyd(tmp_path)
    try:
        added = deploy_project(daemon, tmp_path)
        assert added["status"] == "ok", added
        assert added["spiders"] == 1
        assert daemon.json("/listspiders.json?project=tuyengiao_crawler")["spiders"] == ["archive"]

        db = tmp_path / "scrapyd.sqlite"
        with DemoSite(port=0) as site:
            job = daemon.post("/schedule.json", [
                ("project", "tuyengiao_crawler"), ("spider", "archive"),
                ("start_url", site.url + "/"), ("site", "demo"),
                ("setting", f"TUYENGIAO_DB={db}"), ("setting", "DOWNLOAD_DELAY=0"),
                ("setting", "AUTOTHROTTLE_ENABLED=0"), ("setting", "CONCURRENT_REQUESTS_PER_DOMAIN=16"),
            ])  # fmt: skip
            for _ in range(600):
                jobs = daemon.json("/listjobs.json?project=tuyengiao_crawler")
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
        daemon.stop()
