"""Properties that must hold for any text: spans reproduce their words in code points and in
UTF-16, a stored quote checks as verbatim, and cursor pages neither repeat nor skip under inserts.
"""
import itertools
import json
import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from api import create_app
from api.extraction import extract_quotes
from tests.conftest import TOKENS
from tests.live import copy_db

AUTH = {"Authorization": "Bearer alice-secret-token"}
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ["the", "minister", "said", "we", "will", "not", "give", "up", "deal", "port", "it's",
         "don't", "O'Neill", "rock’n’roll", "café", "Cafe\u0301", "naïve", "e\u0300\u0323",
         "🎉", "👩🏽‍⚕️", "🇺🇦", "𝔘𝔫𝔦", "مرحبا", "بالعالم", "שלום", "עולם", "中国", "日本語",
         "\u200b", "\u202e", "\u00a0", "\x00", "\x07", "\x1b", "\ufeff", "–", "—", "...", "…",
         "[sic]", "(AP)", "U.S.", "5%", "$10", "\t", "\r\n"]
MARKS = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("”", "“"),
         ("«\u00a0", "\u00a0»")]
NAMES = ["Anna Berg", "Omar Haddad", "Yael Cohen", "Li Wei", "the ministry", "a spokesperson",
         "Zoë Ångström", "he", "she", "they"]
CUES = ["{q} said {n}.", "{q} {n} said.", "{n} said: {q}", "{n} told reporters {q}",
        "{q}, {n} added.", "According to {n}, {q}", "{q}"]

word = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=6))
words = st.lists(word, min_size=1, max_size=12).map(" ".join)


@st.composite
def quoted(draw) -> str:
    """A passage with quotation marks (sometimes unbalanced) and an attribution cue."""
    opening, closing = draw(st.sampled_from(MARKS))
    body = f"{opening}{draw(words)}{closing if draw(st.integers(0, 9)) else ''}"
    return draw(st.sampled_from(CUES)).format(q=body, n=draw(st.sampled_from(NAMES)))


@st.composite
def articles(draw) -> str:
    """Narrative, quotes and stray marks in random order, split into paragraphs."""
    parts = draw(st.lists(st.one_of(words, quoted(), st.sampled_from(
        [m for pair in MARKS for m in pair])), min_size=1, max_size=12))
    seps = draw(st.lists(st.sampled_from([" ", "\n\n", "\n", ". "]), min_size=len(parts),
                         max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


def assert_spans(text: str, quotes) -> None:
    event(f"quotes found: {min(len(quotes), 3)}{'+' if len(quotes) >= 3 else ''}")
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.cue is not None and q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue


@settings(max_examples=600, **SETTINGS)
@given(text=articles())
def test_extracted_spans_and_cues_reproduce_their_text(text):
    assert_spans(text, extract_quotes(text, published="2024-01-02"))


@settings(max_examples=300, **SETTINGS)
@given(text=st.one_of(articles(), st.text(max_size=400)),
       language=st.sampled_from(["fr", "de", "es", "it", "pl"]))
def test_spans_and_cues_of_other_languages_reproduce_their_text(text, language):
    assert_spans(text, extract_quotes(text, published="2024-01-02", language=language))


@settings(max_examples=300, **SETTINGS)
@given(text=st.text(max_size=400))
def test_extraction_never_raises_on_any_text(text):
    assert_spans(text, extract_quotes(text))


SOUP = [*"“”\"‘’'«»„‹› \n.,:;abcXY\u0301🎉\x00\u200fש", "\n\n", "said Anna Berg", " he said",
        "Berg told", " according to Li Wei"]


@settings(max_examples=500, **SETTINGS)
@given(parts=st.lists(st.sampled_from(SOUP), max_size=80))
def test_extraction_holds_in_a_soup_of_quote_marks(parts):
    text = "".join(parts)
    assert_spans(text, extract_quotes(text, published="2024-01-02"))


@pytest.fixture(scope="module")
def write_client(corpus_db, tmp_path_factory):
    """A client of a private corpus copy, with a write limit no property run reaches."""
    path = copy_db(corpus_db, tmp_path_factory.mktemp("props") / "props.db")
    app = create_app({"DB": str(path), "TESTING": True, "SERVER_NAME": "api.test",
                      "TOKENS": TOKENS, "WRITE_RATE_LIMIT": "1000000/minute",
                      "CHECK_RATE_LIMIT": "1000000/minute"})
    return app.test_client()


def post_source(client, text: str, **meta) -> dict:
    response = client.post("/v1/sources", headers=AUTH, data=json.dumps(
        {"text": text, "outlet": "Prop Wire", **meta}), content_type="application/json")
    assert response.status_code in (200, 201), response.get_data(as_text=True)
    return response.get_json()


@settings(max_examples=120, **SETTINGS)
@given(text=articles())
def test_served_spans_are_right_in_code_points_and_utf16(write_client, text):
    source = post_source(write_client, text, published="2024-01-02")
    assert source["text"] == text
    expected = extract_quotes(text, published="2024-01-02", language=source["language"])
    event(f"quotes served: {min(len(expected), 3)}")
    assert [(q["span"]["start"], q["span"]["end"]) for q in source["quotes"]] == sorted(
        (q.start, q.end) for q in expected)
    units = text.encode("utf-16-le")
    for quote in source["quotes"]:
        start, end = quote["span"]["start"], quote["span"]["end"]
        s16, e16 = quote["span_utf16"]["start"], quote["span_utf16"]["end"]
        assert text[start:end] == quote["text"] == quote["selector"]["exact"]
        assert units[2 * s16:2 * e16].decode("utf-16-le") == quote["text"]
        assert quote["selector"]["prefix"] == text[max(0, start - 32):start]
        assert quote["selector"]["suffix"] == text[end:end + 32]
        sliced = write_client.get(f"/v1/sources/{source['id']}/text?start={start}&end={end}")
        assert sliced.get_json()["text"] == quote["text"]


@settings(max_examples=100, **SETTINGS)
@given(text=articles())
def test_a_stored_quotes_own_words_check_as_verbatim(write_client, text):
    source = post_source(write_client, text, published="2024-01-02")
    checked = [quote for quote in source["quotes"] if len(re.findall(r"\w+", quote["text"])) >= 3]
    event(f"quotes checked: {min(len(checked), 3)}")
    for quote in source["quotes"]:
        recheck = write_client.get(f"/v1/quotes/{quote['id']}/provenance").get_json()
        assert recheck["intact"] and recheck["text"] == quote["text"], recheck
    for quote in checked:
        response = write_client.post("/v1/provenance/check", content_type="application/json",
                                     data=json.dumps({"text": quote["text"],
                                                      "source": source["id"]}))
        result = response.get_json()
        assert response.status_code == 200, result
        assert result["verdict"] == "verbatim", (quote["text"], result)
        assert quote["id"] in {m["quote_id"] for m in result["matches"]}, (quote["text"], result)


DATES = [None, "2022-05-29", "2023-03-08", "2024-02-01", "2024-02-02", "2030-01-01"]


INSERTED = itertools.count()


def page_through(client, url: str, inserts: list[list[str | None]]) -> list[dict]:
    """Walk every page from url, storing new sources between the pages."""
    seen, batches = [], iter(inserts)
    while url:
        page = client.get(url).get_json()
        seen += page["data"]
        url = page["next"]
        for published in next(batches, []):
            n = next(INSERTED)
            text = f"Insert {n}\n\n“These are inserted words number {n},” said Li Wei."
            post_source(client, text, **({"published": published} if published else {}))
    return seen


def walk_key(item: dict) -> tuple[str, str]:
    """The keyset a list is ordered by: (date, id) for quotes, (published, id) for sources."""
    return (item["date"] if "date" in item else item["published"]) or "", item["id"]


@settings(max_examples=30, **SETTINGS)
@given(url=st.sampled_from(["/v1/quotes?sort=date", "/v1/quotes?sort=-date",
                            "/v1/quotes?kind=full", "/v1/sources?outlet=Prop%20Wire"]),
       inserts=st.lists(st.lists(st.sampled_from(DATES), max_size=3), max_size=8))
def test_cursor_walk_never_repeats_or_skips_under_inserts(write_client, url, inserts):
    before = {item["id"] for item in page_through(write_client, f"{url}&limit=100", [])}
    seen = page_through(write_client, f"{url}&limit=3", inserts)
    ids = [item["id"] for item in seen]
    assert len(ids) == len(set(ids)), "an item came twice"
    assert before <= set(ids), f"skipped {before - set(ids)}"
    keys = [walk_key(item) for item in seen]  # an unknown date sorts as ''
    assert keys == sorted(keys, reverse=not url.endswith("sort=date"))
