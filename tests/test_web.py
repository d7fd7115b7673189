"""The pages for people through the Flask test client: statuses, content, escaping, errors."""
from __future__ import annotations

import gzip
import re

import pytest

from api import create_app

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
COSTA = "q_df14371a1d09"  # "We have won a fair deal …", Maria Costa, in the port strike article
PORT_STRIKE = "s_0d5eb7f6b37d"


def marks(page: str) -> list[str]:
    return re.findall(r"<mark [^>]*data-quote[^>]*>.*?</mark>", page, re.DOTALL)


@pytest.mark.parametrize(("path", "status", "title"), [
    (f"/quotes/{COSTA}", 200, "Maria Costa: We have won a fair deal and we are going back to work,"),
    (f"/sources/{PORT_STRIKE}", 200, "Port strike ends after talks"),
    ("/speakers/maria-costa", 200, "Maria Costa"),
    ("/search", 200, "Search quotes"),
    ("/search?q=deal&speaker=Maria+Costa&outlet=wire&language=en&kind=full&date_from=2023-01-01", 200,
     "Search quotes"),
    ("/quotes/q_nope", 404, "404 Not Found"),
    ("/sources/s_nope", 404, "404 Not Found"),
    ("/speakers/nobody", 404, "404 Not Found"),
])
def test_pages_answer_html_with_their_security_headers(client, path, status, title):
    response = client.get(path)
    assert response.status_code == status
    assert response.content_type == "text/html; charset=utf-8"
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert f"<title>{title} · Verbatim</title>" in response.get_data(as_text=True)


@pytest.mark.parametrize(("query", "field", "message"), [
    ("date_from=yesterday", "date_from", "Not a valid date."),
    ("kind=quip", "kind", "kind[0]: Must be one of: full, partial, indirect."),
    ("limit=0", "limit", "Must be greater than or equal to 1 and less than or equal to 100."),
    ("colour=red", "colour", "Unknown field."),
    ("format=csv", "format", "Unknown field."),
])
def test_a_bad_search_filter_is_a_readable_400_page(client, query, field, message):
    response = client.get(f"/search?{query}")
    page = response.get_data(as_text=True)
    assert (response.status_code, response.content_type) == (400, "text/html; charset=utf-8")
    assert "<h1>400 Invalid Parameters</h1>" in page
    assert f"<li><code>{field}</code>: {message}</li>" in page.replace("&#39;", "'")


def test_a_cursor_not_given_out_is_a_400_page(client):
    response = client.get("/speakers/maria-costa?cursor=bm9wZQ")
    assert response.status_code == 400
    assert "<h1>400 Invalid Cursor</h1>" in response.get_data(as_text=True)


def test_a_forms_empty_fields_are_no_filter(client):
    empty = client.get("/search?q=&speaker=&outlet=&kind=&date_from=&date_to=&sort=")
    assert empty.status_code == 200
    assert '<p class="muted total">9 quotes' in empty.get_data(as_text=True)


def test_the_quote_page_marks_the_quote_and_gives_every_citation(client):
    page = client.get(f"/quotes/{COSTA}").get_data(as_text=True)
    assert marks(page) == [f'<mark class="direct" id="{COSTA}" data-quote="{COSTA}">We have won '
                           'a fair deal and we are going back to work,</mark>']
    assert re.findall(r'<p id="cite-([a-z-]+)">', page) == [
        "attribution", "apa", "mla", "chicago", "chicago-note", "harvard"]
    assert ('<p id="cite-mla">Doe, Jane. “Port Strike Ends After Talks.” Harbour Times, '
            '8 Mar. 2023, https://example.org/port-strike.</p>') in page
    for fmt in ("bibtex", "ris", "csl-json"):
        assert f'href="/v1/quotes/{COSTA}/citation?format={fmt}"' in page
    assert ('<a href="https://example.org/port-strike#:~:text=We%20have%20won%20a%20fair%20deal'
            '%20and%20we%20are%20going%20back%20to%20work%2C"') in page
    assert "general secretary of the dockers&#39; union" in page
    assert '<script src="/assets/copy.js" defer></script>' in page
    # without JavaScript the Copy buttons stay hidden; the script shows them
    assert '<button type="button" class="copy" data-copy="cite-mla" hidden>Copy</button>' in page


def test_the_source_page_marks_every_quote_linking_to_its_page(client):
    page = client.get(f"/sources/{PORT_STRIKE}").get_data(as_text=True)
    assert [re.sub(r"<[^>]+>", "", mark) for mark in marks(page)] == [
        "We have won a fair deal and we are going back to work,",
        "protects every job on the quay", "relieved"]
    assert f'<a href="/quotes/{COSTA}#{COSTA}">We have won' in page
    assert '<mark class="direct">direct quotation</mark>' in page  # the legend
    assert "<script" not in page


def test_quotes_and_sources_link_their_pages(client):
    quote = client.get(f"/v1/quotes/{COSTA}").get_json()
    assert quote["links"]["html"] == f"http://api.test/quotes/{COSTA}#{COSTA}"
    source = client.get(f"/v1/sources/{PORT_STRIKE}").get_json()
    assert source["links"] == {
        "self": f"http://api.test/v1/sources/{PORT_STRIKE}",
        "text": f"http://api.test/v1/sources/{PORT_STRIKE}/text",
        "quotes": f"http://api.test/v1/quotes?source={PORT_STRIKE}",
        "html": f"http://api.test/sources/{PORT_STRIKE}",
    }
    listed = client.get("/v1/sources?limit=1").get_json()["data"][0]
    assert listed["links"]["html"] == f"http://api.test/sources/{listed['id']}"


def test_search_pages_by_keyset_and_links_its_json_and_feed(client):
    first = client.get("/search?limit=4&speaker=daniel-okafor").get_data(as_text=True)
    ids = re.findall(r'class="said" href="/quotes/(q_\w+)#', first)
    assert ids == ["q_87c1a6d8542d", "q_7f633a4a6acd", "q_2472f57d7412", "q_120920dfcffc"]
    assert 'href="/v1/quotes?speaker=daniel-okafor&amp;format=atom"' in first
    assert 'href="/v1/quotes?speaker=daniel-okafor"' in first
    assert 'rel="next"' not in first
    two = client.get("/search?limit=2&speaker=daniel-okafor").get_data(as_text=True)
    following = re.search(r'<a rel="next" href="([^"]+)"', two).group(1).replace("&amp;", "&")
    rest = client.get(following).get_data(as_text=True)
    assert re.findall(r'class="said" href="/quotes/(q_\w+)#', rest) == [
        "q_2472f57d7412", "q_120920dfcffc"]
    assert "First page" in rest


def test_html_in_stored_values_is_shown_as_text(write_client, auth_headers):
    source = write_client.post("/v1/sources", headers=auth_headers, json={
        "text": "“<script>alert(1)</script> we <b>won</b>,” said Ana Lopez, the "
                "<img src=x onerror=alert(2)> mayor.",
        "outlet": "<i>Wire</i>", "title": "<script>alert(3)</script>"}).get_json()
    quote_id = source["quotes"][0]["id"]
    for path in (f"/sources/{source['id']}", f"/quotes/{quote_id}", "/speakers/ana-lopez",
                 "/search?q=won"):
        page = client_page(write_client, path)
        assert "<script>alert" not in page and "<img" not in page and "<i>" not in page
        assert "&lt;script&gt;alert(" in page


def client_page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_a_deleted_quotes_page_is_410(write_client, auth_headers):
    write_client.delete(f"/v1/quotes/{COSTA}", headers=auth_headers)
    response = write_client.get(f"/quotes/{COSTA}")
    assert response.status_code == 410
    assert "<h1>410 Gone</h1>" in response.get_data(as_text=True)


@pytest.mark.parametrize(("path", "content_type"), [
    ("/assets/verbatim.css", "text/css; charset=utf-8"),
    ("/assets/copy.js", "text/javascript; charset=utf-8"),
])
def test_the_pages_assets_are_served_by_the_app(client, path, content_type):
    response = client.get(path)
    assert (response.status_code, response.content_type) == (200, content_type)


def test_the_docs_link_the_pages(client):
    spec = client.get("/openapi.json").get_json()
    assert "[Search quotes](/search)" in spec["info"]["description"]


def test_the_search_page_shares_the_searches_rate_limit(corpus_db):
    client = create_app({"DB": str(corpus_db), "TESTING": True, "SERVER_NAME": "api.test",
                         "SEARCH_RATE_LIMIT": "2/minute",
                         "RATELIMIT_STORAGE_URI": "memory://"}).test_client()
    assert [client.get(path).status_code for path in
            ("/search?q=deal", "/v1/quotes?q=deal", "/search", "/search?q=deal")] == [
        200, 200, 200, 429]
    response = client.get("/search?q=won")
    assert (response.status_code, response.content_type) == (429, "text/html; charset=utf-8")
    assert "<h1>429 Too Many Requests</h1>" in response.get_data(as_text=True)
    assert int(response.headers["Retry-After"]) > 0


def test_a_page_is_gzipped_with_its_own_etag(client):
    plain = client.get(f"/sources/{PORT_STRIKE}")
    zipped = client.get(f"/sources/{PORT_STRIKE}", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert zipped.headers["ETag"] == plain.headers["ETag"][:-1] + ':gzip"'
    assert client.get(f"/sources/{PORT_STRIKE}", headers={
        "If-None-Match": plain.headers["ETag"]}).status_code == 304


def test_a_sources_quotes_are_searched_from_its_page(client):
    source_page = client.get(f"/sources/{PORT_STRIKE}").get_data(as_text=True)
    assert f'<a href="/search?source={PORT_STRIKE}">search them</a>' in source_page
    page = client.get(f"/search?source={PORT_STRIKE}&q=").get_data(as_text=True)
    assert '<p class="muted total">3 quotes' in page
    assert f'<input type="hidden" name="source" value="{PORT_STRIKE}">' in page


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(("path", "accept", "content_type"), [
    ("/no-such-page", BROWSER_ACCEPT, "text/html; charset=utf-8"),
    ("/speakers/maria-costa/extra", BROWSER_ACCEPT, "text/html; charset=utf-8"),
    ("/no-such-page", "*/*", "application/problem+json"),
    ("/no-such-page", "application/json", "application/problem+json"),
    ("/v1/no-such-list", BROWSER_ACCEPT, "application/problem+json"),
])
def test_an_unknown_address_is_a_page_for_a_browser_and_json_for_a_script(client, path, accept,
                                                                            content_type):
    response = client.get(path, headers={"Accept": accept})
    assert (response.status_code, response.content_type) == (404, content_type)
    assert "Accept" in response.headers["Vary"]
    if content_type.startswith("text/html"):
        assert response.headers["Content-Security-Policy"] == CSP
        assert "<title>404 Not Found · Verbatim</title>" in response.get_data(as_text=True)
    else:
        assert response.get_json()["code"] == "not-found"


def test_the_search_form_keeps_every_value_of_a_repeated_filter(client):
    page = client.get("/search?speaker=Maria+Costa&speaker=Ivo+Lund&kind=full&kind=partial"
                      "&outlet=wire").get_data(as_text=True)
    assert page.count('<input name="speaker"') == 2
    assert '<input name="speaker" value="Maria Costa">' in page
    assert '<input name="speaker" value="Ivo Lund">' in page
    assert page.count('<input name="outlet"') == 1 and '<input name="outlet" value="wire">' in page
    assert '<input name="language" value="" maxlength="35">' in page
    assert '<input type="checkbox" name="kind" value="full" checked>' in page
    assert '<input type="checkbox" name="kind" value="partial" checked>' in page
    assert '<input type="checkbox" name="kind" value="indirect">' in page
