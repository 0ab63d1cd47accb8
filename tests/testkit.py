"""Small helpers several test modules share (importable: tests/ is on sys.path)."""

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (for "unreachable" and bind tests)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rows(db, sql, *params):
    """The query's rows as dicts, from a connection opened and closed for it."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def tuyengiao(*args, stdin=None, timeout=300):
    """The CLI in a fresh process (`python -m tuyengiao_crawler ARGS`), run from the repo."""
    return subprocess.run(
        [sys.executable, "-m", "tuyengiao_crawler", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        input=stdin,
    )


def warcio(*args, timeout=120):
    """warcio's own command line (check, index, extract) on our files."""
    return subprocess.run(
        [sys.executable, "-m", "warcio.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class Server:
    """A real server process (Datasette...) on 127.0.0.1:`port`, its output in `log`."""

    def __init__(self, command, port, log_path, env=None, ready="/-/versions.json", cwd=ROOT):
        import os
        import time
        import urllib.request

        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = Path(log_path)
        self._log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(
            command,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env={**os.environ, **(env or {})},
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.base + ready, timeout=5).close()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        "server did not start: " + self.log_path.read_text()
                    ) from None
                time.sleep(0.2)

    def get(self, path):
        """(status, body text) of a GET."""
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8")

    def json(self, path):
        import json

        status, body = self.get(path)
        assert status == 200, (path, status, body[:500])
        return json.loads(body)

    def post(self, path, fields):
        """The JSON answer to a form POST of `fields` (pairs: a name may repeat)."""
        import json
        import urllib.parse
        import urllib.request

        body = urllib.parse.urlencode(fields).encode()
        with urllib.request.urlopen(self.base + path, body, timeout=30) as response:
            return json.load(response)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def scrapyd(folder, **options):
    """A real Scrapyd on a free loopback port, its folders and log in `folder` (a Server)."""
    port = free_port()
    conf = {"bind_address": "127.0.0.1", "http_port": port, "eggs_dir": folder / "eggs",
            "logs_dir": folder / "logs", "dbs_dir": folder / "dbs", "items_dir": "", **options}  # fmt: skip
    text = "[scrapyd]\n" + "".join(f"{k} = {v}\n" for k, v in conf.items())
    (folder / "scrapyd.conf").write_text(text, encoding="utf-8")  # read from its cwd
    return Server([sys.executable, "-m", "scrapyd"], port, folder / "scrapyd.log",
                  ready="/daemonstatus.json", cwd=folder)  # fmt: skip


def deploy_project(server, folder):
    """This project deployed to `server` as `scrapyd-deploy local` does it: the egg built
    (under a lock: the build writes setup.py and build/ into the project, and tests may
    run in parallel), then sent to addversion.json. Returns Scrapyd's answer."""
    import fcntl
    import json
    import urllib.request

    egg = folder / "project.egg"
    with open(ROOT / "pyproject.toml", "rb") as lock:  # the project's own file as the lock
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            built = subprocess.run(
                [sys.executable, "-m", "scrapyd_client.deploy", "local", "-p",
                 "tuyengiao_crawler", "--build-egg", str(egg)],
                cwd=ROOT, capture_output=True, text=True, timeout=120,
            )  # fmt: skip
        finally:
            (ROOT / "setup.py").unlink(missing_ok=True)
    assert built.returncode == 0, built.stderr
    boundary = "tuyengiao"
    fields = {"project": "tuyengiao_crawler", "version": "1"}
    payload = (
        "".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
            for k, v in fields.items()
        ).encode()
        + (
            f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="project.egg"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + egg.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"{server.base}/addversion.json", data=payload,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)
