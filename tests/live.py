"""Test plumbing shared by the suites that need a private database copy or a real gunicorn."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable

from api.db import connect

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "alice-secret-token"


def copy_db(source: Path, target: Path) -> Path:
    """Copy a SQLite database consistently (VACUUM INTO) and return the copy's path."""
    db = connect(source)
    db.conn.execute("VACUUM INTO ?", [str(target)])
    db.close()
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(db_path: Path, *args: str, env: dict | None = None,
                   ready: Callable[[subprocess.Popen], bool] = lambda process: True,
                   ) -> tuple[subprocess.Popen, str]:
    """Serve wsgi:app on a free loopback port over db_path; return the process and base URL."""
    port = free_port()
    environ = {**os.environ, "VERBATIM_DB": str(db_path), "VERBATIM_TOKENS": f"alice:{TOKEN}",
               **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *args, "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                if response.status == 200 and ready(process):
                    return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("gunicorn did not start: " + process.stderr.read().decode()[-2000:])
