"""Full-text search (q=): English stemming, and common-word searches ranked by date."""
import sqlite3

import pytest

from api import create_app
from api.db import connect, init_schema

TOKENS = "alice:alice-secret-token"
AUTH = {"Authorization": "Bearer alice-secret-token"}
# Four quotes, each holding "the"; "smearing" and "smeared" stem to "smear".
ARTICLES = [
    ("2021-03-01", "“The smearing of the council must stop,” said Jane Roe."),
    ("2022-05-02", "“They smeared the name of the port,” said John Doe."),
    ("2023-07-03", "“The budget is the plan for the harbour,” said Jane Roe."),
    ("2024-01-04", "“We will keep the harbour open all winter,” said John Doe."),
]
NEWEST_FIRST = ["2024-01-04", "2023-07-03", "2022-05-02", "2021-03-01"]


@pytest.fixture
def search(tmp_path):
    """A client on the four quotes, where a word in at least 3 quotes is common."""
    app = create_app({"DB": str(tmp_path / "search.db"), "TESTING": True,
                      "SERVER_NAME": "api.test", "TOKENS": TOKENS, "SEARCH_COMMON_QUOTES": 3})
    client = app.test_client()
    for n, (published, text) in enumerate(ARTICLES):
        response = client.post("/v1/sources", headers=AUTH, json={
            "text": text, "outlet": "Harbour News", "title": f"Story {n}", "published": published})
        assert response.status_code == 201
    return client


def dates(page: dict) -> list[str]:
    return [quote["date"] for quote in page["data"]]


@pytest.mark.parametrize("q, total", [
    ("smear", 2),          # "smearing" and "smeared"
    ("smearing", 2),
    ("smeared", 2),
    ("smears", 2),
    ("harbours", 2),
    ("%22the%20smearing%22", 1),  # a phrase stems its words too, in order
    ("%22smeared%20the%22", 1),
    ("council%20smear", 1),
    ("smearings%20winter", 0),
])
def test_search_is_stemmed(search, q, total):
    page = search.get(f"/v1/quotes?q={q}").get_json()
    assert page["total"] == total and len(page["data"]) == total


@pytest.mark.parametrize("q, ranked_by, expected", [
    ("the", "date", NEWEST_FIRST),                         # in 4 quotes: common
    ("the%20harbour", "bm25", None),                       # harbour is in 2
    ("the%20smear", "bm25", None),
    ("%22the%20harbour%22", "bm25", None),                 # a phrase counts as one
    ("said", "bm25", None),                                # "said" is outside every quote
])
def test_only_common_words_are_ranked_by_date(search, q, ranked_by, expected):
    page = search.get(f"/v1/quotes?q={q}").get_json()
    assert page["ranked_by"] == ranked_by
    if expected is not None:
        assert dates(page) == expected and page["total"] == 4


def test_a_search_in_date_order_has_no_ranking(search):
    assert "ranked_by" not in search.get("/v1/quotes?q=the&sort=-date").get_json()
    assert "ranked_by" not in search.get("/v1/quotes").get_json()
    page = search.get("/v1/quotes?q=the&sort=relevance").get_json()
    assert (page["ranked_by"], dates(page)) == ("date", NEWEST_FIRST)


def test_a_relevance_sort_without_a_search_is_ranked_by_date(search):
    page = search.get("/v1/quotes?sort=relevance").get_json()
    assert (page["ranked_by"], dates(page), page["total"]) == ("date", NEWEST_FIRST, 4)
    second = search.get("/v1/quotes?sort=relevance&limit=3").get_json()
    assert dates(search.get(second["next"]).get_json()) == ["2021-03-01"]


@pytest.mark.parametrize("dates_asked, expected", [
    ("date_from=2023-01-01&date_to=2022-01-01", []),           # reversed: an empty range
    ("date_from=2023-07-03&date_to=2023-07-03", ["2023-07-03"]),
    ("date_from=2022-05-02&date_to=2023-07-03", ["2023-07-03", "2022-05-02"]),
])
def test_a_date_range_is_inclusive_and_a_reversed_one_is_empty(search, dates_asked, expected):
    page = search.get(f"/v1/quotes?{dates_asked}&facet=year").get_json()
    assert (dates(page), page["total"]) == (expected, len(expected))
    assert page["facets"]["year"] == [{"value": date[:4], "count": 1} for date in sorted(expected)]


def test_a_common_search_walks_its_pages_newest_first(search):
    url, walked = "/v1/quotes?q=the&limit=1", []
    while url:
        page = search.get(url).get_json()
        assert page["ranked_by"] == "date" and page["total"] == 4
        walked += dates(page)
        url = page["next"]
    assert walked == NEWEST_FIRST


def test_a_common_search_with_filters_and_facets(search):
    page = search.get("/v1/quotes?q=the&speaker=Jane%20Roe&facet=year").get_json()
    assert (page["ranked_by"], dates(page), page["total"]) == (
        "date", ["2023-07-03", "2021-03-01"], 2)
    assert page["facets"] == {"year": [{"value": "2021", "count": 1},
                                       {"value": "2023", "count": 1}]}


def test_a_write_can_make_a_word_common(search):
    assert search.get("/v1/quotes?q=harbour").get_json()["ranked_by"] == "bm25"
    response = search.post("/v1/sources", headers=AUTH, json={
        "text": "“The harbour stays open,” said John Doe.", "outlet": "Harbour News",
        "title": "Story 5", "published": "2024-02-05"})
    assert response.status_code == 201
    page = search.get("/v1/quotes?q=harbour").get_json()
    assert (page["ranked_by"], dates(page)) == ("date", ["2024-02-05", "2024-01-04", "2023-07-03"])


def test_a_schema_7_database_is_stemmed_on_upgrade(search, tmp_path):
    path = tmp_path / "search.db"
    conn = sqlite3.connect(path)
    conn.executescript("""
        DROP TABLE quotes_fts;
        CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, content = 'quotes',
            content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
        UPDATE meta SET value = '7' WHERE key = 'schema_version';
        DROP TABLE _sqlite_migrations;  -- schema 7 kept no record of migrations
    """)
    assert conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'smear'"
                        ).fetchone() == (0,)
    conn.close()
    init_schema(connect(path))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'smear'"
                        ).fetchone() == (2,)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("9",)
    assert "porter" in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'"
                                    ).fetchone()[0]
