"""Under gunicorn with several workers, concurrent ingests and reads never fail or lose a write."""
import json
import threading
import time
import urllib.error
import urllib.request

import pytest

from api.db import connect
from tests.live import TOKEN, copy_db, start_gunicorn

WRITERS, READERS, SECONDS = 4, 4, 3.0


def call(url: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


@pytest.fixture
def server(corpus_db, tmp_path):
    path = copy_db(corpus_db, tmp_path / "live.db")
    process, base = start_gunicorn(path, "--workers", "2", "--threads", "4",
                                   env={"VERBATIM_WRITE_RATE_LIMIT": "100000/minute",
                                        "VERBATIM_SEARCH_RATE_LIMIT": "100000/minute",
                                        "VERBATIM_CHECK_RATE_LIMIT": "100000/minute"})
    yield base, path
    process.terminate()
    process.wait(timeout=10)


def test_concurrent_ingests_and_reads(server):
    base, path = server
    stop = time.monotonic() + SECONDS
    statuses: list[int] = []
    written: list[str] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        i = 0
        while time.monotonic() < stop:
            text = f"Story {n}-{i}\n\n“We are writer {n} and this is story {i},” said Jo Park."
            status, body = call(f"{base}/v1/sources", {"text": text, "outlet": f"Outlet {n}",
                                                       "published": "2024-01-02"})
            with lock:
                statuses.append(status)
                if status == 201:
                    written.append(body["id"])
            i += 1

    def reader() -> None:
        while time.monotonic() < stop:
            for url in ("/v1/quotes?limit=50", "/v1/sources?limit=5", "/v1/speakers",
                        "/v1/quotes?q=story&facet=outlet", "/healthz"):
                status, _ = call(base + url)
                with lock:
                    statuses.append(status)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    threads += [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert written, "no write went through"
    assert sorted(set(statuses)) == [200, 201]
    conn = connect(path).conn
    stored = {row[0] for row in conn.execute("SELECT id FROM sources")}
    assert set(written) <= stored and len(stored) == 3 + len(written)
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 9 + len(written)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_bad_chunk_size_from_a_real_client_is_a_400_problem(server):
    import socket

    base, _ = server
    port = int(base.rsplit(":", 1)[1])
    request = (b"POST /v1/provenance/check HTTP/1.1\r\nHost: localhost\r\n"
               b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
               b"Connection: close\r\n\r\nZZZ\r\n{\"text\": \"x\"}\r\n0\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ")
    assert b"Content-Type: application/problem+json" in head
    assert json.loads(body)["detail"] == "The body could not be read: Invalid chunk size: b'ZZZ'."


def test_a_body_sent_too_slowly_is_cut_at_the_deadline_with_408(corpus_db, tmp_path):
    import socket

    path = copy_db(corpus_db, tmp_path / "slow.db")
    process, base = start_gunicorn(path, "--workers", "1", "--threads", "2",
                                   env={"VERBATIM_BODY_TIMEOUT_S": "1"})
    try:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"POST /v1/provenance/check HTTP/1.1\r\nHost: localhost\r\n"
                         b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te")
            began = time.monotonic()
            answer = sock.recv(65536)  # the client sends nothing more
            waited = time.monotonic() - began
        assert answer.startswith(b"HTTP/1.1 408 ") and b"application/problem+json" in answer
        assert waited < 5
        assert call(f"{base}/healthz")[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_rate_limits_are_counted_across_workers(corpus_db, tmp_path):
    path = copy_db(corpus_db, tmp_path / "limits.db")
    process, base = start_gunicorn(path, "--workers", "2", "--threads", "2",
                                   env={"VERBATIM_CHECK_RATE_LIMIT": "5/minute"})
    try:
        from concurrent.futures import ThreadPoolExecutor

        time.sleep(3)  # start_gunicorn waits for one worker; let the second boot too
        with ThreadPoolExecutor(8) as pool:  # at once, so that both workers answer some
            statuses = list(pool.map(
                lambda i: call(f"{base}/v1/provenance/check", {"text": f"fair deal {i}"})[0],
                range(24)))
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert sorted(statuses) == [200] * 5 + [429] * 19  # two workers, one count


def test_full_text_searches_are_rate_limited_and_other_lists_are_not(corpus_db, tmp_path):
    from api import create_app

    client = create_app({"DB": str(copy_db(corpus_db, tmp_path / "search.db")), "TESTING": True,
                         "SERVER_NAME": "api.test", "SEARCH_RATE_LIMIT": "2/minute"}).test_client()
    assert [client.get("/v1/quotes?q=deal").status_code for _ in range(3)] == [200, 200, 429]
    assert [client.get("/v1/quotes?limit=1").status_code for _ in range(3)] == [200, 200, 200]
