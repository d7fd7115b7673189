"""HTML pages in: POST /v1/sources with `html` and `python -m api ingest page.html`."""
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import cli
from api import create_app

PAGES = Path(__file__).with_name("pages")  # HTML pages to ingest

# Read off each page by hand: the article's first and last sentence, its metadata, its direct
# quotation with the speaker, and text of the navigation, ads and comments around it.
EXPECTED = {
    "harbour.html": {
        "first": "Harbour ferry fares to rise in March",  # the headline opens the article text
        "last": "Season tickets bought before the end of February will be honoured at the old "
                "price until they expire.",
        "meta": {"outlet": "Riverside Courier", "title": "Harbour ferry fares to rise in March",
                 "author": "Tomasz Brennick", "published": "2024-02-14",
                 "url": "https://riversidecourier.example/news/2024/02/harbour-ferry-fares"},
        "quote": ("We held prices for as long as we could, but fuel has doubled since the last "
                  "review,", "Marguerite Okonkwo"),
        "boilerplate": ["Subscribe today", "Crisp Valley Apples", "Daylight robbery",
                        "cheaper than the bridge toll", "Most read", "All rights reserved"],
    },
    "library.html": {
        "first": "Northfield Central Library will open on Sunday afternoons from next month, "
                 "after more than forty residents signed up to help staff the building.",
        "last": "The council said the trial would be reviewed after six months.",
        "meta": {"outlet": "Northfield Gazette",
                 "title": "Library to open on Sundays after volunteer drive",
                 "author": "Ines Varga-Holt", "published": "2023-11-03",
                 "url": "https://gazette.example/local/library-sunday-opening"},
        "quote": ("Sunday is the one day many families can actually come in together,",
                  "Rosalind Achterberg"),
        "boilerplate": ["We use cookies", "Sign in", "Pellham Roofing", "homework club, my kids",
                        "Why should volunteers", "About time too", "Share on social media"],
    },
    "clinic.html": {
        "first": "Rural clinic extends evening hours",
        "last": "The board expects the change to cost about 90,000 dollars a year.",
        "meta": {"outlet": "Valley Health Weekly", "title": "Rural clinic extends evening hours",
                 "author": "Dagny Olufsen", "published": "2025-05-20",
                 "url": "https://valleyhealth.example/2025/05/clinic-evening-hours"},
        "quote": ("Nobody should have to choose between a day's pay and seeing a doctor,",
                  "Faisal Rennard"),
        "boilerplate": ["Get our newsletter", "Greenfield Tractors", "healthier breakfast",
                        "blood pressure", "Leave a reply", "Terms of use"],
    },
}


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def assert_source(source: dict, name: str) -> None:
    expected = EXPECTED[name]
    lines = source["text"].split("\n")
    assert (lines[0], lines[-1]) == (expected["first"], expected["last"])
    assert {key: source[key] for key in expected["meta"]} == expected["meta"]
    assert not [text for text in expected["boilerplate"] if text in source["text"]]
    assert source["html_sha256"] == hashlib.sha256((PAGES / name).read_bytes()).hexdigest()
    assert source["sha256"] == hashlib.sha256(source["text"].encode("utf-8")).hexdigest()
    assert expected["quote"] in [(q["text"], q["speaker"]["name"]) for q in source["quotes"]
                                 if q["speaker"]]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_posted_page_stores_its_article_text_and_metadata(write_client, auth_headers, name):
    response = write_client.post("/v1/sources", json={"html": page(name)}, headers=auth_headers)
    assert response.status_code == 201, response.json
    assert_source(response.json, name)
    stored = write_client.get(f"/v1/sources/{response.json['id']}").json
    assert_source(stored, name)
    for quote in stored["quotes"]:
        start, end = quote["span"]["start"], quote["span"]["end"]
        assert stored["text"][start:end] == quote["text"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_cli_ingests_a_page(tmp_path, name):
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["ingest", str(PAGES / name), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("stored s_")
    source_id = result.output.split()[1].rstrip(":")
    client = create_app({"DB": str(db), "TESTING": True, "SERVER_NAME": "api.test"}).test_client()
    assert_source(client.get(f"/v1/sources/{source_id}").json, name)


def test_metadata_in_the_request_wins_over_the_pages(write_client, auth_headers):
    body = {"html": page("library.html"), "outlet": "Gazette Wire", "author": "Staff",
            "published": "2023-11-04"}
    source = write_client.post("/v1/sources", json=body, headers=auth_headers).json
    assert (source["outlet"], source["author"], source["published"], source["title"]) == (
        "Gazette Wire", "Staff", "2023-11-04", "Library to open on Sundays after volunteer drive")


def test_exactly_one_of_text_and_html(write_client, auth_headers):
    for body in ({"text": "Some text.", "html": page("clinic.html"), "outlet": "X"},
                 {"outlet": "X"}):
        response = write_client.post("/v1/sources", json=body, headers=auth_headers)
        assert response.status_code == 400
        assert response.json["errors"] == {"text": ["Give exactly one of text and html."],
                                           "html": ["Give exactly one of text and html."]}
    response = write_client.post("/v1/sources", json={"text": "Some text."}, headers=auth_headers)
    assert (response.status_code, list(response.json["errors"])) == (400, ["outlet"])


def test_a_page_without_article_text_is_a_422_naming_html(write_client, auth_headers):
    # a page rendered by script in the browser: its HTML holds no article
    html = ("<!DOCTYPE html><html><head><title>Loading…</title></head><body><div id='app'></div>"
            "<script src='/static/app.js'></script></body></html>")
    response = write_client.post("/v1/sources", json={"html": html, "outlet": "X"},
                                 headers=auth_headers)
    assert response.status_code == 422
    assert (response.json["code"], list(response.json["errors"])) == ("no-article-text", ["html"])


def test_a_page_naming_no_site_needs_an_outlet(write_client, auth_headers):
    html = page("clinic.html").replace('<meta property="og:site_name" content="Valley Health Weekly">', "")
    html = html.replace('{"@type": "WebSite", "name": "Valley Health Weekly", "url": "https://valleyhealth.example/"},', "")
    # trafilatura names a page's site by its address's domain when nothing else names it
    html = html.replace('<meta property="og:url" content="https://valleyhealth.example/2025/05/clinic-evening-hours">', "")
    response = write_client.post("/v1/sources", json={"html": html}, headers=auth_headers)
    assert (response.status_code, list(response.json["errors"])) == (400, ["outlet"])
    response = write_client.post("/v1/sources", json={"html": html, "outlet": "VHW"},
                                 headers=auth_headers)
    assert (response.status_code, response.json["outlet"]) == (201, "VHW")


def test_cli_options_win_over_the_page_and_a_text_needs_an_outlet(tmp_path):
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["ingest", str(PAGES / "harbour.html"), "--outlet", "Courier",
                                      "--title", "Ferry fares up", "--db", str(db)])
    assert result.exit_code == 0, result.output
    client = create_app({"DB": str(db), "TESTING": True, "SERVER_NAME": "api.test"}).test_client()
    source = client.get(f"/v1/sources/{result.output.split()[1].rstrip(':')}").json
    assert (source["outlet"], source["title"], source["author"]) == (
        "Courier", "Ferry fares up", "Tomasz Brennick")
    text = tmp_path / "a.txt"
    text.write_text("Plain text.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(text), "--db", str(db)])
    assert result.exit_code == 2 and "--outlet: Missing data for required field." in result.output
