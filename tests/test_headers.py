"""Request ids, Cache-Control, gzip with per-encoding ETags, CORS for listed writers, CSV name."""
import gzip

import pytest

from api import create_app
from tests.conftest import TOKENS
from tests.live import copy_db

EXPOSED = ("ETag, Link, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, "
           "X-RateLimit-Reset, X-Request-Id")
GZIP = {"Accept-Encoding": "gzip"}


@pytest.mark.parametrize("given", ["abc-123", "a" * 200, "req 42/x:y"])
def test_a_printable_request_id_is_echoed(client, given):
    assert client.get("/healthz", headers={"X-Request-Id": given}).headers["X-Request-Id"] == given


@pytest.mark.parametrize("given", ["a" * 201, "tab\there", "é-accent", ""])
def test_an_unusable_request_id_is_replaced_by_a_generated_one(client, given):
    answered = client.get("/healthz", headers={"X-Request-Id": given}).headers["X-Request-Id"]
    assert answered != given and len(answered) == 32 and answered.isalnum()


@pytest.mark.parametrize("method, path, status", [
    ("get", "/nothing", 404), ("post", "/v1/outlets", 405), ("get", "/v1/quotes", 200),
    ("post", "/v1/sources", 403), ("options", "/v1/quotes", 200)])
def test_every_answer_carries_a_request_id(client, method, path, status):
    response = getattr(client, method)(path, headers={"X-Request-Id": "r1"})
    assert (response.status_code, response.headers["X-Request-Id"]) == (status, "r1")


def test_gets_are_cached_a_minute_then_revalidated_and_errors_and_writes_are_not(client):
    fresh = client.get("/v1/quotes?limit=2")
    assert fresh.headers["Cache-Control"] == "public, max-age=60, must-revalidate"
    again = client.get("/v1/quotes?limit=2", headers={"If-None-Match": fresh.headers["ETag"]})
    assert (again.status_code, again.headers["Cache-Control"]) == (
        304, "public, max-age=60, must-revalidate")
    assert "Cache-Control" not in client.get("/v1/quotes/q_000000000000").headers
    assert "Cache-Control" not in client.post("/v1/citations", json={"ids": []}).headers


def test_json_over_a_kilobyte_is_gzipped_with_its_own_etag(client):
    plain = client.get("/v1/quotes?limit=5")
    zipped = client.get("/v1/quotes?limit=5", headers=GZIP)
    assert len(plain.get_data()) > 1024 and "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert zipped.headers["Vary"] == "Accept, Accept-Encoding"
    assert zipped.headers["ETag"] == plain.headers["ETag"][:-1] + ':gzip"'
    assert client.get("/v1/quotes?limit=5", headers={
        **GZIP, "If-None-Match": zipped.headers["ETag"]}).status_code == 304
    assert client.get("/v1/quotes?limit=5", headers={
        "If-None-Match": zipped.headers["ETag"]}).status_code == 200
    assert client.get("/v1/quotes?limit=5", headers={
        "If-None-Match": plain.headers["ETag"]}).status_code == 304


def test_small_bodies_are_sent_as_they_are(client):
    response = client.get("/healthz", headers=GZIP)
    assert "Content-Encoding" not in response.headers
    assert response.headers["Vary"] == "Accept, Accept-Encoding"


def test_csv_is_gzipped_and_downloaded_as_a_file(client):
    plain = client.get("/v1/quotes?format=csv&limit=20")
    assert plain.headers["Content-Disposition"] == 'attachment; filename="quotes.csv"'
    zipped = client.get("/v1/quotes?format=csv&limit=20", headers=GZIP)
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.get_data()) == plain.get_data()


def test_cors_exposes_the_headers_a_client_reads_and_caches_preflights(client):
    read = client.get("/v1/quotes", headers={"Origin": "https://app.example"})
    assert read.headers["Access-Control-Expose-Headers"] == EXPOSED
    preflight = client.options("/v1/quotes", headers={
        "Origin": "https://app.example", "Access-Control-Request-Method": "GET"})
    assert preflight.headers["Access-Control-Max-Age"] == "600"


def test_limited_routes_carry_rate_limit_headers_and_no_retry_after(write_client):
    response = write_client.post("/v1/provenance/check", json={"text": "we have not seen progress"})
    assert response.headers["X-RateLimit-Limit"] == "600"
    assert response.headers["X-RateLimit-Remaining"] == "599"
    assert int(response.headers["X-RateLimit-Reset"]) > 0
    assert "Retry-After" not in response.headers


@pytest.fixture
def cors_client(corpus_db, tmp_path):
    path = copy_db(corpus_db, tmp_path / "writable.db")
    return create_app({"DB": str(path), "TESTING": True, "SERVER_NAME": "api.test",
                       "TOKENS": TOKENS,
                       "CORS_WRITE_ORIGINS": "https://editor.example, https://b.example/"}
                      ).test_client()


def _write_preflight(client, origin, method="POST", path="/v1/quotes"):
    return client.options(path, headers={
        "Origin": origin, "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "authorization, content-type"})


@pytest.mark.parametrize("origin", ["https://editor.example", "https://b.example"])
@pytest.mark.parametrize("method, path", [("POST", "/v1/quotes"), ("POST", "/v1/sources"),
                                          ("PATCH", "/v1/quotes/q_1"),
                                          ("DELETE", "/v1/quotes/q_1")])
def test_listed_origins_may_write_from_a_browser(cors_client, origin, method, path):
    headers = _write_preflight(cors_client, origin, method, path).headers
    assert headers["Access-Control-Allow-Origin"] == origin
    assert headers["Access-Control-Allow-Methods"] == "GET, HEAD, POST, PATCH, DELETE"
    assert headers["Access-Control-Allow-Headers"] == "Authorization, Content-Type, X-Request-Id"
    assert headers["Access-Control-Max-Age"] == "600"
    assert "Origin" in headers["Vary"]


def test_other_origins_and_the_default_setting_allow_no_writes(cors_client, client):
    for answer in (_write_preflight(cors_client, "https://evil.example"),
                   _write_preflight(client, "https://editor.example")):
        assert "POST" not in answer.headers.get("Access-Control-Allow-Methods", "")
        assert "Authorization" not in answer.headers.get("Access-Control-Allow-Headers", "")


def test_the_apps_own_log_lines_carry_the_request_id(tmp_path):
    import io
    import sqlite3

    path = tmp_path / "broken.db"
    client = create_app({"DB": str(path), "TESTING": True}).test_client()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE sources")  # a store the app no longer recognises: a logged 500
    conn.close()
    errors = io.StringIO()
    response = client.get("/v1/sources", headers={"X-Request-Id": "log-me-1"},
                          environ_overrides={"wsgi.errors": errors})
    assert (response.status_code, response.headers["X-Request-Id"]) == (500, "log-me-1")
    assert "ERROR in errors: request_id=log-me-1 database error\n" in errors.getvalue()
