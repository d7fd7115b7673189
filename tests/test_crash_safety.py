"""kill -9 of the gunicorn worker in the middle of a large ingest leaves a sound database
holding either the whole source with all its quotes or none of it."""
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from api.extraction import extract_quotes
from api.store import ids
from tests.live import TOKEN, copy_db, start_gunicorn

NAMES = ["Anna Berg", "Omar Haddad", "Yael Cohen", "Li Wei", "Maria Costa", "Daniel Okafor"]
PUBLISHED = "2024-01-02"
QUOTES = 16_000  # about 1.7 MB, under the 2M-character cap; storing it takes ~1.5 s, so kills land inside the transaction


def big_article(quotes: int) -> str:
    rnd = random.Random(7)
    paragraphs = ["Port talks, day by day"]
    for i in range(quotes):
        paragraphs.append(f"“Point {i}: the harbour deal {rnd.randint(0, 10**6)} will hold,” said "
                          f"{NAMES[i % len(NAMES)]}. Officials met again to discuss the plan.")
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def article() -> tuple[str, str, int]:
    """The article, its source id and how many quotes extraction finds in it."""
    text = big_article(QUOTES)
    source_id = ids.source_id(hashlib.sha256(text.encode()).hexdigest())
    return text, source_id, len(extract_quotes(text, published=PUBLISHED))


def worker_pids(master: int) -> set[int]:
    """Return the pids of the gunicorn master's children (its workers)."""
    pids = set()
    for children in Path(f"/proc/{master}/task").glob("*/children"):
        pids |= {int(pid) for pid in children.read_text().split()}
    return pids


def start_server(db_path: Path) -> tuple[subprocess.Popen, str]:
    return start_gunicorn(db_path, "--workers", "1", "--threads", "2", "--timeout", "120",
                          ready=lambda process: bool(worker_pids(process.pid)))


def write_lock_held(db_path: Path) -> bool:
    """Return whether some connection holds SQLite's write lock (a write transaction is open)."""
    conn = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def post_in_background(url: str, text: str) -> dict:
    """POST the article from a thread; the dict gets its `status`, or `error` if cut off."""
    outcome: dict = {}
    body = json.dumps({"text": text, "outlet": "Crash Wire", "published": PUBLISHED}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})

    def send() -> None:
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                outcome["status"] = response.status
        except urllib.error.HTTPError as error:
            outcome["status"] = error.code
        except OSError as error:  # the worker died: connection reset or closed
            outcome["error"] = repr(error)

    outcome["thread"] = thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return outcome


def kill_workers_when(process, path: Path, outcome: dict, wait_for: str | None,
                      delay: float) -> None:
    """Wait for the write lock or the answer (or nothing), then `delay`, then kill -9."""
    deadline = time.monotonic() + 90
    while wait_for == "lock" and not write_lock_held(path):
        assert time.monotonic() < deadline and "status" not in outcome, outcome
        time.sleep(0.02)
    if wait_for == "answer":
        outcome["thread"].join(timeout=90)
        assert outcome.get("status") == 201, outcome
    time.sleep(delay)
    for pid in worker_pids(process.pid):
        os.kill(pid, signal.SIGKILL)
    outcome["thread"].join(timeout=30)
    if wait_for != "answer":
        assert "status" not in outcome, f"the ingest finished before the kill: {outcome}"


@pytest.mark.parametrize("wait_for, delay", [
    (None, 0.3),  # while the body is parsed and quotes extracted, before any write
    ("lock", 0.1),  # just after the write transaction began
    ("lock", 0.6),  # deep inside it: thousands of quote rows written, none committed
    ("answer", 0.0),  # after the commit: what was answered 201 must survive the kill
], ids=["before-transaction", "transaction-start", "transaction-middle", "after-commit"])
def test_kill_9_mid_ingest_leaves_all_or_nothing(corpus_db, tmp_path, article, wait_for, delay):
    text, source_id, expected_quotes = article
    path = copy_db(corpus_db, tmp_path / "crash.db")
    baseline = sqlite3.connect(path).execute("SELECT count(*) FROM quotes").fetchone()[0]
    process, base = start_server(path)
    try:
        outcome = post_in_background(f"{base}/v1/sources", text)
        kill_workers_when(process, path, outcome, wait_for, delay)
    finally:
        process.terminate()
        process.wait(timeout=30)

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')")
    stored = conn.execute("SELECT count(*) FROM sources WHERE id = ?", [source_id]).fetchone()[0]
    quotes = conn.execute("SELECT count(*) FROM quotes WHERE source_id = ?",
                          [source_id]).fetchone()[0]
    history = conn.execute("SELECT count(*) FROM quote_history WHERE quote_id IN "
                           "(SELECT id FROM quotes WHERE source_id = ?)", [source_id]).fetchone()[0]
    mapped = conn.execute("SELECT count(*) FROM sources_fts_map WHERE source_id = ?",
                          [source_id]).fetchone()[0]
    assert (stored, quotes, history, mapped) in [
        (0, 0, 0, 0), (1, expected_quotes, expected_quotes, 1)]
    assert stored == (wait_for == "answer")
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == baseline + quotes
