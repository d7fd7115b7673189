"""Atom and JSON Feed 1.1 renderings of GET /v1/quotes, read back with feedparser."""
from datetime import datetime, timezone

import feedparser
import orjson
import pytest
from feedgen.feed import FeedGenerator

from api.feeds import UNDATED, FeedLinks, atom_feed, entry_date, json_feed

ROOT = "http://api.test"
VOGT = [("q_bcbf9f1465d7", "“We did it together,” Lena Vogt said (wire, 29 May 2022).",
         "We did it together.", "2022-05-29T00:00:00Z"),
        ("q_e7fd9f864b73",
         "“What a night 🎉 for this club,” Lena Vogt, captain, said (wire, 28 May 2022).",
         "What a night 🎉 for this club,", "2022-05-28T00:00:00Z")]
OKAFOR_NEXT = (f"{ROOT}/v1/quotes?{{fmt}}speaker=daniel-okafor&limit=3&cursor="
               "WyJxdW90ZXMtZGF0ZSIsIjIwMjQtMDItMDEiLCJxXzI0NzJmNTdkNzQxMiJd")


def atom(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200
    assert response.content_type == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return response, feed


def test_atom_feed_of_a_filter_is_newest_first_with_attribution_titles(client):
    url = f"{ROOT}/v1/quotes?format=atom&speaker=lena-vogt"
    response, feed = atom(client, url)
    assert response.headers["Vary"] == "Accept, Accept-Encoding"
    assert "Link" not in response.headers
    assert feed.feed.id == url
    assert feed.feed.title == "Verbatim: quotes"
    assert feed.feed.updated == "2022-05-29T00:00:00+00:00"
    assert [(link.rel, link.href) for link in feed.feed.links] == [
        ("self", url), ("alternate", f"{ROOT}/search?speaker=lena-vogt")]
    assert [(e.id, e.title, e.content[0].value, e.content[0].type, e.updated, e.author)
            for e in feed.entries] == [
        (f"{ROOT}/v1/quotes/{quote_id}", title, text, "text/plain", date.replace("Z", "+00:00"),
         "Lena Vogt") for quote_id, title, text, date in VOGT]
    assert [[(link.rel, link.href) for link in e.links] for e in feed.entries] == [
        [("alternate", f"{ROOT}/quotes/{quote_id}#{quote_id}")] for quote_id, *_ in VOGT]


def test_atom_feed_by_accept_and_its_next_page(client):
    response, feed = atom(client, "/v1/quotes?speaker=daniel-okafor&limit=3",
                          headers={"Accept": "application/atom+xml"})
    next_url = (f"{ROOT}/v1/quotes?speaker=daniel-okafor&limit=3&format=atom&cursor="
                "WyJxdW90ZXMtZGF0ZSIsIjIwMjQtMDItMDEiLCJxXzI0NzJmNTdkNzQxMiJd")
    assert response.headers["Link"] == f'<{next_url}>; rel="next"'
    assert [(link.rel, link.href) for link in feed.feed.links] == [
        ("self", f"{ROOT}/v1/quotes?speaker=daniel-okafor&limit=3"),
        ("alternate", f"{ROOT}/search?speaker=daniel-okafor"), ("next", next_url)]
    assert [e.id for e in feed.entries] == [
        f"{ROOT}/v1/quotes/{quote_id}"
        for quote_id in ("q_87c1a6d8542d", "q_7f633a4a6acd", "q_2472f57d7412")]
    _, last = atom(client, next_url)  # a feed reader follows `next` without Accept
    assert [e.id for e in last.entries] == [f"{ROOT}/v1/quotes/q_120920dfcffc"]
    assert [e.title for e in last.entries] == [
        "According to Daniel Okafor, chip shortages could slow deliveries "
        "(Business Daily, 1 February 2024)."]
    assert "next" not in [link.rel for link in last.feed.links]


def test_json_feed_keys_follow_the_1_1_spec(client):
    for response in (client.get("/v1/quotes?format=jsonfeed&speaker=lena-vogt"),
                     client.get("/v1/quotes?speaker=lena-vogt",
                                headers={"Accept": "application/feed+json"})):
        assert response.status_code == 200
        assert response.content_type == "application/feed+json"
    assert orjson.loads(response.data) == {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Verbatim: quotes",
        "home_page_url": f"{ROOT}/search?speaker=lena-vogt",
        "feed_url": f"{ROOT}/v1/quotes?speaker=lena-vogt",
        "items": [{"id": f"{ROOT}/v1/quotes/{quote_id}",
                   "url": f"{ROOT}/quotes/{quote_id}#{quote_id}",
                   "title": title, "content_text": text, "date_published": date,
                   "authors": [{"name": "Lena Vogt"}]}
                  for quote_id, title, text, date in VOGT]}


def test_json_feed_links_the_source_and_the_next_page(client):
    response = client.get("/v1/quotes?format=jsonfeed&speaker=daniel-okafor&limit=3")
    feed = orjson.loads(response.data)
    assert feed["next_url"] == OKAFOR_NEXT.format(fmt="format=jsonfeed&")
    assert response.headers["Link"] == f'<{feed["next_url"]}>; rel="next"'
    assert feed["items"][0] == {
        "id": f"{ROOT}/v1/quotes/q_87c1a6d8542d",
        "url": f"{ROOT}/quotes/q_87c1a6d8542d#q_87c1a6d8542d",
        "title": "“Demand is stronger than at any time in our history,” Daniel Okafor, "
                 "chief executive, said (Business Daily, 1 February 2024).",
        "content_text": "Demand is stronger than at any time in our history,",
        "date_published": "2024-02-01T00:00:00Z",
        "external_url": "https://example.com/robots?id=7",
        "authors": [{"name": "Daniel Okafor"}]}
    last = orjson.loads(client.get(feed["next_url"]).data)
    assert "next_url" not in last
    assert [item["id"] for item in last["items"]] == [f"{ROOT}/v1/quotes/q_120920dfcffc"]


def test_a_search_feed_is_newest_first_unless_another_sort_is_asked(client):
    by_relevance = client.get("/v1/quotes?q=we").get_json()["data"]
    assert [quote["id"] for quote in by_relevance] == [
        "q_bcbf9f1465d7", "q_df14371a1d09", "q_2472f57d7412", "q_7f633a4a6acd"]
    feed = orjson.loads(client.get("/v1/quotes?format=jsonfeed&q=we").data)
    assert [(item["id"], item["date_published"]) for item in feed["items"]] == [
        (f"{ROOT}/v1/quotes/q_7f633a4a6acd", "2024-02-01T00:00:00Z"),
        (f"{ROOT}/v1/quotes/q_2472f57d7412", "2024-02-01T00:00:00Z"),
        (f"{ROOT}/v1/quotes/q_df14371a1d09", "2023-03-08T00:00:00Z"),
        (f"{ROOT}/v1/quotes/q_bcbf9f1465d7", "2022-05-29T00:00:00Z")]
    oldest_first = orjson.loads(client.get("/v1/quotes?format=jsonfeed&q=we&sort=date").data)
    assert [item["id"] for item in oldest_first["items"]] == [
        f"{ROOT}/v1/quotes/q_bcbf9f1465d7", f"{ROOT}/v1/quotes/q_df14371a1d09",
        f"{ROOT}/v1/quotes/q_2472f57d7412", f"{ROOT}/v1/quotes/q_7f633a4a6acd"]
    ranked = orjson.loads(client.get("/v1/quotes?format=jsonfeed&q=we&sort=relevance").data)
    assert [item["id"] for item in ranked["items"]] == [
        f"{ROOT}/v1/quotes/q_bcbf9f1465d7", f"{ROOT}/v1/quotes/q_df14371a1d09",
        f"{ROOT}/v1/quotes/q_2472f57d7412", f"{ROOT}/v1/quotes/q_7f633a4a6acd"]
    assert client.get("/v1/quotes?format=atom&sort=-date").status_code == 200


def test_a_feed_page_in_another_order_links_its_next_page_in_that_order(client):
    first = orjson.loads(client.get("/v1/quotes?format=jsonfeed&q=we&sort=date&limit=2").data)
    assert [item["id"] for item in first["items"]] == [
        f"{ROOT}/v1/quotes/q_bcbf9f1465d7", f"{ROOT}/v1/quotes/q_df14371a1d09"]
    second = orjson.loads(client.get(first["next_url"]).data)
    assert [item["id"] for item in second["items"]] == [
        f"{ROOT}/v1/quotes/q_2472f57d7412", f"{ROOT}/v1/quotes/q_7f633a4a6acd"]
    assert "next_url" not in second


def test_an_empty_feed_is_dated_the_epoch(client):
    _, feed = atom(client, "/v1/quotes?format=atom&speaker=nobody-at-all")
    assert feed.entries == []
    assert feed.feed.updated == "1970-01-01T00:00:00+00:00"


@pytest.mark.parametrize("date, published, expected", [
    ("2022-05-28", "2022-05-29", datetime(2022, 5, 28, tzinfo=timezone.utc)),
    ("", "2022-05-29", datetime(2022, 5, 29, tzinfo=timezone.utc)),
    (None, None, UNDATED)])
def test_entry_date_is_the_statement_date_else_the_publication_date(date, published, expected):
    assert entry_date({"date": date, "source_published": published}) == expected


def test_openapi_lists_the_feed_media_types(client):
    listed = client.get("/openapi.json").get_json()["paths"]["/v1/quotes"]["get"]
    assert {"application/atom+xml", "application/feed+json"} <= set(
        listed["responses"]["200"]["content"])
    [fmt] = [p for p in listed["parameters"] if p["name"] == "format"]
    assert fmt["schema"]["enum"] == ["json", "csv", "bibtex", "ris", "csl-json", "atom", "jsonfeed",
                                    None]


def test_markup_and_characters_xml_cannot_carry_survive_in_each_feed(write_client, auth_headers):
    body = {"text": "“We will \x0bwin <b>& sing</b>,” said Ana Lopez.",
            "outlet": "City\x01 <Wire>", "published": "2024-04-10"}
    source = write_client.post("/v1/sources", json=body, headers=auth_headers).get_json()
    _, feed = atom(write_client, f"/v1/quotes?format=atom&source={source['id']}")
    [entry] = feed.entries
    assert entry.content[0].value == "We will \ufffdwin <b>& sing</b>,"
    # the attribution line folds every run of white space (\x0b too) into one space
    assert entry.title == ("“We will win <b>& sing</b>,” Ana Lopez said "
                           "(City\ufffd <Wire>, 10 April 2024).")
    assert entry.updated == "2024-04-10T00:00:00+00:00"
    [item] = orjson.loads(write_client.get(
        f"/v1/quotes?format=jsonfeed&source={source['id']}").data)["items"]
    assert item["content_text"] == "We will \x0bwin <b>& sing</b>,"
    assert "external_url" not in item


ROW = {"id": "q_1", "text": "Rates will fall.", "start": 1, "end": 17, "speaker_name": None,
       "role": None, "kind": "full", "date": None, "source_id": "s_1", "outlet": "Wire",
       "source_publisher": None, "source_title": None, "source_author": None,
       "source_url": None, "source_published": None}
LINKS = FeedLinks(feed_url="https://x.test/v1/quotes?format=atom",
                  home_page_url="https://x.test/search", next_url=None,
                  quote_url=lambda quote_id: f"https://x.test/v1/quotes/{quote_id}",
                  quote_page_url=lambda quote_id: f"https://x.test/quotes/{quote_id}")


def test_an_entry_without_speaker_or_date_takes_the_feed_author_and_the_epoch():
    feed = feedparser.parse(atom_feed([ROW], LINKS))
    assert not feed.bozo
    [entry] = feed.entries
    assert (entry.title, entry.updated, "author" in entry) == (
        "“Rates will fall” (Wire).", "1970-01-01T00:00:00+00:00", False)
    assert feed.feed.author == "Verbatim"  # RFC 4287: the feed's author stands for the entry's
    [item] = orjson.loads(json_feed([ROW], LINKS))["items"]
    assert item == {"id": "https://x.test/v1/quotes/q_1", "url": "https://x.test/quotes/q_1",
                    "title": "“Rates will fall” (Wire).", "content_text": "Rates will fall.",
                    "date_published": "1970-01-01T00:00:00Z"}


def test_canary_feedgen_still_drops_an_entry_links_rel():
    """When this fails, feedgen keeps rel: give Atom entries the source as rel="related"."""
    fg = FeedGenerator()
    fg.id("https://x.test/")
    fg.title("t")
    fg.updated(UNDATED)
    entry = fg.add_entry()
    entry.id("https://x.test/1")
    entry.title("t")
    entry.updated(UNDATED)
    entry.content("c", type="text")
    entry.link(href="https://x.test/source", rel="related", type="text/html")
    assert b'<link href="https://x.test/source"/>' in fg.atom_str()
