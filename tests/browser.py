"""A real browser for the page tests and the README's screenshots: Debian's headless Chromium,
driven by Selenium through Debian's chromedriver (nothing downloaded), and the app served on a
localhost port by a werkzeug server thread, on a database built from seeds/."""
from __future__ import annotations

import json
import tempfile
import threading
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import WSGIRequestHandler, make_server

from api import create_app
from api.store.seeds import build_database

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# As root, and on a closed network: no sandbox, and none of the background connections
# (updates, sync, field trials) Chromium would otherwise try and wait for.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars")
TOKEN = "browser-test-token"


def start_browser(profile_dir: Path, width: int = 1280, height: int = 800) -> webdriver.Chrome:
    """Start headless Chromium with a fresh profile and a window of the size given."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile_dir}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


def seeded_app(directory: Path):
    """Return the app on a fresh database built from seeds/, with one write token."""
    db_path = directory / "verbatim.db"
    build_database(db_path)
    return create_app({"DB": str(db_path), "TOKENS": f"tester:{TOKEN}",
                       "RATELIMIT_STORAGE_URI": "memory://"})


class QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:
        """Log no line per request: the tests and screenshots assert and print their own."""


@contextmanager
def serving(app):
    """Serve the app on a free localhost port in a thread; yield its root URL (no slash)."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


def post_json(url: str, body: dict) -> dict:
    """POST a JSON body with the write token; return the JSON answer."""
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def get(url: str):
    """GET a URL; return the answer (status, headers, body read)."""
    with urllib.request.urlopen(url) as answer:
        return answer.status, answer.headers, answer.read()


@contextmanager
def browser_session(width: int = 1280, height: int = 800):
    """Yield a started browser with a throw-away profile, quitting it afterwards."""
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        driver = start_browser(Path(profile), width, height)
        try:
            yield driver
        finally:
            driver.quit()
