"""POST/PATCH/DELETE /v1/quotes and /v1/quotes/{id}/history: editorial corrections."""
import hashlib

import pytest

from tests.corpus import HARBOUR, PORT_ID

HARBOUR_ID = "s_" + hashlib.sha256(HARBOUR.encode()).hexdigest()[:12]


def new_quote(**change):
    start = HARBOUR.index("Dock workers voted")
    text = "Dock workers voted on Monday to end a two-week strike"
    return {"source": HARBOUR_ID, "start": start, "end": start + len(text), "text": text,
            "kind": "indirect", "speaker": {"name": "Union leaders", "kind": "organization"},
            "cue": "union leaders said", **change}


def test_add_a_quote_then_read_it_and_its_history(write_client, auth_headers):
    response = write_client.post("/v1/quotes", json=new_quote(), headers=auth_headers)
    assert response.status_code == 201
    quote = response.get_json()
    assert response.headers["Location"] == quote["links"]["self"]
    assert (quote["text"], quote["kind"], quote["speaker"]["name"], quote["cue"], quote["date"],
            quote["date_basis"]) == (
        "Dock workers voted on Monday to end a two-week strike", "indirect", "Union leaders",
        "union leaders said", "2023-03-08", "published")
    assert write_client.get(f"/v1/quotes/{quote['id']}").get_json() == quote
    history = write_client.get(f"/v1/quotes/{quote['id']}/history").get_json()
    assert history["deleted"] is False
    assert [(h["action"], h["actor"], h["before"]) for h in history["data"]] == [
        ("create", "alice", None)]
    assert history["data"][0]["after"]["text"] == quote["text"]


@pytest.mark.parametrize("change, date, basis", [
    ({}, "2023-03-08", "published"),
    ({"date": "2023-03-06"}, "2023-03-06", "stated"),
    ({"date": "2023-03-06", "date_basis": "relative"}, "2023-03-06", "relative"),
])
def test_a_new_quote_says_how_its_date_was_found(write_client, auth_headers, change, date, basis):
    response = write_client.post("/v1/quotes", json=new_quote(**change), headers=auth_headers)
    assert response.status_code == 201
    assert (response.get_json()["date"], response.get_json()["date_basis"]) == (date, basis)


@pytest.mark.parametrize("change, status, field", [
    ({"text": "Dock workers voted on Tuesday to end a two-week strike"}, 422, "text"),
    ({"end": 10_000}, 422, "span"),
    ({"start": 50, "end": 40}, 422, "span"),  # ends before it starts: not a span of the text
    ({"kind": "rumour"}, 400, "kind"),
    ({"source": "s_000000000000"}, 404, "source"),
    ({"speaker": {"kind": "person"}}, 400, "speaker"),
    ({"id": "q_mine"}, 400, "id"),
])
def test_bad_new_quotes_are_refused(write_client, auth_headers, change, status, field):
    response = write_client.post("/v1/quotes", json=new_quote(**change), headers=auth_headers)
    assert response.status_code == status
    assert field in response.get_json()["errors"]
    assert write_client.get("/healthz").get_json()["quotes"] == 9


def test_span_mismatch_names_what_the_source_says(write_client, auth_headers):
    response = write_client.post("/v1/quotes", json=new_quote(text="Dock workers voted on Tuesday"
                                                              " to end a two-week strike"),
                                 headers=auth_headers)
    body = response.get_json()
    assert (body["code"], body["title"]) == ("span-mismatch", "Span Mismatch")
    assert body["errors"]["text"] == [
        "source text at this span is 'Dock workers voted on Monday to end a two-week strike'"]


def test_the_same_span_twice_is_409(write_client, auth_headers):
    first = write_client.post("/v1/quotes", json=new_quote(), headers=auth_headers).get_json()
    again = write_client.post("/v1/quotes", json=new_quote(), headers=auth_headers)
    assert again.status_code == 409 and again.get_json()["quote_id"] == first["id"]


def test_patch_fixes_speaker_and_kind_and_keeps_the_id(write_client, auth_headers):
    quote = write_client.get("/v1/quotes?q=relieved").get_json()["data"][0]
    response = write_client.patch(f"/v1/quotes/{quote['id']}", headers=auth_headers, json={
        "speaker": {"name": "Port of London Authority", "kind": "organization",
                    "role": "operator of the port"}, "kind": "partial", "date": "2023-03-07"})
    assert response.status_code == 200
    fixed = response.get_json()
    assert fixed["id"] == quote["id"]
    assert fixed["speaker"] == {"id": "port-of-london-authority", "name": "Port of London Authority",
                                "kind": "organization", "role": "operator of the port"}
    assert (fixed["date"], fixed["date_basis"]) == ("2023-03-07", "stated")
    history = write_client.get(f"/v1/quotes/{quote['id']}/history").get_json()["data"]
    assert [h["action"] for h in history] == ["update"]
    assert (history[0]["before"]["speaker_id"], history[0]["after"]["speaker_id"]) == (
        PORT_ID, "port-of-london-authority")


def test_patch_can_move_the_span_but_only_onto_the_same_text(write_client, auth_headers):
    quote = write_client.get("/v1/quotes?q=relieved").get_json()["data"][0]
    start = quote["span"]["start"]
    bad = write_client.patch(f"/v1/quotes/{quote['id']}", headers=auth_headers,
                             json={"start": start - 1})
    assert bad.status_code == 422
    good = write_client.patch(f"/v1/quotes/{quote['id']}", headers=auth_headers, json={
        "start": start - 1, "end": start + 9, "text": "“relieved”"})
    assert good.status_code == 200 and good.get_json()["span"] == {"start": start - 1,
                                                                   "end": start + 9}
    assert write_client.patch(f"/v1/quotes/{quote['id']}", headers=auth_headers,
                              json={}).status_code == 400


def test_delete_then_410_with_history(write_client, auth_headers):
    quote = write_client.get("/v1/quotes?q=relieved").get_json()["data"][0]
    response = write_client.delete(f"/v1/quotes/{quote['id']}",
                                   headers={"Authorization": "Bearer bob-secret-token"})
    assert response.status_code == 204
    gone = write_client.get(f"/v1/quotes/{quote['id']}")
    assert gone.status_code == 410 and gone.content_type == "application/problem+json"
    body = gone.get_json()
    assert body["detail"] == f"Quote {quote['id']} was deleted."
    assert [(h["action"], h["actor"]) for h in body["history"]] == [("delete", "bob")]
    assert body["history"][0]["before"]["text"] == "relieved"
    assert write_client.get("/v1/quotes?q=relieved").get_json()["total"] == 0
    history = write_client.get(f"/v1/quotes/{quote['id']}/history").get_json()
    assert history["deleted"] is True
    assert write_client.delete(f"/v1/quotes/{quote['id']}", headers=auth_headers).status_code == 410
    for route in ("provenance", "citation"):
        assert write_client.get(f"/v1/quotes/{quote['id']}/{route}").status_code == 410


@pytest.mark.parametrize("method, path", [
    ("post", "/v1/quotes"), ("patch", "/v1/quotes/q_x"), ("delete", "/v1/quotes/q_x"),
])
def test_quote_writes_need_a_token(write_client, method, path):
    response = getattr(write_client, method)(path, json={})
    assert response.status_code == 401 and "WWW-Authenticate" in response.headers


def test_unknown_quote_writes_are_404(write_client, auth_headers):
    assert write_client.patch("/v1/quotes/q_nope", json={"kind": "full"},
                              headers=auth_headers).status_code == 404
    assert write_client.delete("/v1/quotes/q_nope", headers=auth_headers).status_code == 404
    assert write_client.get("/v1/quotes/q_nope/history").status_code == 404


def _harbour_quotes(client):
    return client.get(f"/v1/quotes?source={HARBOUR_ID}&sort=date&limit=100").get_json()["data"]


def test_a_span_cannot_be_moved_onto_another_quote_and_the_old_span_is_free(write_client, auth_headers):
    first, second = _harbour_quotes(write_client)[:2]
    onto = {key: second["span"][key] for key in ("start", "end")} | {"text": second["text"]}
    moved = write_client.patch(f"/v1/quotes/{first['id']}", json=onto, headers=auth_headers)
    assert moved.status_code == 409 and moved.get_json()["quote_id"] == second["id"]
    assert write_client.get(f"/v1/quotes/{first['id']}").get_json()["span"] == first["span"]

    created = write_client.post("/v1/quotes", json=new_quote(), headers=auth_headers).get_json()
    old = created["span"]
    shorter = {"end": old["end"] - len(" strike"), "text": created["text"][:-len(" strike")]}
    assert write_client.patch(f"/v1/quotes/{created['id']}", json=shorter,
                              headers=auth_headers).status_code == 200
    again = write_client.post("/v1/quotes", json=new_quote(), headers=auth_headers)
    assert again.status_code == 201  # the old span is free; its first id stays with the moved quote
    assert again.get_json()["id"] != created["id"]
    assert write_client.get(f"/v1/quotes/{created['id']}").get_json()["span"]["end"] == shorter["end"]


def test_a_deleted_quote_recreated_keeps_its_id_and_history(write_client, auth_headers):
    created = write_client.post("/v1/quotes", json=new_quote(), headers=auth_headers).get_json()
    assert write_client.delete(f"/v1/quotes/{created['id']}", headers=auth_headers).status_code == 204
    again = write_client.post("/v1/quotes", json=new_quote(), headers=auth_headers)
    assert again.status_code == 201 and again.get_json()["id"] == created["id"]
    history = write_client.get(f"/v1/quotes/{created['id']}/history").get_json()
    assert [h["action"] for h in history["data"]] == ["create", "delete", "create"]
    assert history["deleted"] is False


def test_a_speaker_is_picked_by_alias_or_id_and_an_unquoted_one_leaves_the_list(write_client, auth_headers):
    relieved = "/v1/quotes/q_7701c4554782"  # the port authority's only quote
    by_alias = write_client.patch(relieved, json={"speaker": {"name": "Costa"}}, headers=auth_headers)
    assert by_alias.status_code == 200
    assert by_alias.get_json()["speaker"]["id"] == "maria-costa"
    assert write_client.get(f"/v1/speakers/{PORT_ID}").status_code == 404
    assert PORT_ID not in {s["id"] for s in write_client.get("/v1/speakers").get_json()["data"]}
    by_id = write_client.patch(relieved, json={"speaker": {"id": "lena-vogt"}}, headers=auth_headers)
    assert by_id.get_json()["speaker"]["id"] == "lena-vogt"
    assert write_client.get("/v1/speakers/maria-costa").get_json()["quote_count"] == 2
    unknown = write_client.patch(relieved, json={"speaker": {"id": "nobody-here"}}, headers=auth_headers)
    assert unknown.status_code == 404 and "speaker" in unknown.get_json()["errors"]
    nothing = write_client.patch(relieved, json={"speaker": {"kind": "person"}}, headers=auth_headers)
    assert nothing.status_code == 400
    assert nothing.get_json()["errors"]["speaker"] == ["speaker.name: give the speaker's id or name"]


def test_the_document_says_a_speaker_needs_an_id_or_a_name(write_client, auth_headers):
    schemas = write_client.get("/openapi.json").get_json()["components"]["schemas"]
    assert schemas["SpeakerInput"]["anyOf"] == [{"required": ["id"]}, {"required": ["name"]}]
    response = write_client.patch("/v1/quotes/q_87c1a6d8542d", json={"speaker": {}},
                                  headers=auth_headers)
    assert (response.status_code, response.get_json()["errors"]) == (
        400, {"speaker": ["speaker.name: give the speaker's id or name"]})
