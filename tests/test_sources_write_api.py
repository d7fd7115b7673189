"""POST /v1/sources: auth, validation, idempotent ingest, limits."""
import sqlite3

import pytest

from api import create_app
from api.db import connect
from api.extraction.model import ExtractedQuote, Speaker
from api.store.ingest import SourceInput, store_source

ARTICLE = {
    "text": "Mayor opens bridge\n\n“This bridge joins two halves of one city,” said Mayor Ana Lopez "
            "on Monday.\n\nTraffic is expected to double.",
    "outlet": "City Wire", "title": "Mayor opens bridge", "author": "Sam Reed",
    "url": "https://news.example/bridge", "published": "2024-04-10",
}


def test_post_source_stores_it_with_its_quotes(write_client, auth_headers):
    response = write_client.post("/v1/sources", json=ARTICLE, headers=auth_headers)
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == body["links"]["self"]
    assert (body["outlet"], body["title"], body["published"], body["text"]) == (
        "City Wire", "Mayor opens bridge", "2024-04-10", ARTICLE["text"])
    assert [(q["text"], q["speaker"]["name"], q["date"]) for q in body["quotes"]] == [
        ("This bridge joins two halves of one city,", "Ana Lopez", "2024-04-08")]
    quote = body["quotes"][0]
    history = write_client.get(f"/v1/quotes/{quote['id']}/history").get_json()
    assert [(h["action"], h["actor"]) for h in history["data"]] == [("create", "alice")]
    assert write_client.get("/healthz").get_json() == {"status": "ok", "quotes": 10, "sources": 4}


def test_same_text_again_returns_the_existing_source(write_client, auth_headers):
    first = write_client.post("/v1/sources", json=ARTICLE, headers=auth_headers)
    again = write_client.post("/v1/sources", json=ARTICLE, headers=auth_headers)
    assert again.status_code == 200
    assert again.get_json() == first.get_json()
    fewer = write_client.post("/v1/sources", json={"text": ARTICLE["text"], "outlet": "City Wire"},
                              headers=auth_headers)  # fields left out agree with what is stored
    assert fewer.status_code == 200
    assert write_client.get("/healthz").get_json()["sources"] == 4


def test_same_text_with_other_metadata_is_409_naming_the_stored_values(write_client, auth_headers):
    first = write_client.post("/v1/sources", json=ARTICLE, headers=auth_headers).get_json()
    other = write_client.post("/v1/sources", json={**ARTICLE, "outlet": "Other", "title": "Bridge"},
                              headers=auth_headers)
    assert other.status_code == 409 and other.content_type == "application/problem+json"
    body = other.get_json()
    assert body["errors"] == {"outlet": ["stored as 'City Wire'"], "title": ["stored as 'Mayor opens bridge'"]}
    assert (body["source_id"], body["stored"]["outlet"], body["stored"]["author"]) == (
        first["id"], "City Wire", "Sam Reed")
    assert write_client.get(f"/v1/sources/{first['id']}").get_json()["outlet"] == "City Wire"


@pytest.mark.parametrize("headers, status, challenge", [
    ({}, 401, 'Bearer realm="verbatim"'),
    ({"Authorization": "Basic YWxpY2U6eA=="}, 401, 'Bearer realm="verbatim"'),
    ({"Authorization": "Bearer wrong-token-123"}, 401,
     'Bearer realm="verbatim", error="invalid_token"'),
    ({"Authorization": "Bearer "}, 401, 'Bearer realm="verbatim"'),
])
def test_writes_need_a_valid_token(write_client, headers, status, challenge):
    response = write_client.post("/v1/sources", json=ARTICLE, headers=headers)
    assert response.status_code == status
    assert response.content_type == "application/problem+json"
    assert response.headers["WWW-Authenticate"].replace('"', "") == challenge.replace('"', "")
    assert write_client.get("/healthz").get_json()["sources"] == 3


def test_second_token_writes_under_its_own_name(write_client):
    response = write_client.post("/v1/sources", json=ARTICLE,
                                 headers={"Authorization": "Bearer bob-secret-token"})
    quote_id = response.get_json()["quotes"][0]["id"]
    history = write_client.get(f"/v1/quotes/{quote_id}/history").get_json()["data"]
    assert history[0]["actor"] == "bob"


def test_with_no_token_configured_writes_are_refused(corpus_db, tmp_path, auth_headers):
    client = create_app({"DB": str(tmp_path / "x.db"), "TOKENS": ""}).test_client()
    response = client.post("/v1/sources", json=ARTICLE, headers=auth_headers)
    assert response.status_code == 403
    assert response.get_json()["detail"] == "Writes are disabled: no tokens are configured on this server."


@pytest.mark.parametrize("change, field", [
    ({"text": ""}, "text"), ({"text": None}, "text"), ({"outlet": ""}, "outlet"),
    ({"url": "ftp://x.example/a"}, "url"), ({"url": "not a url"}, "url"),
    ({"published": "2024-13-01"}, "published"), ({"published": "last week"}, "published"),
    ({"colour": "red"}, "colour"), ({"text": 42}, "text"),
])
def test_invalid_articles_are_400_naming_the_field(write_client, auth_headers, change, field):
    response = write_client.post("/v1/sources", json={**ARTICLE, **change}, headers=auth_headers)
    assert response.status_code == 400
    assert field in response.get_json()["errors"]


def test_bodies_must_be_json_and_not_too_large(write_client, auth_headers):
    assert write_client.post("/v1/sources", data="text=hi", headers=auth_headers,
                             content_type="application/x-www-form-urlencoded").status_code == 415
    bad_json = write_client.post("/v1/sources", data="{", headers=auth_headers,
                                 content_type="application/json")
    assert bad_json.status_code == 400 and bad_json.get_json()["detail"].startswith(
        "The body is not valid JSON")
    deep = write_client.post("/v1/sources", data="[" * 200_000 + "]" * 200_000,
                             headers=auth_headers, content_type="application/json")
    assert deep.status_code == 400
    huge = write_client.post("/v1/sources", json={**ARTICLE, "text": "x" * (11 * 1024 * 1024)},
                             headers=auth_headers)
    assert huge.status_code == 413 and huge.content_type == "application/problem+json"
    assert write_client.get("/healthz").get_json()["sources"] == 3


def test_write_rate_limit_answers_429_with_retry_after(corpus_db, tmp_path, auth_headers):
    from tests.conftest import TOKENS

    client = create_app({"DB": str(tmp_path / "rl.db"), "TOKENS": TOKENS,
                         "WRITE_RATE_LIMIT": "2/minute"}).test_client()
    answers = [client.post("/v1/sources", json={**ARTICLE, "text": f"Article {i}."},
                           headers=auth_headers) for i in range(3)]
    assert [a.status_code for a in answers] == [201, 201, 429]
    assert "Retry-After" not in answers[0].headers  # only a 429 or a 503 says when to retry
    limited = client.post("/v1/sources", json=ARTICLE, headers=auth_headers)
    assert limited.content_type == "application/problem+json"
    assert 0 < int(limited.headers["Retry-After"]) <= 60
    assert client.get("/v1/quotes").status_code == 200  # reads are not limited


@pytest.mark.parametrize(("method", "path"), [("POST", "/v1/sources"), ("POST", "/v1/quotes"),
                                              ("PATCH", "/v1/quotes/q_x"),
                                              ("DELETE", "/v1/quotes/q_x")])
def test_a_write_without_credentials_is_401_even_past_the_limit(tmp_path, auth_headers, method,
                                                                 path):
    from tests.conftest import TOKENS

    client = create_app({"DB": str(tmp_path / "rl.db"), "TOKENS": TOKENS,
                         "WRITE_RATE_LIMIT": "1/minute"}).test_client()
    client.post("/v1/sources", json=ARTICLE, headers=auth_headers)  # the one write allowed
    assert client.open(path, method=method, json={}, headers=auth_headers).status_code == 429
    anonymous = client.open(path, method=method, json={})
    assert (anonymous.status_code, anonymous.get_json()["code"]) == (401, "unauthorized")


def test_a_write_that_fails_halfway_leaves_nothing(tmp_path):
    path = tmp_path / "half.db"
    create_app({"DB": str(path)})  # creates the schema
    db = connect(path)
    good = ExtractedQuote(0, 5, "Hello", "full", Speaker("Ann Lee", "person"))
    bad = ExtractedQuote(6, 11, "world", "rumour", Speaker("Bob Ray", "person"))  # violates CHECK
    with pytest.raises(sqlite3.IntegrityError):
        store_source(db, SourceInput(text="Hello world", outlet="X"), [good, bad], actor="alice")
    conn = sqlite3.connect(path)
    for table in ("sources", "quotes", "speakers", "speaker_aliases", "quote_history"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table


def test_a_generic_description_is_one_articles_speaker_and_roles_differing_in_case_are_one(tmp_path):
    path = tmp_path / "speakers.db"
    create_app({"DB": str(path)})
    db = connect(path)
    union = Speaker("union", "organization", None, "the union")
    one = "Pay talks failed, the union said."
    two = "The offer was rejected, the union said."
    store_source(db, SourceInput(text=one, outlet="X"), [ExtractedQuote(0, 16, one[:16], "indirect", union)])
    store_source(db, SourceInput(text=two, outlet="X"), [ExtractedQuote(0, 22, two[:22], "indirect", union)])
    mayor = "Ana Lopez"
    store_source(db, SourceInput(text="Mayor text one.", outlet="X"),
                 [ExtractedQuote(0, 5, "Mayor", "full", Speaker(mayor, "person", "Mayor"))])
    store_source(db, SourceInput(text="mayor text two.", outlet="X"),
                 [ExtractedQuote(0, 5, "mayor", "full", Speaker(mayor, "person", "mayor"))])
    conn = sqlite3.connect(path)
    unions = conn.execute("SELECT id FROM speakers WHERE name = 'union' ORDER BY id").fetchall()
    assert len(unions) == 2 and all(sid.startswith("union-") for (sid,) in unions)
    assert conn.execute("SELECT roles FROM speakers WHERE id = 'ana-lopez'").fetchone() == ('["Mayor"]',)


def test_a_write_that_waits_too_long_for_another_is_503_with_retry_after(corpus_db, tmp_path, auth_headers):
    from tests.live import copy_db
    path = copy_db(corpus_db, tmp_path / "busy.db")
    client = create_app({"DB": str(path), "TESTING": True, "SERVER_NAME": "api.test",
                         "TOKENS": "alice:alice-secret-token", "BUSY_TIMEOUT_MS": 100}).test_client()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        response = client.post("/v1/sources", json=ARTICLE, headers=auth_headers)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert response.status_code == 503 and response.content_type == "application/problem+json"
    assert response.headers["Retry-After"] == "2"
    assert client.get("/healthz").get_json()["sources"] == 3
    assert client.post("/v1/sources", json=ARTICLE, headers=auth_headers).status_code == 201


# 25,000 quotations of one letter: 50,001 marks with the last one, one over the cap.
OVER_THE_CAP = '"a" ' * 25_000 + '"'


@pytest.mark.parametrize("field, text", [
    ("text", OVER_THE_CAP),
    ("html", f"<html><body><article><h1>Marks</h1><p>{OVER_THE_CAP}</p></article></body></html>"),
])
def test_a_text_with_too_many_quotation_marks_is_a_422_storing_nothing(write_client, auth_headers,
                                                                        field, text):
    response = write_client.post("/v1/sources", json={field: text, "outlet": "Marks"},
                                 headers=auth_headers)
    assert (response.status_code, response.content_type) == (422, "application/problem+json")
    assert response.get_json() == {
        "type": "/problems/too-many-quotation-marks", "code": "too-many-quotation-marks",
        "title": "Too Many Quotation Marks", "status": 422,
        "detail": "The text has 50,001 quotation marks; at most 50,000 are read in one text: "
                  "send it in parts.",
        "errors": {field: ["more than 50,000 quotation marks"]}}
    assert write_client.get("/healthz").get_json() == {"status": "ok", "quotes": 9, "sources": 3}
    assert write_client.get("/problems/too-many-quotation-marks").status_code == 200
