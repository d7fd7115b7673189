"""GET /v1/sources, /v1/sources/{id}, /v1/sources/{id}/text and /v1/outlets."""
import hashlib

import pytest

from tests.corpus import ROBOTS, PORT_ID


def robots_id():
    return "s_" + hashlib.sha256(ROBOTS.encode()).hexdigest()[:12]


def test_list_sources_newest_first_without_text(client):
    page = client.get("/v1/sources").get_json()
    assert page["total"] == 3 and page["next"] is None
    assert [(s["outlet"], s["published"], s["quote_count"]) for s in page["data"]] == [
        ("Business Daily", "2024-02-01", 4), ("Wire", "2023-03-08", 3), ("wire", "2022-05-29", 2)]
    assert "text" not in page["data"][0]


def test_list_sources_by_outlet_with_cursor(client):
    first = client.get("/v1/sources?outlet=WIRE&limit=1").get_json()
    assert first["total"] == 2 and [s["published"] for s in first["data"]] == ["2023-03-08"]
    second = client.get(first["next"]).get_json()
    assert [s["published"] for s in second["data"]] == ["2022-05-29"] and second["next"] is None


def test_source_detail_has_text_hash_and_quotes_in_text_order(client):
    source = client.get(f"/v1/sources/{robots_id()}").get_json()
    assert source["text"] == ROBOTS
    assert source["sha256"] == hashlib.sha256(ROBOTS.encode()).hexdigest()
    assert source["length"] == len(ROBOTS)
    assert [q["text"] for q in source["quotes"]] == [
        "Demand is stronger than at any time in our history,",
        "We cannot build them fast enough.",
        "chip shortages could slow deliveries",
        "If the supply of chips does not improve, we will miss our targets,",
    ]
    for quote in source["quotes"]:
        assert source["text"][quote["span"]["start"]:quote["span"]["end"]] == quote["text"]


@pytest.mark.parametrize("query, expected", [
    ("start=0&end=6", "Robots"),
    ("start=465", ROBOTS[465:]),
    ("end=6", "Robots"),
    ("start=6&end=6", ""),
])
def test_text_slices(client, query, expected):
    body = client.get(f"/v1/sources/{robots_id()}/text?{query}").get_json()
    assert body["text"] == expected and body["length"] == len(ROBOTS)


@pytest.mark.parametrize("query, start, end", [
    ("start=5&end=2", 5, 5), (f"end={len(ROBOTS) + 1}", 0, len(ROBOTS)),
    ("start=999999999", len(ROBOTS), len(ROBOTS)), ("start=999999999&end=3", len(ROBOTS), len(ROBOTS)),
])
def test_offsets_past_the_end_or_crossed_give_what_a_slice_gives(client, query, start, end):
    body = client.get(f"/v1/sources/{robots_id()}/text?{query}").get_json()
    assert (body["start"], body["end"], body["text"]) == (start, end, ROBOTS[start:end])


@pytest.mark.parametrize("query, field", [
    ("start=-1", "start"),
    ("start=x", "start"), ("stop=3", "stop"),
])
def test_bad_text_slices_are_400(client, query, field):
    response = client.get(f"/v1/sources/{robots_id()}/text?{query}")
    assert response.status_code == 400 and field in response.get_json()["errors"]


@pytest.mark.parametrize("path", ["/v1/sources/s_nope", "/v1/sources/s_nope/text",
                                  "/v1/speakers/nobody", "/v1/sources/..%2F..%2Fetc%2Fpasswd"])
def test_unknown_ids_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.content_type == "application/problem+json"


def test_speakers_list_and_detail(client):
    page = client.get("/v1/speakers").get_json()
    assert [(s["id"], s["quote_count"]) for s in page["data"]] == [
        ("daniel-okafor", 4), ("lena-vogt", 2), ("maria-costa", 2), (PORT_ID, 1)]
    assert client.get("/v1/speakers?name=cost").get_json()["total"] == 1
    assert client.get("/v1/speakers?kind=organization").get_json()["data"][0]["id"] == PORT_ID
    speaker = client.get("/v1/speakers/maria-costa").get_json()
    assert speaker == {
        "id": "maria-costa", "name": "Maria Costa", "kind": "person",
        "roles": ["general secretary of the dockers' union"], "quote_count": 2,
        "links": {"self": "http://api.test/v1/speakers/maria-costa",
                  "quotes": "http://api.test/v1/quotes?speaker=maria-costa",
                  "html": "http://api.test/speakers/maria-costa"},
        "aliases": ["Costa", "Maria Costa"],
        "outlets": [{"name": "Wire", "quote_count": 2}],
        "first_quoted": "2023-03-08", "last_quoted": "2023-03-08",
    }


def test_speaker_pages_with_cursor(client):
    first = client.get("/v1/speakers?limit=3").get_json()
    second = client.get(first["next"]).get_json()
    assert [s["id"] for s in first["data"] + second["data"]] == [
        "daniel-okafor", "lena-vogt", "maria-costa", PORT_ID]


def test_outlets_with_counts(client):
    assert client.get("/v1/outlets").get_json() == {"data": [
        {"name": "Business Daily", "source_count": 1, "quote_count": 4,
         "first_published": "2024-02-01", "last_published": "2024-02-01"},
        {"name": "Wire", "source_count": 1, "quote_count": 3,
         "first_published": "2023-03-08", "last_published": "2023-03-08"},
        {"name": "wire", "source_count": 1, "quote_count": 2,
         "first_published": "2022-05-29", "last_published": "2022-05-29"},
    ], "next": None, "total": 3}
    assert client.get("/v1/outlets?x=1").status_code == 400


@pytest.mark.parametrize("name, expected", [
    ("okafor", ["daniel-okafor"]), ("NIEL OK", ["daniel-okafor"]), ("ta", ["maria-costa"]),
    ("a", ["daniel-okafor", "lena-vogt", "maria-costa", PORT_ID]),
    ('co"s', []), ("port auth", [PORT_ID]), ("%", []),
])
def test_speaker_name_search_finds_substrings_of_names_and_aliases(client, name, expected):
    page = client.get("/v1/speakers", query_string={"name": name}).get_json()
    assert [s["id"] for s in page["data"]] == expected and page["total"] == len(expected)
