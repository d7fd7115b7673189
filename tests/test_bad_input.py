"""A catalogue of bad input: each answer is an exact 4xx application/problem+json, never a 500."""
import base64
import json

import pytest

PROBLEM_KEYS = {"type", "code", "title", "status", "detail", "errors"}
QUOTE = "q_87c1a6d8542d"  # “Demand is stronger …” in the corpus
SOURCE = "s_12aec6c441f8"
SQL = "' OR 1=1; DROP TABLE quotes; --"
FTS = 'NEAR(strike deal, 5) OR quay* AND NOT "unterminated ^col:x'


def assert_problem(response, status: int, field: str | None = None) -> dict:
    """Assert an exact problem+json answer, naming `field` in `errors` when given."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert set(body) == PROBLEM_KEYS and body["status"] == status
    assert body["type"] == f"/problems/{body['code']}" and body["title"] and body["detail"]
    assert body["title"] == body["title"].title()  # "Not Found", never "Not found"
    assert body["detail"][0].isupper() and body["detail"].endswith(".")  # a sentence
    assert isinstance(body["errors"], dict)
    assert all(isinstance(m, list) and all(isinstance(x, str) for x in m)
               for m in body["errors"].values())
    if field is not None:
        assert field in body["errors"], body
    return body


def post(client, path, body, headers=None, content_type="application/json"):
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    return client.post(path, data=data, headers=headers or {}, content_type=content_type)


@pytest.mark.parametrize("path, field", [
    (f"/v1/quotes?{n}", n.split("=")[0]) for n in ("limit=0", "limit=101", "limit=-1",
                                                  "limit=99999999999999999999999999",
                                                  "limit=1e3", "limit=ten")
] + [
    (f"/v1/sources/{SOURCE}/text?start=-1", "start"),
    (f"/v1/sources/{SOURCE}/text?end=-5", "end"),
    (f"/v1/sources/{SOURCE}/text?start=1.5", "start"),
    ("/v1/quotes?date_from=2024-13-40", "date_from"),
    ("/v1/quotes?sort=random()", "sort"),
    ("/v1/quotes?kind=full%27%20OR%201=1", "kind"),
    ("/v1/quotes?facet=speaker;DROP", "facet"),
    ("/v1/quotes?format=exe", "format"),
    ("/v1/speakers?kind=robot", "kind"),
])
def test_out_of_range_and_wrongly_typed_parameters(client, path, field):
    assert_problem(client.get(path), 400, field)


@pytest.mark.parametrize("path, field", [
    ("/v1/quotes?q=", "q"), ("/v1/quotes?speaker=", "speaker"), ("/v1/quotes?outlet=", "outlet"),
    ("/v1/quotes?source=", "source"), ("/v1/quotes?limit=", "limit"),
    ("/v1/quotes?date_from=", "date_from"), ("/v1/quotes?cursor=", "cursor"),
    ("/v1/speakers?name=", "name"), ("/v1/sources?outlet=", "outlet"),
    ("/v1/provenance/check?text=", "text"),
    (f"/v1/quotes/{QUOTE}/citation?style=", "style"),
    (f"/v1/sources/{SOURCE}/text?start=", "start"),
])
def test_empty_values_are_400(client, path, field):
    assert_problem(client.get(path), 400, field)


@pytest.mark.parametrize("path, field", [
    ("/v1/quotes?limit=1&limit=2", "limit"), ("/v1/quotes?q=a&q=b", "q"),
    ("/v1/quotes?sort=date&sort=-date", "sort"), ("/v1/speakers?name=a&name=b", "name"),
    (f"/v1/sources/{SOURCE}/text?start=1&start=2", "start"),
    ("/v1/provenance/check?text=a%20b&text=c%20d", "text"),
    (f"/v1/quotes/{QUOTE}/citation?style=apa&style=mla", "style"),
])
def test_repeated_scalar_parameters_are_400(client, path, field):
    assert_problem(client.get(path), 400, field)


@pytest.mark.parametrize("path", [
    "/healthz", "/v1/quotes", f"/v1/quotes/{QUOTE}", f"/v1/quotes/{QUOTE}/history",
    f"/v1/quotes/{QUOTE}/citation", f"/v1/quotes/{QUOTE}/provenance", "/v1/sources",
    f"/v1/sources/{SOURCE}", f"/v1/sources/{SOURCE}/text", "/v1/speakers",
    "/v1/speakers/maria-costa", "/v1/outlets", "/v1/provenance/check?text=fair%20deal",
])
def test_unknown_parameters_are_400_on_every_route(client, path):
    sep = "&" if "?" in path else "?"
    assert_problem(client.get(f"{path}{sep}offset=10"), 400, "offset")


@pytest.mark.parametrize("param", ["q", "speaker", "outlet", "source"])
@pytest.mark.parametrize("value", [SQL, FTS, "%00", "*", "\\", "()"])
def test_sql_and_fts_syntax_in_quote_filters_is_just_text(client, param, value):
    response = client.get("/v1/quotes", query_string={param: value})
    if param == "q" and value in ("*", "\\", "()"):  # no word to search for
        assert_problem(response, 400, "q")
    else:
        assert response.status_code == 200, response.get_data(as_text=True)
        assert response.get_json()["total"] >= 0


def test_fts_words_inside_operators_still_match(client):
    response = client.get("/v1/quotes", query_string={"q": 'NEAR("fair deal") OR quay*'})
    assert response.status_code == 200 and response.get_json()["total"] == 0
    found = client.get("/v1/quotes", query_string={"q": '"fair deal" AND'}).get_json()
    assert [q["text"] for q in found["data"]] == [
        "We have won a fair deal and we are going back to work,"]


@pytest.mark.parametrize("path, query", [
    ("/v1/speakers", {"name": SQL}), ("/v1/speakers", {"name": FTS}),
    ("/v1/sources", {"outlet": SQL}), ("/v1/provenance/check", {"text": SQL}),
    ("/v1/provenance/check", {"text": FTS}),
    ("/v1/provenance/check", {"text": "fair deal", "speaker": SQL}),
])
def test_sql_and_fts_syntax_in_other_text_parameters_is_just_text(client, path, query):
    response = client.get(path, query_string=query)
    assert response.status_code == 200 and response.content_type.startswith("application/json")


@pytest.mark.parametrize("cursor", [SQL, FTS, "W10", "WyJxdW90ZXMtZGF0ZSJd", "!!!", "x" * 2000])
def test_forged_cursors_are_400(client, cursor):
    assert_problem(client.get("/v1/quotes", query_string={"cursor": cursor}), 400, "cursor")
    assert_problem(client.get("/v1/speakers", query_string={"cursor": cursor}), 400, "cursor")


def forged(*values) -> str:
    """A cursor of the right kind whose keyset values are not what the list gave out."""
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


@pytest.mark.parametrize("path, cursor", [
    ("/v1/quotes", forged("quotes-date", [1], 2)),
    ("/v1/quotes", forged("quotes-date", "2024-01-01", None)),
    ("/v1/quotes", forged("quotes-date", "2024-01-01", "q_1", "extra")),
    ("/v1/quotes?q=bridge", forged("quotesrelevance", [1], {})),
    ("/v1/speakers", forged("speakers", {}, 1)),
    ("/v1/sources", forged("sources", [], [])),
    ("/v1/quotes", forged("quotes-date", "2024-01-01", 10 ** 30)),      # past SQLite's integers
    ("/v1/quotes", forged("quotes-date", "2024-01-01", 2 ** 63)),
    ("/v1/quotes", forged("quotes-date", True, "q_1")),
    ("/v1/quotes", forged("quotes-date", float("nan"), "q_1")),         # json.dumps writes NaN
    ("/v1/quotes", forged("quotes-date", float("inf"), "q_1")),
    ("/v1/quotes", forged("quotes-date", "\ud800", "q_1")),             # a lone surrogate
    ("/v1/sources", forged("sources", "2024-01-01", 10 ** 30)),
])
def test_cursors_with_forged_values_are_400(client, path, cursor):
    sep = "&" if "?" in path else "?"
    assert_problem(client.get(f"{path}{sep}cursor={cursor}"), 400, "cursor")


@pytest.mark.parametrize("path, body", [
    ("/v1/provenance/check", '{"text": "fair \\ud800 deal"}'),
    ("/v1/provenance/check", '{"text": "fair deal", "speaker": "\\udfff"}'),
    ("/v1/citations", '{"ids": ["\\ud800"]}'),
    ("/v1/citations", '{"ids": ["q_1"], "style": NaN}'),
    ("/v1/provenance/check", '{"text": "fair deal", "limit": 1e999}'),
])
def test_json_bodies_json_forbids_are_400(client, path, body):
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code == 400 and response.content_type == "application/problem+json"
    assert response.get_json()["detail"].startswith("The body is not valid JSON: ")


def test_a_lone_surrogate_in_an_article_is_400_and_stores_nothing(write_client, auth_headers):
    body = '{"text": "\\u201cWe will \\ud800 win,\\u201d said Ana Lopez.", "outlet": "Wire"}'
    response = write_client.post("/v1/sources", data=body, content_type="application/json",
                                 headers=auth_headers)
    assert response.status_code == 400 and response.content_type == "application/problem+json"
    assert write_client.get("/v1/quotes?speaker=Ana%20Lopez").get_json()["total"] == 0


def test_provenance_check_against_an_unknown_source_is_404(client):
    response = client.get("/v1/provenance/check", query_string={"text": "fair deal", "source": SQL})
    assert_problem(response, 404, "source")


@pytest.mark.parametrize("path, status", [
    ("/v1/quotes/..%2F..%2Fetc%2Fpasswd", 404), ("/v1/quotes/../../etc/passwd", 404),
    ("/v1/sources/..%2F..%2Fetc%2Fpasswd/text", 404), ("/v1/quotes/%00", 404),
    (f"/v1/quotes/{QUOTE}%00", 404), ("/v1/speakers/%00..%00", 404),
    (f"/v1/quotes/{QUOTE}%27%20OR%201=1/citation", 404),
    ("/docs/static/..%2F..%2Fapi%2Fdb.py", 404),
    ("/v1/quotes/%FF", 400), ("/v1/sources/%C3%28", 400), ("/v1/quotes?q=%FF%FE", 400),
    ("/v1/speakers?name=caf%E9", 400), ("/v1/provenance/check?text=%C0%AF", 400),
])
def test_traversal_nul_and_invalid_utf8_in_urls(client, path, status):
    assert_problem(client.get(path), status, {400: "path" if "?" not in path else "query"}
                   .get(status))


@pytest.mark.parametrize("path, body, field", [
    ("/v1/sources", [], "body"), ("/v1/sources", "x", "body"), ("/v1/sources", 1, "body"),
    ("/v1/sources", None, "body"), ("/v1/sources", True, "body"),
    ("/v1/sources", {}, "text"), ("/v1/sources", {"text": 1, "outlet": "W"}, "text"),
    ("/v1/sources", {"text": ["a"], "outlet": "W"}, "text"),
    ("/v1/sources", {"text": "a", "outlet": {"$gt": ""}}, "outlet"),
    ("/v1/sources", {"text": "a", "outlet": "W", "published": "yesterday"}, "published"),
    ("/v1/sources", {"text": "a", "outlet": "W", "url": "javascript:alert(1)"}, "url"),
    ("/v1/sources", {"text": "a", "outlet": "W", "id": "s_1"}, "id"),
    ("/v1/sources", {"text": "", "outlet": "W"}, "text"),
    ("/v1/quotes", [QUOTE], "body"),
    ("/v1/quotes", {"source": SOURCE, "start": "0", "end": -1, "text": "x", "kind": "full"}, "end"),
    ("/v1/quotes", {"source": SOURCE, "start": 0, "end": 1, "text": "x", "kind": "sarcastic"},
     "kind"),
    ("/v1/provenance/check", [], "body"), ("/v1/provenance/check", {"text": 5}, "text"),
    ("/v1/provenance/check", {"text": "a b c", "speaker": ["x"]}, "speaker"),
    ("/v1/citations", {"ids": QUOTE}, "ids"), ("/v1/citations", {"ids": []}, "ids"),
    ("/v1/citations", {"ids": [QUOTE] * 101}, "ids"), ("/v1/citations", {"ids": [None]}, "ids"),
])
def test_non_object_bodies_and_wrong_types_are_400(write_client, auth_headers, path, body, field):
    assert_problem(post(write_client, path, body, auth_headers), 400, field)


def test_patch_with_a_non_object_or_empty_body_is_400(write_client, auth_headers):
    for body in ([], "null", {}):
        response = write_client.patch(f"/v1/quotes/{QUOTE}", data=json.dumps(body),
                                      headers=auth_headers, content_type="application/json")
        assert_problem(response, 400)


@pytest.mark.parametrize("body", [
    b'{"text": "\xff\xfe caf\xe9", "outlet": "W"}', b"\xef\xbb\xbf\xff", b'{"text": "a", ',
    b"{'text': 'a'}", b'{"text": NaN, "outlet": "W"}', b"[" * 100_000, b'{"a":' * 50_000,
])
def test_invalid_json_and_invalid_utf8_bodies_are_400(write_client, auth_headers, body):
    assert_problem(post(write_client, "/v1/sources", body, auth_headers), 400)
    assert_problem(post(write_client, "/v1/provenance/check", body), 400)


@pytest.mark.parametrize("method, path", [
    ("post", "/v1/sources"), ("post", "/v1/quotes"), ("patch", f"/v1/quotes/{QUOTE}"),
    ("post", "/v1/provenance/check"), ("post", "/v1/citations"),
])
@pytest.mark.parametrize("content_type", [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
    "application/xml", "application/json-seq", None,
])
def test_bodies_that_are_not_json_are_415(write_client, auth_headers, method, path,
                                          content_type):
    response = getattr(write_client, method)(path, data=b'{"text": "a"}', headers=auth_headers,
                                             content_type=content_type)
    assert_problem(response, 415)


@pytest.mark.parametrize("path, headers", [
    ("/v1/sources", True), ("/v1/provenance/check", False), ("/v1/citations", False),
])
def test_bodies_over_the_size_limit_are_413(write_client, auth_headers, path, headers):
    body = json.dumps({"text": "a " * (5 * 1024 * 1024 + 1), "outlet": "W"}).encode()
    assert_problem(post(write_client, path, body, auth_headers if headers else None), 413)


def test_an_over_long_provenance_claim_is_413(client):
    from api.provenance import MAX_CLAIM_CHARS

    assert_problem(post(client, "/v1/provenance/check", {"text": "word " * MAX_CLAIM_CHARS}), 413)


def test_an_article_over_the_length_limit_is_400(write_client, auth_headers):
    from api.store.ingest import MAX_TEXT_CHARS

    body = {"text": "é" * (MAX_TEXT_CHARS + 1), "outlet": "W"}
    assert_problem(post(write_client, "/v1/sources", body, auth_headers), 400, "text")


def test_a_read_over_its_time_budget_is_503_and_the_next_request_runs(tmp_path):
    from api import create_app
    from api.db import connect
    from api.extraction.model import ExtractedQuote, Speaker
    from api.store.ingest import SourceInput, store_source

    path = tmp_path / "budget.db"
    create_app({"DB": str(path)})
    words, quotes, start = [], [], 0
    for i in range(3000):  # one article of 3,000 quotes that all hold "common"
        words.append(f"plan{i} common")
        quotes.append(ExtractedQuote(start, start + len(words[-1]), words[-1], "full",
                                     Speaker(f"Speaker {i % 50}", "person")))
        start += len(words[-1]) + 1
    text = " ".join(words)
    store_source(connect(path), SourceInput(text=text, outlet="Wire"), quotes)
    client = create_app({"DB": str(path), "TESTING": True, "REQUEST_BUDGET_MS": 0.001}).test_client()
    slow = client.get("/v1/quotes?q=common&facet=speaker&facet=year", headers={"Host": "localhost"})
    assert slow.status_code == 503 and slow.content_type == "application/problem+json"
    assert "time budget" in slow.get_json()["detail"] and slow.headers["Retry-After"] == "2"
    assert client.get("/healthz", headers={"Host": "localhost"}).status_code == 200
    roomy = create_app({"DB": str(path), "TESTING": True}).test_client()
    assert roomy.get("/v1/quotes?q=common&limit=1", headers={"Host": "localhost"}).get_json()["total"] == 3000
