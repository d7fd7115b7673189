"""GET /v1/quotes and /v1/quotes/{id} against the hand-annotated corpus."""
import csv
import io

import pytest

from tests.corpus import ARTICLES, EMOJI, PORT_ID

ALL_TEXTS = {q.text for _, quotes in ARTICLES for q in quotes}


def texts(response):
    return [q["text"] for q in response.get_json()["data"]]


def test_quote_object_has_every_contract_field(client):
    page = client.get("/v1/quotes?speaker=Maria Costa&kind=full").get_json()
    assert page["total"] == 1 and page["next"] is None
    quote = page["data"][0]
    assert quote["id"].startswith("q_") and len(quote["id"]) == 14
    assert quote == {
        "id": quote["id"],
        "text": "We have won a fair deal and we are going back to work,",
        "kind": "full",
        "speaker": {"id": "maria-costa", "name": "Maria Costa", "kind": "person",
                    "role": "general secretary of the dockers' union"},
        "cue": "said Maria Costa",
        "date": "2023-03-08",
        "date_basis": "published",
        "date_precision": "day",
        "source": {"id": quote["source"]["id"], "outlet": "Wire", "publisher": "Harbour Times",
                   "title": "Port strike ends after talks", "url": "https://example.org/port-strike",
                   "published": "2023-03-08"},
        "span": {"start": 122, "end": 176},
        "span_utf16": {"start": 122, "end": 176},
        "selector": {"exact": "We have won a fair deal and we are going back to work,",
                     "prefix": "k strike, union leaders said.\n\n“",
                     "suffix": "” said Maria Costa, general secr"},
        "links": {
            "self": f"http://api.test/v1/quotes/{quote['id']}",
            "source": f"http://api.test/v1/sources/{quote['source']['id']}",
            "citation": f"http://api.test/v1/quotes/{quote['id']}/citation",
            "provenance": f"http://api.test/v1/quotes/{quote['id']}/provenance",
            "html": f"http://api.test/quotes/{quote['id']}#{quote['id']}",
        },
    }


def test_default_order_is_newest_first_and_total_counts_all(client):
    page = client.get("/v1/quotes?limit=100").get_json()
    assert page["total"] == 9
    assert [q["date"] for q in page["data"]] == ["2024-02-01"] * 4 + ["2023-03-08"] * 3 + [
        "2022-05-29", "2022-05-28"]


@pytest.mark.parametrize("query, expected", [
    ("speaker=daniel-okafor", 4),
    ("speaker=Okafor", 4),                         # an alias as written
    ("speaker=okafor&speaker=maria-costa", 6),     # repeatable
    ("speaker=nobody", 0),
    ("outlet=wire", 5),                            # case-insensitive: "Wire" and "wire"
    ("outlet=Business%20Daily", 4),
    ("kind=partial", 2),
    ("kind=indirect", 1),
    ("kind=partial&kind=indirect", 3),
    ("date_from=2023-01-01", 7),
    ("date_to=2022-05-28", 1),
    ("date_from=2022-05-29&date_to=2023-03-08", 4),
    ("q=chips", 2),                                # stemmed: "chips" and "chip shortages"
    ("q=fair%20deal", 1),
    ("q=%22going%20back%22", 1),
    ("q=robots%20OR%20AND%20NEAR(", 0),            # FTS syntax is searched as words, not parsed
])
def test_filters(client, query, expected):
    response = client.get(f"/v1/quotes?{query}&limit=100")
    assert response.status_code == 200
    assert response.get_json()["total"] == expected
    assert len(response.get_json()["data"]) == expected


def test_source_filter(client):
    source_id = client.get("/v1/quotes?speaker=lena-vogt").get_json()["data"][0]["source"]["id"]
    assert sorted(texts(client.get(f"/v1/quotes?source={source_id}"))) == [
        "We did it together.", "What a night 🎉 for this club,"]


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_cursor_walk_sees_every_quote_once(client, sort):
    seen, url, pages = [], f"/v1/quotes?limit=2&sort={sort}", 0
    while url:
        response = client.get(url)
        page = response.get_json()
        seen += [(q["date"], q["id"]) for q in page["data"]]
        assert (response.headers.get("Link") is not None) == (page["next"] is not None)
        url, pages = page["next"], pages + 1
    assert len(seen) == 9 and len(set(seen)) == 9 and pages == 5
    assert seen == sorted(seen, reverse=(sort == "-date"))


def test_relevance_sort_and_its_cursor(client):
    first = client.get("/v1/quotes?q=we&limit=1").get_json()
    assert first["total"] == 4
    walked = [q["id"] for q in first["data"]]
    url = first["next"]
    while url:
        page = client.get(url).get_json()
        walked += [q["id"] for q in page["data"]]
        url = page["next"]
    assert len(walked) == 4 and len(set(walked)) == 4


def test_relevance_cursor_with_another_filter_walks_the_same_order(client):
    whole = client.get("/v1/quotes?q=we&sort=relevance&kind=full&limit=100").get_json()
    url, walked = "/v1/quotes?q=we&sort=relevance&kind=full&limit=1", []
    while url:
        page = client.get(url).get_json()
        walked += [q["id"] for q in page["data"]]
        url = page["next"]
    assert walked == [q["id"] for q in whole["data"]]
    assert len(walked) == whole["total"] >= 2


def test_facets_count_the_filtered_set(client):
    page = client.get("/v1/quotes?facet=speaker&facet=kind&facet=year&facet=outlet&limit=1").get_json()
    assert page["facets"] == {
        "speaker": [{"value": "daniel-okafor", "name": "Daniel Okafor", "count": 4},
                    {"value": "lena-vogt", "name": "Lena Vogt", "count": 2},   # ties by value
                    {"value": "maria-costa", "name": "Maria Costa", "count": 2},
                    {"value": PORT_ID, "name": "port authority", "count": 1}],
        "kind": [{"value": "full", "count": 6}, {"value": "partial", "count": 2},
                 {"value": "indirect", "count": 1}],
        "year": [{"value": "2024", "count": 4}, {"value": "2023", "count": 3},
                 {"value": "2022", "count": 2}],
        "outlet": [{"value": "Business Daily", "count": 4}, {"value": "Wire", "count": 3},
                   {"value": "wire", "count": 2}],
    }
    assert "facets" not in client.get("/v1/quotes").get_json()


def test_csv_export_by_format_and_by_accept(client):
    by_format = client.get("/v1/quotes?format=csv&kind=partial&sort=date")
    by_accept = client.get("/v1/quotes?kind=partial&sort=date", headers={"Accept": "text/csv"})
    for response in (by_format, by_accept):
        assert response.status_code == 200
        assert response.content_type == "text/csv; charset=utf-8"
        rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
        assert [(r["text"], r["speaker_name"], r["date"]) for r in rows] == [
            ("protects every job on the quay", "Maria Costa", "2023-03-08"),
            ("relieved", "port authority", "2023-03-08")]


def test_get_one_quote_and_utf16_offsets_after_emoji(client):
    listed = client.get("/v1/quotes?speaker=lena-vogt&sort=date").get_json()["data"][0]
    quote = client.get(f"/v1/quotes/{listed['id']}").get_json()
    assert quote == listed
    assert quote["text"] == "What a night 🎉 for this club,"
    start, end = EMOJI.index("What a night"), EMOJI.index("What a night") + len(quote["text"])
    assert quote["span"] == {"start": start, "end": end}
    # three 🎉 before the quote, one inside it: each is two UTF-16 code units
    assert quote["span_utf16"] == {"start": start + 3, "end": end + 4}
    utf16 = EMOJI.encode("utf-16-le")
    assert utf16[2 * quote["span_utf16"]["start"]:2 * quote["span_utf16"]["end"]].decode(
        "utf-16-le") == quote["text"]


@pytest.mark.parametrize("query, field", [
    ("limit=0", "limit"), ("limit=101", "limit"), ("limit=abc", "limit"),
    ("kind=rumour", "kind"), ("sort=oldest", "sort"), ("date_from=yesterday", "date_from"),
    ("facet=colour", "facet"), ("format=xml", "format"), ("cursor=not-a-cursor", "cursor"),
    ("page=2", "page"), ("q=%20%21%21", "q"),
])
def test_bad_parameters_are_400_naming_the_parameter(client, query, field):
    response = client.get(f"/v1/quotes?{query}")
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert body["status"] == 400 and set(body) == {"type", "code", "title", "status", "detail", "errors"}
    assert field in body["errors"]


def test_cursor_from_another_sort_is_refused(client):
    next_url = client.get("/v1/quotes?limit=1&sort=date").get_json()["next"]
    response = client.get(next_url.replace("sort=date", "sort=-date"))
    assert response.status_code == 400 and "cursor" in response.get_json()["errors"]


def test_unknown_quote_is_404_problem(client):
    response = client.get("/v1/quotes/q_000000000000")
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"
    assert response.get_json()["detail"] == "No quote with id 'q_000000000000'."


def test_csv_export_neutralises_formula_cells(write_client, auth_headers):
    body = {"text": "“Rates will fall,” said Omar Reyes.", "outlet": "+Wire",
            "title": "-1+2 =cmd|' /C calc'!A0", "published": "2024-05-02"}
    assert write_client.post("/v1/sources", json=body, headers=auth_headers).status_code == 201
    response = write_client.get("/v1/quotes?format=csv&speaker=Omar%20Reyes")
    [row] = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert (row["outlet"], row["source_title"], row["speaker_name"]) == (
        "'+Wire", "'-1+2 =cmd|' /C calc'!A0", "Omar Reyes")
