"""Conventions every route shares: problem+json, ETag/304, CORS, OpenAPI and offline docs."""
import json
import re
from pathlib import Path

import pytest


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content_type == "application/json; charset=utf-8"
    assert response.get_json() == {"status": "ok", "quotes": 9, "sources": 3}


def test_etag_and_304(client):
    first = client.get("/v1/quotes?limit=3")
    etag = first.headers["ETag"]
    again = client.get("/v1/quotes?limit=3", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    other = client.get("/v1/quotes?limit=4", headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_cors_is_open_for_reads(client):
    response = client.get("/v1/quotes", headers={"Origin": "https://app.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/v1/quotes", headers={
        "Origin": "https://app.example", "Access-Control-Request-Method": "GET"})
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("method, path, status", [
    ("post", "/v1/outlets", 405), ("delete", "/healthz", 405), ("get", "/nothing", 404),
])
def test_http_errors_are_problem_json(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status and body["type"] == f"/problems/{body['code']}"


def test_405_names_the_allowed_methods(client):
    assert "GET" in client.post("/v1/outlets").headers["Allow"]


API_BLUEPRINTS = {"quotes", "sources", "speakers", "outlets", "health", "citations", "provenance"}


def api_rules(app):
    return [rule for rule in app.url_map.iter_rules()
            if rule.endpoint.split(".")[0] in API_BLUEPRINTS]


def test_readme_shows_every_route(app):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for rule in api_rules(app):
        # /v1/quotes/<quote_id>/citation is shown as /v1/quotes/QUOTE_ID/citation or with an id
        pattern = re.sub(r"<\w+>", r"[\\w.-]+", re.escape(rule.rule)) + r"(?![\w/])"
        assert re.search(pattern, readme), rule.rule


def test_openapi_documents_every_route_and_problem_errors(app, client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    documented = set(spec["paths"])
    for rule in api_rules(app):
        assert rule.rule.replace("<", "{").replace(">", "}") in documented
    bad_request = spec["components"]["responses"]["DEFAULT_ERROR"]
    assert "application/problem+json" in bad_request["content"]
    params = {p["name"] for p in spec["paths"]["/v1/quotes"]["get"]["parameters"]}
    assert {"speaker", "outlet", "source", "kind", "date_from", "date_to", "q", "sort", "facet",
            "limit", "cursor", "format"} <= params


def test_docs_page_and_its_assets_are_served_locally(client):
    page = client.get("/docs").get_data(as_text=True)
    assert '<script src="/docs/static/swagger-ui-bundle.js"></script>' in page
    assert "https://" not in page
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-ui-standalone-preset.js"):
        assert client.get(f"/docs/static/{asset}").status_code == 200


def test_cors_allows_the_read_only_posts_but_not_writes(client):
    for path in ("/v1/citations", "/v1/provenance/check"):
        preflight = client.options(path, headers={
            "Origin": "https://app.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type"})
        assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    write = client.options("/v1/sources", headers={
        "Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
    assert "POST" not in write.headers.get("Access-Control-Allow-Methods", "")


def test_negotiated_answers_vary_on_accept(client):
    assert "Accept" in client.get("/v1/quotes").headers["Vary"]


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST", "localhost:5000", "localhost:05000",
                                  "127.0.0.1:8000", "[::1]:8080", "xn--n3h.net",
                                  "api.example.org"])
@pytest.mark.parametrize("root", ["", "/app", "/a b", "/ü"])
def test_url_root_is_werkzeugs(host, root):
    from werkzeug.sansio.utils import get_current_url
    from werkzeug.test import EnvironBuilder

    from api.http import Request

    environ = EnvironBuilder(path="/healthz", base_url=f"http://{host}{root}").get_environ()
    request = Request(environ)
    assert request.url_root == get_current_url(request.scheme, request.host, request.root_path)


def test_next_link_keeps_the_query_and_replaces_the_cursor_in_place(client):
    query = "kind=full&kind=partial&limit=1"
    first = client.get(f"/v1/quotes?{query}").get_json()["next"]
    assert re.fullmatch(rf"http://api\.test/v1/quotes\?{query}&cursor=[\w-]+", first)
    cursor = first.rsplit("=", 1)[1]
    second = client.get(f"/v1/quotes?cursor={cursor}&{query}").get_json()["next"]
    assert re.fullmatch(rf"http://api\.test/v1/quotes\?cursor=[\w-]+&{query}", second)
    assert not second.startswith(f"http://api.test/v1/quotes?cursor={cursor}&")


def _next_link(client, **headers):
    return client.get("/v1/sources?limit=1", headers=headers)


def test_an_untrusted_host_is_400_and_never_echoed(corpus_db):
    from api import create_app
    client = create_app({"DB": str(corpus_db), "TESTING": True}).test_client()
    ok = _next_link(client, Host="localhost:8000")
    assert ok.status_code == 200 and ok.get_json()["next"].startswith("http://localhost:8000/v1/sources?")
    evil = _next_link(client, Host="evil.example")
    assert evil.status_code == 400 and evil.content_type == "application/problem+json"
    assert evil.get_json()["detail"] == "Host 'evil.example' is not trusted."


def test_proxy_headers_are_ignored_unless_configured_then_applied_together(corpus_db):
    from api import create_app
    forwarded = {"Host": "localhost", "X-Forwarded-Proto": "https",
                 "X-Forwarded-Host": "quotes.example.org"}
    plain = create_app({"DB": str(corpus_db), "TESTING": True}).test_client()
    assert _next_link(plain, **forwarded).get_json()["next"].startswith("http://localhost/v1/")
    proxied = create_app({"DB": str(corpus_db), "TESTING": True, "PROXY_COUNT": 1,
                          "TRUSTED_HOSTS": "quotes.example.org"}).test_client()
    response = _next_link(proxied, **forwarded)
    assert response.get_json()["next"].startswith("https://quotes.example.org/v1/sources?")
    assert response.headers["Link"].startswith("<https://quotes.example.org/v1/sources?")
    assert _next_link(proxied, Host="localhost").status_code == 400  # only the proxy's host


def test_openapi_operations_enums_required_and_no_unused_schemas(client):
    spec = client.get("/openapi.json").get_json()
    operations = {(method, path): operation["operationId"]
                  for path, item in spec["paths"].items() for method, operation in item.items()
                  if method != "parameters"}
    assert len(set(operations.values())) == len(operations) == 19
    assert operations[("get", "/v1/quotes")] == "listQuotes"
    assert operations[("get", "/v1/quotes/{quote_id}/citation")] == "getQuoteCitation"
    assert operations[("post", "/v1/provenance/check")] == "checkProvenance"
    assert spec["servers"] == [{"url": "/", "description": "This server"}]
    schemas = spec["components"]["schemas"]
    text = json.dumps(spec)
    assert [name for name in schemas if f'"#/components/schemas/{name}"' not in text] == []
    quote = schemas["Quote"]
    assert quote["properties"]["speaker"] == {
        "allOf": [{"$ref": "#/components/schemas/SpeakerRef"}], "nullable": True}
    assert quote["required"] == sorted(quote["properties"])
    assert quote["properties"]["date_precision"]["enum"] == ["day", "month", None]
    assert schemas["SpeakerRef"]["properties"]["kind"]["enum"] == [
        "person", "organization", "anonymous"]
    assert schemas["Match"]["properties"]["location"]["enum"] == [
        "quote", "narrative", "mixed", "quotes"]
    assert schemas["CheckResult"]["properties"]["verdict"]["enum"] == [
        "verbatim", "verbatim_with_omissions", "altered", "misattributed", "not_a_quote",
        "not_found"]
    assert schemas["QuotePage"]["required"] == ["data", "next", "total"]
