"""Provenance checks against the seed articles with their hand-annotated (gold) quotes."""
import json
import re
from pathlib import Path

import pytest

from api import create_app
from api.db import connect, init_schema
from api.extraction.model import ExtractedQuote, Speaker
from api.store.ingest import store_source
from api.store.seeds import read_manifest

GOLD = Path(__file__).resolve().parent / "gold" / "seeds.json"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
AFP, SCMP = "s_f6b4b4b3383c", "s_d23adff0172e"


def _mention(name: str, cue: str | None) -> str | None:
    """The longest part of the speaker's name written in the cue: "Wang" in "Wang on Thursday said"."""
    words = name.split()
    parts = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    found = [p for p in parts if cue and re.search(rf"\b{re.escape(p)}\b", cue)]
    return max(found, key=len) if found else None


def build_seed_db(path: Path) -> Path:
    gold = {a["file"]: a["quotes"] for a in json.loads(GOLD.read_text(encoding="utf-8"))["articles"]}
    db = connect(path)
    init_schema(db)
    for doc in read_manifest():
        quotes = [ExtractedQuote(q["start"], q["end"], q["text"], q["kind"],
                                 Speaker(q["speaker"], q["speaker_kind"], q.get("role"),
                                         _mention(q["speaker"], q.get("cue")))
                                 if q["speaker"] else None, q.get("cue"))
                  for q in gold[doc.file]]
        assert store_source(db, doc.source, quotes).refused == []
    db.close()
    return path


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    return build_seed_db(tmp_path_factory.mktemp("seeds") / "verbatim.db")


@pytest.fixture
def client(seed_db):
    return create_app({"DB": str(seed_db), "TESTING": True, "SERVER_NAME": "api.test"}).test_client()


def check(client, text, speaker=None, **extra):
    body = {"text": text, **({"speaker": speaker} if speaker else {}), **extra}
    response = client.post("/v1/provenance/check", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_verbatim_with_straight_quotes_and_odd_spacing(client):
    result = check(client, '"Frankly,   we have not seen\u00a0progress on this issue,"', "Nicholas Burns")
    assert result["verdict"] == "verbatim"
    match = result["matches"][0]
    assert (match["source"]["id"], match["span"], match["location"], match["speaker"],
            match["speaker_matches"], match["similarity"]) == (
        AFP, {"start": 719, "end": 767}, "quote", {"id": "nicholas-burns", "name": "Nicholas Burns"},
        True, 1.0)
    assert match["text"] == "Frankly, we have not seen progress on this issue"
    assert result["claim"]["normalized"] == "frankly we have not seen progress on this issue"
    assert result["first_reported"]["source"]["published"] == "2023-06-08"


def test_get_gives_the_same_answer_as_post(client):
    url = "/v1/provenance/check?text=Frankly, we have not seen progress on this issue"
    assert client.get(url).get_json()["matches"] == check(
        client, "Frankly, we have not seen progress on this issue")["matches"]


def test_one_word_changed_is_altered_with_the_diff(client):
    result = check(client, "Frankly, we have made progress on this issue")
    assert result["verdict"] == "altered"
    match = result["matches"][0]
    assert (match["quote_id"], match["similarity"]) == (result["matches"][0]["quote_id"], 0.8889)
    assert match["diff"] == [
        {"op": "equal", "claimed": "Frankly, we have", "source": "Frankly, we have"},
        {"op": "replace", "claimed": "made", "source": "not seen"},
        {"op": "equal", "claimed": "progress on this issue", "source": "progress on this issue"}]


def test_dropped_negation_is_altered(client):
    result = check(client, "Blaming China is a constructive way to address the fentanyl crisis.")
    assert result["verdict"] == "altered"
    assert result["matches"][0]["speaker"]["name"] == "Qin Gang"
    assert [d for d in result["matches"][0]["diff"] if d["op"] != "equal"] == [
        {"op": "delete", "claimed": "", "source": "not"}]


def test_ellipsis_joining_two_parts_of_qins_long_quote(client):
    result = check(client, "“According to international practices, … Mexico is a sovereign "
                           "country; China has no right”", "Qin Gang")
    assert result["verdict"] == "verbatim_with_omissions"
    match = result["matches"][0]
    assert (match["source"]["id"], match["span"], match["speaker"]["name"]) == (
        SCMP, {"start": 4628, "end": 5013}, "Qin Gang")
    assert [(p["text"], p["span"]) for p in match["pieces"]] == [
        ("According to international practices", {"start": 4628, "end": 4664}),
        ("Mexico is a sovereign country; China has no right", {"start": 4964, "end": 5013})]
    text = (SEEDS / "003_5cd384ce8e827f96.txt").read_text(encoding="utf-8")
    assert [text[p["span"]["start"]:p["span"]["end"]] for p in match["pieces"]] == [
        p["text"] for p in match["pieces"]]
    assert result["claim"]["omissions"] == 1


def test_real_quote_wrong_speaker_is_misattributed_naming_the_real_one(client):
    result = check(client, "The fentanyl crisis in the United States was not created by China",
                   "Wang Wenbin")
    assert result["verdict"] == "misattributed"
    assert result["matches"][0]["speaker"] == {"id": "qin-gang", "name": "Qin Gang"}
    assert result["speaker"] == {"claimed": "Wang Wenbin",
                                 "resolved": [{"id": "wang-wenbin", "name": "Wang Wenbin"}]}


def test_surname_alias_is_not_misattribution(client):
    result = check(client, "has always been strict in cracking down on drug crimes", "wang")
    assert (result["verdict"], result["matches"][0]["speaker_matches"]) == ("verbatim", True)


def test_writers_narrative_is_not_a_quote(client):
    result = check(client, "He did not directly address China’s decision to suspend cooperation")
    assert result["verdict"] == "not_a_quote"
    assert (result["matches"][0]["location"], result["matches"][0]["quote_id"]) == ("narrative", None)


def test_invented_sentence_is_not_found(client):
    result = check(client, "Bananas grown in the harbour will be taxed by the moon council next year")
    assert (result["verdict"], result["matches"], result["similarity"]) == ("not_found", [], None)


@pytest.mark.parametrize("text", [" … !? ”“ ", "\u009b", "\x07\x1b", "..."])
def test_a_claim_without_words_is_found_nowhere(client, text):
    result = check(client, text)
    assert (result["verdict"], result["matches"], result["claim"]["pieces"]) == \
        ("not_found", [], [])


def test_bracketed_insertion_is_listed_and_matched_as_a_wildcard(client):
    result = check(client, "So just think how shocking it was for [Beijing], for all these efforts")
    assert result["verdict"] == "verbatim"
    assert result["claim"]["insertions"] == [{"text": "Beijing", "start": 38, "end": 47}]
    assert result["matches"][0]["speaker"]["name"] == "Qin Gang"


def test_quote_provenance_is_intact_and_lists_other_sources(client):
    quote_id = check(client, "fake news")["matches"][0]["quote_id"]
    body = client.get(f"/v1/quotes/{quote_id}/provenance").get_json()
    assert body["intact"] is True
    assert body["checks"]["span"] == {"ok": True, "found": None}
    assert body["checks"]["context"] == {"ok": True, "prefix": True, "suffix": True}
    assert body["checks"]["sha256"]["stored"] == body["checks"]["sha256"]["computed"]
    others = [(e["source"]["id"], e["source"]["published"]) for e in body["also_in"]]
    # The first match is Breitbart's 2019 quote; AFP's article has "fake news" three times.
    assert body["source"]["id"] == "s_90d579359586"
    assert [o[0] for o in others] == [AFP, AFP, AFP]
    assert body["first_reported"]["source"]["published"] == "2019-09-03"


def test_tampered_source_text_fails_the_sha256_check(tmp_path):
    path = build_seed_db(tmp_path / "tampered.db")
    client = create_app({"DB": str(path), "TESTING": True, "SERVER_NAME": "api.test"}).test_client()
    quote_id = check(client, "Frankly, we have not seen progress on this issue")["matches"][0]["quote_id"]
    db = connect(path)
    db.execute("UPDATE sources SET text = replace(text, 'Frankly', 'Honestly') WHERE id = ?", [AFP])
    db.close()
    body = client.get(f"/v1/quotes/{quote_id}/provenance").get_json()
    assert body["intact"] is False
    assert body["checks"]["sha256"]["ok"] is False
    assert body["checks"]["span"] == {"ok": False, "found": None}
    assert body["checks"]["context"]["ok"] is False


def test_unknown_quote_is_404(client):
    response = client.get("/v1/quotes/q_000000000000/provenance")
    assert response.status_code == 404 and response.content_type == "application/problem+json"


@pytest.mark.parametrize("body, status, field", [
    ({"text": ""}, 400, "text"),
    ({"text": 42}, 400, "text"),
    ({"text": ["a"]}, 400, "text"),
    ({}, 400, "text"),
    ({"text": "word " * 2001}, 413, "text"),
    ({"text": "fake news", "colour": "red"}, 400, "colour"),
    ({"text": "fake news", "speaker": ""}, 400, "speaker"),
    ({"text": "fake news", "source": "s_nope"}, 404, "source"),
])
def test_bad_input_is_a_problem_naming_the_field(client, body, status, field):
    response = client.post("/v1/provenance/check", json=body)
    assert response.status_code == status
    assert response.content_type == "application/problem+json"
    assert field in response.get_json()["errors"]


@pytest.mark.parametrize("query, field", [("text=", "text"), ("text=a&page=2", "page"), ("", "text")])
def test_bad_query_is_400(client, query, field):
    response = client.get(f"/v1/provenance/check?{query}")
    assert response.status_code == 400 and field in response.get_json()["errors"]


def test_routes_are_in_the_openapi_document(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    assert {"get", "post"} <= set(paths["/v1/provenance/check"])
    assert "get" in paths["/v1/quotes/{quote_id}/provenance"]


def test_checks_are_rate_limited(seed_db):
    app = create_app({"DB": str(seed_db), "TESTING": True, "SERVER_NAME": "api.test",
                      "CHECK_RATE_LIMIT": "2/minute"})
    client = app.test_client()
    statuses = [client.get("/v1/provenance/check?text=fake news").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_quote_provenance_names_the_quotes_own_source_and_never_lists_it_again(client):
    quote_id = check(client, "Frankly, we have not seen progress on this issue")["matches"][0]["quote_id"]
    body = client.get(f"/v1/quotes/{quote_id}/provenance").get_json()
    assert (body["quote_id"], body["source"]["id"]) == (quote_id, AFP)
    assert body["also_in"] == []
    assert (body["first_reported"]["source"]["id"], body["first_reported"]["quote_id"]) == (AFP, quote_id)


def test_a_check_past_its_time_budget_is_503_and_a_too_long_claim_is_413(seed_db):
    tight = create_app({"DB": str(seed_db), "TESTING": True, "SERVER_NAME": "api.test",
                        "REQUEST_BUDGET_MS": 0.001}).test_client()
    response = tight.post("/v1/provenance/check", json={"text": "we have seen progress on this issue"})
    assert response.status_code == 503 and response.content_type == "application/problem+json"
    assert "time budget" in response.get_json()["detail"]
    roomy = create_app({"DB": str(seed_db), "TESTING": True, "SERVER_NAME": "api.test"}).test_client()
    long_claim = roomy.post("/v1/provenance/check", json={"text": "word " * 401})
    assert long_claim.status_code == 413
    assert long_claim.get_json()["errors"] == {"text": ["longer than 2000 characters"]}
