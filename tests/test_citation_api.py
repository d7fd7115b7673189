"""GET /v1/quotes/{id}/citation, POST /v1/citations and list exports on the hand-annotated corpus.

Expected entries are written from the style guides: APA 7, MLA 9, CMOS 18 (author-date and
notes-bibliography) and Cite Them Right (Harvard).
"""
import json

import pytest
from tests.corpus import PORT_ID

URL = "https://example.org/port-strike"
COSTA_TEXT = "We have won a fair deal and we are going back to work,"
BIBTEX = "application/x-bibtex; charset=utf-8"
RIS = "application/x-research-info-systems; charset=utf-8"
CSL_JSON = "application/vnd.citationstyles.csl+json"
ACCEPTED_STYLES = "apa, mla, chicago, chicago-note, harvard"
ACCEPTED_FORMATS = "json, csl-json, bibtex, ris, text"


def quote_of(client, **filters):
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    page = client.get(f"/v1/quotes?{query}&sort=date&limit=1").get_json()
    return page["data"][0]


@pytest.fixture
def costa(client):
    return quote_of(client, speaker="maria-costa", kind="full")


@pytest.fixture
def vogt(client):
    return quote_of(client, speaker="lena-vogt")


def harbour_bibtex(source_id):
    return (f"@article{{doe2023port-{source_id.removeprefix('s_')},\n  author = {{Doe, Jane}},\n"
            "  title = {{Port strike ends after talks}},\n"
            "  journal = {Harbour Times},\n"
            "  year = {2023},\n  month = mar,\n  date = {2023-03-08},\n"
            f"  url = {{{URL}}}\n}}\n")


def harbour_ris(source_id):
    lines = ["TY  - NEWS", "AU  - Doe, Jane", "TI  - Port strike ends after talks",
             "T2  - Harbour Times", "PY  - 2023", "DA  - 2023/03/08/", f"UR  - {URL}",
             f"ID  - {source_id}", "ER  - "]
    return "\r\n".join(lines) + "\r\n"


HARBOUR_ENTRIES = {
    # wire story republished: the publisher is the container; the byline is the author
    "apa": f"Doe, J. (2023, March 8). Port strike ends after talks. Harbour Times. {URL}",
    "mla": f"Doe, Jane. “Port Strike Ends After Talks.” Harbour Times, 8 Mar. 2023, {URL}.",
    "chicago": f"Doe, Jane. 2023. “Port Strike Ends After Talks.” Harbour Times, March 8. "
               f"{URL}.",
    "chicago-note": f"Doe, Jane. “Port Strike Ends After Talks.” Harbour Times, March 8, 2023. "
                    f"{URL}.",
    "harvard": f"Doe, J. (2023) ‘Port strike ends after talks’, Harbour Times, 8 March. "
               f"Available at: {URL}.",
}
EMOJI_ENTRIES = {
    # no author: APA and MLA lead with the title, Chicago and Harvard with the newspaper; no URL
    "apa": "Fans react 🎉 online. (2022, May 29). Wire.",
    "mla": "“Fans React 🎉 Online.” Wire, 29 May 2022.",
    "chicago": "Wire. 2022. “Fans React 🎉 Online.” May 29.",
    "chicago-note": "Wire. “Fans React 🎉 Online.” May 29, 2022.",
    "harvard": "Wire (2022) ‘Fans react 🎉 online’, 29 May.",
}


@pytest.mark.parametrize("style", list(HARBOUR_ENTRIES))
def test_citation_text_per_style(client, costa, vogt, style):
    for quote, expected in ((costa, HARBOUR_ENTRIES[style]), (vogt, EMOJI_ENTRIES[style])):
        response = client.get(f"/v1/quotes/{quote['id']}/citation?style={style}")
        assert response.status_code == 200
        body = response.get_json()
        assert body["style"] == style and body["citation"] == expected


def test_citation_json_answer(client, costa):
    quote_id, source_id = costa["id"], costa["source"]["id"]
    response = client.get(f"/v1/quotes/{quote_id}/citation")
    assert response.status_code == 200
    assert response.content_type == "application/json; charset=utf-8"
    assert response.headers["Vary"] == "Accept, Accept-Encoding" and response.headers["ETag"]
    base = f"http://api.test/v1/quotes/{quote_id}/citation"
    assert response.get_json() == {
        "quote_id": quote_id,
        "style": "apa",
        "citation": HARBOUR_ENTRIES["apa"],
        "citation_html": f"Doe, J. (2023, March 8). Port strike ends after talks. "
                         f"<i>Harbour Times</i>. {URL}",
        "attribution": f"“{COSTA_TEXT}” Maria Costa, general secretary of the dockers' union, "
                       "said (Wire, 8 March 2023).",
        "url": URL,
        "text_fragment_url": URL + "#:~:text=We%20have%20won%20a%20fair%20deal%20and%20we"
                                   "%20are%20going%20back%20to%20work%2C",
        "csl": {"id": source_id, "type": "article-newspaper", "container-title": "Harbour Times",
                "author": [{"family": "Doe", "given": "Jane"}],
                "title": "Port strike ends after talks",
                "issued": {"date-parts": [[2023, 3, 8]]}, "URL": URL},
        "formats": {"bibtex": f"{base}?format=bibtex", "ris": f"{base}?format=ris",
                    "csl-json": f"{base}?format=csl-json",
                    "text": f"{base}?format=text&style=apa"},
        "source": {"id": source_id, "outlet": "Wire", "publisher": "Harbour Times",
                   "title": "Port strike ends after talks", "url": URL,
                   "published": "2023-03-08", "author": "Jane Doe"},
    }
    assert costa["links"]["citation"] == base


def test_citation_without_url_has_no_fragment_link(client, vogt):
    body = client.get(f"/v1/quotes/{vogt['id']}/citation").get_json()
    assert body["url"] is None and body["text_fragment_url"] is None
    assert body["attribution"] == ("“What a night 🎉 for this club,” Lena Vogt, captain, "
                                   "said (wire, 28 May 2022).")
    assert body["source"]["author"] is None and "author" not in body["csl"]


def test_text_fragment_of_a_partial_quote(client):
    quote = quote_of(client, speaker=PORT_ID)
    body = client.get(f"/v1/quotes/{quote['id']}/citation").get_json()
    assert body["text_fragment_url"] == URL + "#:~:text=relieved"
    assert body["attribution"] == "port authority: “relieved” (Wire, 8 March 2023)."


def test_bibtex_ris_csl_json_and_text_bodies(client, costa):
    base = f"/v1/quotes/{costa['id']}/citation"
    bibtex = client.get(f"{base}?format=bibtex")
    assert (bibtex.status_code, bibtex.content_type) == (200, BIBTEX)
    assert bibtex.get_data(as_text=True) == harbour_bibtex(costa["source"]["id"])
    assert bibtex.headers["ETag"] and bibtex.headers["Vary"] == "Accept, Accept-Encoding"
    ris = client.get(f"{base}?format=ris")
    assert (ris.status_code, ris.content_type) == (200, RIS)
    assert ris.get_data(as_text=True) == harbour_ris(costa["source"]["id"])
    csl = client.get(f"{base}?format=csl-json")
    assert (csl.status_code, csl.content_type) == (200, CSL_JSON)
    assert json.loads(csl.get_data(as_text=True)) == [
        client.get(base).get_json()["csl"]]
    text = client.get(f"{base}?format=text&style=mla")
    assert text.content_type == "text/x-bibliography; charset=utf-8"
    assert text.get_data(as_text=True) == HARBOUR_ENTRIES["mla"] + "\n"


def test_raw_answer_gets_304(client, costa):
    url = f"/v1/quotes/{costa['id']}/citation?format=ris"
    etag = client.get(url).headers["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize("accept, content_type", [
    ("application/x-bibtex", BIBTEX),
    ("application/x-research-info-systems", RIS),
    ("application/vnd.citationstyles.csl+json", CSL_JSON),
    ("text/x-bibliography", "text/x-bibliography; charset=utf-8"),
    ("application/x-bibtex;q=0.5, application/x-research-info-systems", RIS),
    ("application/json;q=0.1, application/x-bibtex;q=0.9", BIBTEX),
    ("application/x-bibtex;q=0.4, application/json;q=0.8", "application/json; charset=utf-8"),
    ("application/x-bibtex;q=0", "application/json; charset=utf-8"),
    ("*/*", "application/json; charset=utf-8"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/json; charset=utf-8"),
    ("text/html", "application/json; charset=utf-8"),
    ("text/*", "text/x-bibliography; charset=utf-8"),
    ("text/x-bibliography; q=1", "text/x-bibliography; charset=utf-8"),
    ("application/*;q=0.2, application/x-bibtex;q=0", "application/json; charset=utf-8"),
    # the tie rule: equal q, JSON wins; then the format listed first
    ("application/x-bibtex;q=0.5, application/json;q=0.5", "application/json; charset=utf-8"),
    ("application/x-research-info-systems;q=0.5, application/x-bibtex;q=0.5", BIBTEX),
    ("text/x-bibliography; style=mla; q=0.5, application/x-bibtex;q=0.4",
     "text/x-bibliography; charset=utf-8"),
])
def test_citation_by_accept(client, costa, accept, content_type):
    response = client.get(f"/v1/quotes/{costa['id']}/citation", headers={"Accept": accept})
    assert (response.status_code, response.content_type) == (200, content_type)


@pytest.mark.parametrize("accept", [
    "application/x-bibtex;q=0.5, application/json;q=0.5",
    "application/json, application/x-bibtex",
    "*/*",
])
def test_list_and_citation_routes_negotiate_alike(client, costa, accept):
    listed = client.get("/v1/quotes?speaker=maria-costa", headers={"Accept": accept})
    cited = client.get(f"/v1/quotes/{costa['id']}/citation", headers={"Accept": accept})
    assert listed.mimetype == cited.mimetype == "application/json"


@pytest.mark.parametrize("query, accept, entry", [
    ("", "text/x-bibliography; style=mla", "mla"),
    ("", "text/x-bibliography; style=chicago", "chicago"),
    ("", "text/x-bibliography", "apa"),
    ("?style=apa", "text/x-bibliography; style=mla", "apa"),  # the parameter wins
    ("?format=text", "text/x-bibliography; style=mla", "mla"),
    ("?format=text", "application/json, text/x-bibliography; style=mla;q=0.2", "mla"),
])
def test_text_bibliography_style_from_accept(client, costa, query, accept, entry):
    response = client.get(f"/v1/quotes/{costa['id']}/citation{query}", headers={"Accept": accept})
    assert response.content_type == "text/x-bibliography; charset=utf-8"
    assert response.get_data(as_text=True) == HARBOUR_ENTRIES[entry] + "\n"


def test_accept_style_of_bulk_and_unknown_style(client, costa):
    bulk = client.post("/v1/citations", json={"ids": [costa["id"]]},
                       headers={"Accept": "text/x-bibliography; style=harvard"})
    assert bulk.get_data(as_text=True) == HARBOUR_ENTRIES["harvard"] + "\n"
    json_answer = client.post(
        "/v1/citations", json={"ids": [costa["id"]]},
        headers={"Accept": "application/json, text/x-bibliography; style=mla"})
    assert json_answer.get_json()["style"] == "apa"  # style= belongs to text/x-bibliography
    unknown = client.get(f"/v1/quotes/{costa['id']}/citation",
                         headers={"Accept": "text/x-bibliography; style=vancouver"})
    assert unknown.status_code == 400
    assert unknown.get_json()["detail"] == f"Unknown style 'vancouver'; accepted: {ACCEPTED_STYLES}."


def test_format_wins_over_accept(client, costa):
    base = f"/v1/quotes/{costa['id']}/citation"
    response = client.get(f"{base}?format=ris", headers={"Accept": "application/x-bibtex"})
    assert response.content_type == RIS
    response = client.get(f"{base}?format=json", headers={"Accept": "application/x-bibtex"})
    assert response.content_type == "application/json; charset=utf-8"


@pytest.mark.parametrize("query, field, value, accepted", [
    ("style=vancouver", "style", "vancouver", ACCEPTED_STYLES),
    ("format=endnote", "format", "endnote", ACCEPTED_FORMATS),
])
def test_unknown_style_or_format_lists_accepted_values(client, costa, query, field, value,
                                                       accepted):
    response = client.get(f"/v1/quotes/{costa['id']}/citation?{query}")
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert body["detail"] == f"Unknown {field} '{value}'; accepted: {accepted}."
    assert body["errors"] == {field: [f"Must be one of: {accepted}."]}


def test_citation_of_unknown_quote_and_unknown_parameter(client, costa):
    missing = client.get("/v1/quotes/q_000000000000/citation")
    assert missing.status_code == 404 and missing.content_type == "application/problem+json"
    assert missing.get_json()["detail"] == "No quote with id 'q_000000000000'."
    extra = client.get(f"/v1/quotes/{costa['id']}/citation?lang=fr")
    assert extra.status_code == 400 and "lang" in extra.get_json()["errors"]


def all_quotes(client):
    return client.get("/v1/quotes?sort=date&limit=100").get_json()["data"]


def test_bulk_keeps_order_and_drops_repeats(client, costa, vogt):
    robots = quote_of(client, speaker="daniel-okafor", kind="indirect")
    ids = [vogt["id"], costa["id"], robots["id"], vogt["id"]]
    response = client.post("/v1/citations", json={"ids": ids, "style": "chicago"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["style"] == "chicago"
    assert [entry["quote_id"] for entry in body["data"]] == ids[:3]
    assert body["data"][0] == {
        "quote_id": vogt["id"], "citation": EMOJI_ENTRIES["chicago"],
        "attribution": "“What a night 🎉 for this club,” Lena Vogt, captain, said "
                       "(wire, 28 May 2022).",
        "url": None, "text_fragment_url": None}
    assert body["data"][1]["citation"] == HARBOUR_ENTRIES["chicago"]
    assert body["data"][2]["attribution"] == ("According to Daniel Okafor, chip shortages could "
                                              "slow deliveries (Business Daily, 1 February 2024).")
    assert body["data"][2]["text_fragment_url"] == (
        "https://example.com/robots?id=7#:~:text=chip%20shortages%20could%20slow%20deliveries")


def test_bulk_raw_formats_one_entry_per_source(client):
    quotes = all_quotes(client)
    ids = [q["id"] for q in quotes]
    ris = client.post("/v1/citations", json={"ids": ids, "format": "ris"})
    assert ris.content_type == RIS and ris.get_data(as_text=True).count("TY  - NEWS") == 3
    text = client.post("/v1/citations", json={"ids": ids, "style": "mla"},
                       headers={"Accept": "text/x-bibliography"})
    assert text.content_type == "text/x-bibliography; charset=utf-8"
    # one entry per source, in the order of the ids (oldest quote first); CSL title case
    # keeps "over" lower case, as a preposition
    assert text.get_data(as_text=True) == "\n".join([
        EMOJI_ENTRIES["mla"], HARBOUR_ENTRIES["mla"],
        "“Robots Take over the Warehouse Floor.” Business Daily, 1 Feb. 2024, "
        "https://example.com/robots?id=7.", ""])
    harbour = [q["id"] for q in quotes if q["source"]["publisher"] == "Harbour Times"]
    bibtex = client.post("/v1/citations", json={"ids": harbour, "format": "bibtex"},
                         headers={"Accept": "application/x-research-info-systems"})
    assert bibtex.content_type == BIBTEX
    harbour_id = next(q["source"]["id"] for q in quotes if q["source"]["publisher"] == "Harbour Times")
    assert bibtex.get_data(as_text=True) == harbour_bibtex(harbour_id)


def test_bulk_limit_is_100_ids(client):
    ids = [q["id"] for q in all_quotes(client)]
    ok = client.post("/v1/citations", json={"ids": (ids * 12)[:100]})
    assert ok.status_code == 200 and len(ok.get_json()["data"]) == 9
    too_many = client.post("/v1/citations", json={"ids": (ids * 12)[:101]})
    assert too_many.status_code == 400
    assert too_many.content_type == "application/problem+json"
    assert too_many.get_json()["errors"] == {"ids": ["give 1 to 100 quote ids"]}
    assert client.post("/v1/citations", json={"ids": []}).status_code == 400


def test_bulk_unknown_ids_are_404_naming_them(client, costa):
    response = client.post("/v1/citations", json={"ids": ["q_nope", costa["id"], "q_gone"]})
    assert response.status_code == 404
    assert response.get_json() == {
        "type": "/problems/not-found", "code": "not-found", "title": "Not Found", "status": 404,
        "detail": "Unknown quote id 'q_nope'; unknown quote id 'q_gone'.",
        "errors": {"ids": ["unknown quote id 'q_nope'", "unknown quote id 'q_gone'"]},
        "failed": [{"id": "q_nope", "status": 404}, {"id": "q_gone", "status": 404}]}


def test_a_deleted_quote_is_410_alone_and_named_deleted_in_a_batch(write_client, auth_headers):
    costa = quote_of(write_client, speaker="maria-costa", kind="full")
    assert write_client.delete(f"/v1/quotes/{costa['id']}", headers=auth_headers).status_code == 204
    assert write_client.get(f"/v1/quotes/{costa['id']}/citation").status_code == 410
    alone = write_client.post("/v1/citations", json={"ids": [costa["id"]]})
    assert alone.status_code == 410
    assert alone.get_json()["failed"] == [{"id": costa["id"], "status": 410}]
    mixed = write_client.post("/v1/citations", json={"ids": [costa["id"], "q_nope"]})
    assert mixed.status_code == 404
    assert mixed.get_json()["errors"] == {"ids": [f"quote id {costa['id']!r} was deleted",
                                                  "unknown quote id 'q_nope'"]}


@pytest.mark.parametrize("body, field", [
    ({"ids": ["x"], "colour": "red"}, "colour"),
    ({"style": "apa"}, "ids"),
    ({"ids": "q_abc"}, "ids"),
])
def test_bulk_body_is_validated(client, body, field):
    response = client.post("/v1/citations", json=body)
    assert response.status_code == 400 and field in response.get_json()["errors"]


def test_bulk_unknown_style_and_format(client, costa):
    style = client.post("/v1/citations", json={"ids": [costa["id"]], "style": "ieee"})
    assert style.status_code == 400
    assert style.get_json()["errors"] == {"style": [f"Must be one of: {ACCEPTED_STYLES}."]}
    fmt = client.post("/v1/citations", json={"ids": [costa["id"]], "format": "docx"})
    assert fmt.status_code == 400
    assert fmt.get_json()["detail"] == f"Unknown format 'docx'; accepted: {ACCEPTED_FORMATS}."


def test_quote_list_exports_the_filtered_page(client, costa):
    by_format = client.get("/v1/quotes?format=bibtex&outlet=Wire&sort=date&limit=2")
    by_accept = client.get("/v1/quotes?outlet=Wire&sort=date&limit=2",
                           headers={"Accept": "application/x-bibtex"})
    emoji_id = client.get("/v1/quotes?outlet=Wire&sort=date&limit=1").get_json()["data"][0]["source"]["id"]
    for response in (by_format, by_accept):
        assert (response.status_code, response.content_type) == (200, BIBTEX)
        # the first page holds the two EMOJI quotes only: one entry, and a Link to the next page
        assert response.get_data(as_text=True) == (
            f"@article{{wire2022fans-{emoji_id.removeprefix('s_')},\n"
            "  title = {{Fans react 🎉 online}},\n  journal = {wire},\n"
            "  year = {2022},\n  month = may,\n  date = {2022-05-29}\n}\n")
        assert 'rel="next"' in response.headers["Link"]
    ris = client.get("/v1/quotes?speaker=maria-costa&format=ris")
    assert ris.content_type == RIS and ris.get_data(as_text=True) == harbour_ris(
        costa["source"]["id"])
    csl = client.get("/v1/quotes?speaker=maria-costa",
                     headers={"Accept": "text/csv;q=0.5, application/vnd.citationstyles.csl+json"})
    assert csl.content_type == CSL_JSON
    assert [item["title"] for item in json.loads(csl.get_data())] == [
        "Port strike ends after talks"]


def test_quote_list_format_errors_list_the_accepted_values(client):
    response = client.get("/v1/quotes?format=endnote")
    assert response.status_code == 400
    assert response.get_json()["errors"] == {
        "format": ["Must be one of: json, csv, bibtex, ris, csl-json, atom, jsonfeed."]}


def test_openapi_documents_the_citation_routes(client):
    spec = client.get("/openapi.json").get_json()
    one = spec["paths"]["/v1/quotes/{quote_id}/citation"]["get"]
    assert set(one["responses"]["200"]["content"]) == {
        "application/json", CSL_JSON, "application/x-bibtex",
        "application/x-research-info-systems", "text/x-bibliography"}
    params = {p["name"]: p["schema"] for p in one["parameters"]}
    assert params["style"]["enum"] == ["apa", "mla", "chicago", "chicago-note", "harvard"]
    bulk = spec["paths"]["/v1/citations"]["post"]
    assert bulk["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CitationRequest"}
    assert {"citation", "attribution", "text_fragment_url", "csl", "formats", "source"} <= set(
        spec["components"]["schemas"]["Citation"]["properties"])
    listed = spec["paths"]["/v1/quotes"]["get"]["responses"]["200"]["content"]
    assert {"text/csv", "application/x-bibtex"} <= set(listed)


def test_citation_html_escapes_stored_metadata_and_plain_text_keeps_it(write_client, auth_headers):
    body = {"text": "“Rates will fall,” said Omar Reyes.", "outlet": "Smith & Sons <News>",
            "title": 'Report <img src=x onerror="alert(1)">', "published": "2024-05-02",
            "url": "https://news.example/r?a=1&b=2"}
    stored = write_client.post("/v1/sources", json=body, headers=auth_headers)
    assert stored.status_code == 201
    quote_id = stored.get_json()["quotes"][0]["id"]
    cite = write_client.get(f"/v1/quotes/{quote_id}/citation?style=apa").get_json()
    assert cite["citation_html"] == (
        "Report &lt;img src=x onerror=\"alert(1)\"&gt;. (2024, May 2). "
        "<i>Smith &amp; Sons &lt;News&gt;</i>. https://news.example/r?a=1&amp;b=2")
    assert cite["citation"] == (
        "Report <img src=x onerror=\"alert(1)\">. (2024, May 2). "
        "Smith & Sons <News>. https://news.example/r?a=1&b=2")
    mla = write_client.get(f"/v1/quotes/{quote_id}/citation?style=mla").get_json()
    assert "<img" not in mla["citation_html"] and "&lt;Img" in mla["citation_html"]
