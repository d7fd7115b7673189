"""Problem kinds: a stable code, a type URI served as a page, title case, readable messages."""
import pytest

from api.problems import BY_STATUS, PROBLEMS
from api.store import errors as store_errors
from api.store.provenance import ClaimTooLong

QUOTE = "q_87c1a6d8542d"


@pytest.mark.parametrize("code", list(PROBLEMS))
def test_every_kind_has_a_page_and_a_title_case_title(client, code):
    page = client.get(f"/problems/{code}")
    assert (page.status_code, page.content_type) == (200, "text/html; charset=utf-8")
    kind = PROBLEMS[code]
    assert f"<h1>{kind.title} ({kind.status})</h1>" in page.get_data(as_text=True)
    assert kind.title == kind.title.title()


def test_an_unknown_kind_is_a_404_problem(client):
    assert client.get("/problems/nope").get_json() == {
        "type": "/problems/not-found", "code": "not-found", "title": "Not Found", "status": 404,
        "detail": "There is no problem type named 'nope'.", "errors": {}}


def test_every_code_raised_is_in_the_table():
    raised = {cls.code for cls in vars(store_errors).values()
              if isinstance(cls, type) and issubclass(cls, store_errors.StoreError)}
    assert raised | {ClaimTooLong.code} | set(BY_STATUS.values()) <= set(PROBLEMS)


@pytest.mark.parametrize("method, path, status, code", [
    ("get", "/nothing", 404, "not-found"), ("post", "/v1/outlets", 405, "method-not-allowed"),
    ("get", "/v1/quotes?cursor=abc", 400, "invalid-cursor"),
    ("get", "/v1/quotes?limit=0", 400, "invalid-parameters"),
    ("post", "/v1/sources", 403, "forbidden"),
    ("get", f"/v1/quotes/{QUOTE}/citation?style=nope", 400, "invalid-parameters"),
])
def test_each_answer_names_its_kind(client, method, path, status, code):
    body = getattr(client, method)(path).get_json()
    assert (body["status"], body["code"], body["type"], body["title"]) == (
        status, code, f"/problems/{code}", PROBLEMS[code].title)


def test_an_empty_patch_lists_the_fields_that_may_be_sent(write_client, auth_headers):
    body = write_client.patch(f"/v1/quotes/{QUOTE}", json={}, headers=auth_headers).get_json()
    assert (body["detail"], body["errors"]) == ("Invalid parameters: body.", {"body": [
        "Give at least one field to change: start, end, text, kind, speaker, cue, date, "
        "date_basis."]})


def test_a_bad_list_item_is_named_by_field_and_position(client):
    body = client.post("/v1/citations", json={"ids": [QUOTE, 5]}).get_json()
    assert body["errors"] == {"ids": ["ids[1]: Not a valid string."]}
    body = client.get("/v1/quotes?kind=full&kind=robot").get_json()
    assert body["errors"] == {"kind": ["kind[1]: Must be one of: full, partial, indirect."]}


def test_the_openapi_problem_schema_documents_code_and_type(client):
    schema = client.get("/openapi.json").get_json()["components"]["schemas"]["Problem"]
    assert schema["properties"]["code"]["enum"] == list(PROBLEMS)
    assert "/problems/{code}" in schema["properties"]["type"]["description"]


def test_the_type_follows_the_mount_point(client):
    body = client.get("/nothing", base_url="http://api.test/app").get_json()
    assert body["type"] == "/app/problems/not-found"
